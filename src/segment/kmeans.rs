//! k-means segmentation: Lloyd iterations from k-means++ starts, many seeds in parallel, and
//! scoring new customers against saved centroids. Results are bit-identical at any thread count.
//!
//! How a run goes (scikit-learn's Lloyd, made fast):
//! - The matrix is regrouped once per fit into panels of 16 customers (`panels`), shared by all
//!   seeds. Every pass walks fixed-size work units in parallel and merges their partial results
//!   in work-unit order, so the thread count never changes a bit of the result.
//! - Each iteration labels every customer with its nearest centroid (`lloyd`: f32 dot products,
//!   exact f64 re-ranking of near ties, so labels equal a plain f64 argmin), then moves the
//!   centroids to the mean of their customers. Per-segment counts and f64 coordinate sums are
//!   updated only for customers whose label changed.
//! - A segment left empty takes the customer farthest from its centroid (see
//!   `relocate_empty_segments`).
//! - The run stops when no label changed, when the centroids moved by at most
//!   `tolerance × mean feature variance` (sum of squared moves), or after `max_iter`
//!   iterations; a last pass labels every customer against the final centroids and sums the
//!   exact squared distances `Σ (x_j − c_j)²` in f64 for the inertia.

use super::FeatureMatrix;
pub use super::iterate::KMeansRun;
pub(crate) use super::iterate::assign_on;
use super::iterate::lloyd;
use super::panels::Panels;
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

pub use super::linfa_model::SegmentModel;
pub use super::seeding::{kmeans_plus_plus, run_seed};
pub use crate::config::{KMeansError, KMeansParams, KMeansSettings};

/// Run Lloyd iterations from the given centroids (k × p, row-major).
///
/// Returns `None` when `cancel` is raised (checked before every iteration) or when `init` does
/// not hold k × p values. [`KMeansSettings::check_shape`] gives a readable reason for data
/// that cannot form k segments.
pub fn fit_from(
    data: &FeatureMatrix,
    init: Vec<f64>,
    settings: &KMeansSettings,
    cancel: &AtomicBool,
) -> Option<KMeansRun> {
    let panels = Panels::new(data);
    let tolerance = settings.tolerance() * panels.mean_variance();
    lloyd(&panels, init, settings, tolerance, cancel)
}

/// Fit once per k-means++ seed, in parallel, and return the runs in seed order.
/// `on_run_done` is called after each finished run (from worker threads).
/// `None` when `cancel` is raised.
pub fn fit_seeds(
    data: &FeatureMatrix,
    settings: &KMeansSettings,
    seeds: &[u64],
    cancel: &AtomicBool,
    on_run_done: &(dyn Fn() + Sync),
) -> Option<Vec<KMeansRun>> {
    fit_seeds_on(&Panels::new(data), settings, seeds, cancel, on_run_done)
}

/// [`fit_seeds`] on a matrix already regrouped into panels.
pub(crate) fn fit_seeds_on(
    panels: &Panels,
    settings: &KMeansSettings,
    seeds: &[u64],
    cancel: &AtomicBool,
    on_run_done: &(dyn Fn() + Sync),
) -> Option<Vec<KMeansRun>> {
    let tolerance = settings.tolerance() * panels.mean_variance();
    seeds
        .par_iter()
        .map(|&seed| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let init = super::seeding::plus_plus(panels, settings.k(), seed);
            let mut run = lloyd(panels, init, settings, tolerance, cancel)?;
            run.seed = seed;
            on_run_done();
            Some(run)
        })
        .collect()
}

/// The run with the lowest inertia; ties go to the earliest run (0 for an empty list).
pub fn best_run(runs: &[KMeansRun]) -> usize {
    let mut best = 0;
    for (i, run) in runs.iter().enumerate() {
        if run.inertia.total_cmp(&runs[best].inertia).is_lt() {
            best = i;
        }
    }
    best
}

/// The nearest of `k` centroids (k × p, row-major) for every customer, and the total squared
/// distance. Labels equal an exact f64 argmin (ties to the lower segment). An empty label list
/// and NaN when `centroids` does not hold k × p values or k is 0.
pub fn assign(data: &FeatureMatrix, centroids: &[f64], k: usize) -> (Vec<u32>, f64) {
    assign_on(&Panels::new(data), centroids, k)
}

#[cfg(test)]
#[path = "kmeans_tests.rs"]
mod tests;
