//! The Overview tab, the executive view: KPI cards, the decision banner, the top-segment
//! spotlight, revenue share against customer share, and the choice of k in one sentence.

use super::{Action, Context, Shown, View};
use crate::charts::ShareChart;
use crate::features::Unit;
use crate::format::{self, Percent, percent};
use crate::gui::chart_image;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::insights::Availability;
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart};

#[derive(Debug, Default)]
pub(crate) struct OverviewView;

impl View for OverviewView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, _out: &mut Vec<Action>) {
        let Some(shown) = &cx.shown else {
            return;
        };
        if shown.presenting {
            // A slide fits the screen: no scrolling, the chart takes the height left.
            content(ui, shown);
        } else {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .id_salt("overview-scroll")
                .show(ui, |ui| content(ui, shown));
        }
    }
}

fn content(ui: &mut Ui, shown: &Shown<'_>) {
    header(ui, shown);
    ui.add_space(tokens::ITEM_GAP);
    kpi_row(ui, shown);
    ui.add_space(tokens::SECTION_GAP);
    decision_banner(ui, shown);
    ui.add_space(tokens::SECTION_GAP);
    let wide = ui.available_width() > if shown.presenting { 820.0 } else { 980.0 };
    if wide {
        ui.columns(2, |cols| {
            spotlight(&mut cols[0], shown);
            if !shown.presenting {
                cols[0].add_space(tokens::SECTION_GAP);
                all_segments(&mut cols[0], shown);
            }
            share_chart(&mut cols[1], shown);
        });
    } else {
        spotlight(ui, shown);
        ui.add_space(tokens::SECTION_GAP);
        share_chart(ui, shown);
        if !shown.presenting {
            ui.add_space(tokens::SECTION_GAP);
            all_segments(ui, shown);
        }
    }
    ui.add_space(tokens::SECTION_GAP);
    if !shown.presenting {
        let palette = Palette::current(ui.ctx());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Why this many segments:").strong());
            ui.label(RichText::new(&shown.analysis.segmentation.k_reason).color(palette.muted));
        });
        ui.add_space(tokens::SECTION_GAP);
    }
}

fn header(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    let a = shown.analysis;
    ui.label(
        RichText::new(format!(
            "{} segments among {} customers",
            a.segmentation.k,
            format::count(shown.figures.kpis.customers)
        ))
        .size(tokens::HEADING_SIZE + 4.0)
        .strong()
        .color(palette.strong),
    );
    if shown.presenting {
        widgets::muted(ui, format!("Why {}", a.segmentation.k_reason));
    } else {
        widgets::muted(
            ui,
            format!(
                "{} · segments numbered by {} · run {}",
                a.file_name,
                a.segmentation.order_by,
                crate::run_id::short(&a.run_id)
            ),
        );
    }
}

fn kpi_row(ui: &mut Ui, shown: &Shown<'_>) {
    let k = &shown.figures.kpis;
    let gap = 12.0;
    let width = ((ui.available_width() - 4.0 * gap) / 5.0).clamp(150.0, tokens::KPI_CARD_WIDTH);
    // A figure the data cannot give shows "n/a"; the card's tooltip says why.
    let card = |ui: &mut Ui,
                title: &str,
                figure: &Availability<f64>,
                show: &dyn Fn(f64) -> (String, String),
                tip: &str| {
        match figure.get() {
            Some(v) => {
                let (value, note) = show(*v);
                widgets::kpi_card(ui, width, title, &value, &note, tip);
            }
            None => {
                let why = figure.reason().unwrap_or("not available for this data");
                widgets::kpi_card(
                    ui,
                    width,
                    title,
                    "n/a",
                    "not available (hover for why)",
                    why,
                );
            }
        }
    };
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        widgets::kpi_card(
            ui,
            width,
            "Customers",
            &format::count(k.customers),
            "after cleaning",
            "Customers in the analysis, after removing unusable and duplicate rows",
        );
        card(
            ui,
            "Revenue",
            &k.total_revenue,
            &|r| (format::thousands(r), format!("{} in total spend", format::compact(r))),
            "Total spend of all customers",
        );
        card(
            ui,
            "Average spend",
            &k.avg_spend_per_customer,
            &|v| (format::number(v, 1_000.0), "per customer".into()),
            "Revenue divided by the number of customers",
        );
        card(
            ui,
            "Promo response",
            &k.promo_response_pct,
            &|v| (percent(v, Percent::OneDecimal), "accepted at least one campaign".into()),
            "Share of customers who accepted at least one campaign",
        );
        card(
            ui,
            "Discount-addiction rate",
            &k.discount_addicted_pct,
            &|v| (percent(v, Percent::OneDecimal), "buy mostly on deals, spend little".into()),
            "Share of customers with over half their purchases on deals and a below-median spend per purchase",
        );
    });
}

fn decision_banner(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    egui::Frame::new()
        .fill(palette.banner)
        .stroke(egui::Stroke::new(1.5, palette.banner_stroke))
        .corner_radius(tokens::CARD_RADIUS)
        .inner_margin(egui::Margin::same(14))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new("Key decisions")
                    .size(tokens::HEADING_SIZE)
                    .strong()
                    .color(palette.strong),
            )
            .on_hover_text("What the segment figures support, each with the numbers behind it");
            ui.add_space(4.0);
            if shown.decisions.is_empty() {
                widgets::muted(ui, "No segment stands out enough for a decision.");
            }
            let size = if shown.presenting { 17.0 } else { 15.5 };
            // A slide shows the strongest three; the Overview tab has them all.
            let shown_decisions = if shown.presenting { 3 } else { usize::MAX };
            for (i, d) in shown.decisions.iter().take(shown_decisions).enumerate() {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 8.0;
                    ui.label(
                        RichText::new(format!("{}.", i + 1))
                            .size(size)
                            .strong()
                            .color(palette.strong),
                    );
                    match d.segment {
                        Some(s) => {
                            widgets::segment_swatch(ui, s, 16.0);
                        }
                        None => {
                            ui.add_space(16.0);
                        }
                    }
                    ui.add(
                        egui::Label::new(RichText::new(&d.text).size(size).color(palette.strong))
                            .wrap(),
                    );
                });
            }
        });
}

fn spotlight(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    let min_pct = shown.analysis.config.min_segment_share * 100.0;
    let Some((top, why)) = shown.figures.top_segment(min_pct) else {
        return;
    };
    if shown.presenting {
        // On a slide the card speaks for itself; the room goes to the chart beside it.
        ui.add_space(tokens::SECTION_GAP * 0.5);
    } else {
        widgets::section(
            ui,
            "Top segment",
            "The most valuable segment among those large enough to act on",
        );
    }
    tokens::card_frame(&palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            widgets::segment_swatch(ui, top.index, 28.0);
            ui.label(
                RichText::new(shown.persona_name(top.index))
                    .size(tokens::HEADING_SIZE)
                    .strong()
                    .color(palette.strong),
            );
        });
        ui.add_space(4.0);
        let mut facts = vec![format!(
            "{} customers · {} of the base",
            format::count(top.customers),
            percent(top.customer_pct, Percent::OneDecimal)
        )];
        if let Some(r) = top.revenue_pct {
            facts.push(format!("{} of revenue", percent(r, Percent::OneDecimal)));
        }
        if let (Some(s), Some(all)) = (
            top.avg_spend,
            shown.figures.kpis.avg_spend_per_customer.get(),
        ) {
            facts.push(format!(
                "spends {} per customer vs {} overall",
                Unit::Money.show(s),
                Unit::Money.show(*all)
            ));
        }
        widgets::paragraph(ui, RichText::new(facts.join(" · ")).size(15.0));
        widgets::muted(ui, format!("Why this one: {why}."));
        ui.add_space(6.0);
        if let Some(persona) = shown.persona(top.index) {
            // A slide keeps to the action; the traits are on the persona's own slide.
            if !shown.presenting {
                for t in persona.traits.iter().take(3) {
                    widgets::paragraph(ui, format!("• {t}"));
                }
                ui.add_space(4.0);
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Action:").strong());
                ui.label(persona.display_action());
            });
        }
    });
}

/// Every segment on one line each: name, size and revenue share.
fn all_segments(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    widgets::section(
        ui,
        "All segments",
        "Numbered by revenue; names come from the Personas tab",
    );
    egui::Grid::new("overview-segments")
        .spacing([18.0, 6.0])
        .show(ui, |ui| {
            for s in &shown.figures.segments {
                widgets::segment_label(ui, s.index, &shown.persona_name(s.index));
                ui.label(format!(
                    "{} of customers",
                    percent(s.customer_pct, Percent::OneDecimal)
                ));
                ui.label(s.revenue_pct.map_or_else(
                    || "revenue n/a".into(),
                    |r| format!("{} of revenue", percent(r, Percent::OneDecimal)),
                ));
                let index = s
                    .revenue_index()
                    .map_or(String::new(), |i| format!("{i:.1}× its size"));
                ui.label(RichText::new(index).color(palette.muted));
                ui.end_row();
            }
        });
}

fn share_chart(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    widgets::section(
        ui,
        "Revenue share against customer share",
        if shown.presenting {
            ""
        } else {
            "A segment above its customer share earns more than its size"
        },
    );
    // The same chart model the PDF draws (one model, two renderers).
    let model = ShareChart::of(shown.analysis, shown.personas);
    if !model.has_revenue() {
        widgets::muted(ui, "Not available: the mapping has no spend columns.");
        return;
    }
    ui.horizontal(|ui| {
        widgets::legend_entry(ui, palette.muted, "Share of customers");
        ui.add_space(12.0);
        widgets::legend_entry(
            ui,
            tokens::segment_color(0),
            "Share of revenue (segment colour)",
        );
    });
    let customers: Vec<Bar> = model
        .bars
        .iter()
        .map(|b| {
            Bar::new(b.style.segment as f64 + 1.0 - 0.19, b.customer_pct)
                .width(0.36)
                .fill(palette.muted.linear_multiply(0.8))
                .name(format!("Segment {}", b.style.segment + 1))
        })
        .collect();
    let revenue: Vec<Bar> = model
        .bars
        .iter()
        .map(|b| {
            let [r, g, bl] = b.style.rgb;
            Bar::new(
                b.style.segment as f64 + 1.0 + 0.19,
                b.revenue_pct.unwrap_or(0.0),
            )
            .width(0.36)
            .fill(egui::Color32::from_rgb(r, g, bl))
            .name(format!("Segment {}", b.style.segment + 1))
        })
        .collect();
    let k = model.bars.len();
    let height = if shown.presenting {
        (ui.available_height() - 8.0).clamp(90.0, tokens::CHART_HEIGHT)
    } else {
        tokens::CHART_HEIGHT - 40.0
    };
    let plot = widgets::fixed_plot("revenue-vs-customers", height)
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label("Segment")
                .formatter(|mark, _| format!("S{}", mark.value.round() as i64))
                .label_spacing(18.0..=24.0),
        ])
        .y_axis_label("Share (%)")
        .include_y(0.0)
        .include_x(0.4)
        .include_x(k as f64 + 0.6)
        .x_grid_spacer(move |_| {
            (1..=k)
                .map(|i| egui_plot::GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [10.0, 20.0, 100.0]))
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("Share of customers", customers)
                    .color(palette.muted)
                    .element_formatter(Box::new(|bar, _| {
                        format!("{}\nShare of customers: {:.1}%", bar.name, bar.value)
                    })),
            );
            plot.bar_chart(
                BarChart::new("Share of revenue", revenue)
                    .color(tokens::segment_color(0))
                    .element_formatter(Box::new(|bar, _| {
                        format!("{}\nShare of revenue: {:.1}%", bar.name, bar.value)
                    })),
            );
        });
    chart_image::menu(&plot.response, "Revenue share against customer share");
}
