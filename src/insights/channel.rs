//! Channel preference per segment: the purchase mix over web, store, catalog and other
//! channels (share of the segment's purchases), the dominant channel, and web visits.

use super::InsightInputs;
use super::stats::{mean, means, pct, sums};
use crate::features::{InsightFamily, names};
use crate::roles::Channel;
use serde::{Deserialize, Serialize};

/// One channel's share of purchases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelShare {
    pub channel: Channel,
    /// Purchases in this channel, % of all purchases.
    pub pct: f64,
}

/// One segment's channel figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentChannels {
    pub segment: usize,
    pub mix: Vec<ChannelShare>,
    /// The channel with the largest share.
    pub dominant: Channel,
    /// Mean web visits, when mapped.
    pub avg_web_visits: Option<f64>,
}

impl SegmentChannels {
    /// The share of one channel (0 when the data has no such channel).
    pub fn share(&self, channel: Channel) -> f64 {
        share_of(&self.mix, channel)
    }
}

/// Channel preference of every segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelPreference {
    pub population_mix: Vec<ChannelShare>,
    pub population_web_visits: Option<f64>,
    pub segments: Vec<SegmentChannels>,
}

impl ChannelPreference {
    /// The population's share of one channel.
    pub fn population_share(&self, channel: Channel) -> f64 {
        share_of(&self.population_mix, channel)
    }
}

fn share_of(mix: &[ChannelShare], channel: Channel) -> f64 {
    mix.iter()
        .find(|c| c.channel == channel)
        .map_or(0.0, |c| c.pct)
}

fn dominant(mix: &[ChannelShare]) -> Channel {
    mix.iter()
        .fold(None::<&ChannelShare>, |best, c| match best {
            Some(b) if b.pct >= c.pct => Some(b),
            _ => Some(c),
        })
        .map_or(Channel::Other, |c| c.channel)
}

const RATIOS: [(Channel, &str); 4] = [
    (Channel::Web, names::WEB_RATIO),
    (Channel::Store, names::STORE_RATIO),
    (Channel::Catalog, names::CATALOG_RATIO),
    (Channel::Other, names::OTHER_RATIO),
];

pub(super) fn channel_preference(inputs: &InsightInputs<'_>) -> Result<ChannelPreference, String> {
    let frequency = inputs.feature(names::FREQUENCY, InsightFamily::Channel)?;
    let channels: Vec<(Channel, &[f64])> = RATIOS
        .iter()
        .filter_map(|(ch, name)| inputs.features.get(name).map(|v| (*ch, v)))
        .collect();
    if channels.len() < 2 {
        return Err(inputs.missing_reason(
            InsightFamily::Channel,
            "purchases in fewer than two channels survived validation",
        ));
    }
    let (labels, k) = (inputs.labels(), inputs.k());
    // Purchases per channel = ratio × Frequency (the ratios are exact shares of Frequency).
    let counts: Vec<(Channel, Vec<f64>)> = channels
        .iter()
        .map(|(ch, r)| (*ch, r.iter().zip(frequency).map(|(r, f)| r * f).collect()))
        .collect();
    let total_purchases: f64 = frequency.iter().sum();
    let per_segment_total = sums(frequency, labels, k);
    let per_segment: Vec<(Channel, Vec<f64>)> = counts
        .iter()
        .map(|(ch, c)| (*ch, sums(c, labels, k)))
        .collect();
    let visits = inputs.features.get(names::WEB_VISITS);
    let visit_means = visits.map(|v| means(v, labels, k));
    let segments = (0..k)
        .map(|s| {
            let mix: Vec<ChannelShare> = per_segment
                .iter()
                .map(|(ch, sums)| ChannelShare {
                    channel: *ch,
                    pct: pct(sums[s], per_segment_total[s]),
                })
                .collect();
            SegmentChannels {
                segment: s,
                dominant: dominant(&mix),
                mix,
                avg_web_visits: visit_means.as_ref().map(|m| m[s]),
            }
        })
        .collect();
    Ok(ChannelPreference {
        population_mix: counts
            .iter()
            .map(|(ch, c)| ChannelShare {
                channel: *ch,
                pct: pct(c.iter().sum(), total_purchases),
            })
            .collect(),
        population_web_visits: visits.map(mean),
        segments,
    })
}
