//! What cleaning and aggregating order lines did, as the quality report lists it: dropped
//! lines, matched cancellations, the aggregation and the CLV fit. Serialized in sessions.

use serde::{Deserialize, Serialize};

/// One thing done to the order lines, as it appears in the quality report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CleaningAction {
    /// Lines without a customer id were dropped; `revenue_share` is their share of the sales
    /// (positive line amounts) of the file.
    DroppedLinesWithoutCustomer {
        column: String,
        count: usize,
        revenue_share: f64,
    },
    /// Lines without a usable date or amount were dropped.
    DroppedIncompleteLines { count: usize },
    /// Lines with a unit price of zero or less were dropped.
    DroppedNonPositivePrices { column: String, count: usize },
    /// Later copies of a line identical in every column were dropped.
    DroppedDuplicateLines { count: usize },
    /// Cancelled or returned lines: matched to an earlier purchase of the customer (netted
    /// against spend), or unmatched (their purchase is not in the file) and dropped.
    Cancellations { matched: usize, unmatched: usize },
    /// Customers left with no purchase (only returns or cancellations) were dropped.
    DroppedCustomersWithoutPurchase { count: usize },
    /// The order lines were aggregated to one row per customer.
    Aggregated {
        lines: usize,
        orders: usize,
        customers: usize,
        last_day: String,
    },
    /// The BG/NBD and Gamma-Gamma models were fitted on the purchases (weeks; calibration up
    /// to the last date) and every customer valued over `weeks` at `annual_discount_rate`.
    CustomerValueFitted {
        customers: usize,
        repeat_customers: usize,
        r: f64,
        alpha: f64,
        a: f64,
        b: f64,
        p: f64,
        q: f64,
        gamma: f64,
        weeks: u32,
        annual_discount_rate: f64,
    },
    /// The models could not be fitted; no model CLV is shown.
    CustomerValueNotFitted { reason: String },
}

impl CleaningAction {
    /// The action as one sentence for people.
    pub fn describe(&self) -> String {
        match self {
            CleaningAction::DroppedLinesWithoutCustomer {
                column,
                count,
                revenue_share,
            } => format!(
                "{count} order lines without a customer id in \"{column}\" dropped ({:.1}% of sales)",
                revenue_share * 100.0
            ),
            CleaningAction::DroppedIncompleteLines { count } => {
                format!("{count} order lines without a usable date or amount dropped")
            }
            CleaningAction::DroppedNonPositivePrices { column, count } => {
                format!("{count} order lines with a zero or negative price in \"{column}\" dropped")
            }
            CleaningAction::DroppedDuplicateLines { count } => {
                format!("{count} exact duplicate order lines dropped (first copy kept)")
            }
            CleaningAction::Cancellations { matched, unmatched } => format!(
                "{} cancelled or returned lines: {matched} matched to an earlier purchase and netted against spend, {unmatched} without their purchase in the file dropped",
                matched + unmatched
            ),
            CleaningAction::DroppedCustomersWithoutPurchase { count } => {
                format!("{count} customers with returns or cancellations only dropped")
            }
            CleaningAction::Aggregated {
                lines,
                orders,
                customers,
                last_day,
            } => format!(
                "{lines} order lines aggregated into {orders} orders of {customers} customers (recency counted back from the last date, {last_day})"
            ),
            CleaningAction::CustomerValueFitted {
                customers,
                repeat_customers,
                r,
                alpha,
                a,
                b,
                p,
                q,
                gamma,
                weeks,
                annual_discount_rate,
            } => format!(
                "CLV models fitted (time in weeks, through the last date): BG/NBD on {customers} customers (r = {r:.3}, α = {alpha:.3}, a = {a:.3}, b = {b:.3}), Gamma-Gamma on the {repeat_customers} with repeat purchases (p = {p:.3}, q = {q:.3}, γ = {gamma:.3}); CLV over {weeks} weeks discounted at {:.0}% a year",
                annual_discount_rate * 100.0
            ),
            CleaningAction::CustomerValueNotFitted { reason } => {
                format!("no model CLV: {reason}")
            }
        }
    }

    /// How many lines or customers the action touched.
    pub fn count(&self) -> usize {
        match self {
            CleaningAction::DroppedLinesWithoutCustomer { count, .. }
            | CleaningAction::DroppedIncompleteLines { count }
            | CleaningAction::DroppedNonPositivePrices { count, .. }
            | CleaningAction::DroppedDuplicateLines { count }
            | CleaningAction::DroppedCustomersWithoutPurchase { count } => *count,
            CleaningAction::Cancellations { matched, unmatched } => matched + unmatched,
            CleaningAction::Aggregated { lines, .. } => *lines,
            CleaningAction::CustomerValueFitted { customers, .. } => *customers,
            CleaningAction::CustomerValueNotFitted { .. } => 0,
        }
    }
}
