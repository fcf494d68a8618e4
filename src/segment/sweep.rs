//! The k sweep: for each k, many seeded k-means runs, the best kept, and its quality
//! figures (inertia, silhouette, Calinski–Harabasz, Davies–Bouldin, smallest share, stability).

use super::FeatureMatrix;
use super::kmeans::{KMeansRun, KMeansSettings};
use super::linfa_model::{FitError, SeedRuns, SweepFit};
use super::metrics;
use crate::progress::Cancelled;
use linfa::DatasetBase;
use linfa::traits::Fit;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::atomic::AtomicBool;

/// Quality figures of the best run at one k.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KReport {
    pub k: usize,
    pub inertia: f64,
    pub silhouette: f64,
    /// Share (0..1) of customers with a negative silhouette.
    pub negative_share: f64,
    /// Customers the silhouette was computed on.
    pub silhouette_sample: usize,
    pub calinski_harabasz: f64,
    pub davies_bouldin: f64,
    /// The smallest segment's share of customers (0..1).
    pub smallest_share: f64,
    /// Mean adjusted Rand index between the best run and every other seed's run.
    pub stability_mean: f64,
    /// The lowest such adjusted Rand index.
    pub stability_min: f64,
    pub iterations: usize,
}

impl KReport {
    /// The reference system's score: 100 × silhouette − 2 × % negative silhouettes.
    pub fn score(&self) -> f64 {
        100.0 * self.silhouette - 2.0 * 100.0 * self.negative_share
    }
}

/// The best run at one k, with its report.
pub(crate) struct KResult {
    pub report: KReport,
    pub best: KMeansRun,
    /// Per segment of the best run: the mean over the other seeds of its best-match Jaccard.
    pub segment_stability: Vec<f64>,
}

/// Per segment of `best`: the mean over `others` of the largest Jaccard index between the
/// segment and any segment of that run (1.0 without other runs).
pub(crate) fn segment_stability(best: &[u32], others: &[&[u32]], k: usize) -> Vec<f64> {
    if others.is_empty() {
        return vec![1.0; k];
    }
    let mut sizes = vec![0usize; k];
    for &l in best {
        sizes[l as usize] += 1;
    }
    let mut total = vec![0f64; k];
    for other in others {
        let m = other.iter().map(|&l| l as usize + 1).max().unwrap_or(1);
        let mut table = vec![0usize; k * m];
        let mut other_sizes = vec![0usize; m];
        for (&a, &b) in best.iter().zip(other.iter()) {
            table[a as usize * m + b as usize] += 1;
            other_sizes[b as usize] += 1;
        }
        for (s, (sum, &size)) in total.iter_mut().zip(&sizes).enumerate() {
            let best_match = (0..m)
                .map(|t| {
                    let both = table[s * m + t];
                    let either = size + other_sizes[t] - both;
                    if either == 0 {
                        0.0
                    } else {
                        both as f64 / either as f64
                    }
                })
                .fold(0.0, f64::max);
            *sum += best_match;
        }
    }
    total.iter().map(|t| t / others.len() as f64).collect()
}

/// Fit and evaluate one k (its checked settings hold k, the seeds and the base seed),
/// through linfa's `Fit` on a view of the matrix. The silhouette samples `silhouette_sample`
/// customers at most.
pub(crate) fn evaluate_k(
    data: &FeatureMatrix,
    settings: &KMeansSettings,
    silhouette_sample: usize,
    cancel: &AtomicBool,
    on_run_done: &(dyn Fn() + Sync),
) -> Result<KResult, Cancelled> {
    let k = settings.k();
    let fit = SweepFit {
        settings,
        cancel,
        on_run_done,
    };
    let SeedRuns {
        runs,
        best: best_index,
    } = fit
        .fit(&DatasetBase::from(data.view()))
        // A sweep fit fails only when cancelled.
        .map_err(|_: FitError| Cancelled)?;
    let best = &runs[best_index];
    let others: Vec<&[u32]> = runs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best_index)
        .map(|(_, r)| r.labels.as_slice())
        .collect();
    let aris: Vec<f64> = others
        .par_iter()
        .map(|other| metrics::adjusted_rand_index(&best.labels, other))
        .collect();
    let (stability_mean, stability_min) = if aris.is_empty() {
        (1.0, 1.0)
    } else {
        (
            aris.iter().sum::<f64>() / aris.len() as f64,
            aris.iter().copied().fold(f64::INFINITY, f64::min),
        )
    };
    let mut sizes = vec![0usize; k];
    for &l in &best.labels {
        sizes[l as usize] += 1;
    }
    let n = data.rows().max(1);
    let smallest_share = sizes.iter().copied().min().unwrap_or(0) as f64 / n as f64;
    let sil = metrics::silhouette(data, &best.labels, k, silhouette_sample, settings.seed());
    let report = KReport {
        k,
        inertia: best.inertia,
        silhouette: sil.mean,
        negative_share: sil.negative_share,
        silhouette_sample: sil.sample_size,
        calinski_harabasz: metrics::calinski_harabasz(data, &best.labels, &best.centroids, k),
        davies_bouldin: metrics::davies_bouldin(data, &best.labels, &best.centroids, k),
        smallest_share,
        stability_mean,
        stability_min,
        iterations: best.iterations,
    };
    let segment_stability = segment_stability(&best.labels, &others, k);
    let best = runs.into_iter().nth(best_index).ok_or(Cancelled)?;
    Ok(KResult {
        report,
        best,
        segment_stability,
    })
}
