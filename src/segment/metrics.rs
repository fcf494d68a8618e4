//! How good a segmentation is: silhouette, Calinski–Harabasz and Davies–Bouldin (scikit-learn's
//! definitions), and the adjusted Rand index between two segmentations.

use super::FeatureMatrix;
use rayon::prelude::*;
use std::collections::HashMap;

pub use super::silhouette::{Silhouette, silhouette};

/// Customers per parallel work unit (fixed, so sums do not depend on the thread count).
const ROW_CHUNK: usize = 8192;

/// Calinski–Harabasz: between-segment dispersion over within-segment dispersion, each divided
/// by its degrees of freedom, using the actual means of the labelled customers. `centroids`
/// (k × p, e.g. the fitted ones) only serve as a numerically safe origin. 1.0 when every
/// segment is a single point; 0.0 with fewer than two segments present or no more customers
/// than segments. Customers labelled `k` or above are left out.
pub fn calinski_harabasz(data: &FeatureMatrix, labels: &[u32], centroids: &[f64], k: usize) -> f64 {
    let stats = SegmentStats::gather(data, labels, centroids, k);
    let present = stats.present();
    let n = stats.customers();
    if present < 2 || n <= present {
        return 0.0;
    }
    let means = stats.means();
    let overall = stats.overall_mean();
    let p = stats.p;
    let mut between = 0.0;
    let mut within = 0.0;
    for c in 0..k {
        let count = stats.counts[c] as f64;
        if count == 0.0 {
            continue;
        }
        let mean = &means[c * p..(c + 1) * p];
        between += count
            * mean
                .iter()
                .zip(&overall)
                .map(|(a, b)| (a - b) * (a - b))
                .sum::<f64>();
        let shift = &stats.shifted_sums[c * p..(c + 1) * p];
        let drift = shift.iter().map(|s| s * s).sum::<f64>() / count;
        within += (stats.shifted_squares[c] - drift).max(0.0);
    }
    if within == 0.0 {
        return 1.0;
    }
    between * (n - present) as f64 / (within * (present - 1) as f64)
}

/// Davies–Bouldin: the mean over segments of the worst `(s_i + s_j) / d(m_i, m_j)`, with `s` the
/// mean distance of a segment's customers to its mean `m`. Lower is better; 0.0 when all
/// spreads or all mean distances are (near) zero, or fewer than two segments are present.
pub fn davies_bouldin(data: &FeatureMatrix, labels: &[u32], centroids: &[f64], k: usize) -> f64 {
    let stats = SegmentStats::gather(data, labels, centroids, k);
    if stats.present() < 2 {
        return 0.0;
    }
    let p = stats.p;
    let means = stats.means();
    let spread_sums = reduce_rows(
        data,
        labels,
        || vec![0f64; k],
        |acc, row, segment| {
            let mean = &means[segment * p..(segment + 1) * p];
            let d2: f64 = row
                .iter()
                .zip(mean)
                .map(|(&x, m)| (f64::from(x) - m).powi(2))
                .sum();
            acc[segment] += d2.sqrt();
        },
        k,
    );
    let segments: Vec<usize> = (0..k).filter(|&c| stats.counts[c] > 0).collect();
    let spread: Vec<f64> = segments
        .iter()
        .map(|&c| spread_sums[c] / stats.counts[c] as f64)
        .collect();
    let distance = |a: usize, b: usize| -> f64 {
        let (ma, mb) = (&means[a * p..(a + 1) * p], &means[b * p..(b + 1) * p]);
        ma.iter()
            .zip(mb)
            .map(|(x, y)| (x - y) * (x - y))
            .sum::<f64>()
            .sqrt()
    };
    let all_close = segments
        .iter()
        .all(|&a| segments.iter().all(|&b| distance(a, b) <= 1e-8));
    if spread.iter().all(|&s| s.abs() <= 1e-8) || all_close {
        return 0.0;
    }
    let mut total = 0.0;
    for (i, &a) in segments.iter().enumerate() {
        let mut worst = 0f64;
        for (j, &b) in segments.iter().enumerate() {
            let d = distance(a, b);
            if i != j && d > 0.0 {
                worst = worst.max((spread[i] + spread[j]) / d);
            }
        }
        total += worst;
    }
    total / segments.len() as f64
}

/// Adjusted Rand index (Hubert & Arabie) from the contingency table: 1.0 for the same partition
/// under any relabelling, about 0 for unrelated ones. Integer pair counts, so it is exact up to
/// the final division. NaN when the lengths differ; 1.0 for fewer than two customers.
pub(crate) fn adjusted_rand_index(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() {
        return f64::NAN;
    }
    if a.len() < 2 {
        return 1.0;
    }
    let (a, rows) = compact(a);
    let (b, cols) = compact(b);
    let (a, b) = (a.as_ref(), b.as_ref());
    let pairs = |count: u64| -> i128 { i128::from(count) * (i128::from(count) - 1) / 2 };
    let mut row_counts = vec![0u64; rows];
    let mut col_counts = vec![0u64; cols];
    let mut index: i128 = 0;
    if rows.saturating_mul(cols) <= 1 << 22 {
        let mut table = vec![0u64; rows * cols];
        for (&i, &j) in a.iter().zip(b) {
            table[i as usize * cols + j as usize] += 1;
        }
        index = table.iter().map(|&c| pairs(c)).sum();
    } else {
        let mut table: HashMap<(u32, u32), u64> = HashMap::new();
        for (&i, &j) in a.iter().zip(b) {
            *table.entry((i, j)).or_insert(0) += 1;
        }
        for &c in table.values() {
            index += pairs(c);
        }
    }
    for (&i, &j) in a.iter().zip(b) {
        row_counts[i as usize] += 1;
        col_counts[j as usize] += 1;
    }
    let sum_a: i128 = row_counts.iter().map(|&c| pairs(c)).sum();
    let sum_b: i128 = col_counts.iter().map(|&c| pairs(c)).sum();
    let total = pairs(a.len() as u64);
    // ARI = (index − E) / (max − E) with E = sum_a·sum_b / total, max = (sum_a + sum_b) / 2,
    // multiplied through by 2·total to stay in integers.
    let numerator = 2 * (index * total - sum_a * sum_b);
    let denominator = (sum_a + sum_b) * total - 2 * sum_a * sum_b;
    if denominator == 0 {
        return 1.0;
    }
    numerator as f64 / denominator as f64
}

/// Labels as contingency-table indices, and how many there are (the largest plus one). Segment
/// numbers are small and are used as they are; larger labels are renumbered in order of first
/// appearance. Empty rows of the table add no pairs, so either way gives the same index.
fn compact(labels: &[u32]) -> (std::borrow::Cow<'_, [u32]>, usize) {
    let largest = labels.iter().copied().max().unwrap_or(0) as usize;
    if largest < DENSE_LABELS {
        return (std::borrow::Cow::Borrowed(labels), largest + 1);
    }
    let mut ids: HashMap<u32, u32> = HashMap::new();
    let mapped = labels
        .iter()
        .map(|l| {
            let next = ids.len() as u32;
            *ids.entry(*l).or_insert(next)
        })
        .collect();
    (std::borrow::Cow::Owned(mapped), ids.len())
}

/// Labels below this index the contingency table as they are.
const DENSE_LABELS: usize = 1 << 16;

/// Per-segment counts and sums taken relative to an origin per segment (the given centroids).
struct SegmentStats {
    p: usize,
    counts: Vec<u64>,
    origins: Vec<f64>,
    /// Σ (x − origin) per segment, k × p.
    shifted_sums: Vec<f64>,
    /// Σ ‖x − origin‖² per segment.
    shifted_squares: Vec<f64>,
}

impl SegmentStats {
    fn gather(data: &FeatureMatrix, labels: &[u32], centroids: &[f64], k: usize) -> Self {
        let p = data.cols();
        let origins = if centroids.len() == k * p {
            centroids.to_vec()
        } else {
            vec![0.0; k * p]
        };
        let (counts, sums) = reduce_rows(
            data,
            labels,
            || (vec![0u64; k], vec![0f64; k * (p + 1)]),
            |(counts, sums), row, segment| {
                counts[segment] += 1;
                let origin = &origins[segment * p..(segment + 1) * p];
                let slot = &mut sums[segment * (p + 1)..(segment + 1) * (p + 1)];
                let mut square = 0.0;
                for ((s, &x), o) in slot.iter_mut().zip(row).zip(origin) {
                    let d = f64::from(x) - o;
                    *s += d;
                    square += d * d;
                }
                slot[p] += square;
            },
            k,
        );
        let mut shifted_sums = Vec::with_capacity(k * p);
        let mut shifted_squares = Vec::with_capacity(k);
        for slot in sums.chunks_exact(p + 1) {
            shifted_sums.extend_from_slice(&slot[..p]);
            shifted_squares.push(slot[p]);
        }
        Self {
            p,
            counts,
            origins,
            shifted_sums,
            shifted_squares,
        }
    }

    fn present(&self) -> usize {
        self.counts.iter().filter(|&&c| c > 0).count()
    }

    fn customers(&self) -> usize {
        self.counts.iter().sum::<u64>() as usize
    }

    /// The mean of each segment (its origin when empty).
    fn means(&self) -> Vec<f64> {
        let p = self.p;
        let mut means = self.origins.clone();
        for (c, &count) in self.counts.iter().enumerate() {
            if count > 0 {
                for j in 0..p {
                    means[c * p + j] += self.shifted_sums[c * p + j] / count as f64;
                }
            }
        }
        means
    }

    /// The mean of all counted customers.
    fn overall_mean(&self) -> Vec<f64> {
        let p = self.p;
        let n = self.customers() as f64;
        let mut total = vec![0f64; p];
        for (c, &count) in self.counts.iter().enumerate() {
            let origin = &self.origins[c * p..(c + 1) * p];
            let shifted = &self.shifted_sums[c * p..(c + 1) * p];
            for ((t, o), s) in total.iter_mut().zip(origin).zip(shifted) {
                *t += o * count as f64 + s;
            }
        }
        total.iter().map(|t| t / n).collect()
    }
}

/// Fold every customer with a label below `k` into per-work-unit accumulators, merged in order.
fn reduce_rows<T: Send + Merge>(
    data: &FeatureMatrix,
    labels: &[u32],
    init: impl Fn() -> T + Sync,
    step: impl Fn(&mut T, &[f32], usize) + Sync,
    k: usize,
) -> T {
    let p = data.cols();
    let mut total = init();
    if p == 0 {
        return total;
    }
    let parts: Vec<T> = data
        .values()
        .par_chunks(ROW_CHUNK * p)
        .zip(labels.par_chunks(ROW_CHUNK))
        .map(|(rows, labels)| {
            let mut acc = init();
            for (row, &segment) in rows.chunks_exact(p).zip(labels) {
                if (segment as usize) < k {
                    step(&mut acc, row, segment as usize);
                }
            }
            acc
        })
        .collect();
    for part in parts {
        total.merge(part);
    }
    total
}

/// Element-wise addition of accumulators.
trait Merge {
    fn merge(&mut self, other: Self);
}

impl Merge for Vec<f64> {
    fn merge(&mut self, other: Self) {
        for (a, b) in self.iter_mut().zip(other) {
            *a += b;
        }
    }
}

impl Merge for Vec<u64> {
    fn merge(&mut self, other: Self) {
        for (a, b) in self.iter_mut().zip(other) {
            *a += b;
        }
    }
}

impl<A: Merge, B: Merge> Merge for (A, B) {
    fn merge(&mut self, other: Self) {
        self.0.merge(other.0);
        self.1.merge(other.1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ari_known_values() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[0, 0, 1, 1]), 1.0);
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[1, 1, 0, 0]), 1.0);
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 2, 2], &[7, 7, 3, 9, 9]), 1.0);
        // scikit-learn's documented examples.
        assert!(
            (adjusted_rand_index(&[0, 0, 1, 1], &[0, 0, 1, 2]) - 0.571_428_571_428_571_4).abs()
                < 1e-15
        );
        assert!(
            (adjusted_rand_index(&[0, 0, 1, 2], &[0, 0, 1, 1]) - 0.571_428_571_428_571_4).abs()
                < 1e-15
        );
        assert!((adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]) + 0.5).abs() < 1e-15);
        assert!(adjusted_rand_index(&[0, 0, 0, 0], &[0, 1, 2, 3]).abs() < 1e-15);
        assert!(adjusted_rand_index(&[0, 1], &[0]).is_nan());
        // Labels too large for the renumbering table take the hash map: same answers.
        let far = |labels: &[u32]| -> Vec<u32> { labels.iter().map(|l| l + 100_000).collect() };
        let (a, b) = ([0, 0, 1, 1, 2, 2, 2], [0, 0, 1, 2, 2, 2, 1]);
        assert_eq!(
            adjusted_rand_index(&far(&a), &b),
            adjusted_rand_index(&a, &b)
        );
        assert_eq!(
            adjusted_rand_index(&a, &far(&b)),
            adjusted_rand_index(&a, &b)
        );
        let (small, rows) = compact(&[5, 2, 5, 9]);
        assert_eq!((small.as_ref(), rows), (&[5, 2, 5, 9][..], 10));
        let far_labels = far(&[5, 2, 5, 9]);
        let (large, rows) = compact(&far_labels);
        assert_eq!((large.as_ref(), rows), (&[0, 1, 0, 2][..], 3));
    }

    /// Two segments on a plane; reference values from scikit-learn 1.9.1:
    /// `calinski_harabasz_score(X, y)` and `davies_bouldin_score(X, y)`.
    #[test]
    fn calinski_harabasz_and_davies_bouldin_match_scikit_learn() {
        let points = [
            [0.0, 0.0],
            [1.0, 0.0],
            [0.0, 2.0],
            [1.0, 1.0],
            [5.0, 5.0],
            [6.0, 5.0],
            [5.0, 7.0],
            [7.0, 6.5],
            [3.0, 3.0],
        ];
        let labels = [0, 0, 0, 0, 1, 1, 1, 1, 0];
        let values: Vec<f32> = points.iter().flatten().copied().collect();
        let data = FeatureMatrix::new(9, 2, values).expect("shape");
        // Deliberately off centroids: the metrics must use the actual segment means.
        let centroids = [0.5, 0.5, 5.5, 6.0];
        let ch = calinski_harabasz(&data, &labels, &centroids, 2);
        let db = davies_bouldin(&data, &labels, &centroids, 2);
        assert!((ch - CH_REFERENCE).abs() < 1e-10 * CH_REFERENCE, "{ch}");
        assert!((db - DB_REFERENCE).abs() < 1e-12, "{db}");
        assert_eq!(ch, calinski_harabasz(&data, &labels, &[], 2));
        let s = silhouette(&data, &labels, 2, 0, 0);
        assert!((s.mean - SILHOUETTE_REFERENCE).abs() < 1e-12, "{}", s.mean);
    }

    const CH_REFERENCE: f64 = 36.875_176_043_288_12;
    const DB_REFERENCE: f64 = 0.388_570_095_761_006_1;
    /// `silhouette_score(X, y)` for the same points.
    const SILHOUETTE_REFERENCE: f64 = 0.656_929_801_907_172_8;
}
