//! `sis simulate`: apply a scenario file (or a scenario saved in the bundle) to a session and
//! print the results, the bootstrap band and the sensitivity; list the saved scenarios; or
//! print the optimiser's best allocation of a campaign budget.

use super::{CliError, emit};
use crate::format::{Percent, percent, thousands};
use crate::pipeline::Analysis;
use crate::session::Session;
use crate::simulate::{
    ANY_CAMPAIGN, Band, BootstrapBlocks, BootstrapSettings, LeverDetail, LeverStatus, Optimisation,
    OptimiserSettings, Scenario, ScenarioLedger, SegmentResult, Simulation, SimulationBase,
    TornadoBar, band, optimise, parse_scenario, tornado,
};
use clap::{ArgGroup, Args};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("action").required(true).args(["scenario", "list", "name", "optimise"])))]
pub struct SimulateArgs {
    /// The session bundle (.sis).
    pub bundle: PathBuf,
    /// A scenario file (TOML; see docs/scenario_example.toml) to apply.
    #[arg(long, value_name = "FILE.toml")]
    pub scenario: Option<PathBuf>,
    /// List the scenarios saved in the bundle.
    #[arg(long)]
    pub list: bool,
    /// Run the scenario saved in the bundle under this name.
    #[arg(long)]
    pub name: Option<String>,
    /// Print the best allocation of a campaign budget (--budget) across segments.
    #[arg(long, alias = "optimize")]
    pub optimise: bool,
    /// The campaign budget to allocate (with --optimise).
    #[arg(long, requires = "optimise", allow_negative_numbers = true)]
    pub budget: Option<f64>,
    /// Also allocate a discount budget (with --optimise).
    #[arg(long, requires = "optimise", allow_negative_numbers = true)]
    pub discount_budget: Option<f64>,
    /// The response column for --optimise: `any` or a campaign column.
    #[arg(long, default_value = ANY_CAMPAIGN)]
    pub response: String,
    /// Seed of the bootstrap band.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Bootstrap replicates.
    #[arg(long, default_value_t = 1000)]
    pub replicates: usize,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

pub(super) fn simulate(args: &SimulateArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let session = Session::open(&args.bundle).map_err(CliError::data)?;
    let ledger = &session.scenarios;
    if args.list {
        return list(ledger, args.json, out);
    }
    let base = SimulationBase::from_analysis(&session.analysis).map_err(CliError::data)?;
    if args.optimise {
        return run_optimiser(args, &session.analysis, &base, out);
    }
    let scenario = match (&args.scenario, &args.name) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                CliError::data(format!("{}: cannot read the scenario: {e}", path.display()))
            })?;
            parse_scenario(&text, &path.display().to_string()).map_err(CliError::data)?
        }
        (None, Some(name)) => ledger.get(name).cloned().ok_or_else(|| {
            CliError::data(format!(
                "{}: no scenario named \"{name}\"; saved: {}",
                args.bundle.display(),
                ledger.names().join(", ")
            ))
        })?,
        (None, None) => return Err(CliError::usage("give --scenario FILE.toml or --name NAME")),
    };
    scenario.check(base.k()).map_err(CliError::data)?;
    super::generate::in_range(&crate::config::limits::REPLICATES, args.replicates)?;
    let settings = BootstrapSettings {
        seed: args.seed,
        replicates: args.replicates,
        ..BootstrapSettings::default()
    };
    let blocks =
        BootstrapBlocks::from_analysis(&session.analysis, &settings).map_err(CliError::data)?;
    let report = Report {
        simulation: scenario.simulate(&base),
        band: band(&base, &blocks, &scenario, &settings),
        sensitivity: tornado(&base, &scenario),
        scenario,
    };
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(CliError::data)?;
        return emit(out, &format!("{json}\n"));
    }
    emit(out, &report_text(&report, &session.analysis))
}

/// What `sis simulate --scenario` prints.
#[derive(Serialize)]
struct Report {
    scenario: Scenario,
    simulation: Simulation,
    band: Band,
    sensitivity: Vec<TornadoBar>,
}

fn list(ledger: &ScenarioLedger, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    if json {
        let json = serde_json::to_string_pretty(ledger).map_err(CliError::data)?;
        return emit(out, &format!("{json}\n"));
    }
    let mut s = String::new();
    for scenario in std::iter::once(&ledger.baseline).chain(&ledger.scenarios) {
        let on: Vec<&str> = crate::simulate::LeverKind::ALL
            .iter()
            .filter(|l| scenario.levers.is_on(**l))
            .map(|l| l.label())
            .collect();
        let levers = if on.is_empty() {
            "no levers".to_string()
        } else {
            on.join(", ")
        };
        let _ = writeln!(s, "{}: {levers}", scenario.name);
    }
    if ledger.scenarios.is_empty() {
        let _ = writeln!(
            s,
            "(no saved scenarios; run one from a file with --scenario FILE.toml)"
        );
    }
    emit(out, &s)
}

fn segment_name(analysis: &Analysis, segment: Option<usize>) -> String {
    match segment {
        None => "Total".into(),
        Some(s) => analysis.personas.get(s).map_or_else(
            || format!("Segment {}", s + 1),
            |p| format!("Segment {} {}", s + 1, p.display_name()),
        ),
    }
}

fn roi_text(roi: Option<f64>) -> String {
    roi.map_or_else(|| "-".into(), |r| percent(100.0 * r, Percent::Adaptive))
}

fn result_row(s: &mut String, analysis: &Analysis, r: &SegmentResult) {
    let _ = writeln!(
        s,
        "  {:<34} {:>9} {:>14} {:>14} {:>11} {:>10} {:>11} {:>7}",
        truncate(&segment_name(analysis, r.segment), 34),
        thousands(r.customers),
        thousands(r.revenue_before),
        thousands(r.revenue_after),
        thousands(r.revenue_change),
        thousands(r.cost),
        thousands(r.margin_change),
        roi_text(r.roi),
    );
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.into()
    } else {
        text.chars().take(width - 1).collect::<String>() + "…"
    }
}

fn lever_lines(s: &mut String, analysis: &Analysis, sim: &Simulation) {
    let _ = writeln!(s, "Levers");
    for o in &sim.levers {
        match &o.status {
            LeverStatus::Off => {
                let _ = writeln!(s, "  {:<20} off", o.lever.label());
            }
            LeverStatus::Unavailable { reason } => {
                let _ = writeln!(s, "  {:<20} not available: {reason}", o.lever.label());
            }
            LeverStatus::Applied(effect) => {
                let t = effect.total();
                let _ = writeln!(
                    s,
                    "  {:<20} net impact {} (revenue {}, cost {})\n    {}",
                    o.lever.label(),
                    thousands(t.margin_change),
                    thousands(t.revenue_change),
                    thousands(t.cost),
                    o.formula
                );
                if let LeverDetail::BudgetShift {
                    source,
                    target,
                    source_revenue,
                    target_revenue,
                    lost,
                    gained,
                    net,
                    ..
                } = &effect.detail
                {
                    let from = source.map_or("high deal dependency customers".into(), |x| {
                        segment_name(analysis, Some(x))
                    });
                    let to = target.map_or("high CLV customers".into(), |x| {
                        segment_name(analysis, Some(x))
                    });
                    let _ = writeln!(
                        s,
                        "    from {from} (revenue {}) to {to} (revenue {}): lost {}, gained {}, net {}",
                        thousands(*source_revenue),
                        thousands(*target_revenue),
                        thousands(*lost),
                        thousands(*gained),
                        thousands(*net)
                    );
                }
                for seg in &effect.segments {
                    if let Some(reason) = seg.reason() {
                        let _ = writeln!(s, "    not available: {reason}");
                    }
                }
            }
        }
    }
}

fn report_text(r: &Report, analysis: &Analysis) -> String {
    let mut s = String::new();
    let sim = &r.simulation;
    let _ = writeln!(
        s,
        "Scenario \"{}\" on {}\n",
        r.scenario.name, analysis.file_name
    );
    lever_lines(&mut s, analysis, sim);
    let _ = writeln!(
        s,
        "\nResults (revenue at list price; margin change = revenue change × margin − cost)"
    );
    let _ = writeln!(
        s,
        "  {:<34} {:>9} {:>14} {:>14} {:>11} {:>10} {:>11} {:>7}",
        "segment",
        "customers",
        "revenue before",
        "revenue after",
        "change",
        "cost",
        "margin",
        "ROI"
    );
    for seg in sim.segments.iter().chain(std::iter::once(&sim.total)) {
        result_row(&mut s, analysis, seg);
    }
    let b = &r.band;
    let _ = writeln!(
        s,
        "\nNet impact {} (revenue {}); P10 {} to P90 {} over {} bootstrap replicates (seed {})",
        thousands(sim.net_impact()),
        percent(sim.revenue_change_pct(), Percent::Adaptive),
        thousands(b.p10),
        thousands(b.p90),
        b.replicates,
        b.seed
    );
    let _ = writeln!(
        s,
        "\nSensitivity: net impact when each assumption moves ±20%"
    );
    for bar in &r.sensitivity {
        let _ = writeln!(
            s,
            "  {:<32} {:>12} .. {:<12} swing {}",
            bar.assumption.label(),
            thousands(bar.net_low),
            thousands(bar.net_high),
            thousands(bar.swing)
        );
    }
    s
}

fn run_optimiser(
    args: &SimulateArgs,
    analysis: &Analysis,
    base: &SimulationBase,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let budget = args
        .budget
        .ok_or_else(|| CliError::usage("--optimise needs --budget N (the campaign budget)"))?;
    let settings = OptimiserSettings {
        budget,
        discount_budget: args.discount_budget,
        response: args.response.clone(),
    };
    let assumptions = crate::simulate::Assumptions::default();
    let best = optimise(base, &assumptions, &settings).map_err(CliError::data)?;
    if args.json {
        let json = serde_json::to_string_pretty(&best).map_err(CliError::data)?;
        return emit(out, &format!("{json}\n"));
    }
    emit(out, &optimisation_text(&best, analysis))
}

fn optimisation_text(o: &Optimisation, analysis: &Analysis) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Best allocation of a campaign budget of {} (spent {}): net impact {}\n",
        thousands(o.budget),
        thousands(o.spent),
        thousands(o.net_impact)
    );
    let _ = writeln!(
        s,
        "  {:<34} {:>10} {:>10} {:>11} {:>12} {:>11}",
        "segment", "spend", "contacts", "responders", "revenue", "margin"
    );
    for (i, c) in o.campaign.iter().enumerate() {
        match c.get() {
            Some(c) => {
                let _ = writeln!(
                    s,
                    "  {:<34} {:>10} {:>10} {:>11} {:>12} {:>11}",
                    truncate(&segment_name(analysis, Some(c.segment)), 34),
                    thousands(c.spend),
                    thousands(c.contacts),
                    thousands(c.responders),
                    thousands(c.revenue),
                    thousands(c.margin)
                );
            }
            None => {
                let reason = c.reason().unwrap_or_default();
                let _ = writeln!(
                    s,
                    "  {:<34} not available: {reason}",
                    truncate(&segment_name(analysis, Some(i)), 34)
                );
            }
        }
    }
    if let Some(discount) = &o.discount {
        let _ = writeln!(s, "\nDiscount budget");
        match discount.get() {
            Some(parts) => {
                for d in parts {
                    let _ = writeln!(
                        s,
                        "  {:<34} depth {:>6}  discount given {:>10}  margin {:>10}",
                        truncate(&segment_name(analysis, Some(d.segment)), 34),
                        percent(100.0 * d.depth, Percent::Adaptive),
                        thousands(d.discount_given),
                        thousands(d.margin)
                    );
                }
            }
            None => {
                let _ = writeln!(
                    s,
                    "  not available: {}",
                    discount.reason().unwrap_or_default()
                );
            }
        }
    }
    let _ = writeln!(s, "\nFrontier (budget: net impact)");
    for p in o.frontier.iter().step_by(5) {
        let _ = writeln!(
            s,
            "  {:>12}: {}",
            thousands(p.budget),
            thousands(p.net_impact)
        );
    }
    s
}
