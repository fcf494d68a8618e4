//! The simulation section: every chosen scenario side by side with the baseline (a table and
//! the net-impact chart), then one part per scenario with its levers, assumptions, results
//! against the baseline, band, sensitivity and net impact by segment. Nothing without
//! scenarios.

use super::fonts::Weight;
use super::layout::{ACCENT, INK, Layout, MUTED, RULE, WARN};
use super::table::{Column, Row, table};
use crate::charts::ScenarioChart;
use crate::report::content::{ScenarioOverview, ScenarioResult};

/// Scenarios per comparison table (more continue in another table below).
const PER_TABLE: usize = 4;

pub(super) fn simulation(
    layout: &mut Layout<'_>,
    overview: Option<&ScenarioOverview>,
    scenarios: &[ScenarioResult],
) {
    let Some(overview) = overview else { return };
    if scenarios.is_empty() {
        return;
    }
    layout.section("Simulation");
    layout.heading("Scenarios against the baseline", 120.0);
    layout.muted("Every figure is simulated on the segments' aggregates with the scenario's own assumptions; revenue is at list price and net impact = revenue change \u{d7} margin \u{2212} cost. The band is the P10 to P90 of the net impact over a seeded bootstrap of the customers.");
    comparison(layout, &overview.table);
    layout.subheading("Net impact", 60.0);
    impact_chart(layout, &overview.chart);
    for s in scenarios {
        scenario(layout, s);
    }
}

/// The comparison table, in groups of [`PER_TABLE`] scenarios beside the baseline.
fn comparison(layout: &mut Layout<'_>, table_rows: &[Vec<String>]) {
    let Some(header) = table_rows.first() else {
        return;
    };
    // Column 0 is the measure, 1 the baseline, 2.. the scenarios.
    let scenarios = header.len().saturating_sub(2);
    let groups = scenarios.div_ceil(PER_TABLE).max(1);
    for g in 0..groups {
        let picked: Vec<usize> = [0, 1]
            .into_iter()
            .chain(2 + g * PER_TABLE..(2 + (g + 1) * PER_TABLE).min(header.len()))
            .collect();
        let columns: Vec<Column> = picked
            .iter()
            .map(|&i| {
                if i == 0 {
                    Column::left(&header[0], 1.6)
                } else {
                    Column::right(&header[i], 1.0)
                }
            })
            .collect();
        let rows: Vec<Row> = table_rows[1..]
            .iter()
            .map(|r| Row {
                cells: picked
                    .iter()
                    .map(|&i| r.get(i).cloned().unwrap_or_default())
                    .collect(),
                swatch: None,
                bold: r.first().is_some_and(|m| m.starts_with("Net impact (")),
            })
            .collect();
        table(layout, &columns, &rows);
        layout.space(6.0);
    }
}

fn pairs(layout: &mut Layout<'_>, left: &str, right: &str, rows: &[(String, String)]) {
    let columns = [Column::left(left, 1.0), Column::left(right, 1.8)];
    let rows: Vec<Row> = rows
        .iter()
        .map(|(a, b)| Row::plain(vec![a.clone(), b.clone()]))
        .collect();
    table(layout, &columns, &rows);
}

fn scenario(layout: &mut Layout<'_>, s: &ScenarioResult) {
    layout.heading(&format!("Scenario: {}", s.name), 160.0);
    layout.subheading("Levers", 30.0);
    if s.levers.is_empty() {
        layout.muted(
            "No lever is on: this scenario differs from the baseline only in its assumptions.",
        );
    } else {
        pairs(layout, "Lever", "Settings", &s.levers);
    }
    if !s.notes.is_empty() {
        layout.bullets(&s.notes, WARN);
    }
    layout.subheading("Results against the baseline", 60.0);
    let columns = [
        Column::left("Measure", 2.0),
        Column::right("Baseline", 1.0),
        Column::right(&s.name, 1.0),
    ];
    let rows: Vec<Row> = s
        .results
        .iter()
        .map(|(m, b, v)| Row {
            cells: vec![m.clone(), b.clone(), v.clone()],
            swatch: None,
            bold: m.starts_with("Net impact ("),
        })
        .collect();
    table(layout, &columns, &rows);
    layout.space(4.0);
    layout.paragraph(&s.band);
    layout.subheading("Net impact by segment", 60.0);
    impact_chart(layout, &s.chart);
    layout.subheading("Sensitivity: each assumption moved \u{b1}20%", 40.0);
    if s.sensitivity.is_empty() {
        layout.muted("No assumption of the levers that are on moves the net impact.");
    } else {
        pairs(layout, "Assumption", "Effect", &s.sensitivity);
    }
    layout.subheading("Assumptions", 40.0);
    pairs(layout, "Assumption", "Value", &s.assumptions);
}

const LABEL: f32 = 7.5;

/// Horizontal bars from zero (negative to the left), the baseline as a dashed mark and the
/// band as a whisker; every value printed.
pub(super) fn impact_chart(layout: &mut Layout<'_>, chart: &ScenarioChart) {
    if chart.bars.is_empty() {
        return;
    }
    let (bar, gap) = (11.0, 9.0);
    let height = 16.0 + chart.bars.len() as f32 * (bar + gap) + 22.0;
    layout.ensure(height);
    let left = layout.geometry.left();
    let label_w = 150.0;
    let plot_x = left + label_w;
    let plot_w = layout.geometry.content_width() - label_w - 10.0;
    let (lo, hi) = chart.axis_range();
    let x_of = |v: f64| plot_x + plot_w * ((v - lo) / (hi - lo)).clamp(0.0, 1.0) as f32;
    let top = layout.y;
    layout.text(left, top + 9.0, 8.5, Weight::Bold, INK, &chart.measure);
    let body_top = top + 16.0;
    let body_bottom = body_top + chart.bars.len() as f32 * (bar + gap);
    for t in chart.ticks() {
        let x = x_of(t);
        let zero = t == 0.0;
        layout.line(
            vec![(x, body_top), (x, body_bottom)],
            if zero { MUTED } else { RULE },
            if zero { 0.8 } else { 0.3 },
            !zero,
        );
        layout.text_centred(
            x,
            body_bottom + 9.0,
            6.5,
            Weight::Regular,
            MUTED,
            &crate::format::thousands(t),
        );
    }
    let zero = x_of(0.0);
    let mut y = body_top + gap / 2.0;
    for b in &chart.bars {
        let name = super::charts::fit(layout, &b.scenario, 8.5, Weight::Regular, label_w - 8.0);
        layout.text(left, y + bar - 2.0, 8.5, Weight::Regular, INK, &name);
        let end = x_of(b.value);
        let (x, w) = if end >= zero {
            (zero, end - zero)
        } else {
            (end, zero - end)
        };
        let fill = if b.value < 0.0 { WARN } else { ACCENT };
        if w > 0.0 {
            layout.rect(x, y, w, bar, Some(fill), None);
        }
        if let Some((p10, p90)) = b.band {
            let ym = y + bar / 2.0;
            let (a, c) = (x_of(p10), x_of(p90));
            layout.line(vec![(a, ym), (c, ym)], INK, 0.8, false);
            layout.line(vec![(a, ym - 3.0), (a, ym + 3.0)], INK, 0.8, false);
            layout.line(vec![(c, ym - 3.0), (c, ym + 3.0)], INK, 0.8, false);
        }
        let bx = x_of(b.baseline);
        layout.line(vec![(bx, y - 2.0), (bx, y + bar + 2.0)], INK, 0.6, true);
        let text = crate::format::thousands(b.value);
        let right_end = b
            .band
            .map_or(end.max(zero), |(_, p90)| x_of(p90).max(end).max(zero));
        let text_w = layout.fonts.width(Weight::Bold, &text, LABEL);
        if right_end + 4.0 + text_w <= plot_x + plot_w + 8.0 {
            layout.text(
                right_end + 4.0,
                y + bar - 2.5,
                LABEL,
                Weight::Bold,
                INK,
                &text,
            );
        } else if w > text_w + 8.0 && end > zero {
            // No room on the right: inside the bar's end, in white.
            let white = [255, 255, 255];
            layout.text_right(end - 4.0, y + bar - 2.5, LABEL, Weight::Bold, white, &text);
        } else {
            let left_end = b
                .band
                .map_or(end.min(zero), |(p10, _)| x_of(p10).min(end).min(zero));
            layout.text_right(
                left_end - 4.0,
                y + bar - 2.5,
                LABEL,
                Weight::Bold,
                INK,
                &text,
            );
        }
        y += bar + gap;
    }
    layout.y = body_bottom + 16.0;
    layout.muted(
        "Bars start at zero; the dashed mark is the baseline, the whisker the P10 to P90 band.",
    );
}
