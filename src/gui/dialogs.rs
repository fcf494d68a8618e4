//! The file dialogs (open a dataset or session, save a session), behind a trait so tests and
//! headless runs can answer them without a window.

use super::persistence::SESSION_EXTENSION;
use std::path::{Path, PathBuf};

/// Dataset files the open dialog offers.
pub(crate) const DATASET_EXTENSIONS: [&str; 6] = ["csv", "tsv", "txt", "parquet", "xlsx", "xlsm"];

/// Asks the user for files. `None` means the user cancelled.
pub trait FileDialogs: Send + Sync {
    /// A dataset, or a `.sis` session, to open.
    fn pick_dataset(&self) -> Option<PathBuf>;
    /// A session to open, starting in `folder`.
    fn pick_session(&self, folder: &Path) -> Option<PathBuf>;
    /// Where to save the session, starting in `folder` with `file_name` suggested.
    fn save_session(&self, folder: &Path, file_name: &str) -> Option<PathBuf>;
}

/// The system's file dialogs.
#[derive(Debug, Default)]
pub(crate) struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_dataset(&self) -> Option<PathBuf> {
        let mut all = DATASET_EXTENSIONS.to_vec();
        all.push(SESSION_EXTENSION);
        rfd::FileDialog::new()
            .set_title("Open a customer dataset or a session")
            .add_filter("Customer data or session", &all)
            .add_filter("Customer data", &DATASET_EXTENSIONS)
            .add_filter("Session", &[SESSION_EXTENSION])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_session(&self, folder: &Path) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open a session")
            .add_filter("Session", &[SESSION_EXTENSION]);
        if let Ok(folder) = folder.canonicalize() {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_file()
    }

    fn save_session(&self, folder: &Path, file_name: &str) -> Option<PathBuf> {
        // The sessions folder is where saving starts; make it if this is the first save.
        let _ = std::fs::create_dir_all(folder);
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save the session")
            .add_filter("Session", &[SESSION_EXTENSION])
            .set_file_name(file_name);
        if let Ok(folder) = folder.canonicalize() {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file()
    }
}

/// Dialogs that are always cancelled: for headless runs, where no dialog can be shown.
#[derive(Debug, Default)]
pub(crate) struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_dataset(&self) -> Option<PathBuf> {
        None
    }

    fn pick_session(&self, _folder: &Path) -> Option<PathBuf> {
        None
    }

    fn save_session(&self, _folder: &Path, _file_name: &str) -> Option<PathBuf> {
        None
    }
}
