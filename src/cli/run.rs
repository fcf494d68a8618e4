//! `sis run`: load, validate, segment and print the summary (or the full JSON).

use super::args::RunArgs;
use super::progress_bar::stderr_progress;
use super::{CliError, emit, insights_text, model_options, text};
use crate::config::{KChoice, RunConfig, ScalerChoice};
use crate::ingest::{LoadOptions, load_table};
use crate::pipeline::{Analysis, run_analysis};
use crate::progress::Stage;
use crate::roles::{ColumnMapping, detect_mapping};
use crate::segment::cost::slow_run_warning;
use crate::summary::RunDocument;
use crate::table::RawTable;
use std::io::Write;
use std::path::Path;

/// Build the run config from the arguments.
pub(crate) fn config_from(args: &RunArgs) -> Result<RunConfig, CliError> {
    let k = match args.k.trim().to_ascii_lowercase().as_str() {
        "auto" => KChoice::Auto,
        other => KChoice::Fixed(other.parse().map_err(|_| {
            CliError::usage(format!(
                "--k takes `auto` or a whole number, not \"{}\"",
                args.k
            ))
        })?),
    };
    let scaler = ScalerChoice::parse(&args.scaler).ok_or_else(|| {
        CliError::usage(format!(
            "--scaler takes auto, standard, robust or minmax, not \"{}\"",
            args.scaler
        ))
    })?;
    let config = RunConfig {
        k,
        k_min: args.k_min,
        k_max: args.k_max,
        seeds: args.seeds,
        seed: args.seed,
        scaler,
        min_segment_share: args.min_share,
        include_features: args.features.clone(),
        exclude_features: args.exclude.clone(),
        one_hot: args.one_hot,
        drop_duplicates: !args.keep_duplicates,
        iqr_factor: args.iqr_factor,
        ..RunConfig::default()
    };
    config.clone().validate().map_err(CliError::usage)?;
    Ok(config)
}

/// The mapping: detected, then overridden by a mapping file if given.
pub(crate) fn mapping_for(
    table: &RawTable,
    file: Option<&Path>,
) -> Result<ColumnMapping, CliError> {
    let (mut mapping, _) = detect_mapping(table);
    if let Some(path) = file {
        let text = std::fs::read_to_string(path).map_err(|e| {
            CliError::data(format!(
                "{}: cannot read the mapping file: {e}",
                path.display()
            ))
        })?;
        mapping
            .apply_toml(&text, &path.display().to_string())
            .map_err(CliError::data)?;
    }
    Ok(mapping)
}

/// Load, detect/override the mapping, and run the pipeline; returns the table as loaded
/// (for the session bundle) with the analysis.
pub(crate) fn analyse(args: &RunArgs) -> Result<(RawTable, Analysis), CliError> {
    let config = config_from(args)?;
    let shown = stderr_progress(args.quiet);
    let progress = &shown.progress;
    progress.report(Stage::Loading, 0.0);
    let table = load_table(
        &args.data,
        &LoadOptions {
            sheet: args.sheet.clone(),
        },
    )
    .map_err(CliError::data)?;
    progress.report(Stage::Loading, 1.0);
    let mapping = mapping_for(&table, args.mapping.as_deref())?;
    // Order lines become one row per customer; ids repeating too often are refused.
    let prepared =
        crate::transactions::prepare_customers(&table, &mapping).map_err(CliError::data)?;
    let (rows, columns) = (prepared.table.n_rows(), prepared.table.columns.len());
    if let Some(warning) = slow_run_warning(&config, rows, columns.saturating_sub(1)) {
        eprintln!("sis: warning: {warning}");
    }
    let mut analysis = run_analysis(&prepared.table, &prepared.mapping, config, progress)
        .map_err(CliError::data)?;
    prepared.record(&mut analysis.quality.actions);
    let aggregated = match prepared.table {
        std::borrow::Cow::Owned(customers) => Some(customers),
        std::borrow::Cow::Borrowed(_) => None,
    };
    Ok((aggregated.unwrap_or(table), analysis))
}

pub(crate) fn run(args: &RunArgs, out: &mut dyn Write) -> Result<(), CliError> {
    super::outputs::check_run(args)?;
    let (table, mut analysis) = analyse(args)?;
    let alignment = model_options::apply(args, &mut analysis)?;
    if args.json {
        let mut doc = RunDocument::new(&analysis);
        doc.alignment = alignment.as_ref();
        let json = serde_json::to_string_pretty(&doc).map_err(CliError::data)?;
        emit(out, &format!("{json}\n"))?;
    } else {
        let mut summary = text::run_summary(&analysis);
        summary.push_str(&insights_text::run_insights(&analysis, alignment.as_ref()));
        emit(out, &summary)?;
    }
    match &args.out {
        Some(path) => super::session_cmds::save_run(table, analysis, path, args.json, out),
        None => Ok(()),
    }
}
