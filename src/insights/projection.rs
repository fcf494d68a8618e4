//! A 2-D PCA projection of customers in the segmentation space (scaled, capped features),
//! on a deterministic sample for large data, with the centroids projected alongside.

use super::InsightInputs;
use super::eigen::jacobi_eigen;
use crate::segment::sample_rows;
use serde::{Deserialize, Serialize};

/// Customers projected at most.
pub const PROJECTION_SAMPLE: usize = 5_000;

/// Up to this many features the full covariance is decomposed exactly (Jacobi); wider inputs
/// use a few subspace iterations, linear in customers and features.
pub(super) const EXACT_FEATURES: usize = 64;

/// One customer on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectedPoint {
    /// Index of the customer in the analysis.
    pub row: u32,
    pub segment: u32,
    pub x: f32,
    pub y: f32,
}

/// One segment's centroid on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectedCentroid {
    pub segment: usize,
    pub x: f64,
    pub y: f64,
}

/// The projection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// Customers in the data and on the map.
    pub customers: usize,
    pub sampled: usize,
    /// Share of the variance each axis explains, %.
    pub explained_pct: [f64; 2],
    /// Per axis: (feature, loading), in the segmentation's feature order.
    pub loadings: [Vec<(String, f64)>; 2],
    pub points: Vec<ProjectedPoint>,
    pub centroids: Vec<ProjectedCentroid>,
}

pub(super) fn project(inputs: &InsightInputs<'_>) -> Projection {
    let seg = inputs.segmentation;
    let columns = &inputs.input.columns;
    let p = columns.len();
    let n = seg.labels.len();
    // Wide inputs project fewer customers so the sample stays about 10 million values.
    let limit = (10_000_000 / p.max(1)).clamp(500, PROJECTION_SAMPLE);
    let rows = sample_rows(n, limit, inputs.seed);
    let mut row_buf = vec![0.0; p];
    let scaled: Vec<Vec<f64>> = rows
        .iter()
        .map(|&r| {
            for (slot, column) in row_buf.iter_mut().zip(columns) {
                *slot = column[r];
            }
            seg.scaler
                .transform_row(&row_buf)
                .into_iter()
                .map(f64::from)
                .collect()
        })
        .collect();
    let (means, axes, explained) = principal_axes(&scaled, p);
    let project_row = |v: &[f64]| -> (f64, f64) {
        let dot = |axis: &[f64]| {
            v.iter()
                .zip(&means)
                .zip(axis)
                .map(|((x, m), a)| (x - m) * a)
                .sum::<f64>()
        };
        (dot(&axes[0]), dot(&axes[1]))
    };
    let points = rows
        .iter()
        .zip(&scaled)
        .map(|(&r, v)| {
            let (x, y) = project_row(v);
            ProjectedPoint {
                row: r as u32,
                segment: seg.labels[r],
                x: x as f32,
                y: y as f32,
            }
        })
        .collect();
    let centroids = seg
        .centroids
        .chunks_exact(p.max(1))
        .take(seg.k)
        .enumerate()
        .map(|(s, c)| {
            let (x, y) = project_row(c);
            ProjectedCentroid { segment: s, x, y }
        })
        .collect();
    let loadings = [0, 1].map(|a| {
        inputs
            .input
            .names
            .iter()
            .zip(&axes[a])
            .map(|(name, l)| (name.clone(), *l))
            .collect()
    });
    Projection {
        customers: n,
        sampled: rows.len(),
        explained_pct: explained,
        loadings,
        points,
        centroids,
    }
}

/// Column means, the two leading principal axes (unit vectors, largest loading positive) and
/// the % of variance each explains.
fn principal_axes(rows: &[Vec<f64>], p: usize) -> (Vec<f64>, [Vec<f64>; 2], [f64; 2]) {
    let n = rows.len().max(1) as f64;
    let mut means = vec![0.0; p];
    for row in rows {
        for (m, v) in means.iter_mut().zip(row) {
            *m += v / n;
        }
    }
    let (values, vectors) = if p <= EXACT_FEATURES {
        jacobi_eigen(covariance(rows, &means, p), p)
    } else {
        super::projection_wide::leading_pairs(rows, &means, p)
    };
    let p_vectors = values.len();
    let total: f64 = if p <= EXACT_FEATURES {
        values.iter().map(|v| v.max(0.0)).sum()
    } else {
        super::projection_wide::total_variance(rows, &means)
    };
    let mut order: Vec<usize> = (0..p_vectors).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    let axis = |rank: usize| -> (Vec<f64>, f64) {
        let Some(&c) = order.get(rank) else {
            return (vec![0.0; p], 0.0);
        };
        let mut v: Vec<f64> = (0..p).map(|r| vectors[r * p_vectors + c]).collect();
        let largest = v
            .iter()
            .copied()
            .fold(0.0f64, |b, x| if x.abs() > b.abs() { x } else { b });
        if largest < 0.0 {
            v.iter_mut().for_each(|x| *x = -*x);
        }
        let share = if total > 0.0 {
            100.0 * values[c].max(0.0) / total
        } else {
            0.0
        };
        (v, share)
    };
    let (a0, e0) = axis(0);
    let (a1, e1) = axis(1);
    (means, [a0, a1], [e0, e1])
}

/// The covariance matrix (p × p, row-major) of centred rows.
fn covariance(rows: &[Vec<f64>], means: &[f64], p: usize) -> Vec<f64> {
    let n = rows.len().max(1) as f64;
    let mut cov = vec![0.0; p * p];
    for row in rows {
        for i in 0..p {
            let di = row[i] - means[i];
            for j in i..p {
                cov[i * p + j] += di * (row[j] - means[j]) / n;
            }
        }
    }
    for i in 0..p {
        for j in 0..i {
            cov[i * p + j] = cov[j * p + i];
        }
    }
    cov
}

#[cfg(test)]
pub(super) fn covariance_for_tests(rows: &[Vec<f64>], means: &[f64], p: usize) -> Vec<f64> {
    covariance(rows, means, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jacobi_finds_known_eigenpairs() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1, 1)/√2 and (1, −1)/√2.
        let (values, vectors) = jacobi_eigen(vec![2.0, 1.0, 1.0, 2.0], 2);
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        assert!((sorted[0] - 1.0).abs() < 1e-12 && (sorted[1] - 3.0).abs() < 1e-12);
        let big = if values[0] > values[1] { 0 } else { 1 };
        let h = std::f64::consts::FRAC_1_SQRT_2;
        assert!((vectors[big].abs() - h).abs() < 1e-12);
        assert!((vectors[2 + big].abs() - h).abs() < 1e-12);
    }

    #[test]
    fn principal_axis_follows_the_spread() {
        // Points along y = 2x with a little noise: the first axis is ~(1, 2)/√5.
        let rows: Vec<Vec<f64>> = (0..50)
            .map(|i| {
                let x = i as f64;
                vec![x, 2.0 * x + if i % 2 == 0 { 0.1 } else { -0.1 }]
            })
            .collect();
        let (_, axes, explained) = principal_axes(&rows, 2);
        assert!((axes[0][0] - 1.0 / 5f64.sqrt()).abs() < 1e-3);
        assert!((axes[0][1] - 2.0 / 5f64.sqrt()).abs() < 1e-3);
        assert!(explained[0] > 99.9);
    }
}
