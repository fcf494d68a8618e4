//! What kind of dataset a table is: one row per customer, order lines (a transactions dataset,
//! with the order-line roles of its columns), or rows whose customer ids repeat without being
//! order lines (refused later with advice).

use super::detect::{ColumnKind, DetectedColumn, column_kind, detect_customer_mapping};
use super::order_names::order_role_from_name;
use super::{ColumnMapping, Role};
use crate::ingest::compact_column;
use crate::table::{ColumnData, RawTable};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Rows repeating an earlier customer id, as a share of the rows with an id, above which the
/// table is not read as one row per customer: at or below it the repeats are duplicate customer
/// rows (the first kept, as validation always did); above it the table is order lines or is
/// refused.
pub const REPEAT_SHARE: f64 = 0.05;

/// The kind of dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatasetKind {
    /// One row per customer (a few duplicate rows allowed).
    Customers,
    /// Order lines: aggregated to one row per customer before validation.
    Transactions,
    /// Customer ids repeat, but the table lacks what order lines need.
    RepeatedIds,
}

impl DatasetKind {
    /// The short name shown by `sis detect`.
    pub fn key(self) -> &'static str {
        match self {
            DatasetKind::Customers => "customers",
            DatasetKind::Transactions => "transactions",
            DatasetKind::RepeatedIds => "repeated ids",
        }
    }

    /// One sentence for people.
    pub fn describe(self) -> &'static str {
        match self {
            DatasetKind::Customers => "one row per customer",
            DatasetKind::Transactions => {
                "order lines; aggregated to one row per customer before segmentation"
            }
            DatasetKind::RepeatedIds => {
                "customer ids repeat but there is no order id or date with a quantity and price or a line amount; it cannot be segmented as it is"
            }
        }
    }
}

/// How often the customer ids repeat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdRepeats {
    /// The customer id column.
    pub column: String,
    /// Rows with an id.
    pub rows: usize,
    /// Distinct ids.
    pub distinct: usize,
}

impl IdRepeats {
    /// Rows repeating an earlier id.
    pub fn repeated_rows(&self) -> usize {
        self.rows - self.distinct
    }

    /// Repeated rows as a share of the rows with an id.
    pub fn share(&self) -> f64 {
        if self.rows == 0 {
            0.0
        } else {
            self.repeated_rows() as f64 / self.rows as f64
        }
    }

    /// Whether the repeats exceed [`REPEAT_SHARE`].
    pub fn too_many(&self) -> bool {
        self.share() > REPEAT_SHARE
    }
}

/// The detection result: the kind, the mapping with each column's reason, and the id repeats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetDetection {
    pub kind: DatasetKind,
    pub mapping: ColumnMapping,
    pub detected: Vec<DetectedColumn>,
    pub repeats: Option<IdRepeats>,
}

/// Detect the role of every column of `table` (order-line roles when it is a transactions
/// dataset). Same as [`detect_dataset`] without the kind.
pub fn detect_mapping(table: &RawTable) -> (ColumnMapping, Vec<DetectedColumn>) {
    let d = detect_dataset(table);
    (d.mapping, d.detected)
}

/// Detect the kind of dataset and the role of every column.
pub fn detect_dataset(table: &RawTable) -> DatasetDetection {
    let (mapping, detected) = detect_customer_mapping(table);
    let named_id = mapping
        .first_with(&Role::CustomerId)
        .and_then(|c| table.column_index(c));
    let id_index = named_id.or_else(|| guess_repeating_id(table));
    let customers = |repeats| DatasetDetection {
        kind: DatasetKind::Customers,
        mapping: mapping.clone(),
        detected: detected.clone(),
        repeats,
    };
    let Some(id_index) = id_index else {
        return customers(None);
    };
    let repeats = id_repeats(table, id_index);
    if !repeats.too_many() {
        return customers(named_id.map(|_| repeats));
    }
    let lines = order_columns(table, id_index);
    if is_complete(&lines) {
        return DatasetDetection {
            kind: DatasetKind::Transactions,
            mapping: ColumnMapping::new(
                lines
                    .iter()
                    .map(|d| (d.name.clone(), d.role.clone()))
                    .collect(),
            ),
            detected: lines,
            repeats: Some(repeats),
        };
    }
    if named_id.is_none() {
        // An id guessed from values only: without order-line evidence, keep today's reading.
        return customers(None);
    }
    DatasetDetection {
        kind: DatasetKind::RepeatedIds,
        mapping,
        detected,
        repeats: Some(repeats),
    }
}

/// Whether detected order-line roles are enough: an order id or a timestamp, and a line amount
/// or a quantity with a unit price.
fn is_complete(lines: &[DetectedColumn]) -> bool {
    let has = |r: &Role| lines.iter().any(|d| &d.role == r);
    has(&Role::CustomerId)
        && (has(&Role::OrderId) || has(&Role::Timestamp))
        && (has(&Role::LineAmount) || (has(&Role::Quantity) && has(&Role::UnitPrice)))
}

/// A hashable key per row (`None` when missing).
fn row_keys(data: &ColumnData) -> Vec<Option<u64>> {
    match data {
        ColumnData::Numeric(v) => v
            .iter()
            .map(|x| (!x.is_nan()).then(|| x.to_bits()))
            .collect(),
        ColumnData::Text { codes, levels } => codes
            .iter()
            .map(|&c| ((c as usize) < levels.len()).then_some(u64::from(c)))
            .collect(),
        ColumnData::Date { days, .. } => days
            .iter()
            .map(|&d| (d != crate::table::MISSING_DAY).then_some(d as u64))
            .collect(),
    }
}

/// Rows with an id and distinct ids in column `index`.
pub fn id_repeats(table: &RawTable, index: usize) -> IdRepeats {
    let column = &table.columns[index];
    let keys = row_keys(&column.data);
    let mut seen = HashSet::with_capacity(keys.len() / 2);
    let mut rows = 0;
    for k in keys.into_iter().flatten() {
        rows += 1;
        seen.insert(k);
    }
    IdRepeats {
        column: column.name.clone(),
        rows,
        distinct: seen.len(),
    }
}

/// Names made up for a file without a header (`column_3`).
fn is_generated_name(name: &str) -> bool {
    name.strip_prefix("column_")
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a column holds whole numbers, or text codes of digits: what ids are written as.
fn id_shaped(data: &ColumnData) -> bool {
    match data {
        ColumnData::Numeric(v) => v.iter().all(|x| x.is_nan() || x.fract() == 0.0),
        ColumnData::Text { levels, .. } => levels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')),
        ColumnData::Date { .. } => false,
    }
}

/// In a file without names, the first column of id-shaped values that repeat: the customer.
fn guess_repeating_id(table: &RawTable) -> Option<usize> {
    let col = table.columns.first()?;
    if !is_generated_name(&col.name) || !id_shaped(&col.data) || is_compact_date(&col.data) {
        return None;
    }
    let repeats = id_repeats(table, 0);
    (repeats.too_many() && repeats.distinct > 1).then_some(0)
}

fn is_compact_date(data: &ColumnData) -> bool {
    matches!(data, ColumnData::Numeric(v) if compact_column(v).is_some())
}

/// Whether an order-line role fits the values of a column.
fn fits(role: &Role, data: &ColumnData) -> bool {
    match role {
        Role::Timestamp => matches!(data, ColumnData::Date { .. }) || is_compact_date(data),
        Role::Quantity | Role::UnitPrice | Role::LineAmount => {
            matches!(data, ColumnData::Numeric(_))
        }
        Role::DiscountFlag => match data {
            ColumnData::Numeric(_) => column_kind(data) == ColumnKind::Flag,
            ColumnData::Text { levels, .. } => levels.len() <= 2,
            ColumnData::Date { .. } => false,
        },
        _ => !matches!(data, ColumnData::Date { .. }),
    }
}

/// Whether column `b` names the same customers as the id column `a` (one value per id and one
/// id per value), like the second id of the CDNOW log.
fn same_partition(a: &ColumnData, b: &ColumnData) -> bool {
    let (ka, kb) = (row_keys(a), row_keys(b));
    let mut forward: HashMap<u64, u64> = HashMap::new();
    let mut backward: HashMap<u64, u64> = HashMap::new();
    ka.iter().zip(&kb).all(|(x, y)| match (x, y) {
        (Some(x), Some(y)) => {
            *forward.entry(*x).or_insert(*y) == *y && *backward.entry(*y).or_insert(*x) == *x
        }
        _ => false,
    })
}

/// The role of every column of a table read as order lines (`id` is the customer id).
fn order_columns(table: &RawTable, id: usize) -> Vec<DetectedColumn> {
    let mut used: HashSet<Role> = HashSet::new();
    let mut out = Vec::with_capacity(table.columns.len());
    for (pos, col) in table.columns.iter().enumerate() {
        let kind = column_kind(&col.data);
        let (role, reason) = if pos == id {
            (
                Role::CustomerId,
                "the customer id; its values repeat, one row per order line".to_string(),
            )
        } else {
            order_role(table, id, &col.name, &col.data, &used)
        };
        let (role, reason) = if role != Role::Ignore && !used.insert(role.clone()) {
            (
                Role::Ignore,
                format!("a second {} column; the first one is used", role.key()),
            )
        } else {
            (role, reason)
        };
        out.push(DetectedColumn {
            name: col.name.clone(),
            kind,
            role,
            reason,
        });
    }
    out
}

/// One column's order-line role: from its name, or (for a file without a header) its values.
fn order_role(
    table: &RawTable,
    id: usize,
    name: &str,
    data: &ColumnData,
    used: &HashSet<Role>,
) -> (Role, String) {
    if let Some(role) = order_role_from_name(name) {
        if fits(&role, data) {
            return (
                role.clone(),
                format!("name \"{name}\" is a known alias of {}", role.key()),
            );
        }
        return (
            Role::Ignore,
            format!(
                "name suggests {} but the values are {}",
                role.key(),
                column_kind(data).describe()
            ),
        );
    }
    if !is_generated_name(name) {
        return (
            Role::Ignore,
            "not an order-line column; not used when order lines are aggregated".into(),
        );
    }
    if same_partition(&table.columns[id].data, data) {
        return (
            Role::Ignore,
            "another customer id (one value per customer)".into(),
        );
    }
    let free = |r: &Role| !used.contains(r);
    match data {
        ColumnData::Date { .. } if free(&Role::Timestamp) => (
            Role::Timestamp,
            "the first date column: the order date".into(),
        ),
        ColumnData::Numeric(_) if is_compact_date(data) && free(&Role::Timestamp) => (
            Role::Timestamp,
            "whole numbers that read as YYYYMMDD dates: the order date".into(),
        ),
        ColumnData::Numeric(v) => {
            let integral = v.iter().all(|x| x.is_nan() || x.fract() == 0.0);
            if integral && free(&Role::Quantity) {
                (
                    Role::Quantity,
                    "whole numbers without a name: read as the quantity".into(),
                )
            } else if !integral && free(&Role::LineAmount) {
                (
                    Role::LineAmount,
                    "amounts with decimals without a name: read as the line amount".into(),
                )
            } else {
                (Role::Ignore, "another number without a name".into())
            }
        }
        _ => (Role::Ignore, "no name and no order-line meaning".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Column, SourceFormat};

    fn table(columns: Vec<(&str, ColumnData)>) -> RawTable {
        RawTable {
            file_name: "t.csv".into(),
            format: SourceFormat::Memory,
            columns: columns
                .into_iter()
                .map(|(n, data)| Column {
                    name: n.into(),
                    data,
                })
                .collect(),
        }
    }

    fn text(values: &[&str]) -> ColumnData {
        let mut levels: Vec<String> = Vec::new();
        let codes = values
            .iter()
            .map(|v| match levels.iter().position(|l| l == v) {
                Some(p) => p as u32,
                None => {
                    levels.push(v.to_string());
                    (levels.len() - 1) as u32
                }
            })
            .collect();
        ColumnData::Text { codes, levels }
    }

    #[test]
    fn order_lines_are_transactions() {
        let t = table(vec![
            ("InvoiceNo", text(&["1", "1", "2", "3", "C4"])),
            (
                "Quantity",
                ColumnData::Numeric(vec![1.0, 2.0, 1.0, 5.0, -1.0]),
            ),
            (
                "UnitPrice",
                ColumnData::Numeric(vec![2.5, 1.0, 3.0, 1.0, 2.5]),
            ),
            (
                "CustomerID",
                ColumnData::Numeric(vec![7.0, 7.0, 8.0, 7.0, 7.0]),
            ),
            ("Country", text(&["UK", "UK", "FR", "UK", "UK"])),
        ]);
        let d = detect_dataset(&t);
        assert_eq!(d.kind, DatasetKind::Transactions);
        assert_eq!(d.mapping.role_of("InvoiceNo"), Role::OrderId);
        assert_eq!(d.mapping.role_of("CustomerID"), Role::CustomerId);
        assert_eq!(d.mapping.role_of("Country"), Role::Country);
        assert_eq!(d.repeats.as_ref().map(|r| r.distinct), Some(2));
    }

    #[test]
    fn monthly_rows_are_repeated_ids() {
        let ids: Vec<f64> = (0..40).map(|i| f64::from(i % 10)).collect();
        let spend: Vec<f64> = (0..40).map(|i| f64::from(i) * 1.5).collect();
        let t = table(vec![
            ("CustomerID", ColumnData::Numeric(ids)),
            ("Spend", ColumnData::Numeric(spend)),
        ]);
        let d = detect_dataset(&t);
        assert_eq!(d.kind, DatasetKind::RepeatedIds);
        assert_eq!(d.mapping.role_of("Spend"), Role::Spend("Total".into()));
    }
}
