//! The k sweep: silhouette, stability, Calinski–Harabasz and the inertia elbow against k, the
//! k on display marked, the rule's sentence, the one-feature-split figure, and every figure in
//! a table. Clicking a point or a k button switches the whole analysis to that k (undoable).

use super::{Action, Shown};
use crate::format;
use crate::gui::chart_image;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::segment::KReport;
use egui::{RichText, Ui};
use egui_plot::{HoverPosition, Line, MarkerShape, Plot, Points, VLine};

struct Metric {
    title: &'static str,
    axis: &'static str,
    value: fn(&KReport) -> f64,
    better: &'static str,
}

const METRICS: [Metric; 4] = [
    Metric {
        title: "Silhouette",
        axis: "Silhouette (−1 to 1)",
        value: |r| r.silhouette,
        better: "higher is better",
    },
    Metric {
        title: "Stability",
        axis: "Stability (ARI across seeds)",
        value: |r| r.stability_mean,
        better: "0.8 or more is stable",
    },
    Metric {
        title: "Calinski–Harabasz",
        axis: "Calinski–Harabasz (ratio)",
        value: |r| r.calinski_harabasz,
        better: "higher is better",
    },
    Metric {
        title: "Inertia (elbow)",
        axis: "Inertia (sum of squared distances)",
        value: |r| r.inertia,
        better: "look for the bend",
    },
];

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
    let chosen = seg.k as f64;
    let switchable = seg.switchable();
    ui.columns(4, |cols| {
        for (ui, metric) in cols.iter_mut().zip(&METRICS) {
            if let Some(k) = chart(ui, metric, &seg.sweep, chosen, &palette)
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

/// One metric against k; returns the k of a clicked point.
fn chart(
    ui: &mut Ui,
    metric: &Metric,
    sweep: &[KReport],
    chosen: f64,
    palette: &Palette,
) -> Option<usize> {
    ui.label(RichText::new(metric.title).strong());
    widgets::muted(ui, metric.better);
    let points: Vec<[f64; 2]> = sweep
        .iter()
        .map(|r| [r.k as f64, (metric.value)(r)])
        .collect();
    let marked: Vec<[f64; 2]> = points.iter().copied().filter(|p| p[0] == chosen).collect();
    let title = metric.title;
    let k_low = sweep.first().map_or(2.0, |r| r.k as f64);
    let k_high = sweep.last().map_or(8.0, |r| r.k as f64);
    let plot = Plot::new(("k-sweep", metric.title))
        .include_x(k_low - 0.4)
        .include_x(k_high + 0.4)
        .set_margin_fraction(egui::vec2(0.02, 0.15))
        .height(tokens::CHART_HEIGHT - 60.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label("k (number of segments)")
                .label_spacing(18.0..=24.0),
        ])
        .y_axis_label(metric.axis)
        .x_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            (lo.ceil() as i64..=hi.floor() as i64)
                .map(|k| egui_plot::GridMark {
                    value: k as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .label_formatter(move |pos| match pos {
            HoverPosition::NearDataPoint { position, .. } => Some(format!(
                "k = {}\n{title} = {}",
                position.x.round(),
                fmt_metric(position.y)
            )),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            let clicked = plot.response().clicked();
            let k = plot.pointer_coordinate().map(|p| p.x.round());
            plot.vline(
                VLine::new(format!("chosen k = {chosen}"), chosen)
                    .color(palette.warn)
                    .width(1.5),
            );
            plot.line(
                Line::new(title, points.clone())
                    .color(palette.accent)
                    .width(2.0),
            );
            plot.points(
                Points::new(title, points)
                    .color(palette.accent)
                    .radius(3.5)
                    .filled(true),
            );
            plot.points(
                Points::new(format!("chosen k = {chosen}"), marked)
                    .color(palette.warn)
                    .shape(MarkerShape::Diamond)
                    .radius(7.0)
                    .filled(true),
            );
            k.filter(|k| clicked && *k >= 2.0).map(|k| k as usize)
        });
    chart_image::menu(&plot.response, &format!("k choice {title}"));
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
