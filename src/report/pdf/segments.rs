//! The segments section: the segments table, the profile heatmap, the k choice with its
//! metrics chart, sentence, stability and figures of every k, and the one-feature split.

use super::charts::{heatmap, metrics_chart, share_chart};
use super::layout::Layout;
use super::table::{Column, Row, table};
use crate::charts::segment_style;
use crate::report::content::{KChoiceSection, ReportModel, SplitFigure};

pub(super) fn segments(layout: &mut Layout<'_>, model: &ReportModel) {
    layout.section("Segments");
    layout.heading("The segments", 60.0);
    let columns = [
        Column::left("Segment", 2.3),
        Column::right("Customers", 1.0),
        Column::right("Customer share", 0.9),
        Column::right("Revenue share", 0.9),
        Column::right("Value index", 0.8),
        Column::right("Campaign response", 0.95),
        Column::right("Discount risk", 0.85),
        Column::left("Channel mix, % (web / store / catalog)", 1.5),
    ];
    let rows: Vec<Row> = model
        .segments
        .iter()
        .map(|s| Row {
            cells: vec![
                format!("S{} {}", s.segment + 1, s.name),
                s.customers.clone(),
                s.customer_share.clone(),
                s.revenue_share.clone(),
                s.value_index.clone(),
                s.response.clone(),
                s.discount_risk.clone(),
                s.channel_mix.clone(),
            ],
            swatch: Some(segment_style(s.segment)),
            bold: false,
        })
        .collect();
    table(layout, &columns, &rows);
    layout.muted("Value index = revenue share \u{f7} customer share. Campaign response: customers who accepted at least one campaign. Discount risk: customers who buy mostly on deals with a below-median basket.");
    super::value_block::value_block(layout, model);
    layout.heading("Profile heatmap", 80.0);
    layout.muted("How far each segment's average sits from the average customer, in standard deviations (\u{3c3}); the shade steps every 0.5\u{3c3} and every cell prints its value.");
    heatmap(layout, &model.heatmap);
    k_choice(layout, &model.k_choice, model.split_figure.as_ref());
}

fn k_choice(layout: &mut Layout<'_>, k: &KChoiceSection, split: Option<&SplitFigure>) {
    layout.heading("Choice of k", 170.0);
    layout.paragraph(&k.sentence);
    if !k.stability.is_empty() {
        layout.paragraph(&k.stability);
    }
    split_figure(layout, split);
    metrics_chart(layout, &k.chart);
    if let Some((header, body)) = k.table.split_first() {
        layout.subheading("Every k", 40.0);
        let columns: Vec<Column> = header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                if i == 0 {
                    // Wide enough for "3 (chosen)" on one line.
                    Column::left(h, 1.3)
                } else {
                    Column::right(h, 1.0)
                }
            })
            .collect();
        let rows: Vec<Row> = body
            .iter()
            .enumerate()
            .map(|(i, cells)| Row {
                cells: cells.clone(),
                swatch: None,
                bold: k.chosen_row == Some(i),
            })
            .collect();
        table(layout, &columns, &rows);
    }
}

/// Hook for the one-feature-split figure (the segmentation issue supplies it): drawn when
/// the model carries one, nothing otherwise.
fn split_figure(layout: &mut Layout<'_>, figure: Option<&SplitFigure>) {
    let Some(figure) = figure else { return };
    layout.subheading(&figure.title, 40.0);
    layout.paragraph(&figure.caption);
    if let Some(chart) = &figure.chart {
        share_chart(layout, chart);
    }
}
