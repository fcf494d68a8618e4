//! What the views' actions do to the workbench, and how finished jobs replace what is shown
//! (only a complete result does).

use super::Workbench;
use super::commands::BUSY;
use crate::gui::dataset::{is_demo, unopenable};
use crate::gui::export_jobs::{self, ExportRequest};
use crate::gui::jobs::{self, Outcome};
use crate::gui::persistence::is_session;
use crate::gui::shell::Screen;
use crate::gui::views::{Action, DroppedFile, Tab};
use crate::gui::widgets::NoticeKind;
use crate::gui::worker::{Job, JobEnd};
use crate::progress::Progress;
use std::path::{Path, PathBuf};

impl Workbench {
    /// Carry out what a view asked for.
    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Command(command) => match self.availability(command) {
                Ok(()) => self.execute(ctx, command),
                Err(reason) => self.shell.say(NoticeKind::Info, reason),
            },
            Action::Edit(edit) => self.document.apply(edit),
            Action::Typing(field) => self.document.typing(field),
            Action::SelectScenario(name) => self.document.select_scenario(&name),
            Action::SwitchK(k) => {
                if !self.document.switch_k(k) {
                    self.shell.say(
                        NoticeKind::Info,
                        format!(
                            "k = {k} was not kept by this run; run again with it in the k range."
                        ),
                    );
                }
            }
            Action::OpenPath(path) => {
                if self.shell.is_busy() {
                    self.shell.say(NoticeKind::Info, BUSY);
                } else {
                    self.open_path(ctx, path);
                }
            }
            Action::OpenDropped(file) => {
                if self.shell.is_busy() {
                    self.shell.say(NoticeKind::Info, BUSY);
                } else {
                    self.open_dropped(ctx, file);
                }
            }
            Action::BackToAnalysis => {
                if self.document.current().is_some() {
                    self.shell.show_screen(Screen::Analysis);
                }
            }
            Action::Export(request) => {
                if self.shell.is_busy() {
                    self.shell.say(NoticeKind::Info, BUSY);
                } else {
                    self.start_export(ctx, request);
                }
            }
            Action::OpenFolder(folder) => {
                if let Err(e) = open_folder(&folder) {
                    self.shell.say(NoticeKind::Error, e);
                }
            }
            Action::DismissNotice => self.shell.dismiss_notice(),
            Action::CloseWithoutSaving => {
                self.shell.confirm_close();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::KeepWorking => self.shell.keep_open(),
        }
    }

    /// Open a dataset or, for `.sis`, a session.
    pub(super) fn open_path(&mut self, ctx: &egui::Context, path: PathBuf) {
        if let Some(problem) = unopenable(&path) {
            self.shell.say(NoticeKind::Error, problem);
            return;
        }
        let name = file_name(&path);
        if is_session(&path) {
            let title = format!("Opening {name}");
            let work = jobs::open_session(self.services.store(), path);
            self.start_job(ctx, title, work);
            return;
        }
        self.start_job(ctx, format!("Loading {name}"), jobs::load_dataset(path));
    }

    /// Open a dropped file: a session by its path (it is saved back there), a dataset from
    /// its bytes.
    fn open_dropped(&mut self, ctx: &egui::Context, file: DroppedFile) {
        let path = file.0.path().to_path_buf();
        if is_session(&path) {
            self.open_path(ctx, path);
            return;
        }
        let title = format!("Loading {}", file_name(&path));
        self.start_job(ctx, title, jobs::load_dropped(file.0));
    }

    /// Save the document to `path`, with the tab and the segments compared.
    pub(super) fn save_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        let k = self.document.analysis().map_or(0, |a| a.segmentation.k);
        let (first, second) = self.views.segments.compared();
        let compare = (k >= 2).then(|| (first.min(k - 1), second.min(k - 1)));
        let Some(contents) = self.document.contents(compare, self.shell.tab()) else {
            return;
        };
        let title = format!("Saving {}", path.display());
        let revision = self.document.revision();
        let work = jobs::save_session(self.services.store(), path, contents, revision);
        self.start_job(ctx, title, work);
    }

    /// Start an export of the current analysis on the worker.
    pub(super) fn start_export(&mut self, ctx: &egui::Context, request: ExportRequest) {
        let Some(source) = self.document.export_source() else {
            self.shell
                .say(NoticeKind::Info, "Run a segmentation first.");
            return;
        };
        let title = format!(
            "Exporting {} to {}",
            request.what(),
            file_name(request.path())
        );
        self.start_job(ctx, title, export_jobs::export(request, source));
    }

    pub(super) fn start_job(
        &mut self,
        ctx: &egui::Context,
        title: impl Into<String>,
        work: impl FnOnce(&Progress) -> JobEnd<Outcome> + Send + 'static,
    ) {
        self.shell.start_job(Job::spawn(title, ctx, work));
    }

    /// Take a finished job's result. Only a complete result replaces what is shown.
    pub(super) fn poll_job(&mut self) {
        let Some((title, end)) = self.shell.poll_job() else {
            return;
        };
        match end {
            JobEnd::Finished(outcome) => self.finish(outcome),
            JobEnd::Failed(message) => self.shell.say(NoticeKind::Error, message),
            JobEnd::Cancelled => {
                let kept = if self.document.current().is_some() {
                    "the previous analysis is unchanged"
                } else {
                    "nothing was changed"
                };
                self.shell
                    .say(NoticeKind::Info, format!("{title}: cancelled; {kept}."));
            }
        }
    }

    fn finish(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Loaded(dataset) => {
                if let Some(path) = &dataset.path {
                    self.shell.remember(path);
                }
                self.show_dataset(*dataset);
            }
            Outcome::Analysed(finished) => {
                // The demo has its own button; recent files list the user's own files.
                if let Some(path) = finished.dataset.as_ref().and_then(|d| d.path.as_ref())
                    && !is_demo(path)
                {
                    self.shell.remember(path);
                }
                self.document.analysed(*finished);
                self.views.segments.reset_compared();
                self.shell.show_screen(Screen::Analysis);
                if !self.shell.is_presenting() {
                    self.shell.show_tab(Tab::Overview);
                }
            }
            Outcome::Opened(finished, opened) => {
                self.shell.remember(&opened.path);
                let ui = self.document.opened(*finished, *opened);
                self.views.segments.reset_compared();
                if let Some((first, second)) = ui.compare {
                    self.views.segments.compare(first, second);
                }
                self.shell.show_tab(ui.active_tab.unwrap_or(Tab::Overview));
            }
            Outcome::Exported { path, what } => {
                let text = format!("Saved {what} to {}.", path.display());
                self.shell.say(NoticeKind::Info, text);
                self.views.export.exported(path);
            }
            Outcome::Saved { path, revision } => {
                self.shell.remember(&path);
                let saved = format!("Saved the session to {}.", path.display());
                self.shell.say(NoticeKind::Info, saved);
                self.document.saved(path, revision);
                self.services.refresh();
            }
        }
    }
}

/// Show `folder` in the system's file manager (without waiting for it).
fn open_folder(folder: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(drop)
        .map_err(|e| {
            format!(
                "Could not open {} with {program} ({e}); open the folder from your file manager.",
                folder.display()
            )
        })
}

/// The file name of `path` for titles, or the whole path when it has none.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
}
