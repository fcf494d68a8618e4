//! Scoring new customers with a saved segmentation: the training preparation replayed,
//! the same features, the training outlier fences, the scaler, then the nearest centroid.

use super::drift::{Drift, SegmentDrift, feature_drift};
use super::replay::clean_for_scoring;
use super::{ModelError, SavedSegmentation};
use crate::config::ValidRunConfig;
use crate::features::build_features;
use crate::personas::segment_name;
use crate::roles::Role;
use crate::segment::kmeans::SegmentModel;
use crate::table::RawTable;
use crate::validate::CleanTable;
use linfa::traits::Predict;
use ndarray::Array1;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Every customer of a scored file with their segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    pub file_name: String,
    /// Customer ids (the data row number where the file has no id column).
    pub ids: Vec<String>,
    /// 0-based segment of each customer.
    pub labels: Vec<u32>,
    /// Per segment: its persona's display name.
    pub persona_names: Vec<String>,
    pub drift: Drift,
}

impl Scored {
    /// The persona name of customer `i`.
    pub fn persona_of(&self, i: usize) -> &str {
        self.labels
            .get(i)
            .and_then(|&l| self.persona_names.get(l as usize))
            .map_or("", String::as_str)
    }
}

impl SavedSegmentation {
    /// A one-hot feature whose level does not occur in a file is all zeros there.
    fn is_one_hot(&self, feature: &str) -> bool {
        feature.split_once('=').is_some_and(|(column, _)| {
            self.mapping
                .columns_with(&Role::Categorical)
                .contains(&column)
        })
    }

    /// Score every customer of `table` against the saved segments: the training preparation
    /// applied, the same features, the training fences, the scaler, then linfa's `Predict`.
    pub fn predict(&self, table: &RawTable) -> Result<Scored, ModelError> {
        let invalid = |message: String| ModelError::Invalid {
            path: PathBuf::from(&self.training_file),
            message,
        };
        self.check().map_err(invalid)?;
        let config = self.config.clone().validate()?;
        let clean = clean_for_scoring(
            table,
            &self.mapping,
            &self.preparation,
            config.reference_year,
            self.reference_day,
        )?;
        let raw = self.segmentation_features(&clean, &config, &table.file_name)?;
        let capped: Vec<Vec<f64>> = self
            .feature_names
            .iter()
            .zip(&raw)
            .map(|(name, values)| {
                values
                    .iter()
                    .map(|&v| self.preparation.treat_and_cap(name, v))
                    .collect()
            })
            .collect();
        let slices: Vec<&[f64]> = capped.iter().map(Vec::as_slice).collect();
        let matrix = self.scaler.transform(&slices);
        // `check` above made sure the centroids hold k × p values.
        let model = SegmentModel::from_centroids(self.k, self.feature_names.len(), &self.centroids)
            .ok_or_else(|| invalid("the centroids do not match the features".into()))?;
        let labels: Array1<usize> = model.predict(&matrix.view());
        let labels: Vec<u32> = labels.iter().map(|&l| l as u32).collect();
        let persona_names: Vec<String> = (0..self.k)
            .map(|s| segment_name(&self.personas, s))
            .collect();
        let drift = self.drift(&labels, &persona_names, &raw);
        Ok(Scored {
            file_name: table.file_name.clone(),
            ids: clean.ids,
            labels,
            persona_names,
            drift,
        })
    }

    /// The segmentation features of the cleaned customers, uncapped, in the model's order (a
    /// one-hot level the file lacks is all zeros).
    fn segmentation_features(
        &self,
        clean: &CleanTable,
        config: &ValidRunConfig,
        file: &str,
    ) -> Result<Vec<Vec<f64>>, ModelError> {
        let (features, _) = build_features(clean, config);
        let n = clean.len();
        let mut raw: Vec<Vec<f64>> = Vec::with_capacity(self.feature_names.len());
        for name in &self.feature_names {
            match features.get(name) {
                Some(values) => raw.push(values.to_vec()),
                None if self.is_one_hot(name) => raw.push(vec![0.0; n]),
                None => {
                    return Err(ModelError::MissingFeature {
                        file: file.to_string(),
                        feature: name.clone(),
                        columns: self
                            .mapping
                            .entries
                            .iter()
                            .filter(|(_, r)| *r != Role::Ignore)
                            .map(|(c, _)| c.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
            }
        }
        Ok(raw)
    }

    /// Segment shares now against at training, and the feature means against training.
    fn drift(&self, labels: &[u32], persona_names: &[String], raw: &[Vec<f64>]) -> Drift {
        let n = labels.len();
        let mut counts = vec![0usize; self.k];
        for &l in labels {
            counts[l as usize] += 1;
        }
        Drift {
            customers: n,
            training_customers: self.training_customers,
            segments: (0..self.k)
                .map(|s| {
                    let current_pct = 100.0 * counts[s] as f64 / n.max(1) as f64;
                    let training_pct = self.training_shares[s];
                    SegmentDrift {
                        segment: s,
                        persona: persona_names[s].clone(),
                        training_pct,
                        current_pct,
                        change_pts: current_pct - training_pct,
                    }
                })
                .collect(),
            features: self
                .feature_names
                .iter()
                .enumerate()
                .map(|(j, name)| {
                    feature_drift(
                        name,
                        self.training_feature_means[j],
                        self.training_feature_stds[j],
                        &raw[j],
                    )
                })
                .collect(),
        }
    }
}
