//! The scenario bar: which scenario is being edited (the baseline or a named one), and save
//! as, duplicate, rename and delete. Each ledger change is one undoable edit; a refused one
//! says why next to the buttons.

use super::edits::Edits;
use crate::gui::tokens::Palette;
use crate::gui::views::Action;
use crate::simulate::BASELINE;
use egui::{RichText, Ui};

/// The accessible labels of the bar's controls.
pub(crate) const SCENARIO_PICKER: &str = "Scenario being edited";
pub(crate) const NAME_FIELD: &str = "Scenario name";
pub(crate) const SAVE_AS: &str = "Save as new scenario";

/// The name being typed and the last refusal.
#[derive(Debug, Default)]
pub(crate) struct LedgerPanel {
    name: String,
    problem: Option<String>,
}

impl LedgerPanel {
    pub(super) fn ui(&mut self, ui: &mut Ui, edits: &mut Edits<'_>, out: &mut Vec<Action>) {
        let palette = Palette::current(ui.ctx());
        let bench = edits.bench().clone();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(RichText::new(SCENARIO_PICKER).strong());
            egui::ComboBox::from_id_salt("scenario-picker")
                .selected_text(bench.active().name.clone())
                .show_ui(ui, |ui| {
                    for name in bench.ledger.names() {
                        if ui
                            .selectable_label(bench.active().name == name, name)
                            .clicked()
                        {
                            out.push(Action::SelectScenario(name.to_string()));
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("The baseline has no lever on; changing it starts a new scenario");
            ui.separator();
            let label = ui.label(NAME_FIELD);
            ui.add(
                egui::TextEdit::singleline(&mut self.name)
                    .hint_text(bench.fresh_name())
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            let typed = if self.name.trim().is_empty() {
                bench.fresh_name()
            } else {
                self.name.trim().to_string()
            };
            let named = !bench.baseline_active();
            let result = if ui
                .button(SAVE_AS)
                .on_hover_text("Save a copy of the scenario being edited under this name")
                .clicked()
            {
                Some(bench.save_as(&typed))
            } else if ui
                .add_enabled(named, egui::Button::new("Duplicate"))
                .on_hover_text("Copy the scenario being edited and edit the copy")
                .clicked()
            {
                Some(bench.duplicate())
            } else if ui
                .add_enabled(named, egui::Button::new("Rename"))
                .on_hover_text("Give the scenario being edited the name typed")
                .on_disabled_hover_text(format!("The {BASELINE} keeps its name"))
                .clicked()
            {
                Some(bench.rename(&typed))
            } else if ui
                .add_enabled(named, egui::Button::new("Delete scenario"))
                .on_hover_text("Delete the scenario being edited (Undo brings it back)")
                .on_disabled_hover_text(format!("The {BASELINE} cannot be deleted"))
                .clicked()
            {
                Some(bench.delete())
            } else {
                None
            };
            match result {
                Some(Ok(next)) => {
                    self.problem = None;
                    self.name.clear();
                    edits.replace(next);
                }
                Some(Err(e)) => self.problem = Some(format!("Not done: {e}.")),
                None => {}
            }
            if let Some(problem) = &self.problem {
                ui.label(RichText::new(problem).color(palette.warn));
            }
        });
        if bench.baseline_active() {
            ui.label(
                RichText::new("Editing the baseline: your first change starts a new scenario.")
                    .color(palette.muted),
            );
        }
    }
}
