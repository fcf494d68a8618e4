//! The k-means assignment kernel: nearest centroid for every customer, GEMM-style in f32 over
//! panels, with near ties settled in exact f64 so labels equal a plain f64 argmin.
//!
//! For customer x and centroid c the kernel ranks `g = ½(‖c‖² − ‖c₀‖²) − x·(c − c₀)`, which is
//! half the squared distance to c minus half the squared distance to the first centroid c₀: one
//! dot product fewer than k, computed in f32 across the `LANES` customers of a panel (g = 0 for
//! c₀). With C the largest ‖c‖² and X the largest ‖x‖² of the panel, rounding moves each `g` by at
//! most `(p + 4)·2⁻²⁴·(X + C)`; when the two best centroids of a customer are closer than twice
//! that (times 2 for margin), the customer is re-ranked with exact f64 distances
//! `Σ (x_j − c_j)²`, summed in feature order. Ties go to the lower segment number.

use super::panels::{CHUNK_PANELS, CHUNK_ROWS, LANES, Panels, Strip, dot, dot_pair};
use rayon::prelude::*;

/// The label of a customer not yet assigned to any segment.
pub(crate) const NO_SEGMENT: u32 = u32::MAX;

/// f32 unit roundoff.
const F32_ROUNDOFF: f64 = 1.0 / 16_777_216.0;

/// Centroids prepared for the kernel: f32 offsets from the first centroid for ranking, f64 for
/// exact work.
pub(crate) struct CentroidPack<'a> {
    k: usize,
    p: usize,
    exact: &'a [f64],
    /// `c − c₀` for c = 1..k, (k − 1) × p.
    directions: Vec<f32>,
    /// `½(‖c‖² − ‖c₀‖²)` for c = 1..k.
    biases: Vec<f32>,
    largest_norm: f64,
    tie_scale: f64,
}

impl<'a> CentroidPack<'a> {
    /// `centroids` is k × p, row-major; k ≥ 1 and p ≥ 1.
    pub(crate) fn new(centroids: &'a [f64], k: usize, p: usize) -> Self {
        let rows: Vec<&[f64]> = centroids.chunks_exact(p.max(1)).collect();
        let norms: Vec<f64> = rows.iter().map(|c| c.iter().map(|v| v * v).sum()).collect();
        let mut directions = Vec::with_capacity(k.saturating_sub(1) * p);
        let mut biases = Vec::with_capacity(k.saturating_sub(1));
        if let Some((first, others)) = rows.split_first() {
            for (c, norm) in others.iter().zip(&norms[1..]) {
                directions.extend(c.iter().zip(*first).map(|(a, b)| (a - b) as f32));
                biases.push((0.5 * (norm - norms[0])) as f32);
            }
        }
        let largest_norm = norms.iter().copied().fold(0.0, f64::max);
        let tie_scale = 4.0 * (p as f64 + 4.0) * F32_ROUNDOFF;
        Self {
            k,
            p,
            exact: centroids,
            directions,
            biases,
            largest_norm,
            tie_scale,
        }
    }

    /// The f32 gap under which two centroids are re-ranked exactly, for a panel whose customers
    /// have squared norms at most `norm_bound`.
    #[inline]
    fn tie_margin(&self, norm_bound: f32) -> f32 {
        (self.tie_scale * (f64::from(norm_bound) + self.largest_norm)) as f32
    }
}

/// What a pass does besides labelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PassMode {
    /// Fold every label change into the segment counts and coordinate sums (a Lloyd step).
    Update,
    /// Sum the exact squared distance of every customer to its segment (final scoring).
    Score,
}

/// The totals of one pass over all customers.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PassTotals {
    /// Customers whose label changed.
    pub changed: usize,
    /// Σ ‖x − c‖² in f64 (only in `PassMode::Score`).
    pub inertia: f64,
}

/// What one fixed-size work unit changed.
#[derive(Default)]
struct ChunkOutcome {
    changed: usize,
    inertia: f64,
    counts: Vec<i64>,
    sums: Vec<f64>,
}

impl ChunkOutcome {
    fn record_move(&mut self, from: u32, to: u32, panel: &[Strip], lane: usize, k: usize) {
        let p = panel.len();
        if self.counts.is_empty() {
            self.counts = vec![0; k];
            self.sums = vec![0.0; k * p];
        }
        if let Some(count) = self.counts.get_mut(from as usize) {
            *count -= 1;
            let sums = &mut self.sums[from as usize * p..(from as usize + 1) * p];
            for (s, strip) in sums.iter_mut().zip(panel) {
                *s -= f64::from(strip[lane]);
            }
        }
        if let Some(count) = self.counts.get_mut(to as usize) {
            *count += 1;
            let sums = &mut self.sums[to as usize * p..(to as usize + 1) * p];
            for (s, strip) in sums.iter_mut().zip(panel) {
                *s += f64::from(strip[lane]);
            }
        }
    }
}

/// Label every customer with its nearest centroid, updating `labels` in place. In
/// `PassMode::Update` every move is folded into `counts` and `sums` (k and k × p long), so they
/// stay the per-segment count and coordinate sum of the current labels.
///
/// Work units have a fixed size and are merged in order: bit-identical at any thread count.
pub(crate) fn assign_pass(
    panels: &Panels,
    pack: &CentroidPack<'_>,
    labels: &mut [u32],
    counts: &mut [i64],
    sums: &mut [f64],
    mode: PassMode,
) -> PassTotals {
    let p = pack.p;
    let outcomes: Vec<ChunkOutcome> = labels
        .par_chunks_mut(CHUNK_ROWS)
        .zip(panels.strips().par_chunks(CHUNK_PANELS * p))
        .zip(panels.norm_bounds().par_chunks(CHUNK_PANELS))
        .map(|((labels, strips), bounds)| assign_chunk(strips, bounds, labels, pack, mode))
        .collect();
    let mut totals = PassTotals::default();
    for outcome in outcomes {
        totals.changed += outcome.changed;
        totals.inertia += outcome.inertia;
        for (c, d) in counts.iter_mut().zip(&outcome.counts) {
            *c += d;
        }
        for (s, d) in sums.iter_mut().zip(&outcome.sums) {
            *s += d;
        }
    }
    totals
}

super::simd::multiversion! {
    /// One work unit of [`assign_pass`].
    fn assign_chunk(
        strips: &[Strip],
        bounds: &[f32],
        labels: &mut [u32],
        pack: &CentroidPack<'_>,
        mode: PassMode,
    ) -> ChunkOutcome {
        let mut outcome = ChunkOutcome::default();
        let panels = strips
            .chunks_exact(pack.p)
            .zip(bounds)
            .zip(labels.chunks_mut(LANES));
        for ((panel, &bound), labels) in panels {
            let ranked = rank_panel(panel, pack);
            let tie = pack.tie_margin(bound);
            if !ranked.settled(labels, tie) {
                for (lane, slot) in labels.iter_mut().enumerate() {
                    let mut segment = ranked.nearest[lane];
                    if ranked.second[lane] - ranked.best[lane] <= tie {
                        segment = exact_nearest(panel, lane, pack);
                    }
                    if segment != *slot {
                        outcome.changed += 1;
                        if mode == PassMode::Update {
                            outcome.record_move(*slot, segment, panel, lane, pack.k);
                        }
                        *slot = segment;
                    }
                }
            }
            if mode == PassMode::Score {
                outcome.inertia += panel_inertia(panel, labels, pack);
            }
        }
        outcome
    }
}

/// The best and second-best `h` of each lane, and the segment giving the best.
struct Ranked {
    best: Strip,
    second: Strip,
    nearest: [u32; LANES],
}

impl Ranked {
    /// Fold one centroid's `g = bias − dot` into the two smallest so far. Strict `<` keeps
    /// the lower segment on ties; written as min/max/select so it stays in vector registers.
    #[inline(always)]
    fn update(&mut self, dot: &Strip, bias: f32, id: u32) {
        let lanes = self
            .best
            .iter_mut()
            .zip(self.second.iter_mut())
            .zip(self.nearest.iter_mut())
            .zip(dot);
        for (((best, second), nearest), &d) in lanes {
            let h = bias - d;
            let closer = h < *best;
            let larger = if h > *best { h } else { *best };
            *second = if larger < *second { larger } else { *second };
            // A bit mask rather than a branch, so the select vectorises.
            let mask = 0u32.wrapping_sub(u32::from(closer));
            *nearest = (id & mask) | (*nearest & !mask);
            *best = if closer { h } else { *best };
        }
    }

    /// True when a full panel keeps every label and has no near tie: nothing to do.
    #[inline(always)]
    fn settled(&self, labels: &[u32], tie: f32) -> bool {
        if labels.len() != LANES {
            return false;
        }
        let mut unsettled = false;
        let lanes = self
            .nearest
            .iter()
            .zip(labels)
            .zip(self.best.iter().zip(&self.second));
        for ((&nearest, &label), (&best, &second)) in lanes {
            unsettled |= (nearest != label) | (second - best <= tie);
        }
        !unsettled
    }
}

/// The hot loop: (k − 1) × p broadcast multiply-adds over `LANES` customers, two centroids at a
/// time (eight independent accumulator chains), then the two-smallest update.
#[inline(always)]
fn rank_panel(panel: &[Strip], pack: &CentroidPack<'_>) -> Ranked {
    // Segment 0 is the reference: g = 0 for every customer.
    let mut ranked = Ranked {
        best: [0.0; LANES],
        second: [f32::INFINITY; LANES],
        nearest: [0; LANES],
    };
    let p = pack.p;
    let mut pairs = pack.directions.chunks_exact(2 * p);
    let mut id = 1;
    for pair in &mut pairs {
        let (a, b) = pair.split_at(p);
        let (dot_a, dot_b) = super::simd::at_width!(dot_pair(panel, a, b));
        ranked.update(&dot_a, pack.biases[id - 1], id as u32);
        ranked.update(&dot_b, pack.biases[id], id as u32 + 1);
        id += 2;
    }
    let last = pairs.remainder();
    if !last.is_empty() {
        ranked.update(
            &super::simd::at_width!(dot(panel, last)),
            pack.biases[id - 1],
            id as u32,
        );
    }
    ranked
}

/// Σ over the panel's customers of the exact f64 `Σ_j (x_j − c_j)²` (features in order, the
/// same value per customer as `exact_distance`), added in customer order. Four customers at a
/// time, so four independent f64 chains are in flight.
fn panel_inertia(panel: &[Strip], labels: &[u32], pack: &CentroidPack<'_>) -> f64 {
    let p = pack.p;
    let centroid = |lane: usize| -> &[f64] {
        let segment = labels
            .get(lane)
            .map_or(0, |&l| (l as usize).min(pack.k - 1));
        &pack.exact[segment * p..(segment + 1) * p]
    };
    let mut sum = 0.0;
    for base in (0..labels.len()).step_by(4) {
        let (c0, c1, c2, c3) = (
            centroid(base),
            centroid(base + 1),
            centroid(base + 2),
            centroid(base + 3),
        );
        let mut totals = [0f64; 4];
        let features = panel.iter().zip(c0).zip(c1).zip(c2).zip(c3);
        for ((((strip, &v0), &v1), &v2), &v3) in features {
            let x = &strip[base..base + 4];
            let d = [
                f64::from(x[0]) - v0,
                f64::from(x[1]) - v1,
                f64::from(x[2]) - v2,
                f64::from(x[3]) - v3,
            ];
            for (t, d) in totals.iter_mut().zip(d) {
                *t += d * d;
            }
        }
        for &t in &totals[..(labels.len() - base).min(4)] {
            sum += t;
        }
    }
    sum
}

/// Σ_j (x_j − c_j)² in f64, in feature order.
#[inline]
pub(crate) fn exact_distance(panel: &[Strip], lane: usize, centroid: &[f64]) -> f64 {
    let mut total = 0.0;
    for (strip, &c) in panel.iter().zip(centroid) {
        let d = f64::from(strip[lane]) - c;
        total += d * d;
    }
    total
}

/// The nearest centroid by exact f64 distance; ties go to the lower segment number.
fn exact_nearest(panel: &[Strip], lane: usize, pack: &CentroidPack<'_>) -> u32 {
    let mut best = f64::INFINITY;
    let mut nearest = 0u32;
    for (segment, centroid) in pack.exact.chunks_exact(pack.p).enumerate() {
        let d = exact_distance(panel, lane, centroid);
        if d < best {
            best = d;
            nearest = segment as u32;
        }
    }
    nearest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::FeatureMatrix;
    use rand::{Rng, SeedableRng};
    use rand_xoshiro::Xoshiro256PlusPlus;

    /// Customers a few f32 ulps from the plane halfway between two centroids, far from the
    /// origin: f32 ranking alone gets some wrong, the exact re-ranking must not.
    #[test]
    fn near_ties_follow_the_exact_f64_argmin() {
        let (p, n) = (13, 20_000);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
        let base: Vec<f64> = (0..p).map(|_| rng.gen_range(20.0..30.0)).collect();
        let c0: Vec<f64> = base.iter().map(|b| b + rng.gen_range(-5.0..5.0)).collect();
        let c1: Vec<f64> = base.iter().map(|b| b + rng.gen_range(-5.0..5.0)).collect();
        let far: Vec<f64> = base.iter().map(|b| b + 50.0).collect();
        let centroids: Vec<f64> = [c0.clone(), c1.clone(), far].concat();
        let e: Vec<f64> = c1.iter().zip(&c0).map(|(a, b)| a - b).collect();
        let e2: f64 = e.iter().map(|v| v * v).sum();
        let mut values = Vec::with_capacity(n * p);
        for _ in 0..n {
            // A random point of the bisecting plane, nudged across it by at most 1e-5.
            let v: Vec<f64> = (0..p).map(|_| rng.gen_range(-2.0..2.0)).collect();
            let along = v.iter().zip(&e).map(|(a, b)| a * b).sum::<f64>() / e2;
            let nudge = rng.gen_range(-1e-5..1e-5) / e2.sqrt();
            for j in 0..p {
                let mid = 0.5 * (c0[j] + c1[j]);
                values.push((mid + v[j] - along * e[j] + nudge * e[j]) as f32);
            }
        }
        let data = FeatureMatrix::new(n, p, values).expect("shape");
        let panels = Panels::new(&data);
        let pack = CentroidPack::new(&centroids, 3, p);
        let mut labels = vec![NO_SEGMENT; n];
        let totals = assign_pass(
            &panels,
            &pack,
            &mut labels,
            &mut [],
            &mut [],
            PassMode::Score,
        );
        let mut inertia = 0.0;
        for (i, &label) in labels.iter().enumerate() {
            let x: Vec<f64> = data.row(i).iter().map(|&v| f64::from(v)).collect();
            let d = |c: &[f64]| x.iter().zip(c).map(|(a, b)| (a - b) * (a - b)).sum::<f64>();
            let (d0, d1) = (d(&c0), d(&c1));
            assert_eq!(label, u32::from(d1 < d0), "customer {i}: {d0} vs {d1}");
            inertia += d0.min(d1);
        }
        assert!((totals.inertia - inertia).abs() <= 1e-12 * inertia);
    }
}
