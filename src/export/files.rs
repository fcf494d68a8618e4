//! The edge of the exports: checking an output path (never the input; an existing file only
//! when it is an export of the same kind, or with `force`) and writing the file.

use super::customers::{CUSTOMER_COLUMNS, CustomerFormat, ScoredCustomers};
use super::sql::{SQL_SIGNATURE, SqlOptions, scoring_sql};
use super::tables::write_customers;
use super::{ExportError, manifest_json};
use crate::model::SavedSegmentation;
use crate::pipeline::Analysis;
use crate::session::BundleInfo;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// What an export writes, to recognise an earlier export of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    Customers(CustomerFormat),
    Manifest,
    Sql,
    Pdf,
    Png,
    /// A session bundle (`sis run --out`).
    Session,
    /// A segmentation model (`--model-out`).
    Model,
    /// Scored customers (`sis score --out`).
    Scores,
}

impl OutputKind {
    /// In words, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            OutputKind::Customers(CustomerFormat::Csv) => "scored-customers CSV",
            OutputKind::Customers(CustomerFormat::Parquet) => "Parquet file",
            OutputKind::Customers(CustomerFormat::Xlsx) => "XLSX workbook",
            OutputKind::Manifest => "manifest JSON",
            OutputKind::Sql => "scoring SQL",
            OutputKind::Pdf => "PDF report",
            OutputKind::Png => "PNG image",
            OutputKind::Session => "session bundle",
            OutputKind::Model => "segmentation model",
            OutputKind::Scores => "scored-customers CSV of `sis score`",
        }
    }

    /// Whether a file starting with `prefix` is an export of this kind.
    fn recognises(self, prefix: &[u8]) -> bool {
        match self {
            OutputKind::Customers(CustomerFormat::Csv) => {
                prefix.starts_with(CUSTOMER_COLUMNS.join(",").as_bytes())
            }
            OutputKind::Customers(CustomerFormat::Parquet) => prefix.starts_with(b"PAR1"),
            OutputKind::Customers(CustomerFormat::Xlsx) => prefix.starts_with(b"PK\x03\x04"),
            OutputKind::Manifest => {
                let text = String::from_utf8_lossy(prefix);
                text.trim_start().starts_with('{') && text.contains("\"run_id\"")
            }
            OutputKind::Sql => prefix.starts_with(SQL_SIGNATURE.as_bytes()),
            OutputKind::Pdf => prefix.starts_with(b"%PDF-"),
            OutputKind::Png => prefix.starts_with(b"\x89PNG"),
            OutputKind::Session => prefix.starts_with(&crate::session::MAGIC),
            OutputKind::Model => {
                let text = String::from_utf8_lossy(prefix);
                text.trim_start().starts_with('{') && text.contains(crate::model::MODEL_FORMAT)
            }
            OutputKind::Scores => prefix.starts_with(b"customer_id,segment,persona"),
        }
    }
}

fn io(path: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> ExportError {
    let path = PathBuf::from(path);
    move |source| ExportError::Io {
        path,
        action,
        source,
    }
}

/// Check that `out` may be written: never the `input` file (even with `force`), and an
/// existing file only when it is an earlier export of the same kind, or with `force`.
pub fn check_output(
    out: &Path,
    input: &Path,
    kind: OutputKind,
    force: bool,
) -> Result<(), ExportError> {
    check_output_of(out, &[(input, "the session being exported")], kind, force)
}

/// Whether two paths name the same file: the same canonical path, or (on Unix) the same
/// device and inode, so a hard link or a symlink to the input is caught too.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) if x == y => return true,
        (Ok(_), Ok(_)) => {}
        _ => return a == b,
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// As [`check_output`], against every file the command reads (data, mapping, model, …),
/// each with what it is in words ("the data being segmented").
pub fn check_output_of(
    out: &Path,
    inputs: &[(&Path, &'static str)],
    kind: OutputKind,
    force: bool,
) -> Result<(), ExportError> {
    if !out.exists() {
        return Ok(());
    }
    if let Some(&(_, input)) = inputs.iter().find(|(input, _)| same_file(out, input)) {
        return Err(ExportError::WouldOverwriteInput {
            path: PathBuf::from(out),
            input,
        });
    }
    if force {
        return Ok(());
    }
    let mut prefix = Vec::with_capacity(4096);
    if out.is_file() {
        std::fs::File::open(out)
            .and_then(|f| f.take(4096).read_to_end(&mut prefix))
            .map_err(io(out, "read the existing file"))?;
    }
    if out.is_file() && kind.recognises(&prefix) {
        Ok(())
    } else {
        Err(ExportError::WouldReplaceOther {
            path: PathBuf::from(out),
            kind: kind.describe(),
        })
    }
}

fn write_file(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut file = std::fs::File::create(path).map_err(io(path, "create the file"))?;
    write(&mut file).map_err(|e| match e {
        ExportError::Io { action, source, .. } => ExportError::Io {
            path: PathBuf::from(path),
            action,
            source,
        },
        other => other,
    })?;
    file.sync_all().map_err(io(path, "finish writing the file"))
}

/// Replace `path` with `bytes` atomically: write a hidden temporary file in the same folder
/// (made if missing), flush it, then rename it over `path`. A failure leaves the old file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if name.is_empty() {
        return Err(ExportError::Io {
            path: PathBuf::from(path),
            action: "write the file",
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file"),
        });
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder).map_err(io(&folder, "create the folder"))?;
    let temp = folder.join(format!(".{name}.partial"));
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    written.map_err(|source| {
        let _ = std::fs::remove_file(&temp);
        ExportError::Io {
            path: PathBuf::from(path),
            action: "write the file",
            source,
        }
    })
}

/// The scored-customers file of an analysis in memory, in `format`.
pub fn customers_bytes(
    analysis: &Analysis,
    format: CustomerFormat,
) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    write_customers(&ScoredCustomers::of(analysis), format, &mut bytes)?;
    Ok(bytes)
}

/// Write an analysis's scored customers to `path`, in the format its extension names.
pub fn save_customers(analysis: &Analysis, path: &Path) -> Result<CustomerFormat, ExportError> {
    let format = CustomerFormat::from_path(path)?;
    let customers = ScoredCustomers::of(analysis);
    write_file(path, |out| write_customers(&customers, format, out))?;
    Ok(format)
}

/// Write a manifest as JSON to `path`.
pub fn save_manifest(info: &BundleInfo, path: &Path) -> Result<(), ExportError> {
    let json = manifest_json(info)?;
    write_file(path, |out| {
        out.write_all(json.as_bytes())
            .map_err(io(path, "write the manifest"))
    })
}

/// Write the scoring query of a model to `path`.
pub fn save_sql(
    model: &SavedSegmentation,
    options: &SqlOptions,
    path: &Path,
) -> Result<(), ExportError> {
    let sql = scoring_sql(model, options)?;
    write_file(path, |out| {
        out.write_all(sql.as_bytes())
            .map_err(io(path, "write the query"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_is_never_replaced_and_other_files_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("demo.sis");
        std::fs::write(&input, b"SIS\x00bundle").unwrap();
        let csv = OutputKind::Customers(CustomerFormat::Csv);
        let err = check_output(&input, &input, csv, true).unwrap_err();
        assert!(
            matches!(err, ExportError::WouldOverwriteInput { .. }),
            "{err}"
        );

        let data = dir.path().join("data.csv");
        std::fs::write(&data, "ID,Income\n1,2\n").unwrap();
        let err = check_output(&data, &input, csv, false).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        check_output(&data, &input, csv, true).unwrap();

        let earlier = dir.path().join("scored.csv");
        std::fs::write(&earlier, "customer_id,segment,persona\n1,1,A\n").unwrap();
        check_output(&earlier, &input, csv, false).unwrap();
        let err = check_output(&earlier, &input, OutputKind::Sql, false).unwrap_err();
        assert!(err.to_string().contains("scoring SQL"), "{err}");
        check_output(&dir.path().join("new.csv"), &input, csv, false).unwrap();
    }

    #[test]
    fn atomic_writes_replace_the_file_and_leave_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new folder").join("report.pdf");
        write_atomically(&out, b"%PDF-1.7 first").unwrap();
        write_atomically(&out, b"%PDF-1.7 second").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.7 second");
        let left: Vec<_> = std::fs::read_dir(out.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the report is left");
        check_output(&out, &dir.path().join("demo.sis"), OutputKind::Pdf, false).unwrap();
        let err = write_atomically(dir.path(), b"x").unwrap_err();
        assert!(err.to_string().contains("cannot write the file"), "{err}");
    }
}
