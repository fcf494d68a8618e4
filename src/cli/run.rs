//! `sis run`: load, validate, segment and print the summary (or the full JSON).

use super::args::RunArgs;
use super::progress_bar::stderr_progress;
use super::value_text::Calibration;
use super::{CliError, emit, insights_text, model_options, text};
use crate::charts::CalibrationChart;
use crate::clv::ValueHorizon;
use crate::config::{KChoice, LogChoice, RunConfig, ScalerChoice};
use crate::ingest::parse_date;
use crate::ingest::{LoadOptions, load_table};
use crate::pipeline::{Analysis, run_analysis};
use crate::progress::Stage;
use crate::roles::{ColumnMapping, detect_mapping};
use crate::segment::cost::slow_run_warning;
use crate::summary::RunDocument;
use crate::table::DateFormat;
use crate::table::RawTable;
use crate::transactions::PreparedCustomers;
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
    let log = LogChoice::parse(&args.log).ok_or_else(|| {
        CliError::usage(format!("--log takes auto, on or off, not \"{}\"", args.log))
    })?;
    let decision_k = parse_k_range(&args.k_range)?;
    let config = RunConfig {
        log,
        log_features: args.log_features.clone(),
        no_log_features: args.no_log_features.clone(),
        decision_k,
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

/// `--k-range 3..8` (or `3..=8`, `3-8`).
fn parse_k_range(text: &str) -> Result<(usize, usize), CliError> {
    let bad = || {
        CliError::usage(format!(
            "--k-range takes two whole numbers like 3..8, not \"{text}\""
        ))
    };
    let cleaned = text.trim().replace("..=", "..").replace('-', "..");
    let (low, high) = cleaned.split_once("..").ok_or_else(bad)?;
    let low = low.trim().parse().map_err(|_| bad())?;
    let high = high.trim().parse().map_err(|_| bad())?;
    Ok((low, high))
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
    analyse_with(args, None).map(|(table, analysis, _)| (table, analysis))
}

/// [`analyse`], and the calibration/holdout check at `cutoff` (`YYYY-MM-DD`) when asked.
pub(crate) fn analyse_with(
    args: &RunArgs,
    cutoff: Option<&str>,
) -> Result<(RawTable, Analysis, Option<Calibration>), CliError> {
    let config = config_from(args)?;
    let shown = stderr_progress(args.quiet);
    let progress = &shown.progress;
    progress.report(Stage::Loading, 0.0);
    super::input_checks::refuse_non_data(&args.data)?;
    super::input_checks::warn_sheet_ignored(&args.data, args.sheet.as_deref());
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
    let mut prepared =
        crate::transactions::prepare_customers(&table, &mapping).map_err(CliError::data)?;
    let (rows, columns) = (prepared.table.n_rows(), prepared.table.columns.len());
    if let Some(warning) = slow_run_warning(&config, rows, columns.saturating_sub(1)) {
        eprintln!("sis: warning: {warning}");
    }
    prepared.add_customer_value(&ValueHorizon::default());
    let calibration = match cutoff {
        Some(text) => Some(calibration_at(&prepared, text)?),
        None => None,
    };
    let config = prepared.settings(config);
    let mut analysis = run_analysis(&prepared.table, &prepared.mapping, config, progress)
        .map_err(CliError::data)?;
    prepared.record(&mut analysis.quality.actions);
    let aggregated = match prepared.table {
        std::borrow::Cow::Owned(customers) => Some(customers),
        std::borrow::Cow::Borrowed(_) => None,
    };
    Ok((aggregated.unwrap_or(table), analysis, calibration))
}

/// The check at the `--cutoff` date: a usage error for a date that does not parse, the reason
/// (as the chart's absence) when the data is not order lines or the fit fails.
fn calibration_at(prepared: &PreparedCustomers<'_>, text: &str) -> Result<Calibration, CliError> {
    let parsed = match text.trim() {
        "" => None,
        date => Some(parse_date(date, DateFormat::Iso).ok_or_else(|| {
            CliError::usage(format!(
                "--cutoff takes a date as YYYY-MM-DD (e.g. 1997-09-30), not \"{text}\""
            ))
        })?),
    };
    let Some(log) = prepared.purchase_log() else {
        return Ok(Err(
            "the calibration check needs order lines with dates (a transactions dataset)".into(),
        ));
    };
    let cutoff = parsed.unwrap_or(log.default_cutoff());
    Ok(log
        .calibration(cutoff)
        .map(|check| CalibrationChart::from_check(&check, cutoff, log.last_day))
        .map_err(|e| e.to_string()))
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
