//! Personas: evidence-backed portraits of segments, synthesized from each segment's profile
//! (never from its index) with the rule table in [`rules`], plus the user's edits.

mod edits;
mod label;
mod names;
pub mod rules;
mod signals;
mod synthesis;
mod thresholds;
mod traits;
mod value_trait;

#[cfg(test)]
pub(crate) use edits::test_persona;
pub use edits::{PersonaEdit, PersonaEditError, apply_persona_edit};
pub use label::PersonaLabel;
pub(crate) use label::{SegmentLabel, segment_name, segment_number};
pub use signals::Signals;
pub use synthesis::{CarriedPersona, SMALL_SEGMENT_PCT, UNSTABLE_ARI, synthesize_personas};
pub use value_trait::add_value_traits;

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
#[serde(from = "PersonaRecord", into = "PersonaRecord")]
pub struct Persona {
    /// 0-based segment index (shown to people as segment + 1).
    pub segment: usize,
    /// The synthesized name (distinct across the segmentation) and the user's name and action.
    pub label: PersonaLabel,
    /// Which rule (or composition) gave the name, in words.
    pub naming: String,
    /// 3–5 key traits, each a sentence with its figures.
    pub traits: Vec<String>,
    /// The recommended business action (synthesized).
    pub action: String,
    pub evidence: PersonaEvidence,
    /// Small or unstable segment, in words.
    pub warnings: Vec<String>,
}

impl Persona {
    /// The name to show: the user's, else the synthesized one.
    pub fn display_name(&self) -> &str {
        self.label.display_name()
    }

    /// The action to show: the user's, else the synthesized one.
    pub fn display_action(&self) -> &str {
        self.label.display_action(&self.action)
    }
}

impl SegmentLabel for Persona {
    fn segment(&self) -> usize {
        self.segment
    }
    fn label(&self) -> &PersonaLabel {
        &self.label
    }
}

/// A persona as sessions and JSON store it: the label's fields in their places of format 1
/// (name second, the user's edits last), so bundles and documents keep their bytes.
#[derive(Clone, Serialize, Deserialize)]
struct PersonaRecord {
    segment: usize,
    name: String,
    naming: String,
    traits: Vec<String>,
    action: String,
    evidence: PersonaEvidence,
    warnings: Vec<String>,
    user_name: Option<String>,
    user_action: Option<String>,
}

impl From<PersonaRecord> for Persona {
    fn from(r: PersonaRecord) -> Persona {
        Persona {
            segment: r.segment,
            label: PersonaLabel {
                name: r.name,
                user_name: r.user_name,
                user_action: r.user_action,
            },
            naming: r.naming,
            traits: r.traits,
            action: r.action,
            evidence: r.evidence,
            warnings: r.warnings,
        }
    }
}

impl From<Persona> for PersonaRecord {
    fn from(p: Persona) -> PersonaRecord {
        PersonaRecord {
            segment: p.segment,
            name: p.label.name,
            naming: p.naming,
            traits: p.traits,
            action: p.action,
            evidence: p.evidence,
            warnings: p.warnings,
            user_name: p.label.user_name,
            user_action: p.label.user_action,
        }
    }
}

/// The persona of a segment, if any.
pub fn persona_of(personas: &[Persona], segment: usize) -> Option<&Persona> {
    personas.iter().find(|p| p.segment == segment)
}
