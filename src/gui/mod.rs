//! The eframe/egui workbench (being written).
