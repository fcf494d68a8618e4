//! What a user chose on top of an analysis and expects back when reopening it: the
//! UI-independent view state (chosen k, segments compared, tab). The scenarios are the
//! simulation's own [`crate::simulate::ScenarioLedger`].

use serde::{Deserialize, Serialize};

/// The views of an analysis a session can reopen on. A front end maps its own tabs to these.
///
/// Saved by its position in this list (bincode writes the variant's index), so the order is
/// part of the bundle format: add new views at the end, and bump the format to reorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnalysisTab {
    Overview,
    Segments,
    Personas,
    Simulation,
    Data,
    Export,
}

impl AnalysisTab {
    /// Every view, in the order the workbench shows them.
    pub const ALL: [AnalysisTab; 6] = [
        AnalysisTab::Overview,
        AnalysisTab::Segments,
        AnalysisTab::Personas,
        AnalysisTab::Simulation,
        AnalysisTab::Data,
        AnalysisTab::Export,
    ];

    /// The view's title, as the workbench shows it (and format 1 saved it).
    pub fn title(self) -> &'static str {
        match self {
            AnalysisTab::Overview => "Overview",
            AnalysisTab::Segments => "Segments",
            AnalysisTab::Personas => "Personas",
            AnalysisTab::Simulation => "Simulation",
            AnalysisTab::Data => "Data",
            AnalysisTab::Export => "Export",
        }
    }
}

/// View state that does not depend on the GUI toolkit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUiState {
    /// The k the user is looking at in the sweep (`None`: the analysis' chosen k).
    ///
    /// Saved, checked and reopened, but nothing sets it yet: the workbench keeps what a
    /// session brought. The segmentation issue lets the user pick another k in the sweep.
    pub selected_k: Option<usize>,
    /// Two segments (0-based, in segment order) chosen for side-by-side comparison.
    pub compare: Option<(usize, usize)>,
    /// The view that was open (`None`: the front end's first view).
    pub active_tab: Option<AnalysisTab>,
}
