//! Goal seek: pick a lever and a target (a revenue change in % or a net impact) and read the
//! lever setting that reaches it, with the other levers as set, or the reason it cannot be
//! reached. "Use this setting" applies it as an undoable edit.

use super::edits::Edits;
use crate::format::{Percent, percent, thousands};
use crate::gui::document::history::ScenarioField;
use crate::gui::tokens::Palette;
use crate::gui::widgets;
use crate::simulate::{GoalTarget, LeverKind, SimulationBase, goal_seek};
use egui::{RichText, Ui};

/// What to reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    RevenuePct,
    NetImpact,
}

/// Goal seek's inputs.
#[derive(Debug)]
pub(crate) struct GoalPanel {
    lever: LeverKind,
    measure: Measure,
    value: f64,
}

impl Default for GoalPanel {
    fn default() -> Self {
        Self {
            lever: LeverKind::Campaign,
            measure: Measure::RevenuePct,
            value: 5.0,
        }
    }
}

impl GoalPanel {
    pub(super) fn ui(&mut self, ui: &mut Ui, base: &SimulationBase, edits: &mut Edits<'_>) {
        let palette = Palette::current(ui.ctx());
        widgets::section(
            ui,
            "Goal seek",
            "The setting of one lever that reaches a target, the other levers as they are",
        );
        ui.horizontal(|ui| {
            let label = ui.label("Lever to adjust");
            egui::ComboBox::from_id_salt("goal-lever")
                .selected_text(self.lever.label())
                .show_ui(ui, |ui| {
                    for lever in LeverKind::ALL {
                        ui.selectable_value(&mut self.lever, lever, lever.label());
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("Target");
            egui::ComboBox::from_id_salt("goal-measure")
                .selected_text(match self.measure {
                    Measure::RevenuePct => "Revenue change (%)",
                    Measure::NetImpact => "Net impact",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut self.measure,
                        Measure::RevenuePct,
                        "Revenue change (%)",
                    );
                    ui.selectable_value(&mut self.measure, Measure::NetImpact, "Net impact");
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("Target value");
            ui.add(egui::DragValue::new(&mut self.value).speed(0.1))
                .labelled_by(label.id);
        });
        let target = match self.measure {
            Measure::RevenuePct => GoalTarget::RevenueChangePct(self.value),
            Measure::NetImpact => GoalTarget::NetImpact(self.value),
        };
        match goal_seek(base, &edits.next, self.lever, target) {
            Ok(found) => {
                let achieved = match self.measure {
                    Measure::RevenuePct => percent(found.achieved, Percent::OneDecimal),
                    Measure::NetImpact => thousands(found.achieved),
                };
                ui.label(
                    RichText::new(format!(
                        "{} at {} reaches {achieved}",
                        self.lever.label(),
                        percent(100.0 * found.setting, Percent::OneDecimal)
                    ))
                    .size(18.0)
                    .strong(),
                );
                let response = ui
                    .button("Use this setting")
                    .on_hover_text("Set the lever to this value in the scenario being edited");
                if response.clicked() {
                    edits.next.levers.set_setting(self.lever, found.setting);
                }
                edits.track(ScenarioField::Setting(self.lever), &response);
            }
            Err(reason) => {
                ui.label(RichText::new(format!("Out of reach: {reason}")).color(palette.warn));
            }
        }
    }
}
