//! The report model: everything the PDF prints, as plain text and chart data, built from a
//! session by [`super::model`]. The renderer reads only this, never the analysis.

use crate::charts::{Heatmap, MetricsChart, ScenarioChart, ShareChart};

/// A calendar date (the document date and the data's range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReportDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl ReportDate {
    /// A date from `YYYY-MM-DD` (the quality report's spelling).
    pub fn parse_iso(text: &str) -> Option<ReportDate> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.get(..2)?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(ReportDate {
            year,
            month,
            day,
        })
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One headline figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub label: String,
    /// As printed, e.g. "1,356,988".
    pub value: String,
    pub note: String,
}

/// One row of the segments table.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentRow {
    /// 0-based segment index.
    pub segment: usize,
    pub name: String,
    pub customers: String,
    pub customer_share: String,
    pub revenue_share: String,
    pub value_index: String,
    pub response: String,
    pub discount_risk: String,
    pub channel_mix: String,
}

/// The k choice: the sentence, its chart and the figures of every k.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KChoiceSection {
    pub sentence: String,
    pub stability: String,
    pub chart: MetricsChart,
    /// Header then rows: k, silhouette, negative, CH, DB, smallest, stability.
    pub table: Vec<Vec<String>>,
    pub chosen_row: Option<usize>,
}

/// The one-feature-split figure: how much of the segmentation one feature alone decides.
/// Printed in the k-choice block when the segmentation carries the detector's result.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitFigure {
    pub title: String,
    pub caption: String,
    /// A chart of the split, when the detector gives one.
    pub chart: Option<ShareChart>,
}

/// One persona's block.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonaBlock {
    pub segment: usize,
    pub name: String,
    /// The synthesized name when the user renamed the persona.
    pub suggested_name: Option<String>,
    pub traits: Vec<String>,
    pub action: String,
    pub action_edited: bool,
    pub evidence: Vec<String>,
    pub warnings: Vec<String>,
}

/// One saved scenario's results beside the baseline (built in `report::scenarios`).
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioResult {
    pub name: String,
    /// `(lever, settings)` of the levers that are on, e.g. ("Campaign", "reach 40%, segments 1, 3").
    pub levers: Vec<(String, String)>,
    /// `(assumption, value)` pairs, e.g. ("Margin", "30%"); changed ones say so.
    pub assumptions: Vec<(String, String)>,
    /// `(measure, baseline, scenario)` rows.
    pub results: Vec<(String, String, String)>,
    /// The uncertainty band in words, e.g. "Net impact 12,300; P10 9,000 to P90 15,800 …".
    pub band: String,
    /// `(assumption, effect)` rows, largest swing first.
    pub sensitivity: Vec<(String, String)>,
    /// Levers that are on but could not act, with the reason.
    pub notes: Vec<String>,
    /// Net impact per segment, against the baseline's.
    pub chart: ScenarioChart,
}

/// Every chosen scenario side by side with the baseline: a table and the net-impact chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScenarioOverview {
    /// Header (measure, baseline, each scenario) then one row per measure.
    pub table: Vec<Vec<String>>,
    /// Net impact of the baseline and each scenario, with its band.
    pub chart: ScenarioChart,
}

/// The appendix.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppendixSection {
    /// Lines such as "2,240 rows and 29 columns loaded (CSV, comma-delimited)".
    pub quality_summary: Vec<String>,
    /// Every action validation and preparation took, as sentences.
    pub quality_actions: Vec<String>,
    /// Header then one row per column: column, type, role, missing, distinct, range.
    pub columns: Vec<Vec<String>>,
    /// `(column, role)`.
    pub mapping: Vec<(String, String)>,
    /// `(setting, value)`.
    pub config: Vec<(String, String)>,
    /// Paragraphs describing the method.
    pub method: Vec<String>,
}

/// Everything one report prints.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportModel {
    pub title: String,
    pub subject: String,
    pub dataset: String,
    /// First and last date in the data (join dates), when the data has dates.
    pub data_range: Option<(ReportDate, ReportDate)>,
    /// The document date: the last join date in the data (never the wall clock; a session
    /// stores no run date, so the data's own last date stands for it).
    pub document_date: Option<ReportDate>,
    pub run_id: String,
    pub data_hash: String,
    pub app_version: String,
    pub customers: String,
    pub kpis: Vec<Kpi>,
    pub decisions: Vec<String>,
    pub share_chart: ShareChart,
    pub segments: Vec<SegmentRow>,
    pub heatmap: Heatmap,
    pub k_choice: KChoiceSection,
    pub split_figure: Option<SplitFigure>,
    /// Model CLV per segment, for order lines with a fitted model.
    pub value_block: Option<crate::report::value_block::ValueBlock>,
    pub personas: Vec<PersonaBlock>,
    pub scenarios: Vec<ScenarioResult>,
    /// The side-by-side comparison (`None` without scenarios).
    pub scenario_overview: Option<ScenarioOverview>,
    pub appendix: AppendixSection,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_and_print() {
        let d = ReportDate::parse_iso("2014-06-29").unwrap();
        assert_eq!((d.year, d.month, d.day), (2014, 6, 29));
        assert_eq!(d.iso(), "2014-06-29");
        assert_eq!(ReportDate::parse_iso("2014-13-01"), None);
        assert_eq!(ReportDate::parse_iso("n/a"), None);
    }
}
