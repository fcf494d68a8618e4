//! The customer × feature matrix that segmentation reads: row-major f32 storage
//! (half the memory traffic of f64), with f64 accumulation in every kernel.

use ndarray::ArrayView2;
use serde::{Deserialize, Serialize};

/// A dense row-major matrix of scaled features.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureMatrix {
    rows: usize,
    cols: usize,
    values: Vec<f32>,
}

impl FeatureMatrix {
    /// Wrap row-major values; `None` when the length does not match.
    pub fn new(rows: usize, cols: usize, values: Vec<f32>) -> Option<Self> {
        (rows.checked_mul(cols) == Some(values.len())).then_some(Self { rows, cols, values })
    }

    /// Build from f64 column slices (one slice per feature, each `rows` long).
    pub fn from_columns(columns: &[&[f64]]) -> Option<Self> {
        let cols = columns.len();
        let rows = columns.first().map_or(0, |c| c.len());
        if columns.iter().any(|c| c.len() != rows) {
            return None;
        }
        let mut values = vec![0f32; rows * cols];
        for (j, column) in columns.iter().enumerate() {
            for (i, v) in column.iter().enumerate() {
                values[i * cols + j] = *v as f32;
            }
        }
        Some(Self { rows, cols, values })
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// All values, row-major.
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    /// The matrix as an ndarray view (no copy), as linfa's `DatasetBase` takes it.
    pub fn view(&self) -> ArrayView2<'_, f32> {
        // The shape matches the values by construction; the empty view is never reached.
        ArrayView2::from_shape((self.rows, self.cols), &self.values)
            .unwrap_or_else(|_| ArrayView2::from(&[] as &[[f32; 0]]))
    }

    /// One customer's features.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.values[i * self.cols..(i + 1) * self.cols]
    }

    /// A new matrix holding the given rows, in the given order.
    pub fn select_rows(&self, rows: &[usize]) -> FeatureMatrix {
        let mut values = Vec::with_capacity(rows.len() * self.cols);
        for &i in rows {
            values.extend_from_slice(self.row(i));
        }
        FeatureMatrix {
            rows: rows.len(),
            cols: self.cols,
            values,
        }
    }
}
