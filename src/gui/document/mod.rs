//! The document: what the user works on and saves. The dataset with its mapping and run
//! settings, the current analysis, the persona edits and the scenarios, with the unsaved mark
//! and the undo history. Views read it; it changes only through its methods: the user's edits
//! through [`Document::apply`] (undoable, and they mark it unsaved), the rest when a job ends.

pub(crate) mod bench;
pub(crate) mod check;
pub(crate) mod history;
mod shown;

use super::dataset::Dataset;
use super::export_jobs::ExportSource;
use super::jobs::{Finished, OpenedSession};
use super::persistence::SessionContents;
use crate::config::RunConfig;
use crate::decisions::{Decision, decisions_for};
use crate::personas::{Persona, apply_persona_edit};
use crate::pipeline::Analysis;
use crate::roles::ColumnMapping;
use crate::session::{AnalysisTab, SessionUiState};
use crate::simulate::ScenarioLedger;
use bench::Bench;
use check::MappingCheck;
use history::{Edit, EditTarget, Field, History};
pub(crate) use shown::Shown;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The workbench's document.
#[derive(Debug)]
pub(crate) struct Document {
    /// The dataset on the mapping screen (or behind the current analysis).
    dataset: Option<Dataset>,
    mapping: ColumnMapping,
    config: RunConfig,
    /// What `mapping` allows on `dataset`, for the mapping it was computed for.
    check: Option<(ColumnMapping, MappingCheck)>,
    current: Option<Finished>,
    /// The personas of the current analysis with the user's names and actions.
    personas: Vec<Persona>,
    /// The core's decisions for those personas (recomputed after each persona edit).
    decisions: Vec<Decision>,
    /// The last persona edit that was refused, and why.
    problem: Option<(Field, String)>,
    /// The scenarios (saved in the session) and the one the Simulation tab edits.
    bench: Bench,
    /// The k the user switched to in Choice of k (`None`: the rule's); saved with the session.
    selected_k: Option<usize>,
    /// The personas (with the user's names and actions) of each other k shown since this
    /// analysis opened, so switching back to a k brings its edits back. Not saved: a session
    /// keeps the personas of the k on display.
    personas_at_k: BTreeMap<usize, Vec<Persona>>,
    history: History,
    dirty: bool,
    /// Counts changes, so a save that finishes after a later edit leaves the mark on.
    revision: u64,
    /// The session file the analysis was last saved to or opened from.
    path: Option<PathBuf>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            dataset: None,
            mapping: ColumnMapping::new(Vec::new()),
            config: RunConfig::default(),
            check: None,
            current: None,
            personas: Vec::new(),
            decisions: Vec::new(),
            problem: None,
            bench: Bench::default(),
            selected_k: None,
            personas_at_k: BTreeMap::new(),
            history: History::default(),
            dirty: false,
            revision: 0,
            path: None,
        }
    }
}

/// Reading.
impl Document {
    pub(crate) fn dataset(&self) -> Option<&Dataset> {
        self.dataset.as_ref()
    }

    pub(crate) fn mapping(&self) -> &ColumnMapping {
        &self.mapping
    }

    /// The settings of the next run.
    pub(crate) fn config(&self) -> &RunConfig {
        &self.config
    }

    /// The analysis on display with what the views draw of it.
    pub(crate) fn current(&self) -> Option<&Finished> {
        self.current.as_ref()
    }

    pub(crate) fn analysis(&self) -> Option<&Analysis> {
        self.current.as_ref().map(|c| c.analysis.as_ref())
    }

    pub(crate) fn personas(&self) -> &[Persona] {
        &self.personas
    }

    /// The scenarios and the one being edited.
    pub(crate) fn bench(&self) -> &Bench {
        &self.bench
    }

    pub(crate) fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub(crate) fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub(crate) fn next_undo(&self) -> Option<&Edit> {
        self.history.next_undo()
    }

    pub(crate) fn next_redo(&self) -> Option<&Edit> {
        self.history.next_redo()
    }

    /// What the mapping allows, once [`Self::refresh_check`] ran for it.
    pub(crate) fn mapping_check(&self) -> Option<&MappingCheck> {
        self.check
            .as_ref()
            .filter(|(m, _)| *m == self.mapping)
            .map(|(_, c)| c)
    }

    /// The file the document is about: the session's, else the data's.
    pub(crate) fn file_name(&self) -> Option<String> {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_string())
            .or_else(|| self.analysis().map(|a| a.file_name.clone()))
            .or_else(|| self.dataset.as_ref().map(|d| d.table.file_name.clone()))
    }

    /// The tabs' read-only picture of the current analysis.
    pub(crate) fn shown(&self, presenting: bool) -> Option<Shown<'_>> {
        self.current.as_ref().map(|c| Shown {
            analysis: &c.analysis,
            figures: &c.figures,
            personas: &self.personas,
            decisions: &self.decisions,
            problem: if presenting {
                None
            } else {
                self.problem.as_ref()
            },
            presenting,
            purchases: c.purchases.as_ref(),
        })
    }

    /// What a session of this document holds, with the view state to reopen on; `None`
    /// without an analysis and the data behind it.
    pub(crate) fn contents(
        &self,
        compare: Option<(usize, usize)>,
        tab: AnalysisTab,
    ) -> Option<SessionContents> {
        let current = self.current.as_ref()?;
        let dataset = current.dataset.as_ref()?;
        Some(SessionContents {
            table: dataset.table.clone(),
            analysis: current.analysis.clone(),
            personas: self.personas.clone(),
            scenarios: self.bench.ledger.clone(),
            ui: SessionUiState {
                selected_k: self.selected_k,
                compare,
                active_tab: Some(tab),
            },
        })
    }

    /// The saved scenarios, as the report prints them (the ledger the session saves).
    pub(crate) fn scenario_ledger(&self) -> ScenarioLedger {
        self.bench.ledger.clone()
    }

    /// What an export of the current analysis reads (`None` without one).
    pub(crate) fn export_source(&self) -> Option<ExportSource> {
        let current = self.current.as_ref()?;
        Some(ExportSource {
            analysis: current.analysis.clone(),
            personas: self.personas.clone(),
            table: current.dataset.as_ref().map(|d| d.table.clone()),
            ledger: self.scenario_ledger(),
            session_path: self.path.clone(),
        })
    }

    /// The state of the edits, for [`Self::saved`].
    pub(crate) fn revision(&self) -> u64 {
        self.revision
    }
}

/// Changing: the user's edits.
impl Document {
    /// Apply an edit the user made and mark the document unsaved. A persona edit the core
    /// refuses (a name that is taken, empty or too long) is kept as the problem to show next
    /// to its field instead.
    pub(crate) fn apply(&mut self, edit: Edit) {
        let persona = edit.persona_edit();
        if let Some(change) = &persona {
            let mut probe = self.personas.clone();
            if let Err(e) = apply_persona_edit(&mut probe, change) {
                self.problem = Some((edit.field().clone(), format!("Not applied: {e}.")));
                return;
            }
        }
        self.problem = None;
        self.with_history(|history, target| history.apply(edit, target));
        self.changed(persona.is_some());
    }

    /// Show the sweep's best run at `k` (segments, insights, personas, decisions, map) without
    /// re-running: one undoable step. False when the analysis did not keep that k.
    pub(crate) fn switch_k(&mut self, k: usize) -> bool {
        let Some(current) = &self.current else {
            return false;
        };
        let before = current.analysis.segmentation.k;
        if before == k {
            return true;
        }
        if !self.display_k(k) {
            return false;
        }
        let Some(current) = &self.current else {
            return false;
        };
        let after = self
            .personas_at_k
            .remove(&k)
            .unwrap_or_else(|| current.analysis.personas.clone());
        self.personas_at_k.insert(before, self.personas.clone());
        let edit = Edit::segment_count((before, self.personas.clone()), (k, after));
        self.problem = None;
        self.with_history(|history, target| history.apply(edit, target));
        self.changed(true);
        true
    }

    /// Put the analysis's run at `k` on display (figures recomputed); personas untouched.
    fn display_k(&mut self, k: usize) -> bool {
        let Some(current) = &mut self.current else {
            return false;
        };
        if current.analysis.segmentation.k == k {
            return true;
        }
        let analysis = std::sync::Arc::make_mut(&mut current.analysis);
        if !analysis.switch_k(k) {
            return false;
        }
        current.figures = std::sync::Arc::new(super::figures::Figures::compute(analysis));
        true
    }

    /// Undo the last edit, if any.
    pub(crate) fn undo(&mut self) -> Option<Edit> {
        self.step(true)
    }

    /// Redo the edit last undone, if any.
    pub(crate) fn redo(&mut self) -> Option<Edit> {
        self.step(false)
    }

    /// Run `f` on the history with what edits change (the one place that lends them out).
    fn with_history<T>(&mut self, f: impl FnOnce(&mut History, &mut EditTarget<'_>) -> T) -> T {
        let mut target = EditTarget {
            personas: &mut self.personas,
            selected_k: &mut self.selected_k,
            mapping: &mut self.mapping,
            config: &mut self.config,
            bench: &mut self.bench,
        };
        f(&mut self.history, &mut target)
    }

    fn step(&mut self, undo: bool) -> Option<Edit> {
        let left = self
            .current
            .as_ref()
            .map(|c| (c.analysis.segmentation.k, self.personas.clone()));
        let done = self.with_history(|history, target| match undo {
            true => history.undo(target),
            false => history.redo(target),
        })?;
        self.problem = None;
        let switched = done.field() == &Field::SegmentCount;
        if switched && let Some(k) = self.selected_k {
            self.display_k(k);
            if let Some((k_left, personas)) = left {
                self.personas_at_k.remove(&k);
                self.personas_at_k.insert(k_left, personas);
            }
        }
        self.changed(done.persona_edit().is_some() || switched);
        Some(done)
    }

    /// Edit another scenario on the Simulation tab (a view choice: not an edit, not saved).
    pub(crate) fn select_scenario(&mut self, name: &str) {
        self.bench.select(name);
    }

    /// The field being typed into (its edits merge into one step), or `None` when it lost
    /// focus (which also clears a refused edit's message).
    pub(crate) fn typing(&mut self, field: Option<Field>) {
        if field.is_none() {
            self.problem = None;
        }
        self.history.set_open(field);
    }

    /// Something the session saves changed: mark it unsaved, and refresh the decisions when
    /// a persona changed (they name the personas).
    fn changed(&mut self, personas: bool) {
        self.dirty = true;
        self.revision += 1;
        if personas && let Some(current) = &self.current {
            self.decisions = decisions_for(&current.analysis.insights, &self.personas);
        }
    }
}

/// Changing: what jobs bring and the screens ask for.
impl Document {
    /// Replace the settings of the next run (not an edit: tests and headless runs).
    pub(crate) fn set_config(&mut self, config: RunConfig) {
        self.config = config;
    }

    /// A dataset to map, with its detected roles.
    pub(crate) fn open_dataset(&mut self, dataset: Dataset) {
        self.mapping = dataset.detected_mapping();
        self.dataset = Some(dataset);
        self.check = None;
        self.history.clear();
    }

    /// Compute what the mapping allows, if it changed since the last time.
    pub(crate) fn refresh_check(&mut self) {
        let Some(dataset) = &self.dataset else {
            return;
        };
        if self.check.as_ref().is_none_or(|(m, _)| *m != self.mapping) {
            let check = MappingCheck::of(dataset, &self.mapping);
            self.check = Some((self.mapping.clone(), check));
        }
    }

    /// Back to the mapping and settings of the analysis on display, to change and run again.
    pub(crate) fn edit_mapping(&mut self) {
        if let Some(analysis) = self.analysis() {
            let (mapping, config) = (analysis.mapping.clone(), analysis.config.clone());
            self.mapping = mapping;
            self.config = config;
        }
        self.check = None;
        self.history.clear();
    }

    /// A new analysis: not saved anywhere yet.
    pub(crate) fn analysed(&mut self, finished: Finished) {
        self.show(finished);
        self.bench = Bench::default();
        self.selected_k = None;
        self.path = None;
        self.changed(false);
    }

    /// An opened session, as it was saved. Returns the view state it reopens on.
    pub(crate) fn opened(&mut self, finished: Finished, opened: OpenedSession) -> SessionUiState {
        self.show(finished);
        self.bench = Bench::from_ledger(opened.scenarios);
        self.selected_k = opened.ui.selected_k;
        // The session saved the analysis at its k on display; a selected k reopens on it.
        if let Some(k) = self.selected_k
            && self.display_k(k)
            && let Some(current) = &self.current
            && self.personas.len() != current.analysis.segmentation.k
        {
            self.personas = current.analysis.personas.clone();
            self.decisions = decisions_for(&current.analysis.insights, &self.personas);
        }
        self.path = Some(opened.path);
        self.dirty = false;
        opened.ui
    }

    /// Saved to `path` with the edits as they were at `revision`.
    pub(crate) fn saved(&mut self, path: PathBuf, revision: u64) {
        self.path = Some(path);
        if revision == self.revision {
            self.dirty = false;
        }
    }

    /// Put a complete analysis on display, with its personas as they were saved.
    fn show(&mut self, finished: Finished) {
        self.mapping = finished.analysis.mapping.clone();
        self.config = finished.analysis.config.clone();
        self.dataset = finished.dataset.clone();
        self.personas = finished.analysis.personas.clone();
        self.decisions = decisions_for(&finished.analysis.insights, &self.personas);
        self.current = Some(finished);
        self.problem = None;
        self.check = None;
        self.history.clear();
        self.personas_at_k.clear();
    }
}
