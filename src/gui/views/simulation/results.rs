//! The results of the scenario being edited: the headline cards (net impact, revenue change,
//! cost, ROI, the P10–P90 band) and the per-segment table (revenue before and after, change,
//! cost, margin, ROI) with the total, all from this frame's settings.

use crate::format::{Percent, percent, thousands};
use crate::gui::tokens;
use crate::gui::views::Shown;
use crate::gui::widgets;
use crate::simulate::{Band, SegmentResult, Simulation};
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// The accessible label of the headline card the tests read.
pub(crate) const NET_IMPACT: &str = "Net impact";

/// ROI as a percentage, or a dash when the levers cost nothing.
pub(crate) fn roi_text(roi: Option<f64>) -> String {
    roi.map_or_else(|| "–".into(), |r| percent(100.0 * r, Percent::Adaptive))
}

/// The band as people read it, or what it is waiting for.
pub(crate) fn band_text(band: Option<&Band>) -> String {
    match band {
        Some(b) => format!("{} to {}", thousands(b.p10), thousands(b.p90)),
        None => "computing…".into(),
    }
}

pub(super) fn ui(ui: &mut Ui, shown: &Shown<'_>, simulation: &Simulation, band: Option<&Band>) {
    cards(ui, simulation, band);
    ui.add_space(tokens::ITEM_GAP);
    table(ui, shown, simulation);
}

pub(super) fn cards(ui: &mut Ui, simulation: &Simulation, band: Option<&Band>) {
    let t = &simulation.total;
    // Three cards a row (five on a wide screen), never so narrow that a note wraps over the value.
    let per_row = if ui.available_width() > 1100.0 {
        5.0
    } else {
        3.0
    };
    let width = ((ui.available_width() - (per_row - 1.0) * tokens::ITEM_GAP) / per_row).max(150.0);
    ui.horizontal_wrapped(|ui| {
        widgets::kpi_card(
            ui,
            width,
            NET_IMPACT,
            &thousands(simulation.net_impact()),
            "margin change after costs",
            "Σ over levers and segments of revenue change × margin − cost",
        );
        widgets::kpi_card(
            ui,
            width,
            "Revenue change",
            &percent(simulation.revenue_change_pct(), Percent::OneDecimal),
            &format!("{} at list price", thousands(t.revenue_change)),
            "Total revenue change, % of revenue before",
        );
        widgets::kpi_card(
            ui,
            width,
            "Cost",
            &thousands(t.cost),
            "discounts, contacts, serving",
            "What the levers cost: discount given, contacts and cost to serve",
        );
        widgets::kpi_card(
            ui,
            width,
            "ROI",
            &roi_text(t.roi),
            "net impact ÷ cost",
            "Margin change ÷ cost, when the levers cost something",
        );
        widgets::kpi_card(
            ui,
            width,
            "P10 to P90",
            &band_text(band),
            "bootstrap over customers",
            "A seeded bootstrap over customers (1,000 replicates): 80% of resampled net impacts fall in this band. It is computed once the controls settle.",
        );
    });
}

fn table(ui: &mut Ui, shown: &Shown<'_>, simulation: &Simulation) {
    widgets::section(
        ui,
        "Results per segment",
        "Revenue at list price; margin change = revenue change × margin − cost",
    );
    let headers = [
        "Segment",
        "Customers",
        "Revenue before",
        "Revenue after",
        "Change",
        "Cost",
        "Margin",
        "ROI",
    ];
    TableBuilder::new(ui)
        .id_salt("simulation-results")
        .striped(true)
        .vscroll(false)
        .column(Column::remainder().at_least(150.0).clip(true))
        .columns(Column::auto().at_least(64.0), headers.len() - 1)
        .header(22.0, |mut header| {
            for h in headers {
                header.col(|ui| {
                    ui.label(RichText::new(h).strong());
                });
            }
        })
        .body(|mut body| {
            for r in simulation
                .segments
                .iter()
                .chain(std::iter::once(&simulation.total))
            {
                body.row(22.0, |mut row| {
                    row.col(|ui| match r.segment {
                        Some(s) => {
                            widgets::segment_label(ui, s, &shown.segment_title(s));
                        }
                        None => {
                            ui.label(RichText::new("Total").strong());
                        }
                    });
                    for text in cells(r) {
                        row.col(|ui| {
                            ui.label(text);
                        });
                    }
                });
            }
        });
}

fn cells(r: &SegmentResult) -> [String; 7] {
    [
        thousands(r.customers),
        thousands(r.revenue_before),
        thousands(r.revenue_after),
        thousands(r.revenue_change),
        thousands(r.cost),
        thousands(r.margin_change),
        roi_text(r.roi),
    ]
}
