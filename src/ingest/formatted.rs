//! Numbers written for people rather than machines: a currency sign (`$635.00`, `58 €`), a
//! percent sign (`12%`), thousands separators (`1,234.50`) or a decimal comma (`58.138,00`).
//! They are read only where the whole column agrees on one convention; the caller counts every
//! value read this way, and a value that fits no reading is named with its position.

use super::convert::parse_number;
use crate::missing::is_missing;

/// A level still to read: its index, its decoration and its readings (dot decimal, comma
/// decimal).
type Pending<'a> = (
    usize,
    Decorated<'a>,
    Option<(f64, bool)>,
    Option<(f64, bool)>,
);

/// Largest magnitude accepted for a customer measure. Sums over millions of customers of
/// values this large stay far from the float limit, and no spend, income or count comes
/// close; larger values are refused (named by column and row) rather than overflowing totals.
pub const MAX_MAGNITUDE: f64 = 1e15;

/// How the formatted values of a column were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumberStyle {
    /// A currency sign was removed.
    pub currency: Option<char>,
    /// A trailing percent sign was removed (the value stays in percent points).
    pub percent: bool,
    /// Thousands separators were removed.
    pub thousands: bool,
    /// The decimal separator is a comma.
    pub decimal_comma: bool,
}

impl NumberStyle {
    /// E.g. "a currency sign ($), thousands separators".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = self.currency {
            parts.push(format!("a currency sign ({c})"));
        }
        if self.percent {
            parts.push("a percent sign (values kept in percent points)".to_string());
        }
        if self.thousands {
            parts.push(if self.decimal_comma {
                "'.' as thousands separator".to_string()
            } else {
                "',' as thousands separator".to_string()
            });
        }
        if self.decimal_comma {
            parts.push("a decimal comma".to_string());
        }
        parts.join(", ")
    }
}

/// Why a column's text cannot be read as numbers; `level` indexes the column's levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatProblem {
    /// Not a number in any convention.
    NotNumber { level: usize },
    /// An infinity, or a number too large to sum ([`MAX_MAGNITUDE`]).
    NotFinite { level: usize },
    /// Readable only with a different decimal separator than other values of the column.
    MixedConventions { level: usize },
}

/// The numbers of a text column's levels.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelNumbers {
    /// One per level; NaN for a missing word.
    pub values: Vec<f64>,
    /// Whether the level needed the formatted reading (not plain float syntax).
    pub formatted: Vec<bool>,
    pub style: NumberStyle,
}

/// The words that spell an infinity; refused, never read as missing.
fn is_infinity(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.eq_ignore_ascii_case("inf") || s.eq_ignore_ascii_case("infinity")
}

/// One value split into what decorates it and the digits with separators.
struct Decorated<'a> {
    negative: bool,
    currency: Option<char>,
    percent: bool,
    body: &'a str,
}

const CURRENCIES: [char; 5] = ['$', '€', '£', '¥', '₹'];

fn decorate(s: &str) -> Option<Decorated<'_>> {
    let mut s = s.trim();
    let mut negative = false;
    let mut currency = None;
    let mut percent = false;
    let strip_sign = |s: &mut &str, negative: &mut bool| {
        if let Some(rest) = s.strip_prefix('-') {
            *negative = true;
            *s = rest.trim_start();
        } else if let Some(rest) = s.strip_prefix('+') {
            *s = rest.trim_start();
        }
    };
    strip_sign(&mut s, &mut negative);
    if let Some(c) = s.chars().next().filter(|c| CURRENCIES.contains(c)) {
        currency = Some(c);
        s = s[c.len_utf8()..].trim_start();
        if !negative {
            strip_sign(&mut s, &mut negative);
        }
    } else if let Some(c) = s.chars().last().filter(|c| CURRENCIES.contains(c)) {
        currency = Some(c);
        s = s[..s.len() - c.len_utf8()].trim_end();
    }
    if currency.is_none()
        && let Some(rest) = s.strip_suffix('%')
    {
        percent = true;
        s = rest.trim_end();
    }
    (!s.is_empty()).then_some(Decorated {
        negative,
        currency,
        percent,
        body: s,
    })
}

/// The body read with `group` as thousands separator and `decimal` as decimal separator.
fn read_body(body: &str, group: char, decimal: char) -> Option<(f64, bool)> {
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let (int, frac) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let groups: Vec<&str> = int.split(group).collect();
    let grouped = groups.len() > 1;
    if groups[0].is_empty() || (groups[0].len() > 3 && grouped) {
        return None;
    }
    if groups[1..].iter().any(|g| g.len() != 3)
        || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let plain = match frac {
        Some(f) => format!("{}.{f}", groups.concat()),
        None => groups.concat(),
    };
    plain.parse::<f64>().ok().map(|x| (x, grouped))
}

/// Read every level of a text column as a number, where one convention fits the whole column.
pub fn read_levels(levels: &[String]) -> Result<LevelNumbers, FormatProblem> {
    let mut values = vec![f64::NAN; levels.len()];
    let mut formatted = vec![false; levels.len()];
    let mut style = NumberStyle::default();
    // Per level still to read: its decoration and its readings (dot decimal, comma decimal).
    let mut pending: Vec<Pending<'_>> = Vec::new();
    for (i, level) in levels.iter().enumerate() {
        let s = level.trim();
        if is_infinity(s) {
            return Err(FormatProblem::NotFinite { level: i });
        }
        if is_missing(s) {
            continue;
        }
        if let Some(x) = parse_number(s) {
            if x.abs() > MAX_MAGNITUDE {
                return Err(FormatProblem::NotFinite { level: i });
            }
            values[i] = x;
            continue;
        }
        if s.parse::<f64>().is_ok_and(f64::is_infinite) {
            return Err(FormatProblem::NotFinite { level: i });
        }
        let looks_numeric = s.bytes().any(|b| b.is_ascii_digit());
        let Some(d) = decorate(s).filter(|_| looks_numeric) else {
            return Err(FormatProblem::NotNumber { level: i });
        };
        let dot = read_body(d.body, ',', '.');
        let comma = read_body(d.body, '.', ',');
        if dot.is_none() && comma.is_none() {
            return Err(FormatProblem::NotNumber { level: i });
        }
        pending.push((i, d, dot, comma));
    }
    let dot_fits = pending.iter().all(|p| p.2.is_some());
    let comma_fits = pending.iter().all(|p| p.3.is_some());
    // Both fit only when every separator is followed by exactly three digits: then it is a
    // thousands separator (a plain "1.234" would have been read above).
    let use_comma = match (dot_fits, comma_fits) {
        (true, false) => false,
        (false, true) => true,
        (true, true) => pending.iter().any(|p| p.1.body.contains('.')),
        (false, false) => {
            let first_dot_only = pending.iter().find(|p| p.3.is_none()).map(|p| p.0);
            let first_comma_only = pending.iter().find(|p| p.2.is_none()).map(|p| p.0);
            let level = first_dot_only.max(first_comma_only).unwrap_or(0);
            return Err(FormatProblem::MixedConventions { level });
        }
    };
    for (i, d, dot, comma) in pending {
        let Some((x, grouped)) = (if use_comma { comma } else { dot }) else {
            return Err(FormatProblem::MixedConventions { level: i });
        };
        let x = if d.negative { -x } else { x };
        if !x.is_finite() || x.abs() > MAX_MAGNITUDE {
            return Err(FormatProblem::NotFinite { level: i });
        }
        style.currency = style.currency.or(d.currency);
        style.percent |= d.percent;
        style.thousands |= grouped;
        style.decimal_comma |= use_comma && d.body.contains(',');
        values[i] = x;
        formatted[i] = true;
    }
    Ok(LevelNumbers {
        values,
        formatted,
        style,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(values: &[&str]) -> Result<LevelNumbers, FormatProblem> {
        let levels: Vec<String> = values.iter().map(|s| s.to_string()).collect();
        read_levels(&levels)
    }

    #[test]
    fn currency_percent_and_separators_are_read() {
        let r = read(&["$635.00", "$1,234.50", "n/a", "12"]).unwrap();
        assert_eq!(r.values[0], 635.0);
        assert_eq!(r.values[1], 1234.5);
        assert!(r.values[2].is_nan());
        assert_eq!(r.values[3], 12.0);
        assert_eq!(r.formatted, [true, true, false, false]);
        assert_eq!(r.style.currency, Some('$'));
        assert!(r.style.thousands && !r.style.decimal_comma);
        let r = read(&["58.138,00", "1.234,5", "12,75", "-3,5 €"]).unwrap();
        assert_eq!(r.values, [58138.0, 1234.5, 12.75, -3.5]);
        assert!(r.style.decimal_comma);
        assert_eq!(read(&["12%", "7.5%"]).unwrap().values, [12.0, 7.5]);
        assert_eq!(read(&["-$5", "$-6"]).unwrap().values, [-5.0, -6.0]);
    }

    #[test]
    fn conflicting_or_impossible_values_are_named() {
        assert_eq!(
            read(&["1,234.50", "1.234,50"]).unwrap_err(),
            FormatProblem::MixedConventions { level: 1 }
        );
        assert_eq!(
            read(&["1", "abc"]).unwrap_err(),
            FormatProblem::NotNumber { level: 1 }
        );
        assert_eq!(
            read(&["1", "-inf"]).unwrap_err(),
            FormatProblem::NotFinite { level: 1 }
        );
        assert_eq!(
            read(&["1e308"]).unwrap_err(),
            FormatProblem::NotFinite { level: 0 }
        );
        assert_eq!(read(&["$1,23"]).map(|r| r.values), Ok(vec![1.23]));
        assert!(read(&["1,2,3"]).is_err());
    }
}
