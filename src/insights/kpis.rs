//! Overall KPIs: customers, revenue, average spend, promotion response, discount addiction,
//! and average recency, frequency and monetary value.

use super::stats::mean;
use super::{Availability, InsightInputs};
use crate::features::{InsightFamily, names};
use serde::{Deserialize, Serialize};

/// The headline figures of the whole customer base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpis {
    pub customers: usize,
    /// Σ Monetary.
    pub total_revenue: Availability<f64>,
    /// Mean Monetary.
    pub avg_spend_per_customer: Availability<f64>,
    /// Customers who accepted at least one campaign, % of all.
    pub promo_response_pct: Availability<f64>,
    /// Discount-addicted customers (Deal_Dependency > 0.5 and below-median basket), % of all.
    pub discount_addicted_pct: Availability<f64>,
    /// Mean days since the last purchase.
    pub avg_recency_days: Availability<f64>,
    /// Mean purchases.
    pub avg_frequency: Availability<f64>,
    /// Mean spend (the M of RFM; equal to the average spend per customer).
    pub avg_monetary: Availability<f64>,
}

fn figure(
    inputs: &InsightInputs<'_>,
    name: &str,
    family: InsightFamily,
    f: impl Fn(&[f64]) -> f64,
) -> Availability<f64> {
    Availability::from_result(inputs.feature(name, family).map(f))
}

pub(super) fn kpis(inputs: &InsightInputs<'_>) -> Kpis {
    let pct_of = |v: &[f64]| 100.0 * mean(v);
    Kpis {
        customers: inputs.labels().len(),
        total_revenue: figure(inputs, names::MONETARY, InsightFamily::Revenue, |v| {
            v.iter().sum()
        }),
        avg_spend_per_customer: figure(inputs, names::MONETARY, InsightFamily::Revenue, mean),
        promo_response_pct: figure(
            inputs,
            names::PROMO_RESPONSIVE,
            InsightFamily::Promotion,
            pct_of,
        ),
        discount_addicted_pct: figure(
            inputs,
            names::DISCOUNT_ADDICTED,
            InsightFamily::DiscountRisk,
            pct_of,
        ),
        avg_recency_days: figure(inputs, names::RECENCY, InsightFamily::Rfm, mean),
        avg_frequency: figure(inputs, names::FREQUENCY, InsightFamily::Rfm, mean),
        avg_monetary: figure(inputs, names::MONETARY, InsightFamily::Rfm, mean),
    }
}
