//! The five levers: their settings (serde, as in the scenario TOML) and the one place each
//! lever's name, one-line formula, setting and assumptions are defined.

use super::assumptions::AssumptionKey;
use super::columns::ANY_CAMPAIGN;
use serde::{Deserialize, Serialize};

/// A lever of the simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LeverKind {
    BudgetShift,
    DiscountDepth,
    Campaign,
    ChannelShift,
    Retention,
}

impl LeverKind {
    pub const ALL: [LeverKind; 5] = [
        LeverKind::BudgetShift,
        LeverKind::DiscountDepth,
        LeverKind::Campaign,
        LeverKind::ChannelShift,
        LeverKind::Retention,
    ];

    /// The lever's table in the scenario TOML (`[levers.KEY]`).
    pub fn key(self) -> &'static str {
        match self {
            LeverKind::BudgetShift => "budget_shift",
            LeverKind::DiscountDepth => "discount",
            LeverKind::Campaign => "campaign",
            LeverKind::ChannelShift => "channel",
            LeverKind::Retention => "retention",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LeverKind::BudgetShift => "Budget shift",
            LeverKind::DiscountDepth => "Discount depth",
            LeverKind::Campaign => "Campaign targeting",
            LeverKind::ChannelShift => "Channel shift",
            LeverKind::Retention => "Retention",
        }
    }

    /// The one-line formula (tooltip and README).
    pub fn formula(self) -> &'static str {
        match self {
            LeverKind::BudgetShift => {
                "lost = source revenue × loss × shift; gained = target revenue × uplift × shift; net = gained − lost"
            }
            LeverKind::DiscountDepth => {
                "elasticity = discount_elasticity × segment deal dependency ÷ mean deal dependency; extra revenue = revenue × elasticity × depth; cost = depth × (deal revenue + extra revenue)"
            }
            LeverKind::Campaign => {
                "contacts = reach × customers; responders = contacts × response rate; extra revenue = responders × responders' spend per purchase; cost = contacts × cost per contact"
            }
            LeverKind::ChannelShift => {
                "moved = share × store (and/or catalog) purchases; cost = moved × (web cost to serve − store or catalog cost to serve)"
            }
            LeverKind::Retention => {
                "extra revenue = horizon ÷ 2 years × reduction × Σ(Monetary × Recency) ÷ (max Recency + 1); CLV change = the same with the 3-year horizon; cost = customers × reduction ÷ recency cut per contact × horizon × cost per contact"
            }
        }
    }

    /// What the lever's main setting is, for sliders and goal seek.
    pub fn setting_label(self) -> &'static str {
        match self {
            LeverKind::BudgetShift => "shift",
            LeverKind::DiscountDepth => "depth",
            LeverKind::Campaign => "reach",
            LeverKind::ChannelShift => "share",
            LeverKind::Retention => "recency_reduction",
        }
    }

    /// The range of the main setting (inclusive), a fraction.
    pub fn setting_range(self) -> (f64, f64) {
        match self {
            LeverKind::DiscountDepth => (0.0, MAX_DISCOUNT_DEPTH),
            _ => (0.0, 1.0),
        }
    }

    /// The assumptions the lever's result depends on (margin for all).
    pub fn assumptions(self) -> &'static [AssumptionKey] {
        use AssumptionKey::*;
        match self {
            LeverKind::BudgetShift => &[Margin, Uplift, Loss],
            LeverKind::DiscountDepth => &[Margin, DiscountElasticity],
            LeverKind::Campaign => &[Margin, CostPerContact],
            LeverKind::ChannelShift => &[ServeCostWeb, ServeCostStore, ServeCostCatalog],
            LeverKind::Retention => &[Margin, CostPerContact, HorizonYears, RecencyCutPerContact],
        }
    }
}

/// The deepest extra discount a scenario may set (50 points).
pub const MAX_DISCOUNT_DEPTH: f64 = 0.5;

/// Where the budget shift's source and target come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShiftMode {
    /// From one segment to another.
    #[default]
    Segments,
    /// The reference's population mode: from customers with Deal_Dependency ≥ its median to
    /// customers with CLV_Proxy ≥ its median.
    Population,
}

/// Move a share of budget from a source to a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BudgetShift {
    pub mode: ShiftMode,
    /// Source segment number (1-based); default: the highest mean deal dependency.
    pub source: Option<u32>,
    /// Target segment number (1-based); default: the highest mean CLV proxy.
    pub target: Option<u32>,
    /// Share of budget moved, a fraction (0.15 = 15%).
    pub shift: f64,
}

impl Default for BudgetShift {
    fn default() -> Self {
        Self {
            mode: ShiftMode::Segments,
            source: None,
            target: None,
            shift: 0.15,
        }
    }
}

/// Deepen the discount for chosen segments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DiscountDepth {
    /// Segment numbers (1-based); empty means every segment.
    pub segments: Vec<u32>,
    /// Extra discount, a fraction of price (0.05 = 5 points deeper), 0 to 0.5.
    pub depth: f64,
}

impl Default for DiscountDepth {
    fn default() -> Self {
        Self {
            segments: Vec::new(),
            depth: 0.05,
        }
    }
}

/// Contact chosen segments with a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Campaign {
    /// Segment numbers (1-based); empty means every segment.
    pub segments: Vec<u32>,
    /// Share of each chosen segment's customers contacted, a fraction.
    pub reach: f64,
    /// The response column the rate comes from: `"any"` or a campaign column (`AcceptedCmp5`).
    pub response: String,
}

impl Default for Campaign {
    fn default() -> Self {
        Self {
            segments: Vec::new(),
            reach: 0.5,
            response: ANY_CAMPAIGN.into(),
        }
    }
}

/// Which purchases move to the web.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelSource {
    Store,
    Catalog,
    #[default]
    Both,
}

/// Move a share of store and/or catalog purchases to the web.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChannelShift {
    /// Segment numbers (1-based); empty means every segment.
    pub segments: Vec<u32>,
    /// Share of the source channel's purchases moved, a fraction.
    pub share: f64,
    pub from: ChannelSource,
}

impl Default for ChannelShift {
    fn default() -> Self {
        Self {
            segments: Vec::new(),
            share: 0.2,
            from: ChannelSource::Both,
        }
    }
}

/// Win customers back sooner: reduce recency (the CLV proxy's churn term).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Retention {
    /// Segment numbers (1-based); empty means every segment.
    pub segments: Vec<u32>,
    /// Share by which each customer's recency falls, a fraction.
    pub recency_reduction: f64,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            segments: Vec::new(),
            recency_reduction: 0.2,
        }
    }
}

/// The levers of a scenario; `None` is a lever left off.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LeverSettings {
    pub budget_shift: Option<BudgetShift>,
    pub discount: Option<DiscountDepth>,
    pub campaign: Option<Campaign>,
    pub channel: Option<ChannelShift>,
    pub retention: Option<Retention>,
}

impl LeverSettings {
    /// Whether a lever is on.
    pub fn is_on(&self, lever: LeverKind) -> bool {
        self.setting(lever).is_some()
    }

    /// A lever's main setting, when it is on.
    pub fn setting(&self, lever: LeverKind) -> Option<f64> {
        match lever {
            LeverKind::BudgetShift => self.budget_shift.as_ref().map(|l| l.shift),
            LeverKind::DiscountDepth => self.discount.as_ref().map(|l| l.depth),
            LeverKind::Campaign => self.campaign.as_ref().map(|l| l.reach),
            LeverKind::ChannelShift => self.channel.as_ref().map(|l| l.share),
            LeverKind::Retention => self.retention.as_ref().map(|l| l.recency_reduction),
        }
    }

    /// Set a lever's main setting, switching it on with its defaults if it was off.
    pub fn set_setting(&mut self, lever: LeverKind, value: f64) {
        match lever {
            LeverKind::BudgetShift => {
                self.budget_shift.get_or_insert_with(Default::default).shift = value
            }
            LeverKind::DiscountDepth => {
                self.discount.get_or_insert_with(Default::default).depth = value
            }
            LeverKind::Campaign => self.campaign.get_or_insert_with(Default::default).reach = value,
            LeverKind::ChannelShift => {
                self.channel.get_or_insert_with(Default::default).share = value
            }
            LeverKind::Retention => {
                self.retention
                    .get_or_insert_with(Default::default)
                    .recency_reduction = value
            }
        }
    }

    /// Switch a lever off.
    pub fn turn_off(&mut self, lever: LeverKind) {
        match lever {
            LeverKind::BudgetShift => self.budget_shift = None,
            LeverKind::DiscountDepth => self.discount = None,
            LeverKind::Campaign => self.campaign = None,
            LeverKind::ChannelShift => self.channel = None,
            LeverKind::Retention => self.retention = None,
        }
    }

    /// The segments a lever applies to (1-based numbers as written; empty = all).
    pub fn segments(&self, lever: LeverKind) -> Option<&[u32]> {
        match lever {
            LeverKind::BudgetShift => None,
            LeverKind::DiscountDepth => self.discount.as_ref().map(|l| l.segments.as_slice()),
            LeverKind::Campaign => self.campaign.as_ref().map(|l| l.segments.as_slice()),
            LeverKind::ChannelShift => self.channel.as_ref().map(|l| l.segments.as_slice()),
            LeverKind::Retention => self.retention.as_ref().map(|l| l.segments.as_slice()),
        }
    }
}

/// Which of `k` segments a list of 1-based numbers chooses (empty: all). Numbers out of range
/// are ignored here; [`super::scenario::Scenario::check`] reports them.
pub fn chosen(numbers: &[u32], k: usize) -> Vec<bool> {
    if numbers.is_empty() {
        return vec![true; k];
    }
    (0..k)
        .map(|s| numbers.iter().any(|&n| n as usize == s + 1))
        .collect()
}
