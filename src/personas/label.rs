//! A persona's label (its synthesized name and the user's name and action) and the one rule
//! for what a segment is called on screen, in the CLI and in reports.

use serde::{Deserialize, Serialize};

/// A persona's names: what synthesis called it and what the user renamed it to. The same
/// label lives in a [`super::Persona`], is saved with a model (`model::SavedPersona`) and is
/// carried onto a matched segment of the next run.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PersonaLabel {
    /// The synthesized name, distinct across the segmentation.
    pub name: String,
    /// The user's name for the persona, shown instead of `name` when set.
    pub user_name: Option<String>,
    /// The user's action, shown instead of the synthesized action when set.
    pub user_action: Option<String>,
}

impl PersonaLabel {
    /// A synthesized name without user edits.
    pub fn named(name: impl Into<String>) -> PersonaLabel {
        PersonaLabel {
            name: name.into(),
            ..PersonaLabel::default()
        }
    }

    /// The name to show: the user's, else the synthesized one.
    pub fn display_name(&self) -> &str {
        self.user_name.as_deref().unwrap_or(&self.name)
    }

    /// The action to show: the user's, else `synthesized`.
    pub fn display_action<'a>(&'a self, synthesized: &'a str) -> &'a str {
        self.user_action.as_deref().unwrap_or(synthesized)
    }
}

/// Anything that labels one segment with a persona (a persona, a saved persona).
pub(crate) trait SegmentLabel {
    /// The 0-based segment.
    fn segment(&self) -> usize;
    /// The persona's label.
    fn label(&self) -> &PersonaLabel;
}

/// A segment's number as people read it: "Segment 3" for the 0-based segment 2.
pub(crate) fn segment_number(segment: usize) -> String {
    format!("Segment {}", segment + 1)
}

/// What a segment is called: its persona's display name, or "Segment N" without a persona.
pub(crate) fn segment_name<P: SegmentLabel>(personas: &[P], segment: usize) -> String {
    personas
        .iter()
        .find(|p| p.segment() == segment)
        .map_or_else(
            || segment_number(segment),
            |p| p.label().display_name().to_string(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Named(usize, PersonaLabel);

    impl SegmentLabel for Named {
        fn segment(&self) -> usize {
            self.0
        }
        fn label(&self) -> &PersonaLabel {
            &self.1
        }
    }

    #[test]
    fn the_users_name_wins_and_unnamed_segments_have_a_number() {
        let mut label = PersonaLabel::named("Bargain Hunters");
        assert_eq!(label.display_name(), "Bargain Hunters");
        assert_eq!(label.display_action("Send coupons"), "Send coupons");
        label.user_name = Some("Deal Seekers".into());
        label.user_action = Some("Test a loyalty card".into());
        assert_eq!(label.display_name(), "Deal Seekers");
        assert_eq!(label.display_action("Send coupons"), "Test a loyalty card");
        let personas = [Named(1, label)];
        assert_eq!(segment_name(&personas, 1), "Deal Seekers");
        assert_eq!(segment_name(&personas, 0), "Segment 1");
        assert_eq!(segment_number(2), "Segment 3");
    }

    #[test]
    fn a_persona_is_stored_with_its_label_fields_in_their_format_1_places() {
        let mut persona = crate::personas::test_persona(0, "Bargain Hunters");
        persona.label.user_action = Some("Call them".into());
        let json = serde_json::to_string(&persona).unwrap();
        assert!(
            json.starts_with(r#"{"segment":0,"name":"Bargain Hunters","naming":"#),
            "{json}"
        );
        assert!(
            json.ends_with(r#","user_name":null,"user_action":"Call them"}"#),
            "{json}"
        );
        let back: crate::personas::Persona = serde_json::from_str(&json).unwrap();
        assert_eq!(back, persona);
    }
}
