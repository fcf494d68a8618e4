//! Model CLV per segment: means and totals of each customer's expected purchases, P(alive),
//! expected order value and CLV over the horizon, from the BG/NBD + Gamma-Gamma outputs that
//! the aggregation of order lines adds as features (role `clv_model`). Computed from the
//! analysis when asked (not stored in sessions), so older sessions need no upgrade.

use super::stats::{counts, sums};
use super::{Availability, InsightInputs};
use crate::transactions::value_columns as col;
use serde::Serialize;

/// Means and totals of the model's outputs over a group of customers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueFigures {
    pub customers: usize,
    pub expected_purchases_mean: f64,
    pub expected_purchases_total: f64,
    pub p_alive_mean: f64,
    /// Expected average order value (Gamma-Gamma), mean over the customers.
    pub expected_order_value_mean: f64,
    pub clv_mean: f64,
    pub clv_total: f64,
    /// The group's share of the population's total CLV, %.
    pub clv_share_pct: f64,
}

/// Model CLV of the population and of every segment (index = segment).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelValue {
    pub population: ValueFigures,
    pub segments: Vec<ValueFigures>,
}

const NOT_FITTED: &str = "not available: the probabilistic CLV (BG/NBD + Gamma-Gamma) needs order lines with dates (a transactions dataset), and the fit must converge (see the quality report)";

/// The model CLV per segment, or why not: the data is not order lines or the fit failed.
pub fn model_value(inputs: &InsightInputs<'_>) -> Availability<ModelValue> {
    let get = |name: &str| inputs.features.get(name);
    let (Some(purchases), Some(alive), Some(aov), Some(clv)) = (
        get(col::EXPECTED_PURCHASES),
        get(col::P_ALIVE),
        get(col::EXPECTED_ORDER_VALUE),
        get(col::CLV),
    ) else {
        return Availability::NotAvailable {
            reason: NOT_FITTED.into(),
        };
    };
    let (labels, k) = (inputs.labels(), inputs.k());
    let n = counts(labels, k);
    let per = |values: &[f64]| sums(values, labels, k);
    let (p, a, o, c) = (per(purchases), per(alive), per(aov), per(clv));
    let all = |v: &[f64]| v.iter().sum::<f64>();
    let total_clv = all(clv);
    let figures = |customers: usize, p: f64, a: f64, o: f64, c: f64| {
        let div = |x: f64| {
            if customers > 0 {
                x / customers as f64
            } else {
                0.0
            }
        };
        ValueFigures {
            customers,
            expected_purchases_mean: div(p),
            expected_purchases_total: p,
            p_alive_mean: div(a),
            expected_order_value_mean: div(o),
            clv_mean: div(c),
            clv_total: c,
            clv_share_pct: if total_clv != 0.0 {
                100.0 * c / total_clv
            } else {
                0.0
            },
        }
    };
    Availability::Available(ModelValue {
        population: figures(
            labels.len(),
            all(purchases),
            all(alive),
            all(aov),
            total_clv,
        ),
        segments: (0..k)
            .map(|s| figures(n[s], p[s], a[s], o[s], c[s]))
            .collect(),
    })
}
