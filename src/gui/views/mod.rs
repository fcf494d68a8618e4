//! The workbench's screens and tabs. Every view has one signature, [`View::ui`]: it reads a
//! [`Context`] (the document, read-only, and what the shell shows) and pushes [`Action`]s; it
//! keeps only its own UI state (a page, a sort order, text being typed) and no business logic.
//! Each tab has a module of its own.

pub(crate) mod calibration;
pub(crate) mod compare;
pub(crate) mod data;
pub(crate) mod export;
pub(crate) mod heatmap;
pub(crate) mod mapping;
pub(crate) mod overview;
pub(crate) mod personas;
pub(crate) mod rfm_clv;
pub(crate) mod run_panel;
pub(crate) mod scatter;
pub(crate) mod segments;
pub(crate) mod simulation;
pub(crate) mod start;
pub(crate) mod sweep_chart;

use super::command::Command;
use super::document::Document;
pub(crate) use super::document::Shown;
use super::document::history::{Edit, Field};
use super::services::Services;
use super::shell::Shell;
use std::path::PathBuf;

/// A screen, a tab or a slide of the workbench.
pub(crate) trait View {
    /// Draw the view from `cx` and push what the user asked for to `out`.
    fn ui(&mut self, ui: &mut egui::Ui, cx: &Context<'_>, out: &mut Vec<Action>);
}

/// What every view reads: the document, the shell and the services, all read-only.
pub(crate) struct Context<'a> {
    pub(crate) document: &'a Document,
    pub(crate) shell: &'a Shell,
    pub(crate) services: &'a Services,
    /// The current analysis as the tabs read it (`None` before the first run).
    pub(crate) shown: Option<Shown<'a>>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(document: &'a Document, shell: &'a Shell, services: &'a Services) -> Self {
        Context {
            document,
            shell,
            services,
            shown: document.shown(shell.is_presenting()),
        }
    }

    /// `Ok` when `command` can run now, or the reason it cannot (shown as its tooltip).
    pub(crate) fn availability(&self, command: Command) -> Result<(), String> {
        super::availability::availability(self.document, self.shell, command)
    }
}

/// Each view with its own UI state.
#[derive(Debug, Default)]
pub(crate) struct Views {
    pub(crate) start: start::StartView,
    pub(crate) mapping: mapping::MappingView,
    pub(crate) overview: overview::OverviewView,
    pub(crate) segments: segments::SegmentsView,
    pub(crate) personas: personas::PersonasView,
    pub(crate) simulation: simulation::SimulationView,
    pub(crate) data: data::DataView,
    pub(crate) export: export::ExportView,
}

impl Views {
    /// The view of `tab`.
    pub(crate) fn tab(&mut self, tab: Tab) -> &mut dyn View {
        match tab {
            Tab::Overview => &mut self.overview,
            Tab::Segments => &mut self.segments,
            Tab::Personas => &mut self.personas,
            Tab::Simulation => &mut self.simulation,
            Tab::Data => &mut self.data,
            Tab::Export => &mut self.export,
        }
    }
}

/// The tabs of an analysis (defined in `gui::tab`, below the views and the commands).
pub(super) use crate::gui::tab::Tab;

/// What a view asks the workbench to do.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
    Command(Command),
    /// Apply and record an undoable edit.
    Edit(Edit),
    /// The field being typed into (further edits merge), or `None` when it lost focus.
    Typing(Option<Field>),
    /// Edit another scenario on the Simulation tab.
    SelectScenario(String),
    /// Show the sweep's run at this k (Choice of k; undoable, no re-run).
    SwitchK(usize),
    OpenPath(PathBuf),
    /// A file dropped on the window (read from its bytes).
    OpenDropped(DroppedFile),
    /// Leave the mapping screen without running.
    BackToAnalysis,
    DismissNotice,
    /// Write an export on the worker.
    Export(super::export_jobs::ExportRequest),
    /// Show a folder in the system's file manager.
    OpenFolder(PathBuf),
    /// The close confirmation's answers.
    CloseWithoutSaving,
    KeepWorking,
}

/// A file dropped on the window, as the windowing backend hands it over.
#[derive(Clone)]
pub(crate) struct DroppedFile(pub(crate) egui::DroppedFileHandle);

impl std::fmt::Debug for DroppedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DroppedFile({})", self.0.path().display())
    }
}

impl PartialEq for DroppedFile {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}
