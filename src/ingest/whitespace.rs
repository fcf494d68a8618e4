//! Reading whitespace-aligned text columns (exports like the CDNOW log): fields separated by
//! runs of spaces, with or without a header row. Columns of a file without a header are named
//! `column_1`, `column_2`…; whole-number `YYYYMMDD` columns become dates and zero-padded codes
//! (`00012`) stay text.

use super::compact_dates::compact_column;
use super::convert::{Sniff, convert_text, parse_number};
use super::{IngestError, dialect, headers};
use crate::missing::is_missing as is_missing_token;
use crate::table::{Column, ColumnData, DateFormat, RawTable, SourceFormat};

/// Lines looked at to decide that a file is whitespace-aligned.
const SNIFF_LINES: usize = 50;

/// Characters that make a file delimited (CSV) rather than whitespace-aligned.
const DELIMITERS: &[u8] = b",;\t|\"";

/// Whether the text is whitespace-aligned columns: none of the CSV delimiters (nor quotes) in
/// its first lines, and every one of them splits into the same number (at least two) of fields.
pub(crate) fn looks_aligned(bytes: &[u8]) -> bool {
    let (text, _) = dialect::strip_bom(bytes);
    let mut fields = None;
    let mut seen = 0;
    for line in text.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if line.iter().any(|b| DELIMITERS.contains(b)) {
            return false;
        }
        let n = line
            .split(u8::is_ascii_whitespace)
            .filter(|f| !f.is_empty())
            .count();
        match fields {
            None if n < 2 => return false,
            None => fields = Some(n),
            Some(f) if f != n => return false,
            Some(_) => {}
        }
        seen += 1;
        if seen >= SNIFF_LINES {
            break;
        }
    }
    seen >= 2
}

/// Read whitespace-aligned text named `file` in messages.
pub(crate) fn read_whitespace(bytes: &[u8], file: &str) -> Result<RawTable, IngestError> {
    let (raw, had_bom) = dialect::strip_bom(bytes);
    let text = std::str::from_utf8(raw).map_err(|e| IngestError::Encoding {
        file: file.to_string(),
        line: dialect::line_of_offset(raw, e.valid_up_to()),
    })?;
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut expected = 0;
    for (number, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_ascii_whitespace().collect();
        if fields.is_empty() {
            continue;
        }
        if rows.is_empty() {
            expected = fields.len();
        } else if fields.len() != expected {
            return Err(IngestError::Ragged {
                file: file.to_string(),
                line: number + 1,
                expected,
                found: fields.len(),
            });
        }
        rows.push(fields);
    }
    if rows.is_empty() {
        return Err(IngestError::Empty {
            file: file.to_string(),
        });
    }
    let header = has_header(&rows);
    if header && rows.len() < 2 {
        return Err(IngestError::NoRows {
            file: file.to_string(),
        });
    }
    let names = if header {
        headers::column_names(file, rows[0].iter().map(|s| Some(s.to_string())).collect())?
    } else {
        headers::column_names(file, vec![None; expected])?
    };
    let body = &rows[usize::from(header)..];
    let columns = names
        .into_iter()
        .enumerate()
        .map(|(j, name)| Column {
            name,
            data: column_data(body, j),
        })
        .collect();
    Ok(RawTable {
        file_name: file.to_string(),
        format: SourceFormat::Csv {
            delimiter: ' ',
            had_bom,
        },
        columns,
    })
}

/// A first row is a header when none of its fields is a number while some column below holds
/// numbers (a file of text only is read with its first row as a header when that row's fields
/// do not occur again in their columns).
fn has_header(rows: &[Vec<&str>]) -> bool {
    let first = &rows[0];
    if first.iter().any(|s| parse_number(s).is_some()) {
        return false;
    }
    let sample = &rows[1..rows.len().min(201)];
    if sample.is_empty() {
        return true;
    }
    let numeric_below = (0..first.len()).any(|j| {
        sample
            .iter()
            .all(|r| is_missing_token(r[j]) || parse_number(r[j]).is_some())
    });
    numeric_below || (0..first.len()).all(|j| sample.iter().all(|r| r[j] != first[j]))
}

/// Zero-padded whole numbers (`00012`): codes, kept as text.
fn zero_padded(body: &[Vec<&str>], j: usize) -> bool {
    body.iter()
        .any(|r| r[j].len() > 1 && r[j].starts_with('0') && !r[j].contains('.'))
        && body
            .iter()
            .all(|r| r[j].bytes().all(|b| b.is_ascii_digit()))
}

fn column_data(body: &[Vec<&str>], j: usize) -> ColumnData {
    let sniff = Sniff {
        numbers: !zero_padded(body, j),
        dates: true,
    };
    let data = convert_text(|| body.iter().map(|r| Some(r[j])), sniff);
    match data {
        ColumnData::Numeric(values) => match compact_column(&values) {
            Some(days) => ColumnData::Date {
                days,
                format: DateFormat::Compact,
            },
            None => ColumnData::Numeric(values),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::format_day;

    const CDNOW: &str = "00001   1 19970101  1  11.77\n00002   2 19970112  1  12.00\n00002   2 19970112  5  77.00\n";

    #[test]
    fn headerless_aligned_columns() {
        assert!(looks_aligned(CDNOW.as_bytes()));
        let t = read_whitespace(CDNOW.as_bytes(), "cdnow.txt").unwrap();
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["column_1", "column_2", "column_3", "column_4", "column_5"]
        );
        assert_eq!(t.n_rows(), 3);
        assert_eq!(t.columns[0].data.text(1), Some("00002"));
        let ColumnData::Date { days, format } = &t.columns[2].data else {
            panic!("dates expected");
        };
        assert_eq!(*format, DateFormat::Compact);
        assert_eq!(format_day(days[1]), "1997-01-12");
        assert_eq!(
            t.columns[4].data,
            ColumnData::Numeric(vec![11.77, 12.0, 77.0])
        );
    }

    #[test]
    fn header_and_ragged_lines() {
        let t = read_whitespace(b"id  amount\n 1   2.5\n 2   3\n", "x.txt").unwrap();
        assert_eq!(t.columns[1].name, "amount");
        assert_eq!(t.n_rows(), 2);
        let err = read_whitespace(b"id amount\n1 2\n3\n", "x.txt").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("x.txt, line 3: expected 2 fields"),
            "{err}"
        );
        assert!(!looks_aligned(b"a,b\n1,2\n"));
        assert!(!looks_aligned(b"name\nJohn\n"));
    }
}
