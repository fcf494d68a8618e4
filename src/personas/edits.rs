//! The user's edits to personas (rename, new action, reset), checked and reversible: every
//! applied edit returns the edit that undoes it, for the session's undo.

use super::Persona;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Longest persona name accepted, in characters.
pub(super) const MAX_NAME_CHARS: usize = 60;

/// One change the user makes to a persona. `None` restores the synthesized value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonaEdit {
    Rename {
        segment: usize,
        name: Option<String>,
    },
    SetAction {
        segment: usize,
        action: Option<String>,
    },
}

/// An edit that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PersonaEditError {
    #[error("there is no segment {shown}; the segmentation has {k} segments")]
    NoSuchSegment { shown: usize, k: usize },
    #[error("a persona name cannot be empty; to restore the suggested name, reset it")]
    EmptyName,
    #[error("\"{name}\" is longer than {MAX_NAME_CHARS} characters; shorten it")]
    NameTooLong { name: String },
    #[error("segment {other_shown} is already called \"{name}\"; persona names must be distinct")]
    NameTaken { name: String, other_shown: usize },
    #[error("an action cannot be empty; to restore the suggested action, reset it")]
    EmptyAction,
}

/// Apply an edit; returns the edit that undoes it.
pub fn apply_persona_edit(
    personas: &mut [Persona],
    edit: &PersonaEdit,
) -> Result<PersonaEdit, PersonaEditError> {
    let k = personas.len();
    let segment = match edit {
        PersonaEdit::Rename { segment, .. } | PersonaEdit::SetAction { segment, .. } => *segment,
    };
    let index = personas.iter().position(|p| p.segment == segment).ok_or(
        PersonaEditError::NoSuchSegment {
            shown: segment + 1,
            k,
        },
    )?;
    match edit {
        PersonaEdit::Rename { name, .. } => {
            let name = match name {
                None => None,
                Some(n) => {
                    let n = n.trim();
                    if n.is_empty() {
                        return Err(PersonaEditError::EmptyName);
                    }
                    if n.chars().count() > MAX_NAME_CHARS {
                        return Err(PersonaEditError::NameTooLong { name: n.into() });
                    }
                    Some(n.to_string())
                }
            };
            let shown = name.as_deref().unwrap_or(&personas[index].label.name);
            if let Some(other) = personas.iter().find(|p| {
                p.segment != segment && p.display_name().to_lowercase() == shown.to_lowercase()
            }) {
                return Err(PersonaEditError::NameTaken {
                    name: shown.into(),
                    other_shown: other.segment + 1,
                });
            }
            let previous = std::mem::replace(&mut personas[index].label.user_name, name);
            Ok(PersonaEdit::Rename {
                segment,
                name: previous,
            })
        }
        PersonaEdit::SetAction { action, .. } => {
            let action = match action {
                None => None,
                Some(a) if a.trim().is_empty() => return Err(PersonaEditError::EmptyAction),
                Some(a) => Some(a.trim().to_string()),
            };
            let previous = std::mem::replace(&mut personas[index].label.user_action, action);
            Ok(PersonaEdit::SetAction {
                segment,
                action: previous,
            })
        }
    }
}

/// A persona with placeholder traits and evidence, for unit tests anywhere in the crate.
#[cfg(test)]
pub(crate) fn test_persona(segment: usize, name: &str) -> Persona {
    use crate::personas::PersonaEvidence;
    Persona {
        segment,
        label: super::PersonaLabel::named(name),
        naming: String::new(),
        traits: Vec::new(),
        action: "Suggested action.".into(),
        evidence: PersonaEvidence {
            customers: 1,
            share_pct: 50.0,
            revenue_pct: None,
            value_index: None,
            spend_lift: None,
            promo_lift: None,
            deal_dependency_pct: None,
            discount_addicted_pct: None,
            distinguishing: Vec::new(),
            stability_mean_ari: None,
            stability_min_ari: None,
        },
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persona(segment: usize, name: &str) -> Persona {
        test_persona(segment, name)
    }

    #[test]
    fn rename_is_checked_and_undoable() {
        let mut personas = vec![persona(0, "Premium Loyalists"), persona(1, "Deal Seekers")];
        let undo = apply_persona_edit(
            &mut personas,
            &PersonaEdit::Rename {
                segment: 1,
                name: Some("  Bargain Hunters ".into()),
            },
        )
        .unwrap();
        assert_eq!(personas[1].display_name(), "Bargain Hunters");
        assert_eq!(
            apply_persona_edit(
                &mut personas,
                &PersonaEdit::Rename {
                    segment: 0,
                    name: Some("bargain hunters".into()),
                },
            ),
            Err(PersonaEditError::NameTaken {
                name: "bargain hunters".into(),
                other_shown: 2
            })
        );
        assert_eq!(
            apply_persona_edit(
                &mut personas,
                &PersonaEdit::Rename {
                    segment: 0,
                    name: Some(" ".into()),
                },
            ),
            Err(PersonaEditError::EmptyName)
        );
        apply_persona_edit(&mut personas, &undo).unwrap();
        assert_eq!(personas[1].display_name(), "Deal Seekers");
        assert!(matches!(
            apply_persona_edit(
                &mut personas,
                &PersonaEdit::Rename {
                    segment: 7,
                    name: None
                }
            ),
            Err(PersonaEditError::NoSuchSegment { shown: 8, k: 2 })
        ));
    }

    #[test]
    fn action_edit_and_reset() {
        let mut personas = vec![persona(0, "A")];
        let undo = apply_persona_edit(
            &mut personas,
            &PersonaEdit::SetAction {
                segment: 0,
                action: Some("Call them.".into()),
            },
        )
        .unwrap();
        assert_eq!(personas[0].display_action(), "Call them.");
        assert_eq!(
            undo,
            PersonaEdit::SetAction {
                segment: 0,
                action: None
            }
        );
        apply_persona_edit(&mut personas, &undo).unwrap();
        assert_eq!(personas[0].display_action(), "Suggested action.");
    }
}
