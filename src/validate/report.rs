//! The data-quality report: per-column statistics and every action taken, with counts.

use super::QualityAction;
use crate::roles::Role;
use serde::{Deserialize, Serialize};

/// Statistics of one loaded column, before cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnProfile {
    pub name: String,
    /// `number`, `text` or `date`.
    pub type_name: String,
    pub role: Role,
    pub missing: usize,
    pub missing_pct: f64,
    pub zeros: usize,
    pub zeros_pct: f64,
    /// Numbers and dates (as `YYYY-MM-DD` in `min_text`); `None` for text.
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_text: Option<String>,
    pub max_text: Option<String>,
    pub distinct: usize,
    /// For date columns, the format that was detected.
    pub date_format: Option<String>,
}

/// The data-quality report of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityReport {
    pub file_name: String,
    /// E.g. "CSV, semicolon-delimited".
    pub format: String,
    pub rows_loaded: usize,
    pub columns_loaded: usize,
    pub columns: Vec<ColumnProfile>,
    pub actions: Vec<QualityAction>,
    pub customers_kept: usize,
}

impl QualityReport {
    /// The training reference day (tenure and ages are measured from it), when reported.
    pub fn reference_day(&self) -> Option<i32> {
        self.actions.iter().find_map(|a| match a {
            QualityAction::ReferenceDay { day, .. } => Some(*day),
            _ => None,
        })
    }

    /// The total count of an action kind, e.g. all imputations of one column.
    pub fn imputed(&self, column: &str) -> Option<(usize, f64)> {
        self.actions.iter().find_map(|a| match a {
            QualityAction::ImputedMedian {
                column: c,
                count,
                value,
            } if c == column => Some((*count, *value)),
            _ => None,
        })
    }

    /// Names of the columns dropped as constant.
    pub fn constant_columns(&self) -> Vec<&str> {
        self.actions
            .iter()
            .filter_map(|a| match a {
                QualityAction::DroppedConstantColumn { column, .. } => Some(column.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Number of exact duplicate customers found (removed or kept).
    pub fn duplicate_customers(&self) -> usize {
        self.actions
            .iter()
            .map(|a| match a {
                QualityAction::RemovedDuplicateCustomers { count }
                | QualityAction::KeptDuplicateCustomers { count } => *count,
                _ => 0,
            })
            .sum()
    }
}
