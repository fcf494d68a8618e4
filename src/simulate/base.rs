//! The segment aggregates a simulation runs on: per-segment sums of per-customer figures
//! (revenue, purchases, deal dependency, CLV proxy, recency, channels, responses), built once
//! from feature columns and segment labels. Recomputing a scenario reads only these sums.

use super::columns::{CustomerColumns, Row};
pub use super::figures::{BaseError, Coverage, PopulationFacts};
pub(crate) use super::figures::{RESPONSE_WIDTH, field};
use rayon::prelude::*;

/// Customers summed per parallel chunk; partial sums merge in chunk order, so the sums do not
/// depend on the number of threads.
const CHUNK: usize = 1 << 16;

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
