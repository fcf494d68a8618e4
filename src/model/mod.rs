//! The saved segmentation: a fitted segmentation as a model that scores new customers
//! against the same segment definitions (mapping, features, fill values, outlier fences,
//! scaler, centroids, persona names), with drift, and matching of a re-run to it.

mod align;
mod drift;
mod io;
mod matching;
mod numbers;
mod predict;
mod replay;

pub use align::{Alignment, MAX_MATCH_DISTANCE, SegmentMatch, align_to_previous};
pub use drift::{DRIFT_SD, Drift, FeatureDrift, SegmentDrift};
pub(crate) use io::csv_field;
pub use io::{
    MODEL_EXTENSION, load_model, load_model_from_session, model_from_json, model_to_json,
    save_model, write_scored_csv,
};
pub use predict::Scored;

use crate::config::{ConfigError, RunConfig};
use crate::format::{Percent, percent};
use crate::personas::{PersonaLabel, SegmentLabel, segment_name};
use crate::pipeline::Analysis;
use crate::roles::ColumnMapping;
use crate::segment::FittedScaler;
use crate::validate::{Preparation, ValidationError};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use thiserror::Error;

/// The `format` field of every model file.
pub const MODEL_FORMAT: &str = "sis-segmentation-model";
/// Bumped when the model layout changes.
pub const MODEL_VERSION: u32 = 1;

/// Why a model could not be saved, loaded or applied.
#[derive(Debug, Error)]
pub enum ModelError {
    #[error("{path}: {action}: {source}")]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    #[error(
        "{path}: not a segmentation model ({message}). Save one with `sis run DATA --model-out FILE{MODEL_EXTENSION}`."
    )]
    Parse { path: PathBuf, message: String },
    #[error("{path}: the model is damaged: {message}. Save it again with `sis run … --model-out`.")]
    Invalid { path: PathBuf, message: String },
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
    #[error("the model's settings are invalid: {0}")]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Validation(#[from] ValidationError),
    #[error(
        "{file}: the model needs column \"{column}\" (mapped as {role} at training), which is not in this file. Score a file with the training columns: {columns}."
    )]
    MissingColumn {
        file: String,
        column: String,
        role: String,
        columns: String,
    },
    #[error(
        "{file}: the model segments on \"{feature}\", which cannot be computed from this file. It needs the columns the model was trained with ({columns}); check the column names or pass the training mapping."
    )]
    MissingFeature {
        file: String,
        feature: String,
        columns: String,
    },
    #[error(
        "{file}, column \"{column}\", row {row}: \"{value}\" is not a number, but the model reads \"{column}\" as numbers (as at training); clean the value in the file you score."
    )]
    ScoreNotNumeric {
        file: String,
        column: String,
        row: usize,
        value: String,
    },
    #[error(
        "the previous model and this run share no segmentation feature (previous: {previous}; now: {current}); segments cannot be matched. Use the same features (--features) as the previous run."
    )]
    NothingToMatch { previous: String, current: String },
}

/// A persona's names as saved with the model (the label's fields sit beside `segment` in
/// the JSON, as in model format 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedPersona {
    pub segment: usize,
    #[serde(flatten)]
    pub label: PersonaLabel,
}

impl SegmentLabel for SavedPersona {
    fn segment(&self) -> usize {
        self.segment
    }
    fn label(&self) -> &PersonaLabel {
        &self.label
    }
}

/// A fitted segmentation, ready to score new customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSegmentation {
    /// Always [`MODEL_FORMAT`].
    pub format: String,
    pub version: u32,
    /// The run that fitted it.
    pub run_id: String,
    pub training_file: String,
    pub mapping: ColumnMapping,
    /// The run's settings (feature building reads e.g. one-hot from it).
    pub config: RunConfig,
    pub preparation: Preparation,
    /// The segmentation features, in the scaler's and centroids' order.
    pub feature_names: Vec<String>,
    pub scaler: FittedScaler,
    pub k: usize,
    /// k × p centroids in scaled space, row-major.
    pub centroids: Vec<f64>,
    pub personas: Vec<SavedPersona>,
    pub training_customers: usize,
    /// Each segment's % of the training customers.
    pub training_shares: Vec<f64>,
    /// Mean of each segmentation feature over the training customers (before capping).
    pub training_feature_means: Vec<f64>,
    /// Population standard deviation of each, likewise.
    pub training_feature_stds: Vec<f64>,
    /// Training customers' ids and segments, to count customers who move on a re-run.
    pub training_ids: Vec<String>,
    pub training_labels: Vec<u32>,
    /// The training reference day (days since 1970-01-01) tenure and ages are measured from;
    /// `None` in models saved before it was kept (scoring then uses the scored file's latest
    /// join date, and says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_day: Option<i32>,
}

impl SavedSegmentation {
    /// The model of an analysis (persona names and edits included).
    pub fn from_analysis(analysis: &Analysis) -> SavedSegmentation {
        let seg = &analysis.segmentation;
        let n = seg.labels.len().max(1) as f64;
        let (means, stds): (Vec<f64>, Vec<f64>) = seg
            .feature_names
            .iter()
            .map(|name| {
                analysis
                    .features
                    .get(name)
                    .map_or((0.0, 0.0), drift::mean_and_std)
            })
            .unzip();
        SavedSegmentation {
            format: MODEL_FORMAT.into(),
            version: MODEL_VERSION,
            run_id: analysis.run_id.clone(),
            training_file: analysis.file_name.clone(),
            mapping: analysis.mapping.clone(),
            config: analysis.config.clone(),
            preparation: analysis.preparation.clone(),
            feature_names: seg.feature_names.clone(),
            scaler: seg.scaler.clone(),
            k: seg.k,
            centroids: seg.centroids.clone(),
            personas: analysis
                .personas
                .iter()
                .map(|p| SavedPersona {
                    segment: p.segment,
                    label: p.label.clone(),
                })
                .collect(),
            training_customers: seg.labels.len(),
            training_shares: seg.sizes.iter().map(|&s| 100.0 * s as f64 / n).collect(),
            training_feature_means: means,
            training_feature_stds: stds,
            training_ids: analysis.customer_ids.clone(),
            training_labels: seg.labels.clone(),
            reference_day: analysis.quality.reference_day(),
        }
    }

    /// Check the model's shape; the message says what is inconsistent.
    pub fn check(&self) -> Result<(), String> {
        let p = self.feature_names.len();
        if self.format != MODEL_FORMAT {
            return Err(format!(
                "format is \"{}\", not \"{MODEL_FORMAT}\"",
                self.format
            ));
        }
        if self.version > MODEL_VERSION {
            return Err(format!(
                "version {} is newer than this program understands ({MODEL_VERSION}); update sis",
                self.version
            ));
        }
        let checks = [
            (self.k >= 1, "it has no segments".to_string()),
            (p >= 1, "it has no features".to_string()),
            (
                self.centroids.len() == self.k * p,
                format!(
                    "{} centroid values for {} segments × {p} features",
                    self.centroids.len(),
                    self.k
                ),
            ),
            (
                self.scaler.center.len() == p && self.scaler.scale.len() == p,
                format!(
                    "the scaler has {} values for {p} features",
                    self.scaler.center.len()
                ),
            ),
            (
                self.training_shares.len() == self.k,
                format!(
                    "{} segment shares for {} segments",
                    self.training_shares.len(),
                    self.k
                ),
            ),
            (
                self.training_feature_means.len() == p && self.training_feature_stds.len() == p,
                "feature statistics do not match the features".to_string(),
            ),
            (
                self.training_ids.len() == self.training_labels.len(),
                "training ids and segments differ in length".to_string(),
            ),
            (
                self.training_labels.iter().all(|&l| (l as usize) < self.k),
                "a training segment is out of range".to_string(),
            ),
            (
                self.centroids
                    .iter()
                    .chain(&self.scaler.center)
                    .chain(&self.scaler.scale)
                    .all(|v| v.is_finite()),
                "a centroid or scaler value is not a finite number".to_string(),
            ),
        ];
        match checks.into_iter().find(|(ok, _)| !ok) {
            Some((_, message)) => Err(message),
            None => numbers::check(self),
        }
    }

    /// One line per segment for people: "Segment 1 Premium Loyalists (12%)".
    pub fn describe_segments(&self) -> Vec<String> {
        (0..self.k)
            .map(|s| {
                format!(
                    "Segment {} {} ({})",
                    s + 1,
                    segment_name(&self.personas, s),
                    percent(
                        self.training_shares.get(s).copied().unwrap_or(0.0),
                        Percent::Adaptive
                    )
                )
            })
            .collect()
    }
}
