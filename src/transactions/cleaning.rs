//! Cleaning order lines before they are aggregated, each step counted for the quality report:
//! lines without a customer, a date or an amount, zero or negative unit prices, and exact
//! duplicate lines of files with an order id. (Cancellations are matched in `aggregate`.)

use super::lines::OrderLines;
use crate::quality::CleaningAction;
use crate::table::{ColumnData, MISSING_CODE, MISSING_DAY, RawTable};
use rayon::prelude::*;

/// Which lines go on to aggregation, with the actions taken.
pub fn clean_lines(table: &RawTable, lines: &OrderLines) -> (Vec<bool>, Vec<CleaningAction>) {
    let n = lines.len();
    let mut actions = Vec::new();
    let no_customer: Vec<bool> = lines
        .customer
        .par_iter()
        .map(|&c| c == MISSING_CODE)
        .collect();
    let sales = |mask: Option<&[bool]>| -> f64 {
        (0..n)
            .into_par_iter()
            .filter(|&i| mask.is_none_or(|m| m[i]))
            .map(|i| lines.amount[i].max(0.0))
            .filter(|a| !a.is_nan())
            .sum()
    };
    let dropped = no_customer.iter().filter(|&&d| d).count();
    let total = sales(None);
    actions.push(CleaningAction::DroppedLinesWithoutCustomer {
        column: lines.customer_column.clone(),
        count: dropped,
        revenue_share: if total > 0.0 {
            sales(Some(no_customer.as_slice())) / total
        } else {
            0.0
        },
    });
    let mut keep: Vec<bool> = no_customer.iter().map(|d| !d).collect();

    let dated = lines.day.iter().any(|&d| d != MISSING_DAY);
    let count = drop_where(&mut keep, |i| {
        lines.amount[i].is_nan() || (dated && lines.day[i] == MISSING_DAY)
    });
    if count > 0 {
        actions.push(CleaningAction::DroppedIncompleteLines { count });
    }
    if let Some((column, price)) = &lines.price {
        let count = drop_where(&mut keep, |i| price[i].is_nan() || price[i] <= 0.0);
        actions.push(CleaningAction::DroppedNonPositivePrices {
            column: column.clone(),
            count,
        });
    }
    // Without an order id, identical lines (same customer, day and amount) can be separate
    // purchases, as in the CDNOW log; only lines of one order are exact duplicates.
    if lines.has_order_id {
        let count = drop_duplicates(table, &mut keep);
        actions.push(CleaningAction::DroppedDuplicateLines { count });
    }
    (keep, actions)
}

/// Drop the kept lines where `drop` holds; returns how many.
fn drop_where(keep: &mut [bool], drop: impl Fn(usize) -> bool + Sync) -> usize {
    keep.par_iter_mut()
        .enumerate()
        .map(|(i, k)| {
            let d = *k && drop(i);
            if d {
                *k = false;
            }
            usize::from(d)
        })
        .sum()
}

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

fn mix(h: u64, v: u64, k: u64) -> u64 {
    (h ^ v).wrapping_mul(k).rotate_left(29) ^ (h >> 17)
}

/// Two independent 64-bit hashes of every line over every column of the file.
fn line_hashes(table: &RawTable) -> Vec<(u64, u64)> {
    let n = table.n_rows();
    let mut hashes = vec![(K1, K2); n];
    for column in &table.columns {
        let value = |i: usize| -> u64 {
            match &column.data {
                ColumnData::Numeric(v) if v[i].is_nan() => u64::MAX,
                ColumnData::Numeric(v) => v[i].to_bits(),
                ColumnData::Text { codes, .. } => u64::from(codes[i]),
                ColumnData::Date { days, .. } => days[i] as u32 as u64,
            }
        };
        hashes.par_iter_mut().enumerate().for_each(|(i, h)| {
            let v = value(i);
            *h = (mix(h.0, v, K1), mix(h.1, v, K2));
        });
    }
    hashes
}

/// Drop later copies of lines identical in every column (the first copy kept); returns how
/// many were dropped. Lines compare by two 64-bit hashes of all their values.
fn drop_duplicates(table: &RawTable, keep: &mut [bool]) -> usize {
    let hashes = line_hashes(table);
    let mut order: Vec<(u64, u64, u32)> = hashes
        .iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(i, h)| (h.0, h.1, i as u32))
        .collect();
    order.par_sort_unstable();
    let mut count = 0;
    for pair in order.windows(2) {
        if (pair[0].0, pair[0].1) == (pair[1].0, pair[1].1) {
            keep[pair[1].2 as usize] = false;
            count += 1;
        }
    }
    count
}
