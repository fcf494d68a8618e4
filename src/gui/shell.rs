//! The shell around the document: which screen and tab are up, the running job, the notice,
//! the theme and recent files, presentation mode, the close confirmation and the window
//! title. Nothing here is saved in a session.

use super::jobs::Outcome;
use super::prefs::Preferences;
use super::presentation::{Presentation, Slide};
use super::tab::Tab;
use super::widgets::NoticeKind;
use super::worker::{Job, JobEnd};
use std::path::{Path, PathBuf};

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Screen {
    Start,
    Mapping,
    Analysis,
}

/// The workbench's shell.
pub(crate) struct Shell {
    prefs: Preferences,
    screen: Screen,
    tab: Tab,
    job: Option<Job<Outcome>>,
    notice: Option<(NoticeKind, String)>,
    presentation: Presentation,
    /// The close confirmation is up.
    asking_to_close: bool,
    /// The user chose to close without saving.
    close_confirmed: bool,
    title: String,
    /// The theme last handed to egui (`None`: not yet).
    applied_dark: Option<bool>,
}

impl Shell {
    pub(crate) fn new(prefs: Preferences) -> Shell {
        Shell {
            prefs,
            screen: Screen::Start,
            tab: Tab::Overview,
            job: None,
            notice: None,
            presentation: Presentation::default(),
            asking_to_close: false,
            close_confirmed: false,
            title: String::new(),
            applied_dark: None,
        }
    }

    pub(crate) fn screen(&self) -> Screen {
        self.screen
    }

    pub(crate) fn show_screen(&mut self, screen: Screen) {
        self.screen = screen;
    }

    pub(crate) fn tab(&self) -> Tab {
        self.tab
    }

    /// Show `tab` of the analysis.
    pub(crate) fn show_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.screen = Screen::Analysis;
    }

    /// The running job, if any.
    pub(crate) fn job(&self) -> Option<&Job<Outcome>> {
        self.job.as_ref()
    }

    pub(crate) fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Start `job` (one at a time; the callers check), clearing the notice.
    pub(crate) fn start_job(&mut self, job: Job<Outcome>) {
        self.notice = None;
        self.job = Some(job);
    }

    pub(crate) fn cancel_job(&self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
    }

    /// How the running job ended, with its title, once it has.
    pub(crate) fn poll_job(&mut self) -> Option<(String, JobEnd<Outcome>)> {
        let end = self.job.as_mut()?.poll()?;
        let job = self.job.take()?;
        Some((job.title, end))
    }

    pub(crate) fn notice(&self) -> Option<&(NoticeKind, String)> {
        self.notice.as_ref()
    }

    pub(crate) fn say(&mut self, kind: NoticeKind, text: impl Into<String>) {
        self.notice = Some((kind, text.into()));
    }

    pub(crate) fn dismiss_notice(&mut self) {
        self.notice = None;
    }

    pub(crate) fn is_dark(&self) -> bool {
        self.prefs.dark
    }

    pub(crate) fn toggle_theme(&mut self) {
        self.prefs.dark = !self.prefs.dark;
    }

    /// Hand the theme to egui when it changed.
    pub(crate) fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_dark != Some(self.prefs.dark) {
            ctx.set_theme(if self.prefs.dark {
                egui::ThemePreference::Dark
            } else {
                egui::ThemePreference::Light
            });
            self.applied_dark = Some(self.prefs.dark);
        }
    }

    pub(crate) fn recent(&self) -> &[PathBuf] {
        &self.prefs.recent
    }

    /// Put `path` first in the recent files.
    pub(crate) fn remember(&mut self, path: &Path) {
        self.prefs.remember(path);
    }

    /// The preferences to store, with the zoom to come back to when closed while presenting.
    pub(crate) fn prefs_to_save(&mut self) -> &Preferences {
        self.prefs.zoom_after_presenting = self.presentation.zoom_outside();
        &self.prefs
    }

    /// Closed while presenting: start as a normal window again.
    pub(crate) fn restore_window(&mut self, ctx: &egui::Context) {
        if let Some(zoom) = self.prefs.zoom_after_presenting.take() {
            ctx.set_zoom_factor(zoom);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    pub(crate) fn is_presenting(&self) -> bool {
        self.presentation.active
    }

    pub(crate) fn present(&mut self, ctx: &egui::Context) {
        self.screen = Screen::Analysis;
        self.presentation.enter(ctx);
    }

    pub(crate) fn stop_presenting(&mut self, ctx: &egui::Context) {
        self.presentation.leave(ctx);
    }

    pub(crate) fn next_slide(&mut self, deck_len: usize) {
        self.presentation.next(deck_len);
    }

    pub(crate) fn previous_slide(&mut self) {
        self.presentation.previous();
    }

    /// The slide on display of `deck`.
    pub(crate) fn slide(&self, deck: &[Slide]) -> Slide {
        self.presentation.current(deck)
    }

    pub(crate) fn is_asking_to_close(&self) -> bool {
        self.asking_to_close
    }

    /// A close request: with unsaved changes (and no choice made yet) ask first, and return
    /// whether the close must wait.
    pub(crate) fn hold_close(&mut self, unsaved: bool) -> bool {
        let hold = unsaved && !self.close_confirmed;
        if hold {
            self.asking_to_close = true;
        }
        hold
    }

    /// Close without saving.
    pub(crate) fn confirm_close(&mut self) {
        self.asking_to_close = false;
        self.close_confirmed = true;
    }

    /// Keep the window open.
    pub(crate) fn keep_open(&mut self) {
        self.asking_to_close = false;
    }

    /// Set the window title when it changed.
    pub(crate) fn set_title(&mut self, ctx: &egui::Context, title: String) {
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub(crate) fn title(&self) -> &str {
        &self.title
    }
}
