//! The progress strip of a running job: what runs, the stage, the fraction done, the time
//! spent, and Cancel.

use super::{Action, Context, View};
use crate::gui::command::Command;
use crate::gui::tokens::Palette;
use egui::{RichText, Ui};

/// The progress strip (no state of its own; draws nothing when no job runs).
#[derive(Debug, Default)]
pub(crate) struct RunPanel;

impl View for RunPanel {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        if let Some(job) = cx.shell.job() {
            let status = RunStatus {
                title: &job.title,
                stage: job.stage.label(),
                fraction: job.fraction,
                seconds: job.elapsed().as_secs_f32(),
                cancelling: job.cancel_requested(),
            };
            strip(ui, &status, out);
        }
    }
}

/// What the strip shows.
struct RunStatus<'a> {
    title: &'a str,
    stage: &'a str,
    fraction: f32,
    seconds: f32,
    cancelling: bool,
}

fn strip(ui: &mut Ui, status: &RunStatus<'_>, out: &mut Vec<Action>) {
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
