//! The user's edits (persona names and actions, column roles) and their undo/redo history.
//! Typing into one field makes one undo step; the step closes when the field loses focus.
//! Persona edits land on the core's `PersonaLabel::user_name` / `user_action`, so a saved session
//! (and `sis insights` on it) carries them.

use crate::personas::{Persona, PersonaEdit};
use crate::roles::{ColumnMapping, Role};

/// Which field an edit touches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    PersonaName(usize),
    PersonaAction(usize),
    Role(String),
}

/// One undoable change: the field's value before and after (`None`: the synthesized value).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    PersonaName {
        segment: usize,
        before: Option<String>,
        after: Option<String>,
    },
    PersonaAction {
        segment: usize,
        before: Option<String>,
        after: Option<String>,
    },
    Role {
        column: String,
        before: Role,
        after: Role,
    },
}

impl Edit {
    pub fn field(&self) -> Field {
        match self {
            Edit::PersonaName { segment, .. } => Field::PersonaName(*segment),
            Edit::PersonaAction { segment, .. } => Field::PersonaAction(*segment),
            Edit::Role { column, .. } => Field::Role(column.clone()),
        }
    }

    /// What the edit did, for the Edit menu ("Undo rename of segment 2").
    pub fn describe(&self) -> String {
        match self {
            Edit::PersonaName { segment, .. } => format!("rename of persona {}", segment + 1),
            Edit::PersonaAction { segment, .. } => {
                format!("action of persona {}", segment + 1)
            }
            Edit::Role { column, .. } => format!("role of \"{column}\""),
        }
    }

    /// The core's edit that sets the new value, for checking it (distinct, non-empty names).
    pub fn persona_edit(&self) -> Option<PersonaEdit> {
        match self {
            Edit::PersonaName { segment, after, .. } => Some(PersonaEdit::Rename {
                segment: *segment,
                name: after.clone(),
            }),
            Edit::PersonaAction { segment, after, .. } => Some(PersonaEdit::SetAction {
                segment: *segment,
                action: after.clone(),
            }),
            Edit::Role { .. } => None,
        }
    }

    fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::PersonaName {
                segment,
                before,
                after,
            } => Edit::PersonaName {
                segment,
                before: after,
                after: before,
            },
            Edit::PersonaAction {
                segment,
                before,
                after,
            } => Edit::PersonaAction {
                segment,
                before: after,
                after: before,
            },
            Edit::Role {
                column,
                before,
                after,
            } => Edit::Role {
                column,
                before: after,
                after: before,
            },
        }
    }
}

/// The things edits change.
pub struct EditTarget<'a> {
    pub personas: &'a mut [Persona],
    pub mapping: &'a mut ColumnMapping,
}

impl EditTarget<'_> {
    fn apply(&mut self, edit: &Edit) {
        match edit {
            Edit::PersonaName { segment, after, .. } => {
                if let Some(p) = self.personas.iter_mut().find(|p| p.segment == *segment) {
                    p.label.user_name.clone_from(after);
                }
            }
            Edit::PersonaAction { segment, after, .. } => {
                if let Some(p) = self.personas.iter_mut().find(|p| p.segment == *segment) {
                    p.label.user_action.clone_from(after);
                }
            }
            Edit::Role { column, after, .. } => self.mapping.set_role(column, after.clone()),
        }
    }
}

/// Undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// The field being typed into: further edits to it merge into the last step.
    open: Option<Field>,
}

impl History {
    /// Apply `edit` and record it. Consecutive edits of the field being typed into merge.
    pub fn apply(&mut self, edit: Edit, target: &mut EditTarget<'_>) {
        target.apply(&edit);
        self.redo.clear();
        let field = edit.field();
        if self.open.as_ref() == Some(&field)
            && let Some(last) = self.undo.last_mut()
            && last.field() == field
        {
            *last = merge(last, edit);
            return;
        }
        self.undo.push(edit);
    }

    /// Mark `field` as being typed into (merging) or, with `None`, close the step.
    pub fn set_open(&mut self, field: Option<Field>) {
        self.open = field;
    }

    pub fn undo(&mut self, target: &mut EditTarget<'_>) -> Option<Edit> {
        self.open = None;
        let edit = self.undo.pop()?;
        target.apply(&edit.inverse());
        self.redo.push(edit.clone());
        Some(edit)
    }

    pub fn redo(&mut self, target: &mut EditTarget<'_>) -> Option<Edit> {
        self.open = None;
        let edit = self.redo.pop()?;
        target.apply(&edit);
        self.undo.push(edit.clone());
        Some(edit)
    }

    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    /// Forget everything (a new dataset or analysis).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open = None;
    }
}

fn merge(first: &Edit, second: Edit) -> Edit {
    match (first, second) {
        (
            Edit::PersonaName {
                segment, before, ..
            },
            Edit::PersonaName { after, .. },
        ) => Edit::PersonaName {
            segment: *segment,
            before: before.clone(),
            after,
        },
        (
            Edit::PersonaAction {
                segment, before, ..
            },
            Edit::PersonaAction { after, .. },
        ) => Edit::PersonaAction {
            segment: *segment,
            before: before.clone(),
            after,
        },
        (Edit::Role { column, before, .. }, Edit::Role { after, .. }) => Edit::Role {
            column: column.clone(),
            before: before.clone(),
            after,
        },
        (_, other) => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rename(segment: usize, before: Option<&str>, after: &str) -> Edit {
        Edit::PersonaName {
            segment,
            before: before.map(str::to_string),
            after: Some(after.to_string()),
        }
    }

    fn persona(segment: usize, name: &str) -> Persona {
        crate::personas::test_persona(segment, name)
    }

    #[test]
    fn typing_merges_and_undo_redo_restore() {
        let mut personas = vec![persona(0, "Premium Loyalists")];
        let mut mapping = ColumnMapping::new(vec![("Income".into(), Role::Income)]);
        let mut history = History::default();
        let mut target = EditTarget {
            personas: &mut personas,
            mapping: &mut mapping,
        };
        history.set_open(Some(Field::PersonaName(0)));
        history.apply(rename(0, None, "V"), &mut target);
        history.apply(rename(0, Some("V"), "VIP"), &mut target);
        history.set_open(None);
        history.apply(
            Edit::Role {
                column: "Income".into(),
                before: Role::Income,
                after: Role::Ignore,
            },
            &mut target,
        );
        assert_eq!(target.personas[0].display_name(), "VIP");
        assert_eq!(target.mapping.role_of("Income"), Role::Ignore);
        history.undo(&mut target);
        assert_eq!(target.mapping.role_of("Income"), Role::Income);
        history.undo(&mut target);
        assert_eq!(
            target.personas[0].display_name(),
            "Premium Loyalists",
            "one step for the typing"
        );
        history.redo(&mut target);
        assert_eq!(target.personas[0].display_name(), "VIP");
        assert!(history.next_redo().is_some());
    }
}
