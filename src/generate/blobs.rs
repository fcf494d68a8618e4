//! Gaussian blobs: `k` groups of unit spread around random centres, the textbook data on which
//! a k-means answer is known. Used to check the segmentation kernel against references.

use crate::segment::FeatureMatrix;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// `rows` points in `cols` dimensions from `k` unit-spread Gaussian groups whose centres are
/// uniform in [−`half_width`, `half_width`]^cols, in random order; deterministic per `seed`.
/// `None` if `rows × cols` overflows.
pub fn gaussian_blobs(
    rows: usize,
    cols: usize,
    k: usize,
    half_width: f64,
    seed: u64,
) -> Option<FeatureMatrix> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let centers: Vec<f64> = (0..k * cols)
        .map(|_| rng.gen_range(-half_width..half_width))
        .collect();
    let mut values = Vec::with_capacity(rows * cols);
    for _ in 0..rows {
        let c = rng.gen_range(0..k);
        for j in 0..cols {
            let (u, v): (f64, f64) = (rng.r#gen::<f64>().max(1e-300), rng.r#gen());
            let normal = (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos();
            values.push((centers[c * cols + j] + normal) as f32);
        }
    }
    FeatureMatrix::new(rows, cols, values)
}
