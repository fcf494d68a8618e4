//! Promotion responsiveness per segment: response to any campaign and to each campaign,
//! average deal dependency and spend, and lift against the whole customer base.

use super::InsightInputs;
use super::stats::{mean, means, ratio};
use crate::features::{InsightFamily, names};
use serde::{Deserialize, Serialize};

/// Response to one campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignRate {
    /// The campaign column's name.
    pub campaign: String,
    pub response_pct: f64,
}

/// One segment's promotion figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentPromotion {
    pub segment: usize,
    /// Customers who accepted at least one campaign, %.
    pub response_pct: f64,
    pub campaigns: Vec<CampaignRate>,
    /// Mean Deal_Dependency × 100, when deal purchases are mapped.
    pub avg_deal_dependency_pct: Option<f64>,
    /// Mean Monetary, when spend is mapped.
    pub avg_spend: Option<f64>,
    /// response % ÷ the population's response % (`None` when nobody responded).
    pub lift: Option<f64>,
}

/// Promotion responsiveness of every segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromotionResponse {
    pub population_response_pct: f64,
    pub population_campaigns: Vec<CampaignRate>,
    pub segments: Vec<SegmentPromotion>,
}

pub(super) fn promotion_response(inputs: &InsightInputs<'_>) -> Result<PromotionResponse, String> {
    let any = inputs.feature(names::PROMO_RESPONSIVE, InsightFamily::Promotion)?;
    let (labels, k) = (inputs.labels(), inputs.k());
    let campaigns: Vec<(&str, &[f64])> = inputs
        .features
        .features
        .iter()
        .filter_map(|f| {
            f.name
                .strip_prefix(names::CAMPAIGN_PREFIX)
                .map(|c| (c, f.values.as_slice()))
        })
        .collect();
    let population = 100.0 * mean(any);
    let per_segment = means(any, labels, k);
    let per_campaign: Vec<Vec<f64>> = campaigns.iter().map(|(_, v)| means(v, labels, k)).collect();
    let deal = inputs
        .features
        .get(names::DEAL_DEPENDENCY)
        .map(|v| means(v, labels, k));
    let spend = inputs
        .features
        .get(names::MONETARY)
        .map(|v| means(v, labels, k));
    let segments = (0..k)
        .map(|s| SegmentPromotion {
            segment: s,
            response_pct: 100.0 * per_segment[s],
            campaigns: campaigns
                .iter()
                .zip(&per_campaign)
                .map(|((name, _), rates)| CampaignRate {
                    campaign: name.to_string(),
                    response_pct: 100.0 * rates[s],
                })
                .collect(),
            avg_deal_dependency_pct: deal.as_ref().map(|d| 100.0 * d[s]),
            avg_spend: spend.as_ref().map(|m| m[s]),
            lift: ratio(100.0 * per_segment[s], population),
        })
        .collect();
    Ok(PromotionResponse {
        population_response_pct: population,
        population_campaigns: campaigns
            .iter()
            .map(|(name, v)| CampaignRate {
                campaign: name.to_string(),
                response_pct: 100.0 * mean(v),
            })
            .collect(),
        segments,
    })
}
