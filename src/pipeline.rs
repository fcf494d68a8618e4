//! The pipeline: one call from a loaded table to a complete analysis, stage by stage,
//! with progress and cancellation. A result exists only once every stage has finished.

use crate::config::{ConfigError, RunConfig};
use crate::features::{
    CategoryColumn, FamilyStatus, FeatureTable, build_features, family_status, names,
};
use crate::progress::{Cancelled, Progress, Stage};
use crate::roles::ColumnMapping;
use crate::run_id::run_id;
use crate::segment::{Segmentation, SegmentationInput, SelectionError, prepare, segment};
use crate::table::RawTable;
use crate::validate::{QualityReport, ValidationError, validate};
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
    let (clean, mut quality) = validate(table, mapping, &config)?;
    progress.report(Stage::Validating, 1.0);
    progress.check()?;
    progress.report(Stage::Features, 0.0);
    let (features, one_hot) = build_features(&clean, &config);
    let (input, capping) = prepare(&features, &config)?;
    quality.actions.extend(one_hot);
    quality.actions.extend(capping);
    progress.report(Stage::Features, 1.0);
    progress.check()?;
    let revenue = features.get(names::MONETARY);
    let segmentation = segment(&input, &config, revenue, progress)?;
    Ok(Analysis {
        run_id: run_id(&data_hash, mapping, &config),
        data_hash,
        file_name: table.file_name.clone(),
        mapping: mapping.clone(),
        config: config.inner().clone(),
        quality,
        families: family_status(mapping),
        categories: clean
            .categories()
            .into_iter()
            .map(|(name, codes, levels)| CategoryColumn {
                name: name.into(),
                codes: codes.to_vec(),
                levels: levels.to_vec(),
            })
            .collect(),
        customer_ids: clean.ids,
        features,
        input,
        segmentation,
    })
}
