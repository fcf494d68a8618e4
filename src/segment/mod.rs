//! Segmentation: scaling, k-means with many seeds, the k sweep and its metrics.

pub mod kmeans;
pub mod matrix;
pub mod metrics;
pub mod scaler;

pub use matrix::FeatureMatrix;
