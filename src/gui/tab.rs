//! The tabs of an analysis as the workbench shows them: the session's `AnalysisTab` (which
//! saves them and gives their titles) with a tooltip and a shortcut key. The commands and the
//! views both import it; it imports neither.

/// The tabs of an analysis: the session's `AnalysisTab`, which also saves them.
pub use crate::session::AnalysisTab as Tab;

/// What the workbench shows of a tab besides its title.
impl Tab {
    pub(crate) fn tooltip(self) -> &'static str {
        match self {
            Tab::Overview => "The executive view: KPIs, key decisions and the top segment",
            Tab::Segments => "Segment table, profiles, customer map, choice of k and comparison",
            Tab::Personas => "One card per persona: name, traits, action, evidence and warnings",
            Tab::Simulation => "What-if scenarios on the segments",
            Tab::Data => "Data quality, the mapping used, column statistics and the run",
            Tab::Export => "The PDF report and data exports",
        }
    }

    /// The number key that shows this tab (with Ctrl).
    pub(crate) fn key(self) -> egui::Key {
        match self {
            Tab::Overview => egui::Key::Num1,
            Tab::Segments => egui::Key::Num2,
            Tab::Personas => egui::Key::Num3,
            Tab::Simulation => egui::Key::Num4,
            Tab::Data => egui::Key::Num5,
            Tab::Export => egui::Key::Num6,
        }
    }
}
