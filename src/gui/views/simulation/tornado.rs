//! The sensitivity tornado: how far the net impact moves when each assumption of the levers
//! that are on moves ±20%, largest swing first. Computed from aggregates, so it is live.

use crate::format::{compact, thousands};
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::simulate::{SENSITIVITY_STEP, Scenario, SimulationBase, tornado};
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot, VLine};

pub(super) fn ui(ui: &mut Ui, base: &SimulationBase, scenario: &Scenario) {
    let palette = Palette::current(ui.ctx());
    let step = format!("{:.0}%", 100.0 * SENSITIVITY_STEP);
    widgets::section(
        ui,
        "Sensitivity",
        &format!("Net impact when each assumption moves ±{step}, largest swing first"),
    );
    let bars = tornado(base, scenario);
    if bars.is_empty() {
        widgets::muted(ui, "No lever is on, so no assumption moves the net impact.");
        return;
    }
    let net = scenario.simulate(base).net_impact();
    ui.horizontal(|ui| {
        widgets::legend_entry(ui, palette.accent, &format!("Assumption −{step}"));
        widgets::legend_entry(ui, palette.warn, &format!("Assumption +{step}"));
        ui.label(RichText::new(format!("Net impact now {}", thousands(net))).strong());
    });
    let n = bars.len();
    let mut low = Vec::new();
    let mut high = Vec::new();
    for (i, b) in bars.iter().enumerate() {
        let y = (n - i) as f64;
        let name = b.assumption.label();
        low.push(
            Bar::new(y, b.net_low - net)
                .base_offset(net)
                .width(0.6)
                .fill(palette.accent)
                .name(format!("{name} at {}", b.low_value)),
        );
        high.push(
            Bar::new(y, b.net_high - net)
                .base_offset(net)
                .width(0.6)
                .fill(palette.warn)
                .name(format!("{name} at {}", b.high_value)),
        );
    }
    let labels: Vec<&'static str> = bars.iter().map(|b| b.assumption.label()).collect();
    Plot::new("sim-tornado")
        .height((28.0 * n as f32 + 60.0).max(160.0))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.4)
        .include_y(n as f64 + 0.6)
        .y_grid_spacer(super::charts::whole_marks(n))
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round() as usize;
            n.checked_sub(i)
                .and_then(|j| labels.get(j))
                .map_or(String::new(), |s| s.to_string())
        })
        .y_axis_min_width(200.0)
        .x_axis_formatter(|mark, _| compact(mark.value))
        .label_formatter(|_| None)
        .show(ui, |p| {
            let fmt = || -> super::charts::BarLabel {
                Box::new(|bar, _| {
                    format!(
                        "{}: net {}",
                        bar.name,
                        compact(bar.base_offset.unwrap_or(0.0) + bar.value)
                    )
                })
            };
            p.bar_chart(
                BarChart::new("Low", low)
                    .horizontal()
                    .element_formatter(fmt()),
            );
            p.bar_chart(
                BarChart::new("High", high)
                    .horizontal()
                    .element_formatter(fmt()),
            );
            p.vline(VLine::new("Net impact now", net).color(palette.strong));
        });
    ui.add_space(tokens::ITEM_GAP);
    egui::Grid::new("tornado-table")
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for h in [
                "Assumption",
                "Low value",
                "Net at low",
                "High value",
                "Net at high",
                "Swing",
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for b in &bars {
                ui.label(b.assumption.label())
                    .on_hover_text(b.assumption.description());
                ui.label(format!("{:.3}", b.low_value));
                ui.label(thousands(b.net_low));
                ui.label(format!("{:.3}", b.high_value));
                ui.label(thousands(b.net_high));
                ui.label(thousands(b.swing));
                ui.end_row();
            }
        });
}
