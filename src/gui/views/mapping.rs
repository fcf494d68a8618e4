//! The mapping screen: a preview of the first rows, each column's detected role (editable),
//! the insight families the mapping enables or not and why, the validation result, the
//! advanced settings, and Run segmentation.

use super::Action;
use crate::config::{KChoice, RunConfig, ScalerChoice};
use crate::features::{FamilyStatus, family_status};
use crate::format;
use crate::gui::command::Command;
use crate::gui::dataset::{Dataset, role_text, spend_category};
use crate::gui::state::Edit;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::roles::{ColumnMapping, Role};
use crate::validate::check_mapping;
use egui::{RichText, Ui};

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 8;

/// What the mapping allows, computed when the mapping changes.
#[derive(Debug, Clone)]
pub struct MappingCheck {
    pub families: Vec<FamilyStatus>,
    /// Why the mapping cannot run (names the column and row), if it cannot.
    pub problem: Option<String>,
    /// Things worth knowing that do not stop the run.
    pub notes: Vec<String>,
}

impl MappingCheck {
    pub fn of(dataset: &Dataset, mapping: &ColumnMapping) -> MappingCheck {
        let problem = check_mapping(&dataset.table, mapping)
            .err()
            .map(|e| e.to_string());
        let mut notes = Vec::new();
        if mapping.first_with(&Role::CustomerId).is_none() {
            notes.push("No customer id column: customers are numbered by row.".into());
        }
        let used = mapping
            .entries
            .iter()
            .filter(|(_, r)| *r != Role::Ignore)
            .count();
        notes.push(format!(
            "{used} of {} columns are used.",
            mapping.entries.len()
        ));
        for ((name, role), missing) in mapping.entries.iter().zip(&dataset.missing) {
            if *missing > 0 && *role != Role::Ignore {
                notes.push(format!(
                    "\"{name}\" has {} missing values; they are filled in (median or \"Unknown\").",
                    format::count(*missing)
                ));
            }
        }
        MappingCheck {
            families: family_status(mapping),
            problem,
            notes,
        }
    }
}

#[derive(Debug, Default)]
pub struct MappingView {
    check: Option<(ColumnMapping, MappingCheck)>,
    include_text: Option<String>,
    exclude_text: Option<String>,
}

/// What the mapping screen needs besides the dataset.
pub struct MappingContext<'a> {
    pub run: Result<(), String>,
    pub has_analysis: bool,
    /// Feature names of the last run, as a hint for the feature fields.
    pub known_features: Vec<String>,
    pub config: &'a mut RunConfig,
}

impl MappingView {
    /// Recompute the check when the mapping changed.
    pub fn refresh(&mut self, dataset: &Dataset, mapping: &ColumnMapping) {
        if self.check.as_ref().is_none_or(|(m, _)| m != mapping) {
            self.check = Some((mapping.clone(), MappingCheck::of(dataset, mapping)));
        }
    }

    /// Why the current mapping cannot run, if it cannot.
    pub fn problem(&self) -> Option<&str> {
        self.check.as_ref().and_then(|(_, c)| c.problem.as_deref())
    }

    /// Forget the feature fields (a new dataset).
    pub fn reset(&mut self) {
        *self = MappingView::default();
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        dataset: &Dataset,
        mapping: &ColumnMapping,
        context: MappingContext<'_>,
        out: &mut Vec<Action>,
    ) {
        self.refresh(dataset, mapping);
        let palette = Palette::current(ui.ctx());
        let table = &dataset.table;
        ui.label(
            RichText::new(format!("Review the columns of {}", table.file_name))
                .size(tokens::HEADING_SIZE + 2.0)
                .strong()
                .color(palette.strong),
        );
        widgets::muted(
            ui,
            format!(
                "{} rows × {} columns · {}. Each column's role was detected from its name and values; change any role, then run.",
                format::count(table.n_rows()),
                table.columns.len(),
                table.format.describe()
            ),
        );
        ui.add_space(tokens::ITEM_GAP);
        let MappingContext {
            run,
            has_analysis,
            known_features,
            config,
        } = context;
        egui::Panel::right("mapping-side")
            .resizable(false)
            .default_size(400.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .id_salt("mapping-side-scroll")
                    .show(ui, |ui| {
                        self.side(ui, &run, has_analysis, &known_features, config, out);
                    });
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .id_salt("mapping-columns-scroll")
                .show(ui, |ui| {
                    columns(ui, dataset, mapping, out);
                    ui.add_space(tokens::SECTION_GAP);
                    preview(ui, dataset);
                });
        });
    }

    fn side(
        &mut self,
        ui: &mut Ui,
        run: &Result<(), String>,
        has_analysis: bool,
        known_features: &[String],
        config: &mut RunConfig,
        out: &mut Vec<Action>,
    ) {
        let palette = Palette::current(ui.ctx());
        let Some((_, check)) = &self.check else {
            return;
        };
        ui.add_space(4.0);
        let response = widgets::primary_button(
            ui,
            Command::RunSegmentation.text(),
            ui.available_width(),
            &Command::RunSegmentation.hover_text(ui.ctx()),
            run,
        );
        if response.clicked() {
            out.push(Action::Command(Command::RunSegmentation));
        }
        if has_analysis
            && ui
                .button("Back to the analysis")
                .on_hover_text("Keep the current analysis and leave this screen")
                .clicked()
        {
            out.push(Action::BackToAnalysis);
        }
        ui.add_space(tokens::SECTION_GAP);
        ui.label(RichText::new("Validation").heading());
        match &check.problem {
            Some(problem) => {
                ui.label(RichText::new(format!("✖ {problem}")).color(palette.error_stroke));
            }
            None => {
                widgets::status_chip(ui, true, "The mapping fits the data");
            }
        }
        if let Err(e) = config.clone().validate() {
            ui.label(RichText::new(format!("✖ Settings: {e}")).color(palette.error_stroke));
        }
        for note in &check.notes {
            widgets::muted(ui, format!("• {note}"));
        }
        ui.add_space(tokens::SECTION_GAP);
        ui.label(RichText::new("Insight families").heading());
        for f in &check.families {
            widgets::status_chip(ui, f.available, f.family.label()).on_hover_text(&f.reason);
            if !f.available {
                ui.indent(("family-reason", f.family.label()), |ui| {
                    widgets::muted(ui, &f.reason);
                });
            }
        }
        ui.add_space(tokens::SECTION_GAP);
        egui::CollapsingHeader::new("Advanced")
            .default_open(false)
            .show(ui, |ui| self.advanced(ui, known_features, config));
    }

    fn advanced(&mut self, ui: &mut Ui, known_features: &[String], config: &mut RunConfig) {
        egui::Grid::new("advanced-grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("Number of segments");
                let mut auto = config.k == KChoice::Auto;
                ui.horizontal(|ui| {
                    ui.radio_value(&mut auto, true, "Automatic");
                    ui.radio_value(&mut auto, false, "Fixed");
                    let mut fixed = match config.k {
                        KChoice::Fixed(k) => k,
                        KChoice::Auto => 4,
                    };
                    ui.add_enabled(!auto, egui::DragValue::new(&mut fixed).range(2..=30))
                        .labelled_by(label.id);
                    config.k = if auto {
                        KChoice::Auto
                    } else {
                        KChoice::Fixed(fixed)
                    };
                });
                ui.end_row();

                let label = ui.label("k range (automatic)");
                ui.horizontal(|ui| {
                    ui.add(egui::DragValue::new(&mut config.k_min).range(2..=30))
                        .accessible_name("Smallest k");
                    ui.label("to");
                    ui.add(egui::DragValue::new(&mut config.k_max).range(2..=30))
                        .accessible_name("Largest k");
                })
                .response
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label("Seeds per k");
                ui.add(egui::DragValue::new(&mut config.seeds).range(1..=200))
                    .labelled_by(label.id)
                    .on_hover_text("k-means runs per k, each from its own k-means++ start");
                ui.end_row();

                let label = ui.label("Base seed");
                ui.add(egui::DragValue::new(&mut config.seed))
                    .labelled_by(label.id);
                ui.end_row();

                let label = ui.label("Scaler");
                egui::ComboBox::from_id_salt("scaler")
                    .selected_text(scaler_text(config.scaler))
                    .show_ui(ui, |ui| {
                        for s in [
                            ScalerChoice::Auto,
                            ScalerChoice::Standard,
                            ScalerChoice::Robust,
                            ScalerChoice::MinMax,
                        ] {
                            ui.selectable_value(&mut config.scaler, s, scaler_text(s));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();

                let label = ui.label("Smallest segment");
                let mut share = config.min_segment_share * 100.0;
                ui.add(egui::Slider::new(&mut share, 0.0..=30.0).suffix("%"))
                    .on_hover_text("The smallest share of customers a segment may hold")
                    .labelled_by(label.id);
                config.min_segment_share = share / 100.0;
                ui.end_row();

                let label = ui.label("Use only these features");
                let include = self
                    .include_text
                    .get_or_insert_with(|| config.include_features.join(", "));
                if ui
                    .add(egui::TextEdit::singleline(include).hint_text("default set"))
                    .labelled_by(label.id)
                    .changed()
                {
                    config.include_features = split_list(include);
                }
                ui.end_row();

                let label = ui.label("Leave out");
                let exclude = self
                    .exclude_text
                    .get_or_insert_with(|| config.exclude_features.join(", "));
                if ui
                    .add(egui::TextEdit::singleline(exclude).hint_text("none"))
                    .labelled_by(label.id)
                    .changed()
                {
                    config.exclude_features = split_list(exclude);
                }
                ui.end_row();

                let label = ui.label("Outlier capping");
                ui.add(
                    egui::DragValue::new(&mut config.iqr_factor)
                        .range(0.0..=10.0)
                        .speed(0.05)
                        .prefix("IQR × "),
                )
                .labelled_by(label.id)
                .on_hover_text("Cap values beyond Q1 − f·IQR and Q3 + f·IQR; 0 turns capping off");
                ui.end_row();
            });
        ui.checkbox(&mut config.one_hot, "One-hot encode categories as features");
        let mut keep = !config.drop_duplicates;
        ui.checkbox(&mut keep, "Keep exact duplicate customers");
        config.drop_duplicates = !keep;
        if !known_features.is_empty() {
            widgets::muted(
                ui,
                format!("Features of the last run: {}", known_features.join(", ")),
            );
        }
        if ui
            .button("Reset to defaults")
            .on_hover_text(
                "Automatic k from 2 to 8, 10 seeds, automatic scaler, 5% smallest segment",
            )
            .clicked()
        {
            *config = RunConfig::default();
            self.include_text = None;
            self.exclude_text = None;
        }
    }
}

fn scaler_text(s: ScalerChoice) -> &'static str {
    match s {
        ScalerChoice::Auto => "Automatic (best of three)",
        ScalerChoice::Standard => "Standard (z-score)",
        ScalerChoice::Robust => "Robust (median / IQR)",
        ScalerChoice::MinMax => "Min–max",
    }
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The columns with their detected role, a combo box to change it, and why it was detected.
fn columns(ui: &mut Ui, dataset: &Dataset, mapping: &ColumnMapping, out: &mut Vec<Action>) {
    let palette = Palette::current(ui.ctx());
    ui.label(RichText::new("Column roles").heading());
    ui.add_space(4.0);
    egui::Grid::new("mapping-grid")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for h in ["Column", "Values", "Missing", "Role", "Why"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (i, (name, role)) in mapping.entries.iter().enumerate() {
                let detected = dataset.detected.iter().find(|d| &d.name == name);
                ui.label(RichText::new(name).strong());
                ui.label(detected.map_or("", |d| d.kind.describe()));
                let missing = dataset.missing.get(i).copied().unwrap_or(0);
                ui.label(if missing == 0 {
                    "–".to_string()
                } else {
                    format::count(missing)
                });
                role_combo(ui, name, role, out);
                let why = detected.map_or(String::new(), |d| {
                    if d.role == *role {
                        d.reason.clone()
                    } else {
                        format!("changed by you (detected: {})", role_text(&d.role))
                    }
                });
                ui.label(RichText::new(why).color(palette.muted));
                ui.end_row();
            }
        });
}

fn role_combo(ui: &mut Ui, column: &str, role: &Role, out: &mut Vec<Action>) {
    let mut chosen: Option<Role> = None;
    egui::ComboBox::from_id_salt(("role", column))
        .selected_text(role_text(role))
        .width(210.0)
        .height(620.0)
        .show_ui(ui, |ui| {
            for candidate in Role::catalogue() {
                let candidate = match candidate {
                    Role::Spend(_) => Role::Spend(match role {
                        Role::Spend(c) => c.clone(),
                        _ => spend_category(column),
                    }),
                    other => other,
                };
                let selected = &candidate == role;
                if ui
                    .selectable_label(selected, role_text(&candidate))
                    .clicked()
                {
                    if !selected {
                        chosen = Some(candidate);
                    }
                    ui.close();
                }
            }
        })
        .response
        .accessible_name(format!("Role of {column}"));
    if let Some(after) = chosen {
        out.push(Action::Edit(Edit::Role {
            column: column.to_string(),
            before: role.clone(),
            after,
        }));
    }
}

/// The first rows of the file.
fn preview(ui: &mut Ui, dataset: &Dataset) {
    let palette = Palette::current(ui.ctx());
    ui.label(RichText::new("First rows").heading());
    ui.add_space(4.0);
    egui::ScrollArea::horizontal()
        .id_salt("mapping-preview")
        .show(ui, |ui| {
            egui::Grid::new("preview-grid")
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for c in &dataset.table.columns {
                        ui.label(RichText::new(&c.name).strong());
                    }
                    ui.end_row();
                    let rows = dataset.table.n_rows().min(PREVIEW_ROWS);
                    for r in 0..rows {
                        for c in 0..dataset.table.columns.len() {
                            match dataset.cell(c, r) {
                                Some(text) => ui.label(text),
                                None => ui.label(RichText::new("missing").color(palette.muted)),
                            };
                        }
                        ui.end_row();
                    }
                });
        });
}
