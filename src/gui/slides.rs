//! Drawing presentation mode: the current slide full screen, read-only, with a slim footer
//! to step through the deck.

use super::command::Command;
use super::document::Document;
use super::presentation::{Slide, slides};
use super::tokens::{self, Palette};
use super::views::personas::PersonaSlide;
use super::views::{Action, Context, View, Views};
use egui::{Align, Layout, RichText, Ui};

/// The slides of the document's analysis.
pub(crate) fn deck(document: &Document) -> Vec<Slide> {
    slides(document.personas().len())
}

/// The current slide, full screen, and the footer.
pub(crate) fn presentation_ui(
    ui: &mut Ui,
    cx: &Context<'_>,
    views: &mut Views,
    out: &mut Vec<Action>,
) {
    let deck = deck(cx.document);
    let slide = cx.shell.slide(&deck);
    let position = deck.iter().position(|s| *s == slide).unwrap_or(0);
    egui::Panel::bottom("slide-footer")
        .show_separator_line(false)
        .show(ui, |ui| footer(ui, &deck, position, out));
    let margin = egui::Margin::symmetric(48, 24);
    let frame = egui::Frame::central_panel(ui.style()).inner_margin(margin);
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        let mut persona;
        let view: &mut dyn View = match slide {
            Slide::Overview => &mut views.overview,
            Slide::Segments => &mut views.segments,
            Slide::Persona(s) => {
                persona = PersonaSlide(s);
                &mut persona
            }
            Slide::Simulation => &mut views.simulation,
        };
        view.ui(ui, cx, out);
    });
}

fn footer(ui: &mut Ui, deck: &[Slide], position: usize, out: &mut Vec<Action>) {
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
