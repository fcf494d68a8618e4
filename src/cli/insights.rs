//! `sis insights`: the business insights, personas and decisions of a dataset (the pipeline
//! runs with the same options as `sis run`) or of a saved session.

use super::args::InsightsArgs;
use super::run::analyse_with;
use super::{CliError, emit, insights_text, model_options, value_text};
use crate::insights::Availability;
use crate::pipeline::Analysis;
use crate::session::FileKind;
use crate::summary::InsightsDocument;
use std::io::Write;
use std::path::Path;

pub(crate) fn insights(args: &InsightsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let run = &args.run;
    super::outputs::check_run(run)?;
    let is_session = FileKind::of(&run.data) == FileKind::Session;
    let (mut analysis, calibration) = if is_session {
        let calibration = args.cutoff.as_ref().map(|_| {
            Err("a session holds the customer table, not the order lines; run `sis insights` on the order-line file with --cutoff".to_string())
        });
        let mut analysis = load_analysis_from_session(&run.data)?;
        // `--k N` on a session shows the sweep's run at N, saved with it (no re-run).
        if let Ok(k) = run.k.trim().parse::<usize>()
            && !analysis.switch_k(k)
        {
            return Err(CliError::usage(format!(
                "{}: k = {k} is not in this session; it holds k = {}",
                run.data.display(),
                analysis
                    .segmentation
                    .switchable()
                    .iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        (analysis, calibration)
    } else {
        let (_, analysis, calibration) = analyse_with(run, args.cutoff.as_deref())?;
        (analysis, calibration)
    };
    let alignment = model_options::apply(run, &mut analysis)?;
    if run.json {
        let mut doc = InsightsDocument::new(&analysis);
        doc.alignment = alignment.as_ref();
        doc.calibration = calibration.map(|c| match c {
            Ok(chart) => Availability::Available(chart),
            Err(reason) => Availability::NotAvailable { reason },
        });
        let json = serde_json::to_string_pretty(&doc).map_err(CliError::data)?;
        return emit(out, &format!("{json}\n"));
    }
    let mut text = insights_text::full_insights(&analysis, alignment.as_ref());
    if let Some(c) = &calibration {
        value_text::calibration_section(&mut text, c);
    }
    emit(out, &text)
}

/// The analysis a session bundle holds, with the user's persona edits.
pub(crate) fn load_analysis_from_session(path: &Path) -> Result<Analysis, CliError> {
    let session = crate::session::Session::open(path).map_err(CliError::data)?;
    Ok(session.analysis)
}
