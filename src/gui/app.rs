//! The workbench app: what it holds (dataset, mapping, settings, the current analysis, the
//! user's edits, the running job) and the order of one frame.

use super::command::Command;
use super::dataset::Dataset;
use super::dialogs::{FileDialogs, NativeDialogs};
use super::jobs::{Finished, Outcome};
use super::persistence::{SessionStore, default_store};
use super::prefs::Preferences;
use super::presentation::Presentation;
use super::state::{Field, History};
use super::views::{self, Action, Tab};
use super::widgets::NoticeKind;
use super::worker::Job;
use crate::config::RunConfig;
use crate::decisions::Decision;
use crate::personas::Persona;
use crate::pipeline::Analysis;
use crate::roles::ColumnMapping;
use crate::session::{Scenario, SessionUiState};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Mapping,
    Analysis,
}

/// How the workbench starts.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// A dataset or `.sis` session to open at once (`sis PATH`).
    pub open: Option<PathBuf>,
}

/// The views, each with its own UI state.
#[derive(Debug, Default)]
pub(super) struct Views {
    pub start: views::start::StartView,
    pub mapping: views::mapping::MappingView,
    pub overview: views::overview::OverviewView,
    pub segments: views::segments::SegmentsView,
    pub personas: views::personas::PersonasView,
    pub simulation: views::simulation::SimulationView,
    pub data: views::data::DataView,
    pub export: views::export::ExportView,
}

/// Closing the window with unsaved changes asks first.
#[derive(Debug, Default)]
pub(super) struct Closing {
    pub asking: bool,
    pub confirmed: bool,
}

/// The workbench window's app.
pub struct Workbench {
    pub(super) prefs: Preferences,
    pub(super) screen: Screen,
    pub(super) tab: Tab,
    /// The dataset on the mapping screen (or behind the current analysis).
    pub(super) dataset: Option<Dataset>,
    pub(super) mapping: ColumnMapping,
    pub(super) config: RunConfig,
    pub(super) current: Option<Finished>,
    /// The personas of the current analysis with the user's names and actions.
    pub(super) personas: Vec<Persona>,
    /// The core's decisions for those personas (recomputed after each persona edit).
    pub(super) decisions: Vec<Decision>,
    /// The last persona edit that was refused, and why.
    pub(super) edit_problem: Option<(Field, String)>,
    /// What a session keeps that the workbench does not edit yet (scenarios, chosen k).
    pub(super) scenarios: Vec<Scenario>,
    pub(super) session_ui: SessionUiState,
    pub(super) history: History,
    pub(super) dirty: bool,
    /// Counts changes, so a save that finishes after a later edit leaves the mark on.
    pub(super) revision: u64,
    pub(super) job: Option<Job<Outcome>>,
    pub(super) notice: Option<(NoticeKind, String)>,
    pub(super) presentation: Presentation,
    pub(super) store: Arc<dyn SessionStore>,
    pub(super) dialogs: Arc<dyn FileDialogs>,
    /// The sessions folder's latest bundles, for the start screen (read at start and after
    /// each save, never per frame).
    pub(super) saved_sessions: Vec<super::persistence::SavedSession>,
    pub(super) session_path: Option<PathBuf>,
    pub(super) views: Views,
    pub(super) queued: Vec<Action>,
    pub(super) closing: Closing,
    pub(super) title: String,
    pub(super) styled: bool,
    pub(super) applied_dark: Option<bool>,
}

impl Workbench {
    /// The app as eframe creates it: preferences from eframe's storage.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let mut app = Self::with_preferences(Preferences::load(cc.storage));
        super::tokens::install(&cc.egui_ctx);
        // Closed while presenting: start as a normal window again.
        if let Some(zoom) = app.prefs.zoom_after_presenting.take() {
            cc.egui_ctx.set_zoom_factor(zoom);
            cc.egui_ctx
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        app.styled = true;
        if let Some(path) = options.open {
            app.queued.push(Action::OpenPath(path));
        }
        app
    }

    /// The app without eframe storage (tests, headless runs): default preferences, dark
    /// theme, and file dialogs that answer Cancel until [`Self::set_file_dialogs`].
    pub fn for_tests() -> Self {
        Self::with_preferences(Preferences::default())
            .with_file_dialogs(Arc::new(super::dialogs::NoDialogs))
    }

    fn with_preferences(prefs: Preferences) -> Self {
        let mut app = Workbench {
            prefs,
            screen: Screen::Start,
            tab: Tab::Overview,
            dataset: None,
            mapping: ColumnMapping::new(Vec::new()),
            config: RunConfig::default(),
            current: None,
            personas: Vec::new(),
            decisions: Vec::new(),
            edit_problem: None,
            scenarios: Vec::new(),
            session_ui: SessionUiState::default(),
            history: History::default(),
            dirty: false,
            revision: 0,
            job: None,
            notice: None,
            presentation: Presentation::default(),
            store: default_store(),
            dialogs: Arc::new(NativeDialogs),
            saved_sessions: Vec::new(),
            session_path: None,
            views: Views::default(),
            queued: Vec::new(),
            closing: Closing::default(),
            title: String::new(),
            styled: false,
            applied_dark: None,
        };
        app.refresh_saved_sessions();
        app
    }

    /// Save and open sessions through `store` (default: `.sis` bundles in `sessions/`).
    pub fn with_session_store(mut self, store: Arc<dyn SessionStore>) -> Self {
        self.store = store;
        self.refresh_saved_sessions();
        self
    }

    /// Read the sessions folder again (its headers and manifests).
    pub(super) fn refresh_saved_sessions(&mut self) {
        self.saved_sessions =
            super::persistence::saved_sessions(&self.store.folder(), std::time::SystemTime::now());
    }

    /// Ask for files through `dialogs` (default: the system's file dialogs).
    pub fn with_file_dialogs(mut self, dialogs: Arc<dyn FileDialogs>) -> Self {
        self.set_file_dialogs(dialogs);
        self
    }

    /// Ask for files through `dialogs` from now on.
    pub fn set_file_dialogs(&mut self, dialogs: Arc<dyn FileDialogs>) {
        self.dialogs = dialogs;
    }

    /// Put an in-memory table on the mapping screen (generated data, tests).
    pub fn open_table(&mut self, table: crate::table::RawTable) {
        self.show_dataset(Dataset::new(None, table));
    }

    /// Open a dataset or session on the next frame, as if chosen in the file dialog.
    pub fn request_open(&mut self, path: impl Into<PathBuf>) {
        self.queued.push(Action::OpenPath(path.into()));
    }

    /// Replace the settings of the next run.
    pub fn set_run_config(&mut self, config: RunConfig) {
        self.config = config;
    }

    /// The analysis on display, if any.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.current.as_ref().map(|c| c.analysis.as_ref())
    }

    /// The personas as shown, with the user's names and actions.
    pub fn personas(&self) -> &[Persona] {
        &self.personas
    }

    /// The tab on display.
    pub fn active_tab(&self) -> Tab {
        self.tab
    }

    /// The session file the analysis was last saved to or opened from.
    pub fn session_path(&self) -> Option<&Path> {
        self.session_path.as_deref()
    }

    /// The two segments chosen on the Compare page (0-based).
    pub fn compared_segments(&self) -> (usize, usize) {
        let compare = &self.views.segments.compare;
        (compare.first, compare.second)
    }

    /// Whether background work is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Whether presentation mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presentation.active
    }

    /// Whether there are unsaved changes.
    pub fn has_unsaved_changes(&self) -> bool {
        self.dirty
    }

    /// The window title as last set.
    pub fn window_title(&self) -> &str {
        &self.title
    }

    pub(super) fn show_dataset(&mut self, dataset: Dataset) {
        self.mapping = dataset.detected_mapping();
        self.dataset = Some(dataset);
        self.views.mapping.reset();
        self.history.clear();
        self.screen = Screen::Mapping;
    }

    /// Everything that is not drawing: theme, job results, queued actions, shortcuts,
    /// close requests and the title.
    fn update_state(&mut self, ctx: &egui::Context) {
        if !self.styled {
            super::tokens::install(ctx);
            self.styled = true;
        }
        if self.applied_dark != Some(self.prefs.dark) {
            ctx.set_theme(if self.prefs.dark {
                egui::ThemePreference::Dark
            } else {
                egui::ThemePreference::Light
            });
            self.applied_dark = Some(self.prefs.dark);
        }
        self.poll_job();
        for action in std::mem::take(&mut self.queued) {
            self.apply(ctx, action);
        }
        // A focused widget (text field, slider) keeps its own keys: arrows, Esc, Ctrl+Z.
        let typing = ctx.text_edit_focused() || ctx.memory(|m| m.focused().is_some());
        for command in Command::pressed(ctx, self.presentation.active, typing) {
            match self.availability(command) {
                Ok(()) => self.execute(ctx, command),
                // Say why a shortcut did nothing, where that is not obvious.
                Err(reason)
                    if matches!(
                        command,
                        Command::Save
                            | Command::SaveAs
                            | Command::ExportPdf
                            | Command::OpenSession
                            | Command::RunSegmentation
                    ) =>
                {
                    self.notice =
                        Some((NoticeKind::Info, format!("{}: {reason}.", command.text())));
                }
                Err(_) => {}
            }
        }
        self.handle_close_request(ctx);
        self.update_title(ctx);
        if let (Some(dataset), Screen::Mapping) = (&self.dataset, self.screen) {
            self.views.mapping.refresh(dataset, &self.mapping);
        }
    }
}

impl eframe::App for Workbench {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.update_state(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut out = Vec::new();
        if self.presentation.active && self.current.is_some() {
            self.presentation_ui(ui, &mut out);
        } else {
            self.normal_ui(ui, &mut out);
        }
        self.drop_zone(&ctx);
        self.close_dialog(&ctx, &mut out);
        for action in out {
            self.apply(&ctx, action);
        }
        if self.job.is_some() {
            ctx.request_repaint_after(Duration::from_millis(250));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.zoom_after_presenting = self.presentation.zoom_outside();
        self.prefs.save(storage);
    }
}
