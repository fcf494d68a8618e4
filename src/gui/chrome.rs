//! The window around the views: menu bar, tab bar, progress strip, status bar, the title
//! with its unsaved-changes mark, the close confirmation and the file-drop overlay.

use super::app::{Screen, Workbench};
use super::command::{Command, command_button};
use super::tokens::{self, Palette};
use super::views::{Action, DroppedFile, Shown, Tab, run_panel};
use super::widgets;
use crate::format;
use egui::{Align, Color32, Layout, RichText, Ui};

/// The app's name, first in the window title.
pub const APP_NAME: &str = "Strategic Intelligence Stack";

impl Workbench {
    pub(super) fn normal_ui(&mut self, ui: &mut Ui, out: &mut Vec<Action>) {
        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar(ui, out));
        if self.screen == Screen::Analysis && self.current.is_some() {
            egui::Panel::top("tab-bar").show(ui, |ui| self.tab_bar(ui, out));
        }
        if let Some(job) = &self.job {
            let stage = job.stage.label();
            let status = run_panel::RunStatus {
                title: &job.title,
                stage,
                fraction: job.fraction,
                seconds: job.elapsed().as_secs_f32(),
                cancelling: job.cancel_requested(),
            };
            egui::Panel::top("progress").show(ui, |ui| run_panel::ui(ui, &status, out));
        }
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some((kind, text)) = &self.notice {
                if widgets::notice_banner(ui, *kind, text) {
                    out.push(Action::DismissNotice);
                }
                ui.add_space(tokens::ITEM_GAP);
            }
            self.screen_ui(ui, out);
        });
    }

    fn screen_ui(&mut self, ui: &mut Ui, out: &mut Vec<Action>) {
        match self.screen {
            Screen::Start => {
                let mut start = std::mem::take(&mut self.views.start);
                let availability = |c| self.availability(c);
                let lists = super::views::start::Lists {
                    recent: &self.prefs.recent,
                    saved: &self.saved_sessions,
                    folder: self.store.folder(),
                };
                start.ui(ui, &lists, availability, out);
                self.views.start = start;
            }
            Screen::Mapping => {
                let Some(dataset) = self.dataset.clone() else {
                    self.screen = Screen::Start;
                    return;
                };
                let context = super::views::mapping::MappingContext {
                    run: self.availability(Command::RunSegmentation),
                    has_analysis: self.current.is_some(),
                    known_features: self
                        .analysis()
                        .map(|a| a.features.names().iter().map(|s| s.to_string()).collect())
                        .unwrap_or_default(),
                    config: &mut self.config,
                };
                self.views
                    .mapping
                    .ui(ui, &dataset, &self.mapping, context, out);
            }
            Screen::Analysis => {
                let edit_mapping = self.availability(Command::EditMapping);
                let reading = Reading {
                    current: &self.current,
                    personas: &self.personas,
                    decisions: &self.decisions,
                    problem: self.edit_problem.as_ref(),
                };
                let Some(shown) = reading.shown(false) else {
                    self.screen = Screen::Start;
                    return;
                };
                let views = &mut self.views;
                match self.tab {
                    Tab::Overview => views.overview.ui(ui, &shown),
                    Tab::Segments => views.segments.ui(ui, &shown),
                    Tab::Personas => views.personas.ui(ui, &shown, out),
                    Tab::Simulation => views.simulation.ui(ui),
                    Tab::Data => views.data.ui(ui, &shown, &edit_mapping, out),
                    Tab::Export => views.export.ui(ui),
                }
            }
        }
    }

    fn menu_bar(&self, ui: &mut Ui, out: &mut Vec<Action>) {
        let mut opened: Vec<Action> = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            let mut item = |ui: &mut Ui, command: Command| {
                if command_button(ui, command, &self.availability(command)) {
                    out.push(Action::Command(command));
                }
            };
            ui.menu_button("File", |ui| {
                item(ui, Command::OpenDemo);
                item(ui, Command::OpenDataset);
                item(ui, Command::OpenSession);
                ui.menu_button("Open recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in &self.prefs.recent {
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
                let theme = if self.prefs.dark {
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
                let present = self.availability(Command::TogglePresentation);
                let response = ui.add_enabled(present.is_ok(), egui::Button::new("▶ Present"));
                let response = match &present {
                    Ok(()) => {
                        response.on_hover_text(Command::TogglePresentation.hover_text(ui.ctx()))
                    }
                    Err(reason) => response.on_disabled_hover_text(reason.as_str()),
                };
                if response.clicked() {
                    out.push(Action::Command(Command::TogglePresentation));
                }
            });
        });
        out.extend(opened);
    }

    fn tab_bar(&mut self, ui: &mut Ui, out: &mut Vec<Action>) {
        ui.add_space(2.0);
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                let command = Command::ShowTab(tab);
                let response = ui
                    .selectable_label(
                        self.tab == tab,
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

    fn status_bar(&self, ui: &mut Ui) {
        let palette = Palette::current(ui.ctx());
        ui.horizontal(|ui| {
            let text = match (&self.current, self.screen) {
                (_, Screen::Mapping) => self.dataset.as_ref().map_or(String::new(), |d| {
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
                if self.dirty {
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
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let file = self
            .session_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_string())
            .or_else(|| self.current.as_ref().map(|c| c.analysis.file_name.clone()))
            .or_else(|| self.dataset.as_ref().map(|d| d.table.file_name.clone()));
        let mut title = match file {
            Some(f) => format!("{f} — {APP_NAME}"),
            None => APP_NAME.to_string(),
        };
        if self.dirty {
            title = format!("● {title} (unsaved changes)");
        }
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Closing with unsaved changes asks first.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.dirty && !self.closing.confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.closing.asking = true;
        }
    }

    pub(super) fn close_dialog(&mut self, ctx: &egui::Context, out: &mut Vec<Action>) {
        if !self.closing.asking {
            return;
        }
        let save = self.availability(Command::Save);
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
                    self.closing = super::app::Closing {
                        asking: false,
                        confirmed: true,
                    };
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
                if save.is_ok() && ui.button("Save first").clicked() {
                    self.closing.asking = false;
                    out.push(Action::Command(Command::Save));
                }
                if ui.button("Keep working").clicked() {
                    self.closing.asking = false;
                }
            });
        });
        if modal.should_close() {
            self.closing.asking = false;
        }
    }

    /// While a file hovers over the window, say what dropping it does; open it when dropped.
    pub(super) fn drop_zone(&mut self, ctx: &egui::Context) {
        let (hovered, dropped) = ctx.input(|i| {
            (
                i.raw.hovered_files.clone(),
                i.raw.dropped_files.first().cloned(),
            )
        });
        if let Some(file) = dropped {
            self.queued.push(Action::OpenDropped(DroppedFile(file)));
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
}

/// What the views read: the current analysis with the user's personas and their decisions.
pub(super) struct Reading<'a> {
    pub current: &'a Option<super::jobs::Finished>,
    pub personas: &'a [crate::personas::Persona],
    pub decisions: &'a [crate::decisions::Decision],
    pub problem: Option<&'a (super::state::Field, String)>,
}

impl<'a> Reading<'a> {
    /// The views' read-only picture of the current analysis.
    pub fn shown(&self, presenting: bool) -> Option<Shown<'a>> {
        self.current.as_ref().map(|c| Shown {
            analysis: &c.analysis,
            figures: &c.figures,
            personas: self.personas,
            decisions: self.decisions,
            problem: self.problem,
            presenting,
        })
    }
}
