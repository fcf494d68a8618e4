//! Re-running on changed data: the new segments are matched to a previous model's (least
//! centroid distance), renumbered so matched segments keep their numbers, persona names and
//! edits, and the customers who moved between segments are counted.

use super::matching::{match_segments, rms_distance};
use super::{ModelError, SavedSegmentation};
use crate::personas::{CarriedPersona, segment_name};
use crate::pipeline::Analysis;
use crate::run_id::short;
use crate::segment::Segmentation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A matched segment keeps the previous persona when its centroid is within this distance
/// (RMS over features, in the previous training standard deviations) of the previous one,
/// when the previous one is its nearest anyway (so a shift that moves every segment alike,
/// such as a price rise, keeps the names), or when most of its customers are the previous
/// segment's customers ([`MIN_KEPT_SHARE`]; a change of units, such as incomes in another
/// currency, moves every centroid far but keeps the same people together). Otherwise it keeps
/// the number but not the persona.
pub const MAX_MATCH_DISTANCE: f64 = 1.0;

/// The share of a segment's customers (among those in both runs) that must come from the
/// matched previous segment for it to keep that segment's persona however far its centroid
/// moved.
pub(super) const MIN_KEPT_SHARE: f64 = 0.5;

/// How one segment of the new run relates to the previous model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentMatch {
    /// The segment's index after alignment.
    pub segment: usize,
    /// The previous model's segment it matched.
    pub previous: Option<usize>,
    /// Centroid distance to it (RMS, in previous training SDs).
    pub distance: Option<f64>,
    /// Whether the previous persona (name and edits) was carried over.
    pub persona_carried: bool,
    /// The persona's display name after alignment.
    pub persona: String,
}

/// The result of aligning a run to a previous model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub previous_run_id: String,
    pub segments: Vec<SegmentMatch>,
    /// Whether any segment changed its number.
    pub renumbered: bool,
    /// Previous segments nothing matched.
    pub retired: Vec<usize>,
    /// Customers (by id) present in both the previous training data and this run.
    pub compared_customers: usize,
    /// Of those, customers now in a segment that is not the one they were in.
    pub moved_customers: usize,
    pub moved_pct: f64,
}

/// Centroids in original units over the shared features, divided by the previous model's
/// training standard deviations, so both sides compare.
fn comparable(
    scaler: &crate::segment::FittedScaler,
    centroids: &[f64],
    k: usize,
    p: usize,
    columns: &[usize],
    stds: &[f64],
) -> Vec<Vec<f64>> {
    (0..k)
        .map(|s| {
            let original = scaler.inverse_row(&centroids[s * p..(s + 1) * p]);
            columns
                .iter()
                .zip(stds)
                .map(|(&j, &sd)| original[j] / if sd > 0.0 { sd } else { 1.0 })
                .collect()
        })
        .collect()
}

/// Renumber `analysis`'s segments to match `previous`, carry persona names and edits over,
/// recompute insights and personas, and count moved customers.
pub fn align_to_previous(
    previous: &SavedSegmentation,
    analysis: &mut Analysis,
) -> Result<Alignment, ModelError> {
    let (old, new) = comparable_centroids(previous, &analysis.segmentation)?;
    let matches = match_segments(&old, &new);
    let k = analysis.segmentation.k;
    // Matched segments in the previous order first, then the new ones in their order.
    let mut order: Vec<usize> = (0..k).filter(|&j| matches[j].is_some()).collect();
    order.sort_by_key(|&j| matches[j].map_or(usize::MAX, |m| m.0));
    order.extend((0..k).filter(|&j| matches[j].is_none()));
    let renumbered = renumber(&mut analysis.segmentation, &order);
    analysis.segmentation.order_by =
        format!("matched to the previous model {}", short(&previous.run_id));

    let previous_of: Vec<Option<(usize, f64)>> = order.iter().map(|&j| matches[j]).collect();
    let nearest_old: Vec<Option<usize>> = order
        .iter()
        .map(|&j| {
            (0..old.len()).min_by(|&a, &b| {
                rms_distance(&old[a], &new[j]).total_cmp(&rms_distance(&old[b], &new[j]))
            })
        })
        .collect();
    let overlap = customer_overlap(previous, analysis, &previous_of);
    let carried = carried_personas(previous, &previous_of, &nearest_old, &overlap.kept);
    analysis.refresh_insights(&carried);
    let (compared, moved) = (overlap.compared, overlap.moved);
    let segments = (0..analysis.segmentation.k)
        .map(|s| SegmentMatch {
            segment: s,
            previous: previous_of[s].map(|m| m.0),
            distance: previous_of[s].map(|m| m.1),
            persona_carried: carried[s].is_some(),
            persona: segment_name(&analysis.personas, s),
        })
        .collect();
    let retired = (0..previous.k)
        .filter(|o| !previous_of.iter().any(|m| m.map(|m| m.0) == Some(*o)))
        .collect();
    Ok(Alignment {
        previous_run_id: previous.run_id.clone(),
        segments,
        renumbered,
        retired,
        compared_customers: compared,
        moved_customers: moved,
        moved_pct: if compared > 0 {
            100.0 * moved as f64 / compared as f64
        } else {
            0.0
        },
    })
}

/// One row per segment.
type Centroids = Vec<Vec<f64>>;

/// Both models' centroids over their shared features, comparable (original units over the
/// previous training SDs): (previous, new).
fn comparable_centroids(
    previous: &SavedSegmentation,
    seg: &Segmentation,
) -> Result<(Centroids, Centroids), ModelError> {
    let shared: Vec<(usize, usize)> = previous
        .feature_names
        .iter()
        .enumerate()
        .filter_map(|(pi, name)| {
            seg.feature_names
                .iter()
                .position(|n| n == name)
                .map(|ni| (pi, ni))
        })
        .collect();
    if shared.is_empty() {
        return Err(ModelError::NothingToMatch {
            previous: previous.feature_names.join(", "),
            current: seg.feature_names.join(", "),
        });
    }
    let stds: Vec<f64> = shared
        .iter()
        .map(|&(pi, _)| previous.training_feature_stds[pi])
        .collect();
    let old = comparable(
        &previous.scaler,
        &previous.centroids,
        previous.k,
        previous.feature_names.len(),
        &shared.iter().map(|s| s.0).collect::<Vec<_>>(),
        &stds,
    );
    let new = comparable(
        &seg.scaler,
        &seg.centroids,
        seg.k,
        seg.feature_names.len(),
        &shared.iter().map(|s| s.1).collect::<Vec<_>>(),
        &stds,
    );
    Ok((old, new))
}

/// Renumber the segments so that old segment `order[n]` becomes segment `n`; returns whether
/// any number changed.
fn renumber(seg: &mut Segmentation, order: &[usize]) -> bool {
    let mut number_of = vec![0usize; seg.k];
    for (number, &j) in order.iter().enumerate() {
        number_of[j] = number;
    }
    let renumbered = number_of.iter().enumerate().any(|(j, &n)| j != n);
    let p = seg.feature_names.len();
    seg.labels
        .iter_mut()
        .for_each(|l| *l = number_of[*l as usize] as u32);
    seg.centroids = order
        .iter()
        .flat_map(|&j| seg.centroids[j * p..(j + 1) * p].to_vec())
        .collect();
    seg.sizes = order.iter().map(|&j| seg.sizes[j]).collect();
    if seg.segment_stability.len() == seg.k {
        seg.segment_stability = order.iter().map(|&j| seg.segment_stability[j]).collect();
    }
    // The kept run of this k is numbered the same way, so switching back keeps the numbers.
    let k = seg.k;
    let (labels, centroids, sizes) = (seg.labels.clone(), seg.centroids.clone(), seg.sizes.clone());
    let stability = seg.segment_stability.clone();
    if let Some(option) = seg.options.iter_mut().find(|o| o.k == k) {
        option.labels = labels;
        option.centroids = centroids;
        option.sizes = sizes;
        option.segment_stability = stability;
    }
    renumbered
}

/// The previous persona of each matched segment that is close enough (or whose nearest old
/// segment is its match anyway).
fn carried_personas(
    previous: &SavedSegmentation,
    previous_of: &[Option<(usize, f64)>],
    nearest_old: &[Option<usize>],
    kept: &[Option<f64>],
) -> Vec<Option<CarriedPersona>> {
    previous_of
        .iter()
        .zip(nearest_old)
        .zip(kept)
        .map(|((m, nearest), kept)| {
            let (old, distance) = (*m)?;
            let same_people = kept.is_some_and(|share| share >= MIN_KEPT_SHARE);
            if distance > MAX_MATCH_DISTANCE && *nearest != Some(old) && !same_people {
                return None;
            }
            let saved = previous.personas.iter().find(|p| p.segment == old)?;
            Some(saved.label.clone())
        })
        .collect()
}

/// Customers (by id) in both runs, compared segment by segment.
struct Overlap {
    compared: usize,
    /// Of those, customers now in a segment that is not the one they were in.
    moved: usize,
    /// Per segment (new numbering): the share of its compared customers that were in the
    /// previous segment it matched; `None` when it shares no customer with the previous run.
    kept: Vec<Option<f64>>,
}

fn customer_overlap(
    previous: &SavedSegmentation,
    analysis: &Analysis,
    previous_of: &[Option<(usize, f64)>],
) -> Overlap {
    let before: BTreeMap<&str, u32> = previous
        .training_ids
        .iter()
        .map(String::as_str)
        .zip(previous.training_labels.iter().copied())
        .collect();
    let k = previous_of.len();
    let (mut compared, mut stayed) = (vec![0usize; k], vec![0usize; k]);
    for (id, &label) in analysis
        .customer_ids
        .iter()
        .zip(&analysis.segmentation.labels)
    {
        let s = label as usize;
        if let (Some(&old), Some(matched)) = (before.get(id.as_str()), previous_of.get(s)) {
            compared[s] += 1;
            if matched.map(|m| m.0) == Some(old as usize) {
                stayed[s] += 1;
            }
        }
    }
    let total: usize = compared.iter().sum();
    let kept = compared
        .iter()
        .zip(&stayed)
        .map(|(&c, &k)| (c > 0).then(|| k as f64 / c as f64))
        .collect();
    Overlap {
        compared: total,
        moved: total - stayed.iter().sum::<usize>(),
        kept,
    }
}
