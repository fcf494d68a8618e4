//! Reading CSV text in any common dialect into a [`RawTable`]: the shape is checked first
//! (so errors can name the line), then polars splits the fields and every column is typed.

use super::convert::{Sniff, convert_text, parse_number};
use super::{IngestError, dialect, headers};
use crate::table::{Column, ColumnData, RawTable, SourceFormat};
use polars::prelude::*;
use rayon::prelude::*;
use std::borrow::Cow;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Rows read first to name the columns and guess which are numeric.
const TYPE_SAMPLE: usize = 200;

/// Missing-value words that polars itself turns into nulls in typed columns. Other missing
/// words (e.g. `na`) send the file down the text path, where they are missing too.
const POLARS_NULLS: [&str; 8] = ["NA", "N/A", "n/a", "null", "NULL", "NaN", "-", "?"];

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

/// What the shape check found: the delimiter, fields per record, records with the header.
struct Shape {
    delim: u8,
    fields: usize,
    records: usize,
}

/// The ways we ask polars to read the text.
#[derive(Clone, Copy)]
enum Plan<'a> {
    /// The header and the first [`TYPE_SAMPLE`] records, all as text.
    Sample,
    /// Every record, header included, all as text.
    Text,
    /// The records after the header, as numbers where the guess says so and text elsewhere.
    Typed { guess: &'a Guess },
}

/// Let polars split the fields according to `plan`.
fn read_frame(text: &[u8], shape: &Shape, plan: Plan<'_>) -> PolarsResult<DataFrame> {
    let delim = shape.delim;
    let read = || {
        let options = CsvReadOptions::default()
            .with_has_header(false)
            .with_raise_if_empty(false)
            .map_parse_options(|p| p.with_separator(delim).with_quote_char(Some(b'"')));
        let options = match plan {
            Plan::Sample => options
                .with_infer_schema_length(Some(0))
                .with_n_rows(Some(TYPE_SAMPLE + 1)),
            Plan::Text => options.with_infer_schema_length(Some(0)),
            Plan::Typed { guess } => {
                let schema: Schema = guess
                    .numeric
                    .iter()
                    .enumerate()
                    .map(|(j, &n)| {
                        Field::new(
                            format!("c{j}").into(),
                            if n {
                                DataType::Float64
                            } else {
                                DataType::String
                            },
                        )
                    })
                    .collect();
                let options = options
                    .with_skip_rows(1)
                    .with_schema(Some(Arc::new(schema)));
                if guess.nulls.is_empty() {
                    options
                } else {
                    // Each null word costs a comparison per field, so only the ones seen.
                    let nulls: Vec<PlSmallStr> =
                        guess.nulls.iter().map(|&s| PlSmallStr::from(s)).collect();
                    options.map_parse_options(move |p| {
                        p.with_null_values(Some(NullValues::AllColumns(nulls.clone())))
                    })
                }
            }
        };
        options
            .into_reader_with_file_handle(Cursor::new(text))
            .finish()
    };
    // The shape check above keeps polars on well-formed input; should it still fail hard,
    // report it like any other read error rather than bringing the program down.
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(PolarsError::ComputeError(
            "the CSV reader stopped unexpectedly".into(),
        ))
    })
}

/// The fast path: numbers parsed by polars. `None` when a guess was wrong (a value polars
/// could not read as a number, or an infinity), and the caller reads everything as text.
fn read_typed(text: &[u8], shape: &Shape, guess: &Guess) -> Option<Vec<ColumnData>> {
    if !guess.numeric.contains(&true) {
        return None;
    }
    let frame = read_frame(text, shape, Plan::Typed { guess }).ok()?;
    if frame.height() != shape.records - 1 || frame.width() != shape.fields {
        return None;
    }
    frame
        .columns()
        .par_iter()
        .map(|c| {
            let series = c.as_materialized_series();
            if series.dtype() == &DataType::Float64 {
                let mut out = Vec::with_capacity(series.len());
                for arr in series.f64().ok()?.downcast_iter() {
                    for x in arr.iter() {
                        let x = x.copied().unwrap_or(f64::NAN);
                        if x.is_infinite() {
                            return None;
                        }
                        out.push(x);
                    }
                }
                Some(ColumnData::Numeric(out))
            } else {
                let strings = series.str().ok()?;
                Some(convert_text(
                    || strings.downcast_iter().flat_map(|arr| arr.iter()),
                    ALL,
                ))
            }
        })
        .collect()
}

const ALL: Sniff = Sniff {
    numbers: true,
    dates: true,
};

/// Which columns look numeric in the sample, and which null words they use.
struct Guess {
    numeric: Vec<bool>,
    nulls: Vec<&'static str>,
}

impl Guess {
    /// Guess from sampled text columns whose first row is the header.
    fn from_sample(sample: &[StringChunked]) -> Guess {
        let mut nulls = Vec::new();
        let numeric = sample
            .iter()
            .map(|ca| looks_numeric(&ca.slice(1, TYPE_SAMPLE), &mut nulls))
            .collect();
        Guess { numeric, nulls }
    }
}

/// Whether polars can read every sampled value as a number or a null, with at least one number.
/// Adds the null words the column uses to `nulls`.
fn looks_numeric(values: &StringChunked, nulls: &mut Vec<&'static str>) -> bool {
    let mut any_number = false;
    let mut seen = Vec::new();
    for value in values.downcast_iter().flat_map(|arr| arr.iter()).flatten() {
        if value.is_empty() {
            continue;
        }
        if let Some(&word) = POLARS_NULLS.iter().find(|&&w| w == value) {
            seen.push(word);
            continue;
        }
        if value.ends_with(|c: char| c.is_ascii_whitespace())
            || parse_number(value.trim_start()).is_none()
        {
            return false;
        }
        any_number = true;
    }
    if any_number {
        for word in seen {
            if !nulls.contains(&word) {
                nulls.push(word);
            }
        }
    }
    any_number
}

/// The columns of an all-text frame, checked against the shape.
fn string_columns(
    frame: &DataFrame,
    shape: &Shape,
    file: &str,
) -> Result<Vec<StringChunked>, IngestError> {
    let expected_rows =
        frame.height() == shape.records || frame.height() == (TYPE_SAMPLE + 1).min(shape.records);
    if !expected_rows || frame.width() != shape.fields {
        return Err(IngestError::Parse {
            file: file.to_string(),
            message: format!(
                "the CSV reader found {} rows of {} fields where {} rows of {} fields were expected; check the quoting in the file and export it again.",
                frame.height(),
                frame.width(),
                shape.records,
                shape.fields
            ),
        });
    }
    frame
        .columns()
        .iter()
        .map(|c| c.as_materialized_series().str().cloned())
        .collect::<PolarsResult<Vec<StringChunked>>>()
        .map_err(|e| polars_error(e, file))
}

/// Type text columns whose first row is the header and `rows` records follow.
fn text_columns(strings: &[StringChunked], rows: usize) -> Vec<ColumnData> {
    strings
        .par_iter()
        .map(|ca| {
            let body = ca.slice(1, rows);
            convert_text(|| body.downcast_iter().flat_map(|arr| arr.iter()), ALL)
        })
        .collect()
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

fn polars_error(e: PolarsError, file: &str) -> IngestError {
    IngestError::Parse {
        file: file.to_string(),
        message: format!(
            "the CSV data could not be read ({e}); check that it is a well-formed CSV file and export it again."
        ),
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

    /// A file long enough for the typed path, with `late` as the value of `x` near the end.
    fn long_file(late: &str) -> String {
        let mut text = String::from("id,x,when,label\n");
        for i in 0..400 {
            let x = match i % 7 {
                0 => "\"12\"".to_string(),
                1 => " 3.5".to_string(),
                2 => "NA".to_string(),
                3 => String::new(),
                4 => "-1e3".to_string(),
                _ => format!("{i}"),
            };
            let x = if i == 390 { late.to_string() } else { x };
            text.push_str(&format!(
                "{i},{x},2014-01-{:02},\"l, {}\"\n",
                i % 28 + 1,
                i % 3
            ));
        }
        text
    }

    fn both_paths(text: &str) -> (Option<Vec<ColumnData>>, Vec<ColumnData>) {
        let bytes = text.as_bytes();
        let layout = dialect::scan(bytes, b',').unwrap();
        let shape = Shape {
            delim: b',',
            fields: layout.fields,
            records: layout.records,
        };
        let guess = Guess {
            numeric: vec![true, true, false, false],
            nulls: vec!["NA"],
        };
        let typed = read_typed(bytes, &shape, &guess);
        let frame = read_frame(bytes, &shape, Plan::Text).unwrap();
        let text = text_columns(
            &string_columns(&frame, &shape, "t.csv").unwrap(),
            shape.records - 1,
        );
        (typed, text)
    }

    #[test]
    fn typed_and_text_paths_agree() {
        let (typed, text) = both_paths(&long_file("7"));
        let typed = typed.expect("typed path works");
        assert_eq!(typed.len(), text.len());
        for (a, b) in typed.iter().zip(&text) {
            match (a, b) {
                (ColumnData::Numeric(a), ColumnData::Numeric(b)) => {
                    assert_eq!(a.len(), b.len());
                    assert!(
                        a.iter()
                            .zip(b)
                            .all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()))
                    );
                }
                _ => assert_eq!(a, b),
            }
        }
        assert!(matches!(text[1], ColumnData::Numeric(_)));
        assert!(matches!(text[2], ColumnData::Date { .. }));
    }

    #[test]
    fn the_sample_guesses_types_and_null_words() {
        let text = long_file("7");
        let bytes = text.as_bytes();
        let layout = dialect::scan(bytes, b',').unwrap();
        let shape = Shape {
            delim: b',',
            fields: layout.fields,
            records: layout.records,
        };
        let head = &bytes[..dialect::head_len(bytes, TYPE_SAMPLE + 1)];
        let frame = read_frame(head, &shape, Plan::Sample).unwrap();
        let guess = Guess::from_sample(&string_columns(&frame, &shape, "t.csv").unwrap());
        assert_eq!(guess.numeric, [true, true, false, false]);
        assert_eq!(guess.nulls, ["NA"]);
    }

    #[test]
    fn late_surprises_fall_back_to_text_rules() {
        for (late, numeric) in [("n/a.", false), ("inf", false), ("na", true), ("7 ", true)] {
            let (typed, _) = both_paths(&long_file(late));
            assert!(typed.is_none(), "{late:?} should leave the typed path");
            let t = load(&long_file(late)).unwrap();
            assert_eq!(
                matches!(t.columns[1].data, ColumnData::Numeric(_)),
                numeric,
                "{late:?}"
            );
        }
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
