//! Atomic file replacement: write a temporary file in the target's folder, flush it to disk,
//! then rename it over the target. A crash at any point leaves either the old file or the new
//! one, never a mixture; at worst a stale `.NAME.sis.*.tmp` file is left behind.

use super::error::SessionError;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A fully written and flushed temporary file, not yet in place. Dropping it without
/// [`StagedSave::commit`] removes the temporary file; the target is untouched either way.
#[derive(Debug)]
pub struct StagedSave {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl StagedSave {
    /// Write `bytes` to a new temporary file next to `target` and flush it to disk.
    /// Creates the target's folder if needed.
    pub fn write(target: &Path, bytes: &[u8]) -> Result<StagedSave, SessionError> {
        Self::write_with(target, |file| {
            file.write_all(bytes).map_err(|e| write_error(target, e))
        })
    }

    /// As [`StagedSave::write`], with the file's contents written by `fill` (which may seek).
    /// The file is flushed to disk after `fill` succeeds; if it fails, the temporary file is
    /// removed and its error returned.
    pub fn write_with(
        target: &Path,
        fill: impl FnOnce(&mut File) -> Result<(), SessionError>,
    ) -> Result<StagedSave, SessionError> {
        let shown = target.display().to_string();
        let io = |action, source| SessionError::Io {
            file: shown.clone(),
            action,
            source,
        };
        let name = target.file_name().ok_or_else(|| {
            io(
                "save the session",
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file"),
            )
        })?;
        let dir = folder_of(target);
        fs::create_dir_all(&dir).map_err(|e| io("create the session folder", e))?;
        let (temp, mut file) = create_temp(&dir, &name.to_string_lossy())
            .map_err(|e| io("create a temporary file in its folder", e))?;
        let staged = StagedSave {
            temp,
            target: target.to_path_buf(),
            committed: false,
        };
        fill(&mut file)?;
        file.sync_all().map_err(|e| write_error(target, e))?;
        Ok(staged)
    }

    /// Where the temporary file is.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Rename the temporary file over the target, then flush the folder where the platform
    /// allows it, so the rename itself survives a power cut.
    pub fn commit(mut self) -> Result<(), SessionError> {
        fs::rename(&self.temp, &self.target).map_err(|source| SessionError::Io {
            file: self.target.display().to_string(),
            action: "replace the session file",
            source,
        })?;
        self.committed = true;
        sync_folder(&folder_of(&self.target));
        Ok(())
    }
}

impl Drop for StagedSave {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// The error for a failed write of the session at `target`.
pub(super) fn write_error(target: &Path, source: std::io::Error) -> SessionError {
    SessionError::Io {
        file: target.display().to_string(),
        action: "write the session",
        source,
    }
}

/// Whether a file name is one of our temporary files (`.NAME.<pid>-<n>.tmp`).
pub(super) fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

fn folder_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn create_temp(dir: &Path, name: &str) -> std::io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut attempt = 0u32;
    loop {
        let temp = dir.join(format!(".{name}.{pid}-{attempt}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(unix)]
fn sync_folder(dir: &Path) {
    // Best effort: some file systems refuse to sync a directory; the data is already safe.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_folder(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_discards() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.sis");
        fs::write(&target, b"old").unwrap();
        let staged = StagedSave::write(&target, b"new").unwrap();
        let temp = staged.temp_path().to_path_buf();
        assert!(is_temp_name(&temp.file_name().unwrap().to_string_lossy()));
        assert_eq!(fs::read(&target).unwrap(), b"old");
        drop(staged);
        assert!(!temp.exists());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        StagedSave::write(&target, b"new")
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
