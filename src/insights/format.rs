//! How figures are written in traits, decisions and reports, so a test (or a reader) can
//! recompute a number and find it verbatim in the text.

use crate::features::FeatureKind;
use crate::roles::Channel;

/// −0 (an empty sum) prints as 0.
fn no_negative_zero(value: f64) -> f64 {
    if value == 0.0 { 0.0 } else { value }
}

/// A percentage (already × 100): whole numbers from 10%, one decimal below ("61%", "3.2%").
pub fn pct(value: f64) -> String {
    let value = no_negative_zero(value);
    if value.abs() >= 10.0 || value == 0.0 {
        format!("{value:.0}%")
    } else {
        format!("{value:.1}%")
    }
}

/// A multiple with one decimal ("2.8×").
pub fn times(value: f64) -> String {
    let value = no_negative_zero(value);
    format!("{value:.1}×")
}

/// An amount with thousands separators and no decimals ("1,234").
pub fn amount(value: f64) -> String {
    let rounded = value.round();
    let negative = rounded < 0.0;
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if negative && out != "0" {
        out.insert(0, '-');
    }
    out
}

/// A plain number: one decimal below 100, an amount from 100 ("0.4", "49.2", "1,234").
pub fn number(value: f64) -> String {
    let value = no_negative_zero(value);
    if value.abs() >= 100.0 {
        amount(value)
    } else {
        format!("{value:.1}")
    }
}

/// A feature's value as people read it: shares and flags as %, other values as numbers.
pub fn value(kind: FeatureKind, v: f64) -> String {
    match kind {
        FeatureKind::Ratio | FeatureKind::Flag | FeatureKind::OneHot => pct(100.0 * v),
        FeatureKind::Continuous => number(v),
    }
}

/// How purchases in a channel are described ("in store", "on the web").
pub fn channel_phrase(channel: Channel) -> &'static str {
    match channel {
        Channel::Web => "on the web",
        Channel::Store => "in store",
        Channel::Catalog => "by catalog",
        Channel::Other => "in other channels",
    }
}

/// A feature name for people: underscores to spaces ("Deal_Dependency" → "Deal Dependency").
pub fn feature_label(name: &str) -> String {
    name.replace('_', " ")
}

/// A feature name for sentences, without a trailing unit in brackets
/// ("Spending Score (1-100)" → "Spending Score").
pub fn plain_label(name: &str) -> String {
    let label = feature_label(name);
    let cut = label.find('(').unwrap_or(label.len());
    label[..cut].trim().to_string()
}

/// How far from average, in words: "1.2 SD above", "about average".
pub fn sd_words(z: f64) -> String {
    if z.abs() < 0.05 {
        "about average".into()
    } else {
        format!(
            "{:.1} SD {}",
            z.abs(),
            if z > 0.0 { "above" } else { "below" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_naturally() {
        assert_eq!(pct(61.24), "61%");
        assert_eq!(pct(3.24), "3.2%");
        assert_eq!(pct(0.0), "0%");
        assert_eq!(pct(-0.0), "0%");
        assert_eq!(number(-0.0), "0.0");
        assert_eq!(times(2.84), "2.8×");
        assert_eq!(amount(1_234_567.4), "1,234,567");
        assert_eq!(amount(-999.6), "-1,000");
        assert_eq!(amount(12.0), "12");
        assert_eq!(number(49.24), "49.2");
        assert_eq!(number(605.8), "606");
        assert_eq!(feature_label("Deal_Dependency"), "Deal Dependency");
        assert_eq!(plain_label("Spending Score (1-100)"), "Spending Score");
        assert_eq!(sd_words(-1.24), "1.2 SD below");
        assert_eq!(sd_words(0.01), "about average");
    }
}
