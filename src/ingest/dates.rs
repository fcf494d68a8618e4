//! Recognising dates written as text: ISO `YYYY-MM-DD` (optionally with a time), day-first
//! `DD-MM-YYYY` / `DD/MM/YYYY` / `DD.MM.YYYY` and month-first `MM/DD/YYYY` / `MM-DD-YYYY`.
//!
//! One format is chosen for a whole column: the one under which most values are real dates.
//! When day-first and month-first fit equally well (every day and month is 12 or less) we
//! follow local custom: day-first for `-` and `.`, month-first for `/`.

use crate::table::{DateFormat, MISSING_DAY, days_from_civil};

/// Share of a column's present values that must parse for it to count as a date column.
pub(super) const DATE_SHARE: f64 = 0.95;

/// A date as written: three numbers and the separator between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts {
    first: u32,
    first_len: usize,
    second: u32,
    third: u32,
    third_len: usize,
    sep: u8,
}

/// The precise way a column writes its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    Iso,
    DayFirst(u8),
    MonthFirst(u8),
}

impl Pattern {
    fn format(self) -> DateFormat {
        match self {
            Pattern::Iso => DateFormat::Iso,
            Pattern::DayFirst(_) => DateFormat::DayFirst,
            Pattern::MonthFirst(_) => DateFormat::MonthFirst,
        }
    }

    fn days(self, p: &Parts) -> Option<i32> {
        match self {
            Pattern::Iso if p.sep == b'-' && p.first_len == 4 && p.third_len <= 2 => {
                days_from_civil(p.first as i32, p.second, p.third)
            }
            Pattern::DayFirst(sep) if sep == p.sep && p.first_len <= 2 && p.third_len == 4 => {
                days_from_civil(p.third as i32, p.second, p.first)
            }
            Pattern::MonthFirst(sep) if sep == p.sep && p.first_len <= 2 && p.third_len == 4 => {
                days_from_civil(p.third as i32, p.first, p.second)
            }
            _ => None,
        }
    }

    /// Order used to break ties: ISO first, then the custom for the separator.
    fn preference(self) -> u8 {
        match self {
            Pattern::Iso => 0,
            Pattern::DayFirst(b'-' | b'.') | Pattern::MonthFirst(b'/') => 1,
            _ => 2,
        }
    }
}

const PATTERNS: [Pattern; 7] = [
    Pattern::Iso,
    Pattern::DayFirst(b'-'),
    Pattern::DayFirst(b'/'),
    Pattern::DayFirst(b'.'),
    Pattern::MonthFirst(b'/'),
    Pattern::MonthFirst(b'-'),
    Pattern::MonthFirst(b'.'),
];

/// Read one number of 1 to 4 digits; returns the value, its length and the rest.
fn number(s: &[u8]) -> Option<(u32, usize, &[u8])> {
    let len = s.iter().take(5).take_while(|b| b.is_ascii_digit()).count();
    if len == 0 || len > 4 {
        return None;
    }
    let value = s[..len]
        .iter()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    Some((value, len, &s[len..]))
}

/// A time after the date: `T...` or ` ...` made only of time characters and holding a colon,
/// e.g. ` 00:00:00`, `T12:30:00Z`, ` 9:15 AM`.
fn is_time_suffix(rest: &[u8]) -> bool {
    let Some((&first, time)) = rest.split_first() else {
        return true;
    };
    if first != b' ' && first != b'T' {
        return false;
    }
    let time = time.trim_ascii();
    let time = time
        .strip_suffix(b"AM")
        .or_else(|| time.strip_suffix(b"PM"))
        .or_else(|| time.strip_suffix(b"am"))
        .or_else(|| time.strip_suffix(b"pm"))
        .unwrap_or(time)
        .trim_ascii_end();
    time.contains(&b':')
        && time.first().is_some_and(u8::is_ascii_digit)
        && time
            .iter()
            .all(|&b| b.is_ascii_digit() || b":.+-Z".contains(&b))
}

/// Split `s` into three numbers with one separator, allowing a trailing time.
fn split(s: &str) -> Option<Parts> {
    let s = s.trim().as_bytes();
    let (first, first_len, rest) = number(s)?;
    let (&sep, rest) = rest.split_first()?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let (second, second_len, rest) = number(rest)?;
    if second_len > 2 {
        return None;
    }
    let (&sep2, rest) = rest.split_first()?;
    if sep2 != sep {
        return None;
    }
    let (third, third_len, rest) = number(rest)?;
    if !is_time_suffix(rest) {
        return None;
    }
    Some(Parts {
        first,
        first_len,
        second,
        third,
        third_len,
        sep,
    })
}

/// Parse one value in a given format (any of its separators); `None` if it is not such a date.
/// [`DateFormat::Native`] never parses from text.
pub fn parse_date(s: &str, format: DateFormat) -> Option<i32> {
    if format == DateFormat::Compact {
        return super::compact_dates::parse_compact(s);
    }
    let parts = split(s)?;
    let pattern = match format {
        DateFormat::Iso => Pattern::Iso,
        DateFormat::DayFirst => Pattern::DayFirst(parts.sep),
        DateFormat::MonthFirst => Pattern::MonthFirst(parts.sep),
        DateFormat::Native | DateFormat::Compact => return None,
    };
    pattern.days(&parts)
}

/// Decide whether distinct text values (with how often each occurs) are dates. On success
/// returns the format and the day of each value ([`MISSING_DAY`] for the few that do not parse).
pub(crate) fn detect(levels: &[String], counts: &[usize]) -> Option<(DateFormat, Vec<i32>)> {
    let present: usize = counts.iter().sum();
    if present == 0 {
        return None;
    }
    let parts: Vec<Option<Parts>> = levels.iter().map(|s| split(s)).collect();
    // Cheap exit for ordinary text: too many values that are not even shaped like a date.
    let shaped: usize = parts
        .iter()
        .zip(counts)
        .filter(|(p, _)| p.is_some())
        .map(|(_, c)| c)
        .sum();
    if (shaped as f64) < DATE_SHARE * present as f64 {
        return None;
    }
    let mut best: Option<(usize, Pattern)> = None;
    for pattern in PATTERNS {
        let fit: usize = parts
            .iter()
            .zip(counts)
            .filter(|(p, _)| p.as_ref().is_some_and(|p| pattern.days(p).is_some()))
            .map(|(_, c)| c)
            .sum();
        let better = match best {
            None => fit > 0,
            Some((best_fit, best_pattern)) => {
                fit > best_fit
                    || (fit == best_fit && pattern.preference() < best_pattern.preference())
            }
        };
        if better {
            best = Some((fit, pattern));
        }
    }
    let (fit, pattern) = best?;
    if (fit as f64) < DATE_SHARE * present as f64 {
        return None;
    }
    let days = parts
        .iter()
        .map(|p| {
            p.as_ref()
                .and_then(|p| pattern.days(p))
                .unwrap_or(MISSING_DAY)
        })
        .collect();
    Some((pattern.format(), days))
}

/// Share of a column's present values that must read for [`read_dates_leniently`].
pub const LENIENT_DATE_SHARE: f64 = 0.5;

/// A text column's dates read value by value, for a column that is not clean enough for
/// [`detect`]: ISO values as ISO, the others in the one day-first or month-first order that
/// fits most of them. The day of each level ([`MISSING_DAY`] where it does not read) and the
/// formats used, when at least [`LENIENT_DATE_SHARE`] of the present values read.
pub fn read_dates_leniently(
    levels: &[String],
    counts: &[usize],
) -> Option<(Vec<i32>, Vec<DateFormat>)> {
    let present: usize = counts.iter().sum();
    let parts: Vec<Option<Parts>> = levels.iter().map(|s| split(s.trim())).collect();
    let iso: Vec<Option<i32>> = parts
        .iter()
        .map(|p| p.as_ref().and_then(|p| Pattern::Iso.days(p)))
        .collect();
    let mut best: Option<(usize, Pattern)> = None;
    for pattern in PATTERNS.into_iter().skip(1) {
        let fit: usize = parts
            .iter()
            .zip(&iso)
            .zip(counts)
            .filter(|((p, i), _)| {
                i.is_none() && p.as_ref().is_some_and(|p| pattern.days(p).is_some())
            })
            .map(|(_, c)| c)
            .sum();
        let better = match best {
            None => fit > 0,
            Some((f, b)) => fit > f || (fit == f && pattern.preference() < b.preference()),
        };
        if better {
            best = Some((fit, pattern));
        }
    }
    let other = best.map(|(_, p)| p);
    let days: Vec<i32> = parts
        .iter()
        .zip(&iso)
        .map(|(p, i)| {
            i.or_else(|| other?.days(p.as_ref()?))
                .unwrap_or(MISSING_DAY)
        })
        .collect();
    let read: usize = days
        .iter()
        .zip(counts)
        .filter(|(d, _)| **d != MISSING_DAY)
        .map(|(_, c)| c)
        .sum();
    if present == 0 || (read as f64) < LENIENT_DATE_SHARE * present as f64 {
        return None;
    }
    let mut formats = Vec::new();
    if iso.iter().any(Option::is_some) {
        formats.push(DateFormat::Iso);
    }
    if let Some(p) = other.filter(|_| read > 0) {
        formats.push(p.format());
    }
    Some((days, formats))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::format_day;

    fn levels(values: &[&str]) -> (Vec<String>, Vec<usize>) {
        (
            values.iter().map(|s| s.to_string()).collect(),
            vec![1; values.len()],
        )
    }

    fn detect_all(values: &[&str]) -> Option<(DateFormat, Vec<String>)> {
        let (l, c) = levels(values);
        detect(&l, &c).map(|(f, days)| {
            (
                f,
                days.into_iter()
                    .map(|d| {
                        if d == MISSING_DAY {
                            "-".into()
                        } else {
                            format_day(d)
                        }
                    })
                    .collect(),
            )
        })
    }

    #[test]
    fn mixed_and_partly_broken_dates_read_leniently() {
        let (l, c) = levels(&["2014-06-29", "29/06/2014", "garbage", "13/01/2013"]);
        let (days, formats) = read_dates_leniently(&l, &c).unwrap();
        assert_eq!(format_day(days[1]), "2014-06-29");
        assert_eq!(days[2], MISSING_DAY);
        assert_eq!(format_day(days[3]), "2013-01-13");
        assert_eq!(formats, [DateFormat::Iso, DateFormat::DayFirst]);
        let (l, c) = levels(&["x", "y", "2014-01-01"]);
        assert!(read_dates_leniently(&l, &c).is_none());
    }

    #[test]
    fn iso_with_and_without_time() {
        let (format, days) =
            detect_all(&["2012-09-04", "2014-03-08 00:00:00", "2013-08-21T10:30:00Z"]).unwrap();
        assert_eq!(format, DateFormat::Iso);
        assert_eq!(days, ["2012-09-04", "2014-03-08", "2013-08-21"]);
    }

    #[test]
    fn day_first_when_a_day_exceeds_twelve() {
        let (format, days) = detect_all(&["01/02/2014", "29/06/2014"]).unwrap();
        assert_eq!(format, DateFormat::DayFirst);
        assert_eq!(days, ["2014-02-01", "2014-06-29"]);
        assert_eq!(
            detect_all(&["29-06-2014", "05-06-2014"]).unwrap().0,
            DateFormat::DayFirst
        );
        assert_eq!(detect_all(&["29.06.2014"]).unwrap().0, DateFormat::DayFirst);
    }

    #[test]
    fn month_first_when_a_second_field_exceeds_twelve() {
        let (format, days) = detect_all(&["01-02-2014", "06-29-2014"]).unwrap();
        assert_eq!(format, DateFormat::MonthFirst);
        assert_eq!(days, ["2014-01-02", "2014-06-29"]);
        assert_eq!(
            detect_all(&["06/29/2014", "1/2/2014"]).unwrap().0,
            DateFormat::MonthFirst
        );
    }

    #[test]
    fn ambiguous_dates_follow_the_separator() {
        assert_eq!(
            detect_all(&["01/02/2014"]).unwrap().0,
            DateFormat::MonthFirst
        );
        assert_eq!(detect_all(&["01-02-2014"]).unwrap().0, DateFormat::DayFirst);
        assert_eq!(detect_all(&["01.02.2014"]).unwrap().0, DateFormat::DayFirst);
    }

    #[test]
    fn a_few_bad_values_become_missing() {
        let mut values = vec!["2014-01-05"; 40];
        values.push("2014-02-30"); // no such day
        let (format, days) = detect_all(&values).unwrap();
        assert_eq!(format, DateFormat::Iso);
        assert_eq!(days.last().map(String::as_str), Some("-"));
    }

    #[test]
    fn too_many_bad_values_is_not_a_date_column() {
        assert!(detect_all(&["2014-01-05", "soon", "2014-01-07"]).is_none());
        assert!(detect_all(&["Graduation", "PhD"]).is_none());
        assert!(detect_all(&["1.5", "2.25"]).is_none());
        assert!(detect_all(&["12/2014"]).is_none());
        assert!(detect_all(&["2014-06-29 lunch"]).is_none());
    }

    #[test]
    fn parse_one_value() {
        assert_eq!(
            parse_date("2014-06-29", DateFormat::Iso)
                .map(format_day)
                .as_deref(),
            Some("2014-06-29")
        );
        assert_eq!(
            parse_date("29.06.2014", DateFormat::DayFirst)
                .map(format_day)
                .as_deref(),
            Some("2014-06-29")
        );
        assert_eq!(
            parse_date("06/29/2014 9:15 PM", DateFormat::MonthFirst)
                .map(format_day)
                .as_deref(),
            Some("2014-06-29")
        );
        assert_eq!(parse_date("29/06/2014", DateFormat::MonthFirst), None);
        assert_eq!(parse_date("", DateFormat::Iso), None);
        assert_eq!(parse_date("99999-1-1", DateFormat::Iso), None);
    }
}
