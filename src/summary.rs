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
    pub segmentation: &'a crate::segment::Segmentation,
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
            segmentation: &analysis.segmentation,
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
