//! The silhouette of a segmentation: exact for small data, on a seeded customer sample otherwise
//! (as scikit-learn's `sample_size`), computed in f64 and independent of the thread count.

use super::FeatureMatrix;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Customers whose squared distances stay in registers while the features stream past.
const TILE: usize = 8;

/// Mean silhouette of the sampled customers and the share of them closer to another segment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Silhouette {
    /// Mean of `(b − a) / max(a, b)` over the sampled customers, in [−1, 1].
    pub mean: f64,
    /// Share of sampled customers with a negative silhouette.
    pub negative_share: f64,
    /// Customers the silhouette was computed on.
    pub sample_size: usize,
    /// Whether every customer was used.
    pub exact: bool,
}

/// The silhouette of `labels` (one per customer, segments `0..k`). With more than
/// `sample_limit` customers it is computed among a sample of `sample_limit` customers drawn with
/// `seed` (0 means no limit). Customers alone in their segment score 0, as in scikit-learn;
/// with fewer than two segments present every score is 0. Customers labelled `k` or above are
/// left out.
pub fn silhouette(
    data: &FeatureMatrix,
    labels: &[u32],
    k: usize,
    sample_limit: usize,
    seed: u64,
) -> Silhouette {
    let n = data.rows().min(labels.len());
    let exact = sample_limit == 0 || n <= sample_limit;
    let mut sample: Vec<usize> = if exact {
        (0..n).collect()
    } else {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut picked = rand::seq::index::sample(&mut rng, n, sample_limit).into_vec();
        picked.sort_unstable();
        picked
    };
    sample.retain(|&i| (labels[i] as usize) < k);
    let scores = sample_scores(data, labels, k, &sample);
    let m = scores.len();
    let (mean, negative_share) = if m == 0 {
        (0.0, 0.0)
    } else {
        let total: f64 = scores.iter().sum();
        let negative = scores.iter().filter(|&&s| s < 0.0).count();
        (total / m as f64, negative as f64 / m as f64)
    };
    Silhouette {
        mean,
        negative_share,
        sample_size: m,
        exact,
    }
}

/// The silhouette of every sampled customer, in sample order.
fn sample_scores(data: &FeatureMatrix, labels: &[u32], k: usize, sample: &[usize]) -> Vec<f64> {
    let m = sample.len();
    let p = data.cols();
    // Group the sample by segment: positions `ranges[c]` of the grouped order belong to `c`.
    let mut grouped: Vec<usize> = (0..m).collect();
    grouped.sort_by_key(|&s| labels[sample[s]]);
    let mut ranges = vec![0..0; k];
    let mut start = 0;
    for (c, range) in ranges.iter_mut().enumerate() {
        let end = start
            + grouped[start..]
                .iter()
                .take_while(|&&s| labels[sample[s]] as usize == c)
                .count();
        *range = start..end;
        start = end;
    }
    if ranges.iter().filter(|r| !r.is_empty()).count() < 2 {
        return vec![0.0; m];
    }
    // Feature-major f64 copy in grouped order: column f is `columns[f * m..(f + 1) * m]`.
    let mut columns = vec![0f64; p * m];
    for (g, &s) in grouped.iter().enumerate() {
        for (f, &v) in data.row(sample[s]).iter().enumerate() {
            columns[f * m + g] = f64::from(v);
        }
    }
    let mut position = vec![0usize; m];
    for (g, &s) in grouped.iter().enumerate() {
        position[s] = g;
    }
    position
        .par_iter()
        .map(|&g| {
            let point: Vec<f64> = (0..p).map(|f| columns[f * m + g]).collect();
            let own = ranges.iter().position(|r| r.contains(&g)).unwrap_or(0);
            let own_size = ranges[own].len();
            if own_size < 2 {
                return 0.0;
            }
            let a = distance_sum(&columns, m, &point, ranges[own].clone()) / (own_size - 1) as f64;
            let b = ranges
                .iter()
                .enumerate()
                .filter(|(c, r)| *c != own && !r.is_empty())
                .map(|(_, r)| distance_sum(&columns, m, &point, r.clone()) / r.len() as f64)
                .fold(f64::INFINITY, f64::min);
            let spread = a.max(b);
            if spread > 0.0 { (b - a) / spread } else { 0.0 }
        })
        .collect()
}

super::simd::multiversion! {
    /// Σ ‖point − x‖ over the grouped positions in `range`: `TILE` customers at a time with their
    /// squared distances held in registers across all features, then `TILE` fixed partial sums.
    fn distance_sum(columns: &[f64], m: usize, point: &[f64], range: Range<usize>) -> f64 {
        let mut partial = [0f64; TILE];
        let mut start = range.start;
        while start + TILE <= range.end {
            let mut squares = [0f64; TILE];
            for (f, &x) in point.iter().enumerate() {
                let Some(column) = columns[f * m + start..].first_chunk::<TILE>() else {
                    break;
                };
                for (d, &v) in squares.iter_mut().zip(column) {
                    let t = v - x;
                    *d += t * t;
                }
            }
            for (s, d) in partial.iter_mut().zip(squares) {
                *s += d.sqrt();
            }
            start += TILE;
        }
        for (s, g) in partial.iter_mut().zip(start..range.end) {
            let mut d = 0.0;
            for (f, &x) in point.iter().enumerate() {
                let t = columns[f * m + g] - x;
                d += t * t;
            }
            *s += d.sqrt();
        }
        let pairs = [
            partial[0] + partial[1],
            partial[2] + partial[3],
            partial[4] + partial[5],
            partial[6] + partial[7],
        ];
        (pairs[0] + pairs[1]) + (pairs[2] + pairs[3])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_example_by_hand() {
        // Points on a line: 0, 1 (segment 0) and 4, 6 (segment 1).
        // x=0: a = 1, b = (4 + 6)/2 = 5 → 0.8;  x=1: a = 1, b = (3 + 5)/2 = 4 → 0.75;
        // x=4: a = 2, b = (4 + 3)/2 = 3.5 → 1.5/3.5;  x=6: a = 2, b = (6 + 5)/2 = 5.5 → 3.5/5.5.
        let data = FeatureMatrix::new(4, 1, vec![0.0, 1.0, 4.0, 6.0]).expect("shape");
        let s = silhouette(&data, &[0, 0, 1, 1], 2, 100, 0);
        let expected = (0.8 + 0.75 + 1.5 / 3.5 + 3.5 / 5.5) / 4.0;
        assert!((s.mean - expected).abs() < 1e-12);
        assert_eq!(s.negative_share, 0.0);
        assert!(s.exact);
        assert_eq!(s.sample_size, 4);
    }

    #[test]
    fn singletons_score_zero_and_misplaced_customers_count_as_negative() {
        // Segment 1 holds one customer: its score is 0. Customer at 9 sits in segment 0 but
        // is far closer to segment 2.
        let data = FeatureMatrix::new(6, 1, vec![0.0, 0.5, 9.0, 50.0, 10.0, 10.5]).expect("shape");
        let s = silhouette(&data, &[0, 0, 0, 1, 2, 2], 3, 0, 0);
        assert!((s.negative_share - 1.0 / 6.0).abs() < 1e-12);
        let one_segment = silhouette(&data, &[0; 6], 1, 0, 0);
        assert_eq!(one_segment.mean, 0.0);
    }

    #[test]
    fn sample_is_seeded_and_sized() {
        let values: Vec<f32> = (0..2_000)
            .map(|i| (i % 2) as f32 * 10.0 + (i % 7) as f32 * 0.1)
            .collect();
        let labels: Vec<u32> = (0..2_000).map(|i| i % 2).collect();
        let data = FeatureMatrix::new(2_000, 1, values).expect("shape");
        let a = silhouette(&data, &labels, 2, 500, 3);
        assert_eq!(a, silhouette(&data, &labels, 2, 500, 3));
        assert_eq!(a.sample_size, 500);
        assert!(!a.exact);
        assert!(a.mean > 0.9);
    }
}
