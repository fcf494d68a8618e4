//! The eframe/egui workbench: a desktop app over the core for decision-makers, workshops and
//! meetings. `run` opens the window; [`Workbench`] is the app. The rest is public only as far
//! as the kittest tests and the `gui_frames` example drive the app: the commands, the tabs,
//! the session store and file dialogs they plug in, the demo dataset, and how figures are
//! printed.

mod app;
mod availability;
mod chart_image;
mod chrome;
mod command;
mod dataset;
mod dialogs;
mod document;
mod export_jobs;
mod figures;
mod jobs;
mod persistence;
mod prefs;
mod presentation;
mod services;
mod shell;
mod slides;
mod start;
mod tab;
mod tokens;
mod views;
mod widgets;
mod worker;

pub use app::{StartOptions, Workbench};
pub use command::Command;
pub use dataset::{demo_path, load_demo};
pub use dialogs::FileDialogs;
pub use figures::switch_k_with_figures;
pub use persistence::{BundleStore, SessionContents, SessionStore};
pub use start::start_failure;
pub use tab::Tab;

use chrome::APP_NAME;
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
