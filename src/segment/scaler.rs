//! Feature scaling before segmentation: standard (z-score), robust (median/IQR) and min–max,
//! fitted once on the customer columns and reusable on new customers.

use super::FeatureMatrix;
use crate::stats::quantile_in_place;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Which scaling to apply to every feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScalerKind {
    /// (x − mean) / standard deviation (population).
    Standard,
    /// (x − median) / interquartile range.
    Robust,
    /// (x − min) / (max − min).
    MinMax,
}

impl ScalerKind {
    pub const ALL: [ScalerKind; 3] = [ScalerKind::Standard, ScalerKind::Robust, ScalerKind::MinMax];

    pub fn name(self) -> &'static str {
        match self {
            ScalerKind::Standard => "standard",
            ScalerKind::Robust => "robust",
            ScalerKind::MinMax => "minmax",
        }
    }
}

/// A fitted scaler: `scaled = (x − center) / scale`, per feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FittedScaler {
    pub kind: ScalerKind,
    pub center: Vec<f64>,
    pub scale: Vec<f64>,
}

impl FittedScaler {
    /// Fit on one slice per feature. A zero (or non-finite) scale becomes 1.0, so a constant
    /// feature maps to 0; an empty column gets center 0 and scale 1.
    pub fn fit(kind: ScalerKind, columns: &[&[f64]]) -> FittedScaler {
        let (center, scale): (Vec<f64>, Vec<f64>) = columns
            .iter()
            .map(|column| fit_column(kind, column))
            .unzip();
        let scale = scale
            .into_iter()
            .map(|s| if s.is_finite() && s != 0.0 { s } else { 1.0 })
            .collect();
        FittedScaler {
            kind,
            center,
            scale,
        }
    }

    /// Scale whole columns into the segmentation matrix (one row per customer). The matrix has
    /// one column per fitted feature and as many rows as the shortest column given; a feature
    /// with no column given scales to 0.
    pub fn transform(&self, columns: &[&[f64]]) -> FeatureMatrix {
        let cols = self.center.len();
        let rows = columns
            .iter()
            .take(cols)
            .map(|c| c.len())
            .min()
            .unwrap_or(0);
        let mut values = vec![0f32; rows * cols];
        if cols > 0 {
            values
                .par_chunks_mut(cols * 4096)
                .enumerate()
                .for_each(|(block, out)| {
                    let first = block * 4096;
                    for (j, ((&center, &scale), column)) in
                        self.center.iter().zip(&self.scale).zip(columns).enumerate()
                    {
                        let source = &column[first..first + out.len() / cols];
                        for (row, &v) in out.chunks_exact_mut(cols).zip(source) {
                            row[j] = ((v - center) / scale) as f32;
                        }
                    }
                });
        }
        let Some(matrix) = FeatureMatrix::new(rows, cols, values) else {
            // `values` was allocated above with exactly rows × cols entries.
            unreachable!("the scaled matrix holds rows × cols values by construction")
        };
        matrix
    }

    /// Scale one customer (one value per fitted feature; missing values scale to 0).
    pub(crate) fn transform_row(&self, row: &[f64]) -> Vec<f32> {
        let mut scaled = vec![0f32; self.center.len()];
        for (out, ((&v, &center), &scale)) in scaled
            .iter_mut()
            .zip(row.iter().zip(&self.center).zip(&self.scale))
        {
            *out = ((v - center) / scale) as f32;
        }
        scaled
    }

    /// Back to the original units: `x = scaled · scale + center`.
    pub(crate) fn inverse_row(&self, scaled: &[f64]) -> Vec<f64> {
        scaled
            .iter()
            .zip(self.center.iter().zip(&self.scale))
            .map(|(&s, (&center, &scale))| s * scale + center)
            .collect()
    }
}

/// (center, scale) of one feature; scale may still be 0 here.
fn fit_column(kind: ScalerKind, column: &[f64]) -> (f64, f64) {
    if column.is_empty() {
        return (0.0, 1.0);
    }
    let n = column.len() as f64;
    match kind {
        ScalerKind::Standard => {
            let mean = column.iter().sum::<f64>() / n;
            let variance = column.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
            (mean, variance.sqrt())
        }
        ScalerKind::Robust => {
            let mut sorted = column.to_vec();
            let q1 = quantile_in_place(&mut sorted, 0.25);
            let median = quantile_in_place(&mut sorted, 0.5);
            let q3 = quantile_in_place(&mut sorted, 0.75);
            (median, q3 - q1)
        }
        ScalerKind::MinMax => {
            let min = column.iter().copied().fold(f64::INFINITY, f64::min);
            let max = column.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (min, max - min)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn standard_uses_population_deviation() {
        let column = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        let scaler = FittedScaler::fit(ScalerKind::Standard, &[&column]);
        assert!(close(scaler.center[0], 5.0));
        assert!(close(scaler.scale[0], 2.0));
        assert_eq!(scaler.transform_row(&[9.0]), vec![2.0]);
    }

    #[test]
    fn robust_uses_median_and_interquartile_range() {
        // numpy: percentile([1, 2, 3, 4, 10], [25, 50, 75]) = [2, 3, 4].
        let column = [10.0, 1.0, 4.0, 2.0, 3.0];
        let scaler = FittedScaler::fit(ScalerKind::Robust, &[&column]);
        assert!(close(scaler.center[0], 3.0));
        assert!(close(scaler.scale[0], 2.0));
        // Even count interpolates: percentile([1, 2, 3, 4], [25, 50, 75]) = [1.75, 2.5, 3.25].
        let even = FittedScaler::fit(ScalerKind::Robust, &[&[4.0, 3.0, 2.0, 1.0]]);
        assert!(close(even.center[0], 2.5));
        assert!(close(even.scale[0], 1.5));
    }

    #[test]
    fn minmax_maps_to_unit_interval_and_back() {
        let column = [3.0, -1.0, 7.0];
        let scaler = FittedScaler::fit(ScalerKind::MinMax, &[&column]);
        assert!(close(scaler.center[0], -1.0));
        assert!(close(scaler.scale[0], 8.0));
        let matrix = scaler.transform(&[&column]);
        assert_eq!(matrix.values(), &[0.5, 0.0, 1.0]);
        assert!(close(scaler.inverse_row(&[0.5])[0], 3.0));
    }

    #[test]
    fn constant_feature_gets_unit_scale() {
        for kind in ScalerKind::ALL {
            let scaler = FittedScaler::fit(kind, &[&[4.0, 4.0, 4.0]]);
            assert_eq!(scaler.scale, vec![1.0], "{}", kind.name());
            assert_eq!(scaler.transform_row(&[4.0]), vec![0.0]);
        }
    }

    #[test]
    fn transform_lays_out_rows_across_blocks() {
        let a: Vec<f64> = (0..10_000).map(|v| v as f64).collect();
        let b: Vec<f64> = (0..10_000).map(|v| -(v as f64)).collect();
        let scaler = FittedScaler {
            kind: ScalerKind::Standard,
            center: vec![0.0, 0.0],
            scale: vec![1.0, 2.0],
        };
        let matrix = scaler.transform(&[&a, &b]);
        assert_eq!((matrix.rows(), matrix.cols()), (10_000, 2));
        assert_eq!(matrix.row(9_999), &[9_999.0, -4_999.5]);
        assert_eq!(matrix.row(4_097), &[4_097.0, -2_048.5]);
    }
}
