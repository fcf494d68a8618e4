//! The whole segmentation stage: scaler choice, the k sweep, the choice of k, and segments
//! numbered in a stable business order (by revenue, or by size without spend).

use super::choose::choose_k;
use super::prepare::SegmentationInput;
use super::scaler::{FittedScaler, ScalerKind};
use super::sweep::{KReport, evaluate_k};
use super::{FeatureMatrix, kmeans};
use crate::config::{ScalerChoice, ValidRunConfig};
use crate::progress::{Cancelled, Progress, Stage};
use rand::SeedableRng;
use rand::seq::index::sample;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Customers used to compare scalers under `--scaler auto`.
pub const SCALER_SAMPLE: usize = 5_000;

/// One scaler's result in the `auto` comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScalerReport {
    pub scaler: ScalerKind,
    pub k: usize,
    pub silhouette: f64,
    pub negative_pct: f64,
    /// 100 × silhouette − 2 × % negative.
    pub score: f64,
    pub chosen: bool,
}

/// The fitted segmentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segmentation {
    pub feature_names: Vec<String>,
    pub scaler: FittedScaler,
    /// Empty unless the scaler was chosen automatically.
    pub scaler_comparison: Vec<ScalerReport>,
    pub sweep: Vec<KReport>,
    pub k: usize,
    /// Why this k, in one sentence.
    pub k_reason: String,
    /// k × p centroids in scaled space, row-major, in segment order.
    pub centroids: Vec<f64>,
    /// Segment of each customer (0 = first segment in business order).
    pub labels: Vec<u32>,
    pub sizes: Vec<usize>,
    /// "revenue" or "size": how segments are numbered.
    pub order_by: String,
}

impl Segmentation {
    /// The report of the chosen k.
    pub fn chosen_report(&self) -> Option<&KReport> {
        self.sweep.iter().find(|r| r.k == self.k)
    }
}

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

/// Compare the three scalers on a sample; returns the chosen kind and the comparison.
fn choose_scaler(
    input: &SegmentationInput,
    config: &ValidRunConfig,
    progress: &Progress,
) -> Result<(ScalerKind, Vec<ScalerReport>), Cancelled> {
    let kinds = [ScalerKind::Standard, ScalerKind::Robust, ScalerKind::MinMax];
    let n = input.columns.first().map_or(0, Vec::len);
    let rows = sample_rows(n, SCALER_SAMPLE, config.seed);
    let sampled: Vec<Vec<f64>> = input
        .columns
        .iter()
        .map(|c| rows.iter().map(|&r| c[r]).collect())
        .collect();
    let slices: Vec<&[f64]> = sampled.iter().map(Vec::as_slice).collect();
    let ks = config.kmeans_sweep();
    let total = kinds.len() * ks.len();
    let mut reports = Vec::new();
    for (si, kind) in kinds.into_iter().enumerate() {
        let scaler = FittedScaler::fit(kind, &slices);
        let matrix = scaler.transform(&slices);
        let mut sweep = Vec::new();
        for (ki, settings) in ks.iter().enumerate() {
            progress.check()?;
            let cancel = progress.cancel_flag();
            let sample = config.silhouette_sample;
            sweep.push(evaluate_k(&matrix, settings, sample, cancel, &|| {})?.report);
            progress.report(
                Stage::Scaling,
                (si * ks.len() + ki + 1) as f64 / total as f64,
            );
        }
        let (k, _) = choose_k(&sweep, config.k, config.min_segment_share);
        if let Some(r) = sweep.iter().find(|r| r.k == k) {
            reports.push(ScalerReport {
                scaler: kind,
                k,
                silhouette: r.silhouette,
                negative_pct: r.negative_share * 100.0,
                score: r.score(),
                chosen: false,
            });
        }
    }
    let best = reports
        .iter()
        .enumerate()
        .fold(None::<(usize, f64)>, |best, (i, r)| match best {
            Some((_, s)) if s >= r.score => best,
            _ => Some((i, r.score)),
        })
        .map_or(0, |(i, _)| i);
    reports[best].chosen = true;
    Ok((reports[best].scaler, reports))
}

/// Run the segmentation stage. `order_key` is each customer's revenue, when known.
pub fn segment(
    input: &SegmentationInput,
    config: &ValidRunConfig,
    order_key: Option<&[f64]>,
    progress: &Progress,
) -> Result<Segmentation, Cancelled> {
    let slices = input.column_slices();
    let (kind, comparison) = match config.scaler {
        ScalerChoice::Auto => choose_scaler(input, config, progress)?,
        ScalerChoice::Standard => (ScalerKind::Standard, Vec::new()),
        ScalerChoice::Robust => (ScalerKind::Robust, Vec::new()),
        ScalerChoice::MinMax => (ScalerKind::MinMax, Vec::new()),
    };
    let scaler = FittedScaler::fit(kind, &slices);
    let matrix = scaler.transform(&slices);
    let ks = config.kmeans_sweep();
    let total_runs = (ks.len() * config.seeds) as f64;
    let done = AtomicUsize::new(0);
    let on_run_done = || {
        let d = done.fetch_add(1, Ordering::Relaxed) + 1;
        progress.report(Stage::Segmenting, d as f64 / total_runs);
    };
    let mut results = Vec::with_capacity(ks.len());
    for settings in ks {
        progress.check()?;
        results.push(evaluate_k(
            &matrix,
            settings,
            config.silhouette_sample,
            progress.cancel_flag(),
            &on_run_done,
        )?);
    }
    let sweep: Vec<KReport> = results.iter().map(|r| r.report.clone()).collect();
    let (k, k_reason) = choose_k(&sweep, config.k, config.min_segment_share);
    let chosen = results
        .into_iter()
        .find(|r| r.report.k == k)
        .ok_or(Cancelled)?;
    let (centroids, labels, sizes, order_by) =
        in_business_order(&matrix, chosen.best, k, order_key);
    Ok(Segmentation {
        feature_names: input.names.clone(),
        scaler,
        scaler_comparison: comparison,
        sweep,
        k,
        k_reason,
        centroids,
        labels,
        sizes,
        order_by,
    })
}

/// Renumber segments by revenue (descending), or by size where there is no spend.
fn in_business_order(
    matrix: &FeatureMatrix,
    run: kmeans::KMeansRun,
    k: usize,
    order_key: Option<&[f64]>,
) -> (Vec<f64>, Vec<u32>, Vec<usize>, String) {
    let p = matrix.cols();
    let mut sizes = vec![0usize; k];
    let mut revenue = vec![0f64; k];
    for (i, &l) in run.labels.iter().enumerate() {
        sizes[l as usize] += 1;
        if let Some(key) = order_key {
            revenue[l as usize] += key[i];
        }
    }
    let mut order: Vec<usize> = (0..k).collect();
    let order_by = if order_key.is_some() {
        order.sort_by(|&a, &b| {
            revenue[b]
                .total_cmp(&revenue[a])
                .then(sizes[b].cmp(&sizes[a]))
                .then(a.cmp(&b))
        });
        "revenue"
    } else {
        order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
        "size"
    };
    let mut new_of_old = vec![0u32; k];
    for (new, &old) in order.iter().enumerate() {
        new_of_old[old] = new as u32;
    }
    let labels = run.labels.iter().map(|&l| new_of_old[l as usize]).collect();
    let centroids = order
        .iter()
        .flat_map(|&old| run.centroids[old * p..(old + 1) * p].iter().copied())
        .collect();
    let sizes = order.iter().map(|&old| sizes[old]).collect();
    (centroids, labels, sizes, order_by.to_string())
}
