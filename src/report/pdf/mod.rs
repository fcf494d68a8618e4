//! The PDF renderer: lays the report model out on pages (cover, summary, segments,
//! personas, simulation, appendix), adds footers with page numbers and the run id, and
//! writes the file. It reads only [`ReportModel`] and [`ReportOptions`].

mod back;
mod charts;
mod fonts;
mod front;
mod layout;
mod segments;
mod table;
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
            Section::Simulation => back::simulation(&mut layout, &model.scenarios),
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
    let note = format!(
        "{} \u{b7} {} \u{b7} run {short}",
        model.title, model.dataset
    );
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
