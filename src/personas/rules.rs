//! THE persona rule table: how a segment's profile becomes a name and an action. Rules are
//! tried in order and the first that matches names the persona; when none matches, the name
//! is composed from the segment's two most distinguishing features (see `FEATURE_WORDS`).
//! The README's persona section documents this table; keep the two in step.

use super::signals::Signals;
use crate::roles::Channel;

pub use super::thresholds::{
    CHANNEL_LEAD, LOW_VALUE, MARKED_Z, NAMING_Z, PREMIUM_VALUE, RESPONSIVE_LIFT, VALUABLE,
};

/// One naming rule: when it applies, the persona's name and recommended action.
pub struct PersonaRule {
    /// Stable key, recorded in the persona as the naming basis.
    pub key: &'static str,
    pub name: &'static str,
    /// The condition in words (for the README and the persona's evidence).
    pub when: &'static str,
    pub applies: fn(&Signals) -> bool,
    pub action: &'static str,
}

/// The rules, tried in order. Every rule that can match a segment with a value index of 1 or
/// more recommends no discounts (only "avoid heavy discounts" / "do not lead with discounts").
pub const RULES: &[PersonaRule] = &[
    PersonaRule {
        key: "premium_loyalists",
        name: "Premium Loyalists",
        when: "value index ≥ 1.5, deal dependency not above average, not lapsed",
        applies: |s| s.value_at_least(PREMIUM_VALUE) && !s.marked_high(s.deal_z) && !s.lapsed(),
        action: "Protect and grow: premium ranges, early access and loyalty rewards; avoid heavy discounts, which would give away margin they do not need.",
    },
    PersonaRule {
        key: "premium_campaign_responders",
        name: "Premium Campaign Responders",
        when: "value index ≥ 1.5 and campaign response lift ≥ 1.5",
        applies: |s| s.value_at_least(PREMIUM_VALUE) && s.responsive(),
        action: "Give them first access to launches and premium campaigns, and reward responses with exclusives and loyalty points; do not lead with discounts.",
    },
    PersonaRule {
        key: "catalog_first_affluent",
        name: "Catalog-First Affluent",
        when: "value index ≥ 1.1 and catalog share ≥ 1.25× the population's (the strongest channel lead)",
        applies: |s| s.value_at_least(VALUABLE) && s.leads(Channel::Catalog),
        action: "Invest in curated catalogs and personalised mailings featuring premium ranges; avoid heavy discounts in this channel.",
    },
    PersonaRule {
        key: "lapsing_high_spenders",
        name: "Lapsing High Spenders",
        when: "value index ≥ 1.1 and recency ≥ 0.5 SD above average (lapsing)",
        applies: |s| s.value_at_least(VALUABLE) && s.lapsed(),
        action: "Win them back now with personal outreach and a service-led reason to return (new ranges, loyalty status); do not lead with discounts.",
    },
    PersonaRule {
        key: "steady_high_spenders",
        name: "Steady High Spenders",
        when: "value index ≥ 1.5 (no premium rule above matched)",
        applies: |s| s.value_at_least(PREMIUM_VALUE),
        action: "Retain with premium service and cross-sell of complementary ranges; avoid heavy discounts.",
    },
    PersonaRule {
        key: "deal_driven_families",
        name: "Deal-Driven Families",
        when: "value index < 1 (or unknown), deal dependency and children ≥ 0.5 SD above average",
        applies: |s| s.not_valuable() && s.marked_high(s.deal_z) && s.marked_high(s.children_z),
        action: "Offer value packs and family bundles with a margin floor, timed to family moments (school start, holidays), instead of blanket discounts.",
    },
    PersonaRule {
        key: "lapsed_low_spenders",
        name: "Lapsed Low Spenders",
        when: "value index < 1 and recency ≥ 0.5 SD above average",
        applies: |s| s.value_below(1.0) && s.lapsed(),
        action: "Run a low-cost win-back: one time-limited reactivation coupon by email, then stop contacting those who do not respond.",
    },
    PersonaRule {
        key: "deal_seekers",
        name: "Deal Seekers",
        when: "value index < 1 (or unknown) and deal dependency ≥ 0.5 SD above average",
        applies: |s| s.not_valuable() && s.marked_high(s.deal_z),
        action: "Move them to structured value offers (bundles, loyalty points) with a margin floor, and cap open-ended discounts.",
    },
    PersonaRule {
        key: "web_first_browsers",
        name: "Web-First Browsers",
        when: "web share ≥ 1.25× the population's (the strongest channel lead)",
        applies: |s| s.leads(Channel::Web),
        action: "Turn browsing into buying: personalised recommendations, saved-basket reminders and a faster checkout.",
    },
    PersonaRule {
        key: "in_store_regulars",
        name: "In-Store Regulars",
        when: "store share ≥ 1.25× the population's (the strongest channel lead)",
        applies: |s| s.leads(Channel::Store),
        action: "Reward store visits with loyalty-card perks and in-store events, and invite them to try the web shop for repeat items.",
    },
    PersonaRule {
        key: "campaign_responders",
        name: "Campaign Responders",
        when: "campaign response lift ≥ 1.5",
        applies: |s| s.responsive(),
        action: "Put them first in campaign targeting and test new campaigns on them before a full roll-out.",
    },
    PersonaRule {
        key: "budget_families",
        name: "Budget Families",
        when: "value index ≤ 0.6 and children ≥ 0.5 SD above average",
        applies: |s| s.value_at_most(LOW_VALUE) && s.marked_high(s.children_z),
        action: "Serve with everyday low prices on essentials and family value packs; keep contact costs low.",
    },
    PersonaRule {
        key: "low_spend_occasionals",
        name: "Low-Spend Occasionals",
        when: "value index ≤ 0.6",
        applies: |s| s.value_at_most(LOW_VALUE),
        action: "Serve at low cost with automated digital communication, and test one entry offer to lift spend.",
    },
    PersonaRule {
        key: "growing_mid_value",
        name: "Growing Mid-Value Customers",
        when: "value index ≥ 1.1 (no rule above matched)",
        applies: |s| s.value_at_least(VALUABLE),
        action: "Grow share of wallet: cross-sell the categories they under-buy and set loyalty milestones; avoid heavy discounts.",
    },
];

/// Words for one feature in a composed name, and the action when it leads.
pub struct FeatureWords {
    /// The feature's name, or a lowercase stem for generic measures (see `stem`).
    pub feature: &'static str,
    /// Matches by lowercase substring of the feature name instead of the exact name.
    pub stem: bool,
    /// (adjective, noun) when the segment is above average.
    pub high: (&'static str, &'static str),
    /// (adjective, noun) when below average.
    pub low: (&'static str, &'static str),
    pub high_action: &'static str,
    pub low_action: &'static str,
}

/// Words for composed names (first match wins: exact names, then stems in order).
pub const FEATURE_WORDS: &[FeatureWords] = &[
    FeatureWords {
        feature: "Income",
        stem: false,
        high: ("Affluent", "High Earners"),
        low: ("Budget", "Budget Shoppers"),
        high_action: "Lead with premium ranges and quality messaging; avoid heavy discounts.",
        low_action: "Lead with everyday value and essentials at sharp prices.",
    },
    FeatureWords {
        feature: "Age",
        stem: false,
        high: ("Mature", "Mature Shoppers"),
        low: ("Young", "Young Shoppers"),
        high_action: "Use clear, service-led communication and trusted channels (mail, store).",
        low_action: "Reach them on digital channels with new and trending ranges.",
    },
    FeatureWords {
        feature: "Birth_Year",
        stem: false,
        high: ("Young", "Young Shoppers"),
        low: ("Mature", "Mature Shoppers"),
        high_action: "Reach them on digital channels with new and trending ranges.",
        low_action: "Use clear, service-led communication and trusted channels (mail, store).",
    },
    FeatureWords {
        feature: "Total_Children",
        stem: false,
        high: ("Family", "Families"),
        low: ("Child-Free", "Singles & Couples"),
        high_action: "Offer family-sized packs and plan around school and holiday calendars.",
        low_action: "Promote indulgence and convenience ranges for small households.",
    },
    FeatureWords {
        feature: "Recency",
        stem: false,
        high: ("Lapsed", "Lapsed Customers"),
        low: ("Active", "Active Regulars"),
        high_action: "Run a win-back sequence and find out why they stopped buying.",
        low_action: "Keep the momentum with regular, relevant contact and loyalty rewards.",
    },
    FeatureWords {
        feature: "Frequency",
        stem: false,
        high: ("Frequent", "Frequent Buyers"),
        low: ("Occasional", "Occasional Buyers"),
        high_action: "Reward frequency with loyalty tiers and personalised replenishment reminders.",
        low_action: "Give them reasons to come back more often: reminders and a loyalty starter reward.",
    },
    FeatureWords {
        feature: "Monetary",
        stem: false,
        high: ("Big-Spending", "Big Spenders"),
        low: ("Light-Spending", "Light Spenders"),
        high_action: "Retain with premium service and early access; avoid heavy discounts.",
        low_action: "Serve at low cost and test one offer to lift basket size.",
    },
    FeatureWords {
        feature: "Avg_Spend_Per_Purchase",
        stem: false,
        high: ("Big-Basket", "Big-Basket Shoppers"),
        low: ("Small-Basket", "Small-Basket Shoppers"),
        high_action: "Feature premium and bundle-up ranges in their channel.",
        low_action: "Suggest add-ons at checkout to lift basket size.",
    },
    FeatureWords {
        feature: "Deal_Dependency",
        stem: false,
        high: ("Deal-Driven", "Deal Seekers"),
        low: ("Full-Price", "Full-Price Buyers"),
        high_action: "Steer them to structured value offers with a margin floor.",
        low_action: "Keep them at full price: service and range, not price, wins them.",
    },
    FeatureWords {
        feature: "Web_Ratio",
        stem: false,
        high: ("Web-First", "Online Shoppers"),
        low: ("Offline", "Offline Shoppers"),
        high_action: "Personalise the web shop and e-mail for them.",
        low_action: "Reach them in store and by mail rather than online.",
    },
    FeatureWords {
        feature: "Store_Ratio",
        stem: false,
        high: ("In-Store", "Store Loyalists"),
        low: ("Remote", "Remote Shoppers"),
        high_action: "Reward store visits with loyalty-card perks and events.",
        low_action: "Serve them through web and catalog.",
    },
    FeatureWords {
        feature: "Catalog_Ratio",
        stem: false,
        high: ("Catalog-First", "Catalog Buyers"),
        low: ("Non-Catalog", "Non-Catalog Buyers"),
        high_action: "Invest in curated catalogs and personalised mailings.",
        low_action: "Drop them from catalog mailings to save cost.",
    },
    FeatureWords {
        feature: "Tenure_Days",
        stem: false,
        high: ("Long-Standing", "Long-Standing Customers"),
        low: ("New", "Newcomers"),
        high_action: "Thank them for their loyalty with recognition and anniversary rewards.",
        low_action: "Onboard them: a welcome journey that introduces the full range.",
    },
    FeatureWords {
        feature: "Promo_Responsive",
        stem: false,
        high: ("Campaign-Responsive", "Campaign Responders"),
        low: ("Campaign-Averse", "Campaign Skeptics"),
        high_action: "Put them first in campaign targeting.",
        low_action: "Spend less on campaigns for them; use service and range instead.",
    },
    FeatureWords {
        feature: "Product_Variety",
        stem: false,
        high: ("Broad-Basket", "Explorers"),
        low: ("Focused", "Specialists"),
        high_action: "Recommend new ranges across categories.",
        low_action: "Cross-sell one adjacent category at a time.",
    },
    FeatureWords {
        feature: "Web_Visits",
        stem: false,
        high: ("Browsing", "Browsers"),
        low: ("Rarely-Online", "Offline Regulars"),
        high_action: "Convert browsing with reminders and recommendations.",
        low_action: "Reach them outside the web shop.",
    },
    FeatureWords {
        feature: "score",
        stem: true,
        high: ("High-Scoring", "High Scorers"),
        low: ("Low-Scoring", "Low Scorers"),
        high_action: "Reward and retain: loyalty perks and early access to new ranges.",
        low_action: "Find out what holds them back (a short survey), then test one targeted offer.",
    },
    FeatureWords {
        feature: "income",
        stem: true,
        high: ("Affluent", "High Earners"),
        low: ("Budget", "Budget Shoppers"),
        high_action: "Lead with premium ranges and quality messaging; avoid heavy discounts.",
        low_action: "Lead with everyday value and essentials at sharp prices.",
    },
    FeatureWords {
        feature: "spend",
        stem: true,
        high: ("Big-Spending", "Big Spenders"),
        low: ("Light-Spending", "Light Spenders"),
        high_action: "Retain with premium service and early access; avoid heavy discounts.",
        low_action: "Serve at low cost and test one offer to lift spend.",
    },
];

/// Action for a composed name when the value index is known, by value tier (a segment worth
/// its share or more is never pointed at discounts).
pub fn tier_action(value_index: Option<f64>) -> &'static str {
    match value_index {
        Some(v) if v >= VALUABLE => {
            "Retain and grow with premium service and cross-sell; avoid heavy discounts."
        }
        Some(v) if v <= LOW_VALUE => {
            "Serve at low cost with automated communication, and test one offer to lift spend."
        }
        Some(v) if v >= 1.0 => {
            "Grow share of wallet with cross-sell of the categories they under-buy; avoid heavy discounts."
        }
        Some(_) => "Grow share of wallet with cross-sell of the categories they under-buy.",
        None => "Test messages and offers built around what sets them apart (their top traits).",
    }
}

/// The action the rules give a segment: the first matching rule's, else the tier's.
pub fn action_for(signals: &Signals) -> &'static str {
    RULES
        .iter()
        .find(|r| (r.applies)(signals))
        .map_or_else(|| tier_action(signals.value_index), |r| r.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_complete_and_names_are_unique() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        let mut keys: Vec<&str> = RULES.iter().map(|r| r.key).collect();
        names.sort_unstable();
        names.dedup();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(names.len(), RULES.len());
        assert_eq!(keys.len(), RULES.len());
        for r in RULES {
            assert!(!r.when.is_empty() && r.action.ends_with('.'), "{}", r.key);
        }
    }

    /// Offer words an action may only use inside "avoid heavy discounts" or "do not lead
    /// with discounts".
    fn recommends_discounts(action: &str) -> bool {
        let text = action
            .to_lowercase()
            .replace("avoid heavy discounts", "")
            .replace("do not lead with discounts", "");
        [
            "discount",
            "coupon",
            "deal",
            "voucher",
            "markdown",
            "% off",
            "value pack",
            "bundle",
            "free-shipping",
            "low price",
        ]
        .iter()
        .any(|w| text.contains(w))
    }

    #[test]
    fn segments_worth_their_share_are_never_pointed_at_discounts() {
        let zs = [None, Some(-1.0), Some(0.0), Some(0.6), Some(2.0)];
        let leads = [
            None,
            Some((Channel::Web, 2.0)),
            Some((Channel::Store, 2.0)),
            Some((Channel::Catalog, 2.0)),
        ];
        for value_index in [1.0, 1.05, 1.1, 1.3, 1.5, 3.0] {
            for deal_z in zs {
                for recency_z in zs {
                    for children_z in zs {
                        for promo_lift in [None, Some(0.5), Some(2.0)] {
                            for channel_lead in leads {
                                let s = Signals {
                                    segment: 0,
                                    customer_pct: 20.0,
                                    value_index: Some(value_index),
                                    deal_z,
                                    recency_z,
                                    children_z,
                                    income_z: None,
                                    age_z: None,
                                    promo_lift,
                                    channel_lead,
                                };
                                let action = action_for(&s);
                                assert!(!recommends_discounts(action), "{s:?}: {action}");
                            }
                        }
                    }
                }
            }
        }
        // The check itself sees deal-led actions.
        let deal = Signals {
            segment: 0,
            customer_pct: 20.0,
            value_index: Some(0.4),
            deal_z: Some(1.0),
            recency_z: None,
            children_z: None,
            income_z: None,
            age_z: None,
            promo_lift: None,
            channel_lead: None,
        };
        assert!(recommends_discounts(action_for(&deal)));
    }
}
