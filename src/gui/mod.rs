//! The eframe/egui workbench: a desktop app over the core for decision-makers, workshops and
//! meetings. `run` opens the window; [`Workbench`] is the app (public for the kittest tests).

mod actions;
mod app;
mod chrome;
pub mod command;
pub mod dataset;
pub mod dialogs;
pub mod figures;
mod jobs;
pub mod persistence;
mod prefs;
pub mod presentation;
mod slides;
pub mod state;
pub mod tokens;
pub mod views;
mod widgets;
pub mod worker;

pub use app::{Screen, StartOptions, Workbench};
pub use chrome::APP_NAME;

use std::path::PathBuf;

/// Open the workbench window, optionally on a dataset or `.sis` session.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 640.0])
            .with_title(APP_NAME)
            .with_app_id("strategic-intelligence-stack")
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| Ok(Box::new(Workbench::new(cc, StartOptions { open: path })))),
    )
}
