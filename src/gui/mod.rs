//! The eframe/egui workbench. (Minimal window until the workbench issue lands.)

use std::path::PathBuf;

/// Open the workbench window, optionally on a dataset or session.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title("Strategic Intelligence Stack"),
        ..Default::default()
    };
    eframe::run_native(
        "Strategic Intelligence Stack",
        options,
        Box::new(move |_cc| Ok(Box::new(Workbench { path }))),
    )
}

struct Workbench {
    path: Option<PathBuf>,
}

impl eframe::App for Workbench {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Strategic Intelligence Stack");
            match &self.path {
                Some(p) => ui.label(format!("Requested: {}", p.display())),
                None => ui.label("Use the `sis` command line while the workbench is being built."),
            };
        });
    }
}
