//! The services the workbench talks to: where sessions are saved and opened, the file
//! dialogs, and the sessions folder's latest bundles as the start screen lists them.

use super::dialogs::{FileDialogs, NativeDialogs};
use super::persistence::{SavedSession, SessionStore, default_store, saved_sessions};
use std::path::PathBuf;
use std::sync::Arc;

/// The workbench's services.
pub(crate) struct Services {
    store: Arc<dyn SessionStore>,
    dialogs: Arc<dyn FileDialogs>,
    /// Read at start and after each save, never per frame.
    saved: Vec<SavedSession>,
}

impl Default for Services {
    /// Bundles in `sessions/` and the system's file dialogs.
    fn default() -> Self {
        let mut services = Services {
            store: default_store(),
            dialogs: Arc::new(NativeDialogs),
            saved: Vec::new(),
        };
        services.refresh();
        services
    }
}

impl Services {
    pub(crate) fn store(&self) -> Arc<dyn SessionStore> {
        self.store.clone()
    }

    pub(crate) fn set_store(&mut self, store: Arc<dyn SessionStore>) {
        self.store = store;
        self.refresh();
    }

    pub(crate) fn dialogs(&self) -> &dyn FileDialogs {
        self.dialogs.as_ref()
    }

    pub(crate) fn set_dialogs(&mut self, dialogs: Arc<dyn FileDialogs>) {
        self.dialogs = dialogs;
    }

    /// The folder sessions are saved in and opened from.
    pub(crate) fn folder(&self) -> PathBuf {
        self.store.folder()
    }

    /// The sessions folder's latest bundles.
    pub(crate) fn saved(&self) -> &[SavedSession] {
        &self.saved
    }

    /// Read the sessions folder again (its headers and manifests).
    pub(crate) fn refresh(&mut self) {
        self.saved = saved_sessions(&self.store.folder(), std::time::SystemTime::now());
    }
}
