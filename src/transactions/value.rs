//! The probabilistic CLV of aggregated order lines: the purchase lines the models read (kept
//! lines that are not returns), the BG/NBD + Gamma-Gamma fit over the whole log (calibration up
//! to its last date) giving each customer's expected purchases, P(alive), expected order value
//! and CLV over a horizon, and the calibration/holdout check at a cutoff the user chooses.

use super::aggregate::is_return;
use super::lines::OrderLines;
use crate::clv::{
    BgNbdParams, ClvError, CustomerValue, GammaGammaParams, HoldoutCheck, Periods, PurchaseLine,
    RepeatHistory, SpendHistory, ValueHorizon, bgnbd, customer_value, gamma_gamma, holdout_check,
    repeat_summary,
};
use crate::table::MISSING_DAY;
use rayon::prelude::*;

/// Column names of the model's outputs in the customer table (role `clv_model`).
pub mod value_columns {
    pub const EXPECTED_PURCHASES: &str = "Expected_Purchases";
    pub const P_ALIVE: &str = "P_Alive";
    pub const EXPECTED_ORDER_VALUE: &str = "Expected_Order_Value";
    pub const CLV: &str = "Model_CLV";
}

/// The kept purchase lines (customer rank, day, amount); returns and cancellations are left
/// out, as the models count purchase days and value purchases. Empty without dates.
pub fn purchase_lines(lines: &OrderLines, keep: &[bool]) -> Vec<PurchaseLine<u32>> {
    (0..lines.len())
        .into_par_iter()
        .filter(|&i| keep[i] && !is_return(lines, i) && lines.day[i] != MISSING_DAY)
        .map(|i| PurchaseLine {
            customer: lines.customer[i],
            day: lines.day[i],
            amount: lines.amount[i],
        })
        .collect()
}

/// The fitted models and every aggregated customer's value, in the aggregate's order.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedValue {
    pub bgnbd: BgNbdParams,
    pub gamma_gamma: GammaGammaParams,
    pub horizon: ValueHorizon,
    /// Customers the BG/NBD model was fitted on, and those with repeat purchases (Gamma-Gamma).
    pub customers: usize,
    pub repeat_customers: usize,
    pub values: Vec<CustomerValue>,
}

/// Fit both models on all purchases up to `last_day` and value each customer of `ranks`
/// (customer ranks, as in [`Aggregate::customers`](super::Aggregate)).
pub fn fit_value(
    purchases: &[PurchaseLine<u32>],
    ranks: &[u32],
    last_day: i32,
    horizon: &ValueHorizon,
) -> Result<FittedValue, ClvError> {
    let periods = Periods {
        calibration_end: last_day,
        holdout_end: None,
    };
    let summary = repeat_summary(purchases, &periods)?;
    let histories: Vec<RepeatHistory> = summary.iter().map(RepeatHistory::from).collect();
    let spends: Vec<SpendHistory> = summary.iter().map(SpendHistory::from).collect();
    let bg = bgnbd::fit(&histories)?;
    let gg = gamma_gamma::fit(&spends)?;
    let values = ranks
        .iter()
        .map(|&rank| {
            let row = summary
                .binary_search_by_key(&rank, |s| s.customer)
                .map_err(|_| ClvError::NoCustomers { model: "BG/NBD" })?;
            let s = &summary[row];
            customer_value(
                &bg.params,
                &gg.params,
                &histories[row],
                s.mean_repeat_value,
                horizon,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FittedValue {
        bgnbd: bg.params,
        gamma_gamma: gg.params,
        horizon: *horizon,
        customers: bg.customers,
        repeat_customers: gg.customers,
        values,
    })
}

/// The calibration/holdout check: BG/NBD fitted on the purchases up to `cutoff` (the customers
/// who first bought by then), its predicted repeat purchases compared with the actual ones
/// from the day after `cutoff` to `last_day`, by calibration frequency 0..7+.
pub fn calibration_check(
    purchases: &[PurchaseLine<u32>],
    cutoff: i32,
    last_day: i32,
) -> Result<HoldoutCheck, ClvError> {
    if last_day <= cutoff {
        return Err(ClvError::HoldoutBeforeCalibration {
            calibration_end: cutoff,
            holdout_end: last_day,
        });
    }
    let periods = Periods {
        calibration_end: cutoff,
        holdout_end: Some(last_day),
    };
    let summary = repeat_summary(purchases, &periods)?;
    let histories: Vec<RepeatHistory> = summary.iter().map(RepeatHistory::from).collect();
    let fit = bgnbd::fit(&histories)?;
    holdout_check(&fit.params, &summary, &periods)
}

/// The dated purchases of an order-line log, kept beside its analysis so that the
/// calibration check can run again at another cutoff (the customer table cannot give it).
#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseLog {
    pub purchases: Vec<PurchaseLine<u32>>,
    pub first_day: i32,
    /// The log's last date: the end of every holdout.
    pub last_day: i32,
}

impl PurchaseLog {
    /// The log of `purchases` up to `last_day`; `None` without a purchase.
    pub fn new(purchases: Vec<PurchaseLine<u32>>, last_day: i32) -> Option<PurchaseLog> {
        let first_day = purchases.iter().map(|p| p.day).min()?;
        Some(PurchaseLog {
            purchases,
            first_day,
            last_day,
        })
    }

    /// The default cutoff: the middle day of the log, calibration on its first half and the
    /// holdout on the second (on CDNOW, 1997-01-01 to 1998-06-30, it is 1997-09-30: Fader,
    /// Hardie & Lee's 39 + 39 weeks).
    pub fn default_cutoff(&self) -> i32 {
        self.first_day + (self.last_day - self.first_day) / 2
    }

    /// [`calibration_check`] at `cutoff`, the holdout running to the log's last date.
    pub fn calibration(&self, cutoff: i32) -> Result<HoldoutCheck, ClvError> {
        calibration_check(&self.purchases, cutoff, self.last_day)
    }
}
