//! The command-line grammar of the session commands: `sis inspect` and `sis sessions`.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The session bundle (.sis).
    pub bundle: PathBuf,
    /// Print the manifest as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SessionsArgs {
    #[command(subcommand)]
    pub command: SessionsCommand,
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// List the bundles in the sessions folder with size, run id, dataset and segments.
    List(ListArgs),
    /// Remove bundles last saved longer ago than a given age (the run lifetime).
    Prune(PruneArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The sessions folder (default: `sessions` in the working directory).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Print the list as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    /// Remove bundles older than this: a number and a unit (s, m, h, d, w), e.g. 30d.
    #[arg(long, value_name = "AGE")]
    pub older_than: String,
    /// Only report what would be removed.
    #[arg(long)]
    pub dry_run: bool,
    /// The sessions folder (default: `sessions` in the working directory).
    #[arg(long)]
    pub dir: Option<PathBuf>,
}
