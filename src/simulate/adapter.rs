//! The one place that reads an [`Analysis`] for the simulation: its feature columns, labels
//! and k, handed to the builders that take only those pieces.

use super::base::{BaseError, SimulationBase};
use super::bootstrap::{BootstrapBlocks, BootstrapSettings};
use super::columns::CustomerColumns;
use crate::pipeline::Analysis;

/// The feature columns of an analysis, by name.
pub fn columns_of(analysis: &Analysis) -> CustomerColumns<'_> {
    CustomerColumns::from_named(
        analysis
            .features
            .features
            .iter()
            .map(|f| (f.name.as_str(), f.values.as_slice())),
    )
}

impl SimulationBase {
    /// The aggregates of an analysis' segments.
    pub fn from_analysis(analysis: &Analysis) -> Result<Self, BaseError> {
        let s = &analysis.segmentation;
        Self::build(&columns_of(analysis), &s.labels, s.k)
    }
}

impl BootstrapBlocks {
    /// The bootstrap blocks of an analysis' segments.
    pub fn from_analysis(
        analysis: &Analysis,
        settings: &BootstrapSettings,
    ) -> Result<Self, BaseError> {
        let s = &analysis.segmentation;
        Self::build(&columns_of(analysis), &s.labels, s.k, settings)
    }
}
