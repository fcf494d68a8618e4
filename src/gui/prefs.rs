//! Preferences that outlive the window: theme and recent files (eframe persistence; the
//! window size is persisted by eframe itself).

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const KEY: &str = "sis-preferences";
/// How many recent files the start screen lists.
pub(crate) const RECENT_LIMIT: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Preferences {
    pub(crate) dark: bool,
    pub(crate) recent: Vec<PathBuf>,
    /// Set when the window was closed while presenting: the zoom to come back to (egui keeps
    /// the presentation zoom and full screen otherwise).
    pub(crate) zoom_after_presenting: Option<f32>,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            dark: true,
            recent: Vec::new(),
            zoom_after_presenting: None,
        }
    }
}

impl Preferences {
    pub(crate) fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, KEY))
            .unwrap_or_default()
    }

    pub(crate) fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
    }

    /// Put `path` first in the recent files.
    pub(crate) fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_and_bounded() {
        let mut prefs = Preferences::default();
        for i in 0..12 {
            prefs.remember(Path::new(&format!("/tmp/none-{i}.csv")));
        }
        prefs.remember(Path::new("/tmp/none-11.csv"));
        assert_eq!(prefs.recent.len(), RECENT_LIMIT);
        assert_eq!(prefs.recent[0], Path::new("/tmp/none-11.csv"));
    }
}
