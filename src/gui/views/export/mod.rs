//! The Export tab: the PDF report (paper, sections, saved scenarios, file name; Export PDF
//! runs on the worker, then Open folder) and the data exports (scored customers, manifest,
//! scoring SQL), all written into one folder. It keeps only its choices and pushes
//! [`Action::Export`]; the jobs are in `gui::export_jobs`.

mod data_card;
mod report_card;
mod settings;

use super::{Action, Context, View};
use crate::gui::document::Document;
use crate::gui::export_jobs::ExportRequest;
use crate::gui::services::Services;
use crate::gui::tokens;
use crate::gui::widgets;
use egui::Ui;
use settings::{ExportSettings, locale_paper};
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub(crate) struct ExportView {
    /// Made from the analysis the first time the tab (or Ctrl+E) needs them.
    settings: Option<ExportSettings>,
    /// The file the last export wrote (Open folder shows its folder).
    last: Option<PathBuf>,
}

/// Where exports go by default: next to the saved session, else `exports/` beside the
/// sessions folder.
fn default_folder(document: &Document, services: &Services) -> PathBuf {
    if let Some(folder) = document.path().and_then(Path::parent) {
        return folder.to_path_buf();
    }
    let sessions = services.folder();
    match sessions.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join("exports"),
        _ => PathBuf::from("exports"),
    }
}

impl ExportView {
    /// The settings for the current analysis (fresh defaults for a new run).
    fn settings(&mut self, document: &Document, services: &Services) -> &mut ExportSettings {
        let (run_id, file) = document
            .analysis()
            .map_or((String::new(), String::new()), |a| {
                (a.run_id.clone(), a.file_name.clone())
            });
        let settings = match self.settings.take() {
            Some(s) if s.run_id == run_id => s,
            // A new run: new file names, the same folder and paper.
            Some(s) => ExportSettings::new(&run_id, &file, Path::new(&s.folder), s.paper),
            None => {
                let folder = default_folder(document, services);
                ExportSettings::new(&run_id, &file, &folder, locale_paper())
            }
        };
        self.settings.insert(settings)
    }

    /// The PDF export as the tab is set (what Ctrl+E runs).
    pub(crate) fn pdf_request(
        &mut self,
        document: &Document,
        services: &Services,
    ) -> ExportRequest {
        let ledger = document.scenario_ledger();
        self.settings(document, services).pdf_request(&ledger)
    }

    /// An export finished writing `path`.
    pub(crate) fn exported(&mut self, path: PathBuf) {
        self.last = Some(path);
    }

    /// The folder exports (and chart images) are written to.
    pub(crate) fn folder(&mut self, document: &Document, services: &Services) -> PathBuf {
        PathBuf::from(self.settings(document, services).folder.trim())
    }
}

impl View for ExportView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        if cx.shown.is_none() {
            widgets::not_available(ui, "Nothing to export yet", "Run a segmentation first.");
            return;
        }
        let ledger = cx.document.scenario_ledger();
        let last = self.last.clone();
        let busy = cx.availability(crate::gui::command::Command::ExportPdf);
        let settings = self.settings(cx.document, cx.services);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                widgets::section(
                    ui,
                    "Export the analysis",
                    "Every file is written on the worker into one folder; an existing file is replaced only when it is an earlier export of the same kind.",
                );
                report_card::folder_row(ui, settings);
                ui.add_space(tokens::ITEM_GAP);
                report_card::ui(ui, settings, &ledger, &busy, last.as_deref(), out);
                ui.add_space(tokens::SECTION_GAP);
                data_card::ui(ui, settings, &busy, out);
            });
    }
}
