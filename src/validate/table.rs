//! The clean table: the customers that survived validation, one row each, every column with
//! its role and no missing values.

use crate::roles::Role;
use serde::{Deserialize, Serialize};

/// Values of a cleaned column: no missing values remain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CleanValues {
    Number(Vec<f64>),
    Category {
        codes: Vec<u32>,
        levels: Vec<String>,
    },
    /// Days since 1970-01-01.
    Date(Vec<i32>),
}

/// A cleaned column with its role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CleanColumn {
    pub name: String,
    pub role: Role,
    pub values: CleanValues,
}

/// The customers that survived validation, one row each, with no missing values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CleanTable {
    pub file_name: String,
    /// Customer ids as text (row numbers when the data has no id column).
    pub ids: Vec<String>,
    /// The 0-based data row each customer came from.
    pub source_rows: Vec<usize>,
    pub columns: Vec<CleanColumn>,
    /// The latest join date in the data (days since 1970-01-01), the reference for tenure.
    pub reference_day: Option<i32>,
    /// The year ages are computed at.
    pub reference_year: Option<i32>,
}

impl CleanColumn {
    /// A column named `name` with `role`.
    pub fn new(name: &str, role: &Role, values: CleanValues) -> CleanColumn {
        CleanColumn {
            name: name.to_string(),
            role: role.clone(),
            values,
        }
    }
}

impl CleanTable {
    /// The customers of `file_name` (`ids`, from data rows `source_rows`) with their columns;
    /// the reference day and year are set once the dates are known.
    pub fn new(
        file_name: &str,
        ids: Vec<String>,
        source_rows: Vec<usize>,
        columns: Vec<CleanColumn>,
    ) -> CleanTable {
        CleanTable {
            file_name: file_name.to_string(),
            ids,
            source_rows,
            columns,
            reference_day: None,
            reference_year: None,
        }
    }

    /// Number of customers.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Numeric columns with exactly this role.
    pub fn numbers_with(&self, role: &Role) -> Vec<(&str, &[f64])> {
        self.columns
            .iter()
            .filter(|c| &c.role == role)
            .filter_map(|c| match &c.values {
                CleanValues::Number(v) => Some((c.name.as_str(), v.as_slice())),
                _ => None,
            })
            .collect()
    }

    /// The first numeric column with this role.
    pub fn number(&self, role: &Role) -> Option<&[f64]> {
        self.numbers_with(role).first().map(|(_, v)| *v)
    }

    /// Spend columns with their category name.
    pub fn spend(&self) -> Vec<(&str, &[f64])> {
        self.columns
            .iter()
            .filter_map(|c| match (&c.role, &c.values) {
                (Role::Spend(cat), CleanValues::Number(v)) => Some((cat.as_str(), v.as_slice())),
                _ => None,
            })
            .collect()
    }

    /// The join dates, if mapped.
    pub fn join_days(&self) -> Option<&[i32]> {
        self.columns
            .iter()
            .find_map(|c| match (&c.role, &c.values) {
                (Role::JoinDate, CleanValues::Date(d)) => Some(d.as_slice()),
                _ => None,
            })
    }

    /// Categorical columns: name, codes, levels.
    pub fn categories(&self) -> Vec<(&str, &[u32], &[String])> {
        self.columns
            .iter()
            .filter_map(|c| match (&c.role, &c.values) {
                (Role::Categorical, CleanValues::Category { codes, levels }) => {
                    Some((c.name.as_str(), codes.as_slice(), levels.as_slice()))
                }
                _ => None,
            })
            .collect()
    }
}
