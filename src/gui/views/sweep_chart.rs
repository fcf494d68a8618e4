//! The k sweep: silhouette, stability, Calinski–Harabasz and the inertia elbow against k, the
//! k on display marked, the rule's sentence, the one-feature-split figure, and every figure in
//! a table. Clicking a point or a k button switches the whole analysis to that k (undoable).

use super::{Action, Shown};
use crate::charts::{MetricPanel, MetricsChart};
use crate::format;
use crate::gui::chart_image;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use egui::{RichText, Ui};
use egui_plot::{HoverPosition, Line, LineStyle, MarkerShape, Points, VLine};

pub(crate) fn ui(ui: &mut Ui, shown: &Shown<'_>, out: &mut Vec<Action>) {
    let palette = Palette::current(ui.ctx());
    let seg = &shown.analysis.segmentation;
    widgets::section(
        ui,
        "Choice of k",
        "Each k was fitted from several seeds; the best run of each k is shown",
    );
    egui::Frame::new()
        .fill(palette.banner)
        .corner_radius(tokens::CARD_RADIUS)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(&seg.k_reason)
                    .size(15.0)
                    .color(palette.strong),
            );
            if seg.k != seg.rule_k {
                widgets::muted(ui, format!("The rule: {}", seg.rule_reason));
            }
            if let Some(split) = crate::summary::split_sentence(seg) {
                let warn = seg.split.as_ref().is_some_and(|s| s.warn);
                let text = RichText::new(split);
                ui.label(if warn {
                    text.color(palette.warn).strong()
                } else {
                    text.color(palette.muted)
                });
            }
        });
    ui.add_space(tokens::ITEM_GAP);
    k_selector(ui, shown, out);
    ui.add_space(tokens::ITEM_GAP);
    // The chart model the PDF draws too (one model, two renderers).
    let model = &shown.figures.metrics;
    let switchable = seg.switchable();
    ui.columns(model.panels.len().max(1), |cols| {
        for (ui, panel) in cols.iter_mut().zip(&model.panels) {
            if let Some(k) = chart(ui, panel, model, &palette)
                && switchable.contains(&k)
                && !shown.presenting
            {
                out.push(Action::SwitchK(k));
            }
        }
    });
    ui.add_space(tokens::SECTION_GAP);
    table(ui, shown);
    if !seg.scaler_comparison.is_empty() {
        ui.add_space(tokens::SECTION_GAP);
        widgets::section(
            ui,
            "Choice of scaler",
            "Each scaler was tried on a sample; a scaler where one feature carries over half the between-segment variance is rejected; the best score (100 × silhouette − 2 × % negative) among the rest was kept",
        );
        egui::Grid::new("scaler-table")
            .striped(true)
            .spacing([24.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    "Scaler",
                    "k",
                    "Silhouette",
                    "Negative",
                    "Score",
                    "Top feature",
                    "",
                ] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for r in &seg.scaler_comparison {
                    ui.label(r.scaler.name());
                    ui.label(r.k.to_string());
                    ui.label(format!("{:.3}", r.silhouette));
                    ui.label(format!("{:.1}%", r.negative_pct));
                    ui.label(format!("{:.1}", r.score));
                    ui.label(if r.dominant_feature.is_empty() {
                        "—".to_string()
                    } else {
                        format!(
                            "{} {:.0}%{}",
                            r.dominant_feature,
                            r.dominant_share * 100.0,
                            if r.dominated { " (dominates)" } else { "" }
                        )
                    });
                    ui.label(if r.chosen { "chosen" } else { "" });
                    ui.end_row();
                }
            });
    }
}

/// "Show k:" with a button per k the sweep kept; the k on display is selected.
fn k_selector(ui: &mut Ui, shown: &Shown<'_>, out: &mut Vec<Action>) {
    let seg = &shown.analysis.segmentation;
    if shown.presenting || seg.options.len() < 2 {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new("Show k:").strong())
            .on_hover_text("Switch the whole analysis to this number of segments, without re-running (Ctrl+Z goes back)");
        for k in seg.switchable() {
            let text = if k == seg.rule_k {
                format!("k = {k} (rule)")
            } else {
                format!("k = {k}")
            };
            let button = ui.selectable_label(k == seg.k, text);
            if button.clicked() && k != seg.k {
                out.push(Action::SwitchK(k));
            }
        }
    });
}

/// One metric's panel against k; returns the k of a clicked point.
fn chart(
    ui: &mut Ui,
    panel: &MetricPanel,
    model: &MetricsChart,
    palette: &Palette,
) -> Option<usize> {
    ui.label(RichText::new(&panel.title).strong());
    widgets::muted(ui, &panel.note);
    let chosen = model.chosen_k as f64;
    let (k_low, k_high) = (model.k_range.0 as f64, model.k_range.1 as f64);
    let plot = widgets::fixed_plot(
        &format!("k-sweep {}", panel.title),
        tokens::CHART_HEIGHT - 60.0,
    )
    .show_grid(true)
    .include_x(k_low - 0.4)
    .include_x(k_high + 0.4)
    .set_margin_fraction(egui::vec2(0.02, 0.15))
    .custom_x_axes(vec![
        egui_plot::AxisHints::new_x()
            .label("k (number of segments)")
            .label_spacing(18.0..=24.0),
    ])
    .y_axis_label(panel.axis.as_str())
    .x_grid_spacer(|input| {
        let (lo, hi) = input.bounds;
        (lo.ceil() as i64..=hi.floor() as i64)
            .map(|k| egui_plot::GridMark {
                value: k as f64,
                step_size: 1.0,
            })
            .collect()
    })
    .label_formatter(|pos| match pos {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "k = {}\n{plot_name} = {}",
            position.x.round(),
            fmt_metric(position.y)
        )),
        HoverPosition::Elsewhere { .. } => None,
    })
    .show(ui, |plot| {
        let clicked = plot.response().clicked();
        let k = plot.pointer_coordinate().map(|p| p.x.round());
        let chosen_name = format!("chosen k = {}", model.chosen_k);
        plot.vline(
            VLine::new(chosen_name.as_str(), chosen)
                .color(palette.warn)
                .width(1.5),
        );
        for series in &panel.series {
            let points: Vec<[f64; 2]> = series.points.iter().map(|&(k, v)| [k as f64, v]).collect();
            let marked: Vec<[f64; 2]> = points.iter().copied().filter(|p| p[0] == chosen).collect();
            let style = if series.dashed {
                LineStyle::dashed_loose()
            } else {
                LineStyle::Solid
            };
            plot.line(
                Line::new(series.name.as_str(), points.clone())
                    .color(palette.accent)
                    .style(style)
                    .width(if series.dashed { 1.5 } else { 2.0 }),
            );
            plot.points(
                Points::new(series.name.as_str(), points)
                    .color(palette.accent)
                    .radius(3.5)
                    .filled(true),
            );
            plot.points(
                Points::new(chosen_name.as_str(), marked)
                    .color(palette.warn)
                    .shape(MarkerShape::Diamond)
                    .radius(7.0)
                    .filled(true),
            );
        }
        k.filter(|k| clicked && *k >= 2.0).map(|k| k as usize)
    });
    chart_image::menu(&plot.response, &format!("k choice {}", panel.title));
    plot.inner
}

fn fmt_metric(v: f64) -> String {
    if v.abs() >= 1_000.0 {
        format::thousands(v)
    } else {
        format!("{v:.3}")
    }
}

fn table(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    let seg = &shown.analysis.segmentation;
    widgets::section(ui, "Every k", "The figures behind the charts");
    egui::Grid::new("sweep-table")
        .striped(true)
        .spacing([22.0, 6.0])
        .show(ui, |ui| {
            for (h, tip) in [
                ("k", "Number of segments"),
                ("Silhouette", "Mean silhouette: how well customers sit in their segment (−1 to 1)"),
                ("Negative", "Share of customers closer to another segment"),
                ("Calinski–Harabasz", "Between- to within-segment dispersion"),
                ("Davies–Bouldin", "Average similarity of each segment to its closest one (lower is better)"),
                ("Smallest segment", "The smallest segment's share of customers"),
                ("Stability", "Agreement (adjusted Rand index) of the other seeds with the best run: mean / lowest"),
            ] {
                ui.label(RichText::new(h).strong()).on_hover_text(tip);
            }
            ui.end_row();
            for r in &seg.sweep {
                let chosen = r.k == seg.k;
                let text = |s: String| {
                    if chosen {
                        RichText::new(s).strong().color(palette.warn)
                    } else {
                        RichText::new(s)
                    }
                };
                ui.label(text(if chosen {
                    format!("{} (chosen)", r.k)
                } else {
                    r.k.to_string()
                }));
                ui.label(text(format!("{:.3}", r.silhouette)));
                ui.label(text(format!("{:.1}%", r.negative_share * 100.0)));
                ui.label(text(format::thousands(r.calinski_harabasz)));
                ui.label(text(format!("{:.3}", r.davies_bouldin)));
                ui.label(text(format!("{:.1}%", r.smallest_share * 100.0)));
                ui.label(text(format!(
                    "{:.2} / {:.2}",
                    r.stability_mean, r.stability_min
                )));
                ui.end_row();
            }
        });
}
