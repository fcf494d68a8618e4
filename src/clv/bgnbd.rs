//! The BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005, "Counting Your Customers
//! the Easy Way"): its log-likelihood, maximum-likelihood fit, expected purchases over a
//! horizon and the probability that a customer is still active.
//!
//! While active a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after every
//! purchase they drop out with probability p ~ Beta(a, b).

use super::optimise::{self, SearchFailure};
use super::special::{ln_gamma, ln_hyp2f1};
use super::{ClvError, RepeatHistory};

/// Fitted BG/NBD parameters; `alpha` is in weeks (the time unit of the summary).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BgNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// A converged maximum-likelihood fit.
#[derive(Debug, Clone, PartialEq)]
pub struct BgNbdFit {
    pub params: BgNbdParams,
    /// The summed log-likelihood at the optimum.
    pub log_likelihood: f64,
    /// Customers fitted.
    pub customers: usize,
    /// Simplex iterations used.
    pub iterations: u64,
}

/// The published estimates on the CDNOW cohort (Fader, Hardie & Lee 2005, weeks, calibration
/// through 1997-09-30): the known answer of the fit, and parameters for examples and tests.
pub const PUBLISHED_CDNOW: BgNbdParams = BgNbdParams {
    r: 0.243,
    alpha: 4.414,
    a: 0.793,
    b: 2.426,
};

/// The fit's starting values, in units where the oldest customer's T is [`SCALED_AGE`]
/// (lifetimes' scaling): r = α = a = b = 1. α is scaled back to weeks afterwards.
pub const START: BgNbdParams = BgNbdParams {
    r: 1.0,
    alpha: 1.0,
    a: 1.0,
    b: 1.0,
};
/// The oldest customer's age in the fit's internal time unit.
pub const SCALED_AGE: f64 = 10.0;

/// One customer's log-likelihood, eq. (6) of the paper in the stable form of Hardie's note 004:
/// `A₁ + A₂ + ln(e^A₃ + [x > 0] e^A₄)` with
/// `A₁ = lnΓ(r+x) − lnΓ(r) + r ln α`, `A₂ = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)`,
/// `A₃ = −(r+x) ln(α+T)`, `A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ)`.
pub fn customer_log_likelihood(params: &BgNbdParams, history: &RepeatHistory) -> f64 {
    let BgNbdParams { r, alpha, a, b } = *params;
    let x = f64::from(history.frequency);
    let a1 = ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln();
    let a2 = ln_gamma(a + b) + ln_gamma(b + x) - ln_gamma(b) - ln_gamma(a + b + x);
    let a3 = -(r + x) * (alpha + history.age).ln();
    if history.frequency == 0 {
        return a1 + a2 + a3;
    }
    let a4 = a.ln() - (b + x - 1.0).ln() - (r + x) * (alpha + history.recency).ln();
    let top = a3.max(a4);
    a1 + a2 + top + ((a3 - top).exp() + (a4 - top).exp()).ln()
}

/// The summed log-likelihood of all customers.
pub fn log_likelihood(params: &BgNbdParams, histories: &[RepeatHistory]) -> f64 {
    histories
        .iter()
        .map(|h| customer_log_likelihood(params, h))
        .sum()
}

/// Fits r, α, a, b by maximum likelihood (Nelder–Mead on their logarithms, from [`START`]).
pub fn fit(histories: &[RepeatHistory]) -> Result<BgNbdFit, ClvError> {
    if histories.is_empty() {
        return Err(ClvError::NoCustomers { model: "BG/NBD" });
    }
    if let Some(row) = histories.iter().position(|h| !h.is_valid()) {
        return Err(ClvError::InvalidHistory { row });
    }
    if histories.iter().all(|h| h.frequency == 0) {
        return Err(ClvError::NoRepeatPurchases { model: "BG/NBD" });
    }
    let oldest = histories.iter().map(|h| h.age).fold(0.0, f64::max);
    let scale = if oldest > 0.0 {
        SCALED_AGE / oldest
    } else {
        1.0
    };
    let scaled: Vec<RepeatHistory> = histories
        .iter()
        .map(|h| RepeatHistory {
            frequency: h.frequency,
            recency: h.recency * scale,
            age: h.age * scale,
        })
        .collect();
    let n = scaled.len() as f64;
    let cost = |p: &[f64]| -log_likelihood(&from_logs(p), &scaled) / n;
    let start = [START.r.ln(), START.alpha.ln(), START.a.ln(), START.b.ln()];
    let found = optimise::minimise(&cost, &start).map_err(not_converged)?;
    let mut params = from_logs(&found.point);
    params.alpha /= scale;
    Ok(BgNbdFit {
        params,
        log_likelihood: log_likelihood(&params, histories),
        customers: histories.len(),
        iterations: found.iterations,
    })
}

fn not_converged(reason: SearchFailure) -> ClvError {
    ClvError::NotConverged {
        model: "BG/NBD",
        reason: reason.to_string(),
    }
}

fn from_logs(p: &[f64]) -> BgNbdParams {
    BgNbdParams {
        r: p[0].exp(),
        alpha: p[1].exp(),
        a: p[2].exp(),
        b: p[3].exp(),
    }
}

impl BgNbdParams {
    /// Expected repeat purchases in the next `t` weeks of a customer with this history, eq. (10):
    /// `(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]`
    /// divided by `1 + [x > 0] a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)`.
    ///
    /// `None` when `a` is within 1e-6 of 1 (the closed form divides by `a − 1`) or the
    /// hypergeometric series does not settle.
    pub fn expected_purchases(&self, history: &RepeatHistory, t: f64) -> Option<f64> {
        let BgNbdParams { r, alpha, a, b } = *self;
        if t <= 0.0 {
            return Some(0.0);
        }
        if (a - 1.0).abs() < 1e-6 {
            return None;
        }
        let x = f64::from(history.frequency);
        let z = t / (alpha + history.age + t);
        let ln_hyp = ln_hyp2f1(r + x, b + x, a + b + x - 1.0, z)?;
        let ln_ratio = (r + x) * ((alpha + history.age) / (alpha + history.age + t)).ln();
        let numerator = (a + b + x - 1.0) / (a - 1.0) * -(ln_hyp + ln_ratio).exp_m1();
        Some(numerator * self.probability_alive(history))
    }

    /// The probability that a customer with this history is still active (Hardie's note 021):
    /// `1 / (1 + [x > 0] a/(b+x−1) ((α+T)/(α+tₓ))^(r+x))`.
    pub fn probability_alive(&self, history: &RepeatHistory) -> f64 {
        if history.frequency == 0 {
            return 1.0;
        }
        let x = f64::from(history.frequency);
        let ln_odds = (self.a / (self.b + x - 1.0)).ln()
            + (self.r + x) * ((self.alpha + history.age) / (self.alpha + history.recency)).ln();
        1.0 / (1.0 + ln_odds.exp())
    }

    /// Expected repeat purchases in `t` weeks of a new customer, eq. (9):
    /// `(a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]`.
    pub fn expected_purchases_new_customer(&self, t: f64) -> Option<f64> {
        let BgNbdParams { r, alpha, a, b } = *self;
        if (a - 1.0).abs() < 1e-6 {
            return None;
        }
        let ln_hyp = ln_hyp2f1(r, b, a + b - 1.0, t / (alpha + t))?;
        let ln_ratio = r * (alpha / (alpha + t)).ln();
        Some((a + b - 1.0) / (a - 1.0) * -(ln_hyp + ln_ratio).exp_m1())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAPER: BgNbdParams = PUBLISHED_CDNOW;

    fn history(frequency: u32, recency: f64, age: f64) -> RepeatHistory {
        RepeatHistory {
            frequency,
            recency,
            age,
        }
    }

    #[test]
    fn expected_purchases_match_the_paper() {
        // Fader, Hardie & Lee (2005), p. 280: a customer with x = 2, tₓ = 30.43, T = 38.86
        // is expected to make 1.226 purchases in the next 39 weeks (lifetimes: 1.2259).
        let e = PAPER
            .expected_purchases(&history(2, 30.43, 38.86), 39.0)
            .unwrap();
        assert!((e - 1.226).abs() < 2e-3, "{e}");
    }

    #[test]
    fn a_customer_without_repeats_is_alive_and_the_long_silent_are_not() {
        assert_eq!(PAPER.probability_alive(&history(0, 0.0, 30.0)), 1.0);
        let recent = PAPER.probability_alive(&history(5, 29.0, 30.0));
        let silent = PAPER.probability_alive(&history(5, 2.0, 30.0));
        assert!(recent > 0.8 && silent < 0.01, "{recent} {silent}");
    }

    #[test]
    fn a_new_customer_expectation_grows_with_the_horizon() {
        let one = PAPER.expected_purchases_new_customer(52.0).unwrap();
        let two = PAPER.expected_purchases_new_customer(104.0).unwrap();
        assert!(one > 0.0 && two > one, "{one} {two}");
        // At T = 0 without repeats the conditional and unconditional forms agree.
        let conditional = PAPER
            .expected_purchases(&history(0, 0.0, 0.0), 52.0)
            .unwrap();
        assert!((conditional - one).abs() < 1e-9, "{conditional} {one}");
    }
}
