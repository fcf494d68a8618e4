//! The k-means assignment kernel: nearest centroid for every customer, GEMM-style in f32 over
//! panels, with near ties settled in exact f64 so labels equal a plain f64 argmin.
//!
//! For customer x and centroid c the kernel ranks `h = ½‖c‖² − x·c` (the squared distance minus
//! the constant ½‖x‖², halved), computed in f32 across the `LANES` customers of a panel. Rounding
//! can move `h` by at most `½(p + 4)·2⁻²⁴·(‖x‖² + ‖c‖²)`; when the two best centroids of a
//! customer are closer than twice that (with a further factor 2 of margin), the customer is
//! re-ranked with exact f64 distances `Σ (x_j − c_j)²`, summed in feature order. Ties go to the
//! lower segment number.

use super::panels::{CHUNK_PANELS, CHUNK_ROWS, LANES, Panels, Strip};
use rayon::prelude::*;

/// The label of a customer not yet assigned to any segment.
pub(crate) const NO_SEGMENT: u32 = u32::MAX;

/// f32 unit roundoff.
const F32_ROUNDOFF: f64 = 1.0 / 16_777_216.0;

/// Centroids prepared for the kernel: f32 copies for ranking, f64 for exact work.
pub(crate) struct CentroidPack<'a> {
    k: usize,
    p: usize,
    exact: &'a [f64],
    coords: Vec<f32>,
    half_norms: Vec<f32>,
    largest_norm: f64,
    tie_scale: f64,
}

impl<'a> CentroidPack<'a> {
    /// `centroids` is k × p, row-major.
    pub(crate) fn new(centroids: &'a [f64], k: usize, p: usize) -> Self {
        let coords = centroids.iter().map(|&c| c as f32).collect();
        let norms: Vec<f64> = centroids.chunks_exact(p.max(1)).map(|c| c.iter().map(|v| v * v).sum()).collect();
        let half_norms = norms.iter().map(|&n| (0.5 * n) as f32).collect();
        let largest_norm = norms.iter().copied().fold(0.0, f64::max);
        let tie_scale = 2.0 * (p as f64 + 4.0) * F32_ROUNDOFF;
        Self { k, p, exact: centroids, coords, half_norms, largest_norm, tie_scale }
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

fn assign_chunk(
    strips: &[Strip],
    bounds: &[f32],
    labels: &mut [u32],
    pack: &CentroidPack<'_>,
    mode: PassMode,
) -> ChunkOutcome {
    let mut outcome = ChunkOutcome::default();
    let panels = strips.chunks_exact(pack.p).zip(bounds).zip(labels.chunks_mut(LANES));
    for ((panel, &bound), labels) in panels {
        let ranked = rank_panel(panel, pack);
        let tie = pack.tie_margin(bound);
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
            if mode == PassMode::Score {
                let c = segment as usize * pack.p;
                outcome.inertia += exact_distance(panel, lane, &pack.exact[c..c + pack.p]);
            }
        }
    }
    outcome
}

/// The best and second-best `h` of each lane, and the segment giving the best.
struct Ranked {
    best: Strip,
    second: Strip,
    nearest: [u32; LANES],
}

/// The hot loop: k × p broadcast multiply-adds over `LANES` customers, then a branch-free
/// two-smallest update. Fixed-width arrays let LLVM keep everything in vector registers.
#[inline(always)]
fn rank_panel(panel: &[Strip], pack: &CentroidPack<'_>) -> Ranked {
    let mut ranked = Ranked {
        best: [f32::INFINITY; LANES],
        second: [f32::INFINITY; LANES],
        nearest: [0; LANES],
    };
    let centroids = pack.coords.chunks_exact(pack.p).zip(&pack.half_norms);
    for (segment, (centroid, &half_norm)) in centroids.enumerate() {
        let mut dot = [0f32; LANES];
        for (strip, &c) in panel.iter().zip(centroid) {
            for (d, &x) in dot.iter_mut().zip(strip) {
                *d += x * c;
            }
        }
        let id = segment as u32;
        let lanes = ranked
            .best
            .iter_mut()
            .zip(ranked.second.iter_mut())
            .zip(ranked.nearest.iter_mut())
            .zip(&dot);
        for (((best, second), nearest), &d) in lanes {
            let h = half_norm - d;
            let closer = h < *best;
            let runner_up = if h < *second { h } else { *second };
            *second = if closer { *best } else { runner_up };
            *nearest = if closer { id } else { *nearest };
            *best = if closer { h } else { *best };
        }
    }
    ranked
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
