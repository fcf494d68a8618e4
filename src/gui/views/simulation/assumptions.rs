//! The assumptions editor: every assumption the levers rest on, with its unit, default and
//! meaning, editable; each change is an undoable edit of the scenario being edited.

use super::edits::Edits;
use crate::gui::document::history::ScenarioField;
use crate::gui::tokens::Palette;
use crate::gui::widgets;
use crate::simulate::{AssumptionKey, Assumptions, LeverKind, Unit};
use egui::{RichText, Ui};

/// The levers that use an assumption, for its row.
fn used_by(key: AssumptionKey) -> String {
    let levers: Vec<&str> = LeverKind::ALL
        .iter()
        .filter(|l| l.assumptions().contains(&key))
        .map(|l| l.label())
        .collect();
    levers.join(", ")
}

/// The value as shown and edited (fractions in percent) and back.
fn shown_value(key: AssumptionKey, value: f64) -> f64 {
    match key.unit() {
        Unit::Fraction => value * 100.0,
        _ => value,
    }
}

fn stored_value(key: AssumptionKey, shown: f64) -> f64 {
    match key.unit() {
        Unit::Fraction => shown / 100.0,
        _ => shown,
    }
}

fn drag_value(key: AssumptionKey, value: &mut f64) -> egui::DragValue<'_> {
    let (lo, hi) = key.range();
    let (lo, hi) = (shown_value(key, lo), shown_value(key, hi));
    let drag = egui::DragValue::new(value).range(lo..=hi);
    match key.unit() {
        Unit::Fraction => drag.suffix("%").speed(0.1).fixed_decimals(1),
        Unit::Money => drag.speed(0.05).fixed_decimals(2),
        Unit::Years => drag.suffix(" years").speed(0.05).fixed_decimals(1),
        Unit::Factor => drag.suffix("×").speed(0.01).fixed_decimals(2),
    }
}

pub(super) fn ui(ui: &mut Ui, edits: &mut Edits<'_>) {
    let palette = Palette::current(ui.ctx());
    widgets::section(
        ui,
        "Assumptions",
        "What the levers rest on; each applies to the scenario being edited",
    );
    let defaults = Assumptions::default();
    egui::Grid::new("assumptions-grid")
        .striped(true)
        .num_columns(5)
        .spacing([18.0, 8.0])
        .show(ui, |ui| {
            for h in ["Assumption", "Value", "Default", "Used by", "Meaning"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for key in AssumptionKey::ALL {
                let label = ui.label(key.label()).on_hover_text(key.description());
                let mut value = shown_value(key, key.get(&edits.next.assumptions));
                let response = ui
                    .add(drag_value(key, &mut value))
                    .labelled_by(label.id)
                    .on_hover_text(key.description());
                if response.changed() {
                    key.set(&mut edits.next.assumptions, stored_value(key, value));
                }
                edits.track(ScenarioField::Assumption(key), &response);
                let default = shown_value(key, key.default_value());
                let changed = key.get(&edits.next.assumptions) != key.get(&defaults);
                let text = match key.unit() {
                    Unit::Fraction => format!("{default:.1}%"),
                    _ => format!("{default}"),
                };
                let color = if changed { palette.warn } else { palette.muted };
                ui.label(RichText::new(text).color(color));
                ui.label(RichText::new(used_by(key)).color(palette.muted));
                ui.label(RichText::new(key.description()).color(palette.muted));
                ui.end_row();
            }
        });
    let response = ui
        .button("Reset assumptions to defaults")
        .on_hover_text("Every assumption of this scenario back to its documented default");
    if response.clicked() {
        edits.next.assumptions = defaults;
    }
    edits.track(ScenarioField::Ledger, &response);
}
