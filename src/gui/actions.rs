//! What commands and view actions do to the workbench, when each command is available (and
//! why not), and how finished jobs replace what is shown.

use super::app::{Screen, Workbench};
use super::command::Command;
use super::jobs::{self, Outcome};
use super::persistence::{SESSION_PENDING, SessionContents, is_session};
use super::state::EditTarget;
use super::views::export::EXPORT_PENDING;
use super::views::{Action, Tab};
use super::widgets::NoticeKind;
use super::worker::{Job, JobEnd};
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
            Command::OpenSession if self.store.is_none() => fail(SESSION_PENDING),
            Command::OpenSession if busy => fail(BUSY),
            Command::Save | Command::SaveAs if self.store.is_none() => fail(SESSION_PENDING),
            Command::Save | Command::SaveAs if self.current.is_none() => fail(NO_ANALYSIS),
            Command::Save | Command::SaveAs if busy => fail(BUSY),
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
                let picked = rfd::FileDialog::new()
                    .set_title("Open a customer dataset")
                    .add_filter("Customer data", &["csv", "tsv", "txt", "parquet", "xlsx"])
                    .add_filter("All files", &["*"])
                    .pick_file();
                if let Some(path) = picked {
                    self.open_path(ctx, path);
                }
            }
            Command::OpenSession => {
                let picked = rfd::FileDialog::new()
                    .set_title("Open a session")
                    .add_filter("Session", &[super::persistence::SESSION_EXTENSION])
                    .pick_file();
                if let Some(path) = picked {
                    self.open_path(ctx, path);
                }
            }
            Command::Save => match self.session_path.clone() {
                Some(path) => self.save_to(ctx, path),
                None => self.execute(ctx, Command::SaveAs),
            },
            Command::SaveAs => {
                let picked = rfd::FileDialog::new()
                    .set_title("Save the session")
                    .add_filter("Session", &[super::persistence::SESSION_EXTENSION])
                    .set_file_name("analysis.sis")
                    .save_file();
                if let Some(path) = picked {
                    self.save_to(ctx, path);
                }
            }
            Command::ExportPdf => {}
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo | Command::Redo => {
                let mut target = EditTarget {
                    personas: &mut self.edits,
                    mapping: &mut self.mapping,
                };
                let done = if command == Command::Undo {
                    self.history.undo(&mut target)
                } else {
                    self.history.redo(&mut target)
                };
                if done.is_some() {
                    self.dirty = true;
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
            Action::Edit(edit) => {
                let mut target = EditTarget {
                    personas: &mut self.edits,
                    mapping: &mut self.mapping,
                };
                self.history.apply(edit, &mut target);
                self.dirty = true;
            }
            Action::Typing(field) => self.history.set_open(field),
            Action::OpenPath(path) => {
                if self.job.is_some() {
                    self.notice = Some((NoticeKind::Info, BUSY.into()));
                } else {
                    self.open_path(ctx, path);
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

    /// Open a dataset or, for `.sis`, a session.
    pub(super) fn open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        if is_session(&path) {
            match self.store.clone() {
                Some(store) => {
                    let title = format!("Opening {name}");
                    self.start_job(ctx, title, jobs::open_session(store, path));
                }
                None => {
                    self.notice = Some((
                        NoticeKind::Error,
                        format!("{name}: cannot open sessions yet. {SESSION_PENDING}."),
                    ));
                }
            }
            return;
        }
        let title = format!("Loading {name}");
        self.start_job(ctx, title, jobs::load_dataset(path));
    }

    fn save_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        let (Some(store), Some(current)) = (self.store.clone(), &self.current) else {
            return;
        };
        let contents = SessionContents {
            analysis: current.analysis.clone(),
            personas: self.edits.clone(),
            source: current.dataset.as_ref().and_then(|d| d.path.clone()),
        };
        let title = format!("Saving {}", path.display());
        self.start_job(ctx, title, jobs::save_session(store, path, contents));
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
                    && !super::demo_loader::is_demo(path)
                {
                    self.prefs.remember(path);
                }
                self.mapping = finished.analysis.mapping.clone();
                self.config = finished.analysis.config.clone();
                self.dataset = finished.dataset.clone();
                self.current = Some(*finished);
                self.edits = Default::default();
                self.history.clear();
                self.session_path = None;
                self.dirty = true;
                self.screen = Screen::Analysis;
                if !self.presentation.active {
                    self.tab = Tab::Overview;
                }
            }
            Outcome::Opened(finished, contents) => {
                self.mapping = finished.analysis.mapping.clone();
                self.config = finished.analysis.config.clone();
                self.dataset = None;
                self.current = Some(*finished);
                self.edits = contents.personas;
                self.history.clear();
                self.dirty = false;
                self.screen = Screen::Analysis;
                self.tab = Tab::Overview;
            }
            Outcome::Saved(path) => {
                self.prefs.remember(&path);
                self.session_path = Some(path);
                self.dirty = false;
            }
        }
    }
}
