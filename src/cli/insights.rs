//! `sis insights`: the business insights, personas and decisions of a dataset (the pipeline
//! runs with the same options as `sis run`) or of a saved session.

use super::args::InsightsArgs;
use super::run::analyse;
use super::{CliError, emit, insights_text, model_options};
use crate::pipeline::Analysis;
use crate::session::FileKind;
use crate::summary::InsightsDocument;
use std::io::Write;
use std::path::Path;

pub(crate) fn insights(args: &InsightsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let run = &args.run;
    super::outputs::check_run(run)?;
    let is_session = FileKind::of(&run.data) == FileKind::Session;
    let mut analysis = if is_session {
        load_analysis_from_session(&run.data)?
    } else {
        analyse(run)?.1
    };
    let alignment = model_options::apply(run, &mut analysis)?;
    if run.json {
        let mut doc = InsightsDocument::new(&analysis);
        doc.alignment = alignment.as_ref();
        let json = serde_json::to_string_pretty(&doc).map_err(CliError::data)?;
        return emit(out, &format!("{json}\n"));
    }
    emit(
        out,
        &insights_text::full_insights(&analysis, alignment.as_ref()),
    )
}

/// The analysis a session bundle holds, with the user's persona edits.
pub(crate) fn load_analysis_from_session(path: &Path) -> Result<Analysis, CliError> {
    let session = crate::session::Session::open(path).map_err(CliError::data)?;
    Ok(session.analysis)
}
