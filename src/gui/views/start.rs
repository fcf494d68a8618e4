//! The start screen: open the demo, a dataset or a session, a session from the sessions
//! folder, or a recent file.

use super::{Action, Context, View};
use crate::gui::command::Command;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use egui::{RichText, Ui, vec2};

/// The start screen (no state of its own).
#[derive(Debug, Default)]
pub(crate) struct StartView;

impl View for StartView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        let availability = |command| cx.availability(command);
        let (saved, recent) = (cx.services.saved(), cx.shell.recent());
        let palette = Palette::current(ui.ctx());
        egui::ScrollArea::vertical()
            .auto_shrink([false, false]).show(ui, |ui| {
            ui.add_space((ui.available_height() * 0.1).max(24.0));
            ui.vertical_centered(|ui| {
                ui.set_max_width(620.0);
                ui.label(
                    RichText::new("Strategic Intelligence Stack")
                        .size(tokens::TITLE_SIZE)
                        .strong()
                        .color(palette.strong),
                );
                ui.label(
                    RichText::new(
                        "Segment your customers, see who brings the revenue, and decide what to do next.",
                    )
                    .size(16.0)
                    .color(palette.muted),
                );
                ui.add_space(tokens::SECTION_GAP * 1.5);
                for (command, detail) in [
                    (
                        Command::OpenDemo,
                        "2,240 customers of a retail marketing campaign, segmented at once",
                    ),
                    (Command::OpenDataset, "CSV, Parquet or XLSX; you review the columns before the run"),
                    (Command::OpenSession, "A saved .sis session with its analysis and persona edits"),
                ] {
                    start_button(ui, command, detail, &availability(command), out);
                    ui.add_space(6.0);
                }
                ui.add_space(tokens::SECTION_GAP);
                widgets::muted(ui, "or drop a CSV, Parquet, XLSX or .sis file on this window");
                ui.add_space(tokens::SECTION_GAP * 1.5);
                let can_open = availability(Command::OpenSession).is_ok();
                if !saved.is_empty() {
                    ui.label(RichText::new("Saved sessions").heading());
                    widgets::muted(ui, format!("Latest in {}", cx.services.folder().display()));
                    ui.add_space(4.0);
                    for saved in saved {
                        let response = ui
                            .add_enabled(
                                can_open && saved.readable,
                                egui::Button::new(&saved.name).min_size(vec2(360.0, 26.0)),
                            )
                            .on_hover_text(saved.path.display().to_string())
                            .on_disabled_hover_text(&saved.detail);
                        if response.clicked() {
                            out.push(Action::OpenPath(saved.path.clone()));
                        }
                        ui.label(
                            RichText::new(&saved.detail)
                                .size(tokens::SMALL_SIZE)
                                .color(palette.muted),
                        );
                        ui.add_space(2.0);
                    }
                    ui.add_space(tokens::SECTION_GAP);
                }
                ui.label(RichText::new("Recent files").heading());
                ui.add_space(4.0);
                if recent.is_empty() {
                    widgets::muted(ui, "No recent files yet.");
                }
                let can_open = availability(Command::OpenDataset).is_ok();
                for path in recent {
                    let name = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
                    let exists = path.exists();
                    let response = ui
                        .add_enabled(
                            can_open && exists,
                            egui::Button::new(name).min_size(vec2(360.0, 26.0)),
                        )
                        .on_hover_text(path.display().to_string())
                        .on_disabled_hover_text(if exists {
                            format!("{} (wait for the running work)", path.display())
                        } else {
                            format!("{} no longer exists", path.display())
                        });
                    if response.clicked() {
                        out.push(Action::OpenPath(path.clone()));
                    }
                }
            });
        });
    }
}

fn start_button(
    ui: &mut Ui,
    command: Command,
    detail: &str,
    availability: &Result<(), String>,
    out: &mut Vec<Action>,
) {
    let palette = Palette::current(ui.ctx());
    let hover = command.hover_text(ui.ctx());
    let response = if command == Command::OpenDemo {
        widgets::primary_button(ui, command.text(), 360.0, &hover, availability)
    } else {
        let button = egui::Button::new(RichText::new(command.text()).size(17.0).strong())
            .min_size(vec2(360.0, 42.0));
        let response = ui.add_enabled(availability.is_ok(), button);
        match availability {
            Ok(()) => response.on_hover_text(hover),
            Err(reason) => response.on_disabled_hover_text(reason.as_str()),
        }
    };
    if response.clicked() {
        out.push(Action::Command(command));
    }
    let detail = match availability {
        Ok(()) => detail.to_string(),
        Err(reason) => format!("{detail} · {reason}"),
    };
    ui.label(
        RichText::new(detail)
            .size(tokens::SMALL_SIZE)
            .color(palette.muted),
    );
}
