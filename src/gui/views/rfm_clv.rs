//! The Segments tab's "RFM and CLV" page: the RFM groups (quintile scores) against the
//! k-means segments as a cross-table, and the model CLV (BG/NBD + Gamma-Gamma) per segment
//! for order lines. Both are computed once per segmentation and kept until it changes. Below
//! them, the calibration/holdout check of the CLV model (`calibration`).

use super::Shown;
use crate::format::{Percent, count, number, percent, thousands};
use crate::gui::tokens;
use crate::gui::widgets;
use crate::insights::{Availability, ModelValue, RfmView, model_value, rfm_view};
use egui::Ui;

/// The views of one segmentation, with what identifies it.
#[derive(Debug)]
struct Computed {
    key: (String, Vec<usize>),
    rfm: Availability<RfmView>,
    value: Availability<ModelValue>,
}

#[derive(Debug, Default)]
pub(crate) struct RfmClvPage {
    computed: Option<Computed>,
    calibration: super::calibration::CalibrationPanel,
}

impl RfmClvPage {
    pub(crate) fn ui(&mut self, ui: &mut Ui, shown: &Shown<'_>) {
        let a = shown.analysis;
        let key = (a.run_id.clone(), a.segmentation.sizes.clone());
        if self.computed.as_ref().is_none_or(|c| c.key != key) {
            let inputs = a.insight_inputs();
            self.computed = Some(Computed {
                key,
                rfm: rfm_view(&inputs),
                value: model_value(&inputs),
            });
        }
        let Some(c) = &self.computed else {
            return;
        };
        widgets::section(
            ui,
            "RFM groups × segments",
            "Recency, frequency and spend scored 1–5 by quintile (5 best; ties share a score); groups from the R and F scores (README, \"RFM groups\")",
        );
        match &c.rfm {
            Availability::Available(v) => rfm_table(ui, v, shown),
            Availability::NotAvailable { reason } => {
                widgets::muted(ui, reason);
            }
        }
        ui.add_space(tokens::SECTION_GAP);
        widgets::section(
            ui,
            "Customer lifetime value (BG/NBD + Gamma-Gamma)",
            "Per segment: expected purchases and CLV over the next 52 weeks (10% a year), P(alive) and the expected order value",
        );
        match &c.value {
            Availability::Available(v) => value_table(ui, v, shown),
            Availability::NotAvailable { reason } => {
                widgets::muted(ui, reason);
            }
        }
        ui.add_space(tokens::SECTION_GAP);
        self.calibration.ui(ui, shown);
    }
}

fn rfm_table(ui: &mut Ui, v: &RfmView, shown: &Shown<'_>) {
    let segments: Vec<String> = (0..v.segment_sizes.len())
        .map(|s| format!("S{} {}", s + 1, shown.persona_name(s)))
        .collect();
    let mut headers = vec!["RFM group", "Customers", "Share", "Mean R / F / M"];
    headers.extend(segments.iter().map(String::as_str));
    widgets::table(ui, "rfm-groups-grid", &headers, |ui| {
        for row in &v.rows {
            ui.label(row.label);
            ui.label(count(row.customers));
            ui.label(percent(row.share_pct, Percent::Adaptive));
            ui.label(format!(
                "{:.1} / {:.1} / {:.1}",
                row.mean_r, row.mean_f, row.mean_m
            ));
            for n in &row.by_segment {
                ui.label(count(*n));
            }
            ui.end_row();
        }
    });
}

fn value_table(ui: &mut Ui, v: &ModelValue, shown: &Shown<'_>) {
    let headers = [
        "Segment",
        "Customers",
        "Expected purchases",
        "P(alive)",
        "Expected order value",
        "CLV per customer",
        "CLV total",
        "Share of CLV",
    ];
    widgets::table(ui, "model-clv-grid", &headers, |ui| {
        let rows = v
            .segments
            .iter()
            .enumerate()
            .map(|(s, f)| (format!("S{} {}", s + 1, shown.persona_name(s)), f))
            .chain([("All customers".to_string(), &v.population)]);
        for (label, f) in rows {
            ui.label(label);
            ui.label(count(f.customers));
            ui.label(number(f.expected_purchases_mean, 100.0));
            ui.label(percent(100.0 * f.p_alive_mean, Percent::Adaptive));
            ui.label(thousands(f.expected_order_value_mean));
            ui.label(thousands(f.clv_mean));
            ui.label(thousands(f.clv_total));
            ui.label(percent(f.clv_share_pct, Percent::Adaptive));
            ui.end_row();
        }
    });
}
