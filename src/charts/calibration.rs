//! The calibration/holdout chart: mean actual against mean predicted repeat purchases in the
//! holdout period, by calibration frequency 0, 1, …, 7+ (Fader, Hardie & Lee 2005, fig. 3),
//! with the cutoff that split the log. It tells a user how far to trust the model.

use crate::clv::HoldoutCheck;
use serde::Serialize;

/// One frequency bucket: two bars (or points) side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationBucket {
    /// `"0"`, `"1"`, …, `"7+"`: repeat purchases in the calibration period.
    pub label: String,
    pub customers: usize,
    pub actual: f64,
    pub predicted: f64,
}

/// The whole chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationChart {
    pub title: String,
    /// The last day of the calibration period and of the holdout, `YYYY-MM-DD`.
    pub cutoff: String,
    pub holdout_end: String,
    pub holdout_weeks: f64,
    pub buckets: Vec<CalibrationBucket>,
    /// All customers' holdout purchases, actual and predicted.
    pub total_actual: f64,
    pub total_predicted: f64,
}

impl CalibrationChart {
    /// The chart of a check with calibration through `cutoff` and holdout to `holdout_end`.
    pub fn from_check(check: &HoldoutCheck, cutoff: i32, holdout_end: i32) -> CalibrationChart {
        CalibrationChart {
            title: "Repeat purchases in the holdout: actual vs predicted".into(),
            cutoff: crate::table::format_day(cutoff),
            holdout_end: crate::table::format_day(holdout_end),
            holdout_weeks: check.holdout_weeks,
            buckets: check
                .buckets
                .iter()
                .map(|b| CalibrationBucket {
                    label: b.label.clone(),
                    customers: b.customers,
                    actual: b.mean_actual,
                    predicted: b.mean_predicted,
                })
                .collect(),
            total_actual: check.total_actual,
            total_predicted: check.total_predicted,
        }
    }

    /// The largest mean, actual or predicted (the value axis' top; 1 when all are 0).
    pub fn max_value(&self) -> f64 {
        let top = self
            .buckets
            .iter()
            .flat_map(|b| [b.actual, b.predicted])
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        if top > 0.0 { top } else { 1.0 }
    }

    /// Predicted ÷ actual holdout purchases over all customers (`None` without purchases).
    pub fn total_ratio(&self) -> Option<f64> {
        (self.total_actual > 0.0).then(|| self.total_predicted / self.total_actual)
    }
}
