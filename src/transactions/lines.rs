//! Order lines as typed vectors, read from a loaded table through its order-line roles:
//! customers ranked in id order, an order key per line, the day, the line amount and the
//! optional product, category, channel, country and discount columns.

use super::TransactionError;
use crate::ingest::compact_column;
use crate::roles::{ColumnMapping, Role};
use crate::table::{ColumnData, MISSING_CODE, MISSING_DAY, RawTable};
use rayon::prelude::*;
use std::collections::HashMap;

/// A text-like column as codes into levels (missing = [`MISSING_CODE`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    pub column: String,
    pub codes: Vec<u32>,
    pub levels: Vec<String>,
}

/// Every order line of the file, column by column.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderLines {
    pub customer_column: String,
    /// Customer rank in id order ([`MISSING_CODE`] for a line without a customer).
    pub customer: Vec<u32>,
    /// The customer ids, in id order (numeric ids by value, text ids alphabetically).
    pub customer_ids: Vec<String>,
    /// The order a line belongs to: the order id, or the day when there is none.
    pub order: Vec<u64>,
    /// The line belongs to a cancelled order (order id starting with `C` and a digit).
    pub cancelled: Vec<bool>,
    pub has_order_id: bool,
    /// Days since 1970-01-01 ([`MISSING_DAY`] when unknown).
    pub day: Vec<i32>,
    pub quantity: Option<Vec<f64>>,
    /// Unit price and its column name.
    pub price: Option<(String, Vec<f64>)>,
    /// Line amount: as given, else quantity × unit price.
    pub amount: Vec<f64>,
    pub product: Option<Coded>,
    pub category: Option<Coded>,
    pub channel: Option<Coded>,
    pub country: Option<Coded>,
    /// 1 for a discounted line.
    pub discount: Option<Vec<bool>>,
}

impl OrderLines {
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }
}

fn column<'t>(
    table: &'t RawTable,
    mapping: &ColumnMapping,
    role: &Role,
) -> Option<(&'t str, &'t ColumnData)> {
    let name = mapping.first_with(role)?;
    table.column(name).map(|c| (c.name.as_str(), &c.data))
}

fn numbers(
    table: &RawTable,
    mapping: &ColumnMapping,
    role: &Role,
) -> Result<Option<Vec<f64>>, TransactionError> {
    match column(table, mapping, role) {
        None => Ok(None),
        Some((_, ColumnData::Numeric(v))) => Ok(Some(v.clone())),
        Some((name, other)) => Err(TransactionError::WrongType {
            file: table.file_name.clone(),
            column: name.to_string(),
            role: role.key(),
            found: other.type_name().to_string(),
            wanted: "numbers",
        }),
    }
}

/// Read the order lines of `table` through `mapping` (which the caller checked is complete).
pub fn read_lines(
    table: &RawTable,
    mapping: &ColumnMapping,
) -> Result<OrderLines, TransactionError> {
    let file = || table.file_name.clone();
    let (customer_column, id_data) =
        column(table, mapping, &Role::CustomerId).ok_or_else(|| TransactionError::Incomplete {
            file: file(),
            missing: "a customer id".into(),
        })?;
    let (customer, customer_ids) = rank_ids(id_data);
    let n = customer.len();
    let day = match column(table, mapping, &Role::Timestamp) {
        None => vec![MISSING_DAY; n],
        Some((_, ColumnData::Date { days, .. })) => days.clone(),
        Some((name, data)) => match data {
            ColumnData::Numeric(v) => compact_column(v),
            _ => None,
        }
        .ok_or_else(|| TransactionError::WrongType {
            file: file(),
            column: name.to_string(),
            role: Role::Timestamp.key(),
            found: data.type_name().to_string(),
            wanted: "dates (YYYY-MM-DD, with or without a time, or YYYYMMDD)",
        })?,
    };
    let (order, cancelled, has_order_id) = match column(table, mapping, &Role::OrderId) {
        Some((_, data)) => {
            let (order, cancelled) = order_keys(data);
            (order, cancelled, true)
        }
        None => (
            day.iter().map(|&d| d as u32 as u64).collect(),
            vec![false; n],
            false,
        ),
    };
    let quantity = numbers(table, mapping, &Role::Quantity)?;
    let price = numbers(table, mapping, &Role::UnitPrice)?;
    let price_column = mapping
        .first_with(&Role::UnitPrice)
        .unwrap_or_default()
        .to_string();
    let amount = match (
        numbers(table, mapping, &Role::LineAmount)?,
        &quantity,
        &price,
    ) {
        (Some(a), _, _) => a,
        (None, Some(q), Some(p)) => q.par_iter().zip(p.par_iter()).map(|(q, p)| q * p).collect(),
        _ => {
            return Err(TransactionError::Incomplete {
                file: file(),
                missing: "a line amount, or a quantity with a unit price".into(),
            });
        }
    };
    let coded_role = |role: &Role| {
        column(table, mapping, role).map(|(name, data)| Coded {
            column: name.to_string(),
            ..coded(data)
        })
    };
    let discount = column(table, mapping, &Role::DiscountFlag).map(|(_, d)| flags(d));
    Ok(OrderLines {
        customer_column: customer_column.to_string(),
        customer,
        customer_ids,
        order,
        cancelled,
        has_order_id,
        day,
        quantity,
        price: price.map(|p| (price_column, p)),
        amount,
        product: coded_role(&Role::Product),
        category: coded_role(&Role::ProductCategory),
        channel: coded_role(&Role::SalesChannel),
        country: coded_role(&Role::Country),
        discount,
    })
}

/// The text of an id, as validation writes it: whole numbers without decimals.
fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        (x as i64).to_string()
    } else {
        x.to_string()
    }
}

/// Customer ranks in id order, and the ids in that order.
fn rank_ids(data: &ColumnData) -> (Vec<u32>, Vec<String>) {
    match data {
        ColumnData::Numeric(v) => {
            let mut distinct: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
            distinct.par_sort_unstable_by(f64::total_cmp);
            distinct.dedup_by(|a, b| a.to_bits() == b.to_bits());
            let rank: HashMap<u64, u32> = distinct
                .iter()
                .enumerate()
                .map(|(i, x)| (x.to_bits(), i as u32))
                .collect();
            let codes = v
                .par_iter()
                .map(|x| rank.get(&x.to_bits()).copied().unwrap_or(MISSING_CODE))
                .collect();
            (codes, distinct.into_iter().map(number_text).collect())
        }
        ColumnData::Text { codes, levels } => {
            let mut order: Vec<usize> = (0..levels.len())
                .filter(|&i| !crate::missing::is_missing(levels[i].trim()))
                .collect();
            order.sort_by(|&a, &b| levels[a].trim().cmp(levels[b].trim()));
            let mut rank = vec![MISSING_CODE; levels.len()];
            let mut ids: Vec<String> = Vec::with_capacity(order.len());
            for &i in &order {
                let text = levels[i].trim();
                if ids.last().map(String::as_str) != Some(text) {
                    ids.push(text.to_string());
                }
                rank[i] = (ids.len() - 1) as u32;
            }
            let codes = codes
                .par_iter()
                .map(|&c| rank.get(c as usize).copied().unwrap_or(MISSING_CODE))
                .collect();
            (codes, ids)
        }
        ColumnData::Date { days, .. } => {
            let as_numbers: Vec<f64> = days
                .iter()
                .map(|&d| {
                    if d == MISSING_DAY {
                        f64::NAN
                    } else {
                        f64::from(d)
                    }
                })
                .collect();
            rank_ids(&ColumnData::Numeric(as_numbers))
        }
    }
}

/// A cancelled invoice: `C` followed by a digit (`C536379`).
fn is_cancellation(id: &str) -> bool {
    let b = id.trim().as_bytes();
    b.len() > 1 && (b[0] == b'C' || b[0] == b'c') && b[1].is_ascii_digit()
}

/// An order key per line (missing order ids share one key) and whether it is cancelled.
fn order_keys(data: &ColumnData) -> (Vec<u64>, Vec<bool>) {
    match data {
        ColumnData::Text { codes, levels } => {
            let cancelled_level: Vec<bool> = levels.iter().map(|l| is_cancellation(l)).collect();
            codes
                .par_iter()
                .map(|&c| {
                    (
                        u64::from(c),
                        cancelled_level.get(c as usize).copied().unwrap_or(false),
                    )
                })
                .unzip()
        }
        ColumnData::Numeric(v) => v.par_iter().map(|x| (x.to_bits(), false)).unzip(),
        ColumnData::Date { days, .. } => days.par_iter().map(|&d| (d as u32 as u64, false)).unzip(),
    }
}

/// Any column as codes: text as it is, numbers and dates by their text.
fn coded(data: &ColumnData) -> Coded {
    match data {
        ColumnData::Text { codes, levels } => Coded {
            column: String::new(),
            codes: codes.clone(),
            levels: levels.clone(),
        },
        other => {
            let mut index: HashMap<String, u32> = HashMap::new();
            let mut levels = Vec::new();
            let codes = (0..other.len())
                .map(|i| {
                    let text = match other {
                        ColumnData::Numeric(v) if !v[i].is_nan() => number_text(v[i]),
                        ColumnData::Date { days, .. } if days[i] != MISSING_DAY => {
                            crate::table::format_day(days[i])
                        }
                        _ => return MISSING_CODE,
                    };
                    *index.entry(text.clone()).or_insert_with(|| {
                        levels.push(text);
                        (levels.len() - 1) as u32
                    })
                })
                .collect();
            Coded {
                column: String::new(),
                codes,
                levels,
            }
        }
    }
}

/// A discount flag: a number other than 0, or text such as `yes`, `true`, `y`, `1`.
fn flags(data: &ColumnData) -> Vec<bool> {
    match data {
        ColumnData::Numeric(v) => v.iter().map(|x| !x.is_nan() && *x != 0.0).collect(),
        ColumnData::Text { codes, levels } => {
            let yes: Vec<bool> = levels
                .iter()
                .map(|l| {
                    matches!(
                        l.trim().to_ascii_lowercase().as_str(),
                        "1" | "y" | "yes" | "true" | "t" | "promo" | "discount"
                    )
                })
                .collect();
            codes
                .iter()
                .map(|&c| yes.get(c as usize).copied().unwrap_or(false))
                .collect()
        }
        ColumnData::Date { days, .. } => vec![false; days.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_rank_in_order_and_cancellations_are_seen() {
        let (codes, ids) = rank_ids(&ColumnData::Numeric(vec![12.0, 3.0, f64::NAN, 12.0]));
        assert_eq!(ids, ["3", "12"]);
        assert_eq!(codes, [1, 0, MISSING_CODE, 1]);
        assert!(is_cancellation("C536379"));
        assert!(!is_cancellation("536379"));
        assert!(!is_cancellation("CASH"));
    }
}
