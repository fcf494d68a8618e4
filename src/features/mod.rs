//! Features: the reference customer features (RFM, ratios, deal dependency, CLV proxy…)
//! computed from whichever roles the mapping has, plus generic measures and optional one-hot.

mod families;
mod reference;

pub use families::{FamilyStatus, InsightFamily, family_status};
pub use reference::build_features;
pub use reference::{CLV_HORIZON_YEARS, SPEND_WINDOW_YEARS};

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

/// Well-known feature names, so insights refer to them without typos.
pub mod names {
    pub const INCOME: &str = "Income";
    pub const AGE: &str = "Age";
    pub const BIRTH_YEAR: &str = "Birth_Year";
    pub const TOTAL_CHILDREN: &str = "Total_Children";
    pub const RECENCY: &str = "Recency";
    pub const FREQUENCY: &str = "Frequency";
    pub const MONETARY: &str = "Monetary";
    pub const AVG_SPEND: &str = "Avg_Spend_Per_Purchase";
    pub const TENURE: &str = "Tenure_Days";
    pub const WEB_RATIO: &str = "Web_Ratio";
    pub const STORE_RATIO: &str = "Store_Ratio";
    pub const CATALOG_RATIO: &str = "Catalog_Ratio";
    pub const OTHER_RATIO: &str = "Other_Ratio";
    pub const PROMO_RESPONSIVE: &str = "Promo_Responsive";
    pub const DEAL_DEPENDENCY: &str = "Deal_Dependency";
    pub const PRODUCT_VARIETY: &str = "Product_Variety";
    pub const TOTAL_SPEND: &str = "Total_Spend";
    pub const DISCOUNT_ADDICTED: &str = "Discount_Addicted";
    pub const CLV_PROXY: &str = "CLV_Proxy";
    pub const WEB_VISITS: &str = "Web_Visits";
    pub const COMPLAINTS: &str = "Complaints";
    pub const CAMPAIGNS_ACCEPTED: &str = "Campaigns_Accepted";
    /// Prefix of per-category spend features (`Spend_Wines`).
    pub const SPEND_PREFIX: &str = "Spend_";
    /// Prefix of per-campaign acceptance features (`Campaign_AcceptedCmp1`).
    pub const CAMPAIGN_PREFIX: &str = "Campaign_";
}

/// A categorical attribute of every customer (for profiling, not distance).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryColumn {
    pub name: String,
    pub codes: Vec<u32>,
    pub levels: Vec<String>,
}
