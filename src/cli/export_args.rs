//! The command-line grammar of `sis export`.

use clap::{ArgGroup, Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("exports").required(true).multiple(true).args(["customers", "manifest", "sql"])))]
pub struct ExportArgs {
    /// The session bundle (.sis).
    pub bundle: PathBuf,
    /// Write every customer with segment, persona and features (.csv, .parquet or .xlsx).
    #[arg(long, value_name = "FILE")]
    pub customers: Option<PathBuf>,
    /// Write the run's manifest as JSON (the same as `sis inspect --json`).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Write one standard-SQL query that scores a warehouse table like `sis score`.
    #[arg(long, value_name = "FILE")]
    pub sql: Option<PathBuf>,
    /// The table (or view) the query reads, e.g. crm.customers.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "customers",
        requires = "sql"
    )]
    pub table: String,
    /// How the query quotes column names that are not plain names.
    #[arg(long, value_enum, default_value_t = QuoteStyle::Ansi, requires = "sql")]
    pub quote: QuoteStyle,
    /// Replace an existing output file that is not an earlier export of the same kind.
    #[arg(long)]
    pub force: bool,
}

/// `--quote`: ANSI double quotes, or backticks for BigQuery and Spark SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteStyle {
    Ansi,
    Backtick,
}
