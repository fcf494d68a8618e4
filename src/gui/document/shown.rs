//! The analysis as the tabs read it: borrowed from the document each frame.

use super::history::Field;
use crate::decisions::Decision;
use crate::gui::figures::Figures;
use crate::personas::{Persona, persona_of};
use crate::pipeline::Analysis;

/// The analysis as the tabs read it.
pub(crate) struct Shown<'a> {
    pub(crate) analysis: &'a Analysis,
    pub(crate) figures: &'a Figures,
    /// The personas with the user's names and actions, in segment order.
    pub(crate) personas: &'a [Persona],
    /// The core's key decisions, naming the personas as the user named them.
    pub(crate) decisions: &'a [Decision],
    /// A persona edit that was refused, and why (shown next to its field).
    pub(crate) problem: Option<&'a (Field, String)>,
    /// Presentation mode: larger, read-only, no editing controls.
    pub(crate) presenting: bool,
    /// The order lines' dated purchases, when the analysis was run on them in this window.
    pub(crate) purchases: Option<&'a std::sync::Arc<crate::transactions::PurchaseLog>>,
}

impl Shown<'_> {
    /// The persona of a segment.
    pub(crate) fn persona(&self, segment: usize) -> Option<&Persona> {
        persona_of(self.personas, segment)
    }

    /// The persona name of a segment (the user's, or the synthesized one).
    pub(crate) fn persona_name(&self, segment: usize) -> String {
        self.persona(segment).map_or_else(
            || format!("Segment {}", segment + 1),
            |p| p.display_name().to_string(),
        )
    }

    /// "Segment 2 · Bargain Hunters".
    pub(crate) fn segment_title(&self, segment: usize) -> String {
        match self.persona(segment) {
            Some(p) => format!("Segment {} · {}", segment + 1, p.display_name()),
            None => format!("Segment {}", segment + 1),
        }
    }
}
