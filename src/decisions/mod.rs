//! Decisions: the 3–5 key decisions the data supports, each a sentence with its figures, for
//! the Overview's decision banner and the report's executive summary. The stage after personas:
//! computed on demand from the insights and the personas' display names, so a rename shows at
//! once. Each rule is one function in [`rules`]; they are tried in order.

mod rules;

use crate::insights::Insights;
use crate::personas::Persona;
use serde::{Deserialize, Serialize};

/// Decisions at most.
pub const MAX_DECISIONS: usize = 5;
/// Decisions at least (when the segmentation has that many segments to speak of).
pub const MIN_DECISIONS: usize = 3;

/// What a decision is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionKind {
    ProtectValue,
    ReduceDiscountRisk,
    WinBack,
    TargetCampaigns,
    ChannelFocus,
    ServeAtLowCost,
    FocusSegment,
}

/// One figure quoted in a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: f64,
    /// "%", "×", "days" or "" for amounts and counts.
    pub unit: String,
}

/// One decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub kind: DecisionKind,
    /// The segment it is about, when one.
    pub segment: Option<usize>,
    pub text: String,
    pub figures: Vec<Figure>,
}

/// The decisions from insights and personas: the rules in order, at most
/// [`MAX_DECISIONS`], topped up to [`MIN_DECISIONS`] with what sets the largest segments apart.
pub fn decisions_for(insights: &Insights, personas: &[Persona]) -> Vec<Decision> {
    let mut out: Vec<Decision> = rules::RULES
        .iter()
        .filter_map(|rule| rule(insights, personas))
        .collect();
    out.truncate(MAX_DECISIONS);
    rules::top_up(&mut out, personas);
    out
}
