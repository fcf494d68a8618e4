//! The uncertainty band: a seeded, stratified block bootstrap over customers giving P10–P90 of
//! the net impact. Each segment's customers are shuffled (seeded) and cut into at most
//! `max_blocks` blocks of near-equal size whose figure sums are kept; a replicate draws that
//! many blocks with replacement per segment, adds them up and recomputes the scenario. With
//! a segment no larger than `max_blocks`, every block is one customer: the exact customer
//! bootstrap. Replicate `r` has its own random stream, so the band is the same at any thread
//! count.

use super::base::{BaseError, SegmentSums, SimulationBase};
use super::columns::{CustomerColumns, Row};
use super::scenario::Scenario;
use crate::stats::quantile_sorted;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// How the band is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BootstrapSettings {
    pub seed: u64,
    pub replicates: usize,
    /// Blocks per segment (segments this small or smaller resample single customers).
    pub max_blocks: usize,
}

impl Default for BootstrapSettings {
    fn default() -> Self {
        Self {
            seed: 42,
            replicates: 1000,
            max_blocks: 1024,
        }
    }
}

/// Per segment, the figure sums of its blocks of customers.
#[derive(Debug, Clone, PartialEq)]
pub struct BootstrapBlocks {
    width: usize,
    /// Per segment: `blocks × width` sums, row by row.
    segments: Vec<Vec<f64>>,
}

/// The P10–P90 band of the net impact.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// The point estimate (the scenario on the full data).
    pub point: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub replicates: usize,
    pub seed: u64,
}

fn rng(seed: u64, stream: u64) -> Xoshiro256PlusPlus {
    let mut base = Xoshiro256PlusPlus::seed_from_u64(seed);
    // One jump per stream would be exact but slow; mixing the stream into the seed through
    // SplitMix64 (seed_from_u64) gives distinct, well-spread states.
    let mixed = base.r#gen::<u64>() ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    Xoshiro256PlusPlus::seed_from_u64(mixed)
}

impl BootstrapBlocks {
    /// Shuffle each segment's customers (seeded) and sum them into blocks.
    pub fn build(
        columns: &CustomerColumns<'_>,
        labels: &[u32],
        k: usize,
        settings: &BootstrapSettings,
    ) -> Result<Self, BaseError> {
        let row = Row::prepare(columns, labels, k)?;
        let width = row.width();
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); k];
        for (i, &l) in labels.iter().enumerate() {
            members[l as usize].push(i as u32);
        }
        let max_blocks = settings.max_blocks.max(1);
        let segments = members
            .into_par_iter()
            .enumerate()
            .map(|(s, mut ids)| {
                let mut r = rng(settings.seed, u64::MAX - s as u64);
                for i in (1..ids.len()).rev() {
                    ids.swap(i, r.gen_range(0..=i));
                }
                let blocks = ids.len().min(max_blocks);
                let mut sums = vec![0.0; blocks * width];
                let mut figures = vec![0.0; width];
                for (j, &id) in ids.iter().enumerate() {
                    // Block b holds the customers at positions b·n/blocks .. (b+1)·n/blocks.
                    let b = j * blocks / ids.len();
                    row.fill(id as usize, &mut figures);
                    let slot = &mut sums[b * width..][..width];
                    slot.iter_mut().zip(&figures).for_each(|(s, f)| *s += f);
                }
                sums
            })
            .collect();
        Ok(Self { width, segments })
    }

    /// One replicate's segment sums.
    fn replicate(&self, seed: u64, r: usize) -> Vec<SegmentSums> {
        let mut rng = rng(seed, r as u64);
        self.segments
            .iter()
            .map(|blocks| {
                let mut sums = SegmentSums::zeros(self.width);
                let count = blocks.len() / self.width;
                for _ in 0..count {
                    let b = rng.gen_range(0..count);
                    let row = &blocks[b * self.width..][..self.width];
                    sums.values.iter_mut().zip(row).for_each(|(s, v)| *s += v);
                }
                sums
            })
            .collect()
    }
}

/// The band of a scenario's net impact. Defaults that depend on the data (the budget shift's
/// source and target) are fixed from the full data first, so every replicate moves the same
/// budget.
pub fn band(
    base: &SimulationBase,
    blocks: &BootstrapBlocks,
    scenario: &Scenario,
    settings: &BootstrapSettings,
) -> Band {
    let scenario = super::resolve_defaults(base, scenario);
    let point = scenario.simulate(base).net_impact();
    let mut nets: Vec<f64> = (0..settings.replicates)
        .into_par_iter()
        .map(|r| {
            let replicate = base.with_segments(blocks.replicate(settings.seed, r));
            scenario.simulate(&replicate).net_impact()
        })
        .collect();
    nets.sort_unstable_by(f64::total_cmp);
    let q = |p| {
        if nets.is_empty() {
            point
        } else {
            quantile_sorted(&nets, p)
        }
    };
    Band {
        point,
        p10: q(0.1),
        p50: q(0.5),
        p90: q(0.9),
        replicates: settings.replicates,
        seed: settings.seed,
    }
}
