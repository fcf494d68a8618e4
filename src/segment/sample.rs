//! Deterministic row samples (seeded), shared by the scaler comparison, the one-feature-split
//! check and the customer map.

use rand::SeedableRng;
use rand::seq::index::sample;
use rand_xoshiro::Xoshiro256PlusPlus;

/// A deterministic sample of row indices (sorted), all rows when `n ≤ limit`.
pub(crate) fn sample_rows(n: usize, limit: usize, seed: u64) -> Vec<usize> {
    if n <= limit {
        return (0..n).collect();
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed ^ 0x5EED_5A3F_1E00_0001);
    let mut rows = sample(&mut rng, n, limit).into_vec();
    rows.sort_unstable();
    rows
}
