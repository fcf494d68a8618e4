//! The export folder and the PDF report's card: paper, sections, saved scenarios, file name,
//! Export PDF (the same as Ctrl+E) and Open folder once a file is written.

use super::settings::ExportSettings;
use crate::gui::command::Command;
use crate::gui::tokens::{self, Palette};
use crate::gui::views::Action;
use crate::gui::widgets;
use crate::report::{Paper, Section};
use crate::simulate::ScenarioLedger;
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};

/// A labelled one-line text field, found by its label.
pub(super) fn field(ui: &mut Ui, label: &str, text: &mut String, width: f32, tip: &str) {
    ui.horizontal(|ui| {
        let shown = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).desired_width(width))
            .labelled_by(shown.id)
            .on_hover_text(tip);
    });
}

pub(super) fn folder_row(ui: &mut Ui, settings: &mut ExportSettings) {
    field(
        ui,
        "Export folder",
        &mut settings.folder,
        520.0,
        "Every export is written into this folder (made if missing)",
    );
}

/// The primary button of an export, enabled when nothing runs.
pub(super) fn export_button(
    ui: &mut Ui,
    text: &str,
    hover: &str,
    availability: &Result<(), String>,
) -> bool {
    widgets::primary_button(ui, text, 200.0, hover, availability).clicked()
}

pub(super) fn ui(
    ui: &mut Ui,
    settings: &mut ExportSettings,
    ledger: &ScenarioLedger,
    availability: &Result<(), String>,
    last: Option<&Path>,
    out: &mut Vec<Action>,
) {
    let palette = Palette::current(ui.ctx());
    tokens::card_frame(&palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("PDF report").size(tokens::HEADING_SIZE).strong());
        widgets::muted(
            ui,
            "The executive report: vector charts in the segment colours, embedded fonts, bookmarks; the same session gives the same file.",
        );
        ui.add_space(tokens::ITEM_GAP);
        ui.horizontal(|ui| {
            ui.label("Paper");
            for paper in [Paper::A4, Paper::Letter] {
                ui.selectable_value(&mut settings.paper, paper, paper.name())
                    .on_hover_text(format!("Print on {} paper, portrait", paper.name()));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Sections");
            for section in Section::ALL {
                let mut on = settings.sections.contains(&section);
                if ui.checkbox(&mut on, section.title()).changed() {
                    settings.include(section, on);
                }
            }
        });
        scenarios(ui, settings, ledger);
        field(
            ui,
            "Report file name",
            &mut settings.report_name,
            320.0,
            "The PDF's name in the export folder (.pdf is added when missing)",
        );
        ui.add_space(tokens::ITEM_GAP);
        ui.horizontal(|ui| {
            let hover = Command::ExportPdf.hover_text(ui.ctx());
            if export_button(ui, "Export PDF", &hover, availability) {
                out.push(Action::Export(settings.pdf_request(ledger)));
            }
            ui.add_space(tokens::ITEM_GAP);
            open_folder(ui, last, out);
        });
    });
}

fn scenarios(ui: &mut Ui, settings: &mut ExportSettings, ledger: &ScenarioLedger) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Scenarios");
        if ledger.scenarios.is_empty() {
            widgets::muted(
                ui,
                "none saved yet: scenarios saved on the Simulation tab get their own pages beside the baseline",
            );
            return;
        }
        for s in &ledger.scenarios {
            let mut on = !settings.left_out.contains(&s.name);
            if ui
                .checkbox(&mut on, &s.name)
                .on_hover_text("Print this scenario's page, beside the baseline")
                .changed()
            {
                settings.include_scenario(&s.name, on);
            }
        }
    });
}

/// "Open folder" for the last file written, and its path.
pub(super) fn open_folder(ui: &mut Ui, last: Option<&Path>, out: &mut Vec<Action>) {
    let Some(path) = last else { return };
    let folder = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    if ui
        .button("Open folder")
        .on_hover_text(format!("Show {} in the file manager", folder.display()))
        .clicked()
    {
        out.push(Action::OpenFolder(folder));
    }
    widgets::muted(ui, format!("Last written: {}", path.display()));
}
