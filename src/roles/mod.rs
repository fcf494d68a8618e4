//! Column roles: what each column means to the business, detected from names and values,
//! editable by the user as TOML.

mod aliases;
mod dataset;
mod detect;
mod mapping;
mod order_names;

pub use aliases::channel_of_value;
pub use dataset::{
    DatasetDetection, DatasetKind, IdRepeats, REPEAT_SHARE, detect_dataset, detect_mapping,
    id_repeats,
};
pub use detect::{ColumnKind, DetectedColumn};
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
    // Roles of order lines (a transactions dataset, aggregated to customers before validation).
    /// The order, invoice or receipt a line belongs to (`C…` marks a cancellation).
    OrderId,
    /// When the order was placed (a date, or a date with a time).
    Timestamp,
    /// Units on the line (negative for a return).
    Quantity,
    /// Price of one unit.
    UnitPrice,
    /// Value of the whole line (quantity × unit price when the file has no such column).
    LineAmount,
    /// The product (stock code, SKU, item id).
    Product,
    /// The product's category or department.
    ProductCategory,
    /// The sales channel or store of the order.
    SalesChannel,
    /// The country of the order.
    Country,
    /// The line was discounted or on promotion (0/1).
    DiscountFlag,
    /// A per-customer output of the BG/NBD + Gamma-Gamma model fitted on the order lines
    /// (expected purchases, P(alive), expected order value, CLV): shown per segment, never
    /// segmented on. Set by the aggregation, not offered for mapping.
    ClvModel,
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
            Role::OrderId => "order_id".into(),
            Role::Timestamp => "timestamp".into(),
            Role::Quantity => "quantity".into(),
            Role::UnitPrice => "unit_price".into(),
            Role::LineAmount => "line_amount".into(),
            Role::Product => "product".into(),
            Role::ProductCategory => "product_category".into(),
            Role::SalesChannel => "channel".into(),
            Role::Country => "country".into(),
            Role::DiscountFlag => "discount_flag".into(),
            Role::ClvModel => "clv_model".into(),
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
            ("order_id", None) => Role::OrderId,
            ("timestamp" | "order_date", None) => Role::Timestamp,
            ("quantity", None) => Role::Quantity,
            ("unit_price", None) => Role::UnitPrice,
            ("line_amount", None) => Role::LineAmount,
            ("product", None) => Role::Product,
            ("product_category", None) => Role::ProductCategory,
            ("channel" | "store", None) => Role::SalesChannel,
            ("country", None) => Role::Country,
            ("discount_flag", None) => Role::DiscountFlag,
            ("clv_model", None) => Role::ClvModel,
            _ => return None,
        };
        Some(role)
    }

    /// The roles only order lines have (with the customer id, what a transactions table maps).
    pub const ORDER_LINE: [Role; 10] = [
        Role::OrderId,
        Role::Timestamp,
        Role::Quantity,
        Role::UnitPrice,
        Role::LineAmount,
        Role::Product,
        Role::ProductCategory,
        Role::SalesChannel,
        Role::Country,
        Role::DiscountFlag,
    ];

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
        .into_iter()
        .chain(Role::ORDER_LINE)
        .collect()
    }

    /// Whether the role belongs to order lines (a transactions dataset).
    pub fn is_order_line(&self) -> bool {
        Role::ORDER_LINE.contains(self)
    }

    /// Whether the role needs numeric values.
    pub fn is_numeric(&self) -> bool {
        !matches!(
            self,
            Role::CustomerId
                | Role::JoinDate
                | Role::Categorical
                | Role::Ignore
                | Role::OrderId
                | Role::Timestamp
                | Role::Product
                | Role::ProductCategory
                | Role::SalesChannel
                | Role::Country
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
