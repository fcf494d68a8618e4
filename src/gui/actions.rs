//! What commands and view actions do to the workbench, when each command is available (and
//! why not), and how finished jobs replace what is shown.

use super::app::{Screen, Workbench};
use super::command::Command;
use super::jobs::{self, Outcome};
use super::persistence::{SessionContents, suggested_name, with_session_extension};
use super::state::{Edit, EditTarget};
use super::views::export::EXPORT_PENDING;
use super::views::{Action, DroppedFile, Tab};
use super::widgets::NoticeKind;
use super::worker::{Job, JobEnd};
use crate::decisions::decisions_for;
use crate::personas::apply_persona_edit;
use crate::session::FileKind;
use crate::session::SessionUiState;
use std::path::PathBuf;

const BUSY: &str = "Wait for the running work to finish, or cancel it";
const NO_ANALYSIS: &str = "Run a segmentation first";

impl Workbench {
    /// `Ok` when `command` can run now, or the reason it cannot (shown as its tooltip).
    pub fn availability(&self, command: Command) -> Result<(), String> {
        let busy = self.job.is_some();
        let fail = |reason: &str| Err(reason.to_string());
        match command {
            Command::OpenDemo | Command::OpenDataset if busy => fail(BUSY),
            Command::OpenSession if busy => fail(BUSY),
            Command::Save | Command::SaveAs if self.current.is_none() => fail(NO_ANALYSIS),
            Command::Save | Command::SaveAs if busy => fail(BUSY),
            Command::Save | Command::SaveAs
                if self.current.as_ref().is_some_and(|c| c.dataset.is_none()) =>
            {
                fail("The data behind this analysis is not loaded; open it again")
            }
            Command::ExportPdf => fail(EXPORT_PENDING),
            Command::Undo => match self.history.next_undo() {
                Some(_) => Ok(()),
                None => fail("Nothing to undo"),
            },
            Command::Redo => match self.history.next_redo() {
                Some(_) => Ok(()),
                None => fail("Nothing to redo"),
            },
            Command::EditMapping if busy => fail(BUSY),
            Command::EditMapping if self.dataset.is_none() => {
                fail("The dataset behind this analysis is not loaded; open it again")
            }
            Command::RunSegmentation => {
                if busy {
                    return fail(BUSY);
                }
                if self.dataset.is_none() {
                    return fail("Open a dataset first");
                }
                if let Err(e) = self.config.clone().validate() {
                    return Err(format!("Fix the settings first: {e}"));
                }
                if self.screen == Screen::Mapping
                    && let Some(problem) = self.views.mapping.problem()
                {
                    return Err(format!("Fix the mapping first: {problem}"));
                }
                Ok(())
            }
            Command::CancelRun if !busy => fail("Nothing is running"),
            Command::ShowTab(_) | Command::TogglePresentation if self.current.is_none() => {
                fail(NO_ANALYSIS)
            }
            Command::NextSlide | Command::PreviousSlide | Command::LeavePresentation
                if !self.presentation.active =>
            {
                fail("Only in presentation mode")
            }
            _ => Ok(()),
        }
    }

    /// Run a command (check [`Self::availability`] first).
    pub(super) fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenDemo => {
                let config = self.config.clone();
                self.start_job(ctx, "Opening the demo dataset", jobs::open_demo(config));
            }
            Command::OpenDataset => {
                if let Some(path) = self.dialogs.pick_dataset() {
                    self.open_path(ctx, path);
                }
            }
            Command::OpenSession => {
                if let Some(path) = self.dialogs.pick_session(&self.store.folder()) {
                    self.open_path(ctx, path);
                }
            }
            Command::Save => match self.session_path.clone() {
                Some(path) => self.save_to(ctx, path),
                None => self.execute(ctx, Command::SaveAs),
            },
            Command::SaveAs => {
                let name = self
                    .analysis()
                    .map_or_else(|| suggested_name(""), |a| suggested_name(&a.file_name));
                if let Some(path) = self.dialogs.save_session(&self.store.folder(), &name) {
                    self.save_to(ctx, with_session_extension(path));
                }
            }
            Command::ExportPdf => {}
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo | Command::Redo => {
                let mut target = EditTarget {
                    personas: &mut self.personas,
                    mapping: &mut self.mapping,
                };
                let done = if command == Command::Undo {
                    self.history.undo(&mut target)
                } else {
                    self.history.redo(&mut target)
                };
                if let Some(edit) = done {
                    self.edit_problem = None;
                    self.changed(edit.persona_edit().is_some());
                }
            }
            Command::EditMapping => {
                if let Some((mapping, config)) = self
                    .analysis()
                    .map(|a| (a.mapping.clone(), a.config.clone()))
                {
                    self.mapping = mapping;
                    self.config = config;
                }
                self.history.clear();
                self.views.mapping.reset();
                self.screen = Screen::Mapping;
            }
            Command::RunSegmentation => {
                if let Some(dataset) = self.dataset.clone() {
                    let title = format!("Segmenting {}", dataset.table.file_name);
                    let work = jobs::run(dataset, self.mapping.clone(), self.config.clone());
                    self.start_job(ctx, title, work);
                }
            }
            Command::CancelRun => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
            }
            Command::ShowTab(tab) => {
                self.tab = tab;
                self.screen = Screen::Analysis;
                if self.presentation.active {
                    self.presentation.leave(ctx);
                }
            }
            Command::TogglePresentation => {
                if self.presentation.active {
                    self.presentation.leave(ctx);
                } else {
                    self.screen = Screen::Analysis;
                    self.presentation.enter(ctx);
                }
            }
            Command::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            Command::NextSlide => {
                let len = self.deck().len();
                self.presentation.next(len);
            }
            Command::PreviousSlide => self.presentation.previous(),
            Command::LeavePresentation => self.presentation.leave(ctx),
        }
    }

    /// Carry out what a view asked for.
    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(command) => match self.availability(command) {
                Ok(()) => self.execute(ctx, command),
                Err(reason) => self.notice = Some((NoticeKind::Info, reason)),
            },
            Action::Edit(edit) => self.edit(edit),
            Action::Typing(field) => {
                if field.is_none() {
                    self.edit_problem = None;
                }
                self.history.set_open(field);
            }
            Action::OpenPath(path) => {
                if self.job.is_some() {
                    self.notice = Some((NoticeKind::Info, BUSY.into()));
                } else {
                    self.open_path(ctx, path);
                }
            }
            Action::OpenDropped(file) => {
                if self.job.is_some() {
                    self.notice = Some((NoticeKind::Info, BUSY.into()));
                } else {
                    self.open_dropped(ctx, file);
                }
            }
            Action::BackToAnalysis => {
                if self.current.is_some() {
                    self.screen = Screen::Analysis;
                }
            }
            Action::DismissNotice => self.notice = None,
        }
    }

    /// Apply an edit the user made; a persona edit the core refuses (a name that is taken,
    /// empty or too long) is shown next to its field instead.
    fn edit(&mut self, edit: Edit) {
        let persona = edit.persona_edit();
        if let Some(change) = &persona {
            let mut probe = self.personas.clone();
            if let Err(e) = apply_persona_edit(&mut probe, change) {
                self.edit_problem = Some((edit.field(), format!("Not applied: {e}.")));
                return;
            }
        }
        self.edit_problem = None;
        let mut target = EditTarget {
            personas: &mut self.personas,
            mapping: &mut self.mapping,
        };
        self.history.apply(edit, &mut target);
        self.changed(persona.is_some());
    }

    /// Something the session saves changed: mark it unsaved, and refresh the decisions when
    /// a persona changed (they name the personas).
    pub(super) fn changed(&mut self, personas: bool) {
        self.dirty = true;
        self.revision += 1;
        if personas && let Some(current) = &self.current {
            self.decisions = decisions_for(&current.analysis.insights, &self.personas);
        }
    }

    /// Open a dataset or, for `.sis`, a session.
    pub(super) fn open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        if FileKind::of(&path) == FileKind::Session {
            let title = format!("Opening {name}");
            self.start_job(ctx, title, jobs::open_session(self.store.clone(), path));
            return;
        }
        let title = format!("Loading {name}");
        self.start_job(ctx, title, jobs::load_dataset(path));
    }

    /// Open a dropped file: a session by its path (it is saved back there), a dataset from
    /// its bytes.
    fn open_dropped(&mut self, ctx: &egui::Context, file: DroppedFile) {
        let path = file.0.path().to_path_buf();
        if FileKind::of(&path) == FileKind::Session {
            self.open_path(ctx, path);
            return;
        }
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        self.start_job(ctx, format!("Loading {name}"), jobs::load_dropped(file.0));
    }

    /// The view state a session keeps: the tab, the segments compared and the chosen k.
    fn session_ui(&self) -> SessionUiState {
        let k = self.analysis().map_or(0, |a| a.segmentation.k);
        let compare = &self.views.segments.compare;
        SessionUiState {
            selected_k: self.session_ui.selected_k,
            compare: (k >= 2).then(|| (compare.first.min(k - 1), compare.second.min(k - 1))),
            active_tab: Some(self.tab.title().to_string()),
        }
    }

    fn save_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(current) = &self.current else {
            return;
        };
        let Some(dataset) = &current.dataset else {
            return;
        };
        let contents = SessionContents {
            table: dataset.table.clone(),
            analysis: current.analysis.clone(),
            personas: self.personas.clone(),
            scenarios: self.scenarios.clone(),
            ui: self.session_ui(),
        };
        let title = format!("Saving {}", path.display());
        let work = jobs::save_session(self.store.clone(), path, contents, self.revision);
        self.start_job(ctx, title, work);
    }

    fn start_job(
        &mut self,
        ctx: &egui::Context,
        title: impl Into<String>,
        work: impl FnOnce(&crate::progress::Progress) -> JobEnd<Outcome> + Send + 'static,
    ) {
        self.notice = None;
        self.job = Some(Job::spawn(title, ctx, work));
    }

    /// Take a finished job's result. Only a complete result replaces what is shown.
    pub(super) fn poll_job(&mut self) {
        let Some(job) = &mut self.job else {
            return;
        };
        let Some(end) = job.poll() else {
            return;
        };
        let title = job.title.clone();
        self.job = None;
        match end {
            JobEnd::Finished(outcome) => self.finish(outcome),
            JobEnd::Failed(message) => self.notice = Some((NoticeKind::Error, message)),
            JobEnd::Cancelled => {
                let kept = if self.current.is_some() {
                    "the previous analysis is unchanged"
                } else {
                    "nothing was changed"
                };
                self.notice = Some((NoticeKind::Info, format!("{title}: cancelled; {kept}.")));
            }
        }
    }

    fn finish(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Loaded(dataset) => {
                if let Some(path) = &dataset.path {
                    self.prefs.remember(path);
                }
                self.show_dataset(dataset);
            }
            Outcome::Analysed(finished) => {
                // The demo has its own button; recent files list the user's own files.
                if let Some(path) = finished.dataset.as_ref().and_then(|d| d.path.as_ref())
                    && !super::dataset::is_demo(path)
                {
                    self.prefs.remember(path);
                }
                self.show_analysis(*finished, SessionUiState::default());
                self.scenarios.clear();
                self.session_path = None;
                self.changed(false);
                if !self.presentation.active {
                    self.tab = Tab::Overview;
                }
            }
            Outcome::Opened(finished, opened) => {
                self.prefs.remember(&opened.path);
                self.show_analysis(*finished, opened.ui);
                self.scenarios = opened.scenarios;
                self.session_path = Some(opened.path);
                self.dirty = false;
                self.tab = self
                    .session_ui
                    .active_tab
                    .as_deref()
                    .and_then(Tab::from_title)
                    .unwrap_or(Tab::Overview);
                if let Some((first, second)) = self.session_ui.compare {
                    let compare = &mut self.views.segments.compare;
                    compare.first = first;
                    compare.second = second;
                }
            }
            Outcome::Saved { path, revision } => {
                self.prefs.remember(&path);
                self.notice = Some((
                    NoticeKind::Info,
                    format!("Saved the session to {}.", path.display()),
                ));
                self.session_path = Some(path);
                if revision == self.revision {
                    self.dirty = false;
                }
                self.refresh_saved_sessions();
            }
        }
    }

    /// Put a complete analysis on display, with its personas as they were saved.
    fn show_analysis(&mut self, finished: super::jobs::Finished, ui: SessionUiState) {
        self.mapping = finished.analysis.mapping.clone();
        self.config = finished.analysis.config.clone();
        self.dataset = finished.dataset.clone();
        self.personas = finished.analysis.personas.clone();
        self.decisions = decisions_for(&finished.analysis.insights, &self.personas);
        self.current = Some(finished);
        self.edit_problem = None;
        self.session_ui = ui;
        self.views.segments.compare = Default::default();
        self.history.clear();
        self.screen = Screen::Analysis;
    }
}
