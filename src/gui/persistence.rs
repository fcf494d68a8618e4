//! Saving and opening `.sis` sessions: a small trait the workbench talks to, implemented over
//! the core's `sis::session::Session` (atomic save, verified open) and its sessions folder.

use crate::personas::Persona;
use crate::pipeline::Analysis;
use crate::session::{self, Session, SessionUiState};
use crate::simulate::ScenarioLedger;
use crate::table::RawTable;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// Sessions the start screen lists at most.
pub(crate) const LISTED_SESSIONS: usize = 6;

/// The file extension of sessions.
pub(crate) const SESSION_EXTENSION: &str = session::EXTENSION;

/// What a session holds, as the workbench sees it.
#[derive(Debug, Clone)]
pub struct SessionContents {
    /// The data exactly as loaded.
    pub table: Arc<RawTable>,
    pub analysis: Arc<Analysis>,
    /// The personas as the user left them (edited names and actions); saved in place of the
    /// analysis' own.
    pub personas: Vec<Persona>,
    /// The baseline and the named what-if scenarios of the Simulation tab.
    pub scenarios: ScenarioLedger,
    pub ui: SessionUiState,
}

/// Where sessions are saved and opened.
pub trait SessionStore: Send + Sync {
    /// Write `contents` to `path`; the message names the file and the problem.
    fn save(&self, path: &Path, contents: &SessionContents) -> Result<(), String>;
    /// Read a session from `path`, checked before anything is used.
    fn open(&self, path: &Path) -> Result<SessionContents, String>;
    /// The folder the save and open dialogs start in.
    fn folder(&self) -> PathBuf;
}

/// Sessions as `.sis` bundles, by default in `sessions/` of the working directory.
#[derive(Debug, Clone, Default)]
pub struct BundleStore {
    folder: session::SessionStore,
}

impl BundleStore {
    /// Bundles in `folder` by default.
    pub fn in_folder(folder: impl Into<PathBuf>) -> BundleStore {
        BundleStore {
            folder: session::SessionStore::new(folder),
        }
    }
}

impl SessionStore for BundleStore {
    fn save(&self, path: &Path, contents: &SessionContents) -> Result<(), String> {
        let mut analysis = (*contents.analysis).clone();
        analysis.personas.clone_from(&contents.personas);
        let session = Session {
            table: (*contents.table).clone(),
            analysis,
            scenarios: contents.scenarios.clone(),
            ui: contents.ui.clone(),
        };
        session.save(path).map_err(|e| e.to_string())
    }

    fn open(&self, path: &Path) -> Result<SessionContents, String> {
        let session = Session::open(path).map_err(|e| e.to_string())?;
        Ok(SessionContents {
            personas: session.analysis.personas.clone(),
            table: Arc::new(session.table),
            analysis: Arc::new(session.analysis),
            scenarios: session.scenarios,
            ui: session.ui,
        })
    }

    fn folder(&self) -> PathBuf {
        self.folder.dir().to_path_buf()
    }
}

/// The store the workbench uses unless told otherwise: bundles in `sessions/`.
pub(crate) fn default_store() -> Arc<dyn SessionStore> {
    Arc::new(BundleStore::default())
}

/// A session in the sessions folder, as the start screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SavedSession {
    pub(crate) path: PathBuf,
    /// The file name.
    pub(crate) name: String,
    /// What it holds and when it was saved, or why it cannot be read.
    pub(crate) detail: String,
    pub(crate) readable: bool,
}

/// The most recently saved sessions in `folder`, newest first (headers and manifests only),
/// then the temporary files of interrupted saves: stale ones are removed and listed as
/// removed, others listed as kept (never openable).
pub(crate) fn saved_sessions(folder: &Path, now: SystemTime) -> Vec<SavedSession> {
    let store = session::SessionStore::new(folder);
    let leftovers = store.clean_temp_files(now);
    let Ok(mut found) = store.list() else {
        return Vec::new();
    };
    found.sort_by_key(|s| std::cmp::Reverse(s.modified));
    let mut listed: Vec<SavedSession> = found
        .into_iter()
        .take(LISTED_SESSIONS)
        .map(|s| {
            let name = s.path.file_name().map_or_else(
                || s.path.display().to_string(),
                |n| n.to_string_lossy().to_string(),
            );
            let age = s
                .modified
                .and_then(|m| now.duration_since(m).ok())
                .map(|age| format!(" · saved {} ago", session::describe_age(age)))
                .unwrap_or_default();
            let (detail, readable) = match &s.info {
                Ok(info) => {
                    let m = &info.manifest;
                    (
                        format!(
                            "{} · {} customers · {} segments{age}",
                            m.file_name,
                            crate::format::count(m.customers),
                            m.k
                        ),
                        true,
                    )
                }
                Err(e) => (format!("cannot be opened: {e}"), false),
            };
            SavedSession {
                path: s.path,
                name,
                detail,
                readable,
            }
        })
        .collect();
    let files = leftovers
        .removed
        .iter()
        .chain(leftovers.failed.iter().map(|(f, _)| f))
        .chain(&leftovers.kept);
    for (file, line) in files.zip(leftovers.describe()) {
        listed.push(SavedSession {
            name: file.path.file_name().map_or_else(
                || file.path.display().to_string(),
                |n| n.to_string_lossy().to_string(),
            ),
            path: file.path.clone(),
            detail: line,
            readable: false,
        });
    }
    listed
}

/// Whether a path names a session rather than a dataset.
pub(crate) fn is_session(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(SESSION_EXTENSION))
}

/// `path` as a session file: `.sis` added when it has another extension or none.
pub(crate) fn with_session_extension(path: PathBuf) -> PathBuf {
    if is_session(&path) {
        return path;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(SESSION_EXTENSION);
    path.with_file_name(name)
}

/// The suggested file name of a session on `data_file`: `marketing_campaign.sis`.
pub(crate) fn suggested_name(data_file: &str) -> String {
    let stem = Path::new(data_file)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "analysis".into());
    format!("{stem}.{SESSION_EXTENSION}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_paths_end_in_sis() {
        assert_eq!(
            with_session_extension(PathBuf::from("/tmp/a.sis")),
            Path::new("/tmp/a.sis")
        );
        assert_eq!(
            with_session_extension(PathBuf::from("/tmp/a")),
            Path::new("/tmp/a.sis")
        );
        assert_eq!(
            with_session_extension(PathBuf::from("/tmp/a.csv")),
            Path::new("/tmp/a.csv.sis")
        );
        assert_eq!(
            suggested_name("marketing_campaign.csv"),
            "marketing_campaign.sis"
        );
        assert_eq!(suggested_name(""), "analysis.sis");
        assert!(is_session(Path::new("x.SIS")));
    }
}
