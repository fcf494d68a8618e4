//! The progress strip of a running job: what runs, the stage, the fraction done, the time
//! spent, and Cancel.

use super::Action;
use crate::gui::command::Command;
use crate::gui::tokens::Palette;
use egui::{RichText, Ui};

/// What the strip shows.
pub struct RunStatus<'a> {
    pub title: &'a str,
    pub stage: &'a str,
    pub fraction: f32,
    pub seconds: f32,
    pub cancelling: bool,
}

pub fn ui(ui: &mut Ui, status: &RunStatus<'_>, out: &mut Vec<Action>) {
    let palette = Palette::current(ui.ctx());
    ui.horizontal(|ui| {
        ui.add(egui::Spinner::new());
        ui.label(RichText::new(status.title).strong());
        let text = if status.cancelling {
            "Cancelling…".to_string()
        } else {
            format!("{} · {:.0}%", status.stage, status.fraction * 100.0)
        };
        let width = (ui.available_width() - 260.0).clamp(120.0, 520.0);
        ui.add(
            egui::ProgressBar::new(status.fraction)
                .desired_width(width)
                .text(text),
        );
        ui.label(RichText::new(format!("{:.0} s", status.seconds)).color(palette.muted));
        let cancel = ui
            .add_enabled(
                !status.cancelling,
                egui::Button::new(Command::CancelRun.text()),
            )
            .on_hover_text(Command::CancelRun.hover_text(ui.ctx()))
            .on_disabled_hover_text("Stopping at the next check; the current analysis stays");
        if cancel.clicked() {
            out.push(Action::Command(Command::CancelRun));
        }
    });
}
