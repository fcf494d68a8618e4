//! Where each k-means run starts: per-run seeds and greedy k-means++ (as in scikit-learn),
//! deterministic at any thread count.

use super::FeatureMatrix;
use super::panels::{CHUNK_PANELS, CHUNK_ROWS, LANES, Panels, Strip, valid_lanes};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rayon::prelude::*;

/// The splitmix64 finaliser (Steele, Lea & Flood 2014): a bijection on u64 that spreads every
/// input bit over the whole output.
fn splitmix64(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The k-means++ seed of run `run` of the k = `k` fits made from `base_seed`:
/// `splitmix64(splitmix64(splitmix64(base_seed) ^ k) ^ run)`. Each argument passes through a
/// full splitmix64 round, so nearby inputs (run 0, 1, 2…; k 2, 3, 4…) give unrelated seeds,
/// and the same inputs always give the same seed on every platform.
pub fn run_seed(base_seed: u64, k: usize, run: usize) -> u64 {
    splitmix64(splitmix64(splitmix64(base_seed) ^ k as u64) ^ run as u64)
}

/// k-means++ starting centroids (k × p, row-major, f64): the first centroid is a uniformly
/// drawn customer; each next one is the best of `2 + ⌊ln k⌋` candidates drawn with probability
/// proportional to the squared distance to the nearest centroid so far, "best" meaning the one
/// that leaves the smallest total squared distance (scikit-learn's greedy k-means++).
/// Randomness comes from `Xoshiro256PlusPlus` seeded with `seed`.
pub fn kmeans_plus_plus(data: &FeatureMatrix, k: usize, seed: u64) -> Vec<f64> {
    plus_plus(&Panels::new(data), k, seed)
}

/// k-means++ over prepared panels (shared by every run of a fit).
pub(crate) fn plus_plus(panels: &Panels, k: usize, seed: u64) -> Vec<f64> {
    let (n, p) = (panels.rows(), panels.cols());
    if n == 0 || k == 0 || p == 0 {
        return vec![0.0; k * p];
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let trials = 2 + (k as f64).ln() as usize;
    let padded = n.div_ceil(LANES) * LANES;
    let mut centroids = Vec::with_capacity(k * p);
    // Squared distance of every customer to its nearest centroid so far (0 for padding).
    let mut closest = vec![f32::INFINITY; padded];
    let mut scratch = vec![0f32; padded * trials];

    let first = rng.gen_range(0..n);
    let first_row = row_f32(panels, first);
    let totals = trial_pass(panels, &closest, &[first_row], &mut scratch);
    let mut chunk_totals = adopt(&mut closest, &scratch, &totals, 1, 0);
    centroids.extend(panels.row_f64(first));

    for _ in 1..k {
        let potential: f64 = chunk_totals.iter().sum();
        let candidates: Vec<usize> = (0..trials)
            .map(|_| draw(&closest, &chunk_totals, rng.r#gen::<f64>() * potential, n))
            .collect();
        let rows: Vec<Vec<f32>> = candidates.iter().map(|&i| row_f32(panels, i)).collect();
        let totals = trial_pass(panels, &closest, &rows, &mut scratch);
        let potentials: Vec<f64> =
            (0..trials).map(|t| totals.iter().map(|chunk| chunk[t]).sum()).collect();
        let mut best = 0;
        for (t, &potential) in potentials.iter().enumerate() {
            if potential < potentials[best] {
                best = t;
            }
        }
        chunk_totals = adopt(&mut closest, &scratch, &totals, trials, best);
        centroids.extend(panels.row_f64(candidates[best]));
    }
    centroids
}

fn row_f32(panels: &Panels, i: usize) -> Vec<f32> {
    panels.row_f64(i).into_iter().map(|v| v as f32).collect()
}

/// For every candidate, `min(closest, ‖x − candidate‖²)` of every customer, written to
/// `scratch` (per work unit: candidate after candidate), and the per-work-unit totals.
fn trial_pass(
    panels: &Panels,
    closest: &[f32],
    candidates: &[Vec<f32>],
    scratch: &mut [f32],
) -> Vec<Vec<f64>> {
    let p = panels.cols();
    let rows = panels.rows();
    let trials = candidates.len();
    scratch
        .par_chunks_mut(trials * CHUNK_ROWS)
        .zip(closest.par_chunks(CHUNK_ROWS))
        .zip(panels.strips().par_chunks(CHUNK_PANELS * p))
        .enumerate()
        .map(|(chunk, ((out, closest), strips))| {
            let len = closest.len();
            let mut lane_totals = vec![[0f64; LANES]; trials];
            for (q, (panel, near)) in strips.chunks_exact(p).zip(closest.chunks_exact(LANES)).enumerate() {
                let valid = valid_lanes(rows, chunk * CHUNK_PANELS + q);
                for (t, candidate) in candidates.iter().enumerate() {
                    let start = t * len + q * LANES;
                    let dest = &mut out[start..start + LANES];
                    let d2 = squared_distances(panel, candidate);
                    for (lane, ((slot, &d), &n)) in dest.iter_mut().zip(&d2).zip(near).enumerate() {
                        *slot = if lane >= valid {
                            0.0
                        } else if d < n {
                            d
                        } else {
                            n
                        };
                    }
                    for (total, &v) in lane_totals[t].iter_mut().zip(dest.iter()) {
                        *total += f64::from(v);
                    }
                }
            }
            lane_totals.iter().map(|lanes| lanes.iter().sum()).collect()
        })
        .collect()
}

/// ‖x − candidate‖² in f32 (difference form) for the customers of a panel.
#[inline(always)]
fn squared_distances(panel: &[Strip], candidate: &[f32]) -> Strip {
    let mut d2 = [0f32; LANES];
    for (strip, &c) in panel.iter().zip(candidate) {
        for (d, &x) in d2.iter_mut().zip(strip) {
            let diff = x - c;
            *d += diff * diff;
        }
    }
    d2
}

/// Make candidate `best`'s distances the new `closest`; returns its per-work-unit totals.
fn adopt(
    closest: &mut [f32],
    scratch: &[f32],
    totals: &[Vec<f64>],
    trials: usize,
    best: usize,
) -> Vec<f64> {
    closest
        .par_chunks_mut(CHUNK_ROWS)
        .zip(scratch.par_chunks(trials * CHUNK_ROWS))
        .for_each(|(closest, out)| {
            let len = closest.len();
            closest.copy_from_slice(&out[best * len..(best + 1) * len]);
        });
    totals.iter().map(|chunk| chunk[best]).collect()
}

/// The first customer whose running total of `closest` exceeds `target` (numpy's
/// `searchsorted` on the cumulative sum, taken work unit by work unit).
fn draw(closest: &[f32], chunk_totals: &[f64], target: f64, rows: usize) -> usize {
    let mut prefix = 0.0;
    for (chunk, &total) in chunk_totals.iter().enumerate() {
        if prefix + total > target {
            let start = chunk * CHUNK_ROWS;
            let end = (start + CHUNK_ROWS).min(rows);
            let mut running = 0.0;
            let mut last_positive = None;
            for (i, &w) in closest[start..end].iter().enumerate() {
                running += f64::from(w);
                if w > 0.0 {
                    last_positive = Some(start + i);
                }
                if prefix + running > target {
                    return start + i;
                }
            }
            if let Some(i) = last_positive {
                return i;
            }
        }
        prefix += total;
    }
    // Rounding left the target at the very end: the last customer with any weight.
    closest[..rows].iter().rposition(|&w| w > 0.0).unwrap_or(rows - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_seeds_differ_and_repeat() {
        let a = run_seed(42, 6, 0);
        assert_eq!(a, run_seed(42, 6, 0));
        assert_ne!(a, run_seed(42, 6, 1));
        assert_ne!(a, run_seed(42, 7, 0));
        assert_ne!(a, run_seed(43, 6, 0));
    }

    #[test]
    fn plus_plus_picks_distinct_customers_from_separate_groups() {
        // Three tight groups far apart: k-means++ must pick one customer from each.
        let mut values = Vec::new();
        for i in 0..300 {
            let group = (i % 3) as f32 * 100.0;
            values.extend([group + (i % 7) as f32 * 0.01, -group]);
        }
        let data = FeatureMatrix::new(300, 2, values).expect("shape");
        let centroids = kmeans_plus_plus(&data, 3, 7);
        let mut groups: Vec<i64> = centroids.chunks(2).map(|c| (c[0] / 100.0).round() as i64).collect();
        groups.sort_unstable();
        assert_eq!(groups, vec![0, 1, 2]);
        assert_eq!(centroids, kmeans_plus_plus(&data, 3, 7));
    }
}
