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
use super::lloyd::{CentroidPack, NO_SEGMENT, PassMode, assign_pass, exact_distance};
use super::panels::{CHUNK_PANELS, CHUNK_ROWS, LANES, Panels};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, Ordering};
use thiserror::Error;

pub use super::linfa_model::{SegmentKMeans, SegmentModel, ValidSegmentKMeans};
pub use super::seeding::{kmeans_plus_plus, run_seed};

/// How one k-means fit runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KMeansSettings {
    /// Number of segments.
    pub k: usize,
    /// Most Lloyd iterations per run.
    pub max_iter: usize,
    /// Stop when the centroids moved (sum of squared moves) by at most this share of the mean
    /// feature variance (scikit-learn's `tol`).
    pub tolerance: f64,
}

impl Default for KMeansSettings {
    fn default() -> Self {
        Self {
            k: 4,
            max_iter: 300,
            tolerance: 1e-4,
        }
    }
}

/// Why a k-means fit cannot run.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum KMeansError {
    #[error("the number of segments must be at least 1 (got 0)")]
    NoSegments,
    #[error("the iteration limit must be at least 1 (got 0)")]
    NoIterations,
    #[error("the tolerance must be a finite number ≥ 0 (got {0})")]
    BadTolerance(f64),
    #[error("there are no features to segment on; map at least one numeric column")]
    NoFeatures,
    #[error("{customers} customers cannot form {segments} segments; lower k or add customers")]
    TooFewCustomers { customers: usize, segments: usize },
}

impl KMeansSettings {
    /// Check the settings against the data once, before any run.
    pub fn validate(&self, data: &FeatureMatrix) -> Result<(), KMeansError> {
        if self.k == 0 {
            return Err(KMeansError::NoSegments);
        }
        if self.max_iter == 0 {
            return Err(KMeansError::NoIterations);
        }
        if !self.tolerance.is_finite() || self.tolerance < 0.0 {
            return Err(KMeansError::BadTolerance(self.tolerance));
        }
        if data.cols() == 0 {
            return Err(KMeansError::NoFeatures);
        }
        if data.rows() < self.k {
            return Err(KMeansError::TooFewCustomers {
                customers: data.rows(),
                segments: self.k,
            });
        }
        Ok(())
    }
}

/// One k-means run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KMeansRun {
    /// The k-means++ seed (0 for runs started from given centroids).
    pub seed: u64,
    /// k × p, row-major: the mean of each segment's customers.
    pub centroids: Vec<f64>,
    /// Each customer's segment, nearest to the final centroids.
    pub labels: Vec<u32>,
    /// Σ ‖x − c‖² over customers, in f64 with exact differences.
    pub inertia: f64,
    /// Lloyd iterations made.
    pub iterations: usize,
    /// Whether the run stopped on the tolerance (or on unchanged labels) before `max_iter`.
    pub converged: bool,
}

/// Run Lloyd iterations from the given centroids (k × p, row-major).
///
/// Returns `None` when `cancel` is raised (checked before every iteration) or when `init` does
/// not hold k × p values or k is 0. Call [`KMeansSettings::validate`] first for a readable reason.
pub fn fit_from(
    data: &FeatureMatrix,
    init: Vec<f64>,
    settings: &KMeansSettings,
    cancel: &AtomicBool,
) -> Option<KMeansRun> {
    let panels = Panels::new(data);
    let tolerance = settings.tolerance * panels.mean_variance();
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
    let panels = Panels::new(data);
    let tolerance = settings.tolerance * panels.mean_variance();
    seeds
        .par_iter()
        .map(|&seed| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let init = super::seeding::plus_plus(&panels, settings.k, seed);
            let mut run = lloyd(&panels, init, settings, tolerance, cancel)?;
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
    let (n, p) = (data.rows(), data.cols());
    if k == 0 || centroids.len() != k * p {
        return (Vec::new(), f64::NAN);
    }
    if p == 0 {
        return (vec![0; n], 0.0);
    }
    let panels = Panels::new(data);
    let pack = CentroidPack::new(centroids, k, p);
    let mut labels = vec![NO_SEGMENT; n];
    let totals = assign_pass(
        &panels,
        &pack,
        &mut labels,
        &mut [],
        &mut [],
        PassMode::Score,
    );
    (labels, totals.inertia)
}

/// Lloyd iterations over prepared panels; `tolerance` is already absolute.
fn lloyd(
    panels: &Panels,
    init: Vec<f64>,
    settings: &KMeansSettings,
    tolerance: f64,
    cancel: &AtomicBool,
) -> Option<KMeansRun> {
    let (n, p, k) = (panels.rows(), panels.cols(), settings.k);
    if k == 0 || init.len() != k * p {
        return None;
    }
    if p == 0 || n == 0 {
        let run = KMeansRun {
            seed: 0,
            centroids: init,
            labels: vec![0; n],
            inertia: 0.0,
            iterations: 0,
            converged: true,
        };
        return Some(run);
    }
    let mut centroids = init;
    let mut labels = vec![NO_SEGMENT; n];
    let mut counts = vec![0i64; k];
    let mut sums = vec![0f64; k * p];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < settings.max_iter {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let pack = CentroidPack::new(&centroids, k, p);
        let pass = assign_pass(
            panels,
            &pack,
            &mut labels,
            &mut counts,
            &mut sums,
            PassMode::Update,
        );
        iterations += 1;
        let relocated =
            relocate_empty_segments(panels, &centroids, &mut labels, &mut counts, &mut sums);
        let next = segment_means(&sums, &counts, &centroids, p);
        let shift: f64 = next
            .iter()
            .zip(&centroids)
            .map(|(a, b)| (a - b) * (a - b))
            .sum();
        centroids = next;
        if (pass.changed == 0 && !relocated) || shift <= tolerance {
            converged = true;
            break;
        }
    }
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    // Label with the final centroids and score exactly.
    let pack = CentroidPack::new(&centroids, k, p);
    let totals = assign_pass(
        panels,
        &pack,
        &mut labels,
        &mut [],
        &mut [],
        PassMode::Score,
    );
    Some(KMeansRun {
        seed: 0,
        centroids,
        labels,
        inertia: totals.inertia,
        iterations,
        converged,
    })
}

/// Coordinate sums over counts; a segment with no customers keeps its previous centroid.
fn segment_means(sums: &[f64], counts: &[i64], previous: &[f64], p: usize) -> Vec<f64> {
    let mut means = previous.to_vec();
    for ((mean, sum), &count) in means
        .chunks_exact_mut(p)
        .zip(sums.chunks_exact(p))
        .zip(counts)
    {
        if count > 0 {
            for (m, s) in mean.iter_mut().zip(sum) {
                *m = s / count as f64;
            }
        }
    }
    means
}

/// Empty segments (scikit-learn's rule): each empty segment, in segment order, takes the
/// customer farthest (exact f64 distance) from the centroid it was assigned with; farther
/// customers first, ties to the lower customer index. The customer's label, counts and sums move
/// with it. Returns whether anything moved.
fn relocate_empty_segments(
    panels: &Panels,
    centroids: &[f64],
    labels: &mut [u32],
    counts: &mut [i64],
    sums: &mut [f64],
) -> bool {
    let empty: Vec<usize> = (0..counts.len()).filter(|&c| counts[c] <= 0).collect();
    if empty.is_empty() {
        return false;
    }
    let p = panels.cols();
    let wanted = empty.len();
    let chunk_tops: Vec<Vec<(f64, usize)>> = labels
        .par_chunks(CHUNK_ROWS)
        .zip(panels.strips().par_chunks(CHUNK_PANELS * p))
        .enumerate()
        .map(|(chunk, (labels, strips))| {
            let mut top = Vec::with_capacity(wanted + 1);
            for (q, (panel, labels)) in strips.chunks_exact(p).zip(labels.chunks(LANES)).enumerate()
            {
                for (lane, &segment) in labels.iter().enumerate() {
                    let c = segment as usize * p;
                    let Some(centroid) = centroids.get(c..c + p) else {
                        continue;
                    };
                    let index = chunk * CHUNK_ROWS + q * LANES + lane;
                    keep_farthest(
                        &mut top,
                        (exact_distance(panel, lane, centroid), index),
                        wanted,
                    );
                }
            }
            top
        })
        .collect();
    let mut top = Vec::with_capacity(wanted + 1);
    for candidate in chunk_tops.into_iter().flatten() {
        keep_farthest(&mut top, candidate, wanted);
    }
    let mut moved = false;
    for (&segment, &(_, index)) in empty.iter().zip(&top) {
        let row = panels.row_f64(index);
        let from = labels[index] as usize;
        if let Some(count) = counts.get_mut(from) {
            *count -= 1;
            for (s, x) in sums[from * p..(from + 1) * p].iter_mut().zip(&row) {
                *s -= x;
            }
        }
        counts[segment] = 1;
        sums[segment * p..(segment + 1) * p].copy_from_slice(&row);
        labels[index] = segment as u32;
        moved = true;
    }
    moved
}

/// Insert into a list sorted by distance (descending) then index (ascending), keeping `limit`.
fn keep_farthest(top: &mut Vec<(f64, usize)>, candidate: (f64, usize), limit: usize) {
    let position = top
        .iter()
        .position(|&(d, i)| {
            candidate.0.total_cmp(&d).is_gt() || (candidate.0 == d && candidate.1 < i)
        })
        .unwrap_or(top.len());
    if position < limit {
        top.insert(position, candidate);
        top.truncate(limit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `k` well-separated Gaussian groups, shuffled.
    fn blobs(rows: usize, cols: usize, k: usize, seed: u64) -> FeatureMatrix {
        crate::generate::gaussian_blobs(rows, cols, k, 8.0, seed).expect("shape")
    }

    fn settings(k: usize) -> KMeansSettings {
        KMeansSettings {
            k,
            max_iter: 300,
            tolerance: 1e-4,
        }
    }

    #[test]
    fn same_bits_on_one_and_two_threads() {
        let data = blobs(20_000, 5, 4, 11);
        let seeds: Vec<u64> = (0..3).map(|run| run_seed(5, 4, run)).collect();
        let fit = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("pool");
            pool.install(|| fit_seeds(&data, &settings(4), &seeds, &AtomicBool::new(false), &|| {}))
                .expect("not cancelled")
        };
        let (one, two) = (fit(1), fit(2));
        for (a, b) in one.iter().zip(&two) {
            assert_eq!(a.labels, b.labels);
            assert_eq!(a.inertia.to_bits(), b.inertia.to_bits());
            assert_eq!(a.iterations, b.iterations);
            let bits = |run: &KMeansRun| {
                run.centroids
                    .iter()
                    .map(|c| c.to_bits())
                    .collect::<Vec<_>>()
            };
            assert_eq!(bits(a), bits(b));
        }
        let plus_plus = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("pool");
            pool.install(|| kmeans_plus_plus(&data, 4, 77))
        };
        assert_eq!(plus_plus(1), plus_plus(2));
    }

    #[test]
    fn runs_find_the_groups_and_scoring_agrees() {
        let data = blobs(5_000, 3, 3, 2);
        let seeds = [1, 2, 3];
        let done = std::sync::atomic::AtomicUsize::new(0);
        let runs = fit_seeds(
            &data,
            &settings(3),
            &seeds,
            &AtomicBool::new(false),
            &|| {
                done.fetch_add(1, Ordering::Relaxed);
            },
        )
        .expect("not cancelled");
        assert_eq!(done.load(Ordering::Relaxed), 3);
        assert_eq!(runs.iter().map(|r| r.seed).collect::<Vec<_>>(), seeds);
        let best = &runs[best_run(&runs)];
        assert!(best.converged);
        // Unit-variance groups: inertia ≈ rows × cols.
        assert!(
            (best.inertia / (5_000.0 * 3.0) - 1.0).abs() < 0.1,
            "{}",
            best.inertia
        );
        let (labels, inertia) = assign(&data, &best.centroids, 3);
        assert_eq!(labels, best.labels);
        assert_eq!(inertia.to_bits(), best.inertia.to_bits());
    }

    #[test]
    fn empty_segment_takes_the_farthest_customer() {
        let data = blobs(1_000, 2, 2, 4);
        // The third centroid is far from everyone: it starts empty.
        let mut init = kmeans_plus_plus(&data, 2, 1);
        init.extend([1e6, 1e6]);
        let run = fit_from(&data, init, &settings(3), &AtomicBool::new(false)).expect("run");
        let mut counts = [0usize; 3];
        for &l in &run.labels {
            counts[l as usize] += 1;
        }
        assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
        assert!(run.centroids.iter().all(|c| c.abs() < 100.0));
    }

    #[test]
    fn cancel_and_bad_shapes_give_none() {
        let data = blobs(100, 2, 2, 4);
        let init = kmeans_plus_plus(&data, 2, 1);
        assert!(fit_from(&data, init.clone(), &settings(2), &AtomicBool::new(true)).is_none());
        assert!(
            fit_from(
                &data,
                init[..3].to_vec(),
                &settings(2),
                &AtomicBool::new(false)
            )
            .is_none()
        );
        assert!(fit_seeds(&data, &settings(2), &[1, 2], &AtomicBool::new(true), &|| {}).is_none());
        assert_eq!(assign(&data, &init[..3], 2).0.len(), 0);
    }

    #[test]
    fn degenerate_data_does_not_panic() {
        let settings = settings(3);
        let cancel = AtomicBool::new(false);
        // Every customer identical: k-means++ can only pick duplicates.
        let same = FeatureMatrix::new(50, 2, vec![1.5; 100]).expect("shape");
        let runs = fit_seeds(&same, &settings, &[1, 2], &cancel, &|| {}).expect("runs");
        assert!(
            runs.iter()
                .all(|r| r.inertia == 0.0 && r.labels.len() == 50)
        );
        // Fewer customers than segments, and a missing value.
        let tiny = FeatureMatrix::new(2, 2, vec![0.0, 1.0, f32::NAN, 3.0]).expect("shape");
        let runs = fit_seeds(&tiny, &settings, &[1], &cancel, &|| {}).expect("runs");
        assert_eq!(runs[0].labels.len(), 2);
        let empty = FeatureMatrix::new(0, 2, Vec::new()).expect("shape");
        let runs = fit_seeds(&empty, &settings, &[1], &cancel, &|| {}).expect("runs");
        assert!(runs[0].labels.is_empty());
        assert_eq!(assign(&empty, &[0.0; 6], 3).0.len(), 0);
    }

    #[test]
    fn validate_explains_bad_settings() {
        let data = blobs(3, 2, 1, 0);
        assert_eq!(settings(0).validate(&data), Err(KMeansError::NoSegments));
        assert_eq!(
            settings(4).validate(&data),
            Err(KMeansError::TooFewCustomers {
                customers: 3,
                segments: 4
            })
        );
        let bad = KMeansSettings {
            tolerance: -1.0,
            ..settings(2)
        };
        assert!(bad.validate(&data).is_err());
        assert!(settings(3).validate(&data).is_ok());
    }

    #[test]
    fn best_run_prefers_lowest_inertia_then_earliest() {
        let run = |inertia: f64| KMeansRun {
            seed: 0,
            centroids: vec![],
            labels: vec![],
            inertia,
            iterations: 1,
            converged: true,
        };
        assert_eq!(best_run(&[run(3.0), run(1.0), run(1.0), run(2.0)]), 1);
        assert_eq!(best_run(&[]), 0);
    }
}
