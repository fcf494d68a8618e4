//! The workbench app, split as egui's demo app and rerun's viewer split theirs: the
//! [`Document`] (what is saved and undone), the [`Shell`] around it (jobs, notices, theme,
//! presentation), the [`Services`] it talks to (session store, file dialogs) and the
//! [`Views`] with their own UI state. One frame: logic (job results, queued actions,
//! shortcuts, close requests, title), then drawing, which only pushes actions, then the
//! actions.

mod apply;
mod commands;

pub(crate) use super::availability::availability;

use super::chart_image;
use super::chrome;
use super::command::Command;
use super::dataset::Dataset;
use super::dialogs::{FileDialogs, NoDialogs};
use super::document::Document;
use super::persistence::SessionStore;
use super::prefs::Preferences;
use super::services::Services;
use super::shell::{Screen, Shell};
use super::slides;
use super::views::{Action, Context, Tab, Views};
use super::widgets::NoticeKind;
use crate::config::RunConfig;
use crate::personas::Persona;
use crate::pipeline::Analysis;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// How the workbench starts.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// A dataset or `.sis` session to open at once (`sis PATH`).
    pub open: Option<PathBuf>,
}

/// The workbench window's app.
pub struct Workbench {
    document: Document,
    shell: Shell,
    services: Services,
    views: Views,
    /// Actions for the next frame's logic (a path given at start, [`Self::request_open`]).
    queued: Vec<Action>,
    /// Whether the look (fonts, spacing) is installed in the egui context.
    styled: bool,
    /// Chart images written (or refused) since the last frame.
    charts: chart_image::ChartSaves,
}

impl Workbench {
    /// The app as eframe creates it: preferences from eframe's storage.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let mut app = Self::with_preferences(Preferences::load(cc.storage));
        super::tokens::install(&cc.egui_ctx);
        app.shell.restore_window(&cc.egui_ctx);
        app.styled = true;
        if let Some(path) = options.open {
            app.queued.push(Action::OpenPath(path));
        }
        app
    }

    /// The app without eframe storage (tests, headless runs): default preferences, dark
    /// theme, and file dialogs that answer Cancel until [`Self::set_file_dialogs`].
    pub fn for_tests() -> Self {
        Self::with_preferences(Preferences::default()).with_file_dialogs(Arc::new(NoDialogs))
    }

    fn with_preferences(prefs: Preferences) -> Self {
        Workbench {
            document: Document::default(),
            shell: Shell::new(prefs),
            services: Services::default(),
            views: Views::default(),
            queued: Vec::new(),
            styled: false,
            charts: chart_image::ChartSaves::default(),
        }
    }

    /// Save and open sessions through `store` (default: `.sis` bundles in `sessions/`).
    pub fn with_session_store(mut self, store: Arc<dyn SessionStore>) -> Self {
        self.services.set_store(store);
        self
    }

    /// Ask for files through `dialogs` (default: the system's file dialogs).
    pub fn with_file_dialogs(mut self, dialogs: Arc<dyn FileDialogs>) -> Self {
        self.set_file_dialogs(dialogs);
        self
    }

    /// Ask for files through `dialogs` from now on.
    pub fn set_file_dialogs(&mut self, dialogs: Arc<dyn FileDialogs>) {
        self.services.set_dialogs(dialogs);
    }

    /// Put an in-memory table on the mapping screen (generated data, tests).
    pub fn open_table(&mut self, table: crate::table::RawTable) {
        self.show_dataset(Dataset::new(None, table));
    }

    /// Open a dataset or session on the next frame, as if chosen in the file dialog.
    pub fn request_open(&mut self, path: impl Into<PathBuf>) {
        self.queued.push(Action::OpenPath(path.into()));
    }

    /// Replace the settings of the next run (not an undoable edit).
    pub fn set_run_config(&mut self, config: RunConfig) {
        self.document.set_config(config);
    }

    /// The settings of the next run, as the mapping screen shows them.
    pub fn run_config(&self) -> &RunConfig {
        self.document.config()
    }

    /// The analysis on display, if any.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.document.analysis()
    }

    /// The personas as shown, with the user's names and actions.
    pub fn personas(&self) -> &[Persona] {
        self.document.personas()
    }

    /// The scenarios of the Simulation tab: the baseline and the named ones.
    pub fn scenarios(&self) -> &crate::simulate::ScenarioLedger {
        &self.document.bench().ledger
    }

    /// The scenario the Simulation tab edits.
    pub fn active_scenario(&self) -> &crate::simulate::Scenario {
        self.document.bench().active()
    }

    /// The tab on display.
    pub fn active_tab(&self) -> Tab {
        self.shell.tab()
    }

    /// The session file the analysis was last saved to or opened from.
    pub fn session_path(&self) -> Option<&Path> {
        self.document.path()
    }

    /// The two segments chosen on the Compare page (0-based).
    pub fn compared_segments(&self) -> (usize, usize) {
        self.views.segments.compared()
    }

    /// Whether background work is running.
    pub fn is_busy(&self) -> bool {
        self.shell.is_busy()
    }

    /// Whether presentation mode is on.
    pub fn is_presenting(&self) -> bool {
        self.shell.is_presenting()
    }

    /// Whether there are unsaved changes.
    pub fn has_unsaved_changes(&self) -> bool {
        self.document.is_dirty()
    }

    /// The window title as last set.
    pub fn window_title(&self) -> &str {
        self.shell.title()
    }

    /// `Ok` when `command` can run now, or the reason it cannot (shown as its tooltip).
    pub fn availability(&self, command: Command) -> Result<(), String> {
        availability(&self.document, &self.shell, command)
    }

    /// A dataset to map: the mapping screen opens on its detected roles.
    fn show_dataset(&mut self, dataset: Dataset) {
        self.document.open_dataset(dataset);
        self.views.mapping.reset();
        self.shell.show_screen(Screen::Mapping);
    }

    /// Everything that is not drawing: theme, job results, queued actions, shortcuts,
    /// close requests and the title.
    fn update_state(&mut self, ctx: &egui::Context) {
        if !self.styled {
            super::tokens::install(ctx);
            self.styled = true;
        }
        self.shell.apply_theme(ctx);
        self.poll_job();
        self.saved_charts(ctx);
        for action in std::mem::take(&mut self.queued) {
            self.apply(ctx, action);
        }
        self.shortcuts(ctx);
        if ctx.input(|i| i.viewport().close_requested())
            && self.shell.hold_close(self.document.is_dirty())
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        self.shell
            .set_title(ctx, chrome::window_title(&self.document));
        // A screen whose content went away (a failed open) falls back to the start.
        let gone = match self.shell.screen() {
            Screen::Start => false,
            Screen::Mapping => self.document.dataset().is_none(),
            Screen::Analysis => self.document.current().is_none(),
        };
        if gone {
            self.shell.show_screen(Screen::Start);
        }
        if self.shell.screen() == Screen::Mapping {
            self.document.refresh_check();
        }
    }

    /// Say where the chart images asked for were saved.
    fn saved_charts(&mut self, ctx: &egui::Context) {
        for result in self.charts.take_finished(ctx) {
            match result {
                Ok(path) => {
                    let text = format!("Saved the chart to {}.", path.display());
                    self.shell.say(NoticeKind::Info, text);
                    self.views.export.exported(path);
                }
                Err(e) => self.shell.say(NoticeKind::Error, e),
            }
        }
    }

    /// Run the commands whose shortcut was pressed.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        // A focused widget (text field, slider) keeps its own keys: arrows, Esc, Ctrl+Z.
        let typing = ctx.text_edit_focused() || ctx.memory(|m| m.focused().is_some());
        for command in Command::pressed(ctx, self.shell.is_presenting(), typing) {
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
                    self.shell
                        .say(NoticeKind::Info, format!("{}: {reason}.", command.text()));
                }
                Err(_) => {}
            }
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
        {
            let cx = Context::new(&self.document, &self.shell, &self.services);
            if cx.shell.is_presenting() && cx.shown.is_some() {
                slides::presentation_ui(ui, &cx, &mut self.views, &mut out);
            } else {
                chrome::normal_ui(ui, &cx, &mut self.views, &mut out);
            }
            chrome::drop_zone(&ctx, &mut out);
            chrome::close_dialog(&ctx, &cx, &mut out);
        }
        for action in out {
            self.apply(&ctx, action);
        }
        if let Some(shot) = chart_image::take_request(&ctx) {
            let folder = self.views.export.folder(&self.document, &self.services);
            self.charts.capture(&ctx, shot, folder);
        }
        if self.shell.is_busy() {
            ctx.request_repaint_after(Duration::from_millis(250));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.shell.prefs_to_save().save(storage);
    }
}
