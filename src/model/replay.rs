//! Cleaning a new file for scoring with the training preparation replayed: every row kept,
//! missing values and implausible ages filled with the training values, nothing re-estimated.

use super::ModelError;
use crate::roles::{ColumnMapping, Role};
use crate::table::{ColumnData, MISSING_DAY, RawTable, civil_from_days};
use crate::validate::preparation::{
    AgeReading, fill_days, fill_numbers, fit_date_fill, fit_number_fill, replace_implausible,
};
use crate::validate::rows::id_text;
use crate::validate::{
    CleanColumn, CleanTable, CleanValues, Preparation, as_category, as_numbers, check_mapping,
    fold_into_unknown, read_days,
};

/// A customer id as training wrote it (the same rule, so ids compare across files), or the
/// row number where it is missing (scoring keeps every row).
fn id_or_row(data: &ColumnData, row: usize) -> String {
    id_text(data, row).unwrap_or_else(|| format!("row {}", row + 1))
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
    training_day: Option<i32>,
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
    check_mapping(table, &ColumnMapping::new(used)).map_err(|e| match e {
        // Scoring has no mapping to change: the advice is to clean the value.
        crate::validate::ValidationError::NotNumeric {
            file,
            column,
            row,
            value,
        } => ModelError::ScoreNotNumeric {
            file,
            column,
            row,
            value,
        },
        other => ModelError::Validation(other),
    })?;
    let n = table.n_rows();
    let ids = match mapping
        .first_with(&Role::CustomerId)
        .and_then(|c| table.column(c))
    {
        Some(column) => (0..n).map(|r| id_or_row(&column.data, r)).collect(),
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
                let mut days = read_days(&column.data)
                    .map_or_else(|| vec![MISSING_DAY; column.data.len()], |r| r.days);
                let fill = prep.date_fill(name).unwrap_or_else(|| fit_date_fill(&days));
                fill_days(&mut days, fill);
                CleanValues::Date(days)
            }
            _ => {
                let mut values = as_numbers(&column.data);
                let fill = prep
                    .number_fill(name)
                    .unwrap_or_else(|| fit_number_fill(&values));
                fill_numbers(&mut values, fill);
                CleanValues::Number(values)
            }
        };
        columns.push(CleanColumn::new(name, role, values));
    }
    let mut clean = CleanTable::new(&table.file_name, ids, (0..n).collect(), columns);
    // The training reference: a new customer's tenure is measured as at training, never
    // from the scored file (a one-row file would give every customer tenure 0).
    clean.reference_day =
        training_day.or_else(|| clean.join_days().and_then(|d| d.iter().copied().max()));
    clean.reference_year = reference_year.or(clean.reference_day.map(|d| civil_from_days(d).0));
    replace_implausible_ages(&mut clean, prep);
    Ok(clean)
}

/// Implausible ages take the training replacement (the rule validation fitted it with).
fn replace_implausible_ages(clean: &mut CleanTable, prep: &Preparation) {
    let year = clean.reference_year;
    for column in &mut clean.columns {
        let CleanValues::Number(values) = &mut column.values else {
            continue;
        };
        let Some(reading) = AgeReading::of(&column.role, year) else {
            continue;
        };
        let Some(fill) = prep.age_fill(&column.name) else {
            continue;
        };
        replace_implausible(values, reading, fill);
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
        let clean = clean_for_scoring(&table, &mapping, &prep, None, None).unwrap();
        assert_eq!(clean.ids, vec!["7", "7", "row 3"]);
        assert_eq!(clean.number(&Role::Income), Some(&[99.0, 5.0, 5.0][..]));
        assert_eq!(clean.number(&Role::Age), Some(&[33.0, 40.0, 40.0][..]));
    }
}
