//! The command-line grammar of `sis`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

pub(super) use super::export_args::ExportArgs;
pub(super) use super::report::ReportArgs;
pub(super) use super::session_args::{InspectArgs, SessionsArgs};
pub(super) use super::simulate::SimulateArgs;

/// Strategic Intelligence Stack: customer segmentation and decision intelligence.
/// Without a subcommand, opens the workbench (on PATH if given).
#[derive(Debug, Parser)]
#[command(name = "sis", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A dataset (CSV, Parquet, XLSX) or a .sis session to open in the workbench.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the detected column roles as editable TOML.
    Detect(DetectArgs),
    /// Validate, build features and segment a dataset.
    Run(RunArgs),
    /// Write synthetic customers in the demo dataset's schema.
    Generate(GenerateArgs),
    /// Business insights, personas and decisions for a dataset (runs the pipeline) or a session.
    Insights(InsightsArgs),
    /// Score new customers with a saved segmentation model and report drift.
    Score(ScoreArgs),
    /// Print a session bundle's manifest: run, data, config, versions, segments, scenarios.
    Inspect(InspectArgs),
    /// List or prune the saved sessions.
    Sessions(SessionsArgs),
    /// Export a session: scored customers (CSV, Parquet, XLSX), the manifest, the scoring SQL.
    Export(ExportArgs),
    /// Apply a what-if scenario to a session, or find the best campaign budget allocation.
    Simulate(SimulateArgs),
    /// Write the executive PDF report of a saved session.
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct DetectArgs {
    /// The dataset.
    pub data: PathBuf,
    /// XLSX: the sheet to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Print the detection with reasons as JSON instead of TOML.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The dataset (CSV, Parquet or XLSX).
    pub data: PathBuf,
    /// Number of segments: `auto` or a number.
    #[arg(long, default_value = "auto", allow_negative_numbers = true)]
    pub k: String,
    #[arg(long, default_value_t = 2, allow_negative_numbers = true)]
    pub k_min: usize,
    #[arg(long, default_value_t = 8, allow_negative_numbers = true)]
    pub k_max: usize,
    /// k-means runs (seeds) per k.
    #[arg(long, default_value_t = 10, allow_negative_numbers = true)]
    pub seeds: usize,
    /// Base random seed.
    #[arg(long, default_value_t = 42, allow_negative_numbers = true)]
    pub seed: u64,
    /// auto, standard, robust or minmax.
    #[arg(long, default_value = "auto")]
    pub scaler: String,
    /// A TOML mapping (from `sis detect`) that overrides detected roles.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Smallest acceptable segment share, e.g. 0.05 for 5%.
    #[arg(long, default_value_t = 0.05, allow_negative_numbers = true)]
    pub min_share: f64,
    /// Use only these features (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub features: Vec<String>,
    /// Leave these features out (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub exclude: Vec<String>,
    /// The range of k the rule prefers for decisions, e.g. 3..8 (2 allowed when nothing holds).
    #[arg(long, default_value = "3..8")]
    pub k_range: String,
    /// log1p of skewed amounts and counts: auto (skewness > 1), on or off.
    #[arg(long, default_value = "auto")]
    pub log: String,
    /// Features that always get log1p (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub log_features: Vec<String>,
    /// Features that never get log1p (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub no_log_features: Vec<String>,
    /// One-hot encode categorical attributes as features.
    #[arg(long)]
    pub one_hot: bool,
    /// Keep exact duplicate customers.
    #[arg(long)]
    pub keep_duplicates: bool,
    /// IQR factor for outlier capping (0 = off).
    #[arg(long, default_value_t = 1.5, allow_negative_numbers = true)]
    pub iqr_factor: f64,
    /// XLSX: the sheet to read.
    #[arg(long)]
    pub sheet: Option<String>,
    /// Print the full result as JSON.
    #[arg(long)]
    pub json: bool,
    /// No progress on stderr.
    #[arg(long, short)]
    pub quiet: bool,
    /// Save the fitted segmentation as a model (FILE.sismodel.json) for `sis score`.
    #[arg(long, value_name = "FILE")]
    pub model_out: Option<PathBuf>,
    /// Match the new segments to a previous model's, so numbers and persona names stay put.
    #[arg(long, value_name = "MODEL")]
    pub previous: Option<PathBuf>,
    /// Save the whole session to this bundle, e.g. sessions/NAME.sis.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing --out or --model-out file that is not a session or model sis wrote.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct InsightsArgs {
    /// A dataset (run with the options below) or a .sis session. Same options as `sis run`.
    #[command(flatten)]
    pub run: RunArgs,
    /// Order lines: check the CLV model on a holdout. Fit on the purchases up to this date
    /// (YYYY-MM-DD; without a date, the middle day of the log) and compare predicted with
    /// actual repeat purchases after it.
    #[arg(long, value_name = "DATE", num_args = 0..=1, default_missing_value = "")]
    pub cutoff: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// A saved model (.sismodel.json) or a .sis session.
    pub model: PathBuf,
    /// The customers to score (CSV, Parquet or XLSX) with the training columns.
    pub data: PathBuf,
    /// Where to write every customer with their segment and persona (CSV).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// XLSX: the sheet to read.
    #[arg(long)]
    pub sheet: Option<String>,
    /// Print the drift report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Replace an existing --out file that is not a scores file sis wrote.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many customers (rows in the demo dataset's schema).
    #[arg(
        long,
        required_unless_present = "transactions",
        conflicts_with = "transactions"
    )]
    pub customers: Option<usize>,
    /// Instead, this many synthetic order lines: a transaction export whose repeat purchases
    /// follow a known BG/NBD process, with returns, cancellations, duplicates and guest lines.
    #[arg(long)]
    pub transactions: Option<usize>,
    #[arg(long, default_value_t = 7, allow_negative_numbers = true)]
    pub seed: u64,
    /// Output CSV file.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace an existing output file that is not an earlier `sis generate` file of the same kind.
    #[arg(long)]
    pub force: bool,
    /// Print what was written as JSON.
    #[arg(long)]
    pub json: bool,
}
