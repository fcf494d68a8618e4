//! The repeat-purchase summary the models are fitted on: per customer, frequency, recency and
//! age T in a calibration period, the mean repeat-transaction value, and the repeat purchases
//! in a holdout period after it. Lines of one customer on one day are one transaction.

use super::ClvError;

/// Days in the model's time unit (weeks, as in the customer-base-analysis literature).
pub const DAYS_PER_WEEK: f64 = 7.0;

/// One purchase line: a customer, a day (days since 1970-01-01) and the line's amount.
#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseLine<K> {
    pub customer: K,
    pub day: i32,
    pub amount: f64,
}

/// The calibration period (up to and including `calibration_end`) and an optional holdout
/// period after it (up to and including `holdout_end`), as day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    pub calibration_end: i32,
    pub holdout_end: Option<i32>,
}

/// One customer's repeat-purchase summary, times in weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerSummary<K> {
    pub customer: K,
    /// Repeat purchase days in calibration (distinct purchase days − 1), `x`.
    pub frequency: u32,
    /// Weeks from the first to the last purchase day in calibration, `tₓ`.
    pub recency: f64,
    /// Weeks from the first purchase day to the calibration end, `T`.
    pub age: f64,
    /// Mean value of the repeat transactions in calibration (a day's lines summed into one
    /// transaction, the first purchase day left out); `None` when `frequency` is 0.
    pub mean_repeat_value: Option<f64>,
    /// Distinct purchase days after the calibration end up to the holdout end (0 without one).
    pub holdout_purchases: u32,
}

/// Summarises purchase lines for the customers whose first purchase falls in calibration.
///
/// Customers come out in the order of their ids. Lines after the holdout end (or after the
/// calibration end when there is no holdout) are ignored, and so are customers who first buy
/// after the calibration end (they are not in the calibration cohort).
pub fn repeat_summary<K: Ord + Clone>(
    lines: &[PurchaseLine<K>],
    periods: &Periods,
) -> Result<Vec<CustomerSummary<K>>, ClvError> {
    let last_day = periods.holdout_end.unwrap_or(periods.calibration_end);
    if last_day < periods.calibration_end {
        return Err(ClvError::HoldoutBeforeCalibration {
            calibration_end: periods.calibration_end,
            holdout_end: last_day,
        });
    }
    let mut kept: Vec<(&K, i32, f64)> = Vec::with_capacity(lines.len());
    for (row, line) in lines.iter().enumerate() {
        if !line.amount.is_finite() {
            return Err(ClvError::AmountNotFinite { row });
        }
        if line.day <= last_day {
            kept.push((&line.customer, line.day, line.amount));
        }
    }
    kept.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    let mut start = 0;
    while start < kept.len() {
        let mut end = start + 1;
        while end < kept.len() && kept[end].0 == kept[start].0 {
            end += 1;
        }
        if let Some(summary) = summarise_customer(&kept[start..end], periods) {
            out.push(summary);
        }
        start = end;
    }
    Ok(out)
}

/// One customer's lines, sorted by day.
fn summarise_customer<K: Clone>(
    lines: &[(&K, i32, f64)],
    periods: &Periods,
) -> Option<CustomerSummary<K>> {
    let first_day = lines[0].1;
    if first_day > periods.calibration_end {
        return None;
    }
    let mut frequency = 0u32;
    let mut last_day = first_day;
    let mut repeat_total = 0.0;
    let mut holdout_purchases = 0u32;
    let mut i = 0;
    while i < lines.len() {
        let day = lines[i].1;
        let mut day_total = 0.0;
        while i < lines.len() && lines[i].1 == day {
            day_total += lines[i].2;
            i += 1;
        }
        if day > periods.calibration_end {
            holdout_purchases += 1;
        } else if day > first_day {
            frequency += 1;
            last_day = day;
            repeat_total += day_total;
        }
    }
    Some(CustomerSummary {
        customer: lines[0].0.clone(),
        frequency,
        recency: f64::from(last_day - first_day) / DAYS_PER_WEEK,
        age: f64::from(periods.calibration_end - first_day) / DAYS_PER_WEEK,
        mean_repeat_value: (frequency > 0).then(|| repeat_total / f64::from(frequency)),
        holdout_purchases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(customer: u32, day: i32, amount: f64) -> PurchaseLine<u32> {
        PurchaseLine {
            customer,
            day,
            amount,
        }
    }

    #[test]
    fn days_merge_and_the_first_day_is_left_out_of_the_mean() {
        let lines = vec![
            line(2, 0, 5.0),
            line(1, 14, 10.0),
            line(1, 0, 99.0),
            line(1, 14, 20.0),
            line(1, 28, 60.0),
            line(1, 40, 7.0),
            line(1, 50, 8.0),
            line(1, 200, 1.0),
            line(3, 40, 1.0),
        ];
        let periods = Periods {
            calibration_end: 35,
            holdout_end: Some(70),
        };
        let summary = repeat_summary(&lines, &periods).unwrap();
        assert_eq!(summary.len(), 2, "customer 3 joins after calibration");
        let one = &summary[0];
        assert_eq!(one.customer, 1);
        assert_eq!(one.frequency, 2);
        assert_eq!(one.recency, 4.0);
        assert_eq!(one.age, 5.0);
        assert_eq!(one.mean_repeat_value, Some(45.0));
        assert_eq!(one.holdout_purchases, 2);
        let two = &summary[1];
        assert_eq!((two.frequency, two.recency, two.age), (0, 0.0, 5.0));
        assert_eq!(two.mean_repeat_value, None);
    }

    #[test]
    fn a_holdout_before_calibration_is_refused() {
        let periods = Periods {
            calibration_end: 35,
            holdout_end: Some(20),
        };
        assert!(repeat_summary(&[line(1, 0, 1.0)], &periods).is_err());
    }
}
