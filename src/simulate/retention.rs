//! Retention: reduce chosen segments' recency (the CLV proxy's churn term) by a share and see
//! the CLV proxy and the revenue over a horizon rise; each contact per customer per year
//! cuts recency by `recency_cut_per_contact` and costs `cost_per_contact`.
//!
//! For order lines with a fitted BG/NBD + Gamma-Gamma model, the CLV before is the model's CLV
//! over 52 weeks (the `Model_CLV` feature, summed per segment) instead of the proxy; the gain
//! is the same revenue gain over the CLV horizon, added to it.

use super::assumptions::Assumptions;
use super::base::{SimulationBase, field};
use super::levers::Retention;
use super::results::{LeverDetail, LeverEffect, SegmentEffect, per_chosen_segment};
use crate::features::{CLV_HORIZON_YEARS, SPEND_WINDOW_YEARS};
use crate::insights::Availability;

/// Revenue over `years` gained by cutting recency by `reduction`: each customer's yearly
/// revenue (Monetary ÷ the spend window) times the rise of the retention factor
/// 1 − Recency ÷ (max Recency + 1).
pub(crate) fn gain(revenue_recency: f64, max_recency: f64, reduction: f64, years: f64) -> f64 {
    years / SPEND_WINDOW_YEARS * reduction * revenue_recency / (max_recency + 1.0)
}

/// Contacts per customer per year to cut recency by `reduction`.
pub(crate) fn contacts_per_customer(reduction: f64, a: &Assumptions) -> f64 {
    if a.recency_cut_per_contact > 0.0 {
        reduction / a.recency_cut_per_contact
    } else {
        0.0
    }
}

pub(super) fn apply(
    base: &SimulationBase,
    lever: &Retention,
    a: &Assumptions,
) -> Result<LeverEffect, String> {
    let c = base.coverage;
    let max_recency = match base.population.max_recency {
        Some(m) if c.revenue && c.recency => m,
        _ => return Err("needs spend and Recency (days since the last purchase)".into()),
    };
    let clv_before: Vec<f64> = base.segments.iter().map(|s| s.get(field::CLV)).collect();
    let mut clv_after = clv_before.clone();
    let segments = per_chosen_segment(base, &lever.segments, |s, sums| {
        let mr = sums.get(field::REVENUE_RECENCY);
        let revenue = gain(mr, max_recency, lever.recency_reduction, a.horizon_years);
        let clv = gain(mr, max_recency, lever.recency_reduction, CLV_HORIZON_YEARS);
        clv_after[s] += clv;
        let contacts = contacts_per_customer(lever.recency_reduction, a) * a.horizon_years;
        let cost = sums.customers() * contacts * a.cost_per_contact;
        let mut effect = SegmentEffect::new(s, revenue, cost, a.margin);
        effect.clv_change = clv;
        Availability::Available(effect)
    });
    Ok(LeverEffect {
        segments,
        detail: LeverDetail::Retention {
            clv_before,
            clv_after,
        },
    })
}
