//! The vocabulary of the segment aggregates: where each per-customer figure sits in a row of
//! sums, which figures the data covers, the population facts levers need, and why aggregates
//! could not be built. [`super::columns`] reads the figures and [`super::base`] sums them.

use thiserror::Error;

/// Offsets of the fixed per-customer figures in a row of sums.
pub(crate) mod field {
    pub(crate) const CUSTOMERS: usize = 0;
    pub(crate) const REVENUE: usize = 1;
    pub(crate) const PURCHASES: usize = 2;
    pub(crate) const DEAL_DEPENDENCY: usize = 3;
    /// Monetary × Deal_Dependency: the revenue a discount touches.
    pub(crate) const DEAL_REVENUE: usize = 4;
    pub(crate) const CLV: usize = 5;
    pub(crate) const RECENCY: usize = 6;
    /// Monetary × Recency: what the CLV proxy loses to recency.
    pub(crate) const REVENUE_RECENCY: usize = 7;
    pub(crate) const WEB: usize = 8;
    pub(crate) const STORE: usize = 9;
    pub(crate) const CATALOG: usize = 10;
    /// Monetary of customers with Deal_Dependency ≥ its median (population mode source).
    pub(crate) const POP_SOURCE_REVENUE: usize = 11;
    /// Monetary of customers with CLV_Proxy ≥ its median (population mode target).
    pub(crate) const POP_TARGET_REVENUE: usize = 12;
    pub(crate) const POP_SOURCE_CUSTOMERS: usize = 13;
    pub(crate) const POP_TARGET_CUSTOMERS: usize = 14;
    /// Number of fixed figures; each response column adds [`super::RESPONSE_WIDTH`] more.
    pub(crate) const FIXED: usize = 15;
    /// Offsets inside a response column's figures: responders, their revenue, their purchases.
    pub(crate) const RESPONDERS: usize = 0;
    pub(crate) const RESPONDER_REVENUE: usize = 1;
    pub(crate) const RESPONDER_PURCHASES: usize = 2;
}

/// Figures per response column.
pub(crate) const RESPONSE_WIDTH: usize = 3;

/// Why aggregates could not be built.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum BaseError {
    #[error("the feature column {column} has {len} values but there are {expected} customers")]
    Length {
        column: String,
        len: usize,
        expected: usize,
    },
    #[error("customer {row} is in segment {label} but the segmentation has only {k} segments")]
    Label { row: usize, label: u32, k: usize },
    #[error("there are no segments to simulate (k = 0)")]
    NoSegments,
}

/// Which figures the data supports (a lever needing a missing one is unavailable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    pub revenue: bool,
    pub purchases: bool,
    pub deal_dependency: bool,
    pub clv: bool,
    pub recency: bool,
    pub web: bool,
    pub store: bool,
    pub catalog: bool,
}

/// Figures of the whole customer base that levers need besides the sums.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PopulationFacts {
    pub customers: usize,
    /// Median Deal_Dependency: population mode's source threshold.
    pub median_deal_dependency: Option<f64>,
    /// Median CLV_Proxy: population mode's target threshold.
    pub median_clv: Option<f64>,
    /// Largest Recency, which the CLV proxy's retention factor divides by (+ 1).
    pub max_recency: Option<f64>,
}
