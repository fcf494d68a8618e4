//! `sis report BUNDLE --out report.pdf [--paper a4|letter] [--sections …] [--scenarios …]`:
//! the executive PDF of a saved session. The paper defaults from the locale (`LC_PAPER`, then
//! `LANG`).

use super::{CliError, emit};
use crate::export::OutputKind;
use crate::report::{Paper, ReportOptions, ScenarioChoice, Section, session_pdf};
use crate::session::Session;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The session bundle (.sis).
    pub bundle: PathBuf,
    /// Where to write the PDF.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// a4 or letter (default: Letter for en_US/en_CA locales, else A4).
    #[arg(long)]
    pub paper: Option<String>,
    /// Sections to include, comma-separated: cover, summary, segments, personas,
    /// simulation, appendix (default: all).
    #[arg(long)]
    pub sections: Option<String>,
    /// Saved scenarios on the simulation pages: all, none, or comma-separated names
    /// (default: all).
    #[arg(long, value_name = "NAME,NAME|all|none")]
    pub scenarios: Option<String>,
    /// Replace an existing --out file that is not a PDF report.
    #[arg(long)]
    pub force: bool,
}

/// The options from the arguments and the locale.
fn options(args: &ReportArgs) -> Result<ReportOptions, CliError> {
    let paper = match &args.paper {
        Some(p) => Paper::parse(p).map_err(CliError::usage)?,
        None => {
            let lc_paper = std::env::var("LC_PAPER").ok();
            let lang = std::env::var("LANG").ok();
            Paper::from_locale(lc_paper.as_deref(), lang.as_deref())
        }
    };
    let sections = match &args.sections {
        Some(list) => Section::parse_list(list).map_err(CliError::usage)?,
        None => Section::ALL.to_vec(),
    };
    let scenarios = match &args.scenarios {
        Some(text) => ScenarioChoice::parse(text).map_err(CliError::usage)?,
        None => ScenarioChoice::All,
    };
    Ok(ReportOptions {
        paper,
        sections,
        scenarios,
    })
}

pub(super) fn report(args: &ReportArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let options = options(args)?;
    super::outputs::check_one(
        &args.out,
        OutputKind::Pdf,
        (&args.bundle, "the session being reported"),
        args.force,
    )?;
    let session = Session::open(&args.bundle).map_err(CliError::data)?;
    let pdf = session_pdf(&session, &options).map_err(CliError::data)?;
    let shown = args.out.display();
    let partial = args.out.with_extension("pdf.partial");
    std::fs::write(&partial, &pdf)
        .and_then(|()| std::fs::rename(&partial, &args.out))
        .map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            CliError::data(format!(
                "{shown}: could not write the report ({e}); check the folder exists and is writable"
            ))
        })?;
    emit(
        out,
        &format!(
            "{shown}: {} bytes, {} paper, sections {}\n",
            pdf.len(),
            options.paper.name(),
            options
                .sections
                .iter()
                .map(|s| s.key())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}
