//! The user's edits of the document (persona names and actions, column roles, run settings,
//! the simulation's scenarios) and their undo/redo history. Typing into one field, or dragging one slider, makes one undo
//! step; the step closes when the field loses focus. Persona edits land on the core's
//! `Persona::user_name` / `user_action`, so a saved session (and `sis insights` on it) carries
//! them.

use super::bench::Bench;
use crate::config::RunConfig;
use crate::personas::{Persona, PersonaEdit};
use crate::roles::{ColumnMapping, Role};
use crate::simulate::{AssumptionKey, LeverKind};

/// A setting of the run, as the mapping screen's Advanced section shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Setting {
    NumberOfSegments,
    SmallestK,
    LargestK,
    Seeds,
    BaseSeed,
    Scaler,
    SmallestSegment,
    OnlyFeatures,
    LeaveOut,
    OutlierCapping,
    OneHot,
    KeepDuplicates,
    DecisionLow,
    DecisionHigh,
    LogTransform,
    /// All of them back to their defaults.
    Defaults,
}

impl Setting {
    /// The setting's label on screen (and its accessible name).
    pub(crate) fn label(self) -> &'static str {
        match self {
            Setting::NumberOfSegments => "Number of segments",
            Setting::SmallestK => "Smallest k",
            Setting::LargestK => "Largest k",
            Setting::Seeds => "Seeds per k",
            Setting::BaseSeed => "Base seed",
            Setting::Scaler => "Scaler",
            Setting::SmallestSegment => "Smallest segment",
            Setting::OnlyFeatures => "Use only these features",
            Setting::LeaveOut => "Leave out",
            Setting::OutlierCapping => "Outlier capping",
            Setting::OneHot => "One-hot encode categories as features",
            Setting::KeepDuplicates => "Keep exact duplicate customers",
            Setting::DecisionLow => "Smallest k for decisions",
            Setting::DecisionHigh => "Largest k for decisions",
            Setting::LogTransform => "Log transform",
            Setting::Defaults => "Reset to defaults",
        }
    }
}

/// Which field an edit touches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    PersonaName(usize),
    PersonaAction(usize),
    Role(String),
    Setting(Setting),
    /// The number of segments on display (switched in Choice of k, no re-run).
    SegmentCount,
    Scenario(ScenarioField),
}

/// What part of the scenarios an edit touches (a drag of one slider merges into one step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ScenarioField {
    /// A lever's main setting (its slider).
    Setting(LeverKind),
    /// A lever's other choices: on or off, segments, mode, source and target, channel.
    Options(LeverKind),
    Assumption(AssumptionKey),
    /// Save, duplicate, rename, delete, or a whole scenario replaced.
    Ledger,
}

/// A field's value. Persona texts are `None` for the synthesized value.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(Option<String>),
    Role(Role),
    Settings(Box<RunConfig>),
    Bench(Box<Bench>),
    /// A k on display with the personas as the user had them at that k.
    Segments {
        k: usize,
        personas: Vec<Persona>,
    },
}

/// One undoable change: a field's value before and after. Made by the constructors, so the
/// value always fits the field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Edit {
    field: Field,
    before: Value,
    after: Value,
}

impl Edit {
    /// Rename the persona of `segment` (`None`: back to the suggested name).
    pub(crate) fn persona_name(
        segment: usize,
        before: Option<String>,
        after: Option<String>,
    ) -> Edit {
        Edit {
            field: Field::PersonaName(segment),
            before: Value::Text(before),
            after: Value::Text(after),
        }
    }

    /// Set the action of the persona of `segment` (`None`: back to the suggested action).
    pub(crate) fn persona_action(
        segment: usize,
        before: Option<String>,
        after: Option<String>,
    ) -> Edit {
        Edit {
            field: Field::PersonaAction(segment),
            before: Value::Text(before),
            after: Value::Text(after),
        }
    }

    /// Give `column` another role.
    pub(crate) fn role(column: &str, before: Role, after: Role) -> Edit {
        Edit {
            field: Field::Role(column.to_string()),
            before: Value::Role(before),
            after: Value::Role(after),
        }
    }

    /// Change one setting of the run: the whole configuration before and after.
    pub(crate) fn setting(setting: Setting, before: &RunConfig, after: RunConfig) -> Edit {
        Edit {
            field: Field::Setting(setting),
            before: Value::Settings(Box::new(before.clone())),
            after: Value::Settings(Box::new(after)),
        }
    }

    /// Change the scenarios: the whole bench before and after.
    pub(crate) fn bench(field: ScenarioField, before: &Bench, after: Bench) -> Edit {
        Edit {
            field: Field::Scenario(field),
            before: Value::Bench(Box::new(before.clone())),
            after: Value::Bench(Box::new(after)),
        }
    }

    /// Switch the analysis on display from k = `before.0` to `after.0`, each with its personas.
    pub(crate) fn segment_count(
        before: (usize, Vec<Persona>),
        after: (usize, Vec<Persona>),
    ) -> Edit {
        Edit {
            field: Field::SegmentCount,
            before: Value::Segments {
                k: before.0,
                personas: before.1,
            },
            after: Value::Segments {
                k: after.0,
                personas: after.1,
            },
        }
    }

    pub(crate) fn field(&self) -> &Field {
        &self.field
    }

    /// The core's edit that sets the new value, for checking it (distinct, non-empty names).
    pub(crate) fn persona_edit(&self) -> Option<PersonaEdit> {
        let Value::Text(after) = &self.after else {
            return None;
        };
        match self.field {
            Field::PersonaName(segment) => Some(PersonaEdit::Rename {
                segment,
                name: after.clone(),
            }),
            Field::PersonaAction(segment) => Some(PersonaEdit::SetAction {
                segment,
                action: after.clone(),
            }),
            _ => None,
        }
    }

    fn inverse(&self) -> Edit {
        Edit {
            field: self.field.clone(),
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// The things edits change.
pub(crate) struct EditTarget<'a> {
    pub(crate) personas: &'a mut Vec<Persona>,
    /// The k the user switched to (`None`: the rule's).
    pub(crate) selected_k: &'a mut Option<usize>,
    pub(crate) mapping: &'a mut ColumnMapping,
    pub(crate) config: &'a mut RunConfig,
    pub(crate) bench: &'a mut Bench,
}

impl EditTarget<'_> {
    fn apply(&mut self, edit: &Edit) {
        match (&edit.field, &edit.after) {
            (Field::PersonaName(segment), Value::Text(after)) => {
                if let Some(p) = self.personas.iter_mut().find(|p| p.segment == *segment) {
                    p.label.user_name.clone_from(after);
                }
            }
            (Field::PersonaAction(segment), Value::Text(after)) => {
                if let Some(p) = self.personas.iter_mut().find(|p| p.segment == *segment) {
                    p.label.user_action.clone_from(after);
                }
            }
            (Field::Role(column), Value::Role(after)) => {
                self.mapping.set_role(column, after.clone())
            }
            (Field::Setting(_), Value::Settings(after)) => self.config.clone_from(after),
            (Field::Scenario(_), Value::Bench(after)) => self.bench.clone_from(after),
            (Field::SegmentCount, Value::Segments { k, personas }) => {
                *self.selected_k = Some(*k);
                self.personas.clone_from(personas);
            }
            // The constructors pair every field with its kind of value.
            _ => {}
        }
    }
}

/// Undo and redo stacks.
#[derive(Debug, Default)]
pub(crate) struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// The field being typed into: further edits to it merge into the last step.
    open: Option<Field>,
}

impl History {
    /// Apply `edit` and record it. Consecutive edits of the field being typed into merge.
    pub(crate) fn apply(&mut self, edit: Edit, target: &mut EditTarget<'_>) {
        target.apply(&edit);
        self.redo.clear();
        if self.open.as_ref() == Some(&edit.field)
            && let Some(last) = self.undo.last_mut()
            && last.field == edit.field
        {
            last.after = edit.after;
            return;
        }
        self.undo.push(edit);
    }

    /// Mark `field` as being typed into (merging) or, with `None`, close the step.
    pub(crate) fn set_open(&mut self, field: Option<Field>) {
        self.open = field;
    }

    pub(crate) fn undo(&mut self, target: &mut EditTarget<'_>) -> Option<Edit> {
        self.open = None;
        let edit = self.undo.pop()?;
        target.apply(&edit.inverse());
        self.redo.push(edit.clone());
        Some(edit)
    }

    pub(crate) fn redo(&mut self, target: &mut EditTarget<'_>) -> Option<Edit> {
        self.open = None;
        let edit = self.redo.pop()?;
        target.apply(&edit);
        self.undo.push(edit.clone());
        Some(edit)
    }

    pub(crate) fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    pub(crate) fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    /// Forget everything (a new dataset or analysis).
    pub(crate) fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rename(segment: usize, before: Option<&str>, after: &str) -> Edit {
        Edit::persona_name(segment, before.map(str::to_string), Some(after.to_string()))
    }

    fn persona(segment: usize, name: &str) -> Persona {
        crate::personas::test_persona(segment, name)
    }

    /// What the edits of a test apply to.
    struct Parts {
        personas: Vec<Persona>,
        selected_k: Option<usize>,
        mapping: ColumnMapping,
        config: RunConfig,
        bench: Bench,
    }

    impl Parts {
        fn new(personas: Vec<Persona>, mapping: ColumnMapping) -> Parts {
            Parts {
                personas,
                selected_k: None,
                mapping,
                config: RunConfig::default(),
                bench: Bench::default(),
            }
        }

        fn target(&mut self) -> EditTarget<'_> {
            EditTarget {
                personas: &mut self.personas,
                selected_k: &mut self.selected_k,
                mapping: &mut self.mapping,
                config: &mut self.config,
                bench: &mut self.bench,
            }
        }
    }

    #[test]
    fn typing_merges_and_undo_redo_restore() {
        let mut parts = Parts::new(
            vec![persona(0, "Premium Loyalists")],
            ColumnMapping::new(vec![("Income".into(), Role::Income)]),
        );
        let mut history = History::default();
        let mut target = parts.target();
        history.set_open(Some(Field::PersonaName(0)));
        history.apply(rename(0, None, "V"), &mut target);
        history.apply(rename(0, Some("V"), "VIP"), &mut target);
        history.set_open(None);
        history.apply(
            Edit::role("Income", Role::Income, Role::Ignore),
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

    #[test]
    fn a_dragged_setting_is_one_step_and_undoes_to_the_value_before() {
        let mut parts = Parts::new(Vec::new(), ColumnMapping::new(Vec::new()));
        let original = parts.config.seeds;
        let mut history = History::default();
        let mut target = parts.target();
        history.set_open(Some(Field::Setting(Setting::Seeds)));
        for seeds in [original + 1, original + 2, original + 3] {
            let mut after = target.config.clone();
            after.seeds = seeds;
            let edit = Edit::setting(Setting::Seeds, target.config, after);
            history.apply(edit, &mut target);
        }
        history.set_open(None);
        assert_eq!(target.config.seeds, original + 3);
        let undone = history.undo(&mut target).unwrap();
        assert_eq!(undone.field(), &Field::Setting(Setting::Seeds));
        assert_eq!(target.config.seeds, original, "one step for the drag");
        assert!(history.next_undo().is_none());
        history.redo(&mut target);
        assert_eq!(target.config.seeds, original + 3);
    }

    #[test]
    fn a_dragged_lever_is_one_step_and_undo_brings_the_scenario_back() {
        let mut parts = Parts::new(Vec::new(), ColumnMapping::new(Vec::new()));
        let mut history = History::default();
        let mut target = parts.target();
        let field = ScenarioField::Setting(LeverKind::Campaign);
        history.set_open(Some(Field::Scenario(field)));
        for reach in [0.1, 0.2, 0.3] {
            let mut s = target.bench.active().clone();
            s.levers.set_setting(LeverKind::Campaign, reach);
            let after = target.bench.with_active(s);
            let edit = Edit::bench(field, target.bench, after);
            history.apply(edit, &mut target);
        }
        history.set_open(None);
        assert_eq!(target.bench.active, "Scenario 1");
        assert_eq!(
            target.bench.active().levers.setting(LeverKind::Campaign),
            Some(0.3)
        );
        history.undo(&mut target);
        assert_eq!(*target.bench, Bench::default(), "one step for the drag");
        history.redo(&mut target);
        assert_eq!(
            target.bench.active().levers.setting(LeverKind::Campaign),
            Some(0.3)
        );
    }
}
