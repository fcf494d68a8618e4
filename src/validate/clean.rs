//! The cleaning, in order: the rows kept as customers ([`super::rows`]), each mapped column
//! read for its role (constant ones dropped), the preparation fitted and applied (missing
//! values, implausible ages), and every action reported from what was fitted.

use super::convert::{as_category, as_numbers, constant_value, fold_into_unknown};
use super::preparation::{
    AgeReading, Preparation, count_implausible, fill_days, fill_numbers, fit_age_fill,
    fit_date_fill, fit_number_fill, replace_implausible,
};
use super::report::QualityAction;
use super::rows::keep_rows;
use super::table::{CleanColumn, CleanTable, CleanValues};
use crate::config::ValidRunConfig;
use crate::roles::{ColumnMapping, Role};
use crate::stats::median;
use crate::table::{ColumnData, MISSING_DAY, RawTable, civil_from_days, format_day};

/// Run every cleaning step; returns the clean table, the actions taken and the fitted
/// preparation (without outlier fences: the features stage fits those).
pub(super) fn clean(
    table: &RawTable,
    mapping: &ColumnMapping,
    config: &ValidRunConfig,
) -> (CleanTable, Vec<QualityAction>, Preparation) {
    let mut actions = Vec::new();
    let mut prep = Preparation::default();
    let kept = keep_rows(table, mapping, config, &mut actions);
    // Per numeric column, the imputation median when values were missing.
    let mut imputed: Vec<Option<f64>> = Vec::new();
    let mut columns = Vec::new();
    for (name, role) in &mapping.entries {
        if matches!(role, Role::Ignore | Role::CustomerId) {
            continue;
        }
        let Some(column) = table.column(name) else {
            continue;
        };
        let data = column.data.select_rows(&kept.rows);
        if let Some(value) = constant_value(&data) {
            prep.dropped_columns.push(name.clone());
            actions.push(QualityAction::DroppedConstantColumn {
                column: name.clone(),
                value,
            });
            continue;
        }
        let values = match role {
            Role::Categorical => clean_category(name, &data, &mut actions),
            Role::JoinDate => clean_dates(name, &data, &mut prep, &mut actions),
            _ => {
                let (values, median) = clean_numbers(name, &data, &mut actions);
                imputed.push(median);
                values
            }
        };
        columns.push(CleanColumn {
            name: name.clone(),
            role: role.clone(),
            values,
        });
    }
    // Ages, relative to the data's latest join date (never today).
    let mut clean = CleanTable {
        file_name: table.file_name.clone(),
        ids: kept.ids,
        source_rows: kept.rows,
        columns,
        reference_day: None,
        reference_year: None,
    };
    clean.reference_day = clean.join_days().and_then(|d| d.iter().copied().max());
    clean.reference_year = config
        .reference_year
        .or(clean.reference_day.map(|d| civil_from_days(d).0));
    let age_fills = fix_ages(&mut clean, &mut actions);
    fit_number_fills(&clean, &imputed, &age_fills, &mut prep);
    (clean, actions, prep)
}

/// A numeric column with its missing values imputed; the imputation median, when one.
fn clean_numbers(
    name: &str,
    data: &ColumnData,
    actions: &mut Vec<QualityAction>,
) -> (CleanValues, Option<f64>) {
    let mut values = as_numbers(data);
    if !values.iter().any(|v| v.is_nan()) {
        return (CleanValues::Number(values), None);
    }
    let value = fit_number_fill(&values);
    let count = fill_numbers(&mut values, value);
    actions.push(QualityAction::ImputedMedian {
        column: name.into(),
        count,
        value,
    });
    (CleanValues::Number(values), Some(value))
}

/// A categorical column with its missing values set to "Unknown".
fn clean_category(name: &str, data: &ColumnData, actions: &mut Vec<QualityAction>) -> CleanValues {
    let (mut codes, mut levels) = as_category(data);
    let missing = codes
        .iter()
        .filter(|&&c| c as usize >= levels.len())
        .count();
    if missing > 0 {
        fold_into_unknown(&mut codes, &mut levels);
        actions.push(QualityAction::ImputedUnknownCategory {
            column: name.into(),
            count: missing,
        });
    }
    CleanValues::Category { codes, levels }
}

/// A join-date column with its missing days set to the fitted median day.
fn clean_dates(
    name: &str,
    data: &ColumnData,
    prep: &mut Preparation,
    actions: &mut Vec<QualityAction>,
) -> CleanValues {
    let mut days = match data {
        ColumnData::Date { days, .. } => days.clone(),
        _ => vec![MISSING_DAY; data.len()],
    };
    let fill = fit_date_fill(&days);
    prep.date_fills.push((name.into(), fill));
    let count = fill_days(&mut days, fill);
    if count > 0 {
        actions.push(QualityAction::ImputedMedianDate {
            column: name.into(),
            count,
            value: format_day(fill),
        });
    }
    CleanValues::Date(days)
}

/// Replace implausible ages with the median plausible one; returns the fitted replacement of
/// each age column that needed one.
fn fix_ages(clean: &mut CleanTable, actions: &mut Vec<QualityAction>) -> Vec<(String, f64)> {
    let reference_year = clean.reference_year;
    let mut fills = Vec::new();
    for column in &mut clean.columns {
        let CleanValues::Number(values) = &mut column.values else {
            continue;
        };
        let reading = match AgeReading::of(&column.role, reference_year) {
            Some(reading) => reading,
            None if column.role == Role::BirthYear => {
                actions.push(QualityAction::Note {
                    message: format!(
                        "ages from \"{}\" not checked: the data has no join date to date them from (set a reference year)",
                        column.name
                    ),
                });
                continue;
            }
            None => continue,
        };
        let (below, above) = count_implausible(values, reading);
        if below + above == 0 {
            continue;
        }
        let Some(value) = fit_age_fill(values, reading) else {
            continue;
        };
        replace_implausible(values, reading, value);
        fills.push((column.name.clone(), value));
        actions.push(QualityAction::ReplacedImplausibleAges {
            column: column.name.clone(),
            count: below + above,
            below,
            above,
            value,
        });
    }
    fills
}

/// The number fills (the imputation median, else the cleaned column's median) and the age
/// fills (the fitted replacement, else the number fill), in column order.
fn fit_number_fills(
    clean: &CleanTable,
    imputed: &[Option<f64>],
    age_fills: &[(String, f64)],
    prep: &mut Preparation,
) {
    let numeric = clean.columns.iter().filter_map(|c| match &c.values {
        CleanValues::Number(values) => Some((c, values)),
        _ => None,
    });
    for ((column, values), imputed) in numeric.zip(imputed) {
        let fill = imputed.or_else(|| median(values)).unwrap_or(0.0);
        prep.number_fills.push((column.name.clone(), fill));
        if matches!(column.role, Role::Age | Role::BirthYear) {
            let age = super::preparation::lookup(age_fills, &column.name).unwrap_or(fill);
            prep.age_fills.push((column.name.clone(), age));
        }
    }
}
