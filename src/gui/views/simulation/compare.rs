//! Compare scenarios side by side: the baseline and every saved scenario with its lever
//! settings and results in a table, what differs from the baseline highlighted and the levers
//! that differ marked, and a chart of net impact (the chart model `charts::ScenarioChart`).

use super::edits::Edits;
use super::results::roi_text;
use crate::charts::{ScenarioBar, ScenarioChart};
use crate::format::{Percent, compact, percent, thousands};
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::simulate::{AssumptionKey, Band, LeverKind, Scenario, SimulationBase};
use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Polygon};

/// The mark of a lever that differs from the baseline.
pub(crate) const DIFFERS: &str = "*";

fn setting_text(scenario: &Scenario, lever: LeverKind) -> String {
    scenario
        .levers
        .setting(lever)
        .map_or_else(|| "off".into(), |v| percent(100.0 * v, Percent::OneDecimal))
}

/// The assumptions of `scenario` that differ from the baseline's, as "Margin 35.0%".
fn changed_assumptions(scenario: &Scenario, baseline: &Scenario) -> String {
    let changed: Vec<String> = AssumptionKey::ALL
        .into_iter()
        .filter(|k| k.get(&scenario.assumptions) != k.get(&baseline.assumptions))
        .map(|k| format!("{} {:.3}", k.label(), k.get(&scenario.assumptions)))
        .collect();
    if changed.is_empty() {
        "as baseline".into()
    } else {
        changed.join(", ")
    }
}

pub(super) fn ui(ui: &mut Ui, base: &SimulationBase, edits: &Edits<'_>, band: Option<&Band>) {
    let palette = Palette::current(ui.ctx());
    widgets::section(
        ui,
        "Compare scenarios",
        &format!(
            "{DIFFERS} marks a lever set differently from the baseline; highlighted cells differ from it"
        ),
    );
    let bench = edits.bench();
    let baseline = &bench.ledger.baseline;
    // The scenario being edited as it is this frame; the others as saved.
    let active = bench.active().name.clone();
    let mut scenarios: Vec<Scenario> = std::iter::once(baseline.clone())
        .chain(bench.ledger.scenarios.iter().cloned())
        .collect();
    if let Some(s) = scenarios.iter_mut().find(|s| s.name == active) {
        s.levers = edits.next.levers.clone();
        s.assumptions = edits.next.assumptions;
    }
    if bench.baseline_active() && edits.next != *baseline {
        scenarios.push(Scenario {
            name: format!("{} (unsaved change)", bench.fresh_name()),
            ..edits.next.clone()
        });
    }
    let nets: Vec<f64> = scenarios
        .iter()
        .map(|s| s.simulate(base).net_impact())
        .collect();
    let highlight = palette.accent.linear_multiply(0.25);
    egui::Grid::new("compare-scenarios")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Scenario").strong());
            for lever in LeverKind::ALL {
                ui.label(RichText::new(lever.label()).strong());
            }
            for h in ["Net impact", "Revenue change", "Cost", "ROI", "Assumptions"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for s in &scenarios {
                row(ui, base, s, baseline, highlight, s.name == active);
                ui.end_row();
            }
        });
    ui.add_space(tokens::ITEM_GAP);
    let chart = ScenarioChart {
        measure: "Net impact".into(),
        bars: scenarios
            .iter()
            .zip(&nets)
            .map(|(s, &value)| ScenarioBar {
                scenario: s.name.clone(),
                baseline: nets[0],
                value,
                band: band.filter(|_| s.name == active).map(|b| (b.p10, b.p90)),
            })
            .collect(),
    };
    net_chart(ui, &chart, &palette);
}

fn row(
    ui: &mut Ui,
    base: &SimulationBase,
    s: &Scenario,
    baseline: &Scenario,
    highlight: Color32,
    active: bool,
) {
    let cell = |ui: &mut Ui, text: String, differs: bool| {
        let text = RichText::new(text);
        let text = if differs {
            text.background_color(highlight)
        } else {
            text
        };
        ui.label(text);
    };
    let name = if active {
        RichText::new(format!("{} (editing)", s.name)).strong()
    } else {
        RichText::new(&s.name)
    };
    ui.label(name);
    for lever in LeverKind::ALL {
        let differs = s.levers.setting(lever) != baseline.levers.setting(lever)
            || s.levers.segments(lever) != baseline.levers.segments(lever);
        let text = setting_text(s, lever);
        cell(
            ui,
            if differs {
                format!("{DIFFERS} {text}")
            } else {
                text
            },
            differs,
        );
    }
    let sim = s.simulate(base);
    let b = baseline.simulate(base);
    let t = &sim.total;
    cell(
        ui,
        thousands(sim.net_impact()),
        sim.net_impact() != b.net_impact(),
    );
    cell(
        ui,
        percent(sim.revenue_change_pct(), Percent::OneDecimal),
        t.revenue_change != b.total.revenue_change,
    );
    cell(ui, thousands(t.cost), t.cost != b.total.cost);
    cell(ui, roi_text(t.roi), t.roi != b.total.roi);
    let assumptions = changed_assumptions(s, baseline);
    let differs = s.assumptions != baseline.assumptions;
    cell(ui, assumptions, differs);
}

fn net_chart(ui: &mut Ui, chart: &ScenarioChart, palette: &Palette) {
    let bars: Vec<Bar> = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let fill = if b.value == b.baseline {
                palette.muted
            } else if b.value > b.baseline {
                palette.good
            } else {
                palette.warn
            };
            Bar::new(i as f64 + 1.0, b.value)
                .width(0.6)
                .fill(fill)
                .name(&b.scenario)
        })
        .collect();
    let names: Vec<String> = chart.bars.iter().map(|b| b.scenario.clone()).collect();
    let n = names.len();
    let bands: Vec<(usize, (f64, f64))> = chart
        .bars
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.band.map(|x| (i, x)))
        .collect();
    ui.label(RichText::new(format!("{} by scenario", chart.measure)).strong());
    crate::gui::widgets::fixed_plot("compare-net-impact", tokens::CHART_HEIGHT - 80.0)
        .include_y(0.0)
        .include_x(0.4)
        .include_x(n as f64 + 0.6)
        .x_grid_spacer(super::charts::whole_marks(n))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round() as usize;
            names.get(i.wrapping_sub(1)).cloned().unwrap_or_default()
        })
        .y_axis_formatter(|m, _| compact(m.value))
        .label_formatter(|_| None)
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new(chart.measure.clone(), bars).element_formatter(Box::new(|bar, _| {
                    format!("{}: {}", bar.name, compact(bar.value))
                })),
            );
            for (i, (lo, hi)) in bands {
                let x = i as f64 + 1.0;
                p.polygon(
                    Polygon::new(
                        "P10 to P90",
                        vec![
                            [x - 0.35, lo],
                            [x + 0.35, lo],
                            [x + 0.35, hi],
                            [x - 0.35, hi],
                        ],
                    )
                    .fill_color(palette.strong.linear_multiply(0.18))
                    .stroke(egui::Stroke::new(1.5, palette.strong)),
                );
            }
        });
}
