//! Discount depth: a deeper discount for chosen segments. Each segment's response scales with
//! its deal dependency (elasticity = discount_elasticity × its mean Deal_Dependency ÷ the
//! population's), and the discount's cost falls on the deal revenue it touches.

use super::assumptions::Assumptions;
use super::base::{SimulationBase, field};
use super::levers::DiscountDepth;
use super::results::{LeverDetail, LeverEffect, SegmentEffect, per_chosen_segment};
use crate::insights::Availability;

/// Each segment's elasticity: `discount_elasticity × mean Deal_Dependency ÷ population mean`,
/// or why it cannot be derived.
pub fn elasticities(base: &SimulationBase, a: &Assumptions) -> Result<Vec<f64>, String> {
    if !base.coverage.revenue || !base.coverage.deal_dependency {
        return Err(
            "needs spend and Deal_Dependency (deal purchases and purchases by channel)".into(),
        );
    }
    let customers = base.total(field::CUSTOMERS);
    let mean = if customers > 0.0 {
        base.total(field::DEAL_DEPENDENCY) / customers
    } else {
        0.0
    };
    if mean <= 0.0 {
        return Err(
            "no customer bought on a deal, so the response to discounts cannot be derived".into(),
        );
    }
    Ok(base
        .segments
        .iter()
        .map(|s| a.discount_elasticity * s.mean(field::DEAL_DEPENDENCY) / mean)
        .collect())
}

/// One segment's (extra revenue, discount given) at `depth` with elasticity `e`.
pub(crate) fn response(revenue: f64, deal_revenue: f64, e: f64, depth: f64) -> (f64, f64) {
    let extra = revenue * e * depth;
    (extra, depth * (deal_revenue + extra))
}

pub(super) fn apply(
    base: &SimulationBase,
    lever: &DiscountDepth,
    a: &Assumptions,
) -> Result<LeverEffect, String> {
    let elasticity = elasticities(base, a)?;
    let mut given = vec![0.0; base.k()];
    let segments = per_chosen_segment(base, &lever.segments, |s, sums| {
        if sums.customers() == 0.0 {
            return Availability::NotAvailable {
                reason: format!("segment {} has no customers", s + 1),
            };
        }
        let (extra, discount) = response(
            sums.revenue(),
            sums.get(field::DEAL_REVENUE),
            elasticity[s],
            lever.depth,
        );
        given[s] = discount;
        Availability::Available(SegmentEffect::new(s, extra, discount, a.margin))
    });
    Ok(LeverEffect {
        segments,
        detail: LeverDetail::Discount {
            elasticity,
            deal_revenue: base
                .segments
                .iter()
                .map(|s| s.get(field::DEAL_REVENUE))
                .collect(),
            discount_given: given,
        },
    })
}
