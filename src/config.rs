//! The run configuration: every choice that shapes a segmentation, validated once
//! (`RunConfig::validate`) before any stage sees it. The k-means settings are checked there
//! by their own guard ([`KMeansParams`]), the one place their rules live.

mod kmeans;
pub mod limits;

pub use kmeans::{KMeansError, KMeansParams, KMeansSettings};

use linfa::ParamGuard;
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// How many segments to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KChoice {
    /// Sweep `k_min..=k_max` and pick by the documented rule.
    Auto,
    /// Exactly this many segments (the sweep still runs for the report).
    Fixed(usize),
}

impl fmt::Display for KChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KChoice::Auto => f.write_str("auto"),
            KChoice::Fixed(k) => write!(f, "{k}"),
        }
    }
}

/// Which feature scaler to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScalerChoice {
    /// Compare all three and keep the best by the reference score.
    Auto,
    Standard,
    Robust,
    MinMax,
}

impl ScalerChoice {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
            "auto" => Some(Self::Auto),
            "standard" | "zscore" => Some(Self::Standard),
            "robust" => Some(Self::Robust),
            "minmax" => Some(Self::MinMax),
            _ => None,
        }
    }
}

/// Whether skewed amounts and counts get `log1p` before scaling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum LogChoice {
    /// Where the raw skewness exceeds the documented threshold (amounts and counts only).
    #[default]
    Auto,
    /// Every non-negative amount and count.
    On,
    /// None.
    Off,
}

impl LogChoice {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Self::Auto),
            "on" | "yes" | "true" => Some(Self::On),
            "off" | "no" | "false" => Some(Self::Off),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::On => "on",
            Self::Off => "off",
        }
    }
}

/// The marketing range of k the rule prefers (3..=8 by default).
pub const DECISION_K_RANGE: (usize, usize) = (3, 8);

/// Everything a run depends on besides the data and the mapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunConfig {
    pub k: KChoice,
    pub k_min: usize,
    pub k_max: usize,
    /// k-means runs per k, each from its own k-means++ seed.
    pub seeds: usize,
    /// The base seed; run `i` uses a seed derived from it and `i`.
    pub seed: u64,
    pub scaler: ScalerChoice,
    /// Smallest acceptable segment, as a share of customers (0.05 = 5%).
    pub min_segment_share: f64,
    pub max_iter: usize,
    /// Convergence: stop when the relative inertia change falls below this.
    pub tolerance: f64,
    /// Features to use; empty means the default set.
    pub include_features: Vec<String>,
    /// Features to leave out of the default (or included) set.
    pub exclude_features: Vec<String>,
    /// One-hot encode categorical attributes as extra features.
    pub one_hot: bool,
    /// Remove customers identical to another in every column but the id.
    pub drop_duplicates: bool,
    /// Cap outliers at Q1 − f·IQR and Q3 + f·IQR (0 turns capping off).
    pub iqr_factor: f64,
    /// Silhouette is exact up to this many customers, sampled above.
    pub silhouette_sample: usize,
    /// Year ages are computed at when the data has no join date.
    pub reference_year: Option<i32>,
    /// `log1p` of skewed amounts and counts: auto, on or off.
    #[serde(default)]
    pub log: LogChoice,
    /// Features that get `log1p` whatever `log` says.
    #[serde(default)]
    pub log_features: Vec<String>,
    /// Features that never get `log1p`.
    #[serde(default)]
    pub no_log_features: Vec<String>,
    /// The range of k the rule prefers for decisions (2 is allowed when nothing in it holds).
    #[serde(default = "decision_range")]
    pub decision_k: (usize, usize),
}

fn decision_range() -> (usize, usize) {
    DECISION_K_RANGE
}

impl Default for RunConfig {
    fn default() -> Self {
        Self {
            k: KChoice::Auto,
            k_min: 2,
            k_max: 8,
            seeds: 10,
            seed: 42,
            scaler: ScalerChoice::Auto,
            min_segment_share: 0.05,
            max_iter: 300,
            tolerance: 1e-4,
            include_features: Vec::new(),
            exclude_features: Vec::new(),
            one_hot: false,
            drop_duplicates: true,
            iqr_factor: 1.5,
            silhouette_sample: 10_000,
            reference_year: None,
            log: LogChoice::Auto,
            log_features: Vec::new(),
            no_log_features: Vec::new(),
            decision_k: DECISION_K_RANGE,
        }
    }
}

/// A configuration that cannot run.
#[derive(Debug, Error, PartialEq)]
pub enum ConfigError {
    #[error("k must be at least 2 (got {0}); a single segment says nothing")]
    KTooSmall(usize),
    #[error("the k range {min}..={max} is empty or starts below 2; use e.g. --k-min 2 --k-max 8")]
    BadRange { min: usize, max: usize },
    #[error(
        "the k range for decisions {low}..{high} is empty or starts below 2; use e.g. --k-range 3..8"
    )]
    BadDecisionRange { low: usize, high: usize },
    #[error("--seeds must be at least 1")]
    NoSeeds,
    #[error("the minimum segment share must be between 0 and 0.45 (got {0}); 0.05 means 5%")]
    BadShare(f64),
    #[error("--max-iter must be at least 1")]
    NoIterations,
    #[error("the tolerance must be a non-negative number (got {0})")]
    BadTolerance(f64),
    #[error("the IQR factor must be 0 (off) or positive (got {0})")]
    BadIqr(f64),
    #[error("the silhouette sample must hold at least 100 customers (got {0})")]
    SmallSample(usize),
    #[error(
        "{setting} must be between {min} and {max} (got {value}); see the option table in the README"
    )]
    OutOfRange {
        setting: &'static str,
        value: String,
        min: String,
        max: String,
    },
}

/// `Err(OutOfRange)` when `value` is outside `limit`.
fn within<T: PartialOrd + Copy + fmt::Display>(
    limit: &limits::Limit<T>,
    value: T,
) -> Result<(), ConfigError> {
    if limit.contains(value) {
        return Ok(());
    }
    Err(ConfigError::OutOfRange {
        setting: limit.setting,
        value: value.to_string(),
        min: limit.min.to_string(),
        max: limit.max.to_string(),
    })
}

impl From<KMeansError> for ConfigError {
    fn from(e: KMeansError) -> Self {
        match e {
            KMeansError::NoRuns => ConfigError::NoSeeds,
            KMeansError::NoIterations => ConfigError::NoIterations,
            KMeansError::BadTolerance(t) => ConfigError::BadTolerance(t),
            // k ≥ 2 is checked first, and the data is not known here.
            KMeansError::NoSegments
            | KMeansError::NoFeatures
            | KMeansError::TooFewCustomers { .. } => ConfigError::KTooSmall(0),
        }
    }
}

/// A [`RunConfig`] that passed [`RunConfig::validate`], with the checked k-means settings of
/// every k it evaluates.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidRunConfig {
    config: RunConfig,
    sweep: Vec<KMeansSettings>,
}

impl std::ops::Deref for ValidRunConfig {
    type Target = RunConfig;
    fn deref(&self) -> &RunConfig {
        &self.config
    }
}

impl ValidRunConfig {
    /// The values the user chose.
    pub fn inner(&self) -> &RunConfig {
        &self.config
    }

    /// The k values to evaluate, always including a fixed k.
    pub fn k_values(&self) -> Vec<usize> {
        self.sweep.iter().map(KMeansSettings::k).collect()
    }

    /// The checked k-means settings of each k to evaluate, in k order.
    pub(crate) fn kmeans_sweep(&self) -> &[KMeansSettings] {
        &self.sweep
    }

    /// The largest k this run may fit.
    pub(crate) fn largest_k(&self) -> usize {
        match self.k {
            KChoice::Fixed(k) => k.max(self.k_max),
            KChoice::Auto => self.k_max,
        }
    }
}

impl RunConfig {
    /// Check every value once; later stages take only a [`ValidRunConfig`].
    pub fn validate(self) -> Result<ValidRunConfig, ConfigError> {
        if let KChoice::Fixed(k) = self.k
            && k < 2
        {
            return Err(ConfigError::KTooSmall(k));
        }
        if self.k_min < 2 || self.k_max < self.k_min {
            return Err(ConfigError::BadRange {
                min: self.k_min,
                max: self.k_max,
            });
        }
        let (low, high) = self.decision_k;
        if low < 2 || high < low {
            return Err(ConfigError::BadDecisionRange { low, high });
        }
        // The upper ends: a value beyond them would allocate or run without bound.
        if let KChoice::Fixed(k) = self.k {
            within(&limits::SEGMENTS, k)?;
        }
        within(&limits::SEGMENTS, self.k_max)?;
        if self.seeds > 0 {
            within(&limits::SEEDS, self.seeds)?;
        }
        if self.max_iter > 0 {
            within(&limits::MAX_ITER, self.max_iter)?;
        }
        let sweep = self
            .sweep_ks()
            .into_iter()
            .map(|k| {
                KMeansParams::new(k)
                    .max_iter(self.max_iter)
                    .tolerance(self.tolerance)
                    .n_runs(self.seeds)
                    .seed(self.seed)
                    .check()
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !limits::MIN_SHARE.contains(self.min_segment_share) {
            return Err(ConfigError::BadShare(self.min_segment_share));
        }
        if self.iqr_factor.is_nan() || self.iqr_factor < 0.0 {
            return Err(ConfigError::BadIqr(self.iqr_factor));
        }
        within(&limits::IQR_FACTOR, self.iqr_factor)?;
        if self.silhouette_sample < limits::SILHOUETTE_SAMPLE.min {
            return Err(ConfigError::SmallSample(self.silhouette_sample));
        }
        within(&limits::SILHOUETTE_SAMPLE, self.silhouette_sample)?;
        Ok(ValidRunConfig {
            config: self,
            sweep,
        })
    }

    /// The k values to evaluate, always including a fixed k.
    fn sweep_ks(&self) -> Vec<usize> {
        // The decision range only ranks the k swept here (k outside the sweep are not fitted).
        let mut ks: Vec<usize> = (self.k_min..=self.k_max).collect();
        if let KChoice::Fixed(k) = self.k
            && !ks.contains(&k)
        {
            ks.push(k);
            ks.sort_unstable();
        }
        ks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_values_are_refused() {
        let cfg = RunConfig::default().validate().unwrap();
        assert_eq!(cfg.k_values(), vec![2, 3, 4, 5, 6, 7, 8]);
        let bad = RunConfig {
            k: KChoice::Fixed(1),
            ..RunConfig::default()
        };
        assert_eq!(bad.validate(), Err(ConfigError::KTooSmall(1)));
        let bad = RunConfig {
            k_min: 5,
            k_max: 3,
            ..RunConfig::default()
        };
        assert!(matches!(bad.validate(), Err(ConfigError::BadRange { .. })));
        let fixed = RunConfig {
            k: KChoice::Fixed(10),
            ..RunConfig::default()
        }
        .validate()
        .unwrap();
        assert_eq!(fixed.k_values().last(), Some(&10));
    }

    #[test]
    fn values_beyond_the_documented_ranges_are_refused_by_name() {
        for (config, named) in [
            (
                RunConfig {
                    seeds: usize::MAX,
                    ..RunConfig::default()
                },
                "--seeds",
            ),
            (
                RunConfig {
                    k_max: 1000,
                    ..RunConfig::default()
                },
                "--k-max",
            ),
            (
                RunConfig {
                    k: KChoice::Fixed(31),
                    ..RunConfig::default()
                },
                "--k,",
            ),
            (
                RunConfig {
                    iqr_factor: f64::INFINITY,
                    ..RunConfig::default()
                },
                "--iqr-factor",
            ),
            (
                RunConfig {
                    silhouette_sample: 10_000_000,
                    ..RunConfig::default()
                },
                "silhouette",
            ),
        ] {
            let message = config.validate().unwrap_err().to_string();
            assert!(message.contains(named), "{message}");
        }
        let edge = RunConfig {
            k_max: limits::SEGMENTS.max,
            seeds: limits::SEEDS.max,
            iqr_factor: limits::IQR_FACTOR.max,
            min_segment_share: limits::MIN_SHARE.max,
            ..RunConfig::default()
        };
        assert!(edge.validate().is_ok());
    }
}
