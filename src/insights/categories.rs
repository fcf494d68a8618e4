//! Categorical attributes per segment (education, marital status…): the distribution of
//! each attribute and the values a segment over-represents.

use super::InsightInputs;
use super::stats::{pct, ratio};
use crate::features::InsightFamily;
use serde::{Deserialize, Serialize};

/// A value is over-represented when its share in the segment is at least this many times its
/// share overall…
pub(super) const OVER_REPRESENTED_LIFT: f64 = 1.25;
/// …and it covers at least this % of the segment.
pub(super) const OVER_REPRESENTED_MIN_PCT: f64 = 5.0;

/// One value's share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelShare {
    pub level: String,
    pub customers: usize,
    pub pct: f64,
    /// The value's share in the whole customer base, %.
    pub population_pct: f64,
    /// pct ÷ population_pct.
    pub lift: Option<f64>,
}

/// One attribute in one segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentCategory {
    pub segment: usize,
    /// Every value, most common overall first.
    pub levels: Vec<LevelShare>,
    /// Values over-represented in the segment, largest lift first.
    pub over_represented: Vec<String>,
}

/// One attribute across segments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryAttribute {
    pub name: String,
    pub population: Vec<LevelShare>,
    pub segments: Vec<SegmentCategory>,
}

/// Every categorical attribute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryProfile {
    pub attributes: Vec<CategoryAttribute>,
}

pub(super) fn category_profile(inputs: &InsightInputs<'_>) -> Result<CategoryProfile, String> {
    if inputs.categories.is_empty() {
        return Err(inputs.missing_reason(
            InsightFamily::Categories,
            "every categorical column was dropped during validation (e.g. as constant)",
        ));
    }
    let (labels, k) = (inputs.labels(), inputs.k());
    let attributes = inputs
        .categories
        .iter()
        .map(|column| {
            let levels = column.levels.len();
            let mut table = vec![vec![0usize; levels]; k];
            let mut overall = vec![0usize; levels];
            for (&l, &code) in labels.iter().zip(&column.codes) {
                if let (Some(row), true) = (table.get_mut(l as usize), (code as usize) < levels) {
                    row[code as usize] += 1;
                    overall[code as usize] += 1;
                }
            }
            let n: usize = overall.iter().sum();
            let mut order: Vec<usize> = (0..levels).filter(|&c| overall[c] > 0).collect();
            order.sort_by(|&a, &b| overall[b].cmp(&overall[a]).then(a.cmp(&b)));
            let population_pct = |c: usize| pct(overall[c] as f64, n as f64);
            let population = order
                .iter()
                .map(|&c| LevelShare {
                    level: column.levels[c].clone(),
                    customers: overall[c],
                    pct: population_pct(c),
                    population_pct: population_pct(c),
                    lift: Some(1.0),
                })
                .collect();
            let segments = table
                .iter()
                .enumerate()
                .map(|(s, row)| {
                    let size: usize = row.iter().sum();
                    let shares: Vec<LevelShare> = order
                        .iter()
                        .map(|&c| {
                            let share = pct(row[c] as f64, size as f64);
                            LevelShare {
                                level: column.levels[c].clone(),
                                customers: row[c],
                                pct: share,
                                population_pct: population_pct(c),
                                lift: ratio(share, population_pct(c)),
                            }
                        })
                        .collect();
                    let mut over: Vec<&LevelShare> = shares
                        .iter()
                        .filter(|l| {
                            l.pct >= OVER_REPRESENTED_MIN_PCT
                                && l.lift.is_some_and(|x| x >= OVER_REPRESENTED_LIFT)
                        })
                        .collect();
                    over.sort_by(|a, b| b.lift.unwrap_or(0.0).total_cmp(&a.lift.unwrap_or(0.0)));
                    SegmentCategory {
                        segment: s,
                        over_represented: over.iter().map(|l| l.level.clone()).collect(),
                        levels: shares,
                    }
                })
                .collect();
            CategoryAttribute {
                name: column.name.clone(),
                population,
                segments,
            }
        })
        .collect();
    Ok(CategoryProfile { attributes })
}
