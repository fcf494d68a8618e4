//! Asking polars to split well-formed CSV text into columns: an all-text sample of the first
//! records, a fast path with numbers parsed by polars where the sample says so, and the all-text
//! path that every surprise falls back to. Either way each column is typed by the same rules.

use super::IngestError;
use super::convert::{Sniff, convert_text, is_lossy_integer, parse_number};
use crate::missing::is_missing;
use crate::table::ColumnData;
use polars::prelude::*;
use rayon::prelude::*;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Rows read first to name the columns and guess which are numeric.
pub(super) const TYPE_SAMPLE: usize = 200;

/// What the shape check found: the delimiter, fields per record, records with the header.
pub(super) struct Shape {
    pub(super) delim: u8,
    pub(super) fields: usize,
    pub(super) records: usize,
}

/// The ways we ask polars to read the text.
#[derive(Clone, Copy)]
pub(super) enum Plan<'a> {
    /// The header and the first [`TYPE_SAMPLE`] records, all as text.
    Sample,
    /// Every record, header included, all as text.
    Text,
    /// The records after the header, as numbers where the guess says so and text elsewhere.
    Typed { guess: &'a Guess },
}

/// Let polars split the fields according to `plan`.
pub(super) fn read_frame(text: &[u8], shape: &Shape, plan: Plan<'_>) -> PolarsResult<DataFrame> {
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
                    let nulls: Vec<PlSmallStr> = guess
                        .nulls
                        .iter()
                        .map(|s| PlSmallStr::from(s.as_str()))
                        .collect();
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
pub(super) fn read_typed(text: &[u8], shape: &Shape, guess: &Guess) -> Option<Vec<ColumnData>> {
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
                        // An integer beyond 2^53 (an 18-digit id past the sample) is not
                        // exact as a float: the text path keeps it as written.
                        if x.is_infinite()
                            || (x.abs() >= 9.007_199_254_740_992e15 && x.fract() == 0.0)
                        {
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

/// Which columns look numeric in the sample, and which missing words (exactly as spelled)
/// they use: polars compares null words exactly, so it is handed the spellings seen.
pub(super) struct Guess {
    numeric: Vec<bool>,
    nulls: Vec<String>,
}

impl Guess {
    /// Guess from sampled text columns whose first row is the header.
    pub(super) fn from_sample(sample: &[StringChunked]) -> Guess {
        let mut nulls = Vec::new();
        let numeric = sample
            .iter()
            .map(|ca| {
                // An id column is typed from all its values (never from a sample), so a
                // zero-padded or long id later in the file stays as written.
                let header = ca.get(0).unwrap_or_default();
                !crate::identity::names_an_identifier(header)
                    && looks_numeric(&ca.slice(1, TYPE_SAMPLE), &mut nulls)
            })
            .collect();
        Guess { numeric, nulls }
    }
}

/// Whether polars can read every sampled value as a number or a null, with at least one number.
/// Adds the missing words ([`is_missing`]) the column uses, as spelled, to `nulls`.
fn looks_numeric(values: &StringChunked, nulls: &mut Vec<String>) -> bool {
    let mut any_number = false;
    let mut seen = Vec::new();
    for value in values.downcast_iter().flat_map(|arr| arr.iter()).flatten() {
        if value.is_empty() {
            continue;
        }
        // A padded missing word (" NA") is left to the text path, which trims.
        if value.trim().len() == value.len() && is_missing(value) {
            seen.push(value);
            continue;
        }
        if value.ends_with(|c: char| c.is_ascii_whitespace())
            || parse_number(value.trim_start()).is_none()
            || is_lossy_integer(value.trim_start())
        {
            return false;
        }
        any_number = true;
    }
    if any_number {
        for word in seen {
            if !nulls.iter().any(|w| w == word) {
                nulls.push(word.to_string());
            }
        }
    }
    any_number
}

/// The columns of an all-text frame, checked against the shape.
pub(super) fn string_columns(
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
pub(super) fn text_columns(strings: &[StringChunked], rows: usize) -> Vec<ColumnData> {
    strings
        .par_iter()
        .map(|ca| {
            let body = ca.slice(1, rows);
            convert_text(|| body.downcast_iter().flat_map(|arr| arr.iter()), ALL)
        })
        .collect()
}

pub(super) fn polars_error(e: PolarsError, file: &str) -> IngestError {
    IngestError::Parse {
        file: file.to_string(),
        message: format!(
            "the CSV data could not be read ({e}); check that it is a well-formed CSV file and export it again."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::dialect;
    use crate::table::RawTable;

    fn load(text: &str) -> Result<RawTable, IngestError> {
        super::super::load_csv_bytes(text.as_bytes(), "t.csv")
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

    fn comma_shape(bytes: &[u8]) -> Shape {
        let layout = dialect::scan(bytes, b',').unwrap();
        Shape {
            delim: b',',
            fields: layout.fields,
            records: layout.records,
        }
    }

    fn both_paths(text: &str) -> (Option<Vec<ColumnData>>, Vec<ColumnData>) {
        let bytes = text.as_bytes();
        let shape = comma_shape(bytes);
        let guess = Guess {
            numeric: vec![true, true, false, false],
            nulls: vec!["NA".into()],
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
        let shape = comma_shape(bytes);
        let head = &bytes[..dialect::head_len(bytes, TYPE_SAMPLE + 1)];
        let frame = read_frame(head, &shape, Plan::Sample).unwrap();
        let guess = Guess::from_sample(&string_columns(&frame, &shape, "t.csv").unwrap());
        // "id" names an identifier: it is read as text (ids are identities, never numbers).
        assert_eq!(guess.numeric, [false, true, false, false]);
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
}
