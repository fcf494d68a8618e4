//! Order lines in, customers out: a table mapped with order-line roles (order id, timestamp,
//! quantity, unit price or line amount…) is cleaned and aggregated to one row per customer
//! before validation; a table whose customer ids repeat without being order lines is refused.
//! Formulas: README, section "Transactions".

mod aggregate;
mod cleaning;
mod customers;
mod lines;
mod value;

pub use crate::quality::CleaningAction;
pub use aggregate::{Aggregate, CustomerSummary, aggregate};
pub use cleaning::clean_lines;
pub use customers::{MAX_SPEND_CATEGORIES, columns, customer_table, spend_by_category};
pub use lines::{Coded, OrderLines, read_lines};
pub use value::{
    FittedValue, PurchaseLog, calibration_check, fit_value, purchase_lines, value_columns,
};

use crate::clv::{ClvError, CustomerValue, HoldoutCheck, PurchaseLine, ValueHorizon};
use crate::quality::QualityAction;
use crate::roles::{ColumnMapping, DatasetKind, IdRepeats, Role, id_repeats};
use crate::table::{Column, ColumnData, MISSING_DAY, RawTable};
use std::borrow::Cow;
use thiserror::Error;

/// Why order lines could not become a customer table.
#[derive(Debug, Error)]
pub enum TransactionError {
    #[error(
        "{file}: the customer ids in \"{column}\" repeat: {rows} rows hold {distinct} customers ({per_customer:.1} rows per customer), so this is not one row per customer. It looks like several rows per customer (one per order, month or product), but there is no order id or order date with a quantity and unit price or a line amount. If these are order lines, map those columns (`sis detect {file} > mapping.toml`, set order_id or timestamp, and quantity with unit_price or line_amount, then `sis run {file} --mapping mapping.toml`); otherwise aggregate the file to one row per customer and load that."
    )]
    RepeatedIds {
        file: String,
        column: String,
        rows: usize,
        distinct: usize,
        per_customer: f64,
    },
    #[error(
        "{file}: the mapping reads the file as order lines but has no column for {missing}; map one (`sis detect {file} > mapping.toml`, edit, `--mapping mapping.toml`) or map the order-line columns as ignore."
    )]
    Incomplete { file: String, missing: String },
    #[error(
        "{file}, column \"{column}\": mapped as {role} but holds {found} values; it needs {wanted}. Fix the values or map the column otherwise."
    )]
    WrongType {
        file: String,
        column: String,
        role: String,
        found: String,
        wanted: &'static str,
    },
    #[error(
        "{file}: no customer made a purchase once the order lines were cleaned (lines without a customer, a date or a positive price are dropped); check the mapping with `sis detect {file}`."
    )]
    NoPurchases { file: String },
}

/// The table the pipeline segments, with its mapping and what was done to get it.
#[derive(Debug, Clone)]
pub struct PreparedCustomers<'a> {
    pub kind: DatasetKind,
    /// The loaded table itself (one row per customer), or the customers aggregated from it.
    pub table: Cow<'a, RawTable>,
    pub mapping: ColumnMapping,
    /// Cleaning and aggregation steps, for the front of the quality report.
    pub actions: Vec<QualityAction>,
    /// The kept purchase lines, for the CLV models (empty for a customer table).
    pub purchases: Vec<PurchaseLine<u32>>,
    /// Customer ranks of the table's rows, and the last date of the log (order lines only).
    pub ranks: Vec<u32>,
    pub last_day: Option<i32>,
}

impl PreparedCustomers<'_> {
    /// The run settings for these customers. Customers aggregated from order lines are distinct
    /// by construction (one row per id), so two of them with the same figures (two one-time
    /// buyers of the same amount on the same day) are two customers: duplicate removal, meant
    /// for a customer table that repeats rows under new ids, is off for them.
    pub fn settings(&self, mut config: crate::config::RunConfig) -> crate::config::RunConfig {
        if self.kind == DatasetKind::Transactions {
            config.drop_duplicates = false;
        }
        config
    }

    /// Put the order-line actions at the front of a run's quality report.
    pub fn record(&self, actions: &mut Vec<QualityAction>) {
        actions.splice(0..0, self.actions.iter().cloned());
    }

    /// Fit the CLV models on the purchases and add each customer's expected purchases,
    /// P(alive), expected order value and CLV over `horizon` to the table (role `clv_model`),
    /// with a quality action saying what was fitted, or why not. A customer table is unchanged.
    pub fn add_customer_value(&mut self, horizon: &ValueHorizon) {
        let Some(last_day) = self.last_day else {
            return;
        };
        let action = match fit_value(&self.purchases, &self.ranks, last_day, horizon) {
            Ok(fitted) => {
                let table = self.table.to_mut();
                let pick = |f: fn(&CustomerValue) -> f64| -> Vec<f64> {
                    fitted.values.iter().map(f).collect()
                };
                let columns: [(&str, Vec<f64>); 4] = [
                    (
                        value_columns::EXPECTED_PURCHASES,
                        pick(|v| v.expected_purchases),
                    ),
                    (value_columns::P_ALIVE, pick(|v| v.probability_alive)),
                    (
                        value_columns::EXPECTED_ORDER_VALUE,
                        pick(|v| v.expected_order_value),
                    ),
                    (value_columns::CLV, pick(|v| v.clv)),
                ];
                for (name, values) in columns {
                    table.columns.push(Column {
                        name: name.into(),
                        data: ColumnData::Numeric(values),
                    });
                    self.mapping.entries.push((name.into(), Role::ClvModel));
                }
                CleaningAction::CustomerValueFitted {
                    customers: fitted.customers,
                    repeat_customers: fitted.repeat_customers,
                    r: fitted.bgnbd.r,
                    alpha: fitted.bgnbd.alpha,
                    a: fitted.bgnbd.a,
                    b: fitted.bgnbd.b,
                    p: fitted.gamma_gamma.p,
                    q: fitted.gamma_gamma.q,
                    gamma: fitted.gamma_gamma.gamma,
                    weeks: horizon.weeks,
                    annual_discount_rate: horizon.annual_discount_rate,
                }
            }
            Err(e) => CleaningAction::CustomerValueNotFitted {
                reason: e.to_string(),
            },
        };
        self.actions.push(QualityAction::Transactions(action));
    }

    /// The calibration/holdout check with calibration through `cutoff` (a day number) and the
    /// holdout to the log's last date; an error for a customer table or a cutoff out of range.
    pub fn calibration(&self, cutoff: i32) -> Result<HoldoutCheck, ClvError> {
        let last_day = self.last_day.ok_or(ClvError::NoHoldout)?;
        calibration_check(&self.purchases, cutoff, last_day)
    }

    /// The dated purchases (a copy), for checks at other cutoffs; `None` for a customer table.
    pub fn purchase_log(&self) -> Option<PurchaseLog> {
        PurchaseLog::new(self.purchases.clone(), self.last_day?)
    }
}

/// Whether a mapping reads the table as order lines (any order-line role mapped).
pub fn is_order_mapping(mapping: &ColumnMapping) -> bool {
    mapping.entries.iter().any(|(_, r)| r.is_order_line())
}

/// What the order-line roles of `mapping` lack, if anything.
fn missing_roles(mapping: &ColumnMapping) -> Option<&'static str> {
    let has = |r: &Role| mapping.first_with(r).is_some();
    if !has(&Role::CustomerId) {
        Some("the customer id (customer_id)")
    } else if !has(&Role::OrderId) && !has(&Role::Timestamp) {
        Some("an order id or an order date (order_id or timestamp)")
    } else if !(has(&Role::LineAmount) || (has(&Role::Quantity) && has(&Role::UnitPrice))) {
        Some(
            "a line amount, or a quantity with a unit price (line_amount, or quantity and unit_price)",
        )
    } else {
        None
    }
}

/// The customer table to segment: order lines aggregated (when `mapping` has order-line
/// roles), a table with a few repeated ids passed through (validation keeps the first row of
/// each id, as always), or an error for ids that repeat in more than
/// [`REPEAT_SHARE`](crate::roles::REPEAT_SHARE) of rows.
pub fn prepare_customers<'a>(
    table: &'a RawTable,
    mapping: &ColumnMapping,
) -> Result<PreparedCustomers<'a>, TransactionError> {
    let file = || table.file_name.clone();
    if is_order_mapping(mapping) {
        if let Some(missing) = missing_roles(mapping) {
            return Err(TransactionError::Incomplete {
                file: file(),
                missing: missing.into(),
            });
        }
        return aggregate_lines(table, mapping);
    }
    let repeats = mapping
        .first_with(&Role::CustomerId)
        .and_then(|c| table.column_index(c))
        .map(|i| id_repeats(table, i));
    if let Some(r) = repeats.filter(IdRepeats::too_many) {
        return Err(TransactionError::RepeatedIds {
            file: file(),
            per_customer: r.rows as f64 / r.distinct.max(1) as f64,
            column: r.column,
            rows: r.rows,
            distinct: r.distinct,
        });
    }
    Ok(PreparedCustomers {
        kind: DatasetKind::Customers,
        table: Cow::Borrowed(table),
        mapping: mapping.clone(),
        actions: Vec::new(),
        purchases: Vec::new(),
        ranks: Vec::new(),
        last_day: None,
    })
}

/// Clean and aggregate order lines into the customer table.
fn aggregate_lines<'a>(
    table: &'a RawTable,
    mapping: &ColumnMapping,
) -> Result<PreparedCustomers<'a>, TransactionError> {
    let lines = read_lines(table, mapping)?;
    let (keep, mut steps) = clean_lines(table, &lines);
    let summary = aggregate(&lines, &keep, spend_by_category(&lines));
    if summary.customers.is_empty() {
        return Err(TransactionError::NoPurchases {
            file: table.file_name.clone(),
        });
    }
    steps.push(CleaningAction::Cancellations {
        matched: summary.matched,
        unmatched: summary.unmatched,
    });
    if summary.without_purchase > 0 {
        steps.push(CleaningAction::DroppedCustomersWithoutPurchase {
            count: summary.without_purchase,
        });
    }
    steps.push(CleaningAction::Aggregated {
        lines: summary.lines - summary.unmatched,
        orders: summary.customers.iter().map(|c| c.orders).sum(),
        customers: summary.customers.len(),
        last_day: if summary.last_day == crate::table::MISSING_DAY {
            "no dates".into()
        } else {
            crate::table::format_day(summary.last_day)
        },
    });
    let (customers, customer_mapping) = customer_table(table, &lines, &summary);
    let dated = summary.last_day != MISSING_DAY;
    Ok(PreparedCustomers {
        kind: DatasetKind::Transactions,
        table: Cow::Owned(customers),
        mapping: customer_mapping,
        actions: steps.into_iter().map(QualityAction::Transactions).collect(),
        purchases: if dated {
            purchase_lines(&lines, &keep)
        } else {
            Vec::new()
        },
        ranks: summary.customers.iter().map(|c| c.customer).collect(),
        last_day: dated.then_some(summary.last_day),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Column, ColumnData, SourceFormat};

    fn lines() -> (RawTable, ColumnMapping) {
        let column = |name: &str, values: Vec<f64>| Column {
            name: name.into(),
            data: ColumnData::Numeric(values),
        };
        let table = RawTable {
            file_name: "lines.csv".into(),
            format: SourceFormat::Memory,
            columns: vec![
                column("customer", vec![2.0, 1.0, 2.0, 2.0]),
                column("day", vec![19970101.0, 19970105.0, 19970103.0, 19970103.0]),
                column("amount", vec![10.0, 4.0, 5.0, -5.0]),
            ],
        };
        let mapping = ColumnMapping::new(vec![
            ("customer".into(), Role::CustomerId),
            ("day".into(), Role::Timestamp),
            ("amount".into(), Role::LineAmount),
        ]);
        (table, mapping)
    }

    #[test]
    fn lines_by_day_aggregate_and_returns_net() {
        let (table, mapping) = lines();
        let prepared = prepare_customers(&table, &mapping).unwrap();
        let t = prepared.table.as_ref();
        assert_eq!(t.n_rows(), 2);
        assert_eq!(t.columns[0].data.text(0), Some("1"));
        let col = |name: &str| t.column(name).unwrap().data.clone();
        // Customer 2: purchases on 01-01 and 01-03, the 01-03 return matches the 5 bought.
        assert_eq!(col("Orders"), ColumnData::Numeric(vec![1.0, 2.0]));
        assert_eq!(col("Monetary"), ColumnData::Numeric(vec![4.0, 10.0]));
        assert_eq!(col("Recency"), ColumnData::Numeric(vec![0.0, 2.0]));
        assert_eq!(col("Tenure_Days"), ColumnData::Numeric(vec![0.0, 4.0]));
    }

    #[test]
    fn incomplete_order_mapping_and_repeated_ids_are_refused() {
        let (table, mut mapping) = lines();
        mapping.set_role("amount", Role::Quantity);
        let err = prepare_customers(&table, &mapping).unwrap_err();
        assert!(
            err.to_string().contains("no column for a line amount"),
            "{err}"
        );
        mapping.set_role("day", Role::Measure);
        mapping.set_role("amount", Role::Measure);
        let err = prepare_customers(&table, &mapping).unwrap_err();
        assert!(matches!(
            err,
            TransactionError::RepeatedIds {
                rows: 4,
                distinct: 2,
                ..
            }
        ));
    }
}
