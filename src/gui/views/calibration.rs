//! The calibration/holdout check on the "RFM and CLV" page: a cutoff date the user edits
//! (default: the middle day of the log, as `sis insights --cutoff` without a date), the
//! BG/NBD model refitted on the worker, the chart of mean actual against predicted holdout
//! purchases by calibration frequency 0..7+ with its numbers, and a sentence on how far to
//! trust the model. Disabled, with the reason, for data that is not order lines.

use super::Shown;
use super::simulation::charts::whole_marks;
use crate::charts::CalibrationChart;
use crate::format::{count, number};
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::gui::worker::{Job, JobEnd};
use crate::quality::{CleaningAction, QualityAction};
use crate::table::{DateFormat, format_day};
use crate::transactions::PurchaseLog;
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend};
use std::sync::Arc;

/// A check at one cutoff: the chart, or why it could not be made.
type Checked = Result<CalibrationChart, String>;

/// The cutoff being typed, the check shown and the one being computed.
#[derive(Default)]
pub(crate) struct CalibrationPanel {
    /// The analysis the state belongs to.
    run: Option<String>,
    cutoff_text: String,
    result: Option<(i32, Checked)>,
    job: Option<(i32, Job<Checked>)>,
}

impl std::fmt::Debug for CalibrationPanel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CalibrationPanel")
            .field("cutoff_text", &self.cutoff_text)
            .field("running", &self.job.is_some())
            .finish()
    }
}

/// The check at `cutoff` on the worker's thread.
fn check(
    log: Arc<PurchaseLog>,
    cutoff: i32,
) -> impl FnOnce(&crate::progress::Progress) -> JobEnd<Checked> + Send {
    move |_| {
        JobEnd::Finished(
            log.calibration(cutoff)
                .map(|c| CalibrationChart::from_check(&c, cutoff, log.last_day))
                .map_err(|e| e.to_string()),
        )
    }
}

/// Why there is no check: the analysis has no order lines in this window.
fn unavailable_reason(shown: &Shown<'_>) -> &'static str {
    let aggregated = shown.analysis.quality.actions.iter().any(|a| {
        matches!(
            a,
            QualityAction::Transactions(CleaningAction::Aggregated { .. })
        )
    });
    if aggregated {
        "Not available: a saved session holds the customer table, not the order lines. Open the order-line file and run it to check the model."
    } else {
        "Not available: the check needs order lines with dates (a transactions dataset); this data has one row per customer."
    }
}

impl CalibrationPanel {
    pub(crate) fn ui(&mut self, ui: &mut Ui, shown: &Shown<'_>) {
        widgets::section(
            ui,
            "Calibration/holdout check of the CLV model",
            "BG/NBD fitted on the purchases up to the cutoff; mean repeat purchases after it, actual against predicted, by repeat purchases before it",
        );
        let Some(log) = shown.purchases else {
            ui.horizontal(|ui| {
                let label = ui.label("Calibration cutoff");
                let mut none = String::new();
                ui.add_enabled(
                    false,
                    egui::TextEdit::singleline(&mut none).desired_width(110.0),
                )
                .labelled_by(label.id);
            });
            widgets::muted(ui, unavailable_reason(shown));
            return;
        };
        let run = shown.analysis.run_id.to_string();
        if self.run.as_deref() != Some(run.as_str()) {
            *self = CalibrationPanel {
                run: Some(run),
                cutoff_text: format_day(log.default_cutoff()),
                ..CalibrationPanel::default()
            };
        }
        self.poll();
        let cutoff = self.cutoff_field(ui, log);
        if let Some(cutoff) = cutoff {
            self.start(ui.ctx(), log, cutoff);
        }
        match (&self.job, &self.result) {
            (Some((at, _)), _) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Checking the model at {}…", format_day(*at)));
                });
            }
            (None, Some((_, Err(reason)))) => {
                widgets::muted(ui, format!("No check at this cutoff: {reason}"));
            }
            (None, Some((_, Ok(chart)))) => chart_ui(ui, chart),
            (None, None) => {}
        }
    }

    /// The cutoff field; the day typed, once it reads as a date inside the log.
    fn cutoff_field(&mut self, ui: &mut Ui, log: &PurchaseLog) -> Option<i32> {
        let mut parsed = None;
        ui.horizontal(|ui| {
            let label = ui.label("Calibration cutoff");
            ui.add(egui::TextEdit::singleline(&mut self.cutoff_text).desired_width(110.0))
                .labelled_by(label.id);
            let first = format_day(log.first_day);
            let last = format_day(log.last_day);
            match crate::ingest::parse_date(self.cutoff_text.trim(), DateFormat::Iso) {
                Some(day) if day >= log.first_day && day < log.last_day => parsed = Some(day),
                Some(_) => {
                    widgets::muted(ui, format!("Choose a day from {first} to before {last}."));
                }
                None => {
                    widgets::muted(ui, "Type the cutoff as YYYY-MM-DD, e.g. 1997-09-30.");
                }
            }
            if parsed.is_some() {
                widgets::muted(
                    ui,
                    format!("YYYY-MM-DD; the log runs from {first} to {last}"),
                );
            }
        });
        parsed
    }

    /// Start the check at `cutoff` unless it is shown or running; one job at a time.
    fn start(&mut self, ctx: &egui::Context, log: &Arc<PurchaseLog>, cutoff: i32) {
        let shown = self.result.as_ref().is_some_and(|(at, _)| *at == cutoff);
        if shown || self.job.is_some() {
            return;
        }
        let job = Job::spawn("Calibration check", ctx, check(log.clone(), cutoff));
        self.job = Some((cutoff, job));
    }

    fn poll(&mut self) {
        let Some((cutoff, job)) = self.job.as_mut() else {
            return;
        };
        let cutoff = *cutoff;
        let Some(end) = job.poll() else {
            return;
        };
        self.job = None;
        match end {
            JobEnd::Finished(checked) => self.result = Some((cutoff, checked)),
            JobEnd::Failed(message) => self.result = Some((cutoff, Err(message))),
            JobEnd::Cancelled => {}
        }
    }
}

/// The chart, its numbers and how far to trust the model.
fn chart_ui(ui: &mut Ui, chart: &CalibrationChart) {
    let palette = Palette::current(ui.ctx());
    ui.label(format!(
        "Fitted through {}, holdout to {} ({} weeks)",
        chart.cutoff,
        chart.holdout_end,
        number(chart.holdout_weeks, 100.0)
    ));
    ui.label(RichText::new(&chart.trust).color(palette.strong));
    ui.add_space(tokens::ITEM_GAP);
    let bars =
        |offset: f64, pick: fn(&crate::charts::CalibrationBucket) -> f64, color: egui::Color32| {
            chart
                .buckets
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    Bar::new(i as f64 + 1.0 + offset, pick(b))
                        .width(0.36)
                        .fill(color)
                        .name(&b.label)
                })
                .collect::<Vec<_>>()
        };
    let labels: Vec<String> = chart.buckets.iter().map(|b| b.label.clone()).collect();
    let n = labels.len();
    crate::gui::widgets::fixed_plot("calibration-chart", tokens::CHART_HEIGHT - 80.0)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .include_y(0.0)
        .include_x(0.4)
        .include_x(n as f64 + 0.6)
        .x_grid_spacer(whole_marks(n))
        .x_axis_label("Repeat purchases in the calibration period")
        .y_axis_label("Mean purchases in the holdout")
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round() as usize;
            labels.get(i.wrapping_sub(1)).cloned().unwrap_or_default()
        })
        .show(ui, |p| {
            let hover = |bar: &Bar, _: &BarChart| format!("{}: {:.3}", bar.name, bar.value);
            p.bar_chart(
                BarChart::new("Actual", bars(-0.19, |b| b.actual, palette.accent))
                    .element_formatter(Box::new(hover)),
            );
            p.bar_chart(
                BarChart::new("Predicted", bars(0.19, |b| b.predicted, palette.strong))
                    .element_formatter(Box::new(hover)),
            );
        });
    numbers_table(ui, chart);
}

/// The chart's numbers, one row per frequency bucket and the totals.
fn numbers_table(ui: &mut Ui, chart: &CalibrationChart) {
    let headers = [
        "Repeat purchases in calibration",
        "Customers",
        "Mean actual",
        "Mean predicted",
    ];
    widgets::table(ui, "calibration-grid", &headers, |ui| {
        for b in &chart.buckets {
            ui.label(&b.label);
            ui.label(count(b.customers));
            ui.label(format!("{:.3}", b.actual));
            ui.label(format!("{:.3}", b.predicted));
            ui.end_row();
        }
        ui.label("All (total purchases)");
        ui.label(count(chart.buckets.iter().map(|b| b.customers).sum()));
        ui.label(number(chart.total_actual, 100.0));
        ui.label(number(chart.total_predicted, 100.0));
        ui.end_row();
    });
}
