//! The workbench's screens and tabs. Each view is a small struct with its own UI state and a
//! `ui` method; it reads the analysis and emits [`Action`]s, and holds no business logic.

pub mod compare;
pub mod data;
pub mod export;
pub mod heatmap;
pub mod mapping;
pub mod overview;
pub mod personas;
pub mod run_panel;
pub mod scatter;
pub mod segments;
pub mod simulation;
pub mod start;
pub mod sweep_chart;

use super::command::Command;
use super::figures::Figures;
use super::state::{Edit, Field};
use crate::decisions::Decision;
use crate::personas::{Persona, persona_of, segment_name, segment_number};
use crate::pipeline::Analysis;
use std::path::PathBuf;

/// The tabs of an analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    Overview,
    Segments,
    Personas,
    Simulation,
    Data,
    Export,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Segments,
        Tab::Personas,
        Tab::Simulation,
        Tab::Data,
        Tab::Export,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Segments => "Segments",
            Tab::Personas => "Personas",
            Tab::Simulation => "Simulation",
            Tab::Data => "Data",
            Tab::Export => "Export",
        }
    }

    /// The tab with this title (as a session stores it).
    pub fn from_title(title: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.title() == title)
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            Tab::Overview => "The executive view: KPIs, key decisions and the top segment",
            Tab::Segments => "Segment table, profiles, customer map, choice of k and comparison",
            Tab::Personas => "One card per persona: name, traits, action, evidence and warnings",
            Tab::Simulation => "What-if scenarios on the segments",
            Tab::Data => "Data quality, the mapping used, column statistics and the run",
            Tab::Export => "The PDF report and data exports",
        }
    }

    /// The number key that shows this tab (with Ctrl).
    pub fn key(self) -> egui::Key {
        match self {
            Tab::Overview => egui::Key::Num1,
            Tab::Segments => egui::Key::Num2,
            Tab::Personas => egui::Key::Num3,
            Tab::Simulation => egui::Key::Num4,
            Tab::Data => egui::Key::Num5,
            Tab::Export => egui::Key::Num6,
        }
    }
}

/// What a view asks the workbench to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Command(Command),
    /// Apply and record an undoable edit.
    Edit(Edit),
    /// The field being typed into (further edits merge), or `None` when it lost focus.
    Typing(Option<Field>),
    OpenPath(PathBuf),
    /// A file dropped on the window (read from its bytes).
    OpenDropped(DroppedFile),
    /// Leave the mapping screen without running.
    BackToAnalysis,
    DismissNotice,
}

/// A file dropped on the window, as the windowing backend hands it over.
#[derive(Clone)]
pub struct DroppedFile(pub egui::DroppedFileHandle);

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

/// The analysis as the tabs read it.
pub struct Shown<'a> {
    pub analysis: &'a Analysis,
    pub figures: &'a Figures,
    /// The personas with the user's names and actions, in segment order.
    pub personas: &'a [Persona],
    /// The core's key decisions, naming the personas as the user named them.
    pub decisions: &'a [Decision],
    /// A persona edit that was refused, and why (shown next to its field).
    pub problem: Option<&'a (Field, String)>,
    /// Presentation mode: larger, read-only, no editing controls.
    pub presenting: bool,
}

impl Shown<'_> {
    /// The persona of a segment.
    pub fn persona(&self, segment: usize) -> Option<&Persona> {
        persona_of(self.personas, segment)
    }

    /// The persona name of a segment (the user's, or the synthesized one).
    pub fn persona_name(&self, segment: usize) -> String {
        segment_name(self.personas, segment)
    }

    /// "Segment 2 · Bargain Hunters".
    pub fn segment_title(&self, segment: usize) -> String {
        match self.persona(segment) {
            Some(p) => format!("{} · {}", segment_number(segment), p.display_name()),
            None => segment_number(segment),
        }
    }
}
