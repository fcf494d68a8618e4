//! The loaded dataset as typed columns: what ingest produces and every later stage reads.

use serde::{Deserialize, Serialize};

/// Marker for a missing categorical value.
pub(crate) const MISSING_CODE: u32 = u32::MAX;
/// Marker for a missing date (days since 1970-01-01).
pub const MISSING_DAY: i32 = i32::MIN;

/// How a date column was written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateFormat {
    /// `2014-06-29` (also accepts a trailing time).
    Iso,
    /// `29-06-2014`, `29/06/2014` or `29.06.2014`.
    DayFirst,
    /// `06/29/2014` or `06-29-2014`.
    MonthFirst,
    /// Already typed as a date by the file format (Parquet, XLSX).
    Native,
    /// `19970101`: a whole number `YYYYMMDD` (order logs).
    Compact,
}

impl DateFormat {
    /// Human name used in reports.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            DateFormat::Iso => "ISO (YYYY-MM-DD)",
            DateFormat::DayFirst => "day-first (DD-MM-YYYY)",
            DateFormat::MonthFirst => "month-first (MM/DD/YYYY)",
            DateFormat::Native => "native date type",
            DateFormat::Compact => "YYYYMMDD number",
        }
    }
}

/// Values of one column. Missing numbers are `NaN`, missing text is [`MISSING_CODE`],
/// missing dates are [`MISSING_DAY`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ColumnData {
    /// Numbers (integers are stored exactly as f64 up to 2^53).
    Numeric(Vec<f64>),
    /// Text, dictionary-encoded: `codes[i]` indexes `levels`.
    Text {
        codes: Vec<u32>,
        levels: Vec<String>,
    },
    /// Calendar dates as days since 1970-01-01, with the format they were read in.
    Date { days: Vec<i32>, format: DateFormat },
}

impl ColumnData {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            ColumnData::Numeric(v) => v.len(),
            ColumnData::Text { codes, .. } => codes.len(),
            ColumnData::Date { days, .. } => days.len(),
        }
    }

    /// True when the column holds no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether row `i` is missing.
    pub fn is_missing(&self, i: usize) -> bool {
        match self {
            ColumnData::Numeric(v) => v[i].is_nan(),
            ColumnData::Text { codes, .. } => codes[i] == MISSING_CODE,
            ColumnData::Date { days, .. } => days[i] == MISSING_DAY,
        }
    }

    /// Short type name for reports: `number`, `text` or `date`.
    pub fn type_name(&self) -> &'static str {
        match self {
            ColumnData::Numeric(_) => "number",
            ColumnData::Text { .. } => "text",
            ColumnData::Date { .. } => "date",
        }
    }

    /// The text of row `i`, if this is a text column and the value is present.
    pub fn text(&self, i: usize) -> Option<&str> {
        match self {
            ColumnData::Text { codes, levels } => levels.get(codes[i] as usize).map(String::as_str),
            _ => None,
        }
    }

    /// Keep only the rows whose index is in `keep` (ascending).
    pub fn select_rows(&self, keep: &[usize]) -> ColumnData {
        match self {
            ColumnData::Numeric(v) => ColumnData::Numeric(keep.iter().map(|&i| v[i]).collect()),
            ColumnData::Text { codes, levels } => ColumnData::Text {
                codes: keep.iter().map(|&i| codes[i]).collect(),
                levels: levels.clone(),
            },
            ColumnData::Date { days, format } => ColumnData::Date {
                days: keep.iter().map(|&i| days[i]).collect(),
                format: *format,
            },
        }
    }
}

/// One named column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub data: ColumnData,
}

/// The file format a table came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceFormat {
    Csv {
        delimiter: char,
        had_bom: bool,
    },
    Parquet,
    Xlsx {
        sheet: String,
    },
    /// Made in memory (generated data, tests).
    Memory,
}

impl SourceFormat {
    /// Human description for reports.
    pub(crate) fn describe(&self) -> String {
        match self {
            SourceFormat::Csv { delimiter, had_bom } => {
                let d = match delimiter {
                    ',' => "comma".to_string(),
                    ';' => "semicolon".to_string(),
                    '\t' => "tab".to_string(),
                    '|' => "pipe".to_string(),
                    ' ' => "whitespace".to_string(),
                    other => format!("'{other}'"),
                };
                format!(
                    "CSV, {d}-delimited{}",
                    if *had_bom { ", UTF-8 with BOM" } else { "" }
                )
            }
            SourceFormat::Parquet => "Parquet".to_string(),
            SourceFormat::Xlsx { sheet } => format!("XLSX, sheet \"{sheet}\""),
            SourceFormat::Memory => "in memory".to_string(),
        }
    }
}

/// A dataset as loaded, before any cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawTable {
    /// The original file name (no directory), used in messages.
    pub file_name: String,
    pub format: SourceFormat,
    pub columns: Vec<Column>,
}

impl RawTable {
    /// Number of rows (0 for a table without columns).
    pub fn n_rows(&self) -> usize {
        self.columns.first().map_or(0, |c| c.data.len())
    }

    /// Find a column by exact name.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Index of a column by exact name.
    pub(crate) fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// Content hash of the table: names, types and every value, in a canonical byte form.
    /// Independent of the file's dialect only where the loaded values are identical.
    pub fn content_hash(&self) -> String {
        let mut h = blake3::Hasher::new();
        h.update(&(self.columns.len() as u64).to_le_bytes());
        for c in &self.columns {
            h.update(&(c.name.len() as u64).to_le_bytes());
            h.update(c.name.as_bytes());
            match &c.data {
                ColumnData::Numeric(v) => {
                    h.update(b"N");
                    h.update(&(v.len() as u64).to_le_bytes());
                    let mut buf = Vec::with_capacity(v.len() * 8);
                    for x in v {
                        // Canonical NaN so every missing value hashes the same.
                        let bits = if x.is_nan() {
                            f64::NAN.to_bits()
                        } else {
                            x.to_bits()
                        };
                        buf.extend_from_slice(&bits.to_le_bytes());
                    }
                    h.update(&buf);
                }
                ColumnData::Text { codes, levels } => {
                    h.update(b"T");
                    h.update(&(codes.len() as u64).to_le_bytes());
                    for code in codes {
                        match levels.get(*code as usize) {
                            Some(s) => {
                                h.update(&(s.len() as u32).to_le_bytes());
                                h.update(s.as_bytes());
                            }
                            None => {
                                h.update(&u32::MAX.to_le_bytes());
                            }
                        }
                    }
                }
                ColumnData::Date { days, .. } => {
                    h.update(b"D");
                    h.update(&(days.len() as u64).to_le_bytes());
                    let mut buf = Vec::with_capacity(days.len() * 4);
                    for d in days {
                        buf.extend_from_slice(&d.to_le_bytes());
                    }
                    h.update(&buf);
                }
            }
        }
        h.finalize().to_hex().to_string()
    }
}

/// Convert days since 1970-01-01 to (year, month, day), proleptic Gregorian.
pub(crate) fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z as i64 + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Days since 1970-01-01 for a calendar date; `None` if the date does not exist.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> Option<i32> {
    if !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_len = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if d > month_len[(m - 1) as usize] {
        return None;
    }
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) as i32)
}

/// Format days since epoch as `YYYY-MM-DD`.
pub fn format_day(days: i32) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(
            days_from_civil(2014, 6, 29).map(format_day).as_deref(),
            Some("2014-06-29")
        );
        assert_eq!(days_from_civil(2013, 2, 29), None);
        for d in [-800_000, -1, 0, 1, 16_000, 20_000, 60_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), Some(d));
        }
    }
}
