//! `sis score`: every customer of a new file with their segment and persona (CSV), and the
//! drift against the model's training data.

use super::args::ScoreArgs;
use super::{CliError, emit};
use crate::format::{Percent, number, percent};
use crate::ingest::{LoadOptions, load_table};
use crate::model::{Drift, SavedSegmentation, Scored, load_model, write_scored_csv};
use crate::run_id::short;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

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

pub(crate) fn score(args: &ScoreArgs, out: &mut dyn Write) -> Result<(), CliError> {
    super::outputs::check_score(args)?;
    let model = load_model(&args.model).map_err(CliError::data)?;
    super::input_checks::refuse_non_data(&args.data)?;
    super::input_checks::warn_sheet_ignored(&args.data, args.sheet.as_deref());
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
    emit(out, &score_summary(&model, &scored, &args.out))
}

/// The text of `sis score`.
fn score_summary(model: &SavedSegmentation, scored: &Scored, out: &Path) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Scored {} customers of {} with model {} (trained on {}, {} segments) -> {}",
        scored.labels.len(),
        scored.file_name,
        short(&model.run_id),
        model.training_file,
        model.k,
        out.display()
    );
    let _ = writeln!(s, "\nSegment shares (now vs at training)");
    for d in &scored.drift.segments {
        let _ = writeln!(
            s,
            "  {:>3} {:<34} {:>7} vs {:>7} ({:+.1} pts)",
            d.segment + 1,
            d.persona,
            percent(d.current_pct, Percent::Adaptive),
            percent(d.training_pct, Percent::Adaptive),
            d.change_pts
        );
    }
    let drifted: Vec<_> = scored.drift.drifted_features().collect();
    if drifted.is_empty() {
        let _ = writeln!(
            s,
            "\nNo feature mean moved by more than one standard deviation."
        );
    } else {
        let _ = writeln!(
            s,
            "\nFeatures whose mean moved by more than one standard deviation"
        );
        for f in drifted {
            let _ = writeln!(
                s,
                "  {:<26} {} now vs {} at training ({})",
                f.feature,
                number(f.current_mean, 100.0),
                number(f.training_mean, 100.0),
                f.shift_sd
                    .map_or("training values were constant".into(), |z| format!(
                        "{z:+.1} SD"
                    ))
            );
        }
    }
    s
}
