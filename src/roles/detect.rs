//! Detection of each column's role from its name (aliases) and its values (flags, dates, ids).

use super::aliases::role_from_name;
use super::{ColumnMapping, Role};
use crate::table::{Column, ColumnData, RawTable};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// What the values of a column look like, independent of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnKind {
    /// Unique values in every row: an identifier.
    IdLike,
    /// Only 0 and 1.
    Flag,
    Date,
    Number,
    /// Text with few distinct values.
    Category,
    /// Text with many distinct values (names, free text).
    FreeText,
}

impl ColumnKind {
    pub fn describe(self) -> &'static str {
        match self {
            ColumnKind::IdLike => "id-like",
            ColumnKind::Flag => "0/1 flag",
            ColumnKind::Date => "date",
            ColumnKind::Number => "number",
            ColumnKind::Category => "category",
            ColumnKind::FreeText => "free text",
        }
    }
}

/// One column's detection result, with the reason shown to the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetectedColumn {
    pub name: String,
    pub kind: ColumnKind,
    pub role: Role,
    pub reason: String,
}

/// Classify a column from its values.
pub(super) fn column_kind(data: &ColumnData) -> ColumnKind {
    match data {
        ColumnData::Date { .. } => ColumnKind::Date,
        ColumnData::Numeric(values) => {
            let present: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
            if !present.is_empty() && present.iter().all(|&v| v == 0.0 || v == 1.0) {
                return ColumnKind::Flag;
            }
            let integral = present.iter().all(|v| v.fract() == 0.0);
            if integral && present.len() == values.len() && present.len() > 1 {
                let mut seen = HashSet::with_capacity(present.len());
                if present.iter().all(|v| seen.insert(v.to_bits())) {
                    return ColumnKind::IdLike;
                }
            }
            ColumnKind::Number
        }
        ColumnData::Text { codes, levels } => {
            let missing = codes
                .iter()
                .filter(|&&c| c as usize >= levels.len())
                .count();
            let present = codes.len() - missing;
            if present > 1 && missing == 0 && levels.len() == present {
                // Every row its own value: dictionary has as many levels as rows.
                let mut seen = HashSet::with_capacity(present);
                if codes.iter().all(|c| seen.insert(*c)) {
                    return ColumnKind::IdLike;
                }
            }
            let limit = 50.max(present / 20);
            if levels.len() <= limit.min(1000) {
                ColumnKind::Category
            } else {
                ColumnKind::FreeText
            }
        }
    }
}

fn looks_like_id_name(name: &str) -> bool {
    crate::identity::names_an_identifier(name)
}

/// Detect the role of every column of `table` read as one row per customer.
pub(crate) fn detect_customer_mapping(table: &RawTable) -> (ColumnMapping, Vec<DetectedColumn>) {
    let mut detected = Vec::with_capacity(table.columns.len());
    let mut have_id = false;
    let mut have_join = false;
    for (pos, col) in table.columns.iter().enumerate() {
        let kind = column_kind(&col.data);
        let by_name = role_from_name(&col.name);
        let (role, reason) = match by_name {
            Some((role, reason)) if compatible(&role, kind) => (role, reason),
            Some((role, reason)) if role == Role::JoinDate && readable_dates(&col.data) => (
                role,
                format!(
                    "{reason}; the dates mix formats or some are not dates (validation counts them)"
                ),
            ),
            Some((role, reason)) if role.is_numeric() && formatted_numbers(&col.data) => (
                role,
                format!(
                    "{reason}; numbers written with signs or separators (validation reads and counts them)"
                ),
            ),
            None if formatted_numbers(&col.data) => (
                Role::Measure,
                "numbers written with signs or separators: used as a measure".into(),
            ),
            // Mostly numbers with a few bad cells: keep the role so validation names the bad cell.
            Some((role, reason)) if role.is_numeric() && mostly_numeric(&col.data) => (
                role,
                format!("{reason}; some values are not numbers (validation will point at them)"),
            ),
            Some((role, _)) => {
                let (fallback, why) = from_values(kind, col, pos, have_id, have_join);
                (
                    fallback,
                    format!(
                        "name suggests {} but the values are {}; {why}",
                        role.key(),
                        kind.describe()
                    ),
                )
            }
            None => from_values(kind, col, pos, have_id, have_join),
        };
        match role {
            Role::CustomerId if have_id => {
                detected.push(DetectedColumn {
                    name: col.name.clone(),
                    kind,
                    role: Role::Ignore,
                    reason: "a second id-like column; the first one is the customer id".into(),
                });
                continue;
            }
            Role::CustomerId => have_id = true,
            Role::JoinDate if have_join => {
                detected.push(DetectedColumn {
                    name: col.name.clone(),
                    kind,
                    role: Role::Ignore,
                    reason: "another date; the first date column is the join date".into(),
                });
                continue;
            }
            Role::JoinDate => have_join = true,
            _ => {}
        }
        detected.push(DetectedColumn {
            name: col.name.clone(),
            kind,
            role,
            reason,
        });
    }
    let mapping = ColumnMapping::new(
        detected
            .iter()
            .map(|d| (d.name.clone(), d.role.clone()))
            .collect(),
    );
    (mapping, detected)
}

/// A text column whose values all read as numbers written for people ($635.00, 1.234,50,
/// 12%), with at least one such value.
fn formatted_numbers(data: &ColumnData) -> bool {
    let ColumnData::Text { levels, .. } = data else {
        return false;
    };
    crate::ingest::formatted::read_levels(levels).is_ok_and(|r| r.formatted.iter().any(|f| *f))
}

/// A text column at least half of whose values read as dates (mixed formats, some broken).
fn readable_dates(data: &ColumnData) -> bool {
    let ColumnData::Text { codes, levels } = data else {
        return false;
    };
    let mut counts = vec![0usize; levels.len()];
    for &c in codes {
        if let Some(n) = counts.get_mut(c as usize) {
            *n += 1;
        }
    }
    crate::ingest::read_dates_leniently(levels, &counts).is_some()
}

/// A text column where at least 90% of the present values parse as numbers.
fn mostly_numeric(data: &ColumnData) -> bool {
    let ColumnData::Text { codes, levels } = data else {
        return false;
    };
    let numeric_level: Vec<bool> = levels
        .iter()
        .map(|l| crate::ingest::convert_parse_number(l.trim()).is_some())
        .collect();
    let (mut present, mut numeric) = (0usize, 0usize);
    for &c in codes {
        if let Some(&is_num) = numeric_level.get(c as usize) {
            present += 1;
            numeric += usize::from(is_num);
        }
    }
    present > 0 && numeric * 10 >= present * 9
}

/// Whether a name-based role fits the kind of values found.
fn compatible(role: &Role, kind: ColumnKind) -> bool {
    match role {
        Role::CustomerId => matches!(
            kind,
            ColumnKind::IdLike | ColumnKind::Number | ColumnKind::FreeText
        ),
        Role::JoinDate => kind == ColumnKind::Date,
        Role::Categorical => matches!(
            kind,
            ColumnKind::Category | ColumnKind::Flag | ColumnKind::Number
        ),
        Role::Ignore => true,
        _ => matches!(
            kind,
            ColumnKind::Number | ColumnKind::Flag | ColumnKind::IdLike
        ),
    }
}

fn from_values(
    kind: ColumnKind,
    col: &Column,
    pos: usize,
    have_id: bool,
    have_join: bool,
) -> (Role, String) {
    match kind {
        ColumnKind::IdLike if !have_id && (looks_like_id_name(&col.name) || pos == 0) => (
            Role::CustomerId,
            "every value is unique: an identifier".into(),
        ),
        // Unique text that is not the id (names, notes, cities) is no number: leave it out.
        ColumnKind::IdLike if matches!(col.data, ColumnData::Text { .. }) => (
            Role::Ignore,
            "unique text values, and not the id: left out".into(),
        ),
        ColumnKind::IdLike => (Role::Measure, "unique integers; used as a number".into()),
        ColumnKind::Flag => (Role::Flag, "only 0 and 1: a flag".into()),
        ColumnKind::Date if !have_join => (
            Role::JoinDate,
            "the first date column: taken as the join date".into(),
        ),
        ColumnKind::Date => (Role::Ignore, "another date column".into()),
        ColumnKind::Number => (Role::Measure, "numeric: used as a measure".into()),
        ColumnKind::Category => (
            Role::Categorical,
            "text with few distinct values: a category".into(),
        ),
        ColumnKind::FreeText => (Role::Ignore, "free text with many distinct values".into()),
    }
}
