//! Per-column statistics for the data-quality report.

use super::report::ColumnProfile;
use crate::roles::ColumnMapping;
use crate::table::{Column, ColumnData, MISSING_DAY, format_day};
use rayon::prelude::*;

/// Profile every column of the loaded table (in parallel; the result is in column order).
pub(super) fn profile_columns(columns: &[Column], mapping: &ColumnMapping) -> Vec<ColumnProfile> {
    columns.par_iter().map(|c| profile(c, mapping)).collect()
}

/// Number of distinct values (sorts `values`; bit patterns for floats, so 0.0 ≠ −0.0).
fn count_distinct<T: Ord + Copy>(values: &mut [T]) -> usize {
    values.sort_unstable();
    values.windows(2).filter(|w| w[0] != w[1]).count() + usize::from(!values.is_empty())
}

fn pct(part: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * part as f64 / total as f64
    }
}

fn profile(column: &Column, mapping: &ColumnMapping) -> ColumnProfile {
    let n = column.data.len();
    let mut p = ColumnProfile {
        name: column.name.clone(),
        type_name: column.data.type_name().to_string(),
        role: mapping.role_of(&column.name),
        missing: 0,
        missing_pct: 0.0,
        zeros: 0,
        zeros_pct: 0.0,
        min: None,
        max: None,
        min_text: None,
        max_text: None,
        distinct: 0,
        date_format: None,
    };
    match &column.data {
        ColumnData::Numeric(values) => {
            let mut distinct = Vec::with_capacity(values.len());
            let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
            for &v in values {
                if v.is_nan() {
                    p.missing += 1;
                    continue;
                }
                if v == 0.0 {
                    p.zeros += 1;
                }
                lo = lo.min(v);
                hi = hi.max(v);
                distinct.push(v.to_bits());
            }
            p.distinct = count_distinct(&mut distinct);
            if p.distinct > 0 {
                p.min = Some(lo);
                p.max = Some(hi);
            }
        }
        ColumnData::Text { codes, levels } => {
            let mut used = vec![false; levels.len()];
            for &c in codes {
                match used.get_mut(c as usize) {
                    Some(u) => *u = true,
                    None => p.missing += 1,
                }
            }
            p.distinct = used.iter().filter(|u| **u).count();
        }
        ColumnData::Date { days, format } => {
            let mut distinct = Vec::with_capacity(days.len());
            let (mut lo, mut hi) = (i32::MAX, i32::MIN);
            for &d in days {
                if d == MISSING_DAY {
                    p.missing += 1;
                    continue;
                }
                lo = lo.min(d);
                hi = hi.max(d);
                distinct.push(d);
            }
            p.distinct = count_distinct(&mut distinct);
            if p.distinct > 0 {
                p.min = Some(lo as f64);
                p.max = Some(hi as f64);
                p.min_text = Some(format_day(lo));
                p.max_text = Some(format_day(hi));
            }
            p.date_format = Some(format.describe().to_string());
        }
    }
    p.missing_pct = pct(p.missing, n);
    p.zeros_pct = pct(p.zeros, n);
    p
}
