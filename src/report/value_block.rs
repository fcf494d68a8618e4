//! The report's model CLV block (order lines with a fitted BG/NBD + Gamma-Gamma model): one row
//! per segment with its customers, expected purchases, P(alive), expected order value and CLV
//! over the horizon (mean and total), and the share of the base's value. Absent otherwise.

use crate::format::{Percent, number, percent, thousands};
use crate::insights::model_value;
use crate::pipeline::Analysis;

/// The block as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueBlock {
    /// One row per segment (segment index, cells), then the population (`None`).
    pub rows: Vec<(Option<usize>, Vec<String>)>,
    pub note: String,
}

/// Column titles of the block's table.
pub const VALUE_COLUMNS: [&str; 8] = [
    "Segment",
    "Customers",
    "Expected purchases (mean)",
    "P(alive)",
    "Expected order value",
    "CLV (mean)",
    "CLV (total)",
    "Share of value",
];

/// The block of an analysis, when the model CLV is available.
pub fn value_block(a: &Analysis, name_of: impl Fn(usize) -> String) -> Option<ValueBlock> {
    let value = model_value(&a.insight_inputs());
    let v = value.get()?;
    let cells = |label: String, f: &crate::insights::ValueFigures| {
        vec![
            label,
            thousands(f.customers as f64),
            number(f.expected_purchases_mean, 100.0),
            percent(100.0 * f.p_alive_mean, Percent::Adaptive),
            thousands(f.expected_order_value_mean),
            thousands(f.clv_mean),
            thousands(f.clv_total),
            percent(f.clv_share_pct, Percent::Adaptive),
        ]
    };
    let mut rows: Vec<(Option<usize>, Vec<String>)> = v
        .segments
        .iter()
        .enumerate()
        .map(|(s, f)| (Some(s), cells(format!("S{} {}", s + 1, name_of(s)), f)))
        .collect();
    rows.push((None, cells("All customers".into(), &v.population)));
    Some(ValueBlock {
        rows,
        note: "Fitted on the order lines by maximum likelihood (BG/NBD for repeat purchases and P(alive), Gamma-Gamma for the order value; weeks, through the last date). CLV: expected purchases over the next 52 weeks valued at the expected order value, discounted at 10% a year.".into(),
    })
}
