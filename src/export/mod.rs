//! Exports of a finished analysis: the scored customers (CSV, Parquet, XLSX), the run
//! manifest (JSON) and the scoring query for a warehouse (SQL). Building each export is pure;
//! only [`files`] touches the file system.

mod customers;
mod files;
mod manifest;
pub mod sql;
mod tables;

pub use customers::{CustomerFormat, ScoredCustomers};
pub use files::{
    OutputKind, check_output, check_output_of, customers_bytes, same_file, save_customers,
    save_manifest, save_sql, write_atomically,
};
pub use manifest::{manifest_json, manifest_of_bundle, manifest_of_session};
pub use sql::{Quote, SqlError, SqlOptions, scoring_sql};
pub use tables::write_customers;

use std::path::PathBuf;
use thiserror::Error;

/// Why an export failed; the message names the file and what to do.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{path}: cannot {action}: {source}")]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    #[error("{path}: unknown export format \"{extension}\"; name the file .csv, .parquet or .xlsx")]
    UnknownFormat { path: PathBuf, extension: String },
    #[error(
        "{path}: this is {input}; choose another output file (sis never writes over a file it reads, even with --force)"
    )]
    WouldOverwriteInput { path: PathBuf, input: &'static str },
    #[error(
        "{path}: already exists and is not a {kind} that sis wrote; choose another name, or pass --force to replace it"
    )]
    WouldReplaceOther { path: PathBuf, kind: &'static str },
    #[error(
        "{customers} customers do not fit in one XLSX sheet ({max} rows at most); export them as CSV or Parquet"
    )]
    TooManyRowsForXlsx { customers: usize, max: usize },
    #[error("could not write the Parquet file: {0}")]
    Parquet(String),
    #[error("could not write the XLSX file: {0}")]
    Xlsx(String),
    #[error("could not write the manifest as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
    #[error(transparent)]
    Sql(#[from] SqlError),
}
