//! Shared steps of the workbench tests: build the real app in a harness, step frames until
//! a condition holds (with a frame cap, never sleeping), and read what the window shows.

#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sis::config::{KChoice, RunConfig, ScalerChoice};
use sis::gui::Workbench;
use sis::gui::format::parse_shown;

/// Most frames to wait for anything (a frame cap, not a time limit).
pub const FRAME_CAP: usize = 5_000_000;

pub type App = Harness<'static, Workbench>;

/// The real workbench in a 1440 × 900 window.
pub fn workbench() -> App {
    workbench_with(Workbench::for_tests())
}

pub fn workbench_with(app: Workbench) -> App {
    Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |_cc| app)
}

/// Settings that keep debug-build runs short: fixed scaler, k from 2 to 5, three seeds.
pub fn quick_config() -> RunConfig {
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
pub fn step_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
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
pub fn wait_idle(app: &mut App, what: &str) {
    step_until(app, what, |h| !h.state().is_busy());
}

/// Open the demo from the start screen and wait for its analysis.
pub fn open_demo(app: &mut App) {
    app.get_by_label("Open demo dataset").click();
    app.step();
    wait_idle(app, "the demo run");
    assert!(
        app.state().analysis().is_some(),
        "the demo run produced no analysis"
    );
}

/// A workbench with the demo segmented under `quick_config`.
pub fn demo_workbench() -> App {
    let mut wb = Workbench::for_tests();
    wb.set_run_config(quick_config());
    let mut app = workbench_with(wb);
    open_demo(&mut app);
    app
}

/// The value a KPI card shows, as a number.
pub fn kpi(app: &App, label: &str) -> f64 {
    let value = app
        .get_by_label(label)
        .value()
        .unwrap_or_else(|| panic!("KPI card {label} shows no value"));
    parse_shown(&value).unwrap_or_else(|| panic!("KPI card {label} shows {value:?}"))
}

/// Whether any visible text contains `text`.
pub fn shows(app: &App, text: &str) -> bool {
    app.query_all_by_label_contains(text).next().is_some()
}
