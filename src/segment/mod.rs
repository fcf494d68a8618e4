//! Segmentation: scaling, k-means with many seeds, the k sweep and its metrics.

pub mod kmeans;
mod linfa_model;
mod lloyd;
pub mod matrix;
pub mod metrics;
mod panels;
pub mod scaler;
mod seeding;
mod silhouette;

pub use matrix::FeatureMatrix;
