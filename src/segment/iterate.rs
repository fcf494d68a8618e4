//! One k-means run's Lloyd iterations over prepared panels: label, move the centroids to
//! their customers' means, relocate empty segments, stop on the tolerance or unchanged
//! labels, then label and score exactly against the final centroids.

use super::lloyd::{CentroidPack, NO_SEGMENT, PassMode, assign_pass, exact_distance};
use super::panels::{CHUNK_PANELS, CHUNK_ROWS, LANES, Panels};
use crate::config::KMeansSettings;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, Ordering};

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

/// Lloyd iterations over prepared panels; `tolerance` is already absolute.
pub(super) fn lloyd(
    panels: &Panels,
    init: Vec<f64>,
    settings: &KMeansSettings,
    tolerance: f64,
    cancel: &AtomicBool,
) -> Option<KMeansRun> {
    let (n, p, k) = (panels.rows(), panels.cols(), settings.k());
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
    while iterations < settings.max_iter() {
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
    // Label with the final centroids and score exactly: the same pass `assign` makes.
    let (labels, inertia) = assign_on(panels, &centroids, k);
    Some(KMeansRun {
        seed: 0,
        centroids,
        labels,
        inertia,
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

/// [`assign`] on a matrix already regrouped into panels.
pub(crate) fn assign_on(panels: &Panels, centroids: &[f64], k: usize) -> (Vec<u32>, f64) {
    let (n, p) = (panels.rows(), panels.cols());
    if k == 0 || centroids.len() != k * p {
        return (Vec::new(), f64::NAN);
    }
    if p == 0 {
        return (vec![0; n], 0.0);
    }
    let pack = CentroidPack::new(centroids, k, p);
    let mut labels = vec![NO_SEGMENT; n];
    let totals = assign_pass(
        panels,
        &pack,
        &mut labels,
        &mut [],
        &mut [],
        PassMode::Score,
    );
    (labels, totals.inertia)
}
