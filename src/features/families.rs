//! Insight families and whether the mapping enables them: a family whose roles are absent
//! is reported as not available, with the reason, never as zeros.

use crate::roles::{ColumnMapping, Role};
use serde::{Deserialize, Serialize};

/// A group of insights that needs certain roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InsightFamily {
    Revenue,
    Promotion,
    DiscountRisk,
    Channel,
    Rfm,
    Clv,
    Demographics,
    Categories,
}

impl InsightFamily {
    pub const ALL: [InsightFamily; 8] = [
        InsightFamily::Revenue,
        InsightFamily::Promotion,
        InsightFamily::DiscountRisk,
        InsightFamily::Channel,
        InsightFamily::Rfm,
        InsightFamily::Clv,
        InsightFamily::Demographics,
        InsightFamily::Categories,
    ];

    pub fn label(self) -> &'static str {
        match self {
            InsightFamily::Revenue => "Revenue contribution",
            InsightFamily::Promotion => "Promotion responsiveness",
            InsightFamily::DiscountRisk => "Discount-addiction risk",
            InsightFamily::Channel => "Channel preference",
            InsightFamily::Rfm => "RFM",
            InsightFamily::Clv => "CLV proxy",
            InsightFamily::Demographics => "Demographics",
            InsightFamily::Categories => "Categorical attributes",
        }
    }

    /// What the family needs, in words, for messages.
    pub fn needs(self) -> &'static str {
        match self {
            InsightFamily::Revenue => "at least one spend column",
            InsightFamily::Promotion => "at least one campaign column",
            InsightFamily::DiscountRisk => "deal purchases, purchases by channel and spend",
            InsightFamily::Channel => "purchases in at least two channels",
            InsightFamily::Rfm => "recency, purchases by channel and spend",
            InsightFamily::Clv => "spend",
            InsightFamily::Demographics => "age or birth year, income or children",
            InsightFamily::Categories => "at least one categorical column",
        }
    }
}

/// Whether one family is available, and why (not).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyStatus {
    pub family: InsightFamily,
    pub available: bool,
    pub reason: String,
}

/// Decide every family's availability from the mapping.
pub fn family_status(mapping: &ColumnMapping) -> Vec<FamilyStatus> {
    let has = |role: &Role| mapping.first_with(role).is_some();
    let spend = !mapping.spend_columns().is_empty();
    let channels = mapping.purchase_columns().len();
    let campaign = has(&Role::Campaign);
    let deals = has(&Role::DealPurchases);
    let recency = has(&Role::Recency);
    let categorical = has(&Role::Categorical);
    InsightFamily::ALL
        .into_iter()
        .map(|family| {
            let (available, missing) = match family {
                InsightFamily::Revenue => (spend, vec!["spend"]),
                InsightFamily::Promotion => (campaign, vec!["campaign"]),
                InsightFamily::DiscountRisk => (
                    deals && channels > 0 && spend,
                    [
                        (!deals, "deal_purchases"),
                        (channels == 0, "purchases"),
                        (!spend, "spend"),
                    ]
                    .into_iter()
                    .filter_map(|(m, n)| m.then_some(n))
                    .collect(),
                ),
                InsightFamily::Channel => {
                    (channels >= 2, vec!["purchases in two or more channels"])
                }
                InsightFamily::Rfm => (
                    recency && channels > 0 && spend,
                    [
                        (!recency, "recency"),
                        (channels == 0, "purchases"),
                        (!spend, "spend"),
                    ]
                    .into_iter()
                    .filter_map(|(m, n)| m.then_some(n))
                    .collect(),
                ),
                InsightFamily::Clv => (spend, vec!["spend"]),
                InsightFamily::Demographics => (
                    (has(&Role::Age) || has(&Role::BirthYear))
                        || has(&Role::Income)
                        || has(&Role::Children),
                    vec!["age, birth_year, income or children"],
                ),
                InsightFamily::Categories => (categorical, vec!["categorical"]),
            };
            let reason = if available {
                format!("enabled: the mapping has {}", family.needs())
            } else {
                format!(
                    "not available: needs {} (missing: {})",
                    family.needs(),
                    missing.join(", ")
                )
            };
            FamilyStatus {
                family,
                available,
                reason,
            }
        })
        .collect()
}
