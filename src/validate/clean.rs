//! The cleaning steps, in order: unusable and repeated ids, exact duplicate customers,
//! constant columns, missing values, implausible ages.

use super::report::QualityAction;
use crate::config::ValidRunConfig;
use crate::format::plain;
use crate::roles::{ColumnMapping, Role};
use crate::stats::median;
use crate::table::{ColumnData, MISSING_CODE, MISSING_DAY, RawTable, civil_from_days, format_day};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
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

impl CleanTable {
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

/// Text of a customer id, or `None` when it is unusable.
fn id_text(data: &ColumnData, row: usize) -> Option<String> {
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

/// Run every cleaning step; returns the clean table and the actions taken.
pub fn clean(
    table: &RawTable,
    mapping: &ColumnMapping,
    config: &ValidRunConfig,
) -> (CleanTable, Vec<QualityAction>) {
    let mut actions = Vec::new();
    let n = table.n_rows();
    let id_index = mapping
        .first_with(&Role::CustomerId)
        .and_then(|name| table.column_index(name));
    let mut keep: Vec<usize> = (0..n).collect();
    let mut ids: Vec<String>;

    // 1. Ids: unusable ones dropped, repeats dropped (first kept).
    if let Some(idx) = id_index {
        let column = &table.columns[idx];
        let texts: Vec<Option<String>> = (0..n)
            .into_par_iter()
            .map(|r| id_text(&column.data, r))
            .collect();
        let before = keep.len();
        keep.retain(|&r| texts[r].is_some());
        actions.push(QualityAction::DroppedUnusableIds {
            column: column.name.clone(),
            count: before - keep.len(),
        });
        let mut seen: HashSet<&str> = HashSet::with_capacity(keep.len());
        let before = keep.len();
        keep.retain(|&r| texts[r].as_deref().is_some_and(|t| seen.insert(t)));
        actions.push(QualityAction::DroppedRepeatedIds {
            column: column.name.clone(),
            count: before - keep.len(),
        });
        ids = keep
            .iter()
            .map(|&r| texts[r].clone().unwrap_or_default())
            .collect();
    } else {
        actions.push(QualityAction::Note {
            message: "no customer id column: customers are numbered by their data row".into(),
        });
        ids = keep.iter().map(|r| (r + 1).to_string()).collect();
    }

    // 2. Exact duplicates in every column but the id.
    let others: Vec<&ColumnData> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != id_index)
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
    let duplicates = is_duplicate.iter().filter(|d| **d).count();
    if config.drop_duplicates {
        let mut pos = 0;
        keep.retain(|_| {
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

    // 3. Columns by role, constant ones dropped, missing values filled.
    let mut columns = Vec::new();
    for (name, role) in &mapping.entries {
        if matches!(role, Role::Ignore | Role::CustomerId) {
            continue;
        }
        let Some(column) = table.column(name) else {
            continue;
        };
        let data = column.data.select_rows(&keep);
        if let Some(value) = constant_value(&data) {
            actions.push(QualityAction::DroppedConstantColumn {
                column: name.clone(),
                value,
            });
            continue;
        }
        let values = match role {
            Role::Categorical => fill_category(name, as_category(&data), &mut actions),
            Role::JoinDate => fill_dates(name, &data, &mut actions),
            _ => fill_numbers(name, as_numbers(&data), &mut actions),
        };
        columns.push(CleanColumn {
            name: name.clone(),
            role: role.clone(),
            values,
        });
    }

    // 4. Ages, relative to the data's latest join date (never today).
    let mut clean = CleanTable {
        file_name: table.file_name.clone(),
        ids,
        source_rows: keep,
        columns,
        reference_day: None,
        reference_year: None,
    };
    clean.reference_day = clean.join_days().and_then(|d| d.iter().copied().max());
    clean.reference_year = config
        .reference_year
        .or(clean.reference_day.map(|d| civil_from_days(d).0));
    fix_ages(&mut clean, &mut actions);
    (clean, actions)
}

fn constant_value(data: &ColumnData) -> Option<String> {
    match data {
        ColumnData::Numeric(v) => {
            let mut present = v.iter().filter(|x| !x.is_nan());
            let first = *present.next()?;
            present.all(|&x| x == first).then(|| plain(first))
        }
        ColumnData::Text { codes, levels } => {
            let mut present = codes.iter().filter(|&&c| c != MISSING_CODE);
            let first = *present.next()?;
            present
                .all(|&c| c == first)
                .then(|| levels.get(first as usize).cloned().unwrap_or_default())
        }
        ColumnData::Date { days, .. } => {
            let mut present = days.iter().filter(|&&d| d != MISSING_DAY);
            let first = *present.next()?;
            present.all(|&d| d == first).then(|| format_day(first))
        }
    }
}

/// A column's values as numbers: text parsed where it can be, dates as day numbers, NaN
/// for anything missing or unparsable.
pub(crate) fn as_numbers(data: &ColumnData) -> Vec<f64> {
    match data {
        ColumnData::Numeric(v) => v.clone(),
        ColumnData::Text { codes, levels } => {
            let parsed: Vec<f64> = levels
                .iter()
                .map(|s| s.trim().parse::<f64>().unwrap_or(f64::NAN))
                .collect();
            codes
                .iter()
                .map(|&c| parsed.get(c as usize).copied().unwrap_or(f64::NAN))
                .collect()
        }
        ColumnData::Date { days, .. } => days
            .iter()
            .map(|&d| if d == MISSING_DAY { f64::NAN } else { d as f64 })
            .collect(),
    }
}

/// A column's values as categories: codes and levels, numbers and dates written as text.
pub(crate) fn as_category(data: &ColumnData) -> (Vec<u32>, Vec<String>) {
    match data {
        ColumnData::Text { codes, levels } => (codes.clone(), levels.clone()),
        ColumnData::Numeric(v) => {
            let mut levels: Vec<String> = Vec::new();
            let mut index: HashMap<u64, u32> = HashMap::new();
            let codes = v
                .iter()
                .map(|x| {
                    if x.is_nan() {
                        return MISSING_CODE;
                    }
                    *index.entry(x.to_bits()).or_insert_with(|| {
                        levels.push(plain(*x));
                        (levels.len() - 1) as u32
                    })
                })
                .collect();
            (codes, levels)
        }
        ColumnData::Date { days, .. } => {
            let mut levels: Vec<String> = Vec::new();
            let mut index: HashMap<i32, u32> = HashMap::new();
            let codes = days
                .iter()
                .map(|&d| {
                    if d == MISSING_DAY {
                        return MISSING_CODE;
                    }
                    *index.entry(d).or_insert_with(|| {
                        levels.push(format_day(d));
                        (levels.len() - 1) as u32
                    })
                })
                .collect();
            (codes, levels)
        }
    }
}

fn fill_numbers(name: &str, mut values: Vec<f64>, actions: &mut Vec<QualityAction>) -> CleanValues {
    let missing = values.iter().filter(|v| v.is_nan()).count();
    if missing > 0 {
        let value = median(&values).unwrap_or(0.0);
        values
            .iter_mut()
            .filter(|v| v.is_nan())
            .for_each(|v| *v = value);
        actions.push(QualityAction::ImputedMedian {
            column: name.into(),
            count: missing,
            value,
        });
    }
    CleanValues::Number(values)
}

fn fill_category(
    name: &str,
    (mut codes, mut levels): (Vec<u32>, Vec<String>),
    actions: &mut Vec<QualityAction>,
) -> CleanValues {
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

fn fill_dates(name: &str, data: &ColumnData, actions: &mut Vec<QualityAction>) -> CleanValues {
    let mut days = match data {
        ColumnData::Date { days, .. } => days.clone(),
        _ => vec![MISSING_DAY; data.len()],
    };
    let missing = days.iter().filter(|&&d| d == MISSING_DAY).count();
    if missing > 0 {
        let present: Vec<f64> = days
            .iter()
            .filter(|&&d| d != MISSING_DAY)
            .map(|&d| d as f64)
            .collect();
        let value = median(&present).map_or(0, |m| m.floor() as i32);
        days.iter_mut()
            .filter(|d| **d == MISSING_DAY)
            .for_each(|d| *d = value);
        actions.push(QualityAction::ImputedMedianDate {
            column: name.into(),
            count: missing,
            value: format_day(value),
        });
    }
    CleanValues::Date(days)
}

fn fix_ages(clean: &mut CleanTable, actions: &mut Vec<QualityAction>) {
    let reference_year = clean.reference_year;
    for column in &mut clean.columns {
        let CleanValues::Number(values) = &mut column.values else {
            continue;
        };
        let age_of: Box<dyn Fn(f64) -> f64> = match (&column.role, reference_year) {
            (Role::Age, _) => Box::new(|v| v),
            (Role::BirthYear, Some(year)) => Box::new(move |v| year as f64 - v),
            (Role::BirthYear, None) => {
                actions.push(QualityAction::Note {
                    message: format!(
                        "ages from \"{}\" not checked: the data has no join date to date them from (set a reference year)",
                        column.name
                    ),
                });
                continue;
            }
            _ => continue,
        };
        let below = values.iter().filter(|&&v| age_of(v) < 18.0).count();
        let above = values.iter().filter(|&&v| age_of(v) > 100.0).count();
        if below + above == 0 {
            continue;
        }
        let plausible: Vec<f64> = values
            .iter()
            .copied()
            .filter(|&v| (18.0..=100.0).contains(&age_of(v)))
            .collect();
        let value = median(&plausible).unwrap_or(f64::NAN);
        if value.is_nan() {
            continue;
        }
        for v in values.iter_mut() {
            if !(18.0..=100.0).contains(&age_of(*v)) {
                *v = value;
            }
        }
        actions.push(QualityAction::ReplacedImplausibleAges {
            column: column.name.clone(),
            count: below + above,
            below,
            above,
            value,
        });
    }
}

/// Give every code outside `levels` (a missing value) the level "Unknown", adding it if needed.
pub(crate) fn fold_into_unknown(codes: &mut [u32], levels: &mut Vec<String>) {
    let unknown = match levels.iter().position(|l| l == "Unknown") {
        Some(i) => i as u32,
        None => {
            levels.push("Unknown".into());
            (levels.len() - 1) as u32
        }
    };
    let n_levels = levels.len();
    codes
        .iter_mut()
        .filter(|c| **c as usize >= n_levels)
        .for_each(|c| *c = unknown);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_even_and_odd() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, f64::NAN, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[f64::NAN]), None);
    }
}
