//! The calibration/holdout chart: mean actual against mean predicted repeat purchases in the
//! holdout period, by calibration frequency 0, 1, …, 7+ (Fader, Hardie & Lee 2005, fig. 3),
//! with the cutoff that split the log. It tells a user how far to trust the model.

use crate::clv::HoldoutCheck;
use crate::format::{Percent, count, number, percent};
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
    /// The bucket the model misses most, relative to the larger of its two means.
    pub largest_gap: Option<CalibrationGap>,
    /// How far to trust the model on this data, as one plain sentence.
    pub trust: String,
}

/// The bucket with the largest relative gap between actual and predicted means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationGap {
    pub label: String,
    pub customers: usize,
    /// Predicted − actual mean purchases per customer.
    pub difference: f64,
    /// `|difference|` ÷ the larger of the two means, in %.
    pub relative_pct: f64,
}

impl CalibrationChart {
    /// The chart of a check with calibration through `cutoff` and holdout to `holdout_end`.
    pub fn from_check(check: &HoldoutCheck, cutoff: i32, holdout_end: i32) -> CalibrationChart {
        let mut chart = CalibrationChart {
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
            largest_gap: None,
            trust: String::new(),
        };
        chart.largest_gap = largest_gap(&chart.buckets);
        chart.trust = trust_sentence(&chart);
        chart
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

/// The bucket whose means differ most relative to the larger one (the first of equals).
fn largest_gap(buckets: &[CalibrationBucket]) -> Option<CalibrationGap> {
    let relative = |b: &CalibrationBucket| {
        let top = b.actual.max(b.predicted);
        if top > 0.0 {
            (b.predicted - b.actual).abs() / top
        } else {
            0.0
        }
    };
    let mut best: Option<&CalibrationBucket> = None;
    for b in buckets {
        if best.is_none_or(|top| relative(b) > relative(top)) {
            best = Some(b);
        }
    }
    best.map(|b| CalibrationGap {
        label: b.label.clone(),
        customers: b.customers,
        difference: b.predicted - b.actual,
        relative_pct: 100.0 * relative(b),
    })
}

/// "fewer" or "more": predicted against actual.
fn direction(predicted: f64, actual: f64) -> &'static str {
    if predicted < actual { "fewer" } else { "more" }
}

/// How far to trust the model: the total and the largest miss, in words.
fn trust_sentence(chart: &CalibrationChart) -> String {
    let customers: usize = chart.buckets.iter().map(|b| b.customers).sum();
    let Some(ratio) = chart.total_ratio() else {
        return format!(
            "No customer bought in the holdout, so the model cannot be checked at this cutoff (it predicts {} purchases); choose an earlier cutoff.",
            number(chart.total_predicted, 100.0)
        );
    };
    let total = format!(
        "Over all {} customers the model predicts {} holdout purchases against {} actual ({} {})",
        count(customers),
        number(chart.total_predicted, 100.0),
        number(chart.total_actual, 100.0),
        percent(100.0 * (ratio - 1.0).abs(), Percent::Adaptive),
        direction(chart.total_predicted, chart.total_actual),
    );
    let Some(gap) = &chart.largest_gap else {
        return format!("{total}.");
    };
    let Some(bucket) = chart.buckets.iter().find(|b| b.label == gap.label) else {
        return format!("{total}.");
    };
    format!(
        "{total}; its largest miss is with the {} customers of calibration frequency {}: {:.2} predicted against {:.2} actual per customer ({} {}), so read its forecasts for a group of customers as good to about ±{} on this data.",
        count(gap.customers),
        gap.label,
        bucket.predicted,
        bucket.actual,
        percent(gap.relative_pct, Percent::Adaptive),
        direction(bucket.predicted, bucket.actual),
        percent(gap.relative_pct.max(1.0), Percent::Adaptive),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clv::HoldoutBucket;

    fn bucket(frequency: u32, customers: usize, actual: f64, predicted: f64) -> HoldoutBucket {
        HoldoutBucket {
            label: frequency.to_string(),
            frequency,
            customers,
            mean_actual: actual,
            mean_predicted: predicted,
        }
    }

    #[test]
    fn the_trust_sentence_names_the_total_and_the_largest_miss() {
        let check = HoldoutCheck {
            holdout_weeks: 39.0,
            buckets: vec![bucket(0, 100, 0.2, 0.19), bucket(1, 50, 1.0, 0.75)],
            total_actual: 70.0,
            total_predicted: 56.5,
        };
        let chart = CalibrationChart::from_check(&check, 10_000, 10_273);
        let gap = chart.largest_gap.clone().expect("a gap");
        assert_eq!((gap.label.as_str(), gap.customers), ("1", 50));
        assert!((gap.difference - -0.25).abs() < 1e-12);
        assert!((gap.relative_pct - 25.0).abs() < 1e-9);
        assert_eq!(
            chart.trust,
            "Over all 150 customers the model predicts 56.5 holdout purchases against 70.0 actual \
             (19% fewer); its largest miss is with the 50 customers of calibration frequency 1: \
             0.75 predicted against 1.00 actual per customer (25% fewer), so read its forecasts \
             for a group of customers as good to about ±25% on this data."
        );
        let quiet = HoldoutCheck {
            total_actual: 0.0,
            ..check
        };
        let chart = CalibrationChart::from_check(&quiet, 10_000, 10_273);
        assert!(chart.trust.starts_with("No customer bought in the holdout"));
    }
}
