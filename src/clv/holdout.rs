//! The calibration/holdout check: customers grouped by their calibration frequency (0, 1, …,
//! 7+), with the mean actual and the mean predicted repeat purchases in the holdout period of
//! each group, as the literature charts it (Fader, Hardie & Lee 2005, fig. 3).

use super::bgnbd::BgNbdParams;
use super::summary::{CustomerSummary, DAYS_PER_WEEK, Periods};
use super::{ClvError, RepeatHistory};

/// Calibration frequencies of the last, open bucket and above (`7+`).
pub const TOP_BUCKET: u32 = 7;

/// One frequency bucket of the check.
#[derive(Debug, Clone, PartialEq)]
pub struct HoldoutBucket {
    /// `"0"`, `"1"`, …, `"7+"`.
    pub label: String,
    /// The lowest calibration frequency in the bucket.
    pub frequency: u32,
    pub customers: usize,
    /// Mean repeat purchases made in the holdout period.
    pub mean_actual: f64,
    /// Mean repeat purchases the model predicts for the holdout period.
    pub mean_predicted: f64,
}

/// The check over all customers.
#[derive(Debug, Clone, PartialEq)]
pub struct HoldoutCheck {
    /// Holdout length in weeks.
    pub holdout_weeks: f64,
    /// Buckets `0..=TOP_BUCKET` that have customers, in order.
    pub buckets: Vec<HoldoutBucket>,
    pub total_actual: f64,
    pub total_predicted: f64,
}

/// Compares predicted with actual holdout purchases; the summary must have a holdout period.
pub fn holdout_check<K>(
    params: &BgNbdParams,
    customers: &[CustomerSummary<K>],
    periods: &Periods,
) -> Result<HoldoutCheck, ClvError> {
    let holdout_end = periods.holdout_end.ok_or(ClvError::NoHoldout)?;
    let holdout_weeks = f64::from(holdout_end - periods.calibration_end) / DAYS_PER_WEEK;
    let slots = TOP_BUCKET as usize + 1;
    let mut counts = vec![0usize; slots];
    let mut actual = vec![0.0; slots];
    let mut predicted = vec![0.0; slots];
    for c in customers {
        let history = RepeatHistory::from(c);
        let expected = params
            .expected_purchases(&history, holdout_weeks)
            .ok_or(ClvError::ExpectationUndefined { a: params.a })?;
        let slot = c.frequency.min(TOP_BUCKET) as usize;
        counts[slot] += 1;
        actual[slot] += f64::from(c.holdout_purchases);
        predicted[slot] += expected;
    }
    let buckets = (0..slots)
        .filter(|&s| counts[s] > 0)
        .map(|s| HoldoutBucket {
            label: if s == slots - 1 {
                format!("{TOP_BUCKET}+")
            } else {
                s.to_string()
            },
            frequency: s as u32,
            customers: counts[s],
            mean_actual: actual[s] / counts[s] as f64,
            mean_predicted: predicted[s] / counts[s] as f64,
        })
        .collect();
    Ok(HoldoutCheck {
        holdout_weeks,
        buckets,
        total_actual: actual.iter().sum(),
        total_predicted: predicted.iter().sum(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(frequency: u32, recency: f64, holdout_purchases: u32) -> CustomerSummary<u32> {
        CustomerSummary {
            customer: frequency,
            frequency,
            recency,
            age: 30.0,
            mean_repeat_value: None,
            holdout_purchases,
        }
    }

    #[test]
    fn buckets_average_actual_and_predicted_purchases() {
        let params = crate::clv::bgnbd::PUBLISHED_CDNOW;
        let periods = Periods {
            calibration_end: 210,
            holdout_end: Some(280),
        };
        let customers = [
            customer(0, 0.0, 1),
            customer(0, 0.0, 0),
            customer(9, 28.0, 4),
        ];
        let check = holdout_check(&params, &customers, &periods).unwrap();
        assert_eq!(check.holdout_weeks, 10.0);
        let labels: Vec<&str> = check.buckets.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["0", "7+"]);
        assert_eq!(check.buckets[0].mean_actual, 0.5);
        let expected = params
            .expected_purchases(&RepeatHistory::from(&customers[2]), 10.0)
            .unwrap();
        assert_eq!(check.buckets[1].mean_predicted, expected);
        assert_eq!(check.total_actual, 5.0);
        let no_holdout = Periods {
            holdout_end: None,
            ..periods
        };
        assert_eq!(
            holdout_check(&params, &customers, &no_holdout),
            Err(ClvError::NoHoldout)
        );
    }
}
