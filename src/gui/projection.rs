//! TEMPORARY: the 2-D segment map (principal components of the scaled segmentation
//! features) on a deterministic sample of at most `MAP_POINTS` customers, computed once per
//! analysis. Replace with the insights module's projection once it provides one.

use super::tokens::MAP_POINTS;
use crate::pipeline::Analysis;
use crate::segment::sample_rows;

/// Customers placed on the first two principal components, grouped by segment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SegmentMap {
    /// Points of each segment (PC1, PC2).
    pub series: Vec<Vec<[f64; 2]>>,
    /// For each point, the customer's row in the analysis (for tooltips).
    pub rows: Vec<Vec<usize>>,
    /// Each segment's centre on the map.
    pub centroids: Vec<[f64; 2]>,
    /// Percent of the variance each component explains.
    pub explained: [f64; 2],
    /// Customers drawn, and customers in the analysis.
    pub drawn: usize,
    pub total: usize,
}

impl SegmentMap {
    pub fn compute(analysis: &Analysis) -> SegmentMap {
        let seg = &analysis.segmentation;
        let columns = &analysis.input.columns;
        let p = columns.len();
        let total = seg.labels.len();
        if p < 2 || total == 0 {
            return SegmentMap {
                total,
                ..SegmentMap::default()
            };
        }
        let rows = sample_rows(total, MAP_POINTS, analysis.config.seed);
        let scaled: Vec<Vec<f64>> = rows
            .iter()
            .map(|&r| {
                let raw: Vec<f64> = columns.iter().map(|c| c[r]).collect();
                seg.scaler
                    .transform_row(&raw)
                    .into_iter()
                    .map(f64::from)
                    .collect()
            })
            .collect();
        let m = scaled.len() as f64;
        let mut mean = vec![0.0; p];
        for row in &scaled {
            for (acc, v) in mean.iter_mut().zip(row) {
                *acc += v / m;
            }
        }
        let mut cov = vec![0.0; p * p];
        for row in &scaled {
            for i in 0..p {
                let di = row[i] - mean[i];
                for j in i..p {
                    cov[i * p + j] += di * (row[j] - mean[j]) / m;
                }
            }
        }
        for i in 0..p {
            for j in 0..i {
                cov[i * p + j] = cov[j * p + i];
            }
        }
        let trace: f64 = (0..p).map(|i| cov[i * p + i]).sum();
        let (v1, l1) = leading_eigenvector(&cov, p);
        for i in 0..p {
            for j in 0..p {
                cov[i * p + j] -= l1 * v1[i] * v1[j];
            }
        }
        let (v2, l2) = leading_eigenvector(&cov, p);
        let project = |x: &[f64]| -> [f64; 2] {
            let (mut a, mut b) = (0.0, 0.0);
            for i in 0..p {
                let d = x[i] - mean[i];
                a += d * v1[i];
                b += d * v2[i];
            }
            [a, b]
        };
        let mut series = vec![Vec::new(); seg.k];
        let mut point_rows = vec![Vec::new(); seg.k];
        for (row, x) in rows.iter().zip(&scaled) {
            let s = seg.labels[*row] as usize;
            series[s].push(project(x));
            point_rows[s].push(*row);
        }
        let centroids = seg.centroids.chunks_exact(p).map(project).collect();
        let share = |l: f64| if trace > 0.0 { 100.0 * l / trace } else { 0.0 };
        SegmentMap {
            series,
            rows: point_rows,
            centroids,
            explained: [share(l1), share(l2)],
            drawn: rows.len(),
            total,
        }
    }
}

/// The leading eigenvector (unit length, largest entry positive) and eigenvalue of a
/// symmetric p × p matrix, by power iteration.
fn leading_eigenvector(matrix: &[f64], p: usize) -> (Vec<f64>, f64) {
    let mut v: Vec<f64> = (0..p).map(|i| 1.0 + 0.01 * i as f64).collect();
    normalise(&mut v);
    let mut lambda = 0.0;
    for _ in 0..500 {
        let mut next = vec![0.0; p];
        for i in 0..p {
            next[i] = (0..p).map(|j| matrix[i * p + j] * v[j]).sum();
        }
        let norm = normalise(&mut next);
        let converged = next.iter().zip(&v).map(|(a, b)| (a - b).abs()).sum::<f64>() < 1e-10;
        v = next;
        lambda = norm;
        if converged || norm == 0.0 {
            break;
        }
    }
    let largest = v
        .iter()
        .copied()
        .fold(0.0_f64, |acc, x| if x.abs() > acc.abs() { x } else { acc });
    if largest < 0.0 {
        v.iter_mut().for_each(|x| *x = -*x);
    }
    (v, lambda)
}

fn normalise(v: &mut [f64]) -> f64 {
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    norm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_iteration_finds_the_main_axis() {
        // Variance 4 along x, 1 along y.
        let (v, l) = leading_eigenvector(&[4.0, 0.0, 0.0, 1.0], 2);
        assert!((l - 4.0).abs() < 1e-6);
        assert!((v[0] - 1.0).abs() < 1e-6 && v[1].abs() < 1e-6);
    }
}
