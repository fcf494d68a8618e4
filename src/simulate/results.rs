//! What a simulation returns: each lever's effect per segment, per-segment and total results
//! (revenue before and after, change, cost, margin, ROI) and plain chart data (waterfall,
//! before/after bars, revenue mix) that the GUI and the PDF draw.

use super::base::{SegmentSums, SimulationBase};
use super::levers::{LeverKind, ShiftMode, chosen};
use crate::insights::Availability;
use serde::{Deserialize, Serialize};

/// One lever's effect on one segment. Revenue is at list price; discounts given, contacts and
/// cost to serve are costs; margin change = revenue change × margin − cost.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct SegmentEffect {
    pub segment: usize,
    /// The lever acts on this segment.
    pub applied: bool,
    pub revenue_change: f64,
    pub cost: f64,
    pub margin_change: f64,
    /// Change of the segment's summed CLV proxy (retention only).
    pub clv_change: f64,
}

impl SegmentEffect {
    pub(crate) fn none(segment: usize) -> Self {
        Self {
            segment,
            ..Self::default()
        }
    }

    pub(crate) fn new(segment: usize, revenue_change: f64, cost: f64, margin: f64) -> Self {
        Self {
            segment,
            applied: true,
            revenue_change,
            cost,
            margin_change: revenue_change * margin - cost,
            clv_change: 0.0,
        }
    }

    /// Margin change ÷ cost, when the lever costs something.
    pub fn roi(&self) -> Option<f64> {
        roi(self.margin_change, self.cost)
    }
}

/// Margin ÷ cost when cost is positive.
pub fn roi(margin: f64, cost: f64) -> Option<f64> {
    (cost > 0.0).then(|| margin / cost)
}

/// Purchases per channel (web, store, catalog).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ChannelMix {
    pub web: f64,
    pub store: f64,
    pub catalog: f64,
}

impl ChannelMix {
    /// Shares in % of the three channels' purchases (0 when there are none).
    pub fn shares_pct(&self) -> [f64; 3] {
        let total = self.web + self.store + self.catalog;
        if total > 0.0 {
            [self.web, self.store, self.catalog].map(|v| 100.0 * v / total)
        } else {
            [0.0; 3]
        }
    }
}

/// The lever-specific figures behind the effects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LeverDetail {
    BudgetShift {
        mode: ShiftMode,
        /// 0-based source and target segments (segments mode).
        source: Option<usize>,
        target: Option<usize>,
        source_revenue: f64,
        target_revenue: f64,
        lost: f64,
        gained: f64,
        net: f64,
    },
    Discount {
        /// Per segment: the elasticity used (data-derived from deal dependency).
        elasticity: Vec<f64>,
        /// Per segment: revenue on deal purchases before the change.
        deal_revenue: Vec<f64>,
        /// Per segment: discount given after the change.
        discount_given: Vec<f64>,
    },
    Campaign {
        response: String,
        contacts: Vec<f64>,
        responders: Vec<f64>,
        /// Responders' average spend per purchase.
        spend_per_purchase: Vec<f64>,
    },
    Channel {
        before: Vec<ChannelMix>,
        after: Vec<ChannelMix>,
        /// Cost to serve all three channels' purchases, before and after, per segment.
        serve_cost_before: Vec<f64>,
        serve_cost_after: Vec<f64>,
    },
    Retention {
        clv_before: Vec<f64>,
        clv_after: Vec<f64>,
    },
}

/// What an applied lever did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeverEffect {
    /// One per segment; a segment the data cannot support says why.
    pub segments: Vec<Availability<SegmentEffect>>,
    pub detail: LeverDetail,
}

impl LeverEffect {
    /// Sum over the segments with an effect.
    pub fn total(&self) -> Totals {
        Totals::sum(self.segments.iter().filter_map(Availability::get))
    }
}

/// A lever's state in one simulation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LeverStatus {
    /// Not part of the scenario.
    Off,
    /// On, but the data (or the settings) cannot support it.
    Unavailable {
        reason: String,
    },
    Applied(LeverEffect),
}

/// One lever of a simulation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeverOutcome {
    pub lever: LeverKind,
    pub formula: String,
    pub status: LeverStatus,
}

/// Revenue change, cost and margin change added up.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    pub revenue_change: f64,
    pub cost: f64,
    pub margin_change: f64,
    pub clv_change: f64,
}

impl Totals {
    pub(crate) fn sum<'a>(effects: impl Iterator<Item = &'a SegmentEffect>) -> Self {
        effects.fold(Self::default(), |t, e| Self {
            revenue_change: t.revenue_change + e.revenue_change,
            cost: t.cost + e.cost,
            margin_change: t.margin_change + e.margin_change,
            clv_change: t.clv_change + e.clv_change,
        })
    }

    pub fn roi(&self) -> Option<f64> {
        roi(self.margin_change, self.cost)
    }
}

/// One segment (or the total) after every lever.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SegmentResult {
    /// 0-based segment; `None` for the total.
    pub segment: Option<usize>,
    pub customers: f64,
    pub revenue_before: f64,
    pub revenue_after: f64,
    pub revenue_change: f64,
    pub cost: f64,
    /// Margin change: the net impact.
    pub margin_change: f64,
    pub roi: Option<f64>,
    pub clv_before: Option<f64>,
    pub clv_after: Option<f64>,
}

/// One step of the net-impact waterfall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaterfallStep {
    pub lever: LeverKind,
    pub label: String,
    /// Running net impact before and after this lever.
    pub start: f64,
    pub end: f64,
}

/// One segment's revenue share before and after, %.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MixShare {
    pub segment: usize,
    pub before_pct: f64,
    pub after_pct: f64,
}

/// Everything a scenario does to the analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// One per lever, in [`LeverKind::ALL`] order.
    pub levers: Vec<LeverOutcome>,
    pub segments: Vec<SegmentResult>,
    pub total: SegmentResult,
    pub waterfall: Vec<WaterfallStep>,
    pub revenue_mix: Vec<MixShare>,
}

impl Simulation {
    /// The headline: the total margin change over every applied lever.
    pub fn net_impact(&self) -> f64 {
        self.total.margin_change
    }

    /// Total revenue change, % of revenue before.
    pub fn revenue_change_pct(&self) -> f64 {
        if self.total.revenue_before > 0.0 {
            100.0 * self.total.revenue_change / self.total.revenue_before
        } else {
            0.0
        }
    }

    /// One lever's outcome.
    pub fn lever(&self, lever: LeverKind) -> &LeverOutcome {
        &self.levers[LeverKind::ALL.iter().position(|l| *l == lever).unwrap_or(0)]
    }

    /// Per-segment revenue before and after, for the bar chart.
    pub fn bars(&self) -> Vec<(usize, f64, f64)> {
        self.segments
            .iter()
            .filter_map(|s| s.segment.map(|i| (i, s.revenue_before, s.revenue_after)))
            .collect()
    }
}

/// Each segment's effect of a lever that applies to chosen segments only (`numbers`, as in
/// [`chosen`]): `effect` runs for every chosen segment, and the others are unchanged.
pub(super) fn per_chosen_segment(
    base: &SimulationBase,
    numbers: &[u32],
    mut effect: impl FnMut(usize, &SegmentSums) -> Availability<SegmentEffect>,
) -> Vec<Availability<SegmentEffect>> {
    let on = chosen(numbers, base.k());
    base.segments
        .iter()
        .enumerate()
        .map(|(s, sums)| match on[s] {
            true => effect(s, sums),
            false => Availability::Available(SegmentEffect::none(s)),
        })
        .collect()
}
