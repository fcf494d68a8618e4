//! The cover (title, dataset, data dates, run id, data hash, app version) and the executive
//! summary (KPI cards, key decisions, revenue share against customer share).

use super::charts::share_chart;
use super::fonts::Weight;
use super::layout::{ACCENT, INK, Layout, MUTED, SHADE};
use crate::report::content::ReportModel;

pub(super) fn cover(layout: &mut Layout<'_>, model: &ReportModel) {
    layout.new_page();
    layout.bookmarks.push(super::layout::Bookmark {
        title: "Cover".into(),
        level: 0,
        page: layout.pages.len() - 1,
        y: layout.geometry.top,
    });
    let g = layout.geometry;
    let left = g.left();
    layout.rect(0.0, 0.0, g.width, 200.0, Some(ACCENT), None);
    layout.text(
        left,
        90.0,
        11.0,
        Weight::Regular,
        [220, 232, 242],
        "Customer segmentation report",
    );
    layout.y = 100.0;
    for line in layout.wrap(&model.title, 26.0, Weight::Bold, g.content_width()) {
        layout.y += 30.0;
        layout.text(left, layout.y, 26.0, Weight::Bold, [255, 255, 255], &line);
    }
    layout.y = 240.0;
    let range = model.data_range.map_or_else(
        || "no dates in the data".to_string(),
        |(a, b)| format!("{} to {}", a.iso(), b.iso()),
    );
    let rows = [
        ("Dataset", model.dataset.clone()),
        ("Customers", model.customers.clone()),
        ("Data date range", range),
        (
            "Document date",
            model.document_date.map_or_else(
                || "none: the data has no dates".to_string(),
                |d| format!("{} (the last join date in the data)", d.iso()),
            ),
        ),
        ("Run id", model.run_id.clone()),
        ("Data hash", model.data_hash.clone()),
        ("App version", format!("sis {}", model.app_version)),
    ];
    let label_w = 110.0;
    for (label, value) in rows {
        layout.text(left, layout.y, 9.0, Weight::Bold, MUTED, label);
        let lines = layout.wrap(&value, 10.5, Weight::Regular, g.content_width() - label_w);
        for line in lines {
            layout.text(left + label_w, layout.y, 10.5, Weight::Regular, INK, &line);
            layout.y += 15.0;
        }
        layout.y += 9.0;
    }
    layout.y += 20.0;
    layout.muted(
        "The run id names the data, the column mapping and the settings: the same id gives the same segments and figures. The document date is the data's last date, never the day the report was printed, so a report made again from the same session is the same file.",
    );
}

pub(super) fn summary(layout: &mut Layout<'_>, model: &ReportModel) {
    layout.section("Executive summary");
    kpi_cards(layout, model);
    layout.heading("Key decisions", 40.0);
    if model.decisions.is_empty() {
        layout.muted("The data supports no decision to state here.");
    } else {
        layout.numbered(&model.decisions, INK);
    }
    layout.heading("Revenue share against customer share", 120.0);
    layout.muted("Each segment's share of customers (hatched) beside its share of revenue (solid). A segment whose revenue bar is longer brings more than its size.");
    share_chart(layout, &model.share_chart);
}

fn kpi_cards(layout: &mut Layout<'_>, model: &ReportModel) {
    let per_row = 4usize;
    let gap = 8.0;
    let w = (layout.geometry.content_width() - gap * (per_row as f32 - 1.0)) / per_row as f32;
    let h = 54.0;
    for chunk in model.kpis.chunks(per_row) {
        layout.ensure(h + gap);
        let y = layout.y;
        for (i, kpi) in chunk.iter().enumerate() {
            let x = layout.geometry.left() + i as f32 * (w + gap);
            layout.rect(x, y, w, h, Some(SHADE), None);
            layout.rect(x, y, 3.0, h, Some(ACCENT), None);
            layout.text(x + 9.0, y + 14.0, 7.5, Weight::Regular, MUTED, &kpi.label);
            layout.text(x + 9.0, y + 33.0, 15.0, Weight::Bold, INK, &kpi.value);
            layout.text(x + 9.0, y + 46.0, 6.8, Weight::Regular, MUTED, &kpi.note);
        }
        layout.y = y + h + gap;
    }
    layout.y += 4.0;
}
