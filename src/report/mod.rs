//! The executive PDF report: a report model built from a session ([`ReportModel`], read in
//! `model`), rendered to a deterministic, print-ready PDF with embedded fonts, vector charts
//! and bookmarks (`pdf`). The same session and options always give the same bytes.

pub mod content;
mod model;
pub mod options;
pub mod pdf;
pub mod value_block;

pub use content::{
    AppendixSection, KChoiceSection, Kpi, PersonaBlock, ReportDate, ReportModel, ScenarioResult,
    SegmentRow, SplitFigure,
};
pub use options::{OptionsError, Paper, ReportOptions, Section};
pub use pdf::{PdfError, render_pdf};

use crate::session::Session;

/// The PDF of a session with these options.
pub fn session_pdf(session: &Session, options: &ReportOptions) -> Result<Vec<u8>, PdfError> {
    render_pdf(&ReportModel::from_session(session), options)
}

/// The PDF of a session with saved scenario results (the simulation fills these).
pub fn session_pdf_with_scenarios(
    session: &Session,
    scenarios: Vec<ScenarioResult>,
    options: &ReportOptions,
) -> Result<Vec<u8>, PdfError> {
    let mut model = ReportModel::from_session(session);
    model.scenarios = scenarios;
    render_pdf(&model, options)
}
