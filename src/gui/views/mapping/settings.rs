//! The Advanced settings of the mapping screen: number of segments, the k range, seeds, the
//! scaler, the smallest segment, features, outlier capping, one-hot encoding and duplicates.
//! Each change is an undoable edit of the document's run settings.

use crate::config::{KChoice, LogChoice, RunConfig, ScalerChoice, limits};
use crate::gui::document::history::{Edit, Field, Setting};
use crate::gui::views::{Action, Context, View};
use crate::gui::widgets;
use egui::{Response, Ui};

/// The settings, with the feature list being typed.
#[derive(Debug, Default)]
pub(crate) struct SettingsView {
    /// The list field being typed into and its text as typed, until it loses focus; the
    /// settings hold the parsed list.
    typing: Option<(Setting, String)>,
}

/// Turns what the widgets did into edits of the settings as they were at the frame's start.
struct Edits<'a> {
    config: &'a RunConfig,
    out: &'a mut Vec<Action>,
}

impl Edits<'_> {
    /// Push the edit `change` makes to the settings, if it changes them. A drag or a typed
    /// value is one undo step: the step opens when `response` starts and closes when it ends.
    fn set(&mut self, setting: Setting, response: &Response, change: impl FnOnce(&mut RunConfig)) {
        let field = Field::Setting(setting);
        if response.drag_started() || response.gained_focus() {
            self.out.push(Action::Typing(Some(field.clone())));
        }
        let mut next = self.config.clone();
        change(&mut next);
        if next != *self.config {
            self.out
                .push(Action::Edit(Edit::setting(setting, self.config, next)));
        }
        if response.drag_stopped() || response.lost_focus() {
            self.out.push(Action::Typing(None));
        }
    }
}

impl View for SettingsView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        let config = cx.document.config();
        let mut edits = Edits { config, out };
        egui::Grid::new("advanced-grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                segments_rows(ui, config, &mut edits);
                self.features_rows(ui, config, &mut edits);
                let label = ui.label(Setting::OutlierCapping.label());
                let mut factor = config.iqr_factor;
                let response = ui
                    .add(
                        egui::DragValue::new(&mut factor)
                            .range(limits::IQR_FACTOR.range())
                            .speed(0.05)
                            .prefix("IQR × "),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(
                        "Cap values beyond Q1 − f·IQR and Q3 + f·IQR; 0 turns capping off",
                    );
                edits.set(Setting::OutlierCapping, &response, |c| {
                    c.iqr_factor = factor
                });
                ui.end_row();
            });
        let mut one_hot = config.one_hot;
        let response = ui.checkbox(&mut one_hot, Setting::OneHot.label());
        edits.set(Setting::OneHot, &response, |c| c.one_hot = one_hot);
        let mut keep = !config.drop_duplicates;
        let response = ui.checkbox(&mut keep, Setting::KeepDuplicates.label());
        edits.set(Setting::KeepDuplicates, &response, |c| {
            c.drop_duplicates = !keep
        });
        if let Some(analysis) = cx.document.analysis() {
            widgets::muted(
                ui,
                format!(
                    "Features of the last run: {}",
                    analysis.features.names().join(", ")
                ),
            );
        }
        let response = ui.button(Setting::Defaults.label()).on_hover_text(
            "Automatic k from 2 to 8, 10 seeds, automatic scaler, 5% smallest segment",
        );
        if response.clicked() {
            self.typing = None;
            edits.set(Setting::Defaults, &response, |c| *c = RunConfig::default());
        }
    }
}

/// Number of segments, the k range, seeds, base seed, scaler and the smallest segment.
fn segments_rows(ui: &mut Ui, config: &RunConfig, edits: &mut Edits<'_>) {
    let label = ui.label(Setting::NumberOfSegments.label());
    ui.horizontal(|ui| {
        let mut auto = config.k == KChoice::Auto;
        let automatic = ui.radio_value(&mut auto, true, "Automatic");
        let fixed_choice = ui.radio_value(&mut auto, false, "Fixed");
        let mut fixed = match config.k {
            KChoice::Fixed(k) => k,
            KChoice::Auto => 4,
        };
        let value = ui
            .add_enabled(
                !auto,
                egui::DragValue::new(&mut fixed).range(limits::SEGMENTS.range()),
            )
            .labelled_by(label.id);
        let k = if auto {
            KChoice::Auto
        } else {
            KChoice::Fixed(fixed)
        };
        let response = automatic | fixed_choice | value;
        edits.set(Setting::NumberOfSegments, &response, |c| c.k = k);
    });
    ui.end_row();

    let label = ui.label("k range (automatic)");
    ui.horizontal(|ui| {
        for (setting, value) in [
            (Setting::SmallestK, config.k_min),
            (Setting::LargestK, config.k_max),
        ] {
            if setting == Setting::LargestK {
                ui.label("to");
            }
            let mut k = value;
            let response = ui
                .add(egui::DragValue::new(&mut k).range(limits::SEGMENTS.range()))
                .accessible_name(setting.label());
            edits.set(setting, &response, |c| match setting {
                Setting::SmallestK => c.k_min = k,
                _ => c.k_max = k,
            });
        }
    })
    .response
    .labelled_by(label.id);
    ui.end_row();

    let label = ui.label("k range for decisions");
    ui.horizontal(|ui| {
        for (setting, value) in [
            (Setting::DecisionLow, config.decision_k.0),
            (Setting::DecisionHigh, config.decision_k.1),
        ] {
            if setting == Setting::DecisionHigh {
                ui.label("to");
            }
            let mut k = value;
            let response = ui
                .add(egui::DragValue::new(&mut k).range(2..=30))
                .accessible_name(setting.label())
                .on_hover_text("The automatic k prefers a stable k in this range (2 is allowed when nothing in it holds)");
            edits.set(setting, &response, |c| match setting {
                Setting::DecisionLow => c.decision_k.0 = k,
                _ => c.decision_k.1 = k,
            });
        }
    })
    .response
    .labelled_by(label.id);
    ui.end_row();

    let label = ui.label(Setting::LogTransform.label());
    let mut log = config.log;
    let response = egui::ComboBox::from_id_salt("log-transform")
        .selected_text(log_text(log))
        .show_ui(ui, |ui| {
            for choice in [LogChoice::Auto, LogChoice::On, LogChoice::Off] {
                ui.selectable_value(&mut log, choice, log_text(choice));
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(
            "log1p of amounts and counts before scaling: automatic when the skewness exceeds 1",
        );
    edits.set(Setting::LogTransform, &response, |c| c.log = log);
    ui.end_row();

    let label = ui.label(Setting::Seeds.label());
    let mut seeds = config.seeds;
    let response = ui
        .add(egui::DragValue::new(&mut seeds).range(limits::SEEDS.range()))
        .labelled_by(label.id)
        .on_hover_text("k-means runs per k, each from its own k-means++ start");
    edits.set(Setting::Seeds, &response, |c| c.seeds = seeds);
    ui.end_row();

    let label = ui.label(Setting::BaseSeed.label());
    let mut seed = config.seed;
    let response = ui
        .add(egui::DragValue::new(&mut seed))
        .labelled_by(label.id);
    edits.set(Setting::BaseSeed, &response, |c| c.seed = seed);
    ui.end_row();

    let label = ui.label(Setting::Scaler.label());
    let mut scaler = config.scaler;
    let response = egui::ComboBox::from_id_salt("scaler")
        .selected_text(scaler_text(scaler))
        .show_ui(ui, |ui| {
            for s in [
                ScalerChoice::Auto,
                ScalerChoice::Standard,
                ScalerChoice::Robust,
                ScalerChoice::MinMax,
            ] {
                ui.selectable_value(&mut scaler, s, scaler_text(s));
            }
        })
        .response
        .labelled_by(label.id);
    edits.set(Setting::Scaler, &response, |c| c.scaler = scaler);
    ui.end_row();

    let label = ui.label(Setting::SmallestSegment.label());
    let mut share = config.min_segment_share * 100.0;
    let response = ui
        .add(
            egui::Slider::new(
                &mut share,
                limits::MIN_SHARE.min * 100.0..=limits::MIN_SHARE.max * 100.0,
            )
            .suffix("%"),
        )
        .on_hover_text("The smallest share of customers a segment may hold")
        .labelled_by(label.id);
    // Only a change of the slider: the share goes through a percentage and back.
    let changed = response.changed();
    edits.set(Setting::SmallestSegment, &response, |c| {
        if changed {
            c.min_segment_share = share / 100.0;
        }
    });
    ui.end_row();
}

impl SettingsView {
    /// The two feature lists, typed as comma-separated names.
    fn features_rows(&mut self, ui: &mut Ui, config: &RunConfig, edits: &mut Edits<'_>) {
        for (setting, list, hint) in [
            (
                Setting::OnlyFeatures,
                &config.include_features,
                "default set",
            ),
            (Setting::LeaveOut, &config.exclude_features, "none"),
        ] {
            let label = ui.label(setting.label());
            let mut text = match &self.typing {
                Some((s, text)) if *s == setting => text.clone(),
                _ => list.join(", "),
            };
            let response = ui
                .add(egui::TextEdit::singleline(&mut text).hint_text(hint))
                .labelled_by(label.id);
            if response.has_focus() {
                self.typing = Some((setting, text.clone()));
            } else if self.typing.as_ref().is_some_and(|(s, _)| *s == setting) {
                self.typing = None;
            }
            if response.changed() {
                let names = split_list(&text);
                edits.set(setting, &response, |c| match setting {
                    Setting::OnlyFeatures => c.include_features = names,
                    _ => c.exclude_features = names,
                });
            } else {
                edits.set(setting, &response, |_| {});
            }
            ui.end_row();
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

fn log_text(choice: LogChoice) -> &'static str {
    match choice {
        LogChoice::Auto => "Automatic (skewness > 1)",
        LogChoice::On => "Every amount and count",
        LogChoice::Off => "Off",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_lists_are_split_on_commas() {
        assert_eq!(
            split_list(" income, , age ,recency"),
            vec!["income", "age", "recency"]
        );
        assert!(split_list(" , ").is_empty());
    }
}
