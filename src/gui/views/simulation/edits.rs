//! How the Simulation tab's controls change a scenario: they edit a copy of the active
//! scenario during the frame (so every number drawn after them is already the new one), and
//! at the end of the frame the copy becomes one undoable edit of the document's bench. A drag
//! of one slider is one undo step.

use crate::gui::document::bench::Bench;
use crate::gui::document::history::{Edit, Field, ScenarioField};
use crate::gui::views::Action;
use crate::simulate::Scenario;
use egui::Response;

/// The scenario as the controls left it, and what they touched.
pub(crate) struct Edits<'a> {
    bench: &'a Bench,
    /// The active scenario with this frame's changes.
    pub(crate) next: Scenario,
    field: Option<ScenarioField>,
    open: Option<ScenarioField>,
    close: bool,
    /// A whole new bench (save, duplicate, rename, delete), replacing the scenario edit.
    replaced: Option<Bench>,
}

impl<'a> Edits<'a> {
    pub(crate) fn new(bench: &'a Bench) -> Self {
        Edits {
            bench,
            next: bench.active().clone(),
            field: None,
            open: None,
            close: false,
            replaced: None,
        }
    }

    pub(crate) fn bench(&self) -> &Bench {
        self.bench
    }

    /// Note what `response` did to `field`: a drag or focus opens one undo step, its end
    /// closes it, and a change names the field of this frame's edit.
    pub(crate) fn track(&mut self, field: ScenarioField, response: &Response) {
        if response.drag_started() || response.gained_focus() {
            self.open = Some(field);
        }
        if response.changed() || response.clicked() {
            self.field = Some(field);
        }
        if response.drag_stopped() || response.lost_focus() {
            self.close = true;
        }
    }

    /// Name `field` as what this frame changed (a change made from several widgets).
    pub(crate) fn track_change(&mut self, field: ScenarioField) {
        self.field = Some(field);
    }

    /// Replace the whole bench (a ledger change).
    pub(crate) fn replace(&mut self, bench: Bench) {
        self.replaced = Some(bench);
    }

    /// Push the frame's edit (between opening and closing its undo step).
    pub(crate) fn finish(self, out: &mut Vec<Action>) {
        if let Some(field) = self.open {
            out.push(Action::Typing(Some(Field::Scenario(field))));
        }
        if let Some(bench) = self.replaced {
            if bench != *self.bench {
                out.push(Action::Edit(Edit::bench(
                    ScenarioField::Ledger,
                    self.bench,
                    bench,
                )));
            }
        } else if self.next != *self.bench.active() {
            let field = self.field.unwrap_or(ScenarioField::Ledger);
            let after = self.bench.with_active(self.next);
            out.push(Action::Edit(Edit::bench(field, self.bench, after)));
        }
        if self.close {
            out.push(Action::Typing(None));
        }
    }
}
