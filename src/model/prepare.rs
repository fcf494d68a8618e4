//! What scoring needs to prepare new customers exactly as the training customers were: the
//! training fill values, dropped columns and outlier fences, recorded when a run finishes.

use crate::roles::Role;
use crate::stats::median;
use crate::validate::{CleanTable, CleanValues, QualityAction};
use serde::{Deserialize, Serialize};

/// A feature's training outlier fences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutlierCap {
    pub feature: String,
    pub lower: f64,
    pub upper: f64,
}

/// The training-time preparation, replayed on new customers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Preparation {
    /// Columns validation dropped as constant: skipped when scoring.
    pub dropped_columns: Vec<String>,
    /// Per numeric column: the value a missing entry takes (the training imputation median,
    /// or the training median where nothing was missing).
    pub number_fills: Vec<(String, f64)>,
    /// Per join-date column: the day a missing date takes.
    pub date_fills: Vec<(String, i32)>,
    /// Per age or birth-year column: the value an implausible age takes.
    pub age_fills: Vec<(String, f64)>,
    /// Outlier fences of the segmentation features.
    pub caps: Vec<OutlierCap>,
}

pub(super) fn lookup<T: Copy>(pairs: &[(String, T)], name: &str) -> Option<T> {
    pairs.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

impl Preparation {
    /// Record the preparation of a training run from its clean table and quality actions.
    pub fn record(clean: &CleanTable, actions: &[QualityAction]) -> Preparation {
        let mut prep = Preparation::default();
        for action in actions {
            match action {
                QualityAction::DroppedConstantColumn { column, .. } => {
                    prep.dropped_columns.push(column.clone())
                }
                QualityAction::CappedOutliers {
                    feature,
                    lower,
                    upper,
                    ..
                } => prep.caps.push(OutlierCap {
                    feature: feature.clone(),
                    lower: *lower,
                    upper: *upper,
                }),
                _ => {}
            }
        }
        let imputed = |column: &str| {
            actions.iter().find_map(|a| match a {
                QualityAction::ImputedMedian {
                    column: c, value, ..
                } if c == column => Some(*value),
                _ => None,
            })
        };
        let imputed_day = |column: &str| {
            actions.iter().find_map(|a| match a {
                QualityAction::ImputedMedianDate {
                    column: c, value, ..
                } if c == column => parse_day(value),
                _ => None,
            })
        };
        let replaced_age = |column: &str| {
            actions.iter().find_map(|a| match a {
                QualityAction::ReplacedImplausibleAges {
                    column: c, value, ..
                } if c == column => Some(*value),
                _ => None,
            })
        };
        for column in &clean.columns {
            match &column.values {
                CleanValues::Number(values) => {
                    let fill = imputed(&column.name)
                        .or_else(|| median(values))
                        .unwrap_or(0.0);
                    prep.number_fills.push((column.name.clone(), fill));
                    if matches!(column.role, Role::Age | Role::BirthYear) {
                        let age = replaced_age(&column.name).unwrap_or(fill);
                        prep.age_fills.push((column.name.clone(), age));
                    }
                }
                CleanValues::Date(days) => {
                    let fill = imputed_day(&column.name).unwrap_or_else(|| {
                        let as_f64: Vec<f64> = days.iter().map(|&d| d as f64).collect();
                        median(&as_f64).map_or(0, |m| m.floor() as i32)
                    });
                    prep.date_fills.push((column.name.clone(), fill));
                }
                CleanValues::Category { .. } => {}
            }
        }
        prep
    }

    /// The training fences of a feature.
    pub fn cap(&self, feature: &str) -> Option<&OutlierCap> {
        self.caps.iter().find(|c| c.feature == feature)
    }
}

fn parse_day(text: &str) -> Option<i32> {
    let mut parts = text.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    crate::table::days_from_civil(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_back() {
        assert_eq!(
            parse_day("2014-06-29"),
            crate::table::days_from_civil(2014, 6, 29)
        );
        assert_eq!(parse_day("June"), None);
    }
}
