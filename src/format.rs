//! How numbers are written for people, in one place for the GUI, the CLI, insight sentences
//! and the report: percentages, whole numbers with thousands separators, figures, multiples,
//! compact amounts and signed differences. A value that is not finite shows as `n/a`, and −0
//! shows as 0.

/// How many decimals a percentage shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    /// Always one decimal ("27.1%", "3.0%"): tables, cards and charts, where figures line up.
    OneDecimal,
    /// Whole numbers from 10%, one decimal below ("61%", "3.2%", "0%"): sentences.
    Adaptive,
}

/// −0 (an empty sum) prints as 0.
fn no_negative_zero(value: f64) -> f64 {
    if value == 0.0 { 0.0 } else { value }
}

/// A percentage of a value already × 100, in the given style.
pub fn percent(value: f64, style: Percent) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let value = no_negative_zero(value);
    match style {
        Percent::Adaptive if value.abs() >= 10.0 || value == 0.0 => format!("{value:.0}%"),
        Percent::Adaptive | Percent::OneDecimal => format!("{value:.1}%"),
    }
}

/// A whole number with thousands separators ("1,356,988", "-1,000").
pub fn thousands(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let rounded = value.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if rounded < 0.0 && out != "0" {
        out.insert(0, '-');
    }
    out
}

/// A count ("2,205").
pub fn count(value: usize) -> String {
    thousands(value as f64)
}

/// A figure: one decimal below `whole_from`, a whole number with thousands separators from it.
/// Sentences and counts use 100 ("49.2", "606"), money in tables 1,000 ("615.4", "52,247").
pub fn number(value: f64, whole_from: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let value = no_negative_zero(value);
    if value.abs() >= whole_from {
        thousands(value)
    } else {
        format!("{value:.1}")
    }
}

/// A multiple with one decimal ("2.8×").
pub fn times(value: f64) -> String {
    let value = no_negative_zero(value);
    format!("{value:.1}×")
}

/// A value as the data holds it: whole numbers without decimals, others with two, no
/// separators ("2205", "0.35"), for data tables and quality reports.
pub fn plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

/// A compact amount for axes and small spaces ("1.36 M", "52.2 k", "615").
pub(crate) fn compact(value: f64) -> String {
    let a = value.abs();
    if a >= 1e9 {
        format!("{:.2} bn", value / 1e9)
    } else if a >= 1e6 {
        format!("{:.2} M", value / 1e6)
    } else if a >= 1e4 {
        format!("{:.1} k", value / 1e3)
    } else {
        format!("{value:.0}")
    }
}

/// A signed figure with `decimals` decimals and a true minus sign ("+1.20", "−0.35"); values
/// that round to zero show no sign ("0.00").
pub(crate) fn signed(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    if text.chars().all(|c| c == '0' || c == '.') {
        text
    } else if value < 0.0 {
        format!("\u{2212}{text}")
    } else {
        format!("+{text}")
    }
}

/// Parse a number shown by these functions back (for tests): strips `,`, `%`, `+` and spaces
/// and reads a true minus sign.
pub fn parse_shown(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '%' | ' ' | '+'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    cleaned.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_in_both_styles() {
        assert_eq!(percent(27.13, Percent::OneDecimal), "27.1%");
        assert_eq!(percent(3.0, Percent::OneDecimal), "3.0%");
        assert_eq!(percent(-0.0, Percent::OneDecimal), "0.0%");
        assert_eq!(percent(61.24, Percent::Adaptive), "61%");
        assert_eq!(percent(3.24, Percent::Adaptive), "3.2%");
        assert_eq!(percent(0.0, Percent::Adaptive), "0%");
        assert_eq!(percent(-0.0, Percent::Adaptive), "0%");
        assert_eq!(percent(f64::NAN, Percent::Adaptive), "n/a");
    }

    #[test]
    fn figures_read_like_a_report() {
        assert_eq!(thousands(1_356_988.4), "1,356,988");
        assert_eq!(thousands(-1234.0), "-1,234");
        assert_eq!(thousands(-999.6), "-1,000");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(f64::INFINITY), "n/a");
        assert_eq!(count(2205), "2,205");
        assert_eq!(number(615.44, 1_000.0), "615.4");
        assert_eq!(number(52_247.3, 1_000.0), "52,247");
        assert_eq!(number(49.24, 100.0), "49.2");
        assert_eq!(number(605.8, 100.0), "606");
        assert_eq!(number(-0.0, 100.0), "0.0");
        assert_eq!(times(2.84), "2.8×");
        assert_eq!(plain(2205.0), "2205");
        assert_eq!(plain(0.349), "0.35");
        assert_eq!(compact(1_356_988.0), "1.36 M");
        assert_eq!(compact(52_247.0), "52.2 k");
        assert_eq!(signed(1.2, 2), "+1.20");
        assert_eq!(signed(-0.35, 2), "\u{2212}0.35");
        assert_eq!(signed(-0.04, 1), "0.0");
        assert_eq!(parse_shown("\u{2212}0.35"), Some(-0.35));
        assert_eq!(parse_shown("1,356,988"), Some(1_356_988.0));
        assert_eq!(parse_shown("27.1%"), Some(27.1));
    }
}
