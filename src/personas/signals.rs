//! A segment's signals: the few figures the persona rules read (value index, z-scores of
//! deal dependency, recency, children, income and age, campaign lift, channel lead).

use super::thresholds::{CHANNEL_LEAD, MARKED_Z, RESPONSIVE_LIFT};
use crate::features::names;
use crate::insights::Insights;
use crate::roles::Channel;

/// What the rules know about one segment. `None` means the data cannot say.
#[derive(Debug, Clone, PartialEq)]
pub struct Signals {
    pub segment: usize,
    pub customer_pct: f64,
    pub value_index: Option<f64>,
    pub deal_z: Option<f64>,
    pub recency_z: Option<f64>,
    pub children_z: Option<f64>,
    pub income_z: Option<f64>,
    pub age_z: Option<f64>,
    pub promo_lift: Option<f64>,
    /// The channel whose share most exceeds the population's, with that multiple.
    pub channel_lead: Option<(Channel, f64)>,
}

impl Signals {
    /// Read one segment's signals from the insights.
    pub fn of(insights: &Insights, segment: usize, customer_pct: f64) -> Signals {
        let z = |name: &str| insights.profile.z(name, segment);
        let channel_lead = insights.channel.get().and_then(|c| {
            let seg = c.segments.get(segment)?;
            seg.mix
                .iter()
                .filter_map(|share| {
                    let population = c.population_share(share.channel);
                    (population > 0.0).then(|| (share.channel, share.pct / population))
                })
                .fold(
                    None,
                    |best: Option<(Channel, f64)>, (ch, lift)| match best {
                        Some((_, b)) if b >= lift => best,
                        _ => Some((ch, lift)),
                    },
                )
        });
        Signals {
            segment,
            customer_pct,
            value_index: insights
                .revenue
                .get()
                .and_then(|r| r.segments.get(segment))
                .map(|s| s.value_index),
            deal_z: z(names::DEAL_DEPENDENCY),
            recency_z: z(names::RECENCY),
            children_z: z(names::TOTAL_CHILDREN),
            income_z: z(names::INCOME),
            age_z: z(names::AGE),
            promo_lift: insights
                .promotion
                .get()
                .and_then(|p| p.segments.get(segment))
                .and_then(|s| s.lift),
            channel_lead,
        }
    }

    pub(crate) fn value_at_least(&self, threshold: f64) -> bool {
        self.value_index.is_some_and(|v| v >= threshold)
    }

    pub(crate) fn value_at_most(&self, threshold: f64) -> bool {
        self.value_index.is_some_and(|v| v <= threshold)
    }

    pub(crate) fn value_below(&self, threshold: f64) -> bool {
        self.value_index.is_some_and(|v| v < threshold)
    }

    /// Below a value index of 1, or unknown: the only segments deal-led rules may name.
    pub(crate) fn not_valuable(&self) -> bool {
        self.value_index.is_none_or(|v| v < 1.0)
    }

    /// A z-score at least [`MARKED_Z`] above the population.
    pub(crate) fn marked_high(&self, z: Option<f64>) -> bool {
        z.is_some_and(|z| z >= MARKED_Z)
    }

    /// Recency marked high: the segment has not bought for a while.
    pub fn lapsed(&self) -> bool {
        self.marked_high(self.recency_z)
    }

    /// Campaign response at least [`RESPONSIVE_LIFT`] times the population's.
    pub(crate) fn responsive(&self) -> bool {
        self.promo_lift.is_some_and(|l| l >= RESPONSIVE_LIFT)
    }

    /// The channel is the segment's strongest lead, at least [`CHANNEL_LEAD`] times the
    /// population's share.
    pub(crate) fn leads(&self, channel: Channel) -> bool {
        self.channel_lead
            .is_some_and(|(c, lift)| c == channel && lift >= CHANNEL_LEAD)
    }
}
