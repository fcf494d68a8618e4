//! Plain-text rendering of the order-line views: model CLV per segment, the RFM groups beside
//! the segments, and the calibration/holdout chart as a table.

use super::text::section;
use crate::charts::CalibrationChart;
use crate::format::{Percent, number, percent, thousands};
use crate::insights::{ModelValue, RfmView, model_value, rfm_view};
use crate::pipeline::Analysis;
use std::fmt::Write;

/// The calibration/holdout check of a run on order lines, or why it could not be made.
pub(crate) type Calibration = Result<CalibrationChart, String>;

/// Model CLV (BG/NBD + Gamma-Gamma) per segment: means and totals.
pub(crate) fn model_value_section(s: &mut String, a: &Analysis) {
    let value = model_value(&a.insight_inputs());
    section(
        s,
        "Model CLV (BG/NBD + Gamma-Gamma)",
        &value,
        |s, v: &ModelValue| {
            let _ = writeln!(
                s,
                "  {:>3} {:>9} {:>11} {:>11} {:>8} {:>10} {:>10} {:>12} {:>7}",
                "seg",
                "customers",
                "purch mean",
                "purch total",
                "P(alive)",
                "AOV",
                "CLV mean",
                "CLV total",
                "share"
            );
            let rows = v
                .segments
                .iter()
                .enumerate()
                .map(|(i, f)| ((i + 1).to_string(), f))
                .chain([("all".to_string(), &v.population)]);
            for (label, f) in rows {
                let _ = writeln!(
                    s,
                    "  {:>3} {:>9} {:>11} {:>11} {:>8} {:>10} {:>10} {:>12} {:>7}",
                    label,
                    f.customers,
                    number(f.expected_purchases_mean, 100.0),
                    number(f.expected_purchases_total, 100.0),
                    percent(100.0 * f.p_alive_mean, Percent::Adaptive),
                    thousands(f.expected_order_value_mean),
                    thousands(f.clv_mean),
                    thousands(f.clv_total),
                    percent(f.clv_share_pct, Percent::Adaptive),
                );
            }
        },
    );
}

/// The RFM groups with their customers in each segment.
pub(crate) fn rfm_groups_section(s: &mut String, a: &Analysis) {
    let view = rfm_view(&a.insight_inputs());
    section(
        s,
        "RFM groups × segments (quintile scores)",
        &view,
        |s, v: &RfmView| {
            let mut head = format!(
                "  {:<19} {:>9} {:>7} {:>9}",
                "group", "customers", "share", "R/F/M"
            );
            for seg in 1..=v.segment_sizes.len() {
                let title = format!("seg {seg}");
                let _ = write!(head, " {title:>7}");
            }
            let _ = writeln!(s, "{head}");
            for row in &v.rows {
                let scores = format!("{:.1}/{:.1}/{:.1}", row.mean_r, row.mean_f, row.mean_m);
                let mut line = format!(
                    "  {:<19} {:>9} {:>7} {scores:>9}",
                    row.label,
                    row.customers,
                    percent(row.share_pct, Percent::Adaptive),
                );
                for n in &row.by_segment {
                    let _ = write!(line, " {n:>7}");
                }
                let _ = writeln!(s, "{line}");
            }
        },
    );
}

/// The calibration/holdout chart as a table, or why it is missing.
pub(crate) fn calibration_section(s: &mut String, calibration: &Calibration) {
    let _ = writeln!(s, "\nCalibration/holdout check of the CLV model");
    let chart: &CalibrationChart = match calibration {
        Ok(chart) => chart,
        Err(reason) => {
            let _ = writeln!(s, "  not available: {reason}");
            return;
        }
    };
    let _ = writeln!(
        s,
        "  fitted through {}, holdout to {} ({} weeks)",
        chart.cutoff,
        chart.holdout_end,
        number(chart.holdout_weeks, 100.0)
    );
    let _ = writeln!(
        s,
        "  {:>13} {:>9} {:>8} {:>10}",
        "repeat purch.", "customers", "actual", "predicted"
    );
    for b in &chart.buckets {
        let _ = writeln!(
            s,
            "  {:>13} {:>9} {:>8.3} {:>10.3}",
            b.label, b.customers, b.actual, b.predicted
        );
    }
    let _ = writeln!(
        s,
        "  {:>13} {:>9} {:>8} {:>10}",
        "total",
        "",
        number(chart.total_actual, 100.0),
        number(chart.total_predicted, 100.0)
    );
    let _ = writeln!(s, "  {}", chart.trust);
}
