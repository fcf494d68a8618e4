//! The window around the views: menu bar, tab bar, progress strip, status bar, the title
//! with its unsaved-changes mark, the close confirmation and the file-drop overlay. Like the
//! views, it reads the [`Context`] and pushes [`Action`]s.

use super::command::{Command, command_button};
use super::document::Document;
use super::shell::Screen;
use super::tokens::{self, Palette};
use super::views::run_panel::RunPanel;
use super::views::{Action, Context, DroppedFile, Tab, View, Views};
use super::widgets;
use crate::format;
use egui::{Align, Color32, Layout, RichText, Ui};

/// The app's name, first in the window title.
pub(crate) const APP_NAME: &str = "Strategic Intelligence Stack";

/// The workbench outside presentation mode: the bars around the screen that is up.
pub(crate) fn normal_ui(ui: &mut Ui, cx: &Context<'_>, views: &mut Views, out: &mut Vec<Action>) {
    egui::Panel::top("menu-bar").show(ui, |ui| menu_bar(ui, cx, out));
    if cx.shell.screen() == Screen::Analysis && cx.shown.is_some() {
        egui::Panel::top("tab-bar").show(ui, |ui| tab_bar(ui, cx, out));
    }
    if cx.shell.is_busy() {
        egui::Panel::top("progress").show(ui, |ui| RunPanel.ui(ui, cx, out));
    }
    egui::Panel::bottom("status-bar").show(ui, |ui| status_bar(ui, cx));
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some((kind, text)) = cx.shell.notice() {
            if widgets::notice_banner(ui, *kind, text) {
                out.push(Action::DismissNotice);
            }
            ui.add_space(tokens::ITEM_GAP);
        }
        let view: &mut dyn View = match cx.shell.screen() {
            Screen::Start => &mut views.start,
            Screen::Mapping => &mut views.mapping,
            Screen::Analysis => views.tab(cx.shell.tab()),
        };
        view.ui(ui, cx, out);
    });
}

fn menu_bar(ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
    let mut opened: Vec<Action> = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        let mut item = |ui: &mut Ui, command: Command| {
            if command_button(ui, command, &cx.availability(command)) {
                out.push(Action::Command(command));
            }
        };
        ui.menu_button("File", |ui| {
            item(ui, Command::OpenDemo);
            item(ui, Command::OpenDataset);
            item(ui, Command::OpenSession);
            ui.menu_button("Open recent", |ui| {
                if cx.shell.recent().is_empty() {
                    ui.label("No recent files");
                }
                for path in cx.shell.recent() {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        opened.push(Action::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            item(ui, Command::Save);
            item(ui, Command::SaveAs);
            item(ui, Command::ExportPdf);
            ui.separator();
            item(ui, Command::Quit);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Command::Undo);
            item(ui, Command::Redo);
            ui.separator();
            item(ui, Command::EditMapping);
        });
        ui.menu_button("Run", |ui| {
            item(ui, Command::RunSegmentation);
            item(ui, Command::CancelRun);
        });
        ui.menu_button("View", |ui| {
            for tab in Tab::ALL {
                item(ui, Command::ShowTab(tab));
            }
            ui.separator();
            item(ui, Command::TogglePresentation);
            item(ui, Command::ToggleTheme);
        });
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let theme = if cx.shell.is_dark() {
                "Light theme"
            } else {
                "Dark theme"
            };
            if ui
                .button(theme)
                .on_hover_text(Command::ToggleTheme.hover_text(ui.ctx()))
                .clicked()
            {
                out.push(Action::Command(Command::ToggleTheme));
            }
            let present = cx.availability(Command::TogglePresentation);
            let response = ui.add_enabled(present.is_ok(), egui::Button::new("▶ Present"));
            let response = match &present {
                Ok(()) => response.on_hover_text(Command::TogglePresentation.hover_text(ui.ctx())),
                Err(reason) => response.on_disabled_hover_text(reason.as_str()),
            };
            if response.clicked() {
                out.push(Action::Command(Command::TogglePresentation));
            }
        });
    });
    out.extend(opened);
}

fn tab_bar(ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
    ui.add_space(2.0);
    ui.horizontal(|ui| {
        for tab in Tab::ALL {
            let command = Command::ShowTab(tab);
            let response = ui
                .selectable_label(
                    cx.shell.tab() == tab,
                    RichText::new(tab.title()).size(15.0).strong(),
                )
                .on_hover_text(command.hover_text(ui.ctx()));
            if response.clicked() {
                out.push(Action::Command(command));
            }
            ui.add_space(6.0);
        }
    });
    ui.add_space(2.0);
}

fn status_bar(ui: &mut Ui, cx: &Context<'_>) {
    let palette = Palette::current(ui.ctx());
    let document = cx.document;
    ui.horizontal(|ui| {
        let text = match (document.current(), cx.shell.screen()) {
            (_, Screen::Mapping) => document.dataset().map_or(String::new(), |d| {
                format!(
                    "Mapping {} · {} rows",
                    d.table.file_name,
                    format::count(d.table.n_rows())
                )
            }),
            (Some(c), _) => format!(
                "{} · {} customers · {} segments · run {}",
                c.analysis.file_name,
                format::count(c.figures.kpis.customers),
                c.analysis.segmentation.k,
                crate::run_id::short(&c.analysis.run_id)
            ),
            (None, _) => "No dataset open".into(),
        };
        ui.label(
            RichText::new(text)
                .size(tokens::SMALL_SIZE)
                .color(palette.muted),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if document.is_dirty() {
                ui.label(
                    RichText::new("• Unsaved changes")
                        .size(tokens::SMALL_SIZE)
                        .color(palette.warn),
                );
            }
        });
    });
}

/// The window title: app, file, and a mark for unsaved changes.
pub(crate) fn window_title(document: &Document) -> String {
    let title = match document.file_name() {
        Some(f) => format!("{f} — {APP_NAME}"),
        None => APP_NAME.to_string(),
    };
    if document.is_dirty() {
        format!("● {title} (unsaved changes)")
    } else {
        title
    }
}

/// Closing with unsaved changes asks first: close anyway, save first, or keep working.
pub(crate) fn close_dialog(ctx: &egui::Context, cx: &Context<'_>, out: &mut Vec<Action>) {
    if !cx.shell.is_asking_to_close() {
        return;
    }
    let save = cx.availability(Command::Save);
    let modal = egui::Modal::new(egui::Id::unique("close-confirm")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.label(RichText::new("Close with unsaved changes?").heading());
        ui.add_space(6.0);
        let why = match &save {
            Ok(()) => "The analysis and your persona edits are not saved.".to_string(),
            Err(reason) => {
                format!("The analysis and your persona edits are not saved. ({reason}.)")
            }
        };
        ui.label(why);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Close without saving").clicked() {
                out.push(Action::CloseWithoutSaving);
            }
            if save.is_ok() && ui.button("Save first").clicked() {
                out.push(Action::KeepWorking);
                out.push(Action::Command(Command::Save));
            }
            if ui.button("Keep working").clicked() {
                out.push(Action::KeepWorking);
            }
        });
    });
    if modal.should_close() {
        out.push(Action::KeepWorking);
    }
}

/// While a file hovers over the window, say what dropping it does; open it when dropped.
pub(crate) fn drop_zone(ctx: &egui::Context, out: &mut Vec<Action>) {
    let (hovered, dropped) = ctx.input(|i| {
        (
            i.raw.hovered_files.clone(),
            i.raw.dropped_files.first().cloned(),
        )
    });
    if let Some(file) = dropped {
        out.push(Action::OpenDropped(DroppedFile(file)));
    }
    if hovered.is_empty() {
        return;
    }
    let name = hovered
        .first()
        .and_then(|f| f.path.as_ref())
        .and_then(|p| p.file_name())
        .map_or_else(|| "the file".into(), |n| n.to_string_lossy().to_string());
    let rect = ctx.content_rect();
    let palette = Palette::current(ctx);
    egui::Area::new(egui::Id::unique("drop-overlay"))
        .order(egui::Order::Foreground)
        .fixed_pos(rect.min)
        .interactable(false)
        .show(ctx, |ui| {
            ui.set_min_size(rect.size());
            let painter = ui.painter();
            painter.rect_filled(rect, 0.0, Color32::from_black_alpha(170));
            painter.rect_stroke(
                rect.shrink(24.0),
                12.0,
                egui::Stroke::new(3.0, palette.accent),
                egui::StrokeKind::Inside,
            );
            let centre =
                egui::Rect::from_center_size(rect.center(), egui::vec2(rect.width(), 90.0));
            ui.scope_builder(egui::UiBuilder::new().max_rect(centre), |ui| {
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(format!("Drop to open {name}"))
                            .size(30.0)
                            .color(Color32::WHITE),
                    );
                    ui.label(
                        RichText::new("CSV, Parquet or XLSX datasets, or a .sis session")
                            .size(16.0)
                            .color(Color32::from_gray(220)),
                    );
                });
            });
        });
}
