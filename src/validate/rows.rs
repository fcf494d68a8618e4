//! Which rows become customers: rows without a usable id and later repeats of an id are
//! dropped, and customers identical to an earlier one in every column but the id are removed
//! (or counted and kept).

use super::QualityAction;
use crate::config::ValidRunConfig;
use crate::roles::{ColumnMapping, Role};
use crate::table::{ColumnData, MISSING_DAY, RawTable, format_day};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// End of a chain of distinct rows sharing a hash.
const NO_ROW: usize = usize::MAX;

/// A hasher for keys that are already 64-bit hashes (SipHash of a whole row): passes them on.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Text of a customer id, or `None` when it is unusable (missing). The one id rule, for
/// training and scoring alike: integers print without decimals (`-0.0` as "-0", as
/// `format!("{x:.0}")` does), other numbers in full, text trimmed, dates as `YYYY-MM-DD`.
pub(crate) fn id_text(data: &ColumnData, row: usize) -> Option<String> {
    match data {
        ColumnData::Numeric(v) => {
            let x = v[row];
            if x.is_nan() {
                None
            } else if x.fract() == 0.0 && x.abs() < 1e15 {
                // The same text as `format!("{x:.0}")`, without float formatting.
                if x == 0.0 && x.is_sign_negative() {
                    Some("-0".to_string())
                } else {
                    Some((x as i64).to_string())
                }
            } else {
                Some(x.to_string())
            }
        }
        ColumnData::Text { .. } => data
            .text(row)
            .map(str::trim)
            .filter(|s| !crate::missing::is_missing(s))
            .map(str::to_string),
        ColumnData::Date { days, .. } => (days[row] != MISSING_DAY).then(|| format_day(days[row])),
    }
}

fn hash_cell<H: Hasher>(data: &ColumnData, row: usize, h: &mut H) {
    match data {
        ColumnData::Numeric(v) => {
            let x = v[row];
            (if x.is_nan() { u64::MAX } else { x.to_bits() }).hash(h)
        }
        ColumnData::Text { codes, .. } => codes[row].hash(h),
        ColumnData::Date { days, .. } => days[row].hash(h),
    }
}

fn same_cell(data: &ColumnData, a: usize, b: usize) -> bool {
    match data {
        ColumnData::Numeric(v) => v[a] == v[b] || (v[a].is_nan() && v[b].is_nan()),
        ColumnData::Text { codes, .. } => codes[a] == codes[b],
        ColumnData::Date { days, .. } => days[a] == days[b],
    }
}

/// The rows kept as customers, in data order, with their ids.
pub(super) struct KeptRows {
    /// 0-based data rows.
    pub(super) rows: Vec<usize>,
    pub(super) ids: Vec<String>,
}

/// Select the customers: usable, first-seen ids, then no exact duplicates.
pub(super) fn keep_rows(
    table: &RawTable,
    mapping: &ColumnMapping,
    config: &ValidRunConfig,
    actions: &mut Vec<QualityAction>,
) -> KeptRows {
    let id_column = mapping
        .first_with(&Role::CustomerId)
        .and_then(|name| table.column_index(name));
    let (mut rows, mut ids) = match id_column {
        Some(idx) => rows_with_usable_ids(table, idx, actions),
        None => {
            actions.push(QualityAction::Note {
                message: "no customer id column: customers are numbered by their data row".into(),
            });
            let n = table.n_rows();
            ((0..n).collect(), (1..=n).map(|r| r.to_string()).collect())
        }
    };
    let is_duplicate = duplicate_rows(table, id_column, &rows);
    let duplicates = is_duplicate.iter().filter(|d| **d).count();
    if config.drop_duplicates {
        let mut pos = 0;
        rows.retain(|_| {
            pos += 1;
            !is_duplicate[pos - 1]
        });
        let mut pos = 0;
        ids.retain(|_| {
            pos += 1;
            !is_duplicate[pos - 1]
        });
        actions.push(QualityAction::RemovedDuplicateCustomers { count: duplicates });
    } else {
        actions.push(QualityAction::KeptDuplicateCustomers { count: duplicates });
    }
    KeptRows { rows, ids }
}

/// Rows with a usable id, the first of each id kept; with their ids.
fn rows_with_usable_ids(
    table: &RawTable,
    idx: usize,
    actions: &mut Vec<QualityAction>,
) -> (Vec<usize>, Vec<String>) {
    let n = table.n_rows();
    let column = &table.columns[idx];
    let texts: Vec<Option<String>> = (0..n)
        .into_par_iter()
        .map(|r| id_text(&column.data, r))
        .collect();
    let mut keep: Vec<usize> = (0..n).collect();
    let before = keep.len();
    keep.retain(|&r| texts[r].is_some());
    actions.push(QualityAction::DroppedUnusableIds {
        column: column.name.clone(),
        count: before - keep.len(),
    });
    // The first row of each id; a later repeat that differs from it in another column is a
    // conflict, counted apart from plain repeats.
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(keep.len());
    let others: Vec<&ColumnData> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != idx)
        .map(|(_, c)| &c.data)
        .collect();
    let before = keep.len();
    let mut conflicts = 0;
    keep.retain(|&r| {
        let Some(t) = texts[r].as_deref() else {
            return false;
        };
        match first.get(t) {
            None => {
                first.insert(t, r);
                true
            }
            Some(&earlier) => {
                if !others.iter().all(|c| same_cell(c, earlier, r)) {
                    conflicts += 1;
                }
                false
            }
        }
    });
    actions.push(QualityAction::DroppedRepeatedIds {
        column: column.name.clone(),
        count: before - keep.len(),
    });
    if conflicts > 0 {
        actions.push(QualityAction::ConflictingRepeatedIds {
            column: column.name.clone(),
            count: conflicts,
        });
    }
    let ids = keep
        .iter()
        .map(|&r| texts[r].clone().unwrap_or_default())
        .collect();
    (keep, ids)
}

/// For each of `keep`'s rows: whether it repeats an earlier row in every column but the id.
fn duplicate_rows(table: &RawTable, id_column: Option<usize>, keep: &[usize]) -> Vec<bool> {
    let others: Vec<&ColumnData> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != id_column)
        .map(|(_, c)| &c.data)
        .collect();
    let hashes: Vec<u64> = keep
        .par_iter()
        .map(|&r| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for c in &others {
                hash_cell(c, r, &mut h);
            }
            h.finish()
        })
        .collect();
    // Distinct rows seen so far, chained per hash: `heads[hash]` is the latest one's index in
    // `distinct`, whose second field links to the previous one with the same hash.
    let mut heads: HashMap<u64, usize, BuildHasherDefault<Prehashed>> =
        HashMap::with_capacity_and_hasher(keep.len(), BuildHasherDefault::default());
    let mut distinct: Vec<(usize, usize)> = Vec::with_capacity(keep.len());
    let mut is_duplicate = vec![false; keep.len()];
    for (pos, (&row, &hash)) in keep.iter().zip(&hashes).enumerate() {
        let head = heads.get(&hash).copied().unwrap_or(NO_ROW);
        let mut link = head;
        let mut found = false;
        while link != NO_ROW {
            let (earlier, previous) = distinct[link];
            if others.iter().all(|c| same_cell(c, earlier, row)) {
                found = true;
                break;
            }
            link = previous;
        }
        if found {
            is_duplicate[pos] = true;
        } else {
            heads.insert(hash, distinct.len());
            distinct.push((row, head));
        }
    }
    is_duplicate
}
