//! One thing validation, preparation or the order-line stage did to the data, as the quality
//! report lists it (a sentence and a count each). Serialized in sessions: variants are only
//! ever appended.

use super::{CleaningAction, FeatureTreatment};
use crate::format::plain;
use serde::{Deserialize, Serialize};

/// One thing validation or preparation did to the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum QualityAction {
    /// Rows without a usable customer id were dropped.
    DroppedUnusableIds { column: String, count: usize },
    /// Later rows repeating an earlier customer id were dropped (first kept).
    DroppedRepeatedIds { column: String, count: usize },
    /// Customers identical to an earlier one in every column but the id were removed.
    RemovedDuplicateCustomers { count: usize },
    /// Duplicates found but kept because the config says so.
    KeptDuplicateCustomers { count: usize },
    /// Columns with a single value were dropped.
    DroppedConstantColumn { column: String, value: String },
    /// Missing values filled with the column's median.
    ImputedMedian {
        column: String,
        count: usize,
        value: f64,
    },
    /// Missing categories filled with "Unknown".
    ImputedUnknownCategory { column: String, count: usize },
    /// Missing dates filled with the median date.
    ImputedMedianDate {
        column: String,
        count: usize,
        value: String,
    },
    /// Ages under 18 or over 100 replaced with the median plausible value.
    ReplacedImplausibleAges {
        column: String,
        count: usize,
        below: usize,
        above: usize,
        value: f64,
    },
    /// Feature values beyond the IQR fences were capped.
    CappedOutliers {
        feature: String,
        lower: f64,
        upper: f64,
        count: usize,
    },
    /// Categorical attributes one-hot encoded (or not).
    OneHotEncoding {
        enabled: bool,
        columns: Vec<String>,
        features_added: usize,
    },
    /// A note that is not a change (e.g. no id column).
    Note { message: String },
    /// A step of cleaning or aggregating order lines into customers.
    Transactions(CleaningAction),
    // Variants below were added after session format 2; appended so that format-2 bytes
    // decode unchanged.
    /// Numbers written with a currency sign, percent sign or separators, read as numbers.
    ReadFormattedNumbers {
        column: String,
        count: usize,
        style: String,
    },
    /// Present values of a join-date column that are not dates: set to the median date.
    UnreadDates {
        column: String,
        count: usize,
        example: String,
        formats: String,
    },
    /// Negative values in a spend column, kept (refunds or returns).
    NegativeValues { column: String, count: usize },
    /// Dropped repeats of an id whose other values differ from the first row with that id.
    ConflictingRepeatedIds { column: String, count: usize },
    /// Join dates far after all the others (data-entry errors such as 2099): set to the
    /// median date, and not used as the reference date.
    ImplausibleJoinDates {
        column: String,
        count: usize,
        after: String,
    },
    /// A column without a single value: dropped.
    DroppedEmptyColumn { column: String },
    /// The day tenure and ages are measured from: the latest plausible join date.
    ReferenceDay { column: String, day: i32 },
    /// A candidate feature held out of the distance, or log-transformed, and why.
    TreatedFeature(FeatureTreatment),
}

impl QualityAction {
    /// The action as one sentence for people.
    pub fn describe(&self) -> String {
        match self {
            QualityAction::TreatedFeature(t) => match &t.warning {
                Some(w) => format!("feature {}; warning: {w}", t.describe()),
                None => format!("feature {}", t.describe()),
            },
            QualityAction::DroppedUnusableIds { column, count } => {
                format!("{count} rows without a usable id in \"{column}\" dropped")
            }
            QualityAction::DroppedRepeatedIds { column, count } => {
                format!(
                    "{count} rows repeating an earlier id in \"{column}\" dropped (first occurrence kept)"
                )
            }
            QualityAction::RemovedDuplicateCustomers { count } => {
                format!(
                    "{count} exact duplicate customers removed (same values in every column but the id)"
                )
            }
            QualityAction::KeptDuplicateCustomers { count } => {
                format!(
                    "{count} exact duplicate customers found and kept (duplicate removal is off)"
                )
            }
            QualityAction::DroppedConstantColumn { column, value } => {
                format!("constant column \"{column}\" dropped (always {value})")
            }
            QualityAction::ImputedMedian {
                column,
                count,
                value,
            } => {
                format!(
                    "{count} missing values in \"{column}\" imputed with the median {}",
                    plain(*value)
                )
            }
            QualityAction::ImputedUnknownCategory { column, count } => {
                format!("{count} missing values in \"{column}\" set to \"Unknown\"")
            }
            QualityAction::ImputedMedianDate {
                column,
                count,
                value,
            } => {
                format!("{count} missing dates in \"{column}\" set to the median date {value}")
            }
            QualityAction::ReplacedImplausibleAges {
                column,
                count,
                below,
                above,
                value,
            } => format!(
                "{count} implausible ages from \"{column}\" ({below} under 18, {above} over 100) replaced with the median {}",
                plain(*value)
            ),
            QualityAction::CappedOutliers {
                feature,
                lower,
                upper,
                count,
            } => format!(
                "{count} outliers in {feature} capped to [{}, {}] (IQR fences)",
                plain(*lower),
                plain(*upper)
            ),
            QualityAction::OneHotEncoding {
                enabled: true,
                columns,
                features_added,
            } => format!(
                "one-hot encoding on: {} categorical columns gave {features_added} features",
                columns.len()
            ),
            QualityAction::OneHotEncoding {
                enabled: false,
                columns,
                ..
            } => format!(
                "one-hot encoding off: {} categorical columns used for profiling only",
                columns.len()
            ),
            QualityAction::Note { message } => message.clone(),
            QualityAction::Transactions(action) => action.describe(),
            QualityAction::ReadFormattedNumbers {
                column,
                count,
                style,
            } => format!("{count} values in \"{column}\" written with {style} read as numbers"),
            QualityAction::UnreadDates {
                column,
                count,
                example,
                formats,
            } => format!(
                "{count} values in \"{column}\" are not dates (e.g. \"{example}\"; the others read as {formats}): treated as missing"
            ),
            QualityAction::NegativeValues { column, count } => format!(
                "{count} negative values in \"{column}\" kept as refunds or returns (they lower Monetary)"
            ),
            QualityAction::ConflictingRepeatedIds { column, count } => format!(
                "{count} of the rows repeating an id in \"{column}\" conflict with the first row of that id (other values differ); the first row was kept, check the source"
            ),
            QualityAction::ImplausibleJoinDates {
                column,
                count,
                after,
            } => format!(
                "{count} join dates in \"{column}\" after {after}, far beyond all others, treated as errors (set to the median date)"
            ),
            QualityAction::DroppedEmptyColumn { column } => {
                format!("empty column \"{column}\" dropped (no value in any row)")
            }
            QualityAction::ReferenceDay { column, day } => format!(
                "tenure and ages measured from {}, the latest join date in \"{column}\"",
                crate::table::format_day(*day)
            ),
        }
    }

    /// How many rows or values the action touched (0 for notes).
    pub fn count(&self) -> usize {
        match self {
            QualityAction::DroppedUnusableIds { count, .. }
            | QualityAction::DroppedRepeatedIds { count, .. }
            | QualityAction::RemovedDuplicateCustomers { count }
            | QualityAction::KeptDuplicateCustomers { count }
            | QualityAction::ImputedMedian { count, .. }
            | QualityAction::ImputedUnknownCategory { count, .. }
            | QualityAction::ImputedMedianDate { count, .. }
            | QualityAction::ReplacedImplausibleAges { count, .. }
            | QualityAction::CappedOutliers { count, .. }
            | QualityAction::ReadFormattedNumbers { count, .. }
            | QualityAction::UnreadDates { count, .. }
            | QualityAction::NegativeValues { count, .. }
            | QualityAction::ConflictingRepeatedIds { count, .. }
            | QualityAction::ImplausibleJoinDates { count, .. } => *count,
            QualityAction::DroppedConstantColumn { .. }
            | QualityAction::DroppedEmptyColumn { .. } => 1,
            QualityAction::ReferenceDay { .. } => 0,
            QualityAction::OneHotEncoding { features_added, .. } => *features_added,
            QualityAction::Note { .. } => 0,
            QualityAction::TreatedFeature(_) => 1,
            QualityAction::Transactions(action) => action.count(),
        }
    }
}
