//! The whole segmentation stage: scaler choice, the k sweep, the choice of k, and segments
//! numbered in a stable business order (by revenue, or by size without spend).

use super::FeatureMatrix;
use super::choose::{KRule, choose_k};
use super::prepare::SegmentationInput;
use super::sample::sample_rows;
use super::scaler::{FittedScaler, ScalerKind};
use super::split::OneFeatureSplit;
use super::sweep::{KReport, KResult, evaluate_k};
use crate::config::{ScalerChoice, ValidRunConfig};
use crate::progress::{Cancelled, Progress, Stage};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Customers used to compare scalers under `--scaler auto`.
pub const SCALER_SAMPLE: usize = 5_000;
/// A scaling in which one feature carries more than this share of the between-segment
/// variance is rejected by the dominance guard.
pub const DOMINANCE_LIMIT: f64 = 0.5;

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
    /// The feature carrying the largest share of the between-segment variance at this k.
    pub dominant_feature: String,
    /// Its share (0..1): n_s × (centroid − mean)² summed over segments, over all features.
    pub dominant_share: f64,
    /// Over [`DOMINANCE_LIMIT`]: rejected unless every scaler is.
    pub dominated: bool,
}

/// Every k of the sweep, its best run in business order, ready to switch to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentOption {
    pub k: usize,
    /// k × p centroids in scaled space, row-major, in segment order.
    pub centroids: Vec<f64>,
    pub labels: Vec<u32>,
    pub sizes: Vec<usize>,
    /// Per segment: mean best-match Jaccard across the other seeds (1 = never moves).
    pub segment_stability: Vec<f64>,
    /// The best one-feature rule for these segments (filled by the pipeline).
    pub split: Option<OneFeatureSplit>,
}

/// The fitted segmentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segmentation {
    pub feature_names: Vec<String>,
    pub scaler: FittedScaler,
    /// Empty unless the scaler was chosen automatically.
    pub scaler_comparison: Vec<ScalerReport>,
    pub sweep: Vec<KReport>,
    /// The k on display (the rule's, or the one the user switched to).
    pub k: usize,
    /// Why this k, in one sentence.
    pub k_reason: String,
    /// The k the rule picked, and its sentence.
    pub rule_k: usize,
    pub rule_reason: String,
    /// k × p centroids in scaled space, row-major, in segment order.
    pub centroids: Vec<f64>,
    /// Segment of each customer (0 = first segment in business order).
    pub labels: Vec<u32>,
    pub sizes: Vec<usize>,
    /// "revenue" or "size": how segments are numbered.
    pub order_by: String,
    /// Per segment of the k on display: mean best-match Jaccard across seeds.
    pub segment_stability: Vec<f64>,
    /// The best one-feature rule for the segments on display.
    pub split: Option<OneFeatureSplit>,
    /// Every k of the sweep, to switch to without re-running.
    pub options: Vec<SegmentOption>,
}

/// A segment whose best-match Jaccard across seeds is under this moves a lot between seeds.
pub const SEGMENT_STABLE: f64 = 0.7;

impl Segmentation {
    /// The report of the chosen k.
    pub fn chosen_report(&self) -> Option<&KReport> {
        self.sweep.iter().find(|r| r.k == self.k)
    }

    /// The k values one can switch to.
    pub fn switchable(&self) -> Vec<usize> {
        self.options.iter().map(|o| o.k).collect()
    }

    /// Show the sweep's best run at `k` instead (no re-run). False when `k` was not kept.
    pub fn switch_to(&mut self, k: usize) -> bool {
        let Some(option) = self.options.iter().find(|o| o.k == k) else {
            return false;
        };
        self.k = k;
        self.centroids = option.centroids.clone();
        self.labels = option.labels.clone();
        self.sizes = option.sizes.clone();
        self.segment_stability = option.segment_stability.clone();
        self.split = option.split.clone();
        self.k_reason = if k == self.rule_k {
            self.rule_reason.clone()
        } else {
            let detail = self
                .chosen_report()
                .map(|r| {
                    format!(
                        " (silhouette {:.3}, stability {:.2}, smallest segment {:.0}%)",
                        r.silhouette,
                        r.stability_mean,
                        r.smallest_share * 100.0
                    )
                })
                .unwrap_or_default();
            format!(
                "k = {k}: chosen by the user{detail}; the rule picks k = {}",
                self.rule_k
            )
        };
        true
    }
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
        let mut results = Vec::new();
        for (ki, settings) in ks.iter().enumerate() {
            progress.check()?;
            let cancel = progress.cancel_flag();
            let sample = config.silhouette_sample;
            results.push(evaluate_k(&matrix, settings, sample, cancel, &|| {})?);
            progress.report(
                Stage::Scaling,
                (si * ks.len() + ki + 1) as f64 / total as f64,
            );
        }
        let sweep: Vec<KReport> = results.iter().map(|r| r.report.clone()).collect();
        let (k, _) = choose_k(&sweep, rule_of(config));
        if let Some(result) = results.iter().find(|r| r.report.k == k) {
            let r = &result.report;
            let shares = between_shares(&matrix, &result.best.labels, k);
            let (top, share) = shares
                .iter()
                .enumerate()
                .fold((0, 0.0), |b, (j, &s)| if s > b.1 { (j, s) } else { b });
            reports.push(ScalerReport {
                scaler: kind,
                k,
                silhouette: r.silhouette,
                negative_pct: r.negative_share * 100.0,
                score: r.score(),
                chosen: false,
                dominant_feature: input.names.get(top).cloned().unwrap_or_default(),
                dominant_share: share,
                dominated: share > DOMINANCE_LIMIT,
            });
        }
    }
    // The dominance guard: a dominated scaling is rejected unless every one is, then the
    // least dominated is kept; among the rest, the best score.
    let all_dominated = reports.iter().all(|r| r.dominated);
    let best = reports
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.dominated || all_dominated)
        .fold(None::<(usize, &ScalerReport)>, |best, (i, r)| match best {
            Some((_, b)) if all_dominated && b.dominant_share <= r.dominant_share => best,
            Some((_, b)) if !all_dominated && b.score >= r.score => best,
            _ => Some((i, r)),
        })
        .map_or(0, |(i, _)| i);
    reports[best].chosen = true;
    Ok((reports[best].scaler, reports))
}

/// The rule's settings from the run's.
fn rule_of(config: &ValidRunConfig) -> KRule {
    KRule {
        choice: config.k,
        min_share: config.min_segment_share,
        range: config.decision_k,
    }
}

/// Each feature's share of the between-segment variance: Σ_s n_s (mean_s,f − mean_f)², over
/// the sum across features (0 everywhere when the segments do not differ).
pub fn between_shares(matrix: &FeatureMatrix, labels: &[u32], k: usize) -> Vec<f64> {
    let p = matrix.cols();
    let mut sums = vec![0f64; k * p];
    let mut counts = vec![0f64; k];
    for (i, &l) in labels.iter().enumerate() {
        let l = l as usize;
        counts[l] += 1.0;
        for (s, &x) in sums[l * p..(l + 1) * p].iter_mut().zip(matrix.row(i)) {
            *s += f64::from(x);
        }
    }
    let n: f64 = counts.iter().sum::<f64>().max(1.0);
    let overall: Vec<f64> = (0..p)
        .map(|j| (0..k).map(|s| sums[s * p + j]).sum::<f64>() / n)
        .collect();
    let between: Vec<f64> = (0..p)
        .map(|j| {
            (0..k)
                .filter(|&s| counts[s] > 0.0)
                .map(|s| counts[s] * (sums[s * p + j] / counts[s] - overall[j]).powi(2))
                .sum()
        })
        .collect();
    let total: f64 = between.iter().sum();
    if total <= 0.0 {
        return vec![0.0; p];
    }
    between.iter().map(|b| b / total).collect()
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
    let (k, k_reason) = choose_k(&sweep, rule_of(config));
    let mut order_by = String::new();
    let options: Vec<SegmentOption> = results
        .into_iter()
        .map(|r| {
            let (option, by) = in_business_order(&matrix, r, order_key);
            order_by = by;
            option
        })
        .collect();
    let mut segmentation = Segmentation {
        feature_names: input.names.clone(),
        scaler,
        scaler_comparison: comparison,
        sweep,
        k,
        k_reason: k_reason.clone(),
        rule_k: k,
        rule_reason: k_reason,
        centroids: Vec::new(),
        labels: Vec::new(),
        sizes: Vec::new(),
        order_by,
        segment_stability: Vec::new(),
        split: None,
        options,
    };
    if !segmentation.switch_to(k) {
        return Err(Cancelled);
    }
    Ok(segmentation)
}

/// Renumber a k's segments by revenue (descending), or by size where there is no spend.
fn in_business_order(
    matrix: &FeatureMatrix,
    result: KResult,
    order_key: Option<&[f64]>,
) -> (SegmentOption, String) {
    let (run, k) = (result.best, result.report.k);
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
    let option = SegmentOption {
        k,
        centroids,
        labels,
        sizes: order.iter().map(|&old| sizes[old]).collect(),
        segment_stability: order
            .iter()
            .map(|&old| result.segment_stability.get(old).copied().unwrap_or(1.0))
            .collect(),
        split: None,
    };
    (option, order_by.to_string())
}
