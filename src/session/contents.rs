//! The session: everything a user gets back when reopening an analysis (the data as loaded,
//! the analysis, scenarios and the view). [`super::bundle`] turns it into `.sis` bytes.

use super::state::SessionUiState;
use crate::pipeline::Analysis;
use crate::simulate::ScenarioLedger;
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
    /// The baseline and the user's named what-if scenarios.
    pub scenarios: ScenarioLedger,
    pub ui: SessionUiState,
}

impl Session {
    /// A fresh session on a completed analysis: only the baseline scenario, default view.
    pub fn new(table: RawTable, analysis: Analysis) -> Session {
        Session {
            table,
            analysis,
            scenarios: ScenarioLedger::default(),
            ui: SessionUiState::default(),
        }
    }
}
