//! The mapping screen: a preview of the first rows, each column's detected role (editable),
//! the insight families the mapping enables or not and why, the validation result, the
//! advanced settings, and Run segmentation. Roles and settings change through undoable edits.

mod order_lines;
mod settings;

use super::{Action, Context, View};
use crate::format;
use crate::gui::command::Command;
use crate::gui::dataset::{Dataset, role_text, spend_category};
use crate::gui::document::check::MappingCheck;
use crate::gui::document::history::Edit;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::roles::{ColumnMapping, Role};
use egui::{RichText, Ui};

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 8;

#[derive(Debug, Default)]
pub(crate) struct MappingView {
    settings: settings::SettingsView,
}

impl MappingView {
    /// Forget text being typed (a new dataset).
    pub(crate) fn reset(&mut self) {
        *self = MappingView::default();
    }
}

impl View for MappingView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        let Some(dataset) = cx.document.dataset() else {
            return;
        };
        let mapping = cx.document.mapping();
        let palette = Palette::current(ui.ctx());
        let table = &dataset.table;
        ui.label(
            RichText::new(format!("Review the columns of {}", table.file_name))
                .size(tokens::HEADING_SIZE + 2.0)
                .strong()
                .color(palette.strong),
        );
        widgets::muted(
            ui,
            format!(
                "{} rows × {} columns · {}. Each column's role was detected from its name and values; change any role, then run.",
                format::count(table.n_rows()),
                table.columns.len(),
                table.format.describe()
            ),
        );
        ui.add_space(tokens::ITEM_GAP);
        egui::Panel::right("mapping-side")
            .resizable(false)
            .default_size(400.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .id_salt("mapping-side-scroll")
                    .show(ui, |ui| self.side(ui, cx, out));
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .id_salt("mapping-columns-scroll")
                .show(ui, |ui| {
                    order_lines::order_lines(ui, dataset, mapping);
                    columns(ui, dataset, mapping, out);
                    ui.add_space(tokens::SECTION_GAP);
                    preview(ui, dataset);
                });
        });
    }
}

impl MappingView {
    fn side(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        let Some(check) = cx.document.mapping_check() else {
            return;
        };
        ui.add_space(4.0);
        let response = widgets::primary_button(
            ui,
            Command::RunSegmentation.text(),
            ui.available_width(),
            &Command::RunSegmentation.hover_text(ui.ctx()),
            &cx.availability(Command::RunSegmentation),
        );
        if response.clicked() {
            out.push(Action::Command(Command::RunSegmentation));
        }
        if cx.document.current().is_some()
            && ui
                .button("Back to the analysis")
                .on_hover_text("Keep the current analysis and leave this screen")
                .clicked()
        {
            out.push(Action::BackToAnalysis);
        }
        ui.add_space(tokens::SECTION_GAP);
        validation(ui, cx, check);
        ui.add_space(tokens::SECTION_GAP);
        ui.label(RichText::new("Insight families").heading());
        for f in &check.families {
            widgets::status_chip(ui, f.available, f.family.label()).on_hover_text(&f.reason);
            if !f.available {
                ui.indent(("family-reason", f.family.label()), |ui| {
                    widgets::muted(ui, &f.reason);
                });
            }
        }
        ui.add_space(tokens::SECTION_GAP);
        egui::CollapsingHeader::new("Advanced")
            .default_open(false)
            .show(ui, |ui| self.settings.ui(ui, cx, out));
    }
}

/// Whether the mapping and the settings can run, and the notes on the mapping.
fn validation(ui: &mut Ui, cx: &Context<'_>, check: &MappingCheck) {
    let palette = Palette::current(ui.ctx());
    ui.label(RichText::new("Validation").heading());
    match &check.problem {
        Some(problem) => {
            ui.label(RichText::new(format!("✖ {problem}")).color(palette.error_stroke));
        }
        None => {
            widgets::status_chip(ui, true, "The mapping fits the data");
        }
    }
    if let Err(e) = cx.document.config().clone().validate() {
        ui.label(RichText::new(format!("✖ Settings: {e}")).color(palette.error_stroke));
    }
    for note in &check.notes {
        widgets::muted(ui, format!("• {note}"));
    }
}

/// The columns with their detected role, a combo box to change it, and why it was detected.
fn columns(ui: &mut Ui, dataset: &Dataset, mapping: &ColumnMapping, out: &mut Vec<Action>) {
    let palette = Palette::current(ui.ctx());
    ui.label(RichText::new("Column roles").heading());
    ui.add_space(4.0);
    egui::Grid::new("mapping-grid")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for h in ["Column", "Values", "Missing", "Role", "Why"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (i, (name, role)) in mapping.entries.iter().enumerate() {
                let detected = dataset.detected.iter().find(|d| &d.name == name);
                ui.label(RichText::new(name).strong());
                ui.label(detected.map_or("", |d| d.kind.describe()));
                let missing = dataset.missing.get(i).copied().unwrap_or(0);
                ui.label(if missing == 0 {
                    "–".to_string()
                } else {
                    format::count(missing)
                });
                role_combo(ui, name, role, out);
                let why = detected.map_or(String::new(), |d| {
                    if d.role == *role {
                        d.reason.clone()
                    } else {
                        format!("changed by you (detected: {})", role_text(&d.role))
                    }
                });
                ui.label(RichText::new(why).color(palette.muted));
                ui.end_row();
            }
        });
}

fn role_combo(ui: &mut Ui, column: &str, role: &Role, out: &mut Vec<Action>) {
    let mut chosen: Option<Role> = None;
    egui::ComboBox::from_id_salt(("role", column))
        .selected_text(role_text(role))
        .width(210.0)
        .height(620.0)
        .show_ui(ui, |ui| {
            for candidate in Role::catalogue() {
                let candidate = match candidate {
                    Role::Spend(_) => Role::Spend(match role {
                        Role::Spend(c) => c.clone(),
                        _ => spend_category(column),
                    }),
                    other => other,
                };
                let selected = &candidate == role;
                if ui
                    .selectable_label(selected, role_text(&candidate))
                    .clicked()
                {
                    if !selected {
                        chosen = Some(candidate);
                    }
                    ui.close();
                }
            }
        })
        .response
        .accessible_name(format!("Role of {column}"));
    if let Some(after) = chosen {
        out.push(Action::Edit(Edit::role(column, role.clone(), after)));
    }
}

/// The first rows of the file.
fn preview(ui: &mut Ui, dataset: &Dataset) {
    let palette = Palette::current(ui.ctx());
    ui.label(RichText::new("First rows").heading());
    ui.add_space(4.0);
    egui::ScrollArea::horizontal()
        .id_salt("mapping-preview")
        .show(ui, |ui| {
            egui::Grid::new("preview-grid")
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for c in &dataset.table.columns {
                        ui.label(RichText::new(&c.name).strong());
                    }
                    ui.end_row();
                    let rows = dataset.table.n_rows().min(PREVIEW_ROWS);
                    for r in 0..rows {
                        for c in 0..dataset.table.columns.len() {
                            match dataset.cell(c, r) {
                                Some(text) => ui.label(text),
                                None => ui.label(RichText::new("missing").color(palette.muted)),
                            };
                        }
                        ui.end_row();
                    }
                });
        });
}
