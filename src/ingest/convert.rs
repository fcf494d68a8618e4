//! Turning a column of text values into numbers, dates or dictionary-encoded text, and
//! finding the first value that keeps a column from being numeric.

use super::dates;
use crate::missing::is_missing;
use crate::table::{Column, ColumnData, MISSING_CODE, MISSING_DAY};
use polars::prelude::PlHashMap;

/// A number in standard float syntax (`12`, `-3.5`, `1e6`, `.5`); infinities are not numbers.
/// The caller trims and handles missing tokens first.
pub(crate) fn parse_number(s: &str) -> Option<f64> {
    if let Some(x) = small_integer(s.as_bytes()) {
        return Some(x);
    }
    // Rust also reads "inf" and "nan"; only digits, signs, dots and exponents are numbers here.
    let first = *s.as_bytes().first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Whether an integer token would lose its identity as a float: a leading zero (`007` is not
/// `7`) or more than 15 digits (above 2^53 distinct ids collide). A column holding one stays
/// text, so ids round-trip exactly; validation still reads it as numbers where a role needs them.
pub(crate) fn is_lossy_integer(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && ((digits.len() > 1 && digits.starts_with('0')) || digits.len() > 15)
}

/// Fast path for the most common case, an integer of at most 15 digits (exact in f64).
#[inline]
fn small_integer(s: &[u8]) -> Option<f64> {
    let (negative, digits) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let mut value: u64 = 0;
    for &b in digits {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        value = value * 10 + u64::from(d);
    }
    let x = value as f64;
    Some(if negative { -x } else { x })
}

/// What to look for in a text column.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sniff {
    /// Turn all-number columns into numbers.
    pub numbers: bool,
    /// Turn all-date columns into dates.
    pub dates: bool,
}

/// Convert a column of optional text values. `values` is called again for each pass over
/// the column (numbers, then text).
pub(crate) fn convert_text<'a, I>(values: impl Fn() -> I, sniff: Sniff) -> ColumnData
where
    I: Iterator<Item = Option<&'a str>>,
{
    if sniff.numbers
        && let Some(numbers) = as_numbers(values())
    {
        return ColumnData::Numeric(numbers);
    }
    let (codes, levels, counts) = encode(values());
    if sniff.dates
        && let Some((format, level_days)) = dates::detect(&levels, &counts)
    {
        let days = codes
            .iter()
            .map(|&c| {
                if c == MISSING_CODE {
                    MISSING_DAY
                } else {
                    level_days[c as usize]
                }
            })
            .collect();
        return ColumnData::Date { days, format };
    }
    ColumnData::Text { codes, levels }
}

/// All values as numbers (missing tokens as NaN), or `None` at the first value that is not one.
fn as_numbers<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Option<Vec<f64>> {
    let mut out = Vec::with_capacity(values.size_hint().0);
    for value in values {
        let x = match value.map(str::trim) {
            None => f64::NAN,
            Some(s) if is_missing(s) => f64::NAN,
            Some(s) if is_lossy_integer(s) => return None,
            Some(s) => parse_number(s)?,
        };
        out.push(x);
    }
    Some(out)
}

/// Dictionary-encode trimmed values, levels in order of first appearance; also counts how
/// often each level occurs.
fn encode<'a>(
    values: impl Iterator<Item = Option<&'a str>>,
) -> (Vec<u32>, Vec<String>, Vec<usize>) {
    let mut index: PlHashMap<&'a str, u32> = PlHashMap::default();
    let mut levels: Vec<&'a str> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut codes = Vec::with_capacity(values.size_hint().0);
    for value in values {
        let code = match value.map(str::trim) {
            None => MISSING_CODE,
            Some(s) if is_missing(s) => MISSING_CODE,
            Some(s) => {
                let next = levels.len() as u32;
                let code = *index.entry(s).or_insert(next);
                if code == next {
                    levels.push(s);
                    counts.push(0);
                }
                counts[code as usize] += 1;
                code
            }
        };
        codes.push(code);
    }
    (
        codes,
        levels.into_iter().map(str::to_owned).collect(),
        counts,
    )
}

/// For a text column, the first value that is not a number, as (1-based data row, value);
/// `None` for number and date columns and for text columns whose values are all numbers.
/// Validation uses it to say e.g. `data.csv, column "Income", row 118: "n/a" is not a number`.
pub fn numeric_problem(column: &Column) -> Option<(usize, String)> {
    let ColumnData::Text { codes, levels } = &column.data else {
        return None;
    };
    let bad: Vec<bool> = levels
        .iter()
        .map(|s| parse_number(s.trim()).is_none() && !is_lossy_integer(s.trim()))
        .collect();
    codes.iter().enumerate().find_map(|(row, &code)| {
        let is_bad = bad.get(code as usize).copied().unwrap_or(false);
        is_bad.then(|| (row + 1, levels[code as usize].clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::DateFormat;

    const ALL: Sniff = Sniff {
        numbers: true,
        dates: true,
    };

    fn convert(values: &[Option<&str>]) -> ColumnData {
        convert_text(|| values.iter().copied(), ALL)
    }

    #[test]
    fn numbers_with_missing_tokens() {
        let data = convert(&[
            Some(" 1.5 "),
            None,
            Some("NA"),
            Some("-2e3"),
            Some("n/a"),
            Some("?"),
            Some("7"),
        ]);
        let ColumnData::Numeric(v) = data else {
            panic!("expected numbers, got {data:?}")
        };
        assert_eq!(v[0], 1.5);
        assert!(v[1].is_nan() && v[2].is_nan() && v[4].is_nan() && v[5].is_nan());
        assert_eq!(v[3], -2000.0);
        assert_eq!(v[6], 7.0);
    }

    #[test]
    fn infinity_and_thousands_separators_are_not_numbers() {
        assert!(matches!(
            convert(&[Some("1"), Some("inf")]),
            ColumnData::Text { .. }
        ));
        assert!(matches!(
            convert(&[Some("1,234.5")]),
            ColumnData::Text { .. }
        ));
        assert_eq!(parse_number("infinity"), None);
        assert_eq!(parse_number("+.5"), Some(0.5));
        assert!(is_lossy_integer("007") && is_lossy_integer("1234567890123456"));
        assert!(!is_lossy_integer("0") && !is_lossy_integer("0.5") && !is_lossy_integer("70"));
        assert!(matches!(
            convert(&[Some("007"), Some("7")]),
            ColumnData::Text { .. }
        ));
        for s in [
            "0",
            "-0",
            "42",
            "-17",
            "123456789012345",
            "1234567890123456789",
            "007",
        ] {
            assert_eq!(
                parse_number(s).map(f64::to_bits),
                s.parse::<f64>().ok().map(f64::to_bits),
                "{s}"
            );
        }
        assert_eq!(parse_number("-"), None);
        assert_eq!(parse_number("1-2"), None);
    }

    #[test]
    fn text_levels_in_first_appearance_order() {
        let data = convert(&[
            Some("Single"),
            Some(" Married"),
            None,
            Some("Single"),
            Some(""),
        ]);
        let ColumnData::Text { codes, levels } = data else {
            panic!("expected text")
        };
        assert_eq!(levels, ["Single", "Married"]);
        assert_eq!(codes, [0, 1, MISSING_CODE, 0, MISSING_CODE]);
    }

    #[test]
    fn dates_are_found() {
        let data = convert(&[Some("2014-06-29"), None, Some("2012-07-30")]);
        let ColumnData::Date { days, format } = data else {
            panic!("expected dates")
        };
        assert_eq!(format, DateFormat::Iso);
        assert_eq!(days[1], MISSING_DAY);
    }

    #[test]
    fn sniffing_can_be_switched_off() {
        let values = [Some("1"), Some("2")];
        let data = convert_text(
            || values.iter().copied(),
            Sniff {
                numbers: false,
                dates: true,
            },
        );
        assert!(matches!(data, ColumnData::Text { .. }));
    }

    #[test]
    fn first_non_number_is_reported() {
        let column = Column {
            name: "Income".into(),
            data: convert(&[Some("10"), None, Some("n.a."), Some("x")]),
        };
        assert_eq!(numeric_problem(&column), Some((3, "n.a.".to_string())));
        let numbers = Column {
            name: "n".into(),
            data: ColumnData::Numeric(vec![1.0]),
        };
        assert_eq!(numeric_problem(&numbers), None);
    }
}
