//! Channel shift: move a share of chosen segments' store and/or catalog purchases to the web;
//! revenue stays, the cost to serve changes by the difference between the channels' costs.

use super::assumptions::Assumptions;
use super::base::{SegmentSums, SimulationBase, field};
use super::levers::{ChannelShift, ChannelSource, chosen};
use super::results::{ChannelMix, LeverDetail, LeverEffect, SegmentEffect};
use crate::insights::Availability;

fn mix(sums: &SegmentSums) -> ChannelMix {
    ChannelMix {
        web: sums.get(field::WEB),
        store: sums.get(field::STORE),
        catalog: sums.get(field::CATALOG),
    }
}

fn serve_cost(m: &ChannelMix, a: &Assumptions) -> f64 {
    m.web * a.serve_cost_web + m.store * a.serve_cost_store + m.catalog * a.serve_cost_catalog
}

/// The mix after moving `share` of the source channel(s) to the web.
pub(crate) fn shifted(m: &ChannelMix, share: f64, from: ChannelSource) -> ChannelMix {
    let store = if from == ChannelSource::Catalog {
        0.0
    } else {
        share * m.store
    };
    let catalog = if from == ChannelSource::Store {
        0.0
    } else {
        share * m.catalog
    };
    ChannelMix {
        web: m.web + store + catalog,
        store: m.store - store,
        catalog: m.catalog - catalog,
    }
}

fn check_coverage(base: &SimulationBase, from: ChannelSource) -> Result<(), String> {
    let c = base.coverage;
    if !c.web {
        return Err("needs web purchases (NumWebPurchases) and purchases by channel".into());
    }
    let ok = match from {
        ChannelSource::Store => c.store,
        ChannelSource::Catalog => c.catalog,
        ChannelSource::Both => c.store || c.catalog,
    };
    if ok {
        Ok(())
    } else {
        Err("needs store or catalog purchases to move to the web; the data has neither".into())
    }
}

pub(super) fn apply(
    base: &SimulationBase,
    lever: &ChannelShift,
    a: &Assumptions,
) -> Result<LeverEffect, String> {
    check_coverage(base, lever.from)?;
    let on = chosen(&lever.segments, base.k());
    let before: Vec<ChannelMix> = base.segments.iter().map(mix).collect();
    let after: Vec<ChannelMix> = before
        .iter()
        .zip(&on)
        .map(|(m, &on)| {
            if on {
                shifted(m, lever.share, lever.from)
            } else {
                *m
            }
        })
        .collect();
    let cost_before: Vec<f64> = before.iter().map(|m| serve_cost(m, a)).collect();
    let cost_after: Vec<f64> = after.iter().map(|m| serve_cost(m, a)).collect();
    let segments = (0..base.k())
        .map(|s| {
            Availability::Available(if on[s] {
                SegmentEffect::new(s, 0.0, cost_after[s] - cost_before[s], 0.0)
            } else {
                SegmentEffect::none(s)
            })
        })
        .collect();
    Ok(LeverEffect {
        segments,
        detail: LeverDetail::Channel {
            before,
            after,
            serve_cost_before: cost_before,
            serve_cost_after: cost_after,
        },
    })
}
