//! Revenue contribution against customer share per segment, and the value index
//! (revenue % ÷ customer %).

use super::InsightInputs;
use super::stats::{counts, pct, sums};
use crate::features::{InsightFamily, names};
use serde::{Deserialize, Serialize};

/// One segment's share of customers and of revenue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentRevenue {
    /// 0-based segment index (shown to people as segment + 1).
    pub segment: usize,
    pub customers: usize,
    pub customer_pct: f64,
    pub revenue: f64,
    pub revenue_pct: f64,
    /// revenue % ÷ customer %: above 1, the segment brings more than its share.
    pub value_index: f64,
}

/// Revenue contribution of every segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevenueContribution {
    pub total_revenue: f64,
    pub segments: Vec<SegmentRevenue>,
}

impl RevenueContribution {
    /// The segment with the highest value index (ties to the lower index).
    pub fn top_value_segment(&self) -> Option<&SegmentRevenue> {
        self.segments.iter().fold(None, |best, s| match best {
            Some(b) if b.value_index >= s.value_index => Some(b),
            _ => Some(s),
        })
    }
}

pub(super) fn revenue_contribution(
    inputs: &InsightInputs<'_>,
) -> Result<RevenueContribution, String> {
    let monetary = inputs.feature(names::MONETARY, InsightFamily::Revenue)?;
    let (labels, k) = (inputs.labels(), inputs.k());
    let total: f64 = monetary.iter().sum();
    if total <= 0.0 {
        return Err("not available: total spend is 0, so there is no revenue to share".into());
    }
    let revenue = sums(monetary, labels, k);
    let customers = counts(labels, k);
    let n = labels.len() as f64;
    let segments = (0..k)
        .map(|s| {
            let customer_pct = pct(customers[s] as f64, n);
            let revenue_pct = pct(revenue[s], total);
            SegmentRevenue {
                segment: s,
                customers: customers[s],
                customer_pct,
                revenue: revenue[s],
                revenue_pct,
                value_index: if customer_pct > 0.0 {
                    revenue_pct / customer_pct
                } else {
                    0.0
                },
            }
        })
        .collect();
    Ok(RevenueContribution {
        total_revenue: total,
        segments,
    })
}
