//! Temporary files left by interrupted saves (`.NAME.sis.PID-N.tmp`, see [`super::atomic`]):
//! found in the sessions folder, reported, and removed once stale.
//!
//! A temporary file is **stale** when it is older than [`STALE_AFTER`] and the process that
//! wrote it (the PID in its name) is no longer running. Where a process cannot be looked up
//! (no `/proc`), age alone decides. A younger file, or one whose writer still runs, may be a
//! save in progress: it is reported and kept.

use super::atomic::is_temp_name;
use super::store::SessionStore;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How old a temporary file must be before it can count as stale.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// One temporary file of a save.
#[derive(Debug, Clone, PartialEq)]
pub struct TempFile {
    pub path: PathBuf,
    pub bytes: u64,
    /// Time since it was last written.
    pub age: Duration,
    /// The process that wrote it, from its name.
    pub pid: Option<u32>,
    pub stale: bool,
}

/// What [`SessionStore::clean_temp_files`] found and did.
#[derive(Debug, Default)]
pub struct TempReport {
    /// Stale files removed.
    pub removed: Vec<TempFile>,
    /// Stale files that could not be removed, with why.
    pub failed: Vec<(TempFile, String)>,
    /// Files that may belong to a save in progress: kept.
    pub kept: Vec<TempFile>,
}

impl TempReport {
    /// Lines for people, one per file; empty when there were none.
    pub fn describe(&self) -> Vec<String> {
        let mb = |f: &TempFile| f.bytes as f64 / 1e6;
        let name = |f: &TempFile| f.path.display().to_string();
        let mut lines = Vec::new();
        for f in &self.removed {
            lines.push(format!(
                "removed {} ({:.1} MB), a stale temporary file of an interrupted save",
                name(f),
                mb(f)
            ));
        }
        for (f, e) in &self.failed {
            lines.push(format!(
                "could not remove {} ({:.1} MB), a stale temporary file of an interrupted save: {e}; delete it by hand",
                name(f),
                mb(f)
            ));
        }
        for f in &self.kept {
            lines.push(format!(
                "{} ({:.1} MB) is the temporary file of a save in progress or just interrupted; it is removed once stale (writer gone, over {} min old)",
                name(f),
                mb(f),
                STALE_AFTER.as_secs() / 60
            ));
        }
        lines
    }
}

/// The PID in a temporary file's name: `.NAME.sis.<pid>-<n>.tmp`.
pub(super) fn temp_pid(name: &str) -> Option<u32> {
    let stem = name.strip_suffix(".tmp")?;
    let (_, last) = stem.rsplit_once('.')?;
    let (pid, _) = last.split_once('-')?;
    pid.parse().ok()
}

/// Whether a file name is a session save's temporary file.
pub(super) fn is_session_temp(name: &str) -> bool {
    is_temp_name(name) && name.contains(".sis.")
}

/// Whether the process `pid` is running; `None` when this platform cannot tell.
fn process_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    Some(proc.join(pid.to_string()).exists())
}

/// Whether a temporary file of `age` written by `pid` is stale.
pub(super) fn is_stale(age: Duration, pid: Option<u32>) -> bool {
    age > STALE_AFTER && pid.and_then(process_alive) != Some(true)
}

impl SessionStore {
    /// The save temporary files in the folder, by name; none if the folder is missing.
    pub fn temp_files(&self, now: SystemTime) -> Vec<TempFile> {
        let Ok(entries) = fs::read_dir(self.dir()) else {
            return Vec::new();
        };
        let mut found: Vec<TempFile> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let meta = fs::symlink_metadata(e.path()).ok()?;
                if !meta.is_file() || !is_session_temp(&name) {
                    return None;
                }
                // A modification time in the future (clock changes) counts as age zero.
                let age = meta
                    .modified()
                    .ok()
                    .and_then(|m| now.duration_since(m).ok())
                    .unwrap_or_default();
                let pid = temp_pid(&name);
                Some(TempFile {
                    path: e.path(),
                    bytes: meta.len(),
                    age,
                    pid,
                    stale: is_stale(age, pid),
                })
            })
            .collect();
        found.sort_by(|a, b| a.path.cmp(&b.path));
        found
    }

    /// Remove the stale temporary files of interrupted saves and report the others.
    pub fn clean_temp_files(&self, now: SystemTime) -> TempReport {
        let mut report = TempReport::default();
        for file in self.temp_files(now) {
            if !file.stale {
                report.kept.push(file);
                continue;
            }
            match fs::remove_file(&file.path) {
                Ok(()) => report.removed.push(file),
                Err(e) => report.failed.push((file, e.to_string())),
            }
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pids_are_read_from_temp_names() {
        assert_eq!(temp_pid(".demo.sis.4242-0.tmp"), Some(4242));
        assert_eq!(temp_pid(".a.b.sis.7-12.tmp"), Some(7));
        assert_eq!(temp_pid(".demo.sis.tmp"), None);
        assert!(is_session_temp(".demo.sis.4242-0.tmp"));
        assert!(!is_session_temp("demo.sis"));
    }

    #[test]
    fn only_old_files_of_gone_writers_are_stale() {
        let old = STALE_AFTER + Duration::from_secs(1);
        assert!(!is_stale(Duration::from_secs(5), None));
        assert!(!is_stale(old, Some(std::process::id())));
        // No process has PID u32::MAX (Linux caps PIDs far below it).
        assert!(is_stale(old, Some(u32::MAX)));
        assert!(is_stale(old, None));
    }

    #[test]
    fn cleaning_removes_stale_files_and_keeps_a_save_in_progress() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        let stale = dir.path().join(format!(".old.sis.{}-0.tmp", u32::MAX));
        let live = dir
            .path()
            .join(format!(".new.sis.{}-0.tmp", std::process::id()));
        fs::write(&stale, b"half a bundle").unwrap();
        fs::write(&live, b"being written").unwrap();
        fs::write(dir.path().join("kept.sis"), b"SISB").unwrap();
        let later = SystemTime::now() + STALE_AFTER + Duration::from_secs(60);
        let report = store.clean_temp_files(later);
        assert_eq!(report.removed.len(), 1, "{report:?}");
        assert_eq!(report.kept.len(), 1, "{report:?}");
        assert!(!stale.exists() && live.exists());
        let lines = report.describe();
        assert!(lines[0].starts_with("removed ") && lines[0].contains(".old.sis."));
        assert!(lines[1].contains("in progress"), "{lines:?}");
    }
}
