//! The Simulation tab: wired in, waiting for the simulation module (its own issue).

use super::{Action, Context, View};
use crate::gui::widgets;
use egui::Ui;

#[derive(Debug, Default)]
pub(crate) struct SimulationView;

impl View for SimulationView {
    fn ui(&mut self, ui: &mut Ui, _cx: &Context<'_>, _out: &mut Vec<Action>) {
        widgets::not_available(
            ui,
            "Simulation is not available yet",
            "What-if levers on the segments (discounts, campaigns, channel shifts) arrive with the simulation module. Its sliders will stay usable in presentation mode.",
        );
    }
}
