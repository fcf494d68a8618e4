//! The Data tab: the data-quality report, the mapping used, column statistics, and the run
//! id with its configuration.

use super::{Action, Context, Shown, View};
use crate::format;
use crate::format::plain;
use crate::gui::command::Command;
use crate::gui::dataset::role_text;
use crate::gui::tokens;
use crate::gui::widgets;
use egui::{RichText, Ui};

#[derive(Debug, Default)]
pub(crate) struct DataView;

impl View for DataView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        let Some(shown) = &cx.shown else {
            return;
        };
        let edit_mapping = &cx.availability(Command::EditMapping);
        let a = shown.analysis;
        let q = &a.quality;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .id_salt("data-scroll")
            .show(ui, |ui| {
                if ui.available_width() > 1100.0 {
                    ui.columns(2, |cols| {
                        quality_section(&mut cols[0], shown);
                        run_section(&mut cols[1], shown);
                    });
                } else {
                    quality_section(ui, shown);
                    ui.add_space(tokens::SECTION_GAP);
                    run_section(ui, shown);
                }
                ui.add_space(tokens::SECTION_GAP);
                ui.horizontal(|ui| {
                    ui.label(RichText::new("Mapping used").heading());
                    if crate::gui::command::command_button(ui, Command::EditMapping, edit_mapping) {
                        out.push(Action::Command(Command::EditMapping));
                    }
                });
                ui.add_space(4.0);
                egui::Grid::new("families")
                    .spacing([16.0, 4.0])
                    .show(ui, |ui| {
                        for f in &a.families {
                            ui.label(f.family.label());
                            widgets::status_chip(ui, f.available, &f.reason);
                            ui.end_row();
                        }
                    });
                ui.add_space(tokens::SECTION_GAP);
                widgets::section(
                    ui,
                    "Column statistics",
                    "Each column as loaded, before cleaning, with the role it played",
                );
                egui::ScrollArea::horizontal()
                    .id_salt("column-stats")
                    .show(ui, |ui| {
                        egui::Grid::new("column-stats-grid")
                            .striped(true)
                            .spacing([18.0, 5.0])
                            .show(ui, |ui| {
                                for h in [
                                    "Column", "Type", "Role", "Missing", "Zeros", "Min", "Max",
                                    "Distinct",
                                ] {
                                    ui.label(RichText::new(h).strong());
                                }
                                ui.end_row();
                                for c in &q.columns {
                                    ui.label(&c.name);
                                    ui.label(&c.type_name);
                                    ui.label(role_text(&c.role));
                                    ui.label(format!(
                                        "{} ({:.1}%)",
                                        format::count(c.missing),
                                        c.missing_pct
                                    ));
                                    ui.label(format!(
                                        "{} ({:.1}%)",
                                        format::count(c.zeros),
                                        c.zeros_pct
                                    ));
                                    let (min, max) = match (&c.min_text, &c.max_text) {
                                        (Some(lo), Some(hi)) => (lo.clone(), hi.clone()),
                                        _ => (
                                            c.min.map_or_else(|| "–".into(), crate::format::plain),
                                            c.max.map_or_else(|| "–".into(), crate::format::plain),
                                        ),
                                    };
                                    ui.label(min);
                                    ui.label(max);
                                    ui.label(format::count(c.distinct));
                                    ui.end_row();
                                }
                            });
                    });
                ui.add_space(tokens::SECTION_GAP);
            });
    }
}

fn quality_section(ui: &mut Ui, shown: &Shown<'_>) {
    let q = &shown.analysis.quality;
    widgets::section(
        ui,
        "Data quality",
        &format!(
            "{} ({}): {} rows × {} columns loaded, {} customers kept",
            q.file_name,
            q.format,
            format::count(q.rows_loaded),
            q.columns_loaded,
            format::count(q.customers_kept)
        ),
    );
    if q.actions.is_empty() {
        widgets::muted(ui, "Nothing needed fixing.");
    }
    let muted = crate::gui::tokens::Palette::current(ui.ctx()).muted;
    for action in &q.actions {
        let text = RichText::new(format!("• {}", action.describe()));
        let nothing_done =
            action.count() == 0 && !matches!(action, crate::validate::QualityAction::Note { .. });
        ui.label(if nothing_done {
            text.color(muted)
        } else {
            text
        });
    }
}

fn run_section(ui: &mut Ui, shown: &Shown<'_>) {
    let a = shown.analysis;
    let c = &a.config;
    widgets::section(
        ui,
        "Run",
        "The same data, mapping and settings always give the same run id",
    );
    let list = |v: &[String]| {
        if v.is_empty() {
            "default set".to_string()
        } else {
            v.join(", ")
        }
    };
    let rows = [
        ("Run id", a.run_id.clone()),
        ("Data hash", a.data_hash.clone()),
        ("Number of segments", c.k.to_string()),
        ("k range", format!("{} to {}", c.k_min, c.k_max)),
        (
            "k range for decisions",
            format!("{} to {}", c.decision_k.0, c.decision_k.1),
        ),
        ("Log transform", c.log.name().to_string()),
        ("Seeds per k", c.seeds.to_string()),
        ("Base seed", c.seed.to_string()),
        ("Scaler", format!("{:?}", c.scaler).to_lowercase()),
        ("Scaler used", a.segmentation.scaler.kind.name().to_string()),
        (
            "Minimum segment share",
            format::percent(c.min_segment_share * 100.0, format::Percent::OneDecimal),
        ),
        ("Features used", a.input.names.join(", ")),
        ("Only these features", list(&c.include_features)),
        (
            "Left out",
            if c.exclude_features.is_empty() {
                "none".into()
            } else {
                c.exclude_features.join(", ")
            },
        ),
        ("One-hot categories", yes(c.one_hot)),
        ("Remove exact duplicates", yes(c.drop_duplicates)),
        ("Outlier capping (IQR factor)", plain(c.iqr_factor)),
        ("Silhouette sample", format::count(c.silhouette_sample)),
    ];
    for (k, v) in rows {
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(200.0, 0.0),
                egui::Layout::left_to_right(egui::Align::Min),
                |ui| {
                    ui.set_width(200.0);
                    ui.label(RichText::new(k).strong());
                },
            );
            // Small enough for the 64-character run id and data hash to keep to one line.
            ui.add(egui::Label::new(RichText::new(v).monospace().size(11.5)).wrap());
        });
    }
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}
