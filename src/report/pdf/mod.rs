//! The PDF renderer: lays the report model out on pages (cover, summary, segments,
//! personas, simulation, appendix), adds footers with page numbers and the run id, and
//! writes the file. It reads only [`ReportModel`] and [`ReportOptions`].

mod back;
mod charts;
mod fonts;
mod front;
mod layout;
mod segments;
mod simulation;
mod table;
mod value_block;
mod writer;

use super::content::ReportModel;
use super::options::{ReportOptions, Section};
use layout::{Geometry, Layout, MUTED, RULE};
use thiserror::Error;

/// Why a PDF could not be made.
#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the report font could not be used: {0}; reinstall sis (the font is built in)")]
    Font(String),
}

/// The PDF of a report, byte for byte the same for the same model and options.
pub fn render_pdf(model: &ReportModel, options: &ReportOptions) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::Fonts::load()?;
    let (w, h) = options.paper.size();
    let mut layout = Layout::new(&fonts, Geometry::for_paper(w, h));
    for section in &options.sections {
        match section {
            Section::Cover => front::cover(&mut layout, model),
            Section::Summary => front::summary(&mut layout, model),
            Section::Segments => segments::segments(&mut layout, model),
            Section::Personas => back::personas(&mut layout, &model.personas),
            Section::Simulation => simulation::simulation(
                &mut layout,
                model.scenario_overview.as_ref(),
                &model.scenarios,
            ),
            Section::Appendix => back::appendix(&mut layout, &model.appendix),
        }
    }
    if layout.pages.is_empty() {
        layout.new_page();
    }
    footers(&mut layout, model, options.includes(Section::Cover));
    let producer = format!("sis {} (Strategic Intelligence Stack)", model.app_version);
    let meta = writer::Meta {
        title: &model.title,
        subject: &model.subject,
        producer: &producer,
        date: model.document_date,
        size: (w, h),
    };
    writer::write(&fonts, &layout.pages, &layout.bookmarks, &meta)
}

/// Page numbers and the run id at the foot of every page but the cover.
fn footers(layout: &mut Layout<'_>, model: &ReportModel, cover: bool) {
    let total = layout.pages.len();
    let g = layout.geometry;
    let y = g.height - g.bottom + 30.0;
    let left = g.left();
    let right = left + g.content_width();
    let short: String = model.run_id.chars().take(12).collect();
    let note = format!("{} \u{b7} run {short}", model.title);
    for page in 0..total {
        if cover && page == 0 {
            continue;
        }
        let ops_before = std::mem::take(&mut layout.pages[page].ops);
        let mut footer = Layout::new(layout.fonts, g);
        footer.new_page();
        footer.line(vec![(left, y - 11.0), (right, y - 11.0)], RULE, 0.4, false);
        footer.text(left, y, 7.5, fonts::Weight::Regular, MUTED, &note);
        let number = format!("Page {} of {}", page + 1, total);
        footer.text_right(right, y, 7.5, fonts::Weight::Regular, MUTED, &number);
        let mut ops = ops_before;
        ops.extend(footer.pages.pop().map(|p| p.ops).unwrap_or_default());
        layout.pages[page].ops = ops;
    }
}

/// zlib compression at a fixed level (deterministic).
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{HeatColumn, HeatRow, Heatmap, ShareChart, segment_style};
    use crate::report::content::{AppendixSection, KChoiceSection, PersonaBlock, ReportDate};

    fn model() -> ReportModel {
        ReportModel {
            title: "Customer segments of test.csv".into(),
            subject: "test".into(),
            dataset: "test.csv".into(),
            data_range: None,
            document_date: ReportDate::parse_iso("2014-06-29"),
            run_id: "abc123".into(),
            data_hash: "def456".into(),
            app_version: "0.0.0".into(),
            customers: "10".into(),
            kpis: Vec::new(),
            decisions: vec!["Keep Ärzte close.".into()],
            share_chart: ShareChart::new([("Ärzte".to_string(), 60.0, Some(70.0))]),
            segments: Vec::new(),
            heatmap: Heatmap {
                columns: vec![HeatColumn {
                    style: segment_style(0),
                    title: "S1".into(),
                }],
                rows: vec![HeatRow {
                    label: "Income".into(),
                    z: vec![0.5],
                }],
            },
            k_choice: KChoiceSection::default(),
            split_figure: None,
            value_block: None,
            personas: vec![PersonaBlock {
                segment: 0,
                name: "Постоянные".into(),
                suggested_name: None,
                traits: vec!["Loyal".into()],
                action: "Thank them.".into(),
                action_edited: false,
                evidence: Vec::new(),
                warnings: Vec::new(),
            }],
            scenarios: Vec::new(),
            scenario_overview: None,
            appendix: AppendixSection::default(),
        }
    }

    #[test]
    fn a_report_is_a_pdf_and_the_same_every_time() {
        let options = ReportOptions::default();
        let first = render_pdf(&model(), &options).unwrap();
        assert!(first.starts_with(b"%PDF-"));
        assert!(first.ends_with(b"%%EOF\n") || first.ends_with(b"%%EOF"));
        assert_eq!(first, render_pdf(&model(), &options).unwrap());
        let text = String::from_utf8_lossy(&first);
        assert!(
            text.contains("/CreationDate (D:20140629"),
            "the data's date"
        );
        assert!(text.contains("/FontFile2"), "the font is embedded");
        assert!(text.contains("/ToUnicode"), "text is searchable");
        assert!(text.contains("/Outlines"), "bookmarks");
    }

    #[test]
    fn no_sections_still_make_a_valid_one_page_file() {
        let options = ReportOptions {
            sections: Vec::new(),
            ..ReportOptions::default()
        };
        let bytes = render_pdf(&model(), &options).unwrap();
        assert!(String::from_utf8_lossy(&bytes).contains("/Count 1"));
    }
}
