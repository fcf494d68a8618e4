//! The assumptions levers rest on (margin, cost per contact, cost to serve per channel,
//! horizon, response rates), each defined once with its key, label, unit, default and meaning.

use serde::{Deserialize, Serialize};

/// Every assumption of a scenario; all editable, all with a documented default.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assumptions {
    /// Gross margin on revenue, a fraction (0.30 = 30%).
    pub margin: f64,
    /// Cost of one contact (the demo data's constant `Z_CostContact` is 3).
    pub cost_per_contact: f64,
    /// Cost to serve one web purchase.
    pub serve_cost_web: f64,
    /// Cost to serve one store purchase.
    pub serve_cost_store: f64,
    /// Cost to serve one catalog purchase.
    pub serve_cost_catalog: f64,
    /// Years over which retention revenue is counted.
    pub horizon_years: f64,
    /// Budget shift: revenue gained per unit of shift on the target (the reference's 5%).
    pub uplift: f64,
    /// Budget shift: revenue lost per unit of shift on the source (the reference's 2%).
    pub loss: f64,
    /// Discount depth: revenue response of an average-deal-dependency customer per unit of
    /// extra discount (1.5: 10 points deeper lift spend 15%).
    pub discount_elasticity: f64,
    /// Retention: how much one contact per customer per year cuts recency, a fraction.
    pub recency_cut_per_contact: f64,
}

impl Default for Assumptions {
    fn default() -> Self {
        let mut a = Self {
            margin: 0.0,
            cost_per_contact: 0.0,
            serve_cost_web: 0.0,
            serve_cost_store: 0.0,
            serve_cost_catalog: 0.0,
            horizon_years: 0.0,
            uplift: 0.0,
            loss: 0.0,
            discount_elasticity: 0.0,
            recency_cut_per_contact: 0.0,
        };
        for key in AssumptionKey::ALL {
            key.set(&mut a, key.default_value());
        }
        a
    }
}

/// One assumption: the single place its name, unit, default and meaning are defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AssumptionKey {
    Margin,
    CostPerContact,
    ServeCostWeb,
    ServeCostStore,
    ServeCostCatalog,
    HorizonYears,
    Uplift,
    Loss,
    DiscountElasticity,
    RecencyCutPerContact,
}

/// How an assumption's value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    /// A fraction shown as a percentage.
    Fraction,
    /// Money per contact or per purchase.
    Money,
    Years,
    /// A plain multiplier.
    Factor,
}

impl AssumptionKey {
    pub const ALL: [AssumptionKey; 10] = [
        AssumptionKey::Margin,
        AssumptionKey::CostPerContact,
        AssumptionKey::ServeCostWeb,
        AssumptionKey::ServeCostStore,
        AssumptionKey::ServeCostCatalog,
        AssumptionKey::HorizonYears,
        AssumptionKey::Uplift,
        AssumptionKey::Loss,
        AssumptionKey::DiscountElasticity,
        AssumptionKey::RecencyCutPerContact,
    ];

    /// The key in the scenario TOML's `[assumptions]` table.
    pub fn key(self) -> &'static str {
        match self {
            AssumptionKey::Margin => "margin",
            AssumptionKey::CostPerContact => "cost_per_contact",
            AssumptionKey::ServeCostWeb => "serve_cost_web",
            AssumptionKey::ServeCostStore => "serve_cost_store",
            AssumptionKey::ServeCostCatalog => "serve_cost_catalog",
            AssumptionKey::HorizonYears => "horizon_years",
            AssumptionKey::Uplift => "uplift",
            AssumptionKey::Loss => "loss",
            AssumptionKey::DiscountElasticity => "discount_elasticity",
            AssumptionKey::RecencyCutPerContact => "recency_cut_per_contact",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AssumptionKey::Margin => "Margin",
            AssumptionKey::CostPerContact => "Cost per contact",
            AssumptionKey::ServeCostWeb => "Cost to serve, web purchase",
            AssumptionKey::ServeCostStore => "Cost to serve, store purchase",
            AssumptionKey::ServeCostCatalog => "Cost to serve, catalog purchase",
            AssumptionKey::HorizonYears => "Retention horizon",
            AssumptionKey::Uplift => "Budget shift uplift",
            AssumptionKey::Loss => "Budget shift loss",
            AssumptionKey::DiscountElasticity => "Discount elasticity",
            AssumptionKey::RecencyCutPerContact => "Recency cut per contact",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            AssumptionKey::Margin
            | AssumptionKey::Uplift
            | AssumptionKey::Loss
            | AssumptionKey::RecencyCutPerContact => Unit::Fraction,
            AssumptionKey::CostPerContact
            | AssumptionKey::ServeCostWeb
            | AssumptionKey::ServeCostStore
            | AssumptionKey::ServeCostCatalog => Unit::Money,
            AssumptionKey::HorizonYears => Unit::Years,
            AssumptionKey::DiscountElasticity => Unit::Factor,
        }
    }

    pub fn default_value(self) -> f64 {
        match self {
            AssumptionKey::Margin => 0.30,
            AssumptionKey::CostPerContact => 3.0,
            AssumptionKey::ServeCostWeb => 1.0,
            AssumptionKey::ServeCostStore => 3.0,
            AssumptionKey::ServeCostCatalog => 2.0,
            AssumptionKey::HorizonYears => 1.0,
            AssumptionKey::Uplift => 0.05,
            AssumptionKey::Loss => 0.02,
            AssumptionKey::DiscountElasticity => 1.5,
            AssumptionKey::RecencyCutPerContact => 0.10,
        }
    }

    /// The values it may take (inclusive).
    pub fn range(self) -> (f64, f64) {
        match self {
            AssumptionKey::Margin | AssumptionKey::Uplift | AssumptionKey::Loss => (0.0, 1.0),
            AssumptionKey::CostPerContact
            | AssumptionKey::ServeCostWeb
            | AssumptionKey::ServeCostStore
            | AssumptionKey::ServeCostCatalog => (0.0, 1e9),
            AssumptionKey::HorizonYears => (0.0, 50.0),
            AssumptionKey::DiscountElasticity => (0.0, 20.0),
            AssumptionKey::RecencyCutPerContact => (0.001, 1.0),
        }
    }

    /// What it means, for tooltips and the README.
    pub fn description(self) -> &'static str {
        match self {
            AssumptionKey::Margin => "gross margin on revenue (0.30 = 30%)",
            AssumptionKey::CostPerContact => {
                "cost of contacting one customer once (the demo's Z_CostContact is 3)"
            }
            AssumptionKey::ServeCostWeb => "cost to serve one web purchase",
            AssumptionKey::ServeCostStore => "cost to serve one store purchase",
            AssumptionKey::ServeCostCatalog => "cost to serve one catalog purchase",
            AssumptionKey::HorizonYears => "years over which retention revenue is counted",
            AssumptionKey::Uplift => "budget shift: target revenue gained per unit of shift",
            AssumptionKey::Loss => "budget shift: source revenue lost per unit of shift",
            AssumptionKey::DiscountElasticity => {
                "spend response per unit of extra discount for a customer of average deal dependency"
            }
            AssumptionKey::RecencyCutPerContact => {
                "retention: recency cut by one contact per customer per year (0.10 = 10%)"
            }
        }
    }

    pub fn get(self, a: &Assumptions) -> f64 {
        match self {
            AssumptionKey::Margin => a.margin,
            AssumptionKey::CostPerContact => a.cost_per_contact,
            AssumptionKey::ServeCostWeb => a.serve_cost_web,
            AssumptionKey::ServeCostStore => a.serve_cost_store,
            AssumptionKey::ServeCostCatalog => a.serve_cost_catalog,
            AssumptionKey::HorizonYears => a.horizon_years,
            AssumptionKey::Uplift => a.uplift,
            AssumptionKey::Loss => a.loss,
            AssumptionKey::DiscountElasticity => a.discount_elasticity,
            AssumptionKey::RecencyCutPerContact => a.recency_cut_per_contact,
        }
    }

    pub fn set(self, a: &mut Assumptions, value: f64) {
        let slot = match self {
            AssumptionKey::Margin => &mut a.margin,
            AssumptionKey::CostPerContact => &mut a.cost_per_contact,
            AssumptionKey::ServeCostWeb => &mut a.serve_cost_web,
            AssumptionKey::ServeCostStore => &mut a.serve_cost_store,
            AssumptionKey::ServeCostCatalog => &mut a.serve_cost_catalog,
            AssumptionKey::HorizonYears => &mut a.horizon_years,
            AssumptionKey::Uplift => &mut a.uplift,
            AssumptionKey::Loss => &mut a.loss,
            AssumptionKey::DiscountElasticity => &mut a.discount_elasticity,
            AssumptionKey::RecencyCutPerContact => &mut a.recency_cut_per_contact,
        };
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documented_ones_and_in_range() {
        let a = Assumptions::default();
        assert_eq!(a.uplift, 0.05);
        assert_eq!(a.loss, 0.02);
        assert_eq!(a.cost_per_contact, 3.0);
        for key in AssumptionKey::ALL {
            let (lo, hi) = key.range();
            assert!((lo..=hi).contains(&key.get(&a)), "{}", key.key());
        }
    }
}
