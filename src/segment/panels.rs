//! The customer matrix regrouped for the k-means kernels: panels of `LANES` customers stored
//! feature-major, so every distance loop runs across customers in SIMD lanes.

use super::FeatureMatrix;
use rayon::prelude::*;

/// Customers per panel: one SIMD-friendly strip per feature.
pub(crate) const LANES: usize = 16;

/// Panels per parallel work unit. Work units have a fixed size, so every reduction is made of
/// the same partial sums, merged in the same order, whatever the thread count.
pub(crate) const CHUNK_PANELS: usize = 512;

/// Customers per parallel work unit.
pub(crate) const CHUNK_ROWS: usize = LANES * CHUNK_PANELS;

/// One feature of the `LANES` customers of a panel.
pub(crate) type Strip = [f32; LANES];

/// The feature matrix as panels of `LANES` customers (feature-major within a panel).
/// Rows past the end of the last panel are zero and never reported.
pub(crate) struct Panels {
    rows: usize,
    cols: usize,
    /// Panel `q` holds strips `q * cols .. (q + 1) * cols`; strip `j` is feature `j`.
    strips: Vec<Strip>,
    /// Per panel: an upper bound on the largest squared norm of its customers.
    norm_bounds: Vec<f32>,
    /// Per customer (padding included, 0 there): ‖x‖² rounded to f32.
    norms: Vec<f32>,
}

impl Panels {
    /// Regroup a row-major matrix into panels (parallel, exact copies).
    pub(crate) fn new(data: &FeatureMatrix) -> Self {
        Self::from_rows(data.rows(), data.cols(), data.values())
    }

    /// Regroup `rows × cols` row-major values (as a matrix or an ndarray holds them).
    pub(crate) fn from_rows(rows: usize, cols: usize, values: &[f32]) -> Self {
        let n_panels = rows.div_ceil(LANES);
        let mut norms = vec![0f32; n_panels * LANES];
        let mut norm_bounds = vec![0f32; n_panels];
        if cols == 0 {
            return Self {
                rows,
                cols,
                strips: Vec::new(),
                norm_bounds,
                norms,
            };
        }
        let mut strips = vec![[0f32; LANES]; n_panels * cols];
        strips
            .par_chunks_mut(cols)
            .zip(norm_bounds.par_iter_mut())
            .zip(norms.par_chunks_mut(LANES))
            .zip(values.par_chunks(LANES * cols))
            .for_each(|(((panel, bound), norms), source)| {
                for (lane, row) in source.chunks_exact(cols).enumerate() {
                    for (strip, &v) in panel.iter_mut().zip(row) {
                        strip[lane] = v;
                    }
                }
                let mut lane_norms = [0f64; LANES];
                for strip in panel.iter() {
                    for (norm, &v) in lane_norms.iter_mut().zip(strip) {
                        *norm += f64::from(v) * f64::from(v);
                    }
                }
                for (out, &norm) in norms.iter_mut().zip(&lane_norms) {
                    *out = norm as f32;
                }
                let largest = lane_norms.iter().copied().fold(0.0, f64::max);
                // Round up so the bound stays a bound after the f32 conversion.
                *bound = (largest * (1.0 + 1e-6)) as f32;
            });
        Self {
            rows,
            cols,
            strips,
            norm_bounds,
            norms,
        }
    }

    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    pub(crate) fn cols(&self) -> usize {
        self.cols
    }

    /// All strips, panel after panel.
    pub(crate) fn strips(&self) -> &[Strip] {
        &self.strips
    }

    pub(crate) fn norm_bounds(&self) -> &[f32] {
        &self.norm_bounds
    }

    /// ‖x‖² of every customer, panel by panel (`LANES` per panel, padding 0).
    pub(crate) fn norms(&self) -> &[f32] {
        &self.norms
    }

    /// Copy customer `i`'s features, widened to f64.
    pub(crate) fn row_f64(&self, i: usize) -> Vec<f64> {
        let panel = &self.strips[(i / LANES) * self.cols..(i / LANES + 1) * self.cols];
        panel
            .iter()
            .map(|strip| f64::from(strip[i % LANES]))
            .collect()
    }

    /// Population variance of each feature, averaged over features (two passes over fixed
    /// chunks, merged in order, so the value does not depend on the thread count).
    pub(crate) fn mean_variance(&self) -> f64 {
        let (n, p) = (self.rows, self.cols);
        if n == 0 || p == 0 {
            return 0.0;
        }
        let sums = self.column_reduce(|v, _| v);
        let means: Vec<f64> = sums.iter().map(|s| s / n as f64).collect();
        let squares = self.column_reduce(|v, j| {
            let d = v - means[j];
            d * d
        });
        squares.iter().sum::<f64>() / (n as f64 * p as f64)
    }

    /// Sum `term(value, feature)` over every customer, per feature (per-lane partial sums,
    /// padding weighted 0).
    fn column_reduce(&self, term: impl Fn(f64, usize) -> f64 + Sync) -> Vec<f64> {
        let p = self.cols;
        let rows = self.rows;
        let partials: Vec<Vec<[f64; LANES]>> = self
            .strips
            .par_chunks(CHUNK_PANELS * p)
            .enumerate()
            .map(|(chunk, block)| {
                let mut acc = vec![[0f64; LANES]; p];
                for (q, panel) in block.chunks_exact(p).enumerate() {
                    let valid = valid_lanes(rows, chunk * CHUNK_PANELS + q);
                    let mut weight = [0f64; LANES];
                    weight[..valid].fill(1.0);
                    for (j, (strip, lanes)) in panel.iter().zip(acc.iter_mut()).enumerate() {
                        for ((a, &v), &w) in lanes.iter_mut().zip(strip).zip(&weight) {
                            *a += w * term(f64::from(v), j);
                        }
                    }
                }
                acc
            })
            .collect();
        let mut total = vec![0f64; p];
        for part in partials {
            for (t, lanes) in total.iter_mut().zip(part) {
                *t += lanes.iter().sum::<f64>();
            }
        }
        total
    }
}

/// How many customers of panel `q` are real (the last panel may be partly padding).
#[inline]
pub(crate) fn valid_lanes(rows: usize, panel: usize) -> usize {
    rows.saturating_sub(panel * LANES).min(LANES)
}

/// x·a and x·b for every lane, in f32, features in order, compiled for `simd`'s width. Kept out
/// of line: inlined into the larger loops, LLVM splits the 16 lanes into half-width pieces
/// instead of 4 × 4. Call it through [`super::simd::at_width`].
#[inline(never)]
pub(crate) fn dot_pair<S: pulp::Simd>(
    simd: S,
    panel: &[Strip],
    a: &[f32],
    b: &[f32],
) -> (Strip, Strip) {
    simd.vectorize(
        #[inline(always)]
        || {
            let mut dot_a = [0f32; LANES];
            let mut dot_b = [0f32; LANES];
            for ((strip, &ca), &cb) in panel.iter().zip(a).zip(b) {
                for ((&x, da), db) in strip.iter().zip(dot_a.iter_mut()).zip(dot_b.iter_mut()) {
                    *da += x * ca;
                    *db += x * cb;
                }
            }
            (dot_a, dot_b)
        },
    )
}

/// x·c for every lane, in f32, features in order (same per-lane arithmetic as `dot_pair`).
#[inline(never)]
pub(crate) fn dot<S: pulp::Simd>(simd: S, panel: &[Strip], c: &[f32]) -> Strip {
    simd.vectorize(
        #[inline(always)]
        || {
            let mut dot = [0f32; LANES];
            for (strip, &cj) in panel.iter().zip(c) {
                for (&x, d) in strip.iter().zip(dot.iter_mut()) {
                    *d += x * cj;
                }
            }
            dot
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_hold_every_value_and_the_variance() {
        let values: Vec<f32> = (0..37 * 3).map(|v| v as f32 * 0.5).collect();
        let data = FeatureMatrix::new(37, 3, values).expect("shape");
        let panels = Panels::new(&data);
        for i in 0..37 {
            let row: Vec<f64> = data.row(i).iter().map(|&v| f64::from(v)).collect();
            assert_eq!(panels.row_f64(i), row);
        }
        // Column j holds 1.5 * i + 0.5 * j: variance 2.25 * var(0..37).
        let var_index = (37.0f64 * 37.0 - 1.0) / 12.0;
        assert!((panels.mean_variance() - 2.25 * var_index).abs() < 1e-9);
    }
}
