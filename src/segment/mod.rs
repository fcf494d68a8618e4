//! Segmentation: feature preparation, scaling, k-means with many seeds, the k sweep with
//! its metrics, the choice of k, and segments in business order.

pub mod choose;
pub mod cost;
mod iterate;
pub mod kmeans;
mod linfa_model;
mod lloyd;
pub mod matrix;
pub mod metrics;
mod panels;
pub mod prepare;
mod sample;
pub mod scaler;
mod seeding;
pub mod segmentation;
mod silhouette;
pub(crate) mod simd;
pub mod split;
pub mod sweep;
pub mod treatment;

pub use matrix::FeatureMatrix;
pub use prepare::{
    FittedCap, MAX_DEFAULT_FEATURES, Prepared, SegmentationInput, SelectionError,
    feature_limit_note, prepare,
};
pub(crate) use sample::sample_rows;
pub use scaler::{FittedScaler, ScalerKind};
pub use segmentation::{ScalerReport, SegmentOption, Segmentation, segment};
pub use split::{OneFeatureSplit, SplitCandidate, one_feature_split};
pub use sweep::KReport;
pub use treatment::{SKEW_THRESHOLD, skewness};
