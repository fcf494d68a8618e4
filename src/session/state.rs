//! What a user made or chose on top of an analysis and expects back when reopening it:
//! simulation scenarios and the UI-independent view state (chosen k, segments compared).

use serde::{Deserialize, Serialize};

/// A named what-if: lever names with the values the user set.
///
/// A minimal stand-in until the simulation issue defines scenarios fully; it keeps levers as
/// ordered `(name, value)` pairs so the bytes are deterministic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    pub levers: Vec<(String, f64)>,
}

/// View state that does not depend on the GUI toolkit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUiState {
    /// The k the user is looking at in the sweep (`None`: the analysis' chosen k).
    pub selected_k: Option<usize>,
    /// Two segments (0-based, in segment order) chosen for side-by-side comparison.
    pub compare: Option<(usize, usize)>,
    /// The tab that was open, by its name (e.g. `"Segments"`).
    pub active_tab: Option<String>,
}
