//! Number formatting for people: thousands separators, percentages and compact amounts,
//! the same on cards, tables, tooltips and slides.

/// A whole number with thousands separators: `1,356,988`.
pub fn thousands(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    crate::insights::format::amount(value)
}

/// A count: `2,205`.
pub fn count(value: usize) -> String {
    thousands(value as f64)
}

/// An amount with one decimal below 1,000 and none above: `615.4`, `52,247`.
pub fn amount(value: f64) -> String {
    if !value.is_finite() {
        "n/a".into()
    } else if value.abs() < 1_000.0 {
        format!("{value:.1}")
    } else {
        thousands(value)
    }
}

/// A percentage from a share in 0..=100: `27.1%`.
pub fn pct(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.1}%")
    } else {
        "n/a".into()
    }
}

/// A compact amount for axes and small spaces: `1.36 M`, `52.2 k`, `615`.
pub fn compact(value: f64) -> String {
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

/// A signed figure with a true minus sign: `+1.20`, `−0.35` (`0.00` for nothing).
pub fn signed(value: f64) -> String {
    signed_with(value, 2)
}

/// A signed figure with `decimals` decimals; values that round to zero show no sign.
pub fn signed_with(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    if text.chars().all(|c| c == '0' || c == '.') {
        text
    } else if value < 0.0 {
        format!("\u{2212}{text}")
    } else {
        format!("+{text}")
    }
}

/// Parse a number shown by these functions back (for tests): strips `,`, `%` and spaces.
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
    fn formats_read_like_a_report() {
        assert_eq!(thousands(1_356_988.4), "1,356,988");
        assert_eq!(thousands(-1234.0), "-1,234");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(count(2205), "2,205");
        assert_eq!(amount(615.44), "615.4");
        assert_eq!(amount(52_247.3), "52,247");
        assert_eq!(pct(27.13), "27.1%");
        assert_eq!(compact(1_356_988.0), "1.36 M");
        assert_eq!(signed(1.2), "+1.20");
        assert_eq!(signed(-0.35), "\u{2212}0.35");
        assert_eq!(signed_with(-0.04, 1), "0.0");
        assert_eq!(parse_shown("\u{2212}0.35"), Some(-0.35));
        assert_eq!(parse_shown("1,356,988"), Some(1_356_988.0));
        assert_eq!(parse_shown("27.1%"), Some(27.1));
    }
}
