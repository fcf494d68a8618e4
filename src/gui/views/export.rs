//! The Export tab: wired in, waiting for the export module (its own issue).

use crate::gui::widgets;
use egui::Ui;

/// Why PDF export is disabled until the export module lands.
pub const EXPORT_PENDING: &str = "The PDF report arrives with the export module";

#[derive(Debug, Default)]
pub struct ExportView;

impl ExportView {
    pub fn ui(&mut self, ui: &mut Ui) {
        widgets::not_available(
            ui,
            "Export is not available yet",
            "The executive PDF report and the segment exports arrive with the export module. They will use the same segment colours as these charts.",
        );
    }
}
