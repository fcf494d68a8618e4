//! "Best allocation": split a campaign budget (and optionally a discount budget) across the
//! segments to maximise net margin, under the scenario's assumptions. Shows the allocation,
//! its net impact and the frontier of net impact against budget; recomputed live.

use crate::format::{Percent, compact, percent, thousands};
use crate::gui::tokens::{self, Palette};
use crate::gui::views::Shown;
use crate::gui::widgets;
use crate::simulate::{
    ANY_CAMPAIGN, Optimisation, OptimiserSettings, Scenario, SimulationBase, optimise,
};
use egui::{RichText, Ui};
use egui_plot::{Line, MarkerShape, Plot, Points};

/// The optimiser's inputs.
#[derive(Debug)]
pub(crate) struct OptimiserPanel {
    budget: f64,
    discount: bool,
    discount_budget: f64,
    response: String,
}

impl Default for OptimiserPanel {
    fn default() -> Self {
        Self {
            budget: 5_000.0,
            discount: false,
            discount_budget: 5_000.0,
            response: ANY_CAMPAIGN.into(),
        }
    }
}

impl OptimiserPanel {
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        shown: &Shown<'_>,
        base: &SimulationBase,
        scenario: &Scenario,
    ) {
        widgets::section(
            ui,
            "Best allocation",
            "responders(spend) = customers × rate × (1 − exp(−spend ÷ (customers × cost per contact))): diminishing returns, capped by each segment's size",
        );
        self.inputs(ui, base);
        let settings = OptimiserSettings {
            budget: self.budget,
            discount_budget: self.discount.then_some(self.discount_budget),
            response: self.response.clone(),
        };
        match optimise(base, &scenario.assumptions, &settings) {
            Ok(best) => {
                ui.label(
                    RichText::new(format!(
                        "Net impact {} · spent {} of {}",
                        thousands(best.net_impact),
                        thousands(best.spent),
                        thousands(best.budget)
                    ))
                    .size(18.0)
                    .strong(),
                );
                ui.columns(2, |cols| {
                    if let [left, right] = cols {
                        allocation_table(left, shown, &best);
                        frontier(right, &best);
                    }
                });
            }
            Err(reason) => {
                let palette = Palette::current(ui.ctx());
                ui.label(RichText::new(format!("Not available: {reason}")).color(palette.warn));
            }
        }
    }

    fn inputs(&mut self, ui: &mut Ui, base: &SimulationBase) {
        ui.horizontal(|ui| {
            let label = ui.label("Campaign budget");
            ui.add(
                egui::DragValue::new(&mut self.budget)
                    .range(0.0..=1e12)
                    .speed(50.0),
            )
            .labelled_by(label.id);
            ui.add_space(tokens::ITEM_GAP);
            ui.checkbox(&mut self.discount, "Also allocate a discount budget");
            let label = ui.label("Discount budget");
            ui.add_enabled(
                self.discount,
                egui::DragValue::new(&mut self.discount_budget)
                    .range(0.0..=1e12)
                    .speed(50.0),
            )
            .labelled_by(label.id);
            ui.add_space(tokens::ITEM_GAP);
            let label = ui.label("Response rate from");
            egui::ComboBox::from_id_salt("optimiser-response")
                .selected_text(self.response.clone())
                .show_ui(ui, |ui| {
                    for name in &base.responses {
                        ui.selectable_value(&mut self.response, name.clone(), name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
}

fn allocation_table(ui: &mut Ui, shown: &Shown<'_>, best: &Optimisation) {
    egui::Grid::new("optimiser-table")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for h in [
                "Segment",
                "Spend",
                "Contacts",
                "Responders",
                "Revenue",
                "Margin",
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (s, c) in best.campaign.iter().enumerate() {
                widgets::segment_label(ui, s, &shown.segment_title(s));
                match c.get() {
                    Some(a) => {
                        for v in [a.spend, a.contacts, a.responders, a.revenue, a.margin] {
                            ui.label(thousands(v));
                        }
                    }
                    None => {
                        ui.label(format!("Not available: {}", c.reason().unwrap_or_default()));
                    }
                }
                ui.end_row();
            }
        });
    if let Some(discount) = &best.discount {
        ui.add_space(tokens::ITEM_GAP);
        ui.label(RichText::new("Discount budget").strong());
        match discount.get() {
            Some(parts) => {
                egui::Grid::new("optimiser-discount")
                    .striped(true)
                    .spacing([16.0, 6.0])
                    .show(ui, |ui| {
                        for h in ["Segment", "Extra discount", "Discount given", "Margin"] {
                            ui.label(RichText::new(h).strong());
                        }
                        ui.end_row();
                        for d in parts {
                            widgets::segment_label(ui, d.segment, &shown.segment_title(d.segment));
                            ui.label(percent(100.0 * d.depth, Percent::OneDecimal));
                            ui.label(thousands(d.discount_given));
                            ui.label(thousands(d.margin));
                            ui.end_row();
                        }
                    });
            }
            None => {
                ui.label(format!(
                    "Not available: {}",
                    discount.reason().unwrap_or_default()
                ));
            }
        }
    }
}

fn frontier(ui: &mut Ui, best: &Optimisation) {
    let palette = Palette::current(ui.ctx());
    ui.label(RichText::new("Frontier: net impact against budget").strong());
    let points: Vec<[f64; 2]> = best
        .frontier
        .iter()
        .map(|p| [p.budget, p.net_impact])
        .collect();
    Plot::new("optimiser-frontier")
        .height(tokens::CHART_HEIGHT - 60.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .x_axis_label("Campaign budget")
        .y_axis_label("Net impact")
        .x_axis_formatter(|m, _| compact(m.value))
        .y_axis_formatter(|m, _| compact(m.value))
        .label_formatter(|_| None)
        .show(ui, |p| {
            p.line(
                Line::new("Frontier", points)
                    .color(palette.accent)
                    .width(2.0),
            );
            p.points(
                Points::new("This budget", vec![[best.budget, best.net_impact]])
                    .shape(MarkerShape::Diamond)
                    .radius(6.0)
                    .color(palette.warn),
            );
        });
}
