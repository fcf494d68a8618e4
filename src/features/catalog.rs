//! The feature catalog: every feature's name, label, unit, kind, default use and description
//! in one table, read by feature building, the GUI, the CLI and the README. Adding a feature is
//! one entry here plus its computation in the family function of [`super::reference`].

use super::FeatureKind;
use crate::format::{Percent, number, percent, signed, thousands};

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
            Unit::Share | Unit::Flag => format!("{} pp", signed(100.0 * difference, 1)),
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

    /// A value in this unit, as shown on screen.
    pub fn show(self, value: f64) -> String {
        match self {
            Unit::Share | Unit::Flag => percent(100.0 * value, Percent::OneDecimal),
            Unit::Money | Unit::Plain => number(value, 1_000.0),
            Unit::Days | Unit::Years | Unit::Count => {
                if value.abs() >= 100.0 {
                    thousands(value)
                } else {
                    format!("{value:.1}")
                }
            }
        }
    }
}

/// One feature of the catalog.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FeatureSpec {
    /// The feature's name in data, configs and sessions (`Avg_Spend_Per_Purchase`).
    pub name: &'static str,
    /// Its name for people ("Spend per purchase").
    pub label: &'static str,
    pub unit: Unit,
    /// How its values behave (outlier capping, and shares shown as %).
    pub kind: FeatureKind,
    /// In the default segmentation set.
    pub default_in_segmentation: bool,
    /// How this run computes it, in a few words (tooltips, stored with the feature).
    pub description: &'static str,
    /// The formula as the README documents it.
    pub formula: &'static str,
}

const fn spec(
    name: &'static str,
    label: &'static str,
    unit: Unit,
    kind: FeatureKind,
    default_in_segmentation: bool,
    description: &'static str,
    formula: &'static str,
) -> FeatureSpec {
    FeatureSpec {
        name,
        label,
        unit,
        kind,
        default_in_segmentation,
        description,
        formula,
    }
}

use FeatureKind::{Continuous, Flag, Ratio};

pub(crate) const INCOME: FeatureSpec = spec(
    "Income",
    "Income",
    Unit::Money,
    Continuous,
    true,
    "household income",
    "income, missing values imputed with the median",
);
const AGE_FORMULA: &str = "latest join year − birth year (or the age column); under 18 or over 100 is implausible and handled";
/// Age from an age column.
pub(crate) const AGE: FeatureSpec = spec(
    "Age",
    "Age",
    Unit::Years,
    Continuous,
    true,
    "age in years",
    AGE_FORMULA,
);
/// Age computed from a birth year (the same feature as [`AGE`]).
pub(crate) const AGE_FROM_BIRTH_YEAR: FeatureSpec = FeatureSpec {
    description: "reference year (latest join date) − birth year",
    ..AGE
};
pub(crate) const BIRTH_YEAR: FeatureSpec = spec(
    "Birth_Year",
    "Birth year",
    Unit::Plain,
    Continuous,
    true,
    "birth year (no join date to age from)",
    "the birth year, when no join date gives a year to compute an age from",
);
pub(crate) const TOTAL_CHILDREN: FeatureSpec = spec(
    "Total_Children",
    "Children at home",
    Unit::Count,
    Continuous,
    true,
    "children + teenagers at home",
    "sum of the children columns",
);
pub(crate) const RECENCY: FeatureSpec = spec(
    "Recency",
    "Days since last purchase",
    Unit::Days,
    Continuous,
    true,
    "days since the last purchase",
    "days since the last purchase",
);
pub(crate) const FREQUENCY: FeatureSpec = spec(
    "Frequency",
    "Purchases",
    Unit::Count,
    Continuous,
    true,
    "total purchases over all channels",
    "total purchases over all channels",
);
pub(crate) const MONETARY: FeatureSpec = spec(
    "Monetary",
    "Total spend",
    Unit::Money,
    Continuous,
    true,
    "total spend over all categories",
    "total spend over all categories",
);
pub(crate) const AVG_SPEND: FeatureSpec = spec(
    "Avg_Spend_Per_Purchase",
    "Spend per purchase",
    Unit::Money,
    Continuous,
    true,
    "Monetary ÷ Frequency (0 without purchases)",
    "Monetary ÷ Frequency (0 when no purchase)",
);
pub(crate) const TENURE: FeatureSpec = spec(
    "Tenure_Days",
    "Tenure",
    Unit::Days,
    Continuous,
    true,
    "days from joining to the latest join date in the data",
    "latest join date in the data − the customer's join date",
);
pub(crate) const WEB_RATIO: FeatureSpec = spec(
    "Web_Ratio",
    "Web share of purchases",
    Unit::Share,
    Ratio,
    true,
    "Web purchases ÷ Frequency",
    "web purchases ÷ Frequency (with two or more channels mapped)",
);
pub(crate) const STORE_RATIO: FeatureSpec = spec(
    "Store_Ratio",
    "Store share of purchases",
    Unit::Share,
    Ratio,
    false,
    "Store purchases ÷ Frequency",
    "store purchases ÷ Frequency (with two or more channels mapped)",
);
pub(crate) const CATALOG_RATIO: FeatureSpec = spec(
    "Catalog_Ratio",
    "Catalog share of purchases",
    Unit::Share,
    Ratio,
    true,
    "Catalog purchases ÷ Frequency",
    "catalog purchases ÷ Frequency (with two or more channels mapped)",
);
pub(crate) const OTHER_RATIO: FeatureSpec = spec(
    "Other_Ratio",
    "Other-channel share",
    Unit::Share,
    Ratio,
    false,
    "Other purchases ÷ Frequency",
    "other purchases ÷ Frequency (with two or more channels mapped)",
);
pub(crate) const PROMO_RESPONSIVE: FeatureSpec = spec(
    "Promo_Responsive",
    "Promo response",
    Unit::Flag,
    Flag,
    true,
    "accepted at least one campaign",
    "1 when the customer accepted any campaign",
);
pub(crate) const CAMPAIGNS_ACCEPTED: FeatureSpec = spec(
    "Campaigns_Accepted",
    "Campaigns accepted",
    Unit::Count,
    Continuous,
    false,
    "number of campaigns accepted",
    "number of campaigns accepted",
);
pub(crate) const DEAL_DEPENDENCY: FeatureSpec = spec(
    "Deal_Dependency",
    "Deal dependency",
    Unit::Share,
    Ratio,
    true,
    "deal purchases ÷ Frequency, capped at 1",
    "deal purchases ÷ Frequency",
);
pub(crate) const PRODUCT_VARIETY: FeatureSpec = spec(
    "Product_Variety",
    "Product variety",
    Unit::Count,
    Continuous,
    true,
    "product categories with spend > 0",
    "number of categories with spend > 0",
);
pub(crate) const TOTAL_SPEND: FeatureSpec = spec(
    "Total_Spend",
    "Total spend",
    Unit::Money,
    Continuous,
    false,
    "same as Monetary, kept for reports",
    "same as Monetary, kept for reports",
);
pub(crate) const DISCOUNT_ADDICTED: FeatureSpec = spec(
    "Discount_Addicted",
    "Discount addiction",
    Unit::Flag,
    Flag,
    false,
    "Deal_Dependency > 0.5 and Avg_Spend_Per_Purchase below its median",
    "1 when Deal_Dependency > 0.5 and Avg_Spend_Per_Purchase is below its median",
);
const CLV_FORMULA: &str = "Monetary ÷ 2 years × 3-year horizon × (1 − Recency ÷ (max Recency + 1))";
pub(crate) const CLV_PROXY: FeatureSpec = spec(
    "CLV_Proxy",
    "Customer lifetime value (proxy)",
    Unit::Money,
    Continuous,
    false,
    CLV_FORMULA,
    CLV_FORMULA,
);
pub(crate) const WEB_VISITS: FeatureSpec = spec(
    "Web_Visits",
    "Web visits",
    Unit::Count,
    Continuous,
    false,
    "web visits (as given)",
    "the web visits column, as given",
);
pub(crate) const COMPLAINTS: FeatureSpec = spec(
    "Complaints",
    "Complaints",
    Unit::Count,
    Continuous,
    false,
    "complaints (as given)",
    "the complaints column, as given",
);

/// Prefix of per-category spend features (`Spend_Wines`).
pub(crate) const SPEND_PREFIX: &str = "Spend_";
/// Prefix of per-campaign acceptance features (`Campaign_AcceptedCmp1`).
pub(crate) const CAMPAIGN_PREFIX: &str = "Campaign_";
/// Description of a `measure` column's feature.
pub(crate) const MEASURE_DESCRIPTION: &str = "a measure from the data, used as given";
/// Description of the per-customer outputs of the BG/NBD + Gamma-Gamma model.
pub(crate) const CLV_MODEL_DESCRIPTION: &str = "fitted by the BG/NBD and Gamma-Gamma models on the order lines (README, \"Transactions\"); shown per segment, not segmented on by default";
/// Description of a `flag` column's feature.
pub(crate) const FLAG_DESCRIPTION: &str = "a 0/1 flag from the data";

/// Every feature with a fixed name, in the order features are built ([`AGE_FROM_BIRTH_YEAR`]
/// is [`AGE`] computed another way).
pub(crate) const CATALOG: [FeatureSpec; 22] = [
    INCOME,
    AGE,
    BIRTH_YEAR,
    TOTAL_CHILDREN,
    RECENCY,
    FREQUENCY,
    MONETARY,
    AVG_SPEND,
    TENURE,
    WEB_RATIO,
    STORE_RATIO,
    CATALOG_RATIO,
    OTHER_RATIO,
    PROMO_RESPONSIVE,
    CAMPAIGNS_ACCEPTED,
    DEAL_DEPENDENCY,
    PRODUCT_VARIETY,
    TOTAL_SPEND,
    DISCOUNT_ADDICTED,
    CLV_PROXY,
    WEB_VISITS,
    COMPLAINTS,
];

/// The catalog entry of a fixed-name feature.
pub(crate) fn spec_of(name: &str) -> Option<&'static FeatureSpec> {
    CATALOG.iter().find(|s| s.name == name)
}

/// The display name and unit of any feature: the catalog's, or built from the feature
/// families whose names carry a column or level (`Spend_Wines`, `Education=PhD`).
pub fn feature_label(name: &str) -> (String, Unit) {
    if let Some(spec) = spec_of(name) {
        return (spec.label.to_string(), spec.unit);
    }
    if let Some(category) = name.strip_prefix(SPEND_PREFIX) {
        return (format!("Spend on {category}"), Unit::Money);
    }
    if let Some(campaign) = name.strip_prefix(CAMPAIGN_PREFIX) {
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

/// The README's "Features and formulas" table: one row per fixed-name feature (a test keeps
/// the README equal to it).
#[cfg(test)]
fn formula_table() -> String {
    let mut out = String::from("| Feature | Formula |\n|---|---|\n");
    for spec in &CATALOG {
        out.push_str(&format!("| {} | {} |\n", spec.name, spec.formula));
    }
    out
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

    #[test]
    fn every_fixed_name_has_one_entry() {
        let mut names: Vec<&str> = CATALOG.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CATALOG.len());
        assert_eq!(spec_of("Age"), Some(&AGE));
        assert_eq!(AGE_FROM_BIRTH_YEAR.name, AGE.name);
    }

    #[test]
    fn the_readme_documents_every_feature() {
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&formula_table()),
            "README.md's feature table is not the catalog's; paste features::catalog::formula_table():\n{}",
            formula_table()
        );
    }
}
