//! Shared steps of the workbench tests: build the real app in a harness, step frames until
//! a condition holds (with a frame cap, never sleeping), and read what the window shows.

#![allow(dead_code)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sis::config::{KChoice, RunConfig, ScalerChoice};
use sis::format::parse_shown;
use sis::gui::FileDialogs;
use sis::gui::Workbench;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Most frames to wait for anything (a frame cap, not a time limit).
pub(crate) const FRAME_CAP: usize = 5_000_000;

pub(crate) type App = Harness<'static, Workbench>;

/// The real workbench in a 1440 × 900 window.
pub(crate) fn workbench() -> App {
    workbench_with(Workbench::for_tests())
}

pub(crate) fn workbench_with(app: Workbench) -> App {
    Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |_cc| app)
}

/// The workbench as `sis PATH` starts it: on the session or dataset at `path`, once it opened.
pub(crate) fn started_on(path: PathBuf) -> App {
    let open = Some(path);
    let mut app = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |cc| Workbench::new(cc, sis::gui::StartOptions { open }));
    app.step();
    wait_idle(&mut app, "opening the file given on the command line");
    app.run_steps(2);
    app
}

/// Save the session with Ctrl+Shift+S, the dialog answering `path`, and wait for the file.
pub(crate) fn save_session_as(app: &mut App, path: &Path) {
    app.state_mut()
        .set_file_dialogs(std::sync::Arc::new(AnsweredDialogs::new(path)));
    app.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    app.step();
    wait_idle(app, "saving the session");
    assert!(
        path.is_file(),
        "the session was written to {}",
        path.display()
    );
}

/// Settings that keep debug-build runs short: fixed scaler, k from 2 to 5, three seeds.
pub(crate) fn quick_config() -> RunConfig {
    RunConfig {
        k: KChoice::Auto,
        k_min: 2,
        k_max: 5,
        seeds: 3,
        scaler: ScalerChoice::Standard,
        ..RunConfig::default()
    }
}

/// Step frames until `done` holds; panics after `FRAME_CAP` frames.
pub(crate) fn step_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..FRAME_CAP {
        app.step();
        if done(app) {
            app.step();
            return;
        }
    }
    panic!("gave up waiting for {what} after {FRAME_CAP} frames");
}

/// Wait until no job runs.
pub(crate) fn wait_idle(app: &mut App, what: &str) {
    step_until(app, what, |h| !h.state().is_busy());
}

/// Open the demo from the start screen and wait for its analysis.
pub(crate) fn open_demo(app: &mut App) {
    app.get_by_label("Open demo dataset").click();
    app.step();
    wait_idle(app, "the demo run");
    assert!(
        app.state().analysis().is_some(),
        "the demo run produced no analysis"
    );
}

/// A workbench with the demo segmented under `quick_config`.
pub(crate) fn demo_workbench() -> App {
    let mut wb = Workbench::for_tests();
    wb.set_run_config(quick_config());
    let mut app = workbench_with(wb);
    open_demo(&mut app);
    app
}

/// The value a KPI card shows, as a number.
pub(crate) fn kpi(app: &App, label: &str) -> f64 {
    let value = app
        .get_by_label(label)
        .value()
        .unwrap_or_else(|| panic!("KPI card {label} shows no value"));
    parse_shown(&value).unwrap_or_else(|| panic!("KPI card {label} shows {value:?}"))
}

/// Whether any visible text contains `text`.
pub(crate) fn shows(app: &App, text: &str) -> bool {
    app.query_all_by_label_contains(text).next().is_some()
}

/// File dialogs answered without a window: every dialog picks `path`; what was asked is kept.
#[derive(Debug)]
pub(crate) struct AnsweredDialogs {
    pub path: PathBuf,
    pub asked: Mutex<Vec<String>>,
}

impl AnsweredDialogs {
    pub(crate) fn new(path: impl Into<PathBuf>) -> Self {
        AnsweredDialogs {
            path: path.into(),
            asked: Mutex::new(Vec::new()),
        }
    }

    fn ask(&self, what: String) -> Option<PathBuf> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(what);
        }
        Some(self.path.clone())
    }
}

impl FileDialogs for AnsweredDialogs {
    fn pick_dataset(&self) -> Option<PathBuf> {
        self.ask("open".into())
    }

    fn pick_session(&self, folder: &Path) -> Option<PathBuf> {
        self.ask(format!("open session in {}", folder.display()))
    }

    fn save_session(&self, folder: &Path, file_name: &str) -> Option<PathBuf> {
        self.ask(format!("save {file_name} in {}", folder.display()))
    }
}

/// Type `text` into the field labelled `label`, replacing what it holds, and leave it.
pub(crate) fn retype(app: &mut App, label: &str, text: &str) {
    app.get_by_label(label).click();
    app.run_steps(2);
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.step();
    app.get_by_label(label).type_text(text);
    app.step();
    app.key_press(egui::Key::Enter);
    app.run_steps(3);
}

/// Type `text` into the field with `role` labelled `label`, replacing what it holds, and
/// leave it with Enter.
pub(crate) fn retype_role(app: &mut App, role: Role, label: &str, text: &str) {
    app.get_by_role_and_label(role, label).click();
    app.run_steps(2);
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.step();
    app.get_by_role_and_label(role, label).type_text(text);
    app.step();
    app.key_press(egui::Key::Enter);
    app.run_steps(3);
}

/// Type `text` into the text field labelled `label`, replacing what it holds, and leave it.
pub(crate) fn retype_field(app: &mut App, label: &str, text: &str) {
    retype_role(app, Role::TextInput, label, text);
}
