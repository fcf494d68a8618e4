//! Writing generated customers to a file atomically: a temporary file next to the target,
//! flushed and synced, then renamed over it, so readers never see a half-written dataset.

use super::{GenerationSummary, GeneratorConfig, write_customers};
use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why the synthetic dataset could not be written.
#[derive(Debug, Error)]
pub enum GenerateError {
    #[error("{path}: not a file path; give a file name such as customers.csv")]
    NotAFile { path: PathBuf },
    #[error(
        "{path}: cannot create the file ({source}); check that the folder exists and is writable"
    )]
    Create { path: PathBuf, source: io::Error },
    #[error("{path}: writing failed ({source}); check the free disk space and try again")]
    Write { path: PathBuf, source: io::Error },
    #[error(
        "{path}: cannot move the finished file into place from {temporary} ({source}); \
         check the folder's permissions and that the target is not open elsewhere"
    )]
    Rename {
        path: PathBuf,
        temporary: PathBuf,
        source: io::Error,
    },
}

/// Writes the dataset to `path` atomically: to `<path>.tmp` in the same folder first, flushed
/// and synced to disk, then renamed to `path`. On failure the temporary file is removed and any
/// existing file at `path` is left untouched.
pub fn write_customers_to_path(
    config: &GeneratorConfig,
    path: &Path,
) -> Result<GenerationSummary, GenerateError> {
    write_atomically(path, |out| write_customers(config, out))
}

/// Writes a file atomically as [`write_customers_to_path`] does, with `write` producing the
/// content (into a buffered writer) and its summary.
pub(super) fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>,
) -> Result<T, GenerateError> {
    let Some(name) = path.file_name() else {
        return Err(GenerateError::NotAFile {
            path: path.to_path_buf(),
        });
    };
    let mut temporary_name = name.to_os_string();
    temporary_name.push(".tmp");
    let temporary = path.with_file_name(temporary_name);

    let file = File::create(&temporary).map_err(|source| GenerateError::Create {
        path: temporary.clone(),
        source,
    })?;
    let written = write_and_sync(write, file);
    let summary = match written {
        Ok(summary) => summary,
        Err(source) => {
            // Best effort: the write error is the one worth reporting.
            let _ = fs::remove_file(&temporary);
            return Err(GenerateError::Write {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if let Err(source) = fs::rename(&temporary, path) {
        let _ = fs::remove_file(&temporary);
        return Err(GenerateError::Rename {
            path: path.to_path_buf(),
            temporary,
            source,
        });
    }
    sync_folder(path);
    Ok(summary)
}

fn write_and_sync<T>(
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>,
    file: File,
) -> io::Result<T> {
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let summary = write(&mut out)?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(summary)
}

/// Makes the rename durable where the platform allows syncing a folder (best effort).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("customers.csv");
        let config = GeneratorConfig {
            customers: 500,
            seed: 9,
        };
        let summary = write_customers_to_path(&config, &path).expect("write");
        let bytes = fs::read(&path).expect("read back");
        assert_eq!(bytes.len() as u64, summary.bytes);
        assert!(!dir.path().join("customers.csv.tmp").exists());
        let mut again = Vec::new();
        write_customers(&config, &mut again).expect("write to memory");
        assert_eq!(bytes, again);
    }

    #[test]
    fn a_missing_folder_is_reported_with_the_path_and_a_remedy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no-such-folder").join("customers.csv");
        let err = write_customers_to_path(
            &GeneratorConfig {
                customers: 10,
                seed: 1,
            },
            &path,
        )
        .expect_err("the folder does not exist");
        let message = err.to_string();
        assert!(message.contains("customers.csv.tmp"), "{message}");
        assert!(
            message.contains("check that the folder exists"),
            "{message}"
        );
    }

    #[test]
    fn a_folder_path_is_rejected() {
        let err = write_customers_to_path(
            &GeneratorConfig {
                customers: 1,
                seed: 1,
            },
            Path::new("/"),
        )
        .expect_err("not a file");
        assert!(matches!(err, GenerateError::NotAFile { .. }));
    }
}
