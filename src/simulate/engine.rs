//! Recompute a scenario from the segment aggregates: apply each lever that is on, then add
//! the effects up per segment and in total and lay out the chart data. Touches only k rows
//! of sums, so it takes microseconds at any customer count.

use super::assumptions::Assumptions;
use super::base::{SimulationBase, field};
use super::levers::{LeverKind, LeverSettings};
use super::results::{
    LeverOutcome, LeverStatus, MixShare, SegmentResult, Simulation, Totals, WaterfallStep, roi,
};
use super::{budget, campaign, channel, discount, retention};
use crate::insights::Availability;

fn apply(
    base: &SimulationBase,
    levers: &LeverSettings,
    a: &Assumptions,
    lever: LeverKind,
) -> LeverStatus {
    let result = match lever {
        LeverKind::BudgetShift => levers
            .budget_shift
            .as_ref()
            .map(|l| budget::apply(base, l, a)),
        LeverKind::DiscountDepth => levers
            .discount
            .as_ref()
            .map(|l| discount::apply(base, l, a)),
        LeverKind::Campaign => levers
            .campaign
            .as_ref()
            .map(|l| campaign::apply(base, l, a)),
        LeverKind::ChannelShift => levers.channel.as_ref().map(|l| channel::apply(base, l, a)),
        LeverKind::Retention => levers
            .retention
            .as_ref()
            .map(|l| retention::apply(base, l, a)),
    };
    match result {
        None => LeverStatus::Off,
        Some(Ok(effect)) => LeverStatus::Applied(effect),
        Some(Err(reason)) => LeverStatus::Unavailable { reason },
    }
}

/// Every lever's outcome and the results they add up to.
pub fn simulate(base: &SimulationBase, levers: &LeverSettings, a: &Assumptions) -> Simulation {
    let outcomes: Vec<LeverOutcome> = LeverKind::ALL
        .into_iter()
        .map(|lever| LeverOutcome {
            lever,
            formula: lever.formula().into(),
            status: apply(base, levers, a, lever),
        })
        .collect();
    let k = base.k();
    let mut per_segment = vec![Totals::default(); k];
    for outcome in &outcomes {
        if let LeverStatus::Applied(effect) = &outcome.status {
            for e in effect.segments.iter().filter_map(Availability::get) {
                let t = &mut per_segment[e.segment];
                t.revenue_change += e.revenue_change;
                t.cost += e.cost;
                t.margin_change += e.margin_change;
                t.clv_change += e.clv_change;
            }
        }
    }
    let clv = base.coverage.clv;
    let segments: Vec<SegmentResult> = base
        .segments
        .iter()
        .zip(&per_segment)
        .enumerate()
        .map(|(s, (sums, t))| {
            result(
                Some(s),
                sums.customers(),
                sums.revenue(),
                clv.then(|| sums.get(field::CLV)),
                t,
            )
        })
        .collect();
    let all = Totals::sum_totals(&per_segment);
    let total = result(
        None,
        base.total(field::CUSTOMERS),
        base.total_revenue(),
        clv.then(|| base.total(field::CLV)),
        &all,
    );
    Simulation {
        waterfall: waterfall(&outcomes),
        revenue_mix: revenue_mix(&segments, &total),
        levers: outcomes,
        segments,
        total,
    }
}

fn result(
    segment: Option<usize>,
    customers: f64,
    revenue: f64,
    clv: Option<f64>,
    t: &Totals,
) -> SegmentResult {
    SegmentResult {
        segment,
        customers,
        revenue_before: revenue,
        revenue_after: revenue + t.revenue_change,
        revenue_change: t.revenue_change,
        cost: t.cost,
        margin_change: t.margin_change,
        roi: roi(t.margin_change, t.cost),
        clv_before: clv,
        clv_after: clv.map(|c| c + t.clv_change),
    }
}

fn waterfall(outcomes: &[LeverOutcome]) -> Vec<WaterfallStep> {
    let mut running = 0.0;
    outcomes
        .iter()
        .filter_map(|o| match &o.status {
            LeverStatus::Applied(effect) => {
                let start = running;
                running += effect.total().margin_change;
                Some(WaterfallStep {
                    lever: o.lever,
                    label: o.lever.label().into(),
                    start,
                    end: running,
                })
            }
            _ => None,
        })
        .collect()
}

fn revenue_mix(segments: &[SegmentResult], total: &SegmentResult) -> Vec<MixShare> {
    let share = |part: f64, whole: f64| {
        if whole > 0.0 {
            100.0 * part / whole
        } else {
            0.0
        }
    };
    segments
        .iter()
        .filter_map(|s| {
            s.segment.map(|i| MixShare {
                segment: i,
                before_pct: share(s.revenue_before, total.revenue_before),
                after_pct: share(s.revenue_after, total.revenue_after),
            })
        })
        .collect()
}

impl Totals {
    fn sum_totals(parts: &[Totals]) -> Totals {
        parts.iter().fold(Totals::default(), |t, p| Totals {
            revenue_change: t.revenue_change + p.revenue_change,
            cost: t.cost + p.cost,
            margin_change: t.margin_change + p.margin_change,
            clv_change: t.clv_change + p.clv_change,
        })
    }
}

/// The scenario with its data-dependent defaults written out (the budget shift's source and
/// target segments), so resampled data or a changed assumption cannot move them.
pub fn resolve_defaults(base: &SimulationBase, scenario: &super::Scenario) -> super::Scenario {
    let mut resolved = scenario.clone();
    if let Some(shift) = resolved.levers.budget_shift.as_mut()
        && let Ok((source, target)) = budget::source_and_target(base, shift)
    {
        shift.source = Some(source as u32 + 1);
        shift.target = Some(target as u32 + 1);
    }
    resolved
}
