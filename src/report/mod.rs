//! The executive PDF report: a report model built from an analysis and its scenario ledger
//! ([`ReportModel`], read in `model` and `scenarios`), rendered to a deterministic,
//! print-ready PDF with embedded fonts, vector charts and bookmarks (`pdf`). The same
//! session and options always give the same bytes.

pub mod content;
mod model;
pub mod options;
pub mod pdf;
mod scenarios;
pub mod value_block;

pub use content::{
    AppendixSection, KChoiceSection, Kpi, PersonaBlock, ReportDate, ReportModel, ScenarioOverview,
    ScenarioResult, SegmentRow, SplitFigure,
};
pub use options::{OptionsError, Paper, ReportOptions, ScenarioChoice, Section};
pub use pdf::{PdfError, render_pdf};
pub use scenarios::chosen_scenarios;

use crate::pipeline::Analysis;
use crate::progress::{Progress, Stage};
use crate::session::Session;
use crate::simulate::ScenarioLedger;
use thiserror::Error;

/// Why a report could not be made.
#[derive(Debug, Error)]
pub enum ReportError {
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(
        "there is no saved scenario named \"{name}\" (saved: {saved}); name saved scenarios, or use all or none"
    )]
    UnknownScenario { name: String, saved: String },
    #[error("scenario \"{name}\" cannot be simulated on this analysis: {reason}")]
    Scenario { name: String, reason: String },
    #[error(
        "the scenarios cannot be simulated on this analysis ({0}); leave the simulation pages out (scenarios: none)"
    )]
    Simulation(String),
    #[error("the report was cancelled; no file was written")]
    Cancelled,
}

impl ReportModel {
    /// The report of an analysis (with the user's persona edits in its personas) and the
    /// scenarios of `ledger` that `options` choose, beside the ledger's baseline. Reports
    /// [`Stage::Simulating`] per scenario and stops between them when cancelled.
    pub fn build(
        analysis: &Analysis,
        ledger: &ScenarioLedger,
        options: &ReportOptions,
        progress: &Progress,
    ) -> Result<ReportModel, ReportError> {
        let mut model = ReportModel::from_analysis(analysis);
        if options.includes(Section::Simulation) {
            let (results, overview) =
                scenarios::simulation_pages(analysis, ledger, &options.scenarios, progress)?;
            model.scenarios = results;
            model.scenario_overview = overview;
        }
        Ok(model)
    }
}

/// The PDF of an analysis and its scenarios, reporting progress ([`Stage::Simulating`],
/// then [`Stage::Reporting`]) and stopping when cancelled.
pub fn report_pdf(
    analysis: &Analysis,
    ledger: &ScenarioLedger,
    options: &ReportOptions,
    progress: &Progress,
) -> Result<Vec<u8>, ReportError> {
    progress.report(Stage::Reporting, 0.0);
    let model = ReportModel::build(analysis, ledger, options, progress)?;
    progress.check().map_err(|_| ReportError::Cancelled)?;
    progress.report(Stage::Reporting, 0.5);
    let pdf = render_pdf(&model, options)?;
    progress.report(Stage::Reporting, 1.0);
    Ok(pdf)
}

/// The PDF of a session with these options (its saved scenarios as `options` choose).
pub fn session_pdf(session: &Session, options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    report_pdf(
        &session.analysis,
        &session.scenarios,
        options,
        &Progress::silent(),
    )
}
