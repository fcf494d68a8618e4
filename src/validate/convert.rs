//! Reading a loaded column in the type its role needs: as numbers, as categories, and whether
//! it holds a single value.

use crate::format::plain;
use crate::ingest::formatted::{FormatProblem, MAX_MAGNITUDE, NumberStyle, read_levels};
use crate::ingest::read_dates_leniently;
use crate::table::DateFormat;
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

/// A column's values as numbers: text read as written for people where the column agrees on
/// one convention ([`read_levels`]), dates as day numbers, NaN for anything missing or
/// unreadable ([`check_mapping`](super::check_mapping) refuses unreadable values first).
pub(crate) fn as_numbers(data: &ColumnData) -> Vec<f64> {
    read_numbers(data).map_or_else(|_| vec![f64::NAN; data.len()], |r| r.values)
}

/// A column read as numbers, with how many values needed the formatted reading.
pub(crate) struct NumberReading {
    pub values: Vec<f64>,
    /// Values written with a currency sign, percent sign or separators.
    pub formatted: usize,
    pub style: NumberStyle,
}

/// Why a column cannot be read as numbers: the problem and the 0-based data row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NumberProblem {
    pub row: usize,
    pub kind: FormatProblem,
}

/// Read a column as numbers, refusing infinities, values beyond [`MAX_MAGNITUDE`] and text
/// that is not a number in one convention.
pub(crate) fn read_numbers(data: &ColumnData) -> Result<NumberReading, NumberProblem> {
    match data {
        ColumnData::Numeric(v) => {
            if let Some(row) = v
                .iter()
                .position(|x| x.is_infinite() || x.abs() > MAX_MAGNITUDE)
            {
                return Err(NumberProblem {
                    row,
                    kind: FormatProblem::NotFinite { level: 0 },
                });
            }
            Ok(NumberReading {
                values: v.clone(),
                formatted: 0,
                style: NumberStyle::default(),
            })
        }
        ColumnData::Text { codes, levels } => {
            let read = read_levels(levels).map_err(|kind| {
                let level = match kind {
                    FormatProblem::NotNumber { level }
                    | FormatProblem::NotFinite { level }
                    | FormatProblem::MixedConventions { level } => level,
                };
                let row = codes.iter().position(|&c| c as usize == level).unwrap_or(0);
                NumberProblem { row, kind }
            })?;
            let mut formatted = 0;
            let values = codes
                .iter()
                .map(|&c| {
                    let i = c as usize;
                    formatted += usize::from(read.formatted.get(i).copied().unwrap_or(false));
                    read.values.get(i).copied().unwrap_or(f64::NAN)
                })
                .collect();
            Ok(NumberReading {
                values,
                formatted,
                style: read.style,
            })
        }
        ColumnData::Date { days, .. } => Ok(NumberReading {
            values: days
                .iter()
                .map(|&d| if d == MISSING_DAY { f64::NAN } else { d as f64 })
                .collect(),
            formatted: 0,
            style: NumberStyle::default(),
        }),
    }
}

/// A join-date column's days: dates as loaded, or a text column read leniently (mixed formats,
/// some values unreadable). Also the count of present values that did not read, the first of
/// them, and the formats used; `None` when too few values read as dates.
pub(crate) struct DateReading {
    pub days: Vec<i32>,
    pub unread: usize,
    pub example: Option<String>,
    pub formats: Vec<DateFormat>,
}

pub(crate) fn read_days(data: &ColumnData) -> Option<DateReading> {
    match data {
        ColumnData::Date { days, format } => Some(DateReading {
            days: days.clone(),
            unread: 0,
            example: None,
            formats: vec![*format],
        }),
        ColumnData::Text { codes, levels } => {
            let mut counts = vec![0usize; levels.len()];
            for &c in codes {
                if let Some(n) = counts.get_mut(c as usize) {
                    *n += 1;
                }
            }
            let (level_days, formats) = read_dates_leniently(levels, &counts)?;
            let mut unread = 0;
            let mut example = None;
            let days = codes
                .iter()
                .map(|&c| match level_days.get(c as usize) {
                    Some(&d) if d == MISSING_DAY => {
                        unread += 1;
                        example.get_or_insert_with(|| levels[c as usize].clone());
                        d
                    }
                    Some(&d) => d,
                    None => MISSING_DAY,
                })
                .collect();
            Some(DateReading {
                days,
                unread,
                example,
                formats,
            })
        }
        ColumnData::Numeric(_) => None,
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
