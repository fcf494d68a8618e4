//! Business names and units for features, so charts and tables say "Average spend per
//! purchase (money)" rather than `Avg_Spend_Per_Purchase`.

use crate::features::names;

/// The unit a feature's values are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Money,
    Days,
    Years,
    Count,
    /// A share in 0..=1, shown as a percentage.
    Share,
    /// 0 or 1 per customer; a segment's mean is the share of customers with the flag.
    Flag,
    Plain,
}

impl Unit {
    /// The unit in words, for axis titles and tooltips.
    pub fn words(self) -> &'static str {
        match self {
            Unit::Money => "money",
            Unit::Days => "days",
            Unit::Years => "years",
            Unit::Count => "count",
            Unit::Share | Unit::Flag => "% of customers",
            Unit::Plain => "value",
        }
    }

    /// A difference in this unit: percentage points for shares, the unit otherwise.
    pub fn show_difference(self, difference: f64) -> String {
        match self {
            Unit::Share | Unit::Flag => {
                format!("{} pp", super::format::signed_with(100.0 * difference, 1))
            }
            _ => {
                let shown = self.show(difference.abs());
                if difference == 0.0 {
                    shown
                } else if difference < 0.0 {
                    format!("\u{2212}{shown}")
                } else {
                    format!("+{shown}")
                }
            }
        }
    }

    /// A value in this unit, as shown to people.
    pub fn show(self, value: f64) -> String {
        match self {
            Unit::Share | Unit::Flag => super::format::pct(100.0 * value),
            Unit::Money | Unit::Plain => super::format::amount(value),
            Unit::Days | Unit::Years | Unit::Count => {
                if value.abs() >= 100.0 {
                    super::format::thousands(value)
                } else {
                    format!("{value:.1}")
                }
            }
        }
    }
}

/// The display name and unit of a feature.
pub fn feature_label(name: &str) -> (String, Unit) {
    let known = match name {
        names::INCOME => Some(("Income", Unit::Money)),
        names::AGE => Some(("Age", Unit::Years)),
        names::BIRTH_YEAR => Some(("Birth year", Unit::Plain)),
        names::TOTAL_CHILDREN => Some(("Children at home", Unit::Count)),
        names::RECENCY => Some(("Days since last purchase", Unit::Days)),
        names::FREQUENCY => Some(("Purchases", Unit::Count)),
        names::MONETARY => Some(("Total spend", Unit::Money)),
        names::AVG_SPEND => Some(("Spend per purchase", Unit::Money)),
        names::TENURE => Some(("Tenure", Unit::Days)),
        names::WEB_RATIO => Some(("Web share of purchases", Unit::Share)),
        names::STORE_RATIO => Some(("Store share of purchases", Unit::Share)),
        names::CATALOG_RATIO => Some(("Catalog share of purchases", Unit::Share)),
        names::OTHER_RATIO => Some(("Other-channel share", Unit::Share)),
        names::PROMO_RESPONSIVE => Some(("Promo response", Unit::Flag)),
        names::DEAL_DEPENDENCY => Some(("Deal dependency", Unit::Share)),
        names::PRODUCT_VARIETY => Some(("Product variety", Unit::Count)),
        names::TOTAL_SPEND => Some(("Total spend", Unit::Money)),
        names::DISCOUNT_ADDICTED => Some(("Discount addiction", Unit::Flag)),
        names::CLV_PROXY => Some(("Customer lifetime value (proxy)", Unit::Money)),
        names::WEB_VISITS => Some(("Web visits", Unit::Count)),
        names::COMPLAINTS => Some(("Complaints", Unit::Count)),
        names::CAMPAIGNS_ACCEPTED => Some(("Campaigns accepted", Unit::Count)),
        _ => None,
    };
    if let Some((label, unit)) = known {
        return (label.to_string(), unit);
    }
    if let Some(category) = name.strip_prefix(names::SPEND_PREFIX) {
        return (format!("Spend on {category}"), Unit::Money);
    }
    if let Some(campaign) = name.strip_prefix(names::CAMPAIGN_PREFIX) {
        let label = match campaign.strip_prefix("Accepted") {
            Some(rest) if !rest.is_empty() => format!("Campaign {rest} accepted"),
            _ => format!("Campaign \"{campaign}\" accepted"),
        };
        return (label, Unit::Flag);
    }
    if let Some((column, level)) = name.split_once('=') {
        return (format!("{column}: {level}"), Unit::Flag);
    }
    (name.replace('_', " "), Unit::Plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_as_business_words() {
        assert_eq!(
            feature_label("Avg_Spend_Per_Purchase").0,
            "Spend per purchase"
        );
        assert_eq!(feature_label("Spend_Wines").0, "Spend on Wines");
        assert_eq!(feature_label("Education=PhD").0, "Education: PhD");
        assert_eq!(feature_label("Spending_Score").0, "Spending Score");
        assert_eq!(
            feature_label("Campaign_AcceptedCmp4").0,
            "Campaign Cmp4 accepted"
        );
        assert_eq!(Unit::Flag.show(0.271), "27.1%");
    }
}
