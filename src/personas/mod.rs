//! Personas: evidence-backed portraits of segments, synthesized from each segment's profile
//! (never from its index) with the rule table in [`rules`], plus the user's edits.

mod edits;
mod names;
pub mod rules;
mod signals;
mod synthesis;
mod thresholds;
mod traits;

#[cfg(test)]
pub(crate) use edits::test_persona;
pub use edits::{PersonaEdit, PersonaEditError, apply_persona_edit};
pub use signals::Signals;
pub use synthesis::{CarriedPersona, SMALL_SEGMENT_PCT, UNSTABLE_ARI, synthesize_personas};

use crate::insights::DistinguishingFeature;
use serde::{Deserialize, Serialize};

/// The figures behind a persona.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaEvidence {
    pub customers: usize,
    /// % of all customers.
    pub share_pct: f64,
    /// % of all revenue, when spend is mapped.
    pub revenue_pct: Option<f64>,
    /// revenue % ÷ customer %.
    pub value_index: Option<f64>,
    /// Mean spend ÷ the population's mean spend.
    pub spend_lift: Option<f64>,
    /// Campaign response rate ÷ the population's.
    pub promo_lift: Option<f64>,
    /// Mean deal dependency × 100.
    pub deal_dependency_pct: Option<f64>,
    /// Discount-addicted customers, % of the segment.
    pub discount_addicted_pct: Option<f64>,
    /// The segment's most distinguishing features.
    pub distinguishing: Vec<DistinguishingFeature>,
    /// Mean adjusted Rand index between the chosen run and the other seeds' runs at this k.
    pub stability_mean_ari: Option<f64>,
    /// The lowest such index.
    pub stability_min_ari: Option<f64>,
}

/// A segment as a marketer would describe it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Persona {
    /// 0-based segment index (shown to people as segment + 1).
    pub segment: usize,
    /// The synthesized name, distinct across the segmentation.
    pub name: String,
    /// Which rule (or composition) gave the name, in words.
    pub naming: String,
    /// 3–5 key traits, each a sentence with its figures.
    pub traits: Vec<String>,
    /// The recommended business action (synthesized).
    pub action: String,
    pub evidence: PersonaEvidence,
    /// Small or unstable segment, in words.
    pub warnings: Vec<String>,
    /// The user's name for the persona, shown instead of `name` when set.
    pub user_name: Option<String>,
    /// The user's action, shown instead of `action` when set.
    pub user_action: Option<String>,
}

impl Persona {
    /// The name to show: the user's, else the synthesized one.
    pub fn display_name(&self) -> &str {
        self.user_name.as_deref().unwrap_or(&self.name)
    }

    /// The action to show: the user's, else the synthesized one.
    pub fn display_action(&self) -> &str {
        self.user_action.as_deref().unwrap_or(&self.action)
    }
}

/// The persona of a segment, if any.
pub fn persona_of(personas: &[Persona], segment: usize) -> Option<&Persona> {
    personas.iter().find(|p| p.segment == segment)
}
