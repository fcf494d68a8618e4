//! The classic RFM view beside the k-means segments: recency, frequency and monetary quintile
//! scores 1..5 per customer, the usual named RFM groups from the R and F scores, and the
//! cross-table of RFM group × segment. Computed from the analysis when asked (not stored).
//!
//! **Scores.** 5 is best: the most recent, the most frequent, the highest spend. A customer's
//! score is `1 + ⌊5 · w / n⌋`, with `w` the customers strictly worse on that measure (a longer
//! recency, fewer purchases, less spend) and `n` all customers. Tied values therefore share one
//! score (the one of the tie's lowest position), whatever the row order; when many customers
//! tie (e.g. most bought once) a score can be skipped.
//!
//! **Groups** (from R and F; M is shown beside them), a partition of the 5 × 5 grid:
//!
//! | group | R | F |
//! |---|---|---|
//! | Champions | 5 | 4–5 |
//! | Loyal | 3–4 | 4–5 |
//! | Potential Loyalist | 4–5 | 2–3 |
//! | New | 5 | 1 |
//! | Promising | 4 | 1 |
//! | Need Attention | 3 | 3 |
//! | About to Sleep | 3 | 1–2 |
//! | Can't Lose | 1–2 | 5 |
//! | At Risk | 1–2 | 3–4 |
//! | Hibernating | 2 | 1–2, or 1 | 2 |
//! | Lost | 1 | 1 |

use super::{Availability, InsightInputs};
use crate::features::{InsightFamily, names};
use serde::Serialize;

/// The named RFM groups, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RfmGroup {
    Champions,
    Loyal,
    PotentialLoyalist,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    CantLose,
    AtRisk,
    Hibernating,
    Lost,
}

impl RfmGroup {
    pub const ALL: [RfmGroup; 11] = [
        RfmGroup::Champions,
        RfmGroup::Loyal,
        RfmGroup::PotentialLoyalist,
        RfmGroup::New,
        RfmGroup::Promising,
        RfmGroup::NeedAttention,
        RfmGroup::AboutToSleep,
        RfmGroup::CantLose,
        RfmGroup::AtRisk,
        RfmGroup::Hibernating,
        RfmGroup::Lost,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RfmGroup::Champions => "Champions",
            RfmGroup::Loyal => "Loyal",
            RfmGroup::PotentialLoyalist => "Potential Loyalist",
            RfmGroup::New => "New",
            RfmGroup::Promising => "Promising",
            RfmGroup::NeedAttention => "Need Attention",
            RfmGroup::AboutToSleep => "About to Sleep",
            RfmGroup::CantLose => "Can't Lose",
            RfmGroup::AtRisk => "At Risk",
            RfmGroup::Hibernating => "Hibernating",
            RfmGroup::Lost => "Lost",
        }
    }

    /// The group of an R and an F score (each 1..5), by the table in the module docs.
    pub fn of(r: u8, f: u8) -> RfmGroup {
        let (recent, frequent) = (r >= 4, f >= 4);
        if r == 5 && frequent {
            RfmGroup::Champions
        } else if r >= 3 && frequent {
            RfmGroup::Loyal
        } else if recent && f >= 2 {
            RfmGroup::PotentialLoyalist
        } else if r == 5 {
            RfmGroup::New
        } else if r == 4 {
            RfmGroup::Promising
        } else if r == 3 {
            if f == 3 {
                RfmGroup::NeedAttention
            } else {
                RfmGroup::AboutToSleep
            }
        } else if f == 5 {
            RfmGroup::CantLose
        } else if f >= 3 {
            RfmGroup::AtRisk
        } else if r == 2 || f == 2 {
            RfmGroup::Hibernating
        } else {
            RfmGroup::Lost
        }
    }
}

/// One customer's quintile scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RfmScore {
    pub r: u8,
    pub f: u8,
    pub m: u8,
}

impl RfmScore {
    pub fn group(&self) -> RfmGroup {
        RfmGroup::of(self.r, self.f)
    }
}

/// One group's row of the cross-table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RfmGroupRow {
    pub group: RfmGroup,
    pub label: &'static str,
    pub customers: usize,
    /// % of all customers.
    pub share_pct: f64,
    /// Mean R, F and M scores of the group.
    pub mean_r: f64,
    pub mean_f: f64,
    pub mean_m: f64,
    /// Customers of the group in each segment (index = segment).
    pub by_segment: Vec<usize>,
}

/// The RFM view: every group with customers, in [`RfmGroup::ALL`] order, by segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RfmView {
    pub rows: Vec<RfmGroupRow>,
    pub segment_sizes: Vec<usize>,
}

/// Quintile scores of `values` where higher is better (`higher_better`) or lower is.
pub fn quintile_scores(values: &[f64], higher_better: bool) -> Vec<u8> {
    let n = values.len();
    let mut sorted: Vec<f64> = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    values
        .iter()
        .map(|v| {
            let below = sorted.partition_point(|x| x.total_cmp(v).is_lt());
            let above = n - sorted.partition_point(|x| x.total_cmp(v).is_le());
            let worse = if higher_better { below } else { above };
            (1 + 5 * worse / n.max(1)).min(5) as u8
        })
        .collect()
}

/// Every customer's R, F and M scores (recency: fewer days is better).
pub fn rfm_scores(recency: &[f64], frequency: &[f64], monetary: &[f64]) -> Vec<RfmScore> {
    let (r, f, m) = (
        quintile_scores(recency, false),
        quintile_scores(frequency, true),
        quintile_scores(monetary, true),
    );
    (0..r.len())
        .map(|i| RfmScore {
            r: r[i],
            f: f[i],
            m: m[i],
        })
        .collect()
}

/// The cross-table of groups and segments from scores and segment labels.
pub fn rfm_view_of(scores: &[RfmScore], labels: &[u32], k: usize) -> RfmView {
    let n = scores.len().max(1) as f64;
    let mut segment_sizes = vec![0; k];
    for &l in labels {
        if let Some(size) = segment_sizes.get_mut(l as usize) {
            *size += 1;
        }
    }
    let rows = RfmGroup::ALL
        .iter()
        .filter_map(|&group| {
            let members: Vec<usize> = (0..scores.len())
                .filter(|&i| scores[i].group() == group)
                .collect();
            if members.is_empty() {
                return None;
            }
            let mut by_segment = vec![0; k];
            for &i in &members {
                if let Some(count) = labels.get(i).and_then(|&l| by_segment.get_mut(l as usize)) {
                    *count += 1;
                }
            }
            let mean = |f: fn(&RfmScore) -> u8| {
                members
                    .iter()
                    .map(|&i| f64::from(f(&scores[i])))
                    .sum::<f64>()
                    / members.len() as f64
            };
            Some(RfmGroupRow {
                group,
                label: group.label(),
                customers: members.len(),
                share_pct: 100.0 * members.len() as f64 / n,
                mean_r: mean(|s| s.r),
                mean_f: mean(|s| s.f),
                mean_m: mean(|s| s.m),
                by_segment,
            })
        })
        .collect();
    RfmView {
        rows,
        segment_sizes,
    }
}

/// The RFM view of an analysis, or why not (it needs recency, frequency and spend).
pub fn rfm_view(inputs: &InsightInputs<'_>) -> Availability<RfmView> {
    let get = |name| inputs.feature(name, InsightFamily::Rfm);
    match (
        get(names::RECENCY),
        get(names::FREQUENCY),
        get(names::MONETARY),
    ) {
        (Ok(r), Ok(f), Ok(m)) => {
            let scores = rfm_scores(r, f, m);
            Availability::Available(rfm_view_of(&scores, inputs.labels(), inputs.k()))
        }
        (Err(reason), _, _) | (_, Err(reason), _) | (_, _, Err(reason)) => {
            Availability::NotAvailable { reason }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quintiles_by_hand_with_ties_sharing_a_score() {
        // Ten customers: 2 per quintile without ties.
        let spend = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0];
        assert_eq!(
            quintile_scores(&spend, true),
            [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        );
        // Recency: fewer days is better, so the largest recency scores 1.
        let days = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(
            quintile_scores(&days, false),
            [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
        );
        // Six of ten bought once: they tie at the lowest position (score 1); the next value
        // has six customers below it: 1 + ⌊5·6/10⌋ = 4; the last two 1 + ⌊5·8/10⌋ = 5.
        let orders = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 7.0];
        assert_eq!(
            quintile_scores(&orders, true),
            [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]
        );
        // Row order does not matter.
        let mut shuffled = orders;
        shuffled.reverse();
        let mut scores = quintile_scores(&shuffled, true);
        scores.reverse();
        assert_eq!(scores, quintile_scores(&orders, true));
    }

    #[test]
    fn groups_partition_the_grid_by_the_documented_rules() {
        use RfmGroup::*;
        let grid: Vec<Vec<RfmGroup>> = (1..=5u8)
            .rev()
            .map(|r| (1..=5u8).map(|f| RfmGroup::of(r, f)).collect())
            .collect();
        assert_eq!(
            grid,
            [
                vec![
                    New,
                    PotentialLoyalist,
                    PotentialLoyalist,
                    Champions,
                    Champions
                ],
                vec![
                    Promising,
                    PotentialLoyalist,
                    PotentialLoyalist,
                    Loyal,
                    Loyal
                ],
                vec![AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
                vec![Hibernating, Hibernating, AtRisk, AtRisk, CantLose],
                vec![Lost, Hibernating, AtRisk, AtRisk, CantLose],
            ]
        );
        let used: std::collections::BTreeSet<RfmGroup> = grid.into_iter().flatten().collect();
        assert_eq!(used.len(), RfmGroup::ALL.len(), "every group is reachable");
    }

    #[test]
    fn a_small_table_scores_groups_and_cross_tabulates_by_hand() {
        // Five customers, one per quintile on each measure.
        let recency = [5.0, 100.0, 40.0, 300.0, 200.0];
        let frequency = [9.0, 8.0, 1.0, 2.0, 5.0];
        let monetary = [500.0, 400.0, 10.0, 20.0, 300.0];
        let scores = rfm_scores(&recency, &frequency, &monetary);
        let rfm: Vec<(u8, u8, u8)> = scores.iter().map(|s| (s.r, s.f, s.m)).collect();
        assert_eq!(rfm, [(5, 5, 5), (3, 4, 4), (4, 1, 1), (1, 2, 2), (2, 3, 3)]);
        let groups: Vec<RfmGroup> = scores.iter().map(RfmScore::group).collect();
        use RfmGroup::*;
        assert_eq!(groups, [Champions, Loyal, Promising, Hibernating, AtRisk]);
        let view = rfm_view_of(&scores, &[0, 0, 1, 1, 1], 2);
        assert_eq!(view.segment_sizes, [2, 3]);
        let row = |g: RfmGroup| view.rows.iter().find(|r| r.group == g).unwrap();
        assert_eq!(row(Champions).by_segment, [1, 0]);
        assert_eq!(row(AtRisk).by_segment, [0, 1]);
        assert_eq!(row(Hibernating).share_pct, 20.0);
        assert_eq!(view.rows.len(), 5);
        let total: usize = view.rows.iter().map(|r| r.customers).sum();
        assert_eq!(total, 5);
    }
}
