//! Every user action, declared once: its text, tooltip and keyboard shortcut. The menu bar,
//! the toolbar, the shortcuts and the tooltips are all generated from this list, so the
//! shortcut shown is always the real one.

use super::tab::Tab;
use egui::{Key, KeyboardShortcut, Modifiers};

/// A user action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    OpenDemo,
    OpenDataset,
    OpenSession,
    Save,
    SaveAs,
    ExportPdf,
    Quit,
    Undo,
    Redo,
    EditMapping,
    RunSegmentation,
    CancelRun,
    ShowTab(Tab),
    TogglePresentation,
    ToggleTheme,
    NextSlide,
    PreviousSlide,
    LeavePresentation,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 23] = [
        Command::OpenDemo,
        Command::OpenDataset,
        Command::OpenSession,
        Command::Save,
        Command::SaveAs,
        Command::ExportPdf,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::EditMapping,
        Command::RunSegmentation,
        Command::CancelRun,
        Command::ShowTab(Tab::Overview),
        Command::ShowTab(Tab::Segments),
        Command::ShowTab(Tab::Personas),
        Command::ShowTab(Tab::Simulation),
        Command::ShowTab(Tab::Data),
        Command::ShowTab(Tab::Export),
        Command::TogglePresentation,
        Command::ToggleTheme,
        Command::NextSlide,
        Command::PreviousSlide,
        Command::LeavePresentation,
    ];

    /// The text on menu items and buttons.
    pub fn text(self) -> &'static str {
        match self {
            Command::OpenDemo => "Open demo dataset",
            Command::OpenDataset => "Open dataset…",
            Command::OpenSession => "Open session…",
            Command::Save => "Save session",
            Command::SaveAs => "Save session as…",
            Command::ExportPdf => "Export PDF report…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::EditMapping => "Edit column roles…",
            Command::RunSegmentation => "Run segmentation",
            Command::CancelRun => "Cancel",
            Command::ShowTab(tab) => tab.title(),
            Command::TogglePresentation => "Presentation mode",
            Command::ToggleTheme => "Switch light/dark theme",
            Command::NextSlide => "Next slide",
            Command::PreviousSlide => "Previous slide",
            Command::LeavePresentation => "Leave presentation",
        }
    }

    /// What the command does, in one sentence (the shortcut is added by [`Self::hover_text`]).
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::OpenDemo => {
                "Open the bundled marketing-campaign dataset (2,240 customers) and segment it at once"
            }
            Command::OpenDataset => {
                "Open a customer file (CSV, Parquet or XLSX) or a saved .sis session"
            }
            Command::OpenSession => "Open a saved .sis session with its analysis and persona edits",
            Command::Save => "Save the analysis and your edits as a .sis session",
            Command::SaveAs => "Save the session under a new name",
            Command::ExportPdf => "Write the executive PDF report of this analysis",
            Command::Quit => "Close the workbench",
            Command::Undo => "Undo the last edit (persona names and actions, column roles)",
            Command::Redo => "Redo the edit you undid",
            Command::EditMapping => {
                "Review which role each column plays, then segment again with new settings"
            }
            Command::RunSegmentation => {
                "Validate the data, build the features and segment the customers"
            }
            Command::CancelRun => "Stop the running work; the current analysis stays as it is",
            Command::ShowTab(tab) => tab.tooltip(),
            Command::TogglePresentation => {
                "Full screen with large type for meetings; arrow keys step through the slides"
            }
            Command::ToggleTheme => "Switch between the light and the dark theme",
            Command::NextSlide => "Show the next slide",
            Command::PreviousSlide => "Show the previous slide",
            Command::LeavePresentation => "Back to the normal workbench",
        }
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Command::OpenDataset => key(CMD, Key::O),
            Command::OpenSession => key(CMD_SHIFT, Key::O),
            Command::Save => key(CMD, Key::S),
            Command::SaveAs => key(CMD_SHIFT, Key::S),
            Command::ExportPdf => key(CMD, Key::E),
            Command::Quit => key(CMD, Key::Q),
            Command::Undo => key(CMD, Key::Z),
            Command::Redo => key(CMD, Key::Y),
            Command::RunSegmentation => key(CMD, Key::R),
            Command::ShowTab(tab) => key(CMD, tab.key()),
            Command::TogglePresentation => key(NONE, Key::F11),
            Command::NextSlide => key(NONE, Key::ArrowRight),
            Command::PreviousSlide => key(NONE, Key::ArrowLeft),
            Command::LeavePresentation => key(NONE, Key::Escape),
            Command::OpenDemo
            | Command::EditMapping
            | Command::CancelRun
            | Command::ToggleTheme => None,
        }
    }

    /// Shortcuts that only act while presenting (arrow keys and Esc mean other things elsewhere).
    pub fn only_when_presenting(self) -> bool {
        matches!(
            self,
            Command::NextSlide | Command::PreviousSlide | Command::LeavePresentation
        )
    }

    /// The shortcut as people read it on this platform ("Ctrl+O").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcut().map(|s| ctx.format_shortcut(&s))
    }

    /// The tooltip with the shortcut: "Open a customer file… (Ctrl+O)".
    pub fn hover_text(self, ctx: &egui::Context) -> String {
        match self.shortcut_text(ctx) {
            Some(s) => format!("{} ({s})", self.tooltip()),
            None => self.tooltip().to_string(),
        }
    }

    /// The commands whose shortcut was pressed this frame (consumed from the input).
    /// More specific shortcuts are checked first, so Ctrl+Shift+S is not read as Ctrl+S.
    pub(crate) fn pressed(ctx: &egui::Context, presenting: bool, typing: bool) -> Vec<Command> {
        let mut candidates: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .iter()
            .filter(|c| presenting || !c.only_when_presenting())
            .filter_map(|c| c.shortcut().map(|s| (*c, s)))
            // While typing, the text field owns undo/redo and the arrow keys.
            .filter(|(c, s)| {
                !typing
                    || !(matches!(c, Command::Undo | Command::Redo) || s.modifiers.is_none())
                    || *c == Command::TogglePresentation
            })
            .collect();
        candidates.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        ctx.input_mut(|input| {
            candidates
                .into_iter()
                .filter(|(_, s)| input.consume_shortcut(s))
                .map(|(c, _)| c)
                .collect()
        })
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.command || m.ctrl) + u8::from(m.mac_cmd)
}

/// A menu item or button for `command`: its text and shortcut, the tooltip when enabled and
/// the reason when not. Returns true when clicked.
pub(crate) fn command_button(
    ui: &mut egui::Ui,
    command: Command,
    availability: &Result<(), String>,
) -> bool {
    let mut button = egui::Button::new(command.text());
    if let Some(text) = command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(text);
    }
    let response = ui.add_enabled(availability.is_ok(), button);
    let response = match availability {
        Ok(()) => response.on_hover_text(command.hover_text(ui.ctx())),
        Err(reason) => response.on_disabled_hover_text(reason.as_str()),
    };
    response.clicked()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in Command::ALL {
            if let Some(s) = c.shortcut() {
                assert!(seen.insert((s.modifiers, s.logical_key)), "{c:?}");
            }
        }
        assert_eq!(
            Command::ShowTab(Tab::Export)
                .shortcut()
                .unwrap()
                .logical_key,
            Key::Num6
        );
    }
}
