//! The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV";
//! Hardie's note 025): its log-likelihood, maximum-likelihood fit on the customers with repeat
//! purchases, and each customer's expected average order value.
//!
//! A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so
//! the population mean transaction value is `pγ/(q−1)`.

use super::ClvError;
use super::optimise;
use super::special::ln_gamma;

/// Fitted Gamma-Gamma parameters (`gamma` in the currency of the amounts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGammaParams {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

/// A converged maximum-likelihood fit.
#[derive(Debug, Clone, PartialEq)]
pub struct GammaGammaFit {
    pub params: GammaGammaParams,
    /// The summed log-likelihood at the optimum.
    pub log_likelihood: f64,
    /// Customers fitted (those with at least one repeat purchase and a positive mean value).
    pub customers: usize,
    /// Customers with repeat purchases left out because their mean value was not positive.
    pub left_out_not_positive: usize,
    pub iterations: u64,
}

/// One customer's repeat transactions: how many (`x ≥ 1`) and their mean value (`m̄ > 0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpendHistory {
    pub frequency: u32,
    pub mean_value: f64,
}

/// The fit's starting values: p = q = 1 and γ = the customers' mean of `m̄` (so the start's
/// implied scale is that of the data), searched on their logarithms.
pub const START_SHAPES: (f64, f64) = (1.0, 1.0);

/// One customer's log-likelihood, eq. (1a) of note 025:
/// `lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(x m̄ + γ)`.
pub fn customer_log_likelihood(params: &GammaGammaParams, spend: &SpendHistory) -> f64 {
    let GammaGammaParams { p, q, gamma } = *params;
    let x = f64::from(spend.frequency);
    let m = spend.mean_value;
    ln_gamma(p * x + q) - ln_gamma(p * x) - ln_gamma(q)
        + q * gamma.ln()
        + (p * x - 1.0) * m.ln()
        + p * x * x.ln()
        - (p * x + q) * (x * m + gamma).ln()
}

/// The summed log-likelihood.
pub fn log_likelihood(params: &GammaGammaParams, spends: &[SpendHistory]) -> f64 {
    spends
        .iter()
        .map(|s| customer_log_likelihood(params, s))
        .sum()
}

/// Fits p, q, γ on the customers with `frequency ≥ 1` and a positive mean value; the others
/// are skipped (those with a non-positive mean are counted in the result).
pub fn fit(spends: &[SpendHistory]) -> Result<GammaGammaFit, ClvError> {
    let repeaters: Vec<SpendHistory> = spends.iter().filter(|s| s.frequency > 0).copied().collect();
    let used: Vec<SpendHistory> = repeaters
        .iter()
        .filter(|s| s.mean_value > 0.0 && s.mean_value.is_finite())
        .copied()
        .collect();
    if used.is_empty() {
        return Err(ClvError::NoRepeatPurchases {
            model: "Gamma-Gamma",
        });
    }
    let n = used.len() as f64;
    let mean = used.iter().map(|s| s.mean_value).sum::<f64>() / n;
    let cost = |v: &[f64]| -log_likelihood(&from_logs(v), &used) / n;
    let start = [START_SHAPES.0.ln(), START_SHAPES.1.ln(), mean.ln()];
    let found = optimise::minimise(&cost, &start).map_err(|reason| ClvError::NotConverged {
        model: "Gamma-Gamma",
        reason: reason.to_string(),
    })?;
    let params = from_logs(&found.point);
    Ok(GammaGammaFit {
        params,
        log_likelihood: log_likelihood(&params, &used),
        customers: used.len(),
        left_out_not_positive: repeaters.len() - used.len(),
        iterations: found.iterations,
    })
}

fn from_logs(v: &[f64]) -> GammaGammaParams {
    GammaGammaParams {
        p: v[0].exp(),
        q: v[1].exp(),
        gamma: v[2].exp(),
    }
}

impl GammaGammaParams {
    /// The population mean transaction value `pγ/(q−1)`; `None` when `q ≤ 1` (no finite mean).
    pub fn population_mean(&self) -> Option<f64> {
        (self.q > 1.0).then(|| self.p * self.gamma / (self.q - 1.0))
    }

    /// A customer's expected average order value, eq. (5) of note 025: the weighted mean
    /// `(1−w)·pγ/(q−1) + w·m̄` with `w = px/(px+q−1)`. A customer without repeat purchases gets
    /// the population mean. `None` when `q ≤ 1`.
    pub fn expected_order_value(&self, frequency: u32, mean_value: Option<f64>) -> Option<f64> {
        let population = self.population_mean()?;
        let (x, m) = match mean_value {
            Some(m) if frequency > 0 => (f64::from(frequency), m),
            _ => return Some(population),
        };
        let weight = self.p * x / (self.p * x + self.q - 1.0);
        Some((1.0 - weight) * population + weight * m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAPER: GammaGammaParams = GammaGammaParams {
        p: 6.25,
        q: 3.74,
        gamma: 15.44,
    };

    #[test]
    fn the_expected_value_shrinks_towards_the_population_mean() {
        let population = PAPER.population_mean().unwrap();
        assert!((population - 6.25 * 15.44 / 2.74).abs() < 1e-12);
        let few = PAPER.expected_order_value(1, Some(100.0)).unwrap();
        let many = PAPER.expected_order_value(20, Some(100.0)).unwrap();
        assert!(
            population < few && few < many && many < 100.0,
            "{few} {many}"
        );
        assert_eq!(PAPER.expected_order_value(0, None), Some(population));
    }

    #[test]
    fn no_finite_mean_below_q_of_one() {
        let params = GammaGammaParams { q: 0.9, ..PAPER };
        assert_eq!(params.expected_order_value(3, Some(10.0)), None);
    }
}
