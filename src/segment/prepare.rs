//! Preparing the segmentation input: the chosen features, treated (held out or log1p, see
//! [`super::treatment`]), with outliers capped at the IQR
//! fences (fitted here, applied with [`OutlierCap::apply`], reported per feature). The
//! uncapped features stay untouched for insights.

use super::treatment::decide;
use crate::config::ValidRunConfig;
use crate::features::{FeatureKind, FeatureTable};
use crate::stats::quantile_sorted;
use crate::validate::{FeatureTreatment, OutlierCap, QualityAction};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The feature selection does not work.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum SelectionError {
    #[error("feature \"{name}\" does not exist for this data; available features: {available}")]
    UnknownFeature { name: String, available: String },
    #[error(
        "only {found} feature(s) left to segment on ({names}); segmentation needs at least two. Include more features or map more numeric columns."
    )]
    TooFewFeatures { found: usize, names: String },
}

/// The capped feature columns segmentation runs on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentationInput {
    pub names: Vec<String>,
    pub columns: Vec<Vec<f64>>,
}

impl SegmentationInput {
    pub fn column_slices(&self) -> Vec<&[f64]> {
        self.columns.iter().map(Vec::as_slice).collect()
    }
}

/// A feature's fitted fences and how many values they capped.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedCap {
    pub cap: OutlierCap,
    pub count: usize,
}

impl FittedCap {
    /// The quality report's line for it.
    pub fn action(&self) -> QualityAction {
        QualityAction::CappedOutliers {
            feature: self.cap.feature.clone(),
            lower: self.cap.lower,
            upper: self.cap.upper,
            count: self.count,
        }
    }
}

/// Default segmentation features used at most: beyond this, a wide file (thousands of generic
/// measures) keeps its first features in catalog order (the reference features, then the
/// file's columns in order) and the report says so; `--features` chooses others.
pub const MAX_DEFAULT_FEATURES: usize = 40;

/// The report line when the default set was cut to [`MAX_DEFAULT_FEATURES`].
pub fn feature_limit_note(
    features: &FeatureTable,
    config: &ValidRunConfig,
) -> Option<QualityAction> {
    if !config.include_features.is_empty() {
        return None;
    }
    let defaults = features
        .features
        .iter()
        .filter(|f| f.default_in_segmentation && !config.exclude_features.contains(&f.name))
        .filter(|f| f.values.iter().any(|v| *v != f.values[0]))
        .count();
    (defaults > MAX_DEFAULT_FEATURES).then(|| QualityAction::Note {
        message: format!(
            "segmentation limited to the first {MAX_DEFAULT_FEATURES} of {defaults} usable features (reference features first, then columns in file order) to keep the run fast; choose others with --features"
        ),
    })
}

/// What preparation produced: the distance features (treated and capped), their fences, and
/// every candidate feature's treatment (held-out ones included).
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub input: SegmentationInput,
    pub caps: Vec<FittedCap>,
    pub treatments: Vec<FeatureTreatment>,
}

/// Pick the candidate features (config include/exclude or the default set, at most
/// [`MAX_DEFAULT_FEATURES`] of it), decide each one's
/// treatment (held out, kept, log1p), transform and cap the distance features.
pub fn prepare(
    features: &FeatureTable,
    config: &ValidRunConfig,
) -> Result<Prepared, SelectionError> {
    let available = || features.names().join(", ");
    for name in config
        .include_features
        .iter()
        .chain(&config.exclude_features)
        .chain(&config.log_features)
        .chain(&config.no_log_features)
    {
        if features.get(name).is_none() {
            return Err(SelectionError::UnknownFeature {
                name: name.clone(),
                available: available(),
            });
        }
    }
    let asked = !config.include_features.is_empty();
    let candidates: Vec<_> = features
        .features
        .iter()
        .filter(|f| {
            if asked {
                config.include_features.contains(&f.name)
            } else {
                f.default_in_segmentation
            }
        })
        .filter(|f| !config.exclude_features.contains(&f.name))
        // A feature with a single value carries no information.
        .filter(|f| f.values.iter().any(|v| *v != f.values[0]))
        .take(if config.include_features.is_empty() {
            MAX_DEFAULT_FEATURES
        } else {
            usize::MAX
        })
        .collect();
    let treatments: Vec<FeatureTreatment> = candidates
        .iter()
        // `--one-hot` asks for the category levels as distance features.
        .map(|f| decide(f, config, asked || f.kind == FeatureKind::OneHot))
        .collect();
    let chosen: Vec<_> = candidates
        .iter()
        .zip(&treatments)
        .filter(|(_, t)| t.is_distance())
        .collect();
    if chosen.len() < 2 {
        return Err(SelectionError::TooFewFeatures {
            found: chosen.len(),
            names: chosen
                .iter()
                .map(|(f, _)| f.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let mut caps = Vec::new();
    let mut columns = Vec::with_capacity(chosen.len());
    for (f, treatment) in &chosen {
        let mut values: Vec<f64> = f.values.iter().map(|&v| treatment.apply(v)).collect();
        if config.iqr_factor > 0.0
            && f.kind == FeatureKind::Continuous
            && let Some(cap) = fit_cap(&f.name, &values, config.iqr_factor)
        {
            let count = cap.apply(&mut values);
            caps.push(FittedCap { cap, count });
        }
        columns.push(values);
    }
    let names = chosen.iter().map(|(f, _)| f.name.clone()).collect();
    Ok(Prepared {
        input: SegmentationInput { names, columns },
        caps,
        treatments,
    })
}

/// The fences [Q1 − f·IQR, Q3 + f·IQR]. None for columns with a zero IQR or few distinct
/// values, where fences would flatten real information.
fn fit_cap(name: &str, values: &[f64], factor: f64) -> Option<OutlierCap> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    let distinct = sorted.windows(2).filter(|w| w[0] != w[1]).count() + 1;
    let q1 = quantile_sorted(&sorted, 0.25);
    let q3 = quantile_sorted(&sorted, 0.75);
    let iqr = q3 - q1;
    if iqr <= 0.0 || distinct <= 10 {
        return None;
    }
    Some(OutlierCap {
        feature: name.into(),
        lower: q1 - factor * iqr,
        upper: q3 + factor * iqr,
    })
}
