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
pub mod scaler;
mod seeding;
pub mod segmentation;
mod silhouette;
pub(crate) mod simd;
pub mod sweep;

pub use matrix::FeatureMatrix;
pub use prepare::{FittedCap, SegmentationInput, SelectionError, prepare};
pub use scaler::{FittedScaler, ScalerKind};
pub(crate) use segmentation::sample_rows;
pub use segmentation::{ScalerReport, Segmentation, segment};
pub use sweep::KReport;
