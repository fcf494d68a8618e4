//! Discount-addiction risk per segment: the share of discount-addicted customers, the median
//! deal dependency, and the revenue at risk (the spend of those customers).

use super::InsightInputs;
use super::stats::{mean, of_segment, pct, quantile};
use crate::features::{InsightFamily, names};
use serde::{Deserialize, Serialize};

/// One segment's discount risk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentDiscountRisk {
    pub segment: usize,
    pub addicted_customers: usize,
    /// Discount-addicted customers, % of the segment.
    pub addicted_pct: f64,
    /// Median Deal_Dependency × 100.
    pub median_deal_dependency_pct: f64,
    /// Σ Monetary of the segment's discount-addicted customers.
    pub revenue_at_risk: f64,
    /// Revenue at risk, % of the segment's revenue.
    pub revenue_at_risk_pct: f64,
}

/// Discount-addiction risk of every segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscountRisk {
    pub population_addicted_pct: f64,
    pub total_revenue_at_risk: f64,
    /// Revenue at risk, % of all revenue.
    pub total_revenue_at_risk_pct: f64,
    pub segments: Vec<SegmentDiscountRisk>,
}

pub(super) fn discount_risk(inputs: &InsightInputs<'_>) -> Result<DiscountRisk, String> {
    let addicted = inputs.feature(names::DISCOUNT_ADDICTED, InsightFamily::DiscountRisk)?;
    let deal = inputs.feature(names::DEAL_DEPENDENCY, InsightFamily::DiscountRisk)?;
    let monetary = inputs.feature(names::MONETARY, InsightFamily::DiscountRisk)?;
    let labels = inputs.labels();
    let segments: Vec<SegmentDiscountRisk> = (0..inputs.k())
        .map(|s| {
            let flags = of_segment(addicted, labels, s);
            let spend = of_segment(monetary, labels, s);
            let at_risk: f64 = flags
                .iter()
                .zip(&spend)
                .filter(|(f, _)| **f > 0.5)
                .map(|(_, m)| m)
                .sum();
            SegmentDiscountRisk {
                segment: s,
                addicted_customers: flags.iter().filter(|f| **f > 0.5).count(),
                addicted_pct: 100.0 * mean(&flags),
                median_deal_dependency_pct: 100.0 * quantile(&of_segment(deal, labels, s), 0.5),
                revenue_at_risk: at_risk,
                revenue_at_risk_pct: pct(at_risk, spend.iter().sum()),
            }
        })
        .collect();
    let total_at_risk: f64 = segments.iter().map(|s| s.revenue_at_risk).sum();
    Ok(DiscountRisk {
        population_addicted_pct: 100.0 * mean(addicted),
        total_revenue_at_risk: total_at_risk,
        total_revenue_at_risk_pct: pct(total_at_risk, monetary.iter().sum()),
        segments,
    })
}
