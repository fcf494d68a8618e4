//! The scenario's charts, drawn with egui_plot in the shared palette: the waterfall of net
//! impact by lever (with the P10–P90 band on the total), per-segment revenue before and
//! after, and the revenue mix before and after.

use crate::format::compact;
use crate::gui::tokens::{self, Palette};
use crate::gui::views::Shown;
use crate::gui::widgets;
use crate::simulate::{Band, Simulation};
use egui::Ui;
use egui_plot::{Bar, BarChart, Plot, Polygon};

/// A bar's hover text.
pub(super) type BarLabel = Box<dyn Fn(&Bar, &BarChart) -> String>;

pub(super) fn ui(ui: &mut Ui, shown: &Shown<'_>, simulation: &Simulation, band: Option<&Band>) {
    widgets::section(
        ui,
        "Net impact by lever",
        "Each lever's margin change after costs, then the total with its P10–P90 band",
    );
    waterfall(ui, simulation, band, tokens::CHART_HEIGHT - 60.0);
    ui.columns(2, |cols| {
        if let [left, right] = cols {
            widgets::section(left, "Revenue per segment", "Before and after the levers");
            segment_bars(left, shown, simulation);
            widgets::section(right, "Revenue mix", "Each segment's share of revenue, %");
            revenue_mix(right, shown, simulation);
        }
    });
}

/// The waterfall: one floating bar per applied lever, then the total.
pub(super) fn waterfall(ui: &mut Ui, simulation: &Simulation, band: Option<&Band>, height: f32) {
    let palette = Palette::current(ui.ctx());
    let steps = &simulation.waterfall;
    if steps.is_empty() {
        widgets::muted(ui, "No lever is on: switch one on or move its slider.");
        return;
    }
    let color = |delta: f64| {
        if delta >= 0.0 {
            palette.good
        } else {
            palette.warn
        }
    };
    let mut bars: Vec<Bar> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Bar::new(i as f64 + 1.0, s.end - s.start)
                .base_offset(s.start)
                .width(0.6)
                .fill(color(s.end - s.start))
                .name(&s.label)
        })
        .collect();
    let n = steps.len() as f64 + 1.0;
    let net = simulation.net_impact();
    bars.push(
        Bar::new(n, net)
            .width(0.6)
            .fill(palette.accent)
            .name("Net impact"),
    );
    let labels: Vec<String> = steps
        .iter()
        .map(|s| s.label.clone())
        .chain(std::iter::once("Total".to_string()))
        .collect();
    widgets::fixed_plot("sim-waterfall", height)
        .include_y(0.0)
        .include_x(0.4)
        .include_x(n + 0.6)
        .x_grid_spacer(move |_| {
            (1..=n as usize)
                .map(|i| egui_plot::GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round() as usize;
            labels.get(i.wrapping_sub(1)).cloned().unwrap_or_default()
        })
        .y_axis_formatter(|mark, _| compact(mark.value))
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new("Net impact by lever", bars).element_formatter(Box::new(|bar, _| {
                    format!("{}: {}", bar.name, compact(bar.value))
                })),
            );
            if let Some(b) = band {
                let (x0, x1) = (n - 0.38, n + 0.38);
                p.polygon(
                    Polygon::new(
                        "P10 to P90",
                        vec![[x0, b.p10], [x1, b.p10], [x1, b.p90], [x0, b.p90]],
                    )
                    .fill_color(palette.strong.linear_multiply(0.18))
                    .stroke(egui::Stroke::new(1.5, palette.strong)),
                );
            }
        });
}

/// Grid marks at 1, 2, …, `n`: one per bar of a category axis.
pub(crate) fn whole_marks(n: usize) -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    move |_| {
        (1..=n)
            .map(|i| egui_plot::GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect()
    }
}

fn segment_axis(plot: Plot<'static>, k: usize) -> Plot<'static> {
    plot.include_x(0.4)
        .include_x(k as f64 + 0.6)
        .include_y(0.0)
        .x_grid_spacer(whole_marks(k))
        .x_axis_formatter(|mark, _| format!("S{}", mark.value.round() as i64))
}

fn segment_bars(ui: &mut Ui, shown: &Shown<'_>, simulation: &Simulation) {
    let palette = Palette::current(ui.ctx());
    ui.horizontal(|ui| {
        widgets::legend_entry(ui, palette.muted, "Before");
        widgets::legend_entry(ui, tokens::segment_color(0), "After (segment colour)");
    });
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (s, b, a) in simulation.bars() {
        let name = shown.segment_title(s);
        before.push(
            Bar::new(s as f64 + 1.0 - 0.19, b)
                .width(0.36)
                .fill(palette.muted.linear_multiply(0.8))
                .name(format!("{name}, before")),
        );
        after.push(
            Bar::new(s as f64 + 1.0 + 0.19, a)
                .width(0.36)
                .fill(tokens::segment_color(s))
                .name(format!("{name}, after")),
        );
    }
    let k = simulation.segments.len();
    segment_axis(widgets::fixed_plot("sim-segment-bars", 180.0), k)
        .y_axis_formatter(|mark, _| compact(mark.value))
        .show(ui, |p| {
            let fmt = || -> BarLabel {
                Box::new(|bar, _| format!("{}: {}", bar.name, compact(bar.value)))
            };
            p.bar_chart(BarChart::new("Revenue before", before).element_formatter(fmt()));
            p.bar_chart(BarChart::new("Revenue after", after).element_formatter(fmt()));
        });
}

fn revenue_mix(ui: &mut Ui, shown: &Shown<'_>, simulation: &Simulation) {
    let palette = Palette::current(ui.ctx());
    ui.horizontal(|ui| {
        widgets::legend_entry(ui, palette.muted, "Before");
        widgets::legend_entry(ui, tokens::segment_color(0), "After (segment colour)");
    });
    let mut before = Vec::new();
    let mut after = Vec::new();
    for m in &simulation.revenue_mix {
        let name = shown.segment_title(m.segment);
        let x = m.segment as f64 + 1.0;
        before.push(
            Bar::new(x - 0.19, m.before_pct)
                .width(0.36)
                .fill(palette.muted.linear_multiply(0.8))
                .name(format!("{name}, before")),
        );
        after.push(
            Bar::new(x + 0.19, m.after_pct)
                .width(0.36)
                .fill(tokens::segment_color(m.segment))
                .name(format!("{name}, after")),
        );
    }
    let k = simulation.revenue_mix.len();
    segment_axis(widgets::fixed_plot("sim-revenue-mix", 180.0), k)
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .show(ui, |p| {
            let fmt =
                || -> BarLabel { Box::new(|bar, _| format!("{}: {:.1}%", bar.name, bar.value)) };
            p.bar_chart(BarChart::new("Share before", before).element_formatter(fmt()));
            p.bar_chart(BarChart::new("Share after", after).element_formatter(fmt()));
        });
}
