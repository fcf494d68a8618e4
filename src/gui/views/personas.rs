//! The Personas tab: one card per persona with its name, traits, action, evidence and
//! warnings. Name and action are edited inline; each edit is undoable and saved in the session.

use super::{Action, Shown};
use crate::gui::provisional::ACTION_PENDING;
use crate::gui::state::{Edit, Field};
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use egui::{RichText, Ui};

#[derive(Debug, Default)]
pub struct PersonasView;

impl PersonasView {
    pub fn ui(&mut self, ui: &mut Ui, shown: &Shown<'_>, out: &mut Vec<Action>) {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .id_salt("personas-scroll")
            .show(ui, |ui| {
                widgets::section(
                    ui,
                    "Persona cards",
                    "One persona per segment, drafted from its figures (named personas with suggested actions arrive with the insights module). Click a name or an action to edit it; Ctrl+Z undoes.",
                );
                let per_row = if ui.available_width() > 1100.0 { 2 } else { 1 };
                let drafts = shown.drafts;
                for chunk in (0..drafts.len()).collect::<Vec<_>>().chunks(per_row) {
                    ui.columns(per_row, |cols| {
                        for (ui, &s) in cols.iter_mut().zip(chunk) {
                            card(ui, shown, s, true, out);
                        }
                    });
                    ui.add_space(tokens::ITEM_GAP);
                }
            });
    }
}

/// One persona card. `editable` shows the name and action as text fields.
pub fn card(ui: &mut Ui, shown: &Shown<'_>, segment: usize, editable: bool, out: &mut Vec<Action>) {
    let palette = Palette::current(ui.ctx());
    let Some(draft) = shown.drafts.get(segment) else {
        return;
    };
    let figures = &shown.figures.segments[segment];
    tokens::card_frame(&palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let stripe = egui::Rect::from_min_size(
            ui.max_rect().min - egui::vec2(0.0, 8.0),
            egui::vec2(ui.available_width(), 4.0),
        );
        ui.painter()
            .rect_filled(stripe, 2, tokens::segment_color(segment));
        ui.horizontal(|ui| {
            widgets::segment_swatch(ui, segment, 22.0);
            ui.label(
                RichText::new(format!(
                    "Segment {} · {} of customers",
                    segment + 1,
                    crate::gui::format::pct(figures.customer_pct)
                ))
                .color(palette.muted),
            );
        });
        let name = shown.persona_name(segment);
        if editable {
            let mut text = name.clone();
            let response = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .font(egui::FontId::proportional(tokens::HEADING_SIZE))
                    .desired_width(f32::INFINITY)
                    .hint_text(&draft.name),
            );
            let response = response
                .accessible_name(format!("Persona {} name", segment + 1))
                .on_hover_text("The persona's name, shown everywhere (Overview, slides, report)");
            track_focus(&response, Field::PersonaName(segment), out);
            if response.changed() {
                out.push(Action::Edit(Edit::PersonaName {
                    segment,
                    before: shown.edits.names.get(&segment).cloned(),
                    after: Some(text),
                }));
            }
        } else {
            ui.label(
                RichText::new(name)
                    .size(tokens::HEADING_SIZE + 6.0)
                    .strong()
                    .color(palette.strong),
            );
        }
        ui.add_space(6.0);
        heading(ui, "Traits");
        if draft.traits.is_empty() {
            widgets::muted(ui, "Close to the average customer on every feature.");
        }
        for t in &draft.traits {
            ui.label(format!("• {t}"));
        }
        ui.add_space(4.0);
        heading(ui, "Action");
        let action = shown
            .edits
            .actions
            .get(&segment)
            .cloned()
            .or_else(|| draft.action.clone())
            .unwrap_or_default();
        if editable {
            let mut text = action;
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut text)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .hint_text(format!(
                            "Write the action for this persona. {ACTION_PENDING}"
                        )),
                )
                .accessible_name(format!("Persona {} action", segment + 1));
            track_focus(&response, Field::PersonaAction(segment), out);
            if response.changed() {
                out.push(Action::Edit(Edit::PersonaAction {
                    segment,
                    before: shown.edits.actions.get(&segment).cloned(),
                    after: Some(text),
                }));
            }
        } else if action.trim().is_empty() {
            widgets::muted(ui, ACTION_PENDING);
        } else {
            ui.label(RichText::new(action).size(16.0));
        }
        ui.add_space(4.0);
        heading(ui, "Evidence");
        for e in &draft.evidence {
            ui.label(format!("• {e}"));
        }
        if !draft.warnings.is_empty() {
            ui.add_space(4.0);
            heading(ui, "Warnings");
            for w in &draft.warnings {
                ui.label(RichText::new(format!("⚠ {w}")).color(palette.warn));
            }
        }
    });
}

/// A persona as a slide: the name large, its traits and action, and its figures as cards.
pub fn slide(ui: &mut Ui, shown: &Shown<'_>, segment: usize) {
    let palette = Palette::current(ui.ctx());
    let (Some(draft), Some(s)) = (
        shown.drafts.get(segment),
        shown.figures.segments.get(segment),
    ) else {
        return;
    };
    let all = &shown.figures.kpis;
    ui.horizontal(|ui| {
        widgets::segment_swatch(ui, segment, 34.0);
        ui.label(
            RichText::new(shown.persona_name(segment))
                .size(tokens::TITLE_SIZE)
                .strong()
                .color(palette.strong),
        );
    });
    widgets::muted(
        ui,
        format!(
            "Persona {} · segment {} of {}",
            segment + 1,
            segment + 1,
            shown.figures.segments.len()
        ),
    );
    ui.add_space(tokens::SECTION_GAP);
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        heading(ui, "Traits");
        if draft.traits.is_empty() {
            widgets::muted(ui, "Close to the average customer on every feature.");
        }
        for t in &draft.traits {
            ui.label(RichText::new(format!("• {t}")).size(16.0));
        }
        ui.add_space(tokens::ITEM_GAP);
        heading(ui, "Action");
        let action = shown
            .edits
            .actions
            .get(&segment)
            .cloned()
            .or_else(|| draft.action.clone())
            .unwrap_or_default();
        if action.trim().is_empty() {
            widgets::muted(ui, ACTION_PENDING);
        } else {
            ui.label(RichText::new(action).size(18.0).strong());
        }
        if !draft.warnings.is_empty() {
            ui.add_space(tokens::ITEM_GAP);
            heading(ui, "Warnings");
            for w in &draft.warnings {
                ui.label(RichText::new(format!("⚠ {w}")).color(palette.warn));
            }
        }
        let ui = &mut cols[1];
        let pct = crate::gui::format::pct;
        let width = ((ui.available_width() - 12.0) / 2.0).max(150.0);
        let cards = [
            (
                "Share of customers",
                pct(s.customer_pct),
                format!("{} customers", crate::gui::format::count(s.customers)),
            ),
            (
                "Share of revenue",
                s.revenue_pct.map_or_else(|| "n/a".into(), pct),
                s.revenue_index()
                    .map_or_else(String::new, |i| format!("{i:.1}× its share of customers")),
            ),
            (
                "Spend per customer",
                s.avg_spend
                    .map_or_else(|| "n/a".into(), crate::gui::format::amount),
                all.avg_spend.map_or_else(String::new, |v| {
                    format!("vs {} overall", crate::gui::format::amount(v))
                }),
            ),
            (
                "Promo response",
                s.promo_rate
                    .map_or_else(|| "n/a".into(), |v| pct(100.0 * v)),
                all.promo_rate
                    .map_or_else(String::new, |v| format!("vs {} overall", pct(100.0 * v))),
            ),
        ];
        for pair in cards.chunks(2) {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 12.0;
                for (title, value, note) in pair {
                    widgets::kpi_card(ui, width, title, value, note, title);
                }
            });
            ui.add_space(12.0);
        }
    });
}

fn heading(ui: &mut Ui, text: &str) {
    let palette = Palette::current(ui.ctx());
    ui.label(
        RichText::new(text.to_uppercase())
            .size(tokens::SMALL_SIZE)
            .strong()
            .color(palette.muted),
    );
}

fn track_focus(response: &egui::Response, field: Field, out: &mut Vec<Action>) {
    if response.gained_focus() {
        out.push(Action::Typing(Some(field)));
    } else if response.lost_focus() {
        out.push(Action::Typing(None));
    }
}
