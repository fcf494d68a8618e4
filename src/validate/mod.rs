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
pub mod treatment;

pub(crate) use convert::{as_category, as_numbers, fold_into_unknown};
pub use preparation::{OutlierCap, PLAUSIBLE_AGES, Preparation};
pub use report::{ColumnProfile, QualityAction, QualityReport};
pub use table::{CleanColumn, CleanTable, CleanValues};
pub use treatment::{FeatureTreatment, HeldOut, TreatmentKind};

use crate::config::ValidRunConfig;
use crate::missing::is_missing;
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
            (Role::JoinDate, other) => {
                return Err(ValidationError::WrongType {
                    file: file.clone(),
                    column: name.clone(),
                    role: role.key(),
                    found: format!("{} values, not dates", other.type_name()),
                    suggestion: "ignore, or write dates as YYYY-MM-DD".into(),
                });
            }
            (Role::CustomerId | Role::Categorical, _) => {}
            (r, ColumnData::Text { codes, levels }) if r.is_numeric() => {
                let bad = codes.iter().enumerate().find_map(|(row, &c)| {
                    let text = levels.get(c as usize)?;
                    (!is_missing(text) && text.trim().parse::<f64>().is_err())
                        .then(|| (row, text.clone()))
                });
                let (row, value) = bad.unwrap_or((0, String::new()));
                return Err(ValidationError::NotNumeric {
                    file: file.clone(),
                    column: name.clone(),
                    // +2: one for the header line, one for 1-based counting.
                    row: row + 2,
                    value,
                });
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
    check_mapping(table, mapping)?;
    let columns = profile::profile_columns(&table.columns, mapping);
    let (clean, actions, preparation) = clean::clean(table, mapping, config);
    let numeric: Vec<&str> = clean
        .columns
        .iter()
        .filter(|c| matches!(c.values, CleanValues::Number(_)))
        .map(|c| c.name.as_str())
        .collect();
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
