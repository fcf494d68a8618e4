//! The fitted cleaning: what validation learns from the training customers (fill values,
//! dropped columns, the plausible-age rule, and the outlier fences the features stage adds),
//! and the functions that apply it. Training and scoring both clean through these functions,
//! so a new customer is prepared exactly as the training customers were.

use super::treatment::FeatureTreatment;
use crate::roles::Role;
use crate::stats::median;
use crate::table::MISSING_DAY;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// Ages outside this range are implausible and replaced (training: with the median plausible
/// age; scoring: with the training replacement).
pub const PLAUSIBLE_AGES: RangeInclusive<f64> = 18.0..=100.0;

/// A feature's training outlier fences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutlierCap {
    pub feature: String,
    pub lower: f64,
    pub upper: f64,
}

impl OutlierCap {
    /// The value held inside the fences.
    pub fn clamp(&self, v: f64) -> f64 {
        if v < self.lower {
            self.lower
        } else if v > self.upper {
            self.upper
        } else {
            v
        }
    }

    /// Cap every value; returns how many were outside the fences.
    pub fn apply(&self, values: &mut [f64]) -> usize {
        let mut count = 0;
        for v in values.iter_mut() {
            if *v < self.lower || *v > self.upper {
                *v = self.clamp(*v);
                count += 1;
            }
        }
        count
    }
}

/// The fitted cleaning of a training run, applied again to new customers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Preparation {
    /// Columns validation dropped as constant: skipped when scoring.
    pub dropped_columns: Vec<String>,
    /// Per numeric column: the value a missing entry takes (the training imputation median,
    /// or the median of the cleaned training column where nothing was missing).
    pub number_fills: Vec<(String, f64)>,
    /// Per join-date column: the day a missing date takes.
    pub date_fills: Vec<(String, i32)>,
    /// Per age or birth-year column: the value an implausible age takes.
    pub age_fills: Vec<(String, f64)>,
    /// Outlier fences of the segmentation features (fitted by the features stage).
    pub caps: Vec<OutlierCap>,
    /// Every candidate feature's treatment (held out, kept or log1p), decided by the features
    /// stage; scoring applies each distance feature's before its fences. Empty in models
    /// saved before treatments existed (nothing transformed).
    #[serde(default)]
    pub treatments: Vec<FeatureTreatment>,
}

pub(crate) fn lookup<T: Copy>(pairs: &[(String, T)], name: &str) -> Option<T> {
    pairs.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

impl Preparation {
    /// The training fences of a feature.
    pub fn cap(&self, feature: &str) -> Option<&OutlierCap> {
        self.caps.iter().find(|c| c.feature == feature)
    }

    /// The treatment of a feature, when one was decided.
    pub fn treatment(&self, feature: &str) -> Option<&FeatureTreatment> {
        self.treatments.iter().find(|t| t.feature == feature)
    }

    /// A raw feature value as segmentation sees it: treated (log1p), then capped.
    pub fn treat_and_cap(&self, feature: &str, v: f64) -> f64 {
        let v = self.treatment(feature).map_or(v, |t| t.apply(v));
        self.cap(feature).map_or(v, |c| c.clamp(v))
    }

    /// The fitted fill of a numeric column.
    pub(crate) fn number_fill(&self, column: &str) -> Option<f64> {
        lookup(&self.number_fills, column)
    }

    /// The fitted fill of a join-date column.
    pub(crate) fn date_fill(&self, column: &str) -> Option<i32> {
        lookup(&self.date_fills, column)
    }

    /// The fitted replacement of an implausible age.
    pub(crate) fn age_fill(&self, column: &str) -> Option<f64> {
        lookup(&self.age_fills, column)
    }
}

/// The fill a numeric column's missing values take: the median of its present values.
pub(crate) fn fit_number_fill(values: &[f64]) -> f64 {
    median(values).unwrap_or(0.0)
}

/// The day a join-date column's missing days take: the median present day (rounded down).
pub(crate) fn fit_date_fill(days: &[i32]) -> i32 {
    let present: Vec<f64> = days
        .iter()
        .filter(|&&d| d != MISSING_DAY)
        .map(|&d| d as f64)
        .collect();
    median(&present).map_or(0, |m| m.floor() as i32)
}

/// Fill missing (NaN) values; returns how many were filled.
pub(crate) fn fill_numbers(values: &mut [f64], fill: f64) -> usize {
    let mut count = 0;
    for v in values.iter_mut().filter(|v| v.is_nan()) {
        *v = fill;
        count += 1;
    }
    count
}

/// Fill missing days; returns how many were filled.
pub(crate) fn fill_days(days: &mut [i32], fill: i32) -> usize {
    let mut count = 0;
    for d in days.iter_mut().filter(|d| **d == MISSING_DAY) {
        *d = fill;
        count += 1;
    }
    count
}

/// How a column's values read as ages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum AgeReading {
    /// The values are ages.
    Age,
    /// The values are birth years, aged at this year.
    BirthYear(i32),
}

impl AgeReading {
    /// The reading of a column with this role: `None` when it holds no ages, or holds birth
    /// years and there is no year to age them at.
    pub(crate) fn of(role: &Role, reference_year: Option<i32>) -> Option<AgeReading> {
        match (role, reference_year) {
            (Role::Age, _) => Some(AgeReading::Age),
            (Role::BirthYear, Some(year)) => Some(AgeReading::BirthYear(year)),
            _ => None,
        }
    }

    pub(crate) fn age(self, v: f64) -> f64 {
        match self {
            AgeReading::Age => v,
            AgeReading::BirthYear(year) => year as f64 - v,
        }
    }

    pub(crate) fn is_plausible(self, v: f64) -> bool {
        PLAUSIBLE_AGES.contains(&self.age(v))
    }
}

/// Implausible ages in a column: how many are too young and how many too old.
pub(crate) fn count_implausible(values: &[f64], reading: AgeReading) -> (usize, usize) {
    let below = values
        .iter()
        .filter(|&&v| reading.age(v) < *PLAUSIBLE_AGES.start())
        .count();
    let above = values
        .iter()
        .filter(|&&v| reading.age(v) > *PLAUSIBLE_AGES.end())
        .count();
    (below, above)
}

/// The replacement of implausible ages: the median plausible value, `None` when none is.
pub(crate) fn fit_age_fill(values: &[f64], reading: AgeReading) -> Option<f64> {
    let plausible: Vec<f64> = values
        .iter()
        .copied()
        .filter(|&v| reading.is_plausible(v))
        .collect();
    median(&plausible).filter(|m| !m.is_nan())
}

/// Replace every implausible age with `fill`.
pub(crate) fn replace_implausible(values: &mut [f64], reading: AgeReading, fill: f64) {
    for v in values.iter_mut() {
        if !reading.is_plausible(*v) {
            *v = fill;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_from_birth_years_and_fences_clamp() {
        let reading = AgeReading::BirthYear(2020);
        assert_eq!(
            count_implausible(&[2010.0, 1980.0, 1900.0], reading),
            (1, 1)
        );
        let mut values = vec![2010.0, 1980.0, 1900.0];
        let fill = fit_age_fill(&values, reading).unwrap();
        replace_implausible(&mut values, reading, fill);
        assert_eq!(values, vec![1980.0; 3]);
        let cap = OutlierCap {
            feature: "Income".into(),
            lower: 0.0,
            upper: 10.0,
        };
        let mut v = vec![-1.0, 5.0, 11.0];
        assert_eq!(cap.apply(&mut v), 2);
        assert_eq!(v, vec![0.0, 5.0, 10.0]);
    }
}
