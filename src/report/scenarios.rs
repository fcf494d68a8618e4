//! The simulation pages' content: the chosen scenarios of a [`ScenarioLedger`] simulated on
//! the analysis (results, P10–P90 band, sensitivity), each beside the ledger's baseline, and
//! the side-by-side table and net-impact chart of all of them. Seeded, so the same session
//! gives the same pages.

use super::ReportError;
use super::content::{ScenarioOverview, ScenarioResult};
use super::model::name_of;
use super::options::ScenarioChoice;
use crate::charts::ScenarioChart;
use crate::format::{Percent, percent, thousands};
use crate::pipeline::Analysis;
use crate::progress::{Progress, Stage};
use crate::simulate::{
    AssumptionKey, Assumptions, BASELINE, Band, BootstrapBlocks, BootstrapSettings, ChannelSource,
    LeverKind, LeverStatus, Scenario, ScenarioLedger, ShiftMode, Simulation, SimulationBase,
    TornadoBar, Unit, band, tornado,
};

/// One scenario simulated with its band and sensitivity.
struct Run<'l> {
    scenario: &'l Scenario,
    simulation: Simulation,
    band: Band,
    tornado: Vec<TornadoBar>,
}

/// The saved scenarios `choice` names, in its order (the baseline is never among them).
pub fn chosen_scenarios<'l>(
    ledger: &'l ScenarioLedger,
    choice: &ScenarioChoice,
) -> Result<Vec<&'l Scenario>, ReportError> {
    match choice {
        ScenarioChoice::None => Ok(Vec::new()),
        ScenarioChoice::All => Ok(ledger.scenarios.iter().collect()),
        ScenarioChoice::Named(names) => names
            .iter()
            .filter(|n| n.as_str() != BASELINE)
            .map(|n| {
                ledger
                    .scenarios
                    .iter()
                    .find(|s| &s.name == n)
                    .ok_or_else(|| ReportError::UnknownScenario {
                        name: n.clone(),
                        saved: saved_names(ledger),
                    })
            })
            .collect(),
    }
}

fn saved_names(ledger: &ScenarioLedger) -> String {
    if ledger.scenarios.is_empty() {
        "none".into()
    } else {
        ledger
            .scenarios
            .iter()
            .map(|s| format!("\"{}\"", s.name))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The scenario pages of the chosen scenarios, and their comparison (`None` without any).
pub(super) fn simulation_pages(
    a: &Analysis,
    ledger: &ScenarioLedger,
    choice: &ScenarioChoice,
    progress: &Progress,
) -> Result<(Vec<ScenarioResult>, Option<ScenarioOverview>), ReportError> {
    let chosen = chosen_scenarios(ledger, choice)?;
    if chosen.is_empty() {
        return Ok((Vec::new(), None));
    }
    let unavailable = |e: crate::simulate::BaseError| ReportError::Simulation(e.to_string());
    let base = SimulationBase::from_analysis(a).map_err(unavailable)?;
    let settings = BootstrapSettings::default();
    let blocks = BootstrapBlocks::from_analysis(a, &settings).map_err(unavailable)?;
    let all: Vec<&Scenario> = std::iter::once(&ledger.baseline).chain(chosen).collect();
    let mut runs = Vec::with_capacity(all.len());
    for (i, scenario) in all.iter().copied().enumerate() {
        progress.check().map_err(|_| ReportError::Cancelled)?;
        progress.report(Stage::Simulating, i as f64 / all.len() as f64);
        scenario
            .check(base.k())
            .map_err(|e| ReportError::Scenario {
                name: scenario.name.clone(),
                reason: e.to_string(),
            })?;
        runs.push(Run {
            scenario,
            simulation: scenario.simulate(&base),
            band: band(&base, &blocks, scenario, &settings),
            tornado: tornado(&base, scenario),
        });
    }
    progress.report(Stage::Simulating, 1.0);
    let Some((baseline, rest)) = runs.split_first() else {
        unreachable!("the baseline is always run first")
    };
    let results = rest.iter().map(|r| result(a, baseline, r)).collect();
    Ok((results, Some(overview(baseline, rest))))
}

/// A money figure with a sign when it is a change ("+1,200", "-300").
fn change(v: f64) -> String {
    let text = thousands(v);
    if v.round() > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

fn roi(sim: &Simulation) -> String {
    sim.total
        .roi
        .map_or_else(|| "n/a".into(), |r| percent(100.0 * r, Percent::Adaptive))
}

/// The measures compared, as `(label, value)` of one run.
fn measures(run: &Run<'_>) -> Vec<(&'static str, String)> {
    let t = &run.simulation.total;
    vec![
        ("Revenue after", thousands(t.revenue_after)),
        ("Revenue change", change(t.revenue_change)),
        (
            "Revenue change, %",
            percent(run.simulation.revenue_change_pct(), Percent::Adaptive),
        ),
        ("Cost", thousands(t.cost)),
        ("Net impact (margin change)", change(t.margin_change)),
        ("ROI (margin \u{f7} cost)", roi(&run.simulation)),
        (
            "Net impact, P10 to P90",
            format!("{} to {}", change(run.band.p10), change(run.band.p90)),
        ),
    ]
}

fn overview(baseline: &Run<'_>, rest: &[Run<'_>]) -> ScenarioOverview {
    let runs: Vec<&Run<'_>> = std::iter::once(baseline).chain(rest).collect();
    let header = std::iter::once("Measure".to_string())
        .chain(runs.iter().map(|r| r.scenario.name.clone()))
        .collect();
    let columns: Vec<Vec<(&str, String)>> = runs.iter().map(|r| measures(r)).collect();
    let rows = (0..columns[0].len()).map(|m| {
        std::iter::once(columns[0][m].0.to_string())
            .chain(columns.iter().map(|c| c[m].1.clone()))
            .collect()
    });
    let base_net = baseline.simulation.net_impact();
    ScenarioOverview {
        table: std::iter::once(header).chain(rows).collect(),
        chart: ScenarioChart::new(
            "Net impact (margin change), P10 to P90 whiskers",
            runs.iter().map(|r| {
                (
                    r.scenario.name.clone(),
                    base_net,
                    r.simulation.net_impact(),
                    Some((r.band.p10, r.band.p90)),
                )
            }),
        ),
    }
}

fn result(a: &Analysis, baseline: &Run<'_>, run: &Run<'_>) -> ScenarioResult {
    let base_measures = measures(baseline);
    let mut results: Vec<(String, String, String)> = base_measures
        .into_iter()
        .zip(measures(run))
        .map(|((label, b), (_, v))| (label.to_string(), b, v))
        .collect();
    let segment_net = |sim: &Simulation, s: usize| {
        sim.segments
            .iter()
            .find(|r| r.segment == Some(s))
            .map_or(0.0, |r| r.margin_change)
    };
    let k = a.segmentation.k;
    for s in 0..k {
        results.push((
            format!("S{} {}: net impact", s + 1, name_of(a, s)),
            change(segment_net(&baseline.simulation, s)),
            change(segment_net(&run.simulation, s)),
        ));
    }
    let b = &run.band;
    ScenarioResult {
        name: run.scenario.name.clone(),
        levers: levers(run.scenario),
        assumptions: assumptions(&run.scenario.assumptions),
        results,
        band: format!(
            "Net impact {}: P10 {} to P90 {} (median {}) over {} bootstrap replicates of the customers, seed {}. Eight in ten resamples of the customers fall inside this band.",
            change(run.simulation.net_impact()),
            change(b.p10),
            change(b.p90),
            change(b.p50),
            b.replicates,
            b.seed
        ),
        sensitivity: run
            .tornado
            .iter()
            .map(|t| {
                (
                    t.assumption.label().to_string(),
                    format!(
                        "net impact {} at {} to {} at {} (swing {})",
                        change(t.net_low),
                        value(t.assumption.unit(), t.low_value),
                        change(t.net_high),
                        value(t.assumption.unit(), t.high_value),
                        thousands(t.swing)
                    ),
                )
            })
            .collect(),
        notes: notes(&run.simulation),
        chart: ScenarioChart::new(
            format!(
                "Net impact by segment: {} against {BASELINE}",
                run.scenario.name
            ),
            (0..k).map(|s| {
                (
                    format!("S{} {}", s + 1, name_of(a, s)),
                    segment_net(&baseline.simulation, s),
                    segment_net(&run.simulation, s),
                    None,
                )
            }),
        ),
    }
}

/// An assumption's value as people read it.
fn value(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Fraction => percent(100.0 * v, Percent::Adaptive),
        Unit::Money => crate::format::number(v, 1_000.0),
        Unit::Years => format!("{} years", crate::format::number(v, 100.0)),
        Unit::Factor => format!("{v:.2}"),
    }
}

fn assumptions(a: &Assumptions) -> Vec<(String, String)> {
    AssumptionKey::ALL
        .into_iter()
        .map(|key| {
            let v = key.get(a);
            let shown = value(key.unit(), v);
            let default = key.default_value();
            let text = if (v - default).abs() > 1e-12 {
                format!("{shown} (default {})", value(key.unit(), default))
            } else {
                shown
            };
            (key.label().to_string(), text)
        })
        .collect()
}

fn segment_list(numbers: &[u32]) -> String {
    if numbers.is_empty() {
        "every segment".into()
    } else {
        let list: Vec<String> = numbers.iter().map(|n| format!("S{n}")).collect();
        list.join(", ")
    }
}

fn levers(s: &Scenario) -> Vec<(String, String)> {
    let l = &s.levers;
    let pct = |v: f64| percent(100.0 * v, Percent::Adaptive);
    let mut out = Vec::new();
    if let Some(b) = &l.budget_shift {
        let seg =
            |n: Option<u32>, default: &str| n.map_or(default.to_string(), |n| format!("S{n}"));
        out.push((
            LeverKind::BudgetShift.label().to_string(),
            format!(
                "shift {} from {} to {} ({})",
                pct(b.shift),
                seg(b.source, "the most deal-driven segment"),
                seg(b.target, "the highest-CLV segment"),
                mode_name(b.mode)
            ),
        ));
    }
    if let Some(d) = &l.discount {
        out.push((
            LeverKind::DiscountDepth.label().to_string(),
            format!("{} deeper, {}", pct(d.depth), segment_list(&d.segments)),
        ));
    }
    if let Some(c) = &l.campaign {
        out.push((
            LeverKind::Campaign.label().to_string(),
            format!(
                "reach {}, {}, response from {}",
                pct(c.reach),
                segment_list(&c.segments),
                c.response
            ),
        ));
    }
    if let Some(c) = &l.channel {
        out.push((
            LeverKind::ChannelShift.label().to_string(),
            format!(
                "{} of {} purchases to the web, {}",
                pct(c.share),
                channel_name(c.from),
                segment_list(&c.segments)
            ),
        ));
    }
    if let Some(r) = &l.retention {
        out.push((
            LeverKind::Retention.label().to_string(),
            format!(
                "recency {} shorter, {}",
                pct(r.recency_reduction),
                segment_list(&r.segments)
            ),
        ));
    }
    out
}

fn mode_name(mode: ShiftMode) -> &'static str {
    match mode {
        ShiftMode::Segments => "segment to segment",
        ShiftMode::Population => "population mode",
    }
}

fn channel_name(from: ChannelSource) -> &'static str {
    match from {
        ChannelSource::Store => "store",
        ChannelSource::Catalog => "catalog",
        ChannelSource::Both => "store and catalog",
    }
}

fn notes(sim: &Simulation) -> Vec<String> {
    let mut out = Vec::new();
    for o in &sim.levers {
        match &o.status {
            LeverStatus::Unavailable { reason } => {
                out.push(format!("{}: not available: {reason}", o.lever.label()));
            }
            LeverStatus::Applied(effect) => {
                for reason in effect.segments.iter().filter_map(|s| s.reason()) {
                    out.push(format!("{}: {reason}", o.lever.label()));
                }
            }
            LeverStatus::Off => {}
        }
    }
    out
}
