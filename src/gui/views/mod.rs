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
use super::provisional::{Decision, PersonaDraft};
use super::state::{Edit, Field, PersonaEdits};
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
    /// Leave the mapping screen without running.
    BackToAnalysis,
    DismissNotice,
}

/// The analysis as the tabs read it.
pub struct Shown<'a> {
    pub analysis: &'a Analysis,
    pub figures: &'a Figures,
    pub drafts: &'a [PersonaDraft],
    pub decisions: &'a [Decision],
    pub edits: &'a PersonaEdits,
    /// Presentation mode: larger, read-only, no editing controls.
    pub presenting: bool,
}

impl Shown<'_> {
    /// The persona name of a segment (the user's edit, or the draft's).
    pub fn persona_name(&self, segment: usize) -> String {
        let draft = self
            .drafts
            .get(segment)
            .map_or_else(|| format!("Segment {}", segment + 1), |d| d.name.clone());
        self.edits.name_or(segment, &draft).to_string()
    }

    /// "Segment 2 · Bargain hunters", or just "Segment 2" while the name is the default.
    pub fn segment_title(&self, segment: usize) -> String {
        let name = self.persona_name(segment);
        let plain = format!("Segment {}", segment + 1);
        if name == plain {
            plain
        } else {
            format!("{plain} · {name}")
        }
    }
}
