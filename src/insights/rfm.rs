//! RFM means per segment, and the CLV proxy's mean, median and 90th percentile.

use super::InsightInputs;
use super::stats::{mean, of_segment, quantile};
use crate::features::{InsightFamily, names};
use serde::{Deserialize, Serialize};

/// Mean recency (days), frequency (purchases) and monetary value (spend).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmFigures {
    pub recency: f64,
    pub frequency: f64,
    pub monetary: f64,
}

/// RFM of the population and of every segment (index = segment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmSummary {
    pub population: RfmFigures,
    pub segments: Vec<RfmFigures>,
}

/// CLV proxy figures of a group of customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvFigures {
    pub mean: f64,
    pub median: f64,
    pub p90: f64,
}

/// CLV proxy of the population and of every segment (index = segment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvSummary {
    pub population: ClvFigures,
    pub segments: Vec<ClvFigures>,
}

pub(super) fn rfm_summary(inputs: &InsightInputs<'_>) -> Result<RfmSummary, String> {
    let r = inputs.feature(names::RECENCY, InsightFamily::Rfm)?;
    let f = inputs.feature(names::FREQUENCY, InsightFamily::Rfm)?;
    let m = inputs.feature(names::MONETARY, InsightFamily::Rfm)?;
    let labels = inputs.labels();
    let figures = |pick: &dyn Fn(&[f64]) -> Vec<f64>| RfmFigures {
        recency: mean(&pick(r)),
        frequency: mean(&pick(f)),
        monetary: mean(&pick(m)),
    };
    Ok(RfmSummary {
        population: figures(&|v| v.to_vec()),
        segments: (0..inputs.k())
            .map(|s| figures(&|v| of_segment(v, labels, s)))
            .collect(),
    })
}

fn clv_figures(values: &[f64]) -> ClvFigures {
    ClvFigures {
        mean: mean(values),
        median: quantile(values, 0.5),
        p90: quantile(values, 0.9),
    }
}

pub(super) fn clv_summary(inputs: &InsightInputs<'_>) -> Result<ClvSummary, String> {
    let clv = inputs.feature(names::CLV_PROXY, InsightFamily::Clv)?;
    let labels = inputs.labels();
    Ok(ClvSummary {
        population: clv_figures(clv),
        segments: (0..inputs.k())
            .map(|s| clv_figures(&of_segment(clv, labels, s)))
            .collect(),
    })
}
