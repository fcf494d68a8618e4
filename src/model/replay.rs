//! Cleaning a new file for scoring with the training preparation replayed: every row kept,
//! missing values and implausible ages filled with the training values, nothing re-estimated.

use super::ModelError;
use super::prepare::{Preparation, lookup};
use crate::roles::{ColumnMapping, Role};
use crate::stats::median;
use crate::table::{ColumnData, MISSING_DAY, RawTable, civil_from_days};
use crate::validate::{
    CleanColumn, CleanTable, CleanValues, as_category, as_numbers, check_mapping, fold_into_unknown,
};

/// A customer id as training wrote it (so ids compare across files), or the row number.
fn id_text(data: &ColumnData, row: usize) -> String {
    let text = match data {
        ColumnData::Numeric(v) => {
            let x = v[row];
            if x.is_nan() {
                None
            } else if x.fract() == 0.0 && x.abs() < 1e15 {
                Some(format!("{x:.0}"))
            } else {
                Some(x.to_string())
            }
        }
        ColumnData::Text { .. } => data
            .text(row)
            .map(str::trim)
            .filter(|s| !crate::missing::is_missing(s))
            .map(str::to_string),
        ColumnData::Date { days, .. } => {
            (days[row] != MISSING_DAY).then(|| crate::table::format_day(days[row]))
        }
    };
    text.unwrap_or_else(|| format!("row {}", row + 1))
}

fn category(data: &ColumnData) -> CleanValues {
    let (mut codes, mut levels) = as_category(data);
    if codes.iter().any(|&c| c as usize >= levels.len()) {
        fold_into_unknown(&mut codes, &mut levels);
    }
    CleanValues::Category { codes, levels }
}

/// Clean a new file for scoring: every row kept, missing values and implausible ages filled
/// with the training values, columns dropped in training skipped.
pub(crate) fn clean_for_scoring(
    table: &RawTable,
    mapping: &ColumnMapping,
    prep: &Preparation,
    reference_year: Option<i32>,
) -> Result<CleanTable, ModelError> {
    if table.n_rows() == 0 {
        return Err(ModelError::Validation(
            crate::validate::ValidationError::NoRows {
                file: table.file_name.clone(),
            },
        ));
    }
    // Every column the training used must be here (a missing one would silently change
    // sums such as Frequency); columns dropped as constant at training are not needed.
    let used: Vec<(String, Role)> = mapping
        .entries
        .iter()
        .filter(|(c, r)| *r != Role::Ignore && !prep.dropped_columns.contains(c))
        .cloned()
        .collect();
    if let Some((column, role)) = used.iter().find(|(c, _)| table.column(c).is_none()) {
        return Err(ModelError::MissingColumn {
            file: table.file_name.clone(),
            column: column.clone(),
            role: role.key(),
            columns: used
                .iter()
                .map(|(c, _)| c.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    check_mapping(table, &ColumnMapping::new(used))?;
    let n = table.n_rows();
    let ids = match mapping
        .first_with(&Role::CustomerId)
        .and_then(|c| table.column(c))
    {
        Some(column) => (0..n).map(|r| id_text(&column.data, r)).collect(),
        None => (1..=n).map(|r| r.to_string()).collect(),
    };
    let mut columns = Vec::new();
    for (name, role) in &mapping.entries {
        if matches!(role, Role::Ignore | Role::CustomerId) || prep.dropped_columns.contains(name) {
            continue;
        }
        let Some(column) = table.column(name) else {
            continue;
        };
        let values = match role {
            Role::Categorical => category(&column.data),
            Role::JoinDate => {
                let mut days = match &column.data {
                    ColumnData::Date { days, .. } => days.clone(),
                    other => vec![MISSING_DAY; other.len()],
                };
                let fill = lookup(&prep.date_fills, name).unwrap_or_else(|| {
                    let present: Vec<f64> = days
                        .iter()
                        .filter(|&&d| d != MISSING_DAY)
                        .map(|&d| d as f64)
                        .collect();
                    median(&present).map_or(0, |m| m.floor() as i32)
                });
                days.iter_mut()
                    .filter(|d| **d == MISSING_DAY)
                    .for_each(|d| *d = fill);
                CleanValues::Date(days)
            }
            _ => {
                let mut values = as_numbers(&column.data);
                let fill = lookup(&prep.number_fills, name)
                    .or_else(|| median(&values))
                    .unwrap_or(0.0);
                values
                    .iter_mut()
                    .filter(|v| v.is_nan())
                    .for_each(|v| *v = fill);
                CleanValues::Number(values)
            }
        };
        columns.push(CleanColumn {
            name: name.clone(),
            role: role.clone(),
            values,
        });
    }
    let mut clean = CleanTable {
        file_name: table.file_name.clone(),
        ids,
        source_rows: (0..n).collect(),
        columns,
        reference_day: None,
        reference_year: None,
    };
    clean.reference_day = clean.join_days().and_then(|d| d.iter().copied().max());
    clean.reference_year = reference_year.or(clean.reference_day.map(|d| civil_from_days(d).0));
    replace_implausible_ages(&mut clean, prep);
    Ok(clean)
}

/// Ages under 18 or over 100 take the training replacement value (as validation does).
fn replace_implausible_ages(clean: &mut CleanTable, prep: &Preparation) {
    let year = clean.reference_year;
    for column in &mut clean.columns {
        let CleanValues::Number(values) = &mut column.values else {
            continue;
        };
        let age_of: Box<dyn Fn(f64) -> f64> = match (&column.role, year) {
            (Role::Age, _) => Box::new(|v| v),
            (Role::BirthYear, Some(y)) => Box::new(move |v| y as f64 - v),
            _ => continue,
        };
        let Some(fill) = lookup(&prep.age_fills, &column.name) else {
            continue;
        };
        for v in values.iter_mut() {
            if !(18.0..=100.0).contains(&age_of(*v)) {
                *v = fill;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::{ColumnMapping, Role};
    use crate::table::{ColumnData, RawTable};

    #[test]
    fn scoring_keeps_every_row_and_fills_with_training_values() {
        let table = RawTable {
            file_name: "new.csv".into(),
            format: crate::table::SourceFormat::Memory,
            columns: vec![
                crate::table::Column {
                    name: "ID".into(),
                    data: ColumnData::Numeric(vec![7.0, 7.0, f64::NAN]),
                },
                crate::table::Column {
                    name: "Income".into(),
                    data: ColumnData::Numeric(vec![f64::NAN, 5.0, 5.0]),
                },
                crate::table::Column {
                    name: "Age".into(),
                    data: ColumnData::Numeric(vec![150.0, 40.0, 40.0]),
                },
            ],
        };
        let mapping = ColumnMapping::new(vec![
            ("ID".into(), Role::CustomerId),
            ("Income".into(), Role::Income),
            ("Age".into(), Role::Age),
        ]);
        let prep = Preparation {
            number_fills: vec![("Income".into(), 99.0), ("Age".into(), 30.0)],
            age_fills: vec![("Age".into(), 33.0)],
            ..Preparation::default()
        };
        let clean = clean_for_scoring(&table, &mapping, &prep, None).unwrap();
        assert_eq!(clean.ids, vec!["7", "7", "row 3"]);
        assert_eq!(clean.number(&Role::Income), Some(&[99.0, 5.0, 5.0][..]));
        assert_eq!(clean.number(&Role::Age), Some(&[33.0, 40.0, 40.0][..]));
    }
}
