//! The words of insight sentences (feature names, channels, distances from average) and how a
//! feature's value reads in them; the numbers themselves come from [`crate::format`], in its
//! sentence style, so a test (or a reader) can recompute a figure and find it verbatim.

use crate::features::FeatureKind;
use crate::format::{Percent, number, percent};
use crate::roles::Channel;

/// A feature's value as people read it: shares and flags as %, other values as numbers.
pub(crate) fn value(kind: FeatureKind, v: f64) -> String {
    match kind {
        FeatureKind::Ratio | FeatureKind::Flag | FeatureKind::OneHot => {
            percent(100.0 * v, Percent::Adaptive)
        }
        FeatureKind::Continuous => number(v, 100.0),
    }
}

/// How purchases in a channel are described ("in store", "on the web").
pub(crate) fn channel_phrase(channel: Channel) -> &'static str {
    match channel {
        Channel::Web => "on the web",
        Channel::Store => "in store",
        Channel::Catalog => "by catalog",
        Channel::Other => "in other channels",
    }
}

/// A feature name for people: underscores to spaces ("Deal_Dependency" → "Deal Dependency").
pub(crate) fn feature_label(name: &str) -> String {
    name.replace('_', " ")
}

/// A feature name for sentences, without a trailing unit in brackets
/// ("Spending Score (1-100)" → "Spending Score").
pub(crate) fn plain_label(name: &str) -> String {
    let label = feature_label(name);
    let cut = label.find('(').unwrap_or(label.len());
    label[..cut].trim().to_string()
}

/// How far from average, in words: "1.2 SD above", "about average".
pub(crate) fn sd_words(z: f64) -> String {
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
    use crate::format::{thousands, times};

    #[test]
    fn figures_read_naturally() {
        assert_eq!(percent(61.24, Percent::Adaptive), "61%");
        assert_eq!(percent(3.24, Percent::Adaptive), "3.2%");
        assert_eq!(percent(0.0, Percent::Adaptive), "0%");
        assert_eq!(percent(-0.0, Percent::Adaptive), "0%");
        assert_eq!(number(-0.0, 100.0), "0.0");
        assert_eq!(times(2.84), "2.8×");
        assert_eq!(thousands(1_234_567.4), "1,234,567");
        assert_eq!(thousands(-999.6), "-1,000");
        assert_eq!(thousands(12.0), "12");
        assert_eq!(number(49.24, 100.0), "49.2");
        assert_eq!(number(605.8, 100.0), "606");
        assert_eq!(feature_label("Deal_Dependency"), "Deal Dependency");
        assert_eq!(plain_label("Spending Score (1-100)"), "Spending Score");
        assert_eq!(sd_words(-1.24), "1.2 SD below");
        assert_eq!(sd_words(0.01), "about average");
    }
}
