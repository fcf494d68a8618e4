//! Saving and opening `.sis` sessions, behind a small trait the session module plugs into.
//! Until `sis::session::Session` lands there is no store, so Save and Open session are
//! disabled with a tooltip that says why.

use super::state::PersonaEdits;
use crate::pipeline::Analysis;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why Save and Open session are disabled while no store is connected.
pub const SESSION_PENDING: &str = "Sessions (.sis) arrive with the session module";

/// The file extension of sessions.
pub const SESSION_EXTENSION: &str = "sis";

/// What a session holds, as the workbench sees it.
#[derive(Debug, Clone)]
pub struct SessionContents {
    pub analysis: Arc<Analysis>,
    pub personas: PersonaEdits,
    /// The dataset the analysis was made from, when known.
    pub source: Option<PathBuf>,
}

/// Where sessions are saved and opened. Implemented over `sis::session::Session`
/// (`save(path)` / `open(path)`) when the session module is merged.
pub trait SessionStore: Send + Sync {
    /// Write `contents` to `path`; the message names the file and the problem.
    fn save(&self, path: &Path, contents: &SessionContents) -> Result<(), String>;
    /// Read a session from `path`.
    fn open(&self, path: &Path) -> Result<SessionContents, String>;
}

/// The store the workbench uses: none yet.
// Connect here: `Some(Arc::new(BundleStore))` with `BundleStore` wrapping `sis::session::Session`.
pub fn default_store() -> Option<Arc<dyn SessionStore>> {
    None
}

/// Whether a path names a session rather than a dataset.
pub fn is_session(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(SESSION_EXTENSION))
}
