//! The run summary: the figures a person reads after a run (segment sizes and revenue
//! shares), shared by the CLI's text and JSON output.

use crate::pipeline::Analysis;
use serde::Serialize;

/// One segment's headline figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentHeadline {
    /// 1-based segment number as shown to people.
    pub segment: usize,
    pub customers: usize,
    pub customer_pct: f64,
    /// Total spend of the segment, when spend is mapped.
    pub revenue: Option<f64>,
    pub revenue_pct: Option<f64>,
}

/// Headline figures of every segment, in segment order; the revenue figures are the
/// insights' revenue contribution (absent when it is not available, e.g. without spend).
pub fn segment_headlines(analysis: &Analysis) -> Vec<SegmentHeadline> {
    let seg = &analysis.segmentation;
    let n = seg.labels.len().max(1) as f64;
    let revenue = analysis.insights.revenue.get();
    (0..seg.k)
        .map(|s| {
            let share = revenue.and_then(|r| r.segments.get(s));
            SegmentHeadline {
                segment: s + 1,
                customers: seg.sizes[s],
                customer_pct: 100.0 * seg.sizes[s] as f64 / n,
                revenue: share.map(|r| r.revenue),
                revenue_pct: share.map(|r| r.revenue_pct),
            }
        })
        .collect()
}

/// The JSON document of `sis run --json`.
#[derive(Debug, Serialize)]
pub struct RunDocument<'a> {
    pub run_id: &'a str,
    pub data_hash: &'a str,
    pub file_name: &'a str,
    pub customers: usize,
    pub mapping: Vec<MappingRow>,
    pub config: &'a crate::config::RunConfig,
    pub quality: &'a crate::validate::QualityReport,
    pub quality_actions: Vec<String>,
    pub families: &'a [crate::features::FamilyStatus],
    pub features_used: &'a [String],
    /// Every candidate feature: kept, log1p or held out, and why.
    pub feature_treatments: &'a [crate::validate::FeatureTreatment],
    /// The one-feature-split check in words (always given, warning or not).
    pub one_feature_split: Option<String>,
    pub segmentation: SegmentationSummary<'a>,
    pub segments: Vec<SegmentHeadline>,
    pub insights: &'a crate::insights::Insights,
    pub personas: &'a [crate::personas::Persona],
    pub decisions: Vec<crate::decisions::Decision>,
    /// Present when the run was matched to a previous model (`--previous`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<&'a crate::model::Alignment>,
    /// Model CLV (BG/NBD + Gamma-Gamma) per segment, for order lines.
    pub model_value: crate::insights::Availability<crate::insights::ModelValue>,
    /// RFM quintile groups × segments.
    pub rfm_groups: crate::insights::Availability<crate::insights::RfmView>,
}

/// The segmentation in JSON: the k on display with every field but the other k's runs
/// (their labels would repeat the customers once per k); the k one can switch to instead.
#[derive(Debug, Serialize)]
pub struct SegmentationSummary<'a> {
    pub feature_names: &'a [String],
    pub scaler: &'a crate::segment::FittedScaler,
    pub scaler_comparison: &'a [crate::segment::ScalerReport],
    pub sweep: &'a [crate::segment::KReport],
    pub k: usize,
    pub k_reason: &'a str,
    pub rule_k: usize,
    pub rule_reason: &'a str,
    pub centroids: &'a [f64],
    pub labels: &'a [u32],
    pub sizes: &'a [usize],
    pub order_by: &'a str,
    pub segment_stability: &'a [f64],
    pub split: Option<&'a crate::segment::OneFeatureSplit>,
    pub switchable_k: Vec<usize>,
}

impl<'a> SegmentationSummary<'a> {
    pub fn of(seg: &'a crate::segment::Segmentation) -> Self {
        SegmentationSummary {
            feature_names: &seg.feature_names,
            scaler: &seg.scaler,
            scaler_comparison: &seg.scaler_comparison,
            sweep: &seg.sweep,
            k: seg.k,
            k_reason: &seg.k_reason,
            rule_k: seg.rule_k,
            rule_reason: &seg.rule_reason,
            centroids: &seg.centroids,
            labels: &seg.labels,
            sizes: &seg.sizes,
            order_by: &seg.order_by,
            segment_stability: &seg.segment_stability,
            split: seg.split.as_ref(),
            switchable_k: seg.switchable(),
        }
    }
}

/// The one-feature-split sentence of the segments on display, with the feature's label.
pub fn split_sentence(seg: &crate::segment::Segmentation) -> Option<String> {
    seg.split
        .as_ref()
        .map(|s| s.sentence(&crate::features::feature_label(&s.feature).0))
}

/// One mapping line in JSON.
#[derive(Debug, Serialize)]
pub struct MappingRow {
    pub column: String,
    pub role: String,
}

impl<'a> RunDocument<'a> {
    pub fn new(analysis: &'a Analysis) -> Self {
        RunDocument {
            run_id: &analysis.run_id,
            data_hash: &analysis.data_hash,
            file_name: &analysis.file_name,
            customers: analysis.customer_ids.len(),
            mapping: analysis
                .mapping
                .entries
                .iter()
                .map(|(c, r)| MappingRow {
                    column: c.clone(),
                    role: r.key(),
                })
                .collect(),
            config: &analysis.config,
            quality: &analysis.quality,
            quality_actions: analysis
                .quality
                .actions
                .iter()
                .map(|a| a.describe())
                .collect(),
            families: &analysis.families,
            features_used: &analysis.input.names,
            feature_treatments: &analysis.preparation.treatments,
            one_feature_split: split_sentence(&analysis.segmentation),
            segmentation: SegmentationSummary::of(&analysis.segmentation),
            segments: segment_headlines(analysis),
            insights: &analysis.insights,
            personas: &analysis.personas,
            decisions: analysis.decisions(),
            alignment: None,
            model_value: crate::insights::model_value(&analysis.insight_inputs()),
            rfm_groups: crate::insights::rfm_view(&analysis.insight_inputs()),
        }
    }
}

/// The JSON document of `sis insights --json`.
#[derive(Debug, Serialize)]
pub struct InsightsDocument<'a> {
    pub run_id: &'a str,
    pub file_name: &'a str,
    pub customers: usize,
    pub k: usize,
    pub k_reason: &'a str,
    pub one_feature_split: Option<String>,
    pub families: &'a [crate::features::FamilyStatus],
    pub insights: &'a crate::insights::Insights,
    pub personas: &'a [crate::personas::Persona],
    pub decisions: Vec<crate::decisions::Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<&'a crate::model::Alignment>,
    /// Model CLV (BG/NBD + Gamma-Gamma) per segment, for order lines.
    pub model_value: crate::insights::Availability<crate::insights::ModelValue>,
    /// RFM quintile groups × segments.
    pub rfm_groups: crate::insights::Availability<crate::insights::RfmView>,
    /// The calibration/holdout chart, when `--cutoff` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<crate::insights::Availability<crate::charts::CalibrationChart>>,
}

impl<'a> InsightsDocument<'a> {
    pub fn new(analysis: &'a Analysis) -> Self {
        InsightsDocument {
            run_id: &analysis.run_id,
            file_name: &analysis.file_name,
            customers: analysis.customer_ids.len(),
            k: analysis.segmentation.k,
            k_reason: &analysis.segmentation.k_reason,
            one_feature_split: split_sentence(&analysis.segmentation),
            families: &analysis.families,
            insights: &analysis.insights,
            personas: &analysis.personas,
            decisions: analysis.decisions(),
            alignment: None,
            model_value: crate::insights::model_value(&analysis.insight_inputs()),
            rfm_groups: crate::insights::rfm_view(&analysis.insight_inputs()),
            calibration: None,
        }
    }
}
