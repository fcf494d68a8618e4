//! Compare two segments side by side: every feature's mean in each, the difference, and the
//! clear differences (half a standard deviation or more) highlighted, largest first.

use super::Shown;
use crate::format::{self, Percent, percent};
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::personas::segment_number;
use egui::{RichText, Ui};

/// Differences of at least this many standard deviations are highlighted.
pub(crate) const CLEAR_DIFFERENCE: f64 = 0.5;

#[derive(Debug)]
pub(crate) struct CompareView {
    first: usize,
    second: usize,
    only_clear: bool,
}

impl Default for CompareView {
    fn default() -> Self {
        Self {
            first: 0,
            second: 1,
            only_clear: false,
        }
    }
}

impl CompareView {
    /// The two segments compared (0-based).
    pub(crate) fn pair(&self) -> (usize, usize) {
        (self.first, self.second)
    }

    pub(crate) fn set_pair(&mut self, first: usize, second: usize) {
        self.first = first;
        self.second = second;
    }

    pub(crate) fn ui(&mut self, ui: &mut Ui, shown: &Shown<'_>) {
        let palette = Palette::current(ui.ctx());
        let figures = shown.figures;
        let k = figures.segments.len();
        self.first = self.first.min(k.saturating_sub(1));
        self.second = self.second.min(k.saturating_sub(1));
        widgets::section(
            ui,
            "Compare two segments",
            "Differences of half a standard deviation or more are highlighted",
        );
        ui.horizontal(|ui| {
            for (label, slot) in [
                ("First segment", &mut self.first),
                ("Second segment", &mut self.second),
            ] {
                let text = ui.label(label);
                egui::ComboBox::from_id_salt(label)
                    .selected_text(shown.segment_title(*slot))
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        for s in 0..k {
                            ui.selectable_value(slot, s, shown.segment_title(s));
                        }
                    })
                    .response
                    .labelled_by(text.id);
                ui.add_space(16.0);
            }
            ui.checkbox(&mut self.only_clear, "Only clear differences");
        });
        ui.add_space(tokens::ITEM_GAP);
        let (a, b) = (
            &figures.segments[self.first],
            &figures.segments[self.second],
        );
        ui.columns(2, |cols| {
            for (ui, s) in cols.iter_mut().zip([a, b]) {
                tokens::card_frame(&palette).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    widgets::segment_label(ui, s.index, &shown.segment_title(s.index));
                    ui.label(format!(
                        "{} customers ({}) · {} of revenue",
                        format::count(s.customers),
                        percent(s.customer_pct, Percent::OneDecimal),
                        s.revenue_pct
                            .map_or_else(|| "n/a".into(), |v| percent(v, Percent::OneDecimal))
                    ));
                });
            }
        });
        ui.add_space(tokens::ITEM_GAP);
        let mut rows: Vec<usize> = (0..figures.profile.len()).collect();
        rows.sort_by(|&i, &j| {
            let d = |f: usize| (a.z[f] - b.z[f]).abs();
            d(j).total_cmp(&d(i))
        });
        egui::Grid::new("compare-grid")
            .striped(true)
            .spacing([24.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    "Feature".to_string(),
                    segment_number(a.index),
                    segment_number(b.index),
                    "First − second".to_string(),
                    "In σ".to_string(),
                ] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for f in rows {
                    let feature = &figures.profile[f];
                    let dz = a.z[f] - b.z[f];
                    let clear = dz.abs() >= CLEAR_DIFFERENCE;
                    if self.only_clear && !clear {
                        continue;
                    }
                    let style = |text: String| {
                        if clear {
                            RichText::new(text).strong().color(palette.accent)
                        } else {
                            RichText::new(text)
                        }
                    };
                    ui.label(style(feature.label.clone()))
                        .on_hover_text(&feature.description);
                    ui.label(style(feature.unit.show(a.means[f])));
                    ui.label(style(feature.unit.show(b.means[f])));
                    ui.label(style(feature.unit.show_difference(a.means[f] - b.means[f])));
                    ui.label(style(format::signed(dz, 2)));
                    ui.end_row();
                }
            });
    }
}
