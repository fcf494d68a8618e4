//! The manifest: a small summary of a session (run, data, config, segments, personas,
//! scenarios) stored as its own checksummed section before the payload, so `sis inspect` and
//! `sis sessions list` read it without decoding the customer data.

use super::contents::Session;
use crate::config::RunConfig;
use serde::{Deserialize, Serialize};

/// One segment in the manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentEntry {
    /// 1-based, as shown to people.
    pub number: usize,
    pub customers: usize,
    /// Share of segmented customers, 0..=1.
    pub share: f64,
}

/// What a bundle holds, in a few hundred bytes. Always derived from the session
/// ([`Manifest::of`]); opening a bundle checks that the stored manifest still matches it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub run_id: String,
    pub data_hash: String,
    /// The original file name of the data.
    pub file_name: String,
    /// Rows and columns of the data as loaded.
    pub rows: usize,
    pub columns: usize,
    /// Customers left after cleaning, i.e. segmented.
    pub customers: usize,
    pub config: RunConfig,
    pub k: usize,
    pub segments: Vec<SegmentEntry>,
    /// Persona names in segment order, as the user left them.
    pub personas: Vec<String>,
    /// Scenario names in the order the user made them.
    pub scenarios: Vec<String>,
}

impl Manifest {
    /// The manifest of a session. Never panics, whatever the session holds.
    pub fn of(session: &Session) -> Manifest {
        let analysis = &session.analysis;
        let sizes = &analysis.segmentation.sizes;
        let total = sizes
            .iter()
            .fold(0usize, |a, &s| a.saturating_add(s))
            .max(1) as f64;
        Manifest {
            run_id: analysis.run_id.clone(),
            data_hash: analysis.data_hash.clone(),
            file_name: session.table.file_name.clone(),
            rows: session.table.n_rows(),
            columns: session.table.columns.len(),
            customers: analysis.customer_ids.len(),
            config: analysis.config.clone(),
            k: analysis.segmentation.k,
            segments: sizes
                .iter()
                .enumerate()
                .map(|(i, &customers)| SegmentEntry {
                    number: i + 1,
                    customers,
                    share: customers as f64 / total,
                })
                .collect(),
            personas: analysis
                .personas
                .iter()
                .map(|p| p.display_name().to_string())
                .collect(),
            scenarios: session
                .scenarios
                .scenarios
                .iter()
                .map(|s| s.name.clone())
                .collect(),
        }
    }
}
