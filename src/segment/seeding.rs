//! Where each k-means run starts: per-run seeds and greedy k-means++ (as in scikit-learn),
//! deterministic at any thread count.

use super::FeatureMatrix;
use super::panels::{CHUNK_PANELS, CHUNK_ROWS, LANES, Panels, Strip, dot, dot_pair, valid_lanes};
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
///
/// Each step makes one sweep over the customers: it folds the centroid chosen at the previous
/// step into the nearest-distance array and, in the same pass, totals `min(nearest, d(x, t))`
/// for every candidate `t`. Candidates are drawn from per-work-unit totals, re-deriving the
/// nearest distances of the one work unit that holds the draw.
pub(crate) fn plus_plus(panels: &Panels, k: usize, seed: u64) -> Vec<f64> {
    let (n, p) = (panels.rows(), panels.cols());
    if n == 0 || k == 0 || p == 0 {
        return vec![0.0; k * p];
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let trials = 2 + (k as f64).ln() as usize;
    let mut centroids = Vec::with_capacity(k * p);
    // Squared distance of every customer to its nearest folded-in centroid (0 for padding).
    let mut closest = vec![f32::INFINITY; n.div_ceil(LANES) * LANES];

    let first = rng.gen_range(0..n);
    centroids.extend(panels.row_f64(first));
    let first = Candidate::new(panels, first);
    let totals = sweep(panels, &mut closest, Some(&first), &[]);
    let mut chunk_totals: Vec<f64> = totals.iter().map(|chunk| chunk[0]).collect();
    let mut pending: Option<Candidate> = None;

    for _ in 1..k {
        let potential: f64 = chunk_totals.iter().sum();
        let candidates: Vec<Candidate> = (0..trials)
            .map(|_| {
                let target = rng.r#gen::<f64>() * potential;
                Candidate::new(
                    panels,
                    draw(panels, &closest, pending.as_ref(), &chunk_totals, target),
                )
            })
            .collect();
        let totals = sweep(panels, &mut closest, pending.as_ref(), &candidates);
        let potentials: Vec<f64> = (0..trials)
            .map(|t| totals.iter().map(|chunk| chunk[t + 1]).sum())
            .collect();
        let mut best = 0;
        for (t, &potential) in potentials.iter().enumerate() {
            if potential < potentials[best] {
                best = t;
            }
        }
        chunk_totals = totals.iter().map(|chunk| chunk[best + 1]).collect();
        centroids.extend(panels.row_f64(candidates[best].row));
        pending = candidates.into_iter().nth(best);
    }
    centroids
}

/// Panels summed in f32 before the totals move to f64.
const FLUSH_PANELS: usize = 8;

/// A customer proposed as the next centroid.
struct Candidate {
    row: usize,
    coords: Vec<f32>,
    norm: f32,
}

impl Candidate {
    fn new(panels: &Panels, row: usize) -> Self {
        let exact = panels.row_f64(row);
        let norm = exact.iter().map(|v| v * v).sum::<f64>() as f32;
        Self {
            row,
            coords: exact.into_iter().map(|v| v as f32).collect(),
            norm,
        }
    }
}

/// ‖x − c‖² from the expanded form `‖x‖² + ‖c‖² − 2 x·c` in f32, clamped at 0: plenty for
/// drawing and comparing candidates, and half the arithmetic of differences.
#[inline(always)]
fn expanded(dot: &Strip, norms: &[f32], candidate_norm: f32) -> Strip {
    let mut d2 = [0f32; LANES];
    for ((out, &d), &x2) in d2.iter_mut().zip(dot).zip(norms) {
        let v = (x2 + candidate_norm) - 2.0 * d;
        *out = if v > 0.0 { v } else { 0.0 };
    }
    d2
}

/// Nearest distances of one panel with `pending` folded in (padding lanes 0).
#[inline(always)]
fn folded(
    panel: &[Strip],
    norms: &[f32],
    near: &[f32],
    pending: Option<&Candidate>,
    valid: usize,
) -> Strip {
    let mut out = [0f32; LANES];
    out.copy_from_slice(near);
    if let Some(c) = pending {
        let d2 = expanded(
            &super::simd::at_width!(dot(panel, &c.coords)),
            norms,
            c.norm,
        );
        for (o, &d) in out.iter_mut().zip(&d2) {
            *o = if d < *o { d } else { *o };
        }
    }
    for o in &mut out[valid..] {
        *o = 0.0;
    }
    out
}

/// One pass: fold `pending` into `closest`, then total `min(closest, d(x, t))` per candidate.
/// Per work unit: `[Σ closest, Σ candidate 0, Σ candidate 1, …]`.
fn sweep(
    panels: &Panels,
    closest: &mut [f32],
    pending: Option<&Candidate>,
    candidates: &[Candidate],
) -> Vec<Vec<f64>> {
    let p = panels.cols();
    let rows = panels.rows();
    // Every dot product a panel needs, pending first, computed two at a time.
    let targets: Vec<&Candidate> = pending.into_iter().chain(candidates).collect();
    closest
        .par_chunks_mut(CHUNK_ROWS)
        .zip(panels.norms().par_chunks(CHUNK_ROWS))
        .zip(panels.strips().par_chunks(CHUNK_PANELS * p))
        .enumerate()
        .map(|(chunk, ((closest, norms), strips))| {
            let unit = WorkUnit {
                first_panel: chunk * CHUNK_PANELS,
                rows,
                p,
            };
            sweep_chunk(unit, closest, norms, strips, pending, candidates, &targets)
        })
        .collect()
}

/// Where a work unit sits in the matrix.
#[derive(Clone, Copy)]
struct WorkUnit {
    first_panel: usize,
    rows: usize,
    p: usize,
}

super::simd::multiversion! {
    /// One work unit of [`sweep`]: `[Σ closest, Σ candidate 0, Σ candidate 1, …]`.
    fn sweep_chunk(
        unit: WorkUnit,
        closest: &mut [f32],
        norms: &[f32],
        strips: &[Strip],
        pending: Option<&Candidate>,
        candidates: &[Candidate],
        targets: &[&Candidate],
    ) -> Vec<f64> {
        let first_candidate = usize::from(pending.is_some());
        // f32 lane sums over a few panels, flushed into f64: cheap and ample for sampling.
        let slots = candidates.len() + 1;
        let mut lane_totals = vec![[0f64; LANES]; slots];
        let mut recent = vec![[0f32; LANES]; slots];
        let mut dots = vec![[0f32; LANES]; targets.len()];
        let panels = strips
            .chunks_exact(unit.p)
            .zip(closest.chunks_exact_mut(LANES))
            .zip(norms.chunks_exact(LANES));
        let count = strips.len() / unit.p;
        for (q, ((panel, near), norms)) in panels.enumerate() {
            panel_dots(panel, targets, &mut dots);
            let mut folded = [0f32; LANES];
            folded.copy_from_slice(near);
            if let Some(c) = pending {
                folded = capped(&expanded(&dots[0], norms, c.norm), &folded);
            }
            let valid = valid_lanes(unit.rows, unit.first_panel + q);
            folded[valid..].fill(0.0);
            near.copy_from_slice(&folded);
            add_lanes(&mut recent[0], &folded);
            let scored = candidates.iter().zip(&dots[first_candidate..]);
            for ((candidate, dot), slot) in scored.zip(recent[1..].iter_mut()) {
                add_lanes(
                    slot,
                    &capped(&expanded(dot, norms, candidate.norm), &folded),
                );
            }
            if q % FLUSH_PANELS == FLUSH_PANELS - 1 || q + 1 == count {
                for (totals, partial) in lane_totals.iter_mut().zip(recent.iter_mut()) {
                    for (total, v) in totals.iter_mut().zip(partial.iter_mut()) {
                        *total += f64::from(*v);
                        *v = 0.0;
                    }
                }
            }
        }
        lane_totals.iter().map(|lanes| lanes.iter().sum()).collect()
    }
}

/// x·t for every target, two targets per pass over the panel.
#[inline(always)]
fn panel_dots(panel: &[Strip], targets: &[&Candidate], out: &mut [Strip]) {
    let mut pairs = targets.chunks_exact(2);
    let mut slots = out.chunks_exact_mut(2);
    for (pair, slot) in (&mut pairs).zip(&mut slots) {
        let (a, b) = super::simd::at_width!(dot_pair(panel, &pair[0].coords, &pair[1].coords));
        slot[0] = a;
        slot[1] = b;
    }
    if let ([last], [slot]) = (pairs.remainder(), slots.into_remainder()) {
        *slot = super::simd::at_width!(dot(panel, &last.coords));
    }
}

#[inline(always)]
fn add_lanes(total: &mut Strip, values: &Strip) {
    for (t, &v) in total.iter_mut().zip(values) {
        *t += v;
    }
}

/// Lane-wise `min(d2, near)`; padding lanes stay 0 because `near` is 0 there.
#[inline(always)]
fn capped(d2: &Strip, near: &Strip) -> Strip {
    let mut out = [0f32; LANES];
    for ((o, &d), &m) in out.iter_mut().zip(d2).zip(near) {
        *o = if d < m { d } else { m };
    }
    out
}

/// Nearest distances of every customer of work unit `chunk`, `pending` folded in.
fn chunk_distances(
    panels: &Panels,
    closest: &[f32],
    pending: Option<&Candidate>,
    chunk: usize,
) -> Vec<f32> {
    let p = panels.cols();
    let rows = panels.rows();
    let first_panel = chunk * CHUNK_PANELS;
    let last_panel = (first_panel + CHUNK_PANELS).min(rows.div_ceil(LANES));
    let mut out = Vec::with_capacity((last_panel - first_panel) * LANES);
    for q in first_panel..last_panel {
        let panel = &panels.strips()[q * p..(q + 1) * p];
        let lanes = q * LANES..(q + 1) * LANES;
        let valid = valid_lanes(rows, q);
        out.extend(folded(
            panel,
            &panels.norms()[lanes.clone()],
            &closest[lanes],
            pending,
            valid,
        ));
    }
    out
}

/// The first customer whose running total of nearest distances exceeds `target` (numpy's
/// `searchsorted` on the cumulative sum, taken work unit by work unit).
fn draw(
    panels: &Panels,
    closest: &[f32],
    pending: Option<&Candidate>,
    chunk_totals: &[f64],
    target: f64,
) -> usize {
    let rows = panels.rows();
    let mut prefix = 0.0;
    for (chunk, &total) in chunk_totals.iter().enumerate() {
        if prefix + total > target {
            let distances = chunk_distances(panels, closest, pending, chunk);
            let mut running = 0.0;
            for (i, &w) in distances.iter().enumerate() {
                running += f64::from(w);
                if prefix + running > target {
                    return chunk * CHUNK_ROWS + i;
                }
            }
            // Rounding: the work unit's lane-wise total ran past its row-by-row sum.
            if let Some(i) = distances.iter().rposition(|&w| w > 0.0) {
                return chunk * CHUNK_ROWS + i;
            }
        }
        prefix += total;
    }
    // Rounding left the target at the very end: the last customer with any weight.
    for chunk in (0..chunk_totals.len()).rev() {
        if chunk_totals[chunk] > 0.0 {
            let distances = chunk_distances(panels, closest, pending, chunk);
            if let Some(i) = distances.iter().rposition(|&w| w > 0.0) {
                return chunk * CHUNK_ROWS + i;
            }
        }
    }
    rows - 1
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
        let mut groups: Vec<i64> = centroids
            .chunks(2)
            .map(|c| (c[0] / 100.0).round() as i64)
            .collect();
        groups.sort_unstable();
        assert_eq!(groups, vec![0, 1, 2]);
        assert_eq!(centroids, kmeans_plus_plus(&data, 3, 7));
    }
}
