//! Probabilistic customer lifetime value: the repeat-purchase summary of a transaction log,
//! the BG/NBD model of repeat purchases and P(alive), the Gamma-Gamma model of spend per
//! transaction, CLV over a horizon, and the calibration/holdout check. Pure functions on
//! in-memory data; every fit is deterministic and reports non-convergence as an error.

pub mod bgnbd;
pub mod gamma_gamma;
pub mod holdout;
mod optimise;
pub mod special;
pub mod summary;
pub mod value;

pub use bgnbd::{BgNbdFit, BgNbdParams};
pub use gamma_gamma::{GammaGammaFit, GammaGammaParams, SpendHistory};
pub use holdout::{HoldoutBucket, HoldoutCheck, holdout_check};
pub use summary::{CustomerSummary, Periods, PurchaseLine, repeat_summary};
pub use value::{CustomerValue, ValueHorizon, customer_value};

use thiserror::Error;

/// What the BG/NBD model needs of a customer, times in weeks: `x`, `tₓ` and `T`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RepeatHistory {
    pub frequency: u32,
    pub recency: f64,
    pub age: f64,
}

impl RepeatHistory {
    /// Finite, `0 ≤ tₓ ≤ T`, and `tₓ = 0` without repeat purchases.
    pub fn is_valid(&self) -> bool {
        self.recency.is_finite()
            && self.age.is_finite()
            && self.recency >= 0.0
            && self.recency <= self.age
            && (self.frequency > 0 || self.recency == 0.0)
    }
}

impl<K> From<&CustomerSummary<K>> for RepeatHistory {
    fn from(c: &CustomerSummary<K>) -> Self {
        Self {
            frequency: c.frequency,
            recency: c.recency,
            age: c.age,
        }
    }
}

impl<K> From<&CustomerSummary<K>> for SpendHistory {
    fn from(c: &CustomerSummary<K>) -> Self {
        Self {
            frequency: c.frequency,
            mean_value: c.mean_repeat_value.unwrap_or(0.0),
        }
    }
}

/// Why a summary, a fit or a prediction could not be made.
#[derive(Debug, Error, PartialEq)]
pub enum ClvError {
    #[error("purchase line {row}: the amount is not a finite number; clean or drop the line")]
    AmountNotFinite { row: usize },
    #[error(
        "the holdout end (day {holdout_end}) is before the calibration end (day \
         {calibration_end}); choose a holdout end after the calibration cutoff"
    )]
    HoldoutBeforeCalibration {
        calibration_end: i32,
        holdout_end: i32,
    },
    #[error("the {model} model has no customers to fit; check the calibration cutoff")]
    NoCustomers { model: &'static str },
    #[error(
        "no customer made a repeat purchase in the calibration period, so the {model} model \
         cannot be fitted; choose a later calibration cutoff"
    )]
    NoRepeatPurchases { model: &'static str },
    #[error(
        "customer {row} of the summary has an impossible history (recency must lie between 0 \
         and the customer's age, and be 0 without repeat purchases)"
    )]
    InvalidHistory { row: usize },
    #[error(
        "the {model} fit did not converge ({reason}); no parameters are reported. Check the \
         calibration cutoff and that customers have repeat purchases"
    )]
    NotConverged { model: &'static str, reason: String },
    #[error(
        "the Gamma-Gamma fit gives q = {q:.3} ≤ 1, so the mean order value is infinite; the \
         spend data is too heavy-tailed for this model (cap extreme orders or drop it)"
    )]
    NoFiniteMeanOrderValue { q: f64 },
    #[error(
        "expected purchases are undefined for the fitted BG/NBD a = {a:.6} (too close to 1 \
         for the closed form)"
    )]
    ExpectationUndefined { a: f64 },
    #[error("the discount rate {rate} must be greater than −1 (e.g. 0.10 for 10% a year)")]
    DiscountRate { rate: f64 },
    #[error("the calibration/holdout check needs a holdout end date after the calibration cutoff")]
    NoHoldout,
}
