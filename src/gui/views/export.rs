//! The Export tab: wired in, waiting for the export module (its own issue).

use super::{Action, Context, View};
use crate::gui::widgets;
use egui::Ui;

/// Why PDF export is disabled until the export module lands.
pub(crate) const EXPORT_PENDING: &str = "The PDF report arrives with the export module";

#[derive(Debug, Default)]
pub(crate) struct ExportView;

impl View for ExportView {
    fn ui(&mut self, ui: &mut Ui, _cx: &Context<'_>, _out: &mut Vec<Action>) {
        widgets::not_available(
            ui,
            "Export is not available yet",
            "The executive PDF report and the segment exports arrive with the export module. They will use the same segment colours as these charts.",
        );
    }
}
