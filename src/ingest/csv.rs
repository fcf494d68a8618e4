//! Reading CSV text in any common dialect into a [`RawTable`]: the shape is checked first
//! (so errors can name the line), then polars splits the fields and every column is typed.

use super::csv_frames::{
    Guess, Plan, Shape, TYPE_SAMPLE, polars_error, read_frame, read_typed, string_columns,
    text_columns,
};
use super::{IngestError, dialect, headers};
use crate::table::{Column, RawTable, SourceFormat};
use std::borrow::Cow;

/// Read CSV bytes (UTF-8, with or without a byte-order mark) named `file` in messages.
/// The caller has checked (`sniff::check`) that the bytes are text.
pub(crate) fn read_csv(bytes: &[u8], file: &str) -> Result<RawTable, IngestError> {
    let (text, had_bom) = dialect::strip_bom(bytes);
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty {
            file: file.to_string(),
        });
    }
    if let Err(e) = std::str::from_utf8(text) {
        let line = dialect::line_of_offset(text, e.valid_up_to());
        return Err(IngestError::Encoding {
            file: file.to_string(),
            line,
        });
    }
    let text = normalise_line_ends(text);
    let delim = dialect::detect_delimiter(&text);
    let layout = dialect::scan(&text, delim).map_err(|e| shape_error(e, file))?;
    if layout.records < 2 {
        return Err(IngestError::NoRows {
            file: file.to_string(),
        });
    }
    let text = dialect::without_blank_lines(&text, &layout.blank_lines);
    let shape = Shape {
        delim,
        fields: layout.fields,
        records: layout.records,
    };

    // A first look at the top records: the header, and which columns look numeric.
    let head = &text[..dialect::head_len(&text, TYPE_SAMPLE + 1)];
    let sample = read_frame(head, &shape, Plan::Sample).map_err(|e| polars_error(e, file))?;
    let sample = string_columns(&sample, &shape, file)?;
    let header = sample
        .iter()
        .map(|ca| ca.get(0).map(str::to_string))
        .collect();
    let names = headers::column_names(file, header)?;

    let data = if shape.records <= TYPE_SAMPLE + 1 {
        text_columns(&sample, shape.records - 1)
    } else {
        let guess = Guess::from_sample(&sample);
        match read_typed(&text, &shape, &guess) {
            Some(data) => data,
            None => {
                let frame =
                    read_frame(&text, &shape, Plan::Text).map_err(|e| polars_error(e, file))?;
                text_columns(&string_columns(&frame, &shape, file)?, shape.records - 1)
            }
        }
    };
    let columns = names
        .into_iter()
        .zip(data)
        .map(|(name, data)| Column { name, data })
        .collect();
    Ok(RawTable {
        file_name: file.to_string(),
        format: SourceFormat::Csv {
            delimiter: char::from(delim),
            had_bom,
        },
        columns,
    })
}

/// Old Mac files end lines with `\r` alone; turn those into `\n`.
fn normalise_line_ends(text: &[u8]) -> Cow<'_, [u8]> {
    if !text.contains(&b'\n') && text.contains(&b'\r') {
        Cow::Owned(
            text.iter()
                .map(|&b| if b == b'\r' { b'\n' } else { b })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

fn shape_error(e: dialect::ShapeError, file: &str) -> IngestError {
    let file = file.to_string();
    match e {
        dialect::ShapeError::Ragged {
            line,
            expected,
            found,
        } => IngestError::Ragged {
            file,
            line,
            expected,
            found,
        },
        dialect::ShapeError::UnclosedQuote { line } => IngestError::UnclosedQuote { file, line },
        dialect::ShapeError::StrayQuote {
            line,
            column,
            problem,
        } => IngestError::StrayQuote {
            file,
            line,
            column,
            problem: problem.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{ColumnData, DateFormat, MISSING_CODE};

    fn load(text: &str) -> Result<RawTable, IngestError> {
        super::super::load_csv_bytes(text.as_bytes(), "t.csv")
    }

    #[test]
    fn types_each_column() {
        let t =
            load("id,name,joined,income\n1,Ann,2014-06-29,100.5\n2,Bob,2013-01-02,NA\n").unwrap();
        assert_eq!(t.n_rows(), 2);
        assert!(matches!(t.columns[0].data, ColumnData::Numeric(_)));
        assert!(matches!(t.columns[1].data, ColumnData::Text { .. }));
        assert!(matches!(
            t.columns[2].data,
            ColumnData::Date {
                format: DateFormat::Iso,
                ..
            }
        ));
        assert!(t.columns[3].data.is_missing(1));
        assert_eq!(
            t.format,
            SourceFormat::Csv {
                delimiter: ',',
                had_bom: false
            }
        );
    }

    #[test]
    fn windows_line_ends_and_blank_lines() {
        let t = load("a,b\r\n1,x\r\n\r\n2,\"y\"\r\n\r\n").unwrap();
        assert_eq!(t.n_rows(), 2);
        assert_eq!(t.columns[1].data.text(1), Some("y"));
    }

    #[test]
    fn old_mac_line_ends() {
        let t = load("a,b\r1,2\r3,4\r").unwrap();
        assert_eq!(t.n_rows(), 2);
    }

    #[test]
    fn quoted_fields_keep_delimiters_quotes_and_newlines() {
        let t = load("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\n,\"\"\n").unwrap();
        assert_eq!(t.n_rows(), 2);
        assert_eq!(t.columns[0].data.text(0), Some("Smith, J"));
        assert_eq!(t.columns[1].data.text(0), Some("said \"hi\"\nthen left"));
        let ColumnData::Text { codes, .. } = &t.columns[1].data else {
            panic!("text expected")
        };
        assert_eq!(codes[1], MISSING_CODE);
    }

    #[test]
    fn bad_utf8_names_the_line() {
        let err = read_csv(b"a,b\n1,2\n3,\xE9t\xE9\n", "t.csv").unwrap_err();
        assert!(
            matches!(err, IngestError::Encoding { line: 3, .. }),
            "{err}"
        );
    }

    #[test]
    fn header_only_and_empty() {
        assert!(matches!(load("a,b\n"), Err(IngestError::NoRows { .. })));
        assert!(matches!(load(" \n\n"), Err(IngestError::Empty { .. })));
        assert!(matches!(load(""), Err(IngestError::Empty { .. })));
    }
}
