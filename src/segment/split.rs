//! The one-feature-split check: does one feature alone reproduce the segments? For every
//! candidate feature, the best rule of at most k intervals on that feature (k − 1 thresholds,
//! each interval given to one segment), or for a category the level-to-segment rule, scored by
//! balanced accuracy against the labels (the mean over segments of the share of its customers
//! the rule places right). The optimum is exact over the feature's bins: at most
//! [`MAX_BINS`] quantile bins (every distinct value when there are fewer), intervals found by
//! dynamic programming. Computed on a deterministic sample of at most [`SPLIT_SAMPLE`]
//! customers. At [`SPLIT_WARNING`] or above the segments mostly split on that one feature.

use super::sample::sample_rows;
use crate::format::{Percent, percent};
use serde::{Deserialize, Serialize};

/// Balanced accuracy from which the one-feature-split warning is raised.
pub const SPLIT_WARNING: f64 = 0.9;
/// Bins per feature (quantile bins; every distinct value when there are fewer).
pub const MAX_BINS: usize = 256;
/// Customers the check runs on (a deterministic sample above).
pub const SPLIT_SAMPLE: usize = 50_000;

/// The best one-feature rule for a segmentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OneFeatureSplit {
    pub feature: String,
    /// 0..1: the mean over segments of the share of its customers the rule places right.
    pub balanced_accuracy: f64,
    /// The rule's thresholds in the feature's units (empty for a category).
    pub thresholds: Vec<f64>,
    /// At or above [`SPLIT_WARNING`].
    pub warn: bool,
}

impl OneFeatureSplit {
    /// "These segments mostly split customers by X (above/below v): Y% of customers are placed
    /// by X alone." when it warns; the figure otherwise.
    pub fn sentence(&self, label: &str) -> String {
        let y = percent(self.balanced_accuracy * 100.0, Percent::Adaptive);
        let rule = match self.thresholds.as_slice() {
            [] => "its levels".to_string(),
            [v] => format!("above/below {}", show(*v)),
            many => format!(
                "cut at {}",
                many.iter().map(|v| show(*v)).collect::<Vec<_>>().join(", ")
            ),
        };
        if self.warn {
            format!(
                "These segments mostly split customers by {label} ({rule}): {y} of customers are placed by {label} alone."
            )
        } else {
            format!(
                "No single feature splits these segments: the best, {label} ({rule}), places {y} of customers alone (a warning from {}).",
                percent(SPLIT_WARNING * 100.0, Percent::Adaptive)
            )
        }
    }
}

fn show(v: f64) -> String {
    if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// A candidate: its name and values, or codes of a category.
pub enum SplitCandidate<'a> {
    Values(&'a str, &'a [f64]),
    Levels(&'a str, &'a [u32]),
}

/// The best one-feature rule over the candidates; `None` without candidates or customers.
pub fn one_feature_split(
    candidates: &[SplitCandidate<'_>],
    labels: &[u32],
    k: usize,
    seed: u64,
) -> Option<OneFeatureSplit> {
    let rows = sample_rows(labels.len(), SPLIT_SAMPLE, seed ^ 0x5911_7000);
    let sampled: Vec<usize> = rows.iter().map(|&r| labels[r] as usize).collect();
    let mut sizes = vec![0usize; k];
    for &l in &sampled {
        if l < k {
            sizes[l] += 1;
        }
    }
    let present = sizes.iter().filter(|&&s| s > 0).count().max(1) as f64;
    let weight: Vec<f64> = sizes
        .iter()
        .map(|&s| {
            if s > 0 {
                1.0 / (s as f64 * present)
            } else {
                0.0
            }
        })
        .collect();
    let mut best: Option<OneFeatureSplit> = None;
    for candidate in candidates {
        let found = match candidate {
            SplitCandidate::Values(name, values) => {
                let v: Vec<f64> = rows.iter().map(|&r| values[r]).collect();
                interval_rule(name, &v, &sampled, &weight, k)
            }
            SplitCandidate::Levels(name, codes) => {
                let c: Vec<u32> = rows.iter().map(|&r| codes[r]).collect();
                level_rule(name, &c, &sampled, &weight, k)
            }
        };
        if let Some(found) = found
            && best
                .as_ref()
                .is_none_or(|b| found.balanced_accuracy > b.balanced_accuracy)
        {
            best = Some(found);
        }
    }
    best
}

fn finish(name: &str, score: f64, thresholds: Vec<f64>) -> OneFeatureSplit {
    let balanced_accuracy = score.clamp(0.0, 1.0);
    OneFeatureSplit {
        feature: name.to_string(),
        balanced_accuracy,
        thresholds,
        warn: balanced_accuracy >= SPLIT_WARNING,
    }
}

/// Each level to the segment where it weighs most.
fn level_rule(
    name: &str,
    codes: &[u32],
    labels: &[usize],
    weight: &[f64],
    k: usize,
) -> Option<OneFeatureSplit> {
    let levels = codes.iter().copied().max()? as usize + 1;
    let mut w = vec![0f64; levels * k];
    for (&c, &l) in codes.iter().zip(labels) {
        if l < k {
            w[c as usize * k + l] += weight[l];
        }
    }
    let score = w
        .chunks_exact(k)
        .map(|row| row.iter().copied().fold(0.0, f64::max))
        .sum();
    Some(finish(name, score, Vec::new()))
}

/// The best partition of the feature's bins into at most k intervals, each given to a segment.
fn interval_rule(
    name: &str,
    values: &[f64],
    labels: &[usize],
    weight: &[f64],
    k: usize,
) -> Option<OneFeatureSplit> {
    let mut order: Vec<usize> = (0..values.len())
        .filter(|&i| values[i].is_finite())
        .collect();
    if order.is_empty() || k == 0 {
        return None;
    }
    order.sort_unstable_by(|&a, &b| values[a].total_cmp(&values[b]));
    // Bins: runs of equal values, merged into at most MAX_BINS quantile bins.
    let n = order.len();
    let mut bins: Vec<(f64, Vec<f64>)> = Vec::new(); // (upper value, weight per segment)
    let target = n.div_ceil(MAX_BINS).max(1);
    let mut start = 0;
    while start < n {
        let mut end = (start + target).min(n);
        // Never split equal values across bins.
        while end < n && values[order[end]] == values[order[end - 1]] {
            end += 1;
        }
        let mut w = vec![0f64; k];
        for &i in &order[start..end] {
            if labels[i] < k {
                w[labels[i]] += weight[labels[i]];
            }
        }
        bins.push((values[order[end - 1]], w));
        start = end;
    }
    let b = bins.len();
    // prefix[s][j] = weight of segment s in bins 0..j.
    let mut prefix = vec![vec![0f64; b + 1]; k];
    for (j, (_, w)) in bins.iter().enumerate() {
        for (row, &weight) in prefix.iter_mut().zip(w) {
            row[j + 1] = row[j] + weight;
        }
    }
    // gain[a * (b + 1) + e]: the best single segment for bins a..e.
    let mut gains = vec![0f64; (b + 1) * (b + 1)];
    for a in 0..b {
        for e in (a + 1)..=b {
            gains[a * (b + 1) + e] = prefix.iter().map(|row| row[e] - row[a]).fold(0.0, f64::max);
        }
    }
    let gain = |a: usize, e: usize| gains[a * (b + 1) + e];
    let intervals = k.min(b);
    // dp[j][e]: best with j intervals covering bins 0..e; from[j][e]: where the last starts.
    let mut dp = vec![vec![f64::NEG_INFINITY; b + 1]; intervals + 1];
    let mut from = vec![vec![0usize; b + 1]; intervals + 1];
    dp[0][0] = 0.0;
    for j in 1..=intervals {
        for e in j..=b {
            for a in (j - 1)..e {
                if dp[j - 1][a] == f64::NEG_INFINITY {
                    continue;
                }
                let v = dp[j - 1][a] + gain(a, e);
                if v > dp[j][e] + 1e-15 {
                    dp[j][e] = v;
                    from[j][e] = a;
                }
            }
        }
    }
    let (best_j, score) =
        (1..=intervals)
            .map(|j| (j, dp[j][b]))
            .fold((1, f64::NEG_INFINITY), |acc, x| {
                if x.1 > acc.1 + 1e-15 { x } else { acc }
            });
    let mut cuts = Vec::new();
    let (mut j, mut e) = (best_j, b);
    while j > 1 {
        let a = from[j][e];
        cuts.push(a);
        e = a;
        j -= 1;
    }
    cuts.reverse();
    // A threshold halfway between the last value of one interval and the first of the next.
    let thresholds = cuts
        .iter()
        .map(|&a| {
            let below = bins[a - 1].0;
            let above = bins[a].0;
            let first_above = order
                .iter()
                .map(|&i| values[i])
                .find(|&v| v > below)
                .unwrap_or(above);
            (below + first_above) / 2.0
        })
        .collect();
    Some(finish(name, score, thresholds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_that_is_the_segments_is_found() {
        let flag: Vec<f64> = (0..1000).map(|i| (i % 2) as f64).collect();
        let noise: Vec<f64> = (0..1000).map(|i| ((i * 7919) % 101) as f64).collect();
        let labels: Vec<u32> = (0..1000).map(|i| (i % 2) as u32).collect();
        let split = one_feature_split(
            &[
                SplitCandidate::Values("Noise", &noise),
                SplitCandidate::Values("Flag", &flag),
            ],
            &labels,
            2,
            1,
        )
        .unwrap();
        assert_eq!(split.feature, "Flag");
        assert!((split.balanced_accuracy - 1.0).abs() < 1e-12);
        assert!(split.warn);
        assert_eq!(split.thresholds, vec![0.5]);
        assert!(split.sentence("Flag").starts_with(
            "These segments mostly split customers by Flag (above/below 0.50): 100% of customers"
        ));
    }

    #[test]
    fn three_intervals_are_found_exactly() {
        // Segment by value band: 0..10 → 1, 10..20 → 0, 20..30 → 2.
        let values: Vec<f64> = (0..300).map(|i| (i / 10) as f64).collect();
        let labels: Vec<u32> = values
            .iter()
            .map(|&v| {
                if v < 10.0 {
                    1
                } else if v < 20.0 {
                    0
                } else {
                    2
                }
            })
            .collect();
        let split =
            one_feature_split(&[SplitCandidate::Values("V", &values)], &labels, 3, 1).unwrap();
        assert!((split.balanced_accuracy - 1.0).abs() < 1e-12);
        assert_eq!(split.thresholds, vec![9.5, 19.5]);
        let codes: Vec<u32> = labels.iter().map(|&l| 2 - l).collect();
        let by_level =
            one_feature_split(&[SplitCandidate::Levels("C", &codes)], &labels, 3, 1).unwrap();
        assert!((by_level.balanced_accuracy - 1.0).abs() < 1e-12);
    }
}
