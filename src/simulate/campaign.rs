//! Campaign targeting: contact a share of chosen segments at a cost per contact; responders
//! come from each segment's measured response rate, and each makes one extra purchase at the
//! responders' average spend per purchase.

use super::assumptions::Assumptions;
use super::base::{SegmentSums, SimulationBase, field};
use super::levers::Campaign;
use super::results::{LeverDetail, LeverEffect, SegmentEffect, per_chosen_segment};
use crate::insights::Availability;

/// One segment's response figures for a response column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Response {
    pub customers: f64,
    /// Responders ÷ customers.
    pub rate: f64,
    /// Responders' revenue ÷ responders' purchases.
    pub spend_per_purchase: f64,
}

/// The response column's index, or why the campaign lever cannot run.
pub(crate) fn response_column(base: &SimulationBase, name: &str) -> Result<usize, String> {
    if base.responses.is_empty() {
        return Err(
            "needs campaign columns (e.g. AcceptedCmp1, Response); the data has none".into(),
        );
    }
    if !base.coverage.revenue || !base.coverage.purchases {
        return Err("needs spend and purchases to value a response".into());
    }
    base.response_index(name).ok_or_else(|| {
        format!(
            "there is no response column \"{name}\"; the data has: {}",
            base.responses.join(", ")
        )
    })
}

/// A segment's response figures, or why it has none.
pub(crate) fn segment_response(
    sums: &SegmentSums,
    column: usize,
    s: usize,
) -> Result<Response, String> {
    let purchases = sums.response(column, field::RESPONDER_PURCHASES);
    if sums.customers() == 0.0 {
        return Err(format!("segment {} has no customers", s + 1));
    }
    if purchases <= 0.0 {
        return Err(format!(
            "nobody in segment {} responded and bought, so a response has no measured value",
            s + 1
        ));
    }
    Ok(Response {
        customers: sums.customers(),
        rate: sums.response(column, field::RESPONDERS) / sums.customers(),
        spend_per_purchase: sums.response(column, field::RESPONDER_REVENUE) / purchases,
    })
}

pub(super) fn apply(
    base: &SimulationBase,
    lever: &Campaign,
    a: &Assumptions,
) -> Result<LeverEffect, String> {
    let column = response_column(base, &lever.response)?;
    let k = base.k();
    let (mut contacts, mut responders, mut spend) = (vec![0.0; k], vec![0.0; k], vec![0.0; k]);
    let segments = per_chosen_segment(base, &lever.segments, |s, sums| {
        match segment_response(sums, column, s) {
            Err(reason) => Availability::NotAvailable { reason },
            Ok(r) => {
                contacts[s] = lever.reach * r.customers;
                responders[s] = contacts[s] * r.rate;
                spend[s] = r.spend_per_purchase;
                let extra = responders[s] * r.spend_per_purchase;
                Availability::Available(SegmentEffect::new(
                    s,
                    extra,
                    contacts[s] * a.cost_per_contact,
                    a.margin,
                ))
            }
        }
    });
    Ok(LeverEffect {
        segments,
        detail: LeverDetail::Campaign {
            response: base.responses[column].clone(),
            contacts,
            responders,
            spend_per_purchase: spend,
        },
    })
}
