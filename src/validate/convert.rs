//! Reading a loaded column in the type its role needs: as numbers, as categories, and whether
//! it holds a single value.

use crate::format::plain;
use crate::table::{ColumnData, MISSING_CODE, MISSING_DAY, format_day};
use std::collections::HashMap;

pub(crate) fn constant_value(data: &ColumnData) -> Option<String> {
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
