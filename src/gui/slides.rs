//! Drawing presentation mode: the current slide full screen, read-only, with a slim footer
//! to step through the deck.

use super::app::Workbench;
use super::command::Command;
use super::presentation::{Slide, slides};
use super::tokens::{self, Palette};
use super::views::{Action, personas};
use egui::{Align, Layout, RichText, Ui};

impl Workbench {
    /// The slides of the current analysis.
    pub(super) fn deck(&self) -> Vec<Slide> {
        slides(self.personas.len())
    }

    pub(super) fn presentation_ui(&mut self, ui: &mut Ui, out: &mut Vec<Action>) {
        let deck = self.deck();
        let slide = self.presentation.current(&deck);
        let position = deck.iter().position(|s| *s == slide).unwrap_or(0);
        egui::Panel::bottom("slide-footer")
            .show_separator_line(false)
            .show(ui, |ui| self.footer(ui, &deck, position, out));
        let margin = egui::Margin::symmetric(48, 24);
        let frame = egui::Frame::central_panel(ui.style()).inner_margin(margin);
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            let reading = super::chrome::Reading {
                current: &self.current,
                personas: &self.personas,
                decisions: &self.decisions,
                problem: None,
            };
            let Some(shown) = reading.shown(true) else {
                return;
            };
            let views = &mut self.views;
            match slide {
                Slide::Overview => views.overview.ui(ui, &shown),
                Slide::Segments => views.segments.ui(ui, &shown),
                Slide::Persona(s) => personas::slide(ui, &shown, s),
                Slide::Simulation => views.simulation.ui(ui),
            }
        });
    }

    fn footer(&self, ui: &mut Ui, deck: &[Slide], position: usize, out: &mut Vec<Action>) {
        let palette = Palette::current(ui.ctx());
        ui.horizontal(|ui| {
            let previous = ui
                .add_enabled(position > 0, egui::Button::new("◀ Previous slide"))
                .on_hover_text(Command::PreviousSlide.hover_text(ui.ctx()));
            if previous.clicked() {
                out.push(Action::Command(Command::PreviousSlide));
            }
            let next = ui
                .add_enabled(position + 1 < deck.len(), egui::Button::new("Next slide ▶"))
                .on_hover_text(Command::NextSlide.hover_text(ui.ctx()));
            if next.clicked() {
                out.push(Action::Command(Command::NextSlide));
            }
            ui.label(
                RichText::new(format!(
                    "Slide {} of {} · {}",
                    position + 1,
                    deck.len(),
                    deck[position].title()
                ))
                .color(palette.muted),
            );
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui
                    .button(Command::LeavePresentation.text())
                    .on_hover_text(Command::LeavePresentation.hover_text(ui.ctx()))
                    .clicked()
                {
                    out.push(Action::Command(Command::LeavePresentation));
                }
                ui.label(
                    RichText::new("Left and Right arrow keys step through the slides · Esc leaves")
                        .size(tokens::SMALL_SIZE)
                        .color(palette.muted),
                );
            });
        });
    }
}
