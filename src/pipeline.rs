//! The pipeline: one call from a loaded table to a complete analysis, stage by stage,
//! with progress and cancellation. Each stage takes the outputs of the stages before it and
//! knows nothing of [`Analysis`], which the pipeline assembles at the end from their outputs.
//! A result exists only once every stage has finished.

use crate::config::{ConfigError, RunConfig};
use crate::decisions::{Decision, decisions_for};
use crate::features::{
    CategoryColumn, FamilyStatus, FeatureTable, build_features, family_status, names,
};
use crate::insights::{InsightInputs, Insights, compute_insights, model_value};
use crate::personas::{CarriedPersona, Persona, add_value_traits, synthesize_personas};
use crate::progress::{Cancelled, Progress, Stage};
use crate::roles::ColumnMapping;
use crate::run_id::run_id;
use crate::segment::{
    Segmentation, SegmentationInput, SelectionError, SplitCandidate, one_feature_split, prepare,
    segment,
};
use crate::table::RawTable;
use crate::validate::{
    CleanTable, FeatureTreatment, Preparation, QualityAction, QualityReport, TreatmentKind,
    ValidationError, validate,
};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a run did not produce an analysis.
#[derive(Debug, Error)]
pub enum PipelineError {
    #[error("invalid settings: {0}")]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Validation(#[from] ValidationError),
    #[error("{0}")]
    Selection(#[from] SelectionError),
    #[error("the run was cancelled; the previous analysis is unchanged")]
    Cancelled(#[from] Cancelled),
}

/// Everything one run produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub run_id: String,
    pub data_hash: String,
    pub file_name: String,
    pub mapping: ColumnMapping,
    pub config: RunConfig,
    pub quality: QualityReport,
    pub families: Vec<FamilyStatus>,
    pub customer_ids: Vec<String>,
    pub features: FeatureTable,
    /// Categorical attributes, for profiling.
    pub categories: Vec<CategoryColumn>,
    pub input: SegmentationInput,
    pub segmentation: Segmentation,
    /// Fill values and outlier fences, replayed when the model scores new customers.
    pub preparation: Preparation,
    pub insights: Insights,
    /// One per segment, in segment order.
    pub personas: Vec<Persona>,
}

impl Analysis {
    /// What the insights stage reads, borrowed from this analysis.
    pub fn insight_inputs(&self) -> InsightInputs<'_> {
        InsightInputs {
            features: &self.features,
            categories: &self.categories,
            families: &self.families,
            segmentation: &self.segmentation,
            input: &self.input,
            seed: self.config.seed,
        }
    }

    /// Recompute insights and personas from the segmentation (after renumbering).
    /// `carried[s]` keeps segment `s`'s persona name and edits.
    pub fn refresh_insights(&mut self, carried: &[Option<CarriedPersona>]) {
        self.insights = compute_insights(&self.insight_inputs());
        self.personas = synthesize_personas(&self.insights, &self.segmentation, carried);
        let value = model_value(&self.insight_inputs());
        add_value_traits(&mut self.personas, &value);
    }

    /// Show the sweep's best run at `k` (segments, insights, personas; no re-run). Persona
    /// names and edits are the synthesized ones of that k. False when `k` was not kept.
    pub fn switch_k(&mut self, k: usize) -> bool {
        if k == self.segmentation.k {
            return true;
        }
        if !self.segmentation.switch_to(k) {
            return false;
        }
        self.refresh_insights(&[]);
        true
    }

    /// The key decisions, with the personas' display names as they are now.
    pub fn decisions(&self) -> Vec<Decision> {
        decisions_for(&self.insights, &self.personas)
    }
}

/// The categorical attributes of the clean table, for profiling.
fn category_columns(clean: &CleanTable) -> Vec<CategoryColumn> {
    clean
        .categories()
        .into_iter()
        .map(|(name, codes, levels)| CategoryColumn {
            name: name.into(),
            codes: codes.to_vec(),
            levels: levels.to_vec(),
        })
        .collect()
}

/// The one-feature-split check of every k the sweep kept, on the raw candidate features
/// (distance and held-out ones, in their own units) and the categorical attributes.
fn fill_splits(
    segmentation: &mut Segmentation,
    features: &FeatureTable,
    treatments: &[FeatureTreatment],
    categories: &[CategoryColumn],
    seed: u64,
) {
    let mut candidates: Vec<SplitCandidate<'_>> = treatments
        .iter()
        .filter_map(|t| {
            features
                .get(&t.feature)
                .map(|v| SplitCandidate::Values(&t.feature, v))
        })
        .collect();
    candidates.extend(
        categories
            .iter()
            .map(|c| SplitCandidate::Levels(&c.name, &c.codes)),
    );
    for option in &mut segmentation.options {
        option.split = one_feature_split(&candidates, &option.labels, option.k, seed);
    }
    let k = segmentation.k;
    segmentation.switch_to(k);
}

/// Run every stage on a loaded table.
pub fn run_analysis(
    table: &RawTable,
    mapping: &ColumnMapping,
    config: RunConfig,
    progress: &Progress,
) -> Result<Analysis, PipelineError> {
    let config = config.validate()?;
    let data_hash = table.content_hash();
    progress.report(Stage::Validating, 0.0);
    let validated = validate(table, mapping, &config)?;
    let (clean, mut quality, mut preparation) =
        (validated.clean, validated.quality, validated.preparation);
    progress.report(Stage::Validating, 1.0);
    progress.check()?;
    progress.report(Stage::Features, 0.0);
    let (features, one_hot) = build_features(&clean, &config);
    let prepared = prepare(&features, &config)?;
    let input = prepared.input;
    quality.actions.extend(one_hot);
    quality
        .actions
        .extend(crate::segment::feature_limit_note(&features, &config));
    quality.actions.extend(
        prepared
            .treatments
            .iter()
            .filter(|t| t.kind != TreatmentKind::Kept || t.warning.is_some())
            .map(|t| QualityAction::TreatedFeature(t.clone())),
    );
    quality
        .actions
        .extend(prepared.caps.iter().map(|c| c.action()));
    preparation.caps = prepared.caps.into_iter().map(|c| c.cap).collect();
    preparation.treatments = prepared.treatments;
    progress.report(Stage::Features, 1.0);
    progress.check()?;
    let revenue = features.get(names::MONETARY);
    let mut segmentation = segment(&input, &config, revenue, progress)?;
    progress.check()?;
    progress.report(Stage::Insights, 0.0);
    let categories = category_columns(&clean);
    fill_splits(
        &mut segmentation,
        &features,
        &preparation.treatments,
        &categories,
        config.seed,
    );
    let families = family_status(mapping);
    let inputs = InsightInputs {
        features: &features,
        categories: &categories,
        families: &families,
        segmentation: &segmentation,
        input: &input,
        seed: config.seed,
    };
    let insights = compute_insights(&inputs);
    let mut personas = synthesize_personas(&insights, &segmentation, &[]);
    add_value_traits(&mut personas, &model_value(&inputs));
    progress.report(Stage::Insights, 1.0);
    Ok(Analysis {
        run_id: run_id(&data_hash, mapping, &config),
        data_hash,
        file_name: table.file_name.clone(),
        mapping: mapping.clone(),
        config: config.inner().clone(),
        quality,
        families,
        categories,
        customer_ids: clean.ids,
        features,
        input,
        segmentation,
        preparation,
        insights,
        personas,
    })
}
