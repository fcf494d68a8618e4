//! The personas (one block each, user edits shown) and the appendix (data quality, mapping,
//! config, method).

use super::fonts::Weight;
use super::layout::{ACCENT, BODY, INK, LEADING, Layout, WARN};
use super::table::{Column, Row, swatch, table};
use crate::charts::segment_style;
use crate::report::content::{AppendixSection, PersonaBlock};

pub(super) fn personas(layout: &mut Layout<'_>, personas: &[PersonaBlock]) {
    layout.section("Personas");
    if personas.is_empty() {
        layout.muted("No personas: the analysis has no segments.");
    }
    for p in personas {
        persona(layout, p);
    }
}

fn persona(layout: &mut Layout<'_>, p: &PersonaBlock) {
    // Keep the name with its first lines.
    layout.heading(&format!("S{} \u{b7} {}", p.segment + 1, p.name), 90.0);
    let style = segment_style(p.segment);
    let y = layout.y - 21.0;
    let x = layout.geometry.left() + layout.geometry.content_width() - 10.0;
    swatch(layout, x, y, &style);
    if let Some(suggested) = &p.suggested_name {
        layout.muted(&format!("Renamed by the user; suggested name: {suggested}"));
    }
    layout.subheading("Traits", 30.0);
    layout.bullets(&p.traits, INK);
    layout.subheading(
        if p.action_edited {
            "Action (set by the user)"
        } else {
            "Recommended action"
        },
        30.0,
    );
    layout.paragraph_at(0.0, &p.action, BODY, Weight::Bold, ACCENT);
    layout.space(4.0);
    if !p.evidence.is_empty() {
        layout.subheading("Evidence", 30.0);
        layout.bullets(&p.evidence, INK);
    }
    if !p.warnings.is_empty() {
        layout.subheading("Warnings", 30.0);
        layout.bullets(&p.warnings, WARN);
    }
    layout.space(BODY * LEADING);
}

pub(super) fn appendix(layout: &mut Layout<'_>, a: &AppendixSection) {
    layout.section("Appendix");
    layout.heading("Data quality", 60.0);
    for line in &a.quality_summary {
        layout.paragraph(line);
    }
    if !a.quality_actions.is_empty() {
        layout.subheading("What was done to the data", 30.0);
        layout.bullets(&a.quality_actions, INK);
    }
    if let Some((header, body)) = a.columns.split_first() {
        layout.subheading("Columns as loaded", 40.0);
        let shares = [1.6, 0.7, 1.3, 0.8, 0.7, 1.9];
        let columns: Vec<Column> = header
            .iter()
            .zip(shares)
            .enumerate()
            .map(|(i, (h, s))| {
                if (3..=4).contains(&i) {
                    Column::right(h, s)
                } else {
                    Column::left(h, s)
                }
            })
            .collect();
        let rows: Vec<Row> = body.iter().map(|r| Row::plain(r.clone())).collect();
        table(layout, &columns, &rows);
    }
    layout.heading("Column mapping", 60.0);
    pairs(layout, "Column", "Role", &a.mapping);
    layout.heading("Configuration", 60.0);
    pairs(layout, "Setting", "Value", &a.config);
    layout.heading("Method", 40.0);
    for p in &a.method {
        layout.paragraph(p);
    }
}

fn pairs(layout: &mut Layout<'_>, left: &str, right: &str, rows: &[(String, String)]) {
    let columns = [Column::left(left, 1.0), Column::left(right, 1.6)];
    let rows: Vec<Row> = rows
        .iter()
        .map(|(a, b)| Row::plain(vec![a.clone(), b.clone()]))
        .collect();
    table(layout, &columns, &rows);
}
