//! `sis score`: every customer of a new file with their segment and persona (CSV), and the
//! drift against the model's training data.

use super::args::ScoreArgs;
use super::{CliError, emit, insights_text};
use crate::ingest::{LoadOptions, load_table};
use crate::model::{Drift, load_model, write_scored_csv};
use serde::Serialize;
use std::io::Write;

/// The JSON document of `sis score --json`.
#[derive(Debug, Serialize)]
struct ScoreDocument<'a> {
    model_run_id: &'a str,
    training_file: &'a str,
    file_name: &'a str,
    customers: usize,
    out: String,
    /// Customers per segment, in segment order.
    segment_counts: Vec<usize>,
    personas: &'a [String],
    drift: &'a Drift,
}

pub fn score(args: &ScoreArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let model = load_model(&args.model).map_err(CliError::data)?;
    let table = load_table(
        &args.data,
        &LoadOptions {
            sheet: args.sheet.clone(),
        },
    )
    .map_err(CliError::data)?;
    let scored = model.predict(&table).map_err(CliError::data)?;
    let mut file = std::fs::File::create(&args.out).map_err(|e| {
        CliError::data(format!(
            "{}: cannot create the output file: {e}",
            args.out.display()
        ))
    })?;
    write_scored_csv(&scored, &mut file).map_err(|e| {
        CliError::data(format!(
            "{}: cannot write the scores: {e}",
            args.out.display()
        ))
    })?;
    if args.json {
        let mut counts = vec![0usize; model.k];
        for &l in &scored.labels {
            counts[l as usize] += 1;
        }
        let doc = ScoreDocument {
            model_run_id: &model.run_id,
            training_file: &model.training_file,
            file_name: &scored.file_name,
            customers: scored.labels.len(),
            out: args.out.display().to_string(),
            segment_counts: counts,
            personas: &scored.persona_names,
            drift: &scored.drift,
        };
        let json = serde_json::to_string_pretty(&doc).map_err(CliError::data)?;
        return emit(out, &format!("{json}\n"));
    }
    emit(
        out,
        &insights_text::score_summary(&model, &scored, &args.out),
    )
}
