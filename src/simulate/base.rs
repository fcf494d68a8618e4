//! The segment aggregates a simulation runs on: per-segment sums of per-customer figures
//! (revenue, purchases, deal dependency, CLV proxy, recency, channels, responses), built once
//! from feature columns and segment labels. Recomputing a scenario reads only these sums.

use super::columns::{CustomerColumns, Row};
use rayon::prelude::*;
use thiserror::Error;

/// Offsets of the fixed per-customer figures in a row of sums.
pub(crate) mod field {
    pub const CUSTOMERS: usize = 0;
    pub const REVENUE: usize = 1;
    pub const PURCHASES: usize = 2;
    pub const DEAL_DEPENDENCY: usize = 3;
    /// Monetary × Deal_Dependency: the revenue a discount touches.
    pub const DEAL_REVENUE: usize = 4;
    pub const CLV: usize = 5;
    pub const RECENCY: usize = 6;
    /// Monetary × Recency: what the CLV proxy loses to recency.
    pub const REVENUE_RECENCY: usize = 7;
    pub const WEB: usize = 8;
    pub const STORE: usize = 9;
    pub const CATALOG: usize = 10;
    /// Monetary of customers with Deal_Dependency ≥ its median (population mode source).
    pub const POP_SOURCE_REVENUE: usize = 11;
    /// Monetary of customers with CLV_Proxy ≥ its median (population mode target).
    pub const POP_TARGET_REVENUE: usize = 12;
    pub const POP_SOURCE_CUSTOMERS: usize = 13;
    pub const POP_TARGET_CUSTOMERS: usize = 14;
    /// Number of fixed figures; each response column adds [`super::RESPONSE_WIDTH`] more.
    pub const FIXED: usize = 15;
    /// Offsets inside a response column's figures: responders, their revenue, their purchases.
    pub const RESPONDERS: usize = 0;
    pub const RESPONDER_REVENUE: usize = 1;
    pub const RESPONDER_PURCHASES: usize = 2;
}

/// Figures per response column.
pub(crate) const RESPONSE_WIDTH: usize = 3;
/// Customers summed per parallel chunk; partial sums merge in chunk order, so the sums do not
/// depend on the number of threads.
const CHUNK: usize = 1 << 16;

/// Why aggregates could not be built.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum BaseError {
    #[error("the feature column {column} has {len} values but there are {expected} customers")]
    Length {
        column: String,
        len: usize,
        expected: usize,
    },
    #[error("customer {row} is in segment {label} but the segmentation has only {k} segments")]
    Label { row: usize, label: u32, k: usize },
    #[error("there are no segments to simulate (k = 0)")]
    NoSegments,
}

/// Which figures the data supports (a lever needing a missing one is unavailable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    pub revenue: bool,
    pub purchases: bool,
    pub deal_dependency: bool,
    pub clv: bool,
    pub recency: bool,
    pub web: bool,
    pub store: bool,
    pub catalog: bool,
}

/// Figures of the whole customer base that levers need besides the sums.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PopulationFacts {
    pub customers: usize,
    /// Median Deal_Dependency: population mode's source threshold.
    pub median_deal_dependency: Option<f64>,
    /// Median CLV_Proxy: population mode's target threshold.
    pub median_clv: Option<f64>,
    /// Largest Recency, which the CLV proxy's retention factor divides by (+ 1).
    pub max_recency: Option<f64>,
}

/// One segment's sums (fixed figures, then three per response column).
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentSums {
    pub(crate) values: Vec<f64>,
}

impl SegmentSums {
    pub(crate) fn zeros(width: usize) -> Self {
        Self {
            values: vec![0.0; width],
        }
    }

    pub(crate) fn get(&self, field: usize) -> f64 {
        self.values[field]
    }

    /// A response column's figure (`column` indexes [`SimulationBase::responses`]).
    pub(crate) fn response(&self, column: usize, figure: usize) -> f64 {
        self.values[field::FIXED + RESPONSE_WIDTH * column + figure]
    }

    pub fn customers(&self) -> f64 {
        self.get(field::CUSTOMERS)
    }

    pub fn revenue(&self) -> f64 {
        self.get(field::REVENUE)
    }

    /// Mean of a summed figure over the segment's customers (0 for an empty segment).
    pub(crate) fn mean(&self, field: usize) -> f64 {
        let n = self.customers();
        if n > 0.0 { self.get(field) / n } else { 0.0 }
    }
}

/// The aggregates of one analysis: everything a scenario is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationBase {
    pub segments: Vec<SegmentSums>,
    pub population: PopulationFacts,
    pub coverage: Coverage,
    /// Response columns: first `"any"` (accepted any campaign), then each campaign column.
    pub responses: Vec<String>,
}

impl SimulationBase {
    /// Sum every customer's figures into their segment.
    pub fn build(
        columns: &CustomerColumns<'_>,
        labels: &[u32],
        k: usize,
    ) -> Result<Self, BaseError> {
        let row = Row::prepare(columns, labels, k)?;
        let width = row.width();
        let partials: Vec<Vec<f64>> = labels
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut sums = vec![0.0; k * width];
                let mut figures = vec![0.0; width];
                for (offset, &label) in chunk.iter().enumerate() {
                    row.fill(c * CHUNK + offset, &mut figures);
                    let slot = &mut sums[label as usize * width..][..width];
                    slot.iter_mut().zip(&figures).for_each(|(s, f)| *s += f);
                }
                sums
            })
            .collect();
        let mut total = vec![0.0; k * width];
        for partial in partials {
            total.iter_mut().zip(&partial).for_each(|(t, p)| *t += p);
        }
        Ok(Self {
            segments: total
                .chunks_exact(width)
                .map(|v| SegmentSums { values: v.to_vec() })
                .collect(),
            population: row.population(),
            coverage: row.coverage(),
            responses: row.response_names(),
        })
    }

    /// Number of segments.
    pub fn k(&self) -> usize {
        self.segments.len()
    }

    /// Sum of a figure over all segments.
    pub(crate) fn total(&self, field: usize) -> f64 {
        self.segments.iter().map(|s| s.get(field)).sum()
    }

    /// Total revenue (Σ Monetary).
    pub fn total_revenue(&self) -> f64 {
        self.total(field::REVENUE)
    }

    /// The index of a response column by name (`"any"` or a campaign column).
    pub fn response_index(&self, name: &str) -> Option<usize> {
        self.responses
            .iter()
            .position(|r| r.eq_ignore_ascii_case(name))
    }

    /// The segment with the largest mean of a figure (ties to the lower index).
    pub(crate) fn argmax_mean(&self, field: usize) -> Option<usize> {
        (0..self.k())
            .filter(|&s| self.segments[s].customers() > 0.0)
            .fold(None, |best: Option<usize>, s| match best {
                Some(b) if self.segments[b].mean(field) >= self.segments[s].mean(field) => Some(b),
                _ => Some(s),
            })
    }

    /// The same base with other sums (a bootstrap replicate).
    pub(crate) fn with_segments(&self, segments: Vec<SegmentSums>) -> Self {
        Self {
            segments,
            population: self.population,
            coverage: self.coverage,
            responses: self.responses.clone(),
        }
    }
}
