//! Column roles: what each column means to the business, detected from names and values,
//! editable by the user as TOML.

mod aliases;
mod detect;
mod mapping;

pub use detect::{ColumnKind, DetectedColumn, detect_mapping};
pub use mapping::{ColumnMapping, MappingError};

use serde::{Deserialize, Serialize};
use std::fmt;

/// A purchase channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Channel {
    Web,
    Store,
    Catalog,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Web,
        Channel::Store,
        Channel::Catalog,
        Channel::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Store => "store",
            Channel::Catalog => "catalog",
            Channel::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::Web => "Web",
            Channel::Store => "Store",
            Channel::Catalog => "Catalog",
            Channel::Other => "Other",
        }
    }

    fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.key() == s)
    }
}

/// What a column means.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    CustomerId,
    BirthYear,
    Age,
    Income,
    /// Children or teenagers in the household; several columns add up.
    Children,
    JoinDate,
    /// Days since the last purchase.
    Recency,
    /// Spend in one product category (the category's display name).
    Spend(String),
    /// Purchase count in one channel.
    Purchases(Channel),
    /// Purchases made with a deal or discount.
    DealPurchases,
    /// Accepted a campaign (0/1); several columns allowed.
    Campaign,
    /// Web visits (e.g. per month).
    WebVisits,
    /// Complained (0/1) or complaint count.
    Complaints,
    /// A categorical attribute (education, marital status, region, gender…).
    Categorical,
    /// Any other number worth segmenting on (e.g. a spending score).
    Measure,
    /// A 0/1 flag not otherwise known.
    Flag,
    /// Not used.
    Ignore,
}

impl Role {
    /// The TOML spelling: `customer_id`, `spend:wines`, `purchases:web`…
    pub fn key(&self) -> String {
        match self {
            Role::CustomerId => "customer_id".into(),
            Role::BirthYear => "birth_year".into(),
            Role::Age => "age".into(),
            Role::Income => "income".into(),
            Role::Children => "children".into(),
            Role::JoinDate => "join_date".into(),
            Role::Recency => "recency".into(),
            Role::Spend(cat) => format!("spend:{cat}"),
            Role::Purchases(ch) => format!("purchases:{}", ch.key()),
            Role::DealPurchases => "deal_purchases".into(),
            Role::Campaign => "campaign".into(),
            Role::WebVisits => "web_visits".into(),
            Role::Complaints => "complaints".into(),
            Role::Categorical => "categorical".into(),
            Role::Measure => "measure".into(),
            Role::Flag => "flag".into(),
            Role::Ignore => "ignore".into(),
        }
    }

    /// Parse the TOML spelling (case-insensitive on the role, category kept as written).
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim();
        let (head, tail) = match s.split_once(':') {
            Some((h, t)) => (h.trim().to_ascii_lowercase(), Some(t.trim())),
            None => (s.to_ascii_lowercase(), None),
        };
        let role = match (head.as_str(), tail) {
            ("customer_id", None) => Role::CustomerId,
            ("birth_year", None) => Role::BirthYear,
            ("age", None) => Role::Age,
            ("income", None) => Role::Income,
            ("children", None) => Role::Children,
            ("join_date", None) => Role::JoinDate,
            ("recency", None) => Role::Recency,
            ("spend", Some(cat)) if !cat.is_empty() => Role::Spend(cat.to_string()),
            ("spend", None) => Role::Spend("Total".into()),
            ("purchases", Some(ch)) => Role::Purchases(Channel::parse(&ch.to_ascii_lowercase())?),
            ("deal_purchases", None) => Role::DealPurchases,
            ("campaign", None) => Role::Campaign,
            ("web_visits", None) => Role::WebVisits,
            ("complaints", None) => Role::Complaints,
            ("categorical", None) => Role::Categorical,
            ("measure", None) => Role::Measure,
            ("flag", None) => Role::Flag,
            ("ignore", None) => Role::Ignore,
            _ => return None,
        };
        Some(role)
    }

    /// Every role spelling, for help texts and combo boxes (spend shown with a placeholder).
    pub fn catalogue() -> Vec<Role> {
        vec![
            Role::CustomerId,
            Role::BirthYear,
            Role::Age,
            Role::Income,
            Role::Children,
            Role::JoinDate,
            Role::Recency,
            Role::Spend("Category".into()),
            Role::Purchases(Channel::Web),
            Role::Purchases(Channel::Store),
            Role::Purchases(Channel::Catalog),
            Role::Purchases(Channel::Other),
            Role::DealPurchases,
            Role::Campaign,
            Role::WebVisits,
            Role::Complaints,
            Role::Categorical,
            Role::Measure,
            Role::Flag,
            Role::Ignore,
        ]
    }

    /// Whether the role needs numeric values.
    pub fn is_numeric(&self) -> bool {
        !matches!(
            self,
            Role::CustomerId | Role::JoinDate | Role::Categorical | Role::Ignore
        )
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_round_trip() {
        for r in Role::catalogue() {
            assert_eq!(Role::parse(&r.key()), Some(r.clone()), "{r}");
        }
        assert_eq!(
            Role::parse("Spend:Wines"),
            Some(Role::Spend("Wines".into()))
        );
        assert_eq!(Role::parse("purchases:phone"), None);
        assert_eq!(Role::parse("nonsense"), None);
    }
}
