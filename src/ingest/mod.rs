//! Loading datasets from CSV (any common dialect), Parquet and XLSX into a [`RawTable`].
//! (Being written; see the brief.)

use crate::table::RawTable;
use std::path::Path;
use thiserror::Error;

/// Options for loading a file.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// XLSX only: the sheet to read (the first one when `None`).
    pub sheet: Option<String>,
}

/// Why a file could not be loaded.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("{file}: {message}")]
    Other { file: String, message: String },
}

/// Load a dataset, choosing the reader from the file's extension and content.
pub fn load_table(path: &Path, _options: &LoadOptions) -> Result<RawTable, IngestError> {
    Err(IngestError::Other {
        file: path.display().to_string(),
        message: "not implemented".into(),
    })
}
