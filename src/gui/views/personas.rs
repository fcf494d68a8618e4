//! The Personas tab: one card per persona (the core's synthesis) with its name, traits,
//! action, evidence and warnings. Name and action are edited inline; each edit is undoable and
//! saved in the session.

use super::{Action, Context, Shown, View};
use crate::features::feature_label;
use crate::format::{Percent, count, number, percent};
use crate::gui::document::history::{Edit, Field};
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::personas::{Persona, PersonaEvidence};
use egui::{RichText, Ui};

#[derive(Debug, Default)]
pub(crate) struct PersonasView {
    /// The field being typed into and its text as typed (spaces and all), until it loses
    /// focus; the persona itself holds the trimmed value.
    typing: Option<(Field, String)>,
}

impl View for PersonasView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        let Some(shown) = &cx.shown else {
            return;
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .id_salt("personas-scroll")
            .show(ui, |ui| {
                widgets::section(
                    ui,
                    "Persona cards",
                    "One persona per segment, drawn from its profile. Click a name or an action to edit it; Ctrl+Z undoes.",
                );
                let per_row = if ui.available_width() > 1100.0 { 2 } else { 1 };
                let segments: Vec<usize> = shown.personas.iter().map(|p| p.segment).collect();
                for chunk in segments.chunks(per_row) {
                    ui.columns(per_row, |cols| {
                        for (ui, &s) in cols.iter_mut().zip(chunk) {
                            self.card(ui, shown, s, out);
                        }
                    });
                    ui.add_space(tokens::ITEM_GAP);
                }
            });
    }
}

impl PersonasView {
    /// The text a field shows: as typed while it has focus, else the persona's value.
    fn text_of(&self, field: &Field, value: &str) -> String {
        match &self.typing {
            Some((f, text)) if f == field => text.clone(),
            _ => value.to_string(),
        }
    }

    /// Keep the typed text while the field has focus, and tell the workbench which field is
    /// being typed into (one undo step per field visit).
    fn track(
        &mut self,
        response: &egui::Response,
        field: Field,
        text: &str,
        out: &mut Vec<Action>,
    ) {
        if response.gained_focus() {
            out.push(Action::Typing(Some(field.clone())));
        }
        if response.has_focus() {
            self.typing = Some((field, text.to_string()));
        } else if response.lost_focus() {
            if self.typing.as_ref().is_some_and(|(f, _)| *f == field) {
                self.typing = None;
            }
            out.push(Action::Typing(None));
        }
    }

    fn card(&mut self, ui: &mut Ui, shown: &Shown<'_>, segment: usize, out: &mut Vec<Action>) {
        let palette = Palette::current(ui.ctx());
        let Some(persona) = shown.persona(segment) else {
            return;
        };
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
                        percent(persona.evidence.share_pct, Percent::OneDecimal)
                    ))
                    .color(palette.muted),
                );
            });

            let field = Field::PersonaName(segment);
            let mut text = self.text_of(&field, persona.display_name());
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .font(egui::FontId::proportional(tokens::HEADING_SIZE))
                        .desired_width(f32::INFINITY)
                        .hint_text(&persona.label.name),
                )
                .accessible_name(format!("Persona {} name", segment + 1))
                .on_hover_text(format!(
                    "The persona's name, shown everywhere (Overview, slides, sessions). Suggested: {} ({}). Clear it to restore the suggestion.",
                    persona.label.name, persona.naming
                ));
            self.track(&response, field.clone(), &text, out);
            if let Some(after) = edited(&response, &text, &persona.label.name, &persona.label.user_name) {
                out.push(Action::Edit(Edit::persona_name(
                    segment,
                    persona.label.user_name.clone(),
                    after,
                )));
            }
            problem(ui, shown, &field);

            ui.add_space(6.0);
            heading(ui, "Traits");
            traits(ui, persona, 14.0);
            ui.add_space(4.0);
            heading(ui, "Action");
            let field = Field::PersonaAction(segment);
            let mut text = self.text_of(&field, persona.display_action());
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut text)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .hint_text(&persona.action),
                )
                .accessible_name(format!("Persona {} action", segment + 1))
                .on_hover_text("The recommended action; clear it to restore the suggestion");
            self.track(&response, field.clone(), &text, out);
            if let Some(after) = edited(&response, &text, &persona.action, &persona.label.user_action)
            {
                out.push(Action::Edit(Edit::persona_action(
                    segment,
                    persona.label.user_action.clone(),
                    after,
                )));
            }
            problem(ui, shown, &field);
            ui.add_space(4.0);
            heading(ui, "Evidence");
            for e in evidence_lines(&persona.evidence) {
                widgets::paragraph(ui, format!("• {e}"));
            }
            warnings(ui, persona, &palette);
        });
    }
}

/// The user's value from the typed text: `None` (the suggestion) when empty or equal to it.
/// The user's new value of a persona field whose text just changed, if it differs from the
/// value it had (`None` inside means "back to the suggestion").
fn edited(
    response: &egui::Response,
    text: &str,
    suggested: &str,
    before: &Option<String>,
) -> Option<Option<String>> {
    response
        .changed()
        .then(|| user_value(text, suggested))
        .filter(|after| after != before)
}

fn user_value(text: &str, suggested: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty() && trimmed != suggested).then(|| trimmed.to_string())
}

/// Why the last edit of `field` was refused, under the field.
fn problem(ui: &mut Ui, shown: &Shown<'_>, field: &Field) {
    if let Some((f, message)) = shown.problem
        && f == field
    {
        let palette = Palette::current(ui.ctx());
        widgets::paragraph(ui, RichText::new(message).color(palette.error_stroke));
    }
}

fn traits(ui: &mut Ui, persona: &Persona, size: f32) {
    if persona.traits.is_empty() {
        widgets::muted(ui, "Close to the average customer on every feature.");
    }
    for t in &persona.traits {
        widgets::paragraph(ui, RichText::new(format!("• {t}")).size(size));
    }
}

fn warnings(ui: &mut Ui, persona: &Persona, palette: &Palette) {
    if persona.warnings.is_empty() {
        return;
    }
    ui.add_space(4.0);
    heading(ui, "Warnings");
    for w in &persona.warnings {
        widgets::paragraph(ui, RichText::new(format!("⚠ {w}")).color(palette.warn));
    }
}

/// The figures behind a persona, one sentence each.
fn evidence_lines(e: &PersonaEvidence) -> Vec<String> {
    let mut lines = vec![format!(
        "{} customers, {} of the base",
        count(e.customers),
        percent(e.share_pct, Percent::OneDecimal)
    )];
    if let (Some(r), Some(index)) = (e.revenue_pct, e.value_index) {
        lines.push(format!(
            "{} of revenue, {index:.1}× its share of customers",
            percent(r, Percent::OneDecimal)
        ));
    }
    if let Some(lift) = e.spend_lift {
        lines.push(format!("Spends {lift:.1}× the average customer"));
    }
    if let Some(lift) = e.promo_lift {
        lines.push(format!(
            "Responds to campaigns {lift:.1}× as often as the average customer"
        ));
    }
    if let Some(d) = e.deal_dependency_pct {
        lines.push(format!(
            "{} of purchases made on deals",
            percent(d, Percent::OneDecimal)
        ));
    }
    if let Some(a) = e.discount_addicted_pct {
        lines.push(format!(
            "{} discount-addicted",
            percent(a, Percent::OneDecimal)
        ));
    }
    for f in &e.distinguishing {
        let (label, unit) = feature_label(&f.feature);
        lines.push(format!(
            "{label}: {} vs {} overall ({} σ)",
            unit.show(f.segment_mean),
            unit.show(f.population_mean),
            crate::format::signed(f.z, 1)
        ));
    }
    if let (Some(mean), Some(min)) = (e.stability_mean_ari, e.stability_min_ari) {
        lines.push(format!(
            "Agreement across seeds {mean:.2} on average, {min:.2} at the lowest"
        ));
    }
    lines
}

/// A persona as a slide: the name large, its traits and action, and its figures as cards.
pub(crate) struct PersonaSlide(pub(crate) usize);

impl View for PersonaSlide {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, _out: &mut Vec<Action>) {
        if let Some(shown) = &cx.shown {
            slide(ui, shown, self.0);
        }
    }
}

fn slide(ui: &mut Ui, shown: &Shown<'_>, segment: usize) {
    let palette = Palette::current(ui.ctx());
    let (Some(persona), Some(s)) = (shown.persona(segment), shown.figures.segments.get(segment))
    else {
        return;
    };
    let all = &shown.figures.kpis;
    ui.horizontal(|ui| {
        widgets::segment_swatch(ui, segment, 34.0);
        ui.label(
            RichText::new(persona.display_name())
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
        traits(ui, persona, 16.0);
        ui.add_space(tokens::ITEM_GAP);
        heading(ui, "Action");
        widgets::paragraph(
            ui,
            RichText::new(persona.display_action()).size(18.0).strong(),
        );
        warnings(ui, persona, &palette);
        let ui = &mut cols[1];
        let width = ((ui.available_width() - 12.0) / 2.0).max(150.0);
        let cards = [
            (
                "Share of customers",
                percent(s.customer_pct, Percent::OneDecimal),
                format!("{} customers", count(s.customers)),
            ),
            (
                "Share of revenue",
                s.revenue_pct
                    .map_or_else(|| "n/a".into(), |v| percent(v, Percent::OneDecimal)),
                s.revenue_index()
                    .map_or_else(String::new, |i| format!("{i:.1}× its share of customers")),
            ),
            (
                "Spend per customer",
                s.avg_spend
                    .map_or_else(|| "n/a".into(), |v| number(v, 1_000.0)),
                all.avg_spend_per_customer
                    .get()
                    .map_or_else(String::new, |v| {
                        format!("vs {} overall", number(*v, 1_000.0))
                    }),
            ),
            (
                "Promo response",
                s.promo_rate
                    .map_or_else(|| "n/a".into(), |v| percent(100.0 * v, Percent::OneDecimal)),
                all.promo_response_pct.get().map_or_else(String::new, |v| {
                    format!("vs {} overall", percent(*v, Percent::OneDecimal))
                }),
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
