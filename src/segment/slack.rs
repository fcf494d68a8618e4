//! Panel slack (Hamerly's bounds, kept per panel of customers): how far the centroids may still
//! move before any customer of a panel could change segment. A Lloyd pass skips a panel whose
//! slack outlasts the centroids' last move, so labels, counts and sums stay exactly those of a
//! full pass while the late iterations, where few customers move, rank only the panels near a
//! segment boundary.
//!
//! For a customer x whose nearest centroid is s, the slack is `min over c ≠ s of ‖x − c‖ −
//! ‖x − c_s‖`, and a panel's slack the smallest of its customers'. When every centroid moves by
//! at most δ, ‖x − c_s‖ grows and every ‖x − c‖ shrinks by at most δ (triangle inequality), so
//! the slack shrinks by at most 2δ. While it stays positive, s stays the strict nearest
//! centroid, by a margin far beyond f64 rounding, so the exact f64 argmin is s too.
//!
//! The slack comes free from the kernel's f32 ranking (see `lloyd`): `‖x − c‖² − ‖x − c_s‖² =
//! 2(g_c − g_s) ≥ 2Δ` with `Δ = g_second − g_best − 2·tie` (the kernel's rounding margin `tie`
//! is four times the worst rounding of a `g`, so this allows it eight times over), and
//! `‖x − c‖ + ‖x − c_s‖ ≤ 2(√X + √C)` (X the panel's largest ‖x‖², C the largest ‖c‖²), so
//! the slack is at least `Δ / (√X + √C)`. A customer with a near tie gets none, and so does its
//! panel. Stored slack is rounded toward zero.

use super::lloyd::{CentroidPack, Ranked};

/// No slack: the panel is ranked on the next pass.
const CLOSED: f32 = -1.0;

/// The slack of every panel, and the largest move the centroids made since it was computed
/// (doubled: the slack a move can use up).
pub(crate) struct PanelSlack {
    values: Vec<f32>,
    drift: f64,
    /// Whether slack may be used at all (off only to test that using it changes nothing).
    pruning: bool,
    /// Panels skipped so far.
    skipped: usize,
}

impl PanelSlack {
    /// No panel has slack: every panel is ranked.
    pub(crate) fn closed(panels: usize) -> Self {
        Self {
            values: vec![CLOSED; panels],
            drift: 0.0,
            pruning: true,
            skipped: 0,
        }
    }

    /// Slack that is never used: every pass ranks every panel.
    #[cfg(test)]
    pub(crate) fn unused(panels: usize) -> Self {
        Self {
            pruning: false,
            ..Self::closed(panels)
        }
    }

    /// Panels skipped so far.
    #[cfg(test)]
    pub(crate) fn skipped(&self) -> usize {
        self.skipped
    }

    /// Forget every panel's slack (after labels changed outside a pass).
    pub(crate) fn close_all(&mut self) {
        self.values.fill(CLOSED);
    }

    /// Record that the centroids (k × p, row-major) moved from `from` to `to`.
    pub(crate) fn record_move(&mut self, from: &[f64], to: &[f64], p: usize) {
        let largest = from
            .chunks_exact(p.max(1))
            .zip(to.chunks_exact(p.max(1)))
            .map(|(a, b)| {
                let moved: f64 = a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum();
                moved.sqrt()
            })
            .fold(0.0, f64::max);
        self.drift = if self.pruning {
            2.0 * largest * (1.0 + 1e-9)
        } else {
            f64::INFINITY
        };
    }

    /// The per-panel values and the drift to take off them.
    pub(super) fn parts(&mut self) -> (&mut [f32], f64) {
        (&mut self.values, self.drift)
    }

    /// Count panels a pass skipped.
    pub(super) fn add_skipped(&mut self, panels: usize) {
        self.skipped += panels;
    }
}

/// The slack a panel keeps after the centroids' last move, or `None` when it must be ranked.
#[inline(always)]
pub(super) fn after_drift(slack: f32, drift: f64) -> Option<f32> {
    if !(slack > 0.0) {
        return None;
    }
    let left = f64::from(slack) - drift;
    (left > 0.0).then(|| toward_zero(left))
}

/// The slack of a freshly ranked panel whose customers have squared norms at most `norm_bound`:
/// `(min over lanes of (g_second − g_best) − 2·tie) / (√X + √C)`, rounded toward zero (see
/// the module comment). Padding lanes (zero customers) take part: their gap is a gap of the
/// zero point, so they can only lower the panel's slack.
#[inline(always)]
pub(super) fn of_panel(ranked: &Ranked, pack: &CentroidPack<'_>, norm_bound: f32, tie: f32) -> f32 {
    let mut gap = f32::INFINITY;
    for (&best, &second) in ranked.best.iter().zip(&ranked.second) {
        let lane = second - best;
        gap = if lane < gap { lane } else { gap };
    }
    let reach = f64::from(norm_bound).sqrt() + pack.largest_norm().sqrt();
    toward_zero((f64::from(gap) - 2.0 * f64::from(tie)) / reach)
}

/// `value` as f32, never above it; `CLOSED` when not positive.
#[inline(always)]
fn toward_zero(value: f64) -> f32 {
    if value > 0.0 {
        // f32 rounding moves a value by under 2⁻²⁴ of it, well inside the 10⁻⁶ taken off.
        (value * (1.0 - 1e-6)) as f32
    } else {
        CLOSED
    }
}

#[cfg(test)]
mod tests {
    use super::PanelSlack;
    use crate::config::KMeansParams;
    use crate::segment::FeatureMatrix;
    use crate::segment::iterate::lloyd_with;
    use crate::segment::panels::Panels;
    use crate::segment::seeding::plus_plus;
    use linfa::ParamGuard;
    use std::sync::atomic::AtomicBool;

    /// Every run on `data` (k 2..=7, three seeds each) is bit for bit the same with panels
    /// skipped on their slack as with every panel ranked; returns the panels skipped.
    fn same_runs_with_and_without_slack(data: &FeatureMatrix) -> usize {
        let panels = Panels::new(data);
        let cancel = AtomicBool::new(false);
        let mut skipped = 0;
        for k in 2..=7 {
            let settings = KMeansParams::new(k)
                .max_iter(300)
                .tolerance(1e-4)
                .check()
                .expect("valid settings");
            let tolerance = settings.tolerance() * panels.mean_variance();
            for seed in 0..3 {
                let init = plus_plus(&panels, k, seed);
                let mut used = PanelSlack::closed(panels.norm_bounds().len());
                let mut unused = PanelSlack::unused(panels.norm_bounds().len());
                let fast = lloyd_with(
                    &panels,
                    init.clone(),
                    &settings,
                    tolerance,
                    &cancel,
                    &mut used,
                );
                let full = lloyd_with(&panels, init, &settings, tolerance, &cancel, &mut unused);
                let (fast, full) = (fast.expect("not cancelled"), full.expect("not cancelled"));
                assert_eq!(fast, full, "k = {k}, seed {seed}");
                assert_eq!(unused.skipped(), 0);
                skipped += used.skipped();
                eprintln!(
                    "k {k} seed {seed}: {} iterations x {} panels, skipped {}",
                    full.iterations,
                    panels.norm_bounds().len(),
                    used.skipped()
                );
            }
        }
        skipped
    }

    /// Overlapping groups (many customers near a boundary, runs of tens of iterations).
    #[test]
    fn skipping_panels_changes_no_bit_of_overlapping_groups() {
        let data = crate::generate::gaussian_blobs(30_000, 6, 5, 1.5, 11).expect("shape");
        assert!(same_runs_with_and_without_slack(&data) > 10_000);
    }

    /// Values on a coarse grid: exact distance ties between centroids are common.
    #[test]
    fn skipping_panels_changes_no_bit_with_exact_ties() {
        let blobs = crate::generate::gaussian_blobs(20_000, 4, 4, 3.0, 5).expect("shape");
        let values: Vec<f32> = blobs.values().iter().map(|v| v.round()).collect();
        let data = FeatureMatrix::new(blobs.rows(), blobs.cols(), values).expect("shape");
        assert!(same_runs_with_and_without_slack(&data) > 0);
    }
}
