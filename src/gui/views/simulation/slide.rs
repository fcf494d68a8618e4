//! The Simulation slide of presentation mode: live sliders a workshop drives from the big
//! screen, the headline net impact with its band, and the waterfall. The sliders change the
//! scenario being edited, as on the tab (undoable, marked unsaved).

use super::band::BandState;
use super::edits::Edits;
use super::{Support, charts, levers, results};
use crate::format::{Percent, percent, thousands};
use crate::gui::tokens::{self, Palette};
use crate::gui::views::Shown;
use crate::simulate::{LeverKind, SimulationBase};
use egui::{RichText, Ui};

/// The room a slider's value box and its spacing take to the slider's right.
const SLIDER_VALUE_BOX: f32 = 100.0;

pub(super) fn ui(
    ui: &mut Ui,
    shown: &Shown<'_>,
    base: &SimulationBase,
    edits: &mut Edits<'_>,
    band: &mut BandState,
) {
    let palette = Palette::current(ui.ctx());
    ui.heading(format!("What if… · {}", edits.bench().active().name));
    ui.add_space(tokens::ITEM_GAP);
    ui.columns(2, |cols| {
        let [left, right] = cols else {
            return;
        };
        let support = Support::new(shown, base, &edits.next);
        for lever in LeverKind::ALL {
            if support.unavailable(lever).is_some() {
                continue;
            }
            tokens::card_frame(&palette).show(left, |ui| {
                ui.set_width(ui.available_width());
                // The label above, the slider and its value box below, inside the card.
                ui.spacing_mut().slider_width =
                    (ui.available_width() - SLIDER_VALUE_BOX).max(120.0);
                levers::switch(ui, &support, edits, lever);
                levers::slider(ui, &support, edits, lever);
            });
            left.add_space(tokens::ITEM_GAP * 0.5);
        }
        let simulation = edits.next.simulate(base);
        let shown_band = band.shown(&edits.next);
        right.label(RichText::new(results::NET_IMPACT).color(palette.muted));
        right.label(
            RichText::new(thousands(simulation.net_impact()))
                .size(48.0)
                .strong()
                .color(palette.strong),
        );
        right.label(
            RichText::new(format!(
                "Revenue {} · cost {} · P10 to P90: {}",
                percent(simulation.revenue_change_pct(), Percent::OneDecimal),
                thousands(simulation.total.cost),
                results::band_text(shown_band)
            ))
            .size(18.0),
        );
        right.add_space(tokens::ITEM_GAP);
        let height = (right.available_height() - 20.0).clamp(160.0, 420.0);
        charts::waterfall(right, &simulation, shown_band, height);
    });
}
