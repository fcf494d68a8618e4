//! The latent customer archetypes the generator mixes, with the parameters that make each one a
//! recognisable segment (income, household, basket, channels, deal appetite, responsiveness).

/// Education levels, spelled as in the demo dataset.
pub(super) const EDUCATION: [&str; 5] = ["Graduation", "PhD", "Master", "2n Cycle", "Basic"];
/// Income multiplier per education level (the demo's "Basic" earns far less).
pub(super) const EDUCATION_INCOME: [f64; 5] = [1.0, 1.08, 1.02, 0.92, 0.42];

/// Marital statuses, spelled as in the demo dataset (including its odd answers).
pub(super) const MARITAL: [&str; 8] = [
    "Married", "Together", "Single", "Divorced", "Widow", "Alone", "Absurd", "YOLO",
];

/// One latent kind of customer. Every field is a centre that per-customer noise spreads around,
/// so neighbouring archetypes overlap.
pub(super) struct Archetype {
    /// Share of customers drawn from this archetype (relative weight).
    pub weight: f64,
    /// Birth year: mean and standard deviation.
    pub birth: (f64, f64),
    /// Household income: median and log-scale spread.
    pub income: (f64, f64),
    /// `(Kidhome, Teenhome, weight)` combinations.
    pub households: &'static [(u32, u32, f64)],
    /// Weights over [`EDUCATION`].
    pub education: [f64; 5],
    /// Weights over [`MARITAL`].
    pub marital: [f64; 8],
    /// Multiplier on the income-driven spend curve.
    pub spend_level: f64,
    /// Mean basket shares: wines, fruits, meat, fish, sweets, gold.
    pub basket: [f64; 6],
    /// Mean channel shares of purchases: web, catalog, store.
    pub channels: [f64; 3],
    /// Base share of purchases made with a deal.
    pub deal_share: f64,
    /// Web visits per month at a typical spend.
    pub web_visits: f64,
    /// Days since the last purchase: inclusive range.
    pub recency: (u32, u32),
    /// Shift on the log-odds of accepting campaigns.
    pub responsiveness: f64,
}

const MARITAL_DEFAULT: [f64; 8] = [0.39, 0.26, 0.21, 0.10, 0.034, 0.0015, 0.001, 0.001];

/// The archetypes, in a fixed order (the order is part of the output's determinism).
pub(super) const ARCHETYPES: [Archetype; 6] = [
    // Affluent wine and meat lovers, few children, catalog and store buyers, responsive.
    Archetype {
        weight: 0.22,
        birth: (1963.0, 11.0),
        income: (74_000.0, 0.17),
        households: &[(0, 0, 0.62), (0, 1, 0.28), (1, 0, 0.04), (1, 1, 0.06)],
        education: [0.47, 0.28, 0.17, 0.07, 0.01],
        marital: MARITAL_DEFAULT,
        spend_level: 1.1,
        basket: [0.51, 0.05, 0.29, 0.065, 0.05, 0.035],
        channels: [0.27, 0.31, 0.42],
        deal_share: 0.05,
        web_visits: 4.4,
        recency: (0, 99),
        responsiveness: 0.55,
    },
    // Established families with teenagers: middle income, wine-led basket, web and store.
    Archetype {
        weight: 0.23,
        birth: (1962.0, 8.0),
        income: (57_000.0, 0.22),
        households: &[
            (0, 1, 0.56),
            (1, 1, 0.21),
            (0, 2, 0.05),
            (1, 2, 0.03),
            (0, 0, 0.06),
            (1, 0, 0.05),
        ],
        education: [0.50, 0.24, 0.17, 0.08, 0.01],
        marital: MARITAL_DEFAULT,
        spend_level: 1.0,
        basket: [0.58, 0.03, 0.21, 0.045, 0.03, 0.105],
        channels: [0.35, 0.16, 0.49],
        deal_share: 0.17,
        web_visits: 5.4,
        recency: (0, 99),
        responsiveness: -0.1,
    },
    // Young families with small children: lower income, low spend, deal-driven, web visitors.
    Archetype {
        weight: 0.25,
        birth: (1978.0, 7.0),
        income: (33_000.0, 0.27),
        households: &[
            (1, 0, 0.55),
            (1, 1, 0.18),
            (2, 0, 0.07),
            (2, 1, 0.04),
            (0, 0, 0.10),
            (0, 1, 0.06),
        ],
        education: [0.49, 0.18, 0.16, 0.12, 0.05],
        marital: MARITAL_DEFAULT,
        spend_level: 0.85,
        basket: [0.33, 0.07, 0.26, 0.09, 0.07, 0.18],
        channels: [0.36, 0.08, 0.56],
        deal_share: 0.22,
        web_visits: 6.0,
        recency: (0, 99),
        responsiveness: -0.35,
    },
    // Young singles who shop on the web first.
    Archetype {
        weight: 0.12,
        birth: (1984.0, 6.0),
        income: (43_000.0, 0.30),
        households: &[(0, 0, 0.60), (1, 0, 0.30), (0, 1, 0.07), (1, 1, 0.03)],
        education: [0.52, 0.17, 0.16, 0.11, 0.04],
        marital: [0.20, 0.22, 0.46, 0.10, 0.005, 0.004, 0.002, 0.003],
        spend_level: 1.05,
        basket: [0.38, 0.06, 0.32, 0.07, 0.06, 0.11],
        channels: [0.55, 0.11, 0.34],
        deal_share: 0.15,
        web_visits: 6.6,
        recency: (0, 99),
        responsiveness: 0.35,
    },
    // Older, moderate store regulars with a taste for gold.
    Archetype {
        weight: 0.10,
        birth: (1950.0, 6.0),
        income: (52_000.0, 0.25),
        households: &[
            (0, 0, 0.35),
            (0, 1, 0.50),
            (1, 1, 0.07),
            (0, 2, 0.05),
            (1, 0, 0.03),
        ],
        education: [0.46, 0.27, 0.16, 0.08, 0.03],
        marital: [0.38, 0.22, 0.12, 0.16, 0.12, 0.0, 0.0, 0.0],
        spend_level: 1.0,
        basket: [0.50, 0.04, 0.21, 0.06, 0.04, 0.15],
        channels: [0.25, 0.14, 0.61],
        deal_share: 0.12,
        web_visits: 4.6,
        recency: (0, 99),
        responsiveness: -0.15,
    },
    // Lapsed low spenders: long since the last purchase, rarely respond.
    Archetype {
        weight: 0.08,
        birth: (1968.0, 12.0),
        income: (38_000.0, 0.35),
        households: &[
            (0, 0, 0.30),
            (1, 0, 0.25),
            (0, 1, 0.25),
            (1, 1, 0.17),
            (2, 0, 0.03),
        ],
        education: [0.50, 0.20, 0.16, 0.10, 0.04],
        marital: MARITAL_DEFAULT,
        spend_level: 0.45,
        basket: [0.36, 0.06, 0.25, 0.08, 0.06, 0.19],
        channels: [0.36, 0.09, 0.55],
        deal_share: 0.20,
        web_visits: 5.5,
        recency: (55, 99),
        responsiveness: -0.9,
    },
];

/// The archetype weights, in [`ARCHETYPES`] order.
pub(super) fn weights() -> [f64; ARCHETYPES.len()] {
    let mut out = [0.0; ARCHETYPES.len()];
    for (slot, archetype) in out.iter_mut().zip(ARCHETYPES.iter()) {
        *slot = archetype.weight;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_and_shares_are_sane() {
        let total: f64 = weights().iter().sum();
        assert!(
            (total - 1.0).abs() < 1e-9,
            "archetype weights sum to {total}"
        );
        for a in &ARCHETYPES {
            assert!((a.basket.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            assert!((a.channels.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            assert!(a.households.iter().all(|&(k, t, _)| k <= 2 && t <= 2));
            assert!(a.recency.0 <= a.recency.1 && a.recency.1 <= 99);
        }
    }
}
