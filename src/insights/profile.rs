//! The segment profile: every feature's segment mean with a z-score against the population
//! (the heatmap's data), and each segment's most distinguishing features.

use super::InsightInputs;
use super::stats::{mean, means, std_dev};
use crate::features::{FeatureKind, names};
use serde::{Deserialize, Serialize};

/// Distinguishing features kept per segment.
pub(super) const TOP_FEATURES: usize = 5;

/// Features left out of the top lists because they repeat another feature.
const REPEATS: [&str; 1] = [names::TOTAL_SPEND];

/// One feature across segments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureProfile {
    pub feature: String,
    pub kind: FeatureKind,
    pub population_mean: f64,
    /// Population standard deviation.
    pub population_std: f64,
    /// Index = segment.
    pub segment_means: Vec<f64>,
    /// (segment mean − population mean) ÷ population std; 0 for a constant feature.
    pub z_scores: Vec<f64>,
}

/// Above or below the population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Higher,
    Lower,
}

impl Direction {
    pub fn word(self) -> &'static str {
        match self {
            Direction::Higher => "above",
            Direction::Lower => "below",
        }
    }
}

/// A feature that sets a segment apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinguishingFeature {
    pub feature: String,
    pub kind: FeatureKind,
    pub z: f64,
    pub direction: Direction,
    pub segment_mean: f64,
    pub population_mean: f64,
}

/// One segment's most distinguishing features, largest |z| first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentTopFeatures {
    pub segment: usize,
    pub features: Vec<DistinguishingFeature>,
}

/// The whole profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentProfile {
    /// Every feature, in the feature table's order.
    pub features: Vec<FeatureProfile>,
    /// Index = segment.
    pub top: Vec<SegmentTopFeatures>,
}

impl SegmentProfile {
    /// A feature's profile by name.
    pub fn feature(&self, name: &str) -> Option<&FeatureProfile> {
        self.features.iter().find(|f| f.feature == name)
    }

    /// A feature's z-score in one segment.
    pub fn z(&self, name: &str, segment: usize) -> Option<f64> {
        self.feature(name)
            .and_then(|f| f.z_scores.get(segment).copied())
    }
}

pub(super) fn segment_profile(inputs: &InsightInputs<'_>) -> SegmentProfile {
    let (labels, k) = (inputs.labels(), inputs.k());
    let features: Vec<FeatureProfile> = inputs
        .features
        .features
        .iter()
        .map(|f| {
            let population_mean = mean(&f.values);
            let population_std = std_dev(&f.values);
            let segment_means = means(&f.values, labels, k);
            let z_scores = segment_means
                .iter()
                .map(|m| {
                    if population_std > 0.0 {
                        (m - population_mean) / population_std
                    } else {
                        0.0
                    }
                })
                .collect();
            FeatureProfile {
                feature: f.name.clone(),
                kind: f.kind,
                population_mean,
                population_std,
                segment_means,
                z_scores,
            }
        })
        .collect();
    let top = (0..k)
        .map(|s| {
            let mut ranked: Vec<&FeatureProfile> = features
                .iter()
                .filter(|f| !REPEATS.contains(&f.feature.as_str()))
                .filter(|f| f.z_scores[s] != 0.0)
                .collect();
            // Largest |z| first; ties keep the table order.
            ranked.sort_by(|a, b| b.z_scores[s].abs().total_cmp(&a.z_scores[s].abs()));
            SegmentTopFeatures {
                segment: s,
                features: ranked
                    .into_iter()
                    .take(TOP_FEATURES)
                    .map(|f| DistinguishingFeature {
                        feature: f.feature.clone(),
                        kind: f.kind,
                        z: f.z_scores[s],
                        direction: if f.z_scores[s] > 0.0 {
                            Direction::Higher
                        } else {
                            Direction::Lower
                        },
                        segment_mean: f.segment_means[s],
                        population_mean: f.population_mean,
                    })
                    .collect(),
            }
        })
        .collect();
    SegmentProfile { features, top }
}
