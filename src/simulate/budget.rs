//! The budget shift, the reference system's model kept exactly: lost = source revenue × loss ×
//! shift, gained = target revenue × uplift × shift, net = gained − lost; between two segments
//! or, in population mode, from high-deal-dependency to high-CLV customers.

use super::assumptions::Assumptions;
use super::base::{SimulationBase, field};
use super::levers::{BudgetShift, ShiftMode};
use super::results::{LeverDetail, LeverEffect, SegmentEffect};
use crate::insights::Availability;

/// The reference formula: (lost, gained, net).
pub fn reference_shift(
    source_revenue: f64,
    target_revenue: f64,
    shift: f64,
    uplift: f64,
    loss: f64,
) -> (f64, f64, f64) {
    let lost = source_revenue * loss * shift;
    let gained = target_revenue * uplift * shift;
    (lost, gained, gained - lost)
}

/// The source and target segments (0-based): as set, else the highest mean deal dependency
/// and the highest mean CLV proxy.
pub fn source_and_target(
    base: &SimulationBase,
    lever: &BudgetShift,
) -> Result<(usize, usize), String> {
    let k = base.k();
    let pick = |set: Option<u32>, what: &str, field: usize, covered: bool, figure: &str| match set {
        Some(n) if n >= 1 && n as usize <= k => Ok(n as usize - 1),
        Some(n) => Err(format!(
            "the {what} segment {n} does not exist (there are {k} segments)"
        )),
        None if covered => base
            .argmax_mean(field)
            .ok_or_else(|| "every segment is empty".to_string()),
        None => Err(format!(
            "no default {what}: the data has no {figure}; name the {what} segment"
        )),
    };
    let c = base.coverage;
    let source = pick(
        lever.source,
        "source",
        field::DEAL_DEPENDENCY,
        c.deal_dependency,
        "Deal_Dependency (deal purchases)",
    )?;
    let target = pick(
        lever.target,
        "target",
        field::CLV,
        c.clv,
        "CLV_Proxy (spend)",
    )?;
    if source == target {
        return Err(format!(
            "the source and the target are both segment {}; choose two different segments",
            source + 1
        ));
    }
    Ok((source, target))
}

pub(super) fn apply(
    base: &SimulationBase,
    lever: &BudgetShift,
    a: &Assumptions,
) -> Result<LeverEffect, String> {
    if !base.coverage.revenue {
        return Err("needs revenue: the data has no spend columns".into());
    }
    match lever.mode {
        ShiftMode::Segments => between_segments(base, lever, a),
        ShiftMode::Population => population(base, lever, a),
    }
}

fn between_segments(
    base: &SimulationBase,
    lever: &BudgetShift,
    a: &Assumptions,
) -> Result<LeverEffect, String> {
    let (source, target) = source_and_target(base, lever)?;
    let source_revenue = base.segments[source].revenue();
    let target_revenue = base.segments[target].revenue();
    let (lost, gained, net) = reference_shift(
        source_revenue,
        target_revenue,
        lever.shift,
        a.uplift,
        a.loss,
    );
    let segments = (0..base.k())
        .map(|s| {
            Availability::Available(match s {
                _ if s == source => SegmentEffect::new(s, -lost, 0.0, a.margin),
                _ if s == target => SegmentEffect::new(s, gained, 0.0, a.margin),
                _ => SegmentEffect::none(s),
            })
        })
        .collect();
    Ok(LeverEffect {
        segments,
        detail: LeverDetail::BudgetShift {
            mode: ShiftMode::Segments,
            source: Some(source),
            target: Some(target),
            source_revenue,
            target_revenue,
            lost,
            gained,
            net,
        },
    })
}

fn population(
    base: &SimulationBase,
    lever: &BudgetShift,
    a: &Assumptions,
) -> Result<LeverEffect, String> {
    if !base.coverage.deal_dependency || !base.coverage.clv {
        return Err(
            "population mode needs Deal_Dependency (deal purchases) and CLV_Proxy (spend)".into(),
        );
    }
    let source_revenue = base.total(field::POP_SOURCE_REVENUE);
    let target_revenue = base.total(field::POP_TARGET_REVENUE);
    let (lost, gained, net) = reference_shift(
        source_revenue,
        target_revenue,
        lever.shift,
        a.uplift,
        a.loss,
    );
    // Each segment carries its customers' part of the population sums.
    let segments = base
        .segments
        .iter()
        .enumerate()
        .map(|(s, sums)| {
            let (lost_s, gained_s, _) = reference_shift(
                sums.get(field::POP_SOURCE_REVENUE),
                sums.get(field::POP_TARGET_REVENUE),
                lever.shift,
                a.uplift,
                a.loss,
            );
            let touched =
                sums.get(field::POP_SOURCE_CUSTOMERS) + sums.get(field::POP_TARGET_CUSTOMERS);
            Availability::Available(if touched > 0.0 {
                SegmentEffect::new(s, gained_s - lost_s, 0.0, a.margin)
            } else {
                SegmentEffect::none(s)
            })
        })
        .collect();
    Ok(LeverEffect {
        segments,
        detail: LeverDetail::BudgetShift {
            mode: ShiftMode::Population,
            source: None,
            target: None,
            source_revenue,
            target_revenue,
            lost,
            gained,
            net,
        },
    })
}
