//! The sessions folder: where bundles are saved by default, listed (from headers and
//! manifests only) and pruned by age.
//!
//! The default folder is `sessions/` in the current working directory, so a project's sessions
//! live next to its data and move with it; `--dir` (CLI) or [`SessionStore::new`] chooses
//! another. Only files ending in `.sis` are bundles.

use super::age::describe_age;
use super::atomic::is_temp_name;
use super::error::SessionError;
use super::file_kind::{EXTENSION, FileKind};
use super::info::{BundleInfo, Verify};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The default sessions folder, relative to the working directory.
pub const DEFAULT_FOLDER: &str = "sessions";

/// One file found in the sessions folder.
#[derive(Debug)]
pub struct StoredSession {
    pub path: PathBuf,
    pub bytes: u64,
    /// Last modification: the save date is a file-system fact, not part of the bundle.
    pub modified: Option<SystemTime>,
    /// The header and manifest, or why they could not be read.
    pub info: Result<BundleInfo, SessionError>,
}

/// A file that prune removed, or would remove in a dry run.
#[derive(Debug)]
pub struct PrunedFile {
    pub path: PathBuf,
    pub bytes: u64,
    pub age: Duration,
    /// `Err` when the removal failed (the file is still there).
    pub outcome: Result<(), String>,
}

/// What [`SessionStore::prune`] did.
#[derive(Debug)]
pub struct PruneReport {
    pub dry_run: bool,
    pub pruned: Vec<PrunedFile>,
    /// Bundles young enough to keep.
    pub kept: usize,
}

/// A folder of session bundles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionStore {
    dir: PathBuf,
}

impl Default for SessionStore {
    /// `sessions/` in the working directory.
    fn default() -> Self {
        SessionStore::new(DEFAULT_FOLDER)
    }
}

impl SessionStore {
    pub fn new(dir: impl Into<PathBuf>) -> SessionStore {
        SessionStore { dir: dir.into() }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where a session called `name` is saved (`.sis` added when there is no extension).
    pub fn path_for(&self, name: &str) -> PathBuf {
        let path = self.dir.join(name);
        if path.extension().is_some() {
            path
        } else {
            path.with_extension(EXTENSION)
        }
    }

    /// The bundles in the folder, by file name, each with its header and manifest (the
    /// payloads are neither read nor checked). A missing folder holds no bundles.
    pub fn list(&self) -> Result<Vec<StoredSession>, SessionError> {
        let mut found = Vec::new();
        for (path, meta) in self.files()? {
            if !is_bundle(&path) {
                continue;
            }
            found.push(StoredSession {
                bytes: meta.len(),
                modified: meta.modified().ok(),
                info: BundleInfo::read(&path, Verify::Manifest),
                path,
            });
        }
        Ok(found)
    }

    /// Remove bundles (and stale temporary files of interrupted saves) last modified more
    /// than `older_than` before `now`; with `dry_run`, only report what would go. A bundle is
    /// removed by age alone, readable or not.
    pub fn prune(
        &self,
        older_than: Duration,
        now: SystemTime,
        dry_run: bool,
    ) -> Result<PruneReport, SessionError> {
        let mut report = PruneReport {
            dry_run,
            pruned: Vec::new(),
            kept: 0,
        };
        for (path, meta) in self.files()? {
            let temp = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| is_temp_name(&n) && n.contains(".sis."));
            if !is_bundle(&path) && !temp {
                continue;
            }
            // A modification time in the future (clock changes) counts as age zero.
            let age = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .unwrap_or_default();
            if age <= older_than {
                report.kept += usize::from(!temp);
                continue;
            }
            let outcome = if dry_run {
                Ok(())
            } else {
                fs::remove_file(&path).map_err(|e| e.to_string())
            };
            report.pruned.push(PrunedFile {
                path,
                bytes: meta.len(),
                age,
                outcome,
            });
        }
        Ok(report)
    }

    /// Regular files directly in the folder, sorted by name; none if the folder is missing.
    fn files(&self) -> Result<Vec<(PathBuf, fs::Metadata)>, SessionError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(SessionError::Io {
                    file: self.dir.display().to_string(),
                    action: "list the sessions folder",
                    source,
                });
            }
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let meta = fs::symlink_metadata(e.path()).ok()?;
                meta.is_file().then(|| (e.path(), meta))
            })
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }
}

impl PrunedFile {
    /// One line for people: `removed sessions/old.sis (812 KB, 45d old)`.
    pub fn describe(&self, dry_run: bool) -> String {
        let verb = if dry_run { "would remove" } else { "removed" };
        let what = format!(
            "{} ({} bytes, {} old)",
            self.path.display(),
            self.bytes,
            describe_age(self.age)
        );
        match &self.outcome {
            Ok(()) => format!("{verb} {what}"),
            Err(e) => format!("could not remove {what}: {e}"),
        }
    }
}

fn is_bundle(path: &Path) -> bool {
    FileKind::of(path) == FileKind::Session
        && !path
            .file_name()
            .is_some_and(|n| is_temp_name(&n.to_string_lossy()))
}
