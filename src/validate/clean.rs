//! The cleaning, in order: the rows kept as customers ([`super::rows`]), each mapped column
//! read for its role (constant ones dropped), the preparation fitted and applied (missing
//! values, implausible ages), and every action reported from what was fitted.

use super::QualityAction;
use super::convert::{as_category, constant_value, fold_into_unknown, read_days, read_numbers};
use super::preparation::{
    AgeReading, Preparation, count_implausible, fill_days, fill_numbers, fit_age_fill,
    fit_date_fill, fit_number_fill, replace_implausible,
};
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
        if (0..data.len()).all(|i| data.is_missing(i)) {
            prep.dropped_columns.push(name.clone());
            actions.push(QualityAction::DroppedEmptyColumn {
                column: name.clone(),
            });
            continue;
        }
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
                let (values, median) = clean_numbers(name, role, &data, &mut actions);
                imputed.push(median);
                values
            }
        };
        columns.push(CleanColumn::new(name, role, values));
    }
    // Ages, relative to the data's latest join date (never today).
    let mut clean = CleanTable::new(&table.file_name, kept.ids, kept.rows, columns);
    clean.reference_day = clean.join_days().and_then(|d| d.iter().copied().max());
    if let (Some(day), Some(column)) = (clean.reference_day, mapping.first_with(&Role::JoinDate)) {
        actions.push(QualityAction::ReferenceDay {
            column: column.to_string(),
            day,
        });
    }
    clean.reference_year = config
        .reference_year
        .or(clean.reference_day.map(|d| civil_from_days(d).0));
    let age_fills = fix_ages(&mut clean, &mut actions);
    fit_number_fills(&clean, &imputed, &age_fills, &mut prep);
    (clean, actions, prep)
}

/// A numeric column with its missing values imputed; the imputation median, when one.
/// Values read from formatted text and negative spend are counted.
fn clean_numbers(
    name: &str,
    role: &Role,
    data: &ColumnData,
    actions: &mut Vec<QualityAction>,
) -> (CleanValues, Option<f64>) {
    // `check_mapping` refused unreadable columns before cleaning.
    let reading = read_numbers(data).ok();
    let mut values = reading
        .as_ref()
        .map_or_else(|| vec![f64::NAN; data.len()], |r| r.values.clone());
    if let Some(r) = reading.as_ref().filter(|r| r.formatted > 0) {
        actions.push(QualityAction::ReadFormattedNumbers {
            column: name.into(),
            count: r.formatted,
            style: r.style.describe(),
        });
    }
    if matches!(role, Role::Spend(_)) {
        let count = values.iter().filter(|v| **v < 0.0).count();
        if count > 0 {
            actions.push(QualityAction::NegativeValues {
                column: name.into(),
                count,
            });
        }
    }
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

/// A join-date column with its missing days set to the fitted median day; values that are not
/// dates and implausibly late dates are counted and treated as missing.
fn clean_dates(
    name: &str,
    data: &ColumnData,
    prep: &mut Preparation,
    actions: &mut Vec<QualityAction>,
) -> CleanValues {
    let mut days = match read_days(data) {
        Some(reading) => {
            if reading.unread > 0 {
                actions.push(QualityAction::UnreadDates {
                    column: name.into(),
                    count: reading.unread,
                    example: reading.example.unwrap_or_default(),
                    formats: reading
                        .formats
                        .iter()
                        .map(|f| f.describe())
                        .collect::<Vec<_>>()
                        .join(" and "),
                });
            }
            reading.days
        }
        None => vec![MISSING_DAY; data.len()],
    };
    if let Some((fence, count)) = blank_late_days(&mut days) {
        actions.push(QualityAction::ImplausibleJoinDates {
            column: name.into(),
            count,
            after: format_day(fence),
        });
    }
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

/// Join dates beyond the upper fence `Q3 + 3 × IQR` (at least a year after Q3) are data-entry
/// errors such as 2099: blanked. Returns the fence and how many were blanked.
fn blank_late_days(days: &mut [i32]) -> Option<(i32, usize)> {
    let present: Vec<f64> = days
        .iter()
        .filter(|&&d| d != MISSING_DAY)
        .map(|&d| f64::from(d))
        .collect();
    let q1 = crate::stats::quantile(&present, 0.25)?;
    let q3 = crate::stats::quantile(&present, 0.75)?;
    let fence = (q3 + (3.0 * (q3 - q1)).max(366.0)).floor() as i32;
    let mut count = 0;
    for d in days
        .iter_mut()
        .filter(|d| **d != MISSING_DAY && **d > fence)
    {
        *d = MISSING_DAY;
        count += 1;
    }
    (count > 0).then_some((fence, count))
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
            actions.push(QualityAction::Note {
                message: format!(
                    "all {} ages from \"{}\" are implausible ({below} under 18, {above} over 100, measured from {}): check the birth years and the join dates",
                    below + above,
                    column.name,
                    reference_year.map_or_else(|| "the reference year".to_string(), |y| y.to_string())
                ),
            });
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
