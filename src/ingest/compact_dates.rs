//! Dates written as `YYYYMMDD` whole numbers (`19970101`), as order logs such as the CDNOW
//! file export them: one date, or a whole column judged at once.

use crate::table::{MISSING_DAY, days_from_civil};

/// Earliest and latest year read as a compact date; other 8-digit numbers stay numbers.
const YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;

/// Days since 1970-01-01 of a `YYYYMMDD` number, `None` when it is not a real date.
pub fn compact_day(value: f64) -> Option<i32> {
    if value.fract() != 0.0 || !(1.0e7..1.0e8).contains(&value) {
        return None;
    }
    let n = value as i64;
    let year = n / 10_000;
    if !YEARS.contains(&year) {
        return None;
    }
    days_from_civil(year as i32, ((n / 100) % 100) as u32, (n % 100) as u32)
}

/// A `YYYYMMDD` date written as text (exactly eight digits).
pub fn parse_compact(s: &str) -> Option<i32> {
    let s = s.trim();
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    compact_day(s.parse::<f64>().ok()?)
}

/// A numeric column whose every present value is a `YYYYMMDD` date, as days (missing values
/// become [`MISSING_DAY`]); `None` when any present value is not such a date or none is present.
pub fn compact_column(values: &[f64]) -> Option<Vec<i32>> {
    let mut any = false;
    let days = values
        .iter()
        .map(|&v| {
            if v.is_nan() {
                Some(MISSING_DAY)
            } else {
                any = true;
                compact_day(v)
            }
        })
        .collect::<Option<Vec<i32>>>()?;
    any.then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::format_day;

    #[test]
    fn compact_dates_read_and_refuse() {
        assert_eq!(
            compact_day(19970101.0).map(format_day).as_deref(),
            Some("1997-01-01")
        );
        assert_eq!(compact_day(19970230.0), None);
        assert_eq!(compact_day(12345678.0), None);
        assert_eq!(compact_day(1997010.0), None);
        assert_eq!(
            parse_compact(" 19980630 ").map(format_day).as_deref(),
            Some("1998-06-30")
        );
        assert_eq!(parse_compact("1998-06-30"), None);
        let days = compact_column(&[19970101.0, f64::NAN, 19970102.0]).unwrap();
        assert_eq!(days[1], MISSING_DAY);
        assert_eq!(days[2] - days[0], 1);
        assert_eq!(compact_column(&[19970101.0, 5.0]), None);
        assert_eq!(compact_column(&[f64::NAN]), None);
    }
}
