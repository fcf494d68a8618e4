//! Features: the reference customer features (RFM, ratios, deal dependency, CLV proxy…)
//! computed from whichever roles the mapping has, plus generic measures and optional one-hot.
//! Each is defined once, in the [`catalog`].

pub mod catalog;
mod families;
mod reference;

pub use catalog::{Unit, feature_label};
pub use families::{FamilyStatus, InsightFamily, family_status};
pub use reference::{CLV_HORIZON_YEARS, SPEND_WINDOW_YEARS, build_features};

use serde::{Deserialize, Serialize};

/// How a feature's values behave (drives outlier capping and display).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeatureKind {
    /// Money, days, counts with a long tail.
    Continuous,
    /// A share between 0 and 1.
    Ratio,
    /// 0 or 1.
    Flag,
    /// 0 or 1 from one-hot encoding of a category.
    OneHot,
}

/// One customer feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feature {
    pub name: String,
    pub kind: FeatureKind,
    pub values: Vec<f64>,
    /// In the default segmentation set.
    pub default_in_segmentation: bool,
    /// How it is computed, for the README and tooltips.
    pub description: String,
}

/// All features of all customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureTable {
    pub features: Vec<Feature>,
}

impl FeatureTable {
    /// A feature's values by name.
    pub fn get(&self, name: &str) -> Option<&[f64]> {
        self.features
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.values.as_slice())
    }

    /// Feature names in order.
    pub fn names(&self) -> Vec<&str> {
        self.features.iter().map(|f| f.name.as_str()).collect()
    }

    /// Number of customers.
    pub fn customers(&self) -> usize {
        self.features.first().map_or(0, |f| f.values.len())
    }
}

/// Well-known feature names, so insights refer to them without typos (each is its
/// [`catalog`] entry's name).
pub mod names {
    use super::catalog as c;

    pub const INCOME: &str = c::INCOME.name;
    pub const AGE: &str = c::AGE.name;
    pub const BIRTH_YEAR: &str = c::BIRTH_YEAR.name;
    pub const TOTAL_CHILDREN: &str = c::TOTAL_CHILDREN.name;
    pub const RECENCY: &str = c::RECENCY.name;
    pub const FREQUENCY: &str = c::FREQUENCY.name;
    pub const MONETARY: &str = c::MONETARY.name;
    pub const AVG_SPEND: &str = c::AVG_SPEND.name;
    pub const TENURE: &str = c::TENURE.name;
    pub const WEB_RATIO: &str = c::WEB_RATIO.name;
    pub const STORE_RATIO: &str = c::STORE_RATIO.name;
    pub const CATALOG_RATIO: &str = c::CATALOG_RATIO.name;
    pub const OTHER_RATIO: &str = c::OTHER_RATIO.name;
    pub const PROMO_RESPONSIVE: &str = c::PROMO_RESPONSIVE.name;
    pub const DEAL_DEPENDENCY: &str = c::DEAL_DEPENDENCY.name;
    pub const PRODUCT_VARIETY: &str = c::PRODUCT_VARIETY.name;
    pub const TOTAL_SPEND: &str = c::TOTAL_SPEND.name;
    pub const DISCOUNT_ADDICTED: &str = c::DISCOUNT_ADDICTED.name;
    pub const CLV_PROXY: &str = c::CLV_PROXY.name;
    pub const WEB_VISITS: &str = c::WEB_VISITS.name;
    pub const COMPLAINTS: &str = c::COMPLAINTS.name;
    pub const CAMPAIGNS_ACCEPTED: &str = c::CAMPAIGNS_ACCEPTED.name;
    pub(crate) use c::{CAMPAIGN_PREFIX, SPEND_PREFIX};
}

/// A categorical attribute of every customer (for profiling, not distance).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryColumn {
    pub name: String,
    pub codes: Vec<u32>,
    pub levels: Vec<String>,
}
