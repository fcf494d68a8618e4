//! The session: everything a user gets back when reopening an analysis (the data as loaded,
//! the analysis, scenarios and the view). [`super::bundle`] turns it into `.sis` bytes.

use super::state::{Scenario, SessionUiState};
use crate::pipeline::Analysis;
use crate::table::RawTable;
use serde::{Deserialize, Serialize};

/// A whole analysis as the user left it: the data as loaded, every result, and their edits.
/// The payload of a bundle is this struct, serialized field by field, so every field added to
/// [`Analysis`] is saved with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The input data exactly as loaded (its hash and file name are in the analysis).
    pub table: RawTable,
    /// Mapping, config, quality report, features, fitted model and assignments.
    pub analysis: Analysis,
    pub scenarios: Vec<Scenario>,
    pub ui: SessionUiState,
}

impl Session {
    /// A fresh session on a completed analysis: no scenarios, default view.
    pub fn new(table: RawTable, analysis: Analysis) -> Session {
        Session {
            table,
            analysis,
            scenarios: Vec::new(),
            ui: SessionUiState::default(),
        }
    }
}
