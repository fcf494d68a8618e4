//! Validation: checks that the mapping fits the data, cleans it (ids, duplicates, constant
//! columns, missing values, implausible ages) by fitting a [`Preparation`] and applying it,
//! and reports every action with its count.

mod clean;
mod convert;
pub(crate) mod preparation;
mod profile;
mod report;
pub(crate) mod rows;
mod table;

pub use crate::quality::QualityAction;
pub use crate::quality::treatment;
pub use crate::quality::{FeatureTreatment, HeldOut, TreatmentKind};
pub(crate) use convert::{as_category, as_numbers, fold_into_unknown, read_days};
pub use preparation::{OutlierCap, PLAUSIBLE_AGES, Preparation};
pub use report::{ColumnProfile, QualityReport};
pub use table::{CleanColumn, CleanTable, CleanValues};

use crate::config::ValidRunConfig;
use crate::ingest::formatted::FormatProblem;
use crate::roles::{ColumnMapping, Role};
use crate::table::{ColumnData, RawTable};
use thiserror::Error;

/// Data that cannot be segmented, with where and what to do.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ValidationError {
    #[error(
        "{file}: the file has no data rows. Export the data with at least one customer per row."
    )]
    NoRows { file: String },
    #[error(
        "{file}, column \"{column}\", row {row}: \"{value}\" is not a number; map this column as text (categorical or ignore) or clean it."
    )]
    NotNumeric {
        file: String,
        column: String,
        row: usize,
        value: String,
    },
    #[error(
        "{file}, column \"{column}\", row {row}: \"{value}\" is {what}; totals over such a value overflow. Replace it with the real amount, or leave the cell empty (it is then imputed and counted)."
    )]
    NotFinite {
        file: String,
        column: String,
        row: usize,
        value: String,
        what: String,
    },
    #[error(
        "{file}, column \"{column}\", row {row}: \"{value}\" uses another decimal separator than the column's other values; write every number of the column the same way (e.g. 1234.50)."
    )]
    MixedNumbers {
        file: String,
        column: String,
        row: usize,
        value: String,
    },
    #[error(
        "{file}: every row's customer id in \"{column}\" is empty or unusable, so there are no customers. Fill the id column, or map another column as customer_id (or none: rows are then numbered)."
    )]
    NoUsableIds { file: String, column: String },
    #[error(
        "{file}: after cleaning only {customers} distinct customer(s) remain ({duplicates} exact duplicates removed), so no column tells customers apart ({constant} dropped as constant). Load the full customer table."
    )]
    NoVariation {
        file: String,
        customers: usize,
        duplicates: usize,
        constant: String,
    },
    #[error(
        "{file}: {customers} customers after cleaning; --k {k} fits, but the k sweep runs up to --k-max {k_max}, which needs twice as many customers. Add --k-max {suggest}."
    )]
    TooFewForSweep {
        file: String,
        customers: usize,
        k: usize,
        k_max: usize,
        suggest: usize,
    },
    #[error(
        "{file}: {customers} customers after cleaning, fewer than twice --k {k}. Use --k {suggest} or fewer, or more data."
    )]
    TooFewForK {
        file: String,
        customers: usize,
        k: usize,
        suggest: usize,
    },
    #[error(
        "{file}: columns \"{first}\" and \"{second}\" are both mapped as customer_id; map one of them as customer_id and the other as ignore."
    )]
    TwoIdColumns {
        file: String,
        first: String,
        second: String,
    },
    #[error(
        "{file}, column \"{column}\": mapped as {role} but it holds {found}; map it as {suggestion} or fix the values."
    )]
    WrongType {
        file: String,
        column: String,
        role: String,
        found: String,
        suggestion: String,
    },
    #[error(
        "{file}: the mapping names column \"{column}\", which is not in the file. Regenerate the mapping with `sis detect`."
    )]
    MissingColumn { file: String, column: String },
    #[error(
        "{file}: only {found} usable numeric column(s) ({names}); segmentation needs at least two. Map more numeric columns (e.g. income, spend, age) or check that they are numbers."
    )]
    TooFewNumeric {
        file: String,
        found: usize,
        names: String,
    },
    #[error(
        "{file}: {customers} customers after cleaning, fewer than twice k = {k}. Use a smaller k (e.g. --k-max {suggest}) or more data."
    )]
    TooFewCustomers {
        file: String,
        customers: usize,
        k: usize,
        suggest: usize,
    },
}

/// Check that every mapped column can play its role.
pub fn check_mapping(table: &RawTable, mapping: &ColumnMapping) -> Result<(), ValidationError> {
    let file = &table.file_name;
    for (name, role) in &mapping.entries {
        if *role == Role::Ignore {
            continue;
        }
        let Some(column) = table.column(name) else {
            return Err(ValidationError::MissingColumn {
                file: file.clone(),
                column: name.clone(),
            });
        };
        match (role, &column.data) {
            (Role::JoinDate, ColumnData::Date { .. }) => {}
            (Role::JoinDate, other) if read_days(other).is_some() => {}
            (Role::JoinDate, other) => {
                return Err(ValidationError::WrongType {
                    file: file.clone(),
                    column: name.clone(),
                    role: role.key(),
                    found: format!(
                        "{} values, fewer than half of them dates",
                        other.type_name()
                    ),
                    suggestion: "ignore, or write dates as YYYY-MM-DD".into(),
                });
            }
            (Role::CustomerId | Role::Categorical, _) => {}
            (r, data @ (ColumnData::Text { .. } | ColumnData::Numeric(_))) if r.is_numeric() => {
                if let Err(problem) = convert::read_numbers(data) {
                    return Err(number_error(file, name, data, problem));
                }
            }
            (r, ColumnData::Date { .. }) if r.is_numeric() => {
                return Err(ValidationError::WrongType {
                    file: file.clone(),
                    column: name.clone(),
                    role: role.key(),
                    found: "dates".into(),
                    suggestion: "join_date or ignore".into(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// The error for a value that cannot be read as a number; rows count the header line.
fn number_error(
    file: &str,
    column: &str,
    data: &ColumnData,
    problem: convert::NumberProblem,
) -> ValidationError {
    let value = match data {
        // Huge values in scientific form ("1e308"), as they were most likely written.
        ColumnData::Numeric(v) => v.get(problem.row).map_or_else(String::new, |x| {
            if x.is_finite() && x.abs() < 1e15 {
                x.to_string()
            } else {
                format!("{x:e}")
            }
        }),
        _ => data
            .text(problem.row)
            .unwrap_or_default()
            .trim()
            .to_string(),
    };
    let (file, column) = (file.to_string(), column.to_string());
    // +2: one for the header line, one for 1-based counting.
    let row = problem.row + 2;
    match problem.kind {
        FormatProblem::NotNumber { .. } => ValidationError::NotNumeric {
            file,
            column,
            row,
            value,
        },
        FormatProblem::NotFinite { .. } => ValidationError::NotFinite {
            what: if value.to_ascii_lowercase().contains("inf") {
                "an infinity, not an amount".into()
            } else {
                format!(
                    "larger than {} in magnitude",
                    crate::format::plain(crate::ingest::formatted::MAX_MAGNITUDE)
                )
            },
            file,
            column,
            row,
            value,
        },
        FormatProblem::MixedConventions { .. } => ValidationError::MixedNumbers {
            file,
            column,
            row,
            value,
        },
    }
}

/// Refuse a table whose id column is empty in every row (before the k checks, which would
/// point the wrong way).
fn check_customers(
    table: &RawTable,
    mapping: &ColumnMapping,
    clean: &CleanTable,
    actions: &[QualityAction],
    _config: &ValidRunConfig,
) -> Result<(), ValidationError> {
    if !clean.is_empty() {
        return Ok(());
    }
    let unusable = actions.iter().find_map(|a| match a {
        QualityAction::DroppedUnusableIds { column, count } if *count == table.n_rows() => {
            Some(column.clone())
        }
        _ => None,
    });
    match unusable.or_else(|| mapping.first_with(&Role::CustomerId).map(str::to_string)) {
        Some(column) => Err(ValidationError::NoUsableIds {
            file: table.file_name.clone(),
            column,
        }),
        None => Ok(()),
    }
}

/// Refuse two columns mapped as the customer id.
fn check_one_id(file: &str, mapping: &ColumnMapping) -> Result<(), ValidationError> {
    let ids = mapping.columns_with(&Role::CustomerId);
    if let [first, second, ..] = ids.as_slice() {
        return Err(ValidationError::TwoIdColumns {
            file: file.to_string(),
            first: first.to_string(),
            second: second.to_string(),
        });
    }
    Ok(())
}

/// What validation gives the next stages.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated {
    pub clean: CleanTable,
    pub quality: QualityReport,
    /// The fitted cleaning, to apply again to new customers.
    pub preparation: Preparation,
}

/// Validate and clean: the clean table, the quality report and the fitted preparation.
pub fn validate(
    table: &RawTable,
    mapping: &ColumnMapping,
    config: &ValidRunConfig,
) -> Result<Validated, ValidationError> {
    if table.n_rows() == 0 {
        return Err(ValidationError::NoRows {
            file: table.file_name.clone(),
        });
    }
    check_one_id(&table.file_name, mapping)?;
    check_mapping(table, mapping)?;
    let columns = profile::profile_columns(&table.columns, mapping);
    let (clean, actions, preparation) = clean::clean(table, mapping, config);
    check_customers(table, mapping, &clean, &actions, config)?;
    let numeric: Vec<&str> = clean
        .columns
        .iter()
        .filter(|c| matches!(c.values, CleanValues::Number(_)))
        .map(|c| c.name.as_str())
        .collect();
    if numeric.len() < 2 && clean.len() <= 1 {
        return Err(ValidationError::NoVariation {
            file: table.file_name.clone(),
            customers: clean.len(),
            duplicates: actions
                .iter()
                .map(|a| match a {
                    QualityAction::RemovedDuplicateCustomers { count } => *count,
                    _ => 0,
                })
                .sum(),
            constant: preparation.dropped_columns.join(", "),
        });
    }
    if numeric.len() < 2 {
        return Err(ValidationError::TooFewNumeric {
            file: table.file_name.clone(),
            found: numeric.len(),
            names: if numeric.is_empty() {
                "none".into()
            } else {
                numeric.join(", ")
            },
        });
    }
    let k = config.largest_k();
    if let crate::config::KChoice::Fixed(fixed) = config.k
        && clean.len() < 2 * fixed
    {
        return Err(ValidationError::TooFewForK {
            file: table.file_name.clone(),
            customers: clean.len(),
            k: fixed,
            suggest: (clean.len() / 2).max(2),
        });
    }
    if let crate::config::KChoice::Fixed(fixed) = config.k
        && clean.len() >= 2 * fixed
        && clean.len() < 2 * k
    {
        return Err(ValidationError::TooFewForSweep {
            file: table.file_name.clone(),
            customers: clean.len(),
            k: fixed,
            k_max: k,
            suggest: (clean.len() / 2).max(fixed),
        });
    }
    if clean.len() < 2 * k {
        return Err(ValidationError::TooFewCustomers {
            file: table.file_name.clone(),
            customers: clean.len(),
            k,
            suggest: (clean.len() / 2).max(2),
        });
    }
    let quality = QualityReport {
        file_name: table.file_name.clone(),
        format: table.format.describe(),
        rows_loaded: table.n_rows(),
        columns_loaded: table.columns.len(),
        columns,
        actions,
        customers_kept: clean.len(),
    };
    Ok(Validated {
        clean,
        quality,
        preparation,
    })
}
