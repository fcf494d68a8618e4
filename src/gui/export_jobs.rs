//! The exports of the Export tab as background jobs: the PDF report (with the saved
//! scenarios), the scored customers, the manifest and the scoring SQL. Each builds its bytes
//! on the worker, reporting progress and stopping when cancelled, then replaces the file
//! atomically; an existing file is replaced only when it is an earlier export of the same kind.

use super::jobs::Outcome;
use super::worker::JobEnd;
use crate::export::{
    CustomerFormat, ExportError, OutputKind, Quote, SqlOptions, check_output, customers_bytes,
    manifest_json, manifest_of_session, scoring_sql, write_atomically,
};
use crate::model::SavedSegmentation;
use crate::personas::Persona;
use crate::pipeline::Analysis;
use crate::progress::{Progress, Stage};
use crate::report::{ReportError, ReportOptions, report_pdf};
use crate::session::Session;
use crate::simulate::ScenarioLedger;
use crate::table::RawTable;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One export the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ExportRequest {
    Pdf {
        path: PathBuf,
        options: ReportOptions,
    },
    Customers {
        path: PathBuf,
    },
    Manifest {
        path: PathBuf,
    },
    Sql {
        path: PathBuf,
        table: String,
    },
}

impl ExportRequest {
    pub(crate) fn path(&self) -> &Path {
        match self {
            ExportRequest::Pdf { path, .. }
            | ExportRequest::Customers { path }
            | ExportRequest::Manifest { path }
            | ExportRequest::Sql { path, .. } => path,
        }
    }

    /// In words, for titles and notices.
    pub(crate) fn what(&self) -> &'static str {
        match self {
            ExportRequest::Pdf { .. } => "the PDF report",
            ExportRequest::Customers { .. } => "the scored customers",
            ExportRequest::Manifest { .. } => "the manifest",
            ExportRequest::Sql { .. } => "the scoring SQL",
        }
    }
}

/// What an export reads: the analysis with the user's persona edits, the data (for the
/// manifest), the saved scenarios and the session file it came from (never overwritten).
#[derive(Debug, Clone)]
pub(crate) struct ExportSource {
    pub(crate) analysis: Arc<Analysis>,
    pub(crate) personas: Vec<Persona>,
    pub(crate) table: Option<Arc<RawTable>>,
    pub(crate) ledger: ScenarioLedger,
    pub(crate) session_path: Option<PathBuf>,
}

/// Build and write one export.
pub(crate) fn export(
    request: ExportRequest,
    source: ExportSource,
) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| match build(&request, source, progress) {
        Ok(bytes) => {
            if progress.check().is_err() {
                return JobEnd::Cancelled;
            }
            progress.report(Stage::Saving, 0.0);
            match write_atomically(request.path(), &bytes) {
                Ok(()) => {
                    progress.report(Stage::Saving, 1.0);
                    JobEnd::Finished(Outcome::Exported {
                        path: request.path().to_path_buf(),
                        what: request.what(),
                    })
                }
                Err(e) => JobEnd::Failed(e.to_string()),
            }
        }
        Err(Failure::Cancelled) => JobEnd::Cancelled,
        Err(Failure::Message(m)) => JobEnd::Failed(m),
    }
}

enum Failure {
    Cancelled,
    Message(String),
}

impl From<ExportError> for Failure {
    fn from(e: ExportError) -> Self {
        Failure::Message(e.to_string())
    }
}

fn kind(request: &ExportRequest) -> Result<OutputKind, ExportError> {
    Ok(match request {
        ExportRequest::Pdf { .. } => OutputKind::Pdf,
        ExportRequest::Customers { path } => {
            OutputKind::Customers(CustomerFormat::from_path(path)?)
        }
        ExportRequest::Manifest { .. } => OutputKind::Manifest,
        ExportRequest::Sql { .. } => OutputKind::Sql,
    })
}

fn build(
    request: &ExportRequest,
    source: ExportSource,
    progress: &Progress,
) -> Result<Vec<u8>, Failure> {
    let input = source.session_path.clone().unwrap_or_default();
    check_output(request.path(), &input, kind(request)?, false)?;
    progress.report(Stage::Reporting, 0.0);
    let mut analysis = (*source.analysis).clone();
    analysis.personas = source.personas;
    let bytes = match request {
        ExportRequest::Pdf { options, .. } => {
            report_pdf(&analysis, &source.ledger, options, progress).map_err(|e| match e {
                ReportError::Cancelled => Failure::Cancelled,
                other => Failure::Message(other.to_string()),
            })?
        }
        ExportRequest::Customers { path } => {
            customers_bytes(&analysis, CustomerFormat::from_path(path)?)?
        }
        ExportRequest::Manifest { .. } => {
            let Some(table) = source.table else {
                return Err(Failure::Message(
                    "The data behind this analysis is not loaded, so its manifest cannot be made; open the dataset or session again.".into(),
                ));
            };
            // The manifest names the session file, as `sis inspect --json` does.
            let file = input.file_name().map_or_else(
                || super::persistence::suggested_name(&analysis.file_name),
                |n| n.to_string_lossy().to_string(),
            );
            let session = Session::new((*table).clone(), analysis);
            manifest_json(&manifest_of_session(&session, &file)?)?.into_bytes()
        }
        ExportRequest::Sql { table, .. } => {
            let options = SqlOptions {
                table: table.trim().to_string(),
                quote: Quote::Ansi,
            };
            scoring_sql(&SavedSegmentation::from_analysis(&analysis), &options)
                .map_err(ExportError::from)?
                .into_bytes()
        }
    };
    progress.report(Stage::Reporting, 1.0);
    Ok(bytes)
}
