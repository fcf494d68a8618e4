//! The k-means settings, checked once (linfa's `ParamGuard`): [`KMeansParams`] are what a
//! caller asks for, `check()` turns them into [`KMeansSettings`], whose fields are private, so
//! the k-means kernel, which takes only that type, never sees settings that were not checked.

use linfa::ParamGuard;
use thiserror::Error;

/// Why k-means settings (or the data they meet) cannot run.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum KMeansError {
    #[error("the number of segments must be at least 1 (got 0)")]
    NoSegments,
    #[error("the iteration limit must be at least 1 (got 0)")]
    NoIterations,
    #[error("the tolerance must be a number ≥ 0 (got {0})")]
    BadTolerance(f64),
    #[error("k-means needs at least one run (seed)")]
    NoRuns,
    #[error("there are no features to segment on; map at least one numeric column")]
    NoFeatures,
    #[error("{customers} customers cannot form {segments} segments; lower k or add customers")]
    TooFewCustomers { customers: usize, segments: usize },
}

/// Checked k-means settings: k ≥ 1, at least one iteration, a tolerance ≥ 0 (not NaN; an
/// infinite one stops after the first iteration) and at least one run. Only [`KMeansParams::check`] makes one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KMeansSettings {
    k: usize,
    max_iter: usize,
    tolerance: f64,
    n_runs: usize,
    seed: u64,
}

impl KMeansSettings {
    /// Number of segments.
    pub fn k(&self) -> usize {
        self.k
    }

    /// Most Lloyd iterations per run.
    pub fn max_iter(&self) -> usize {
        self.max_iter
    }

    /// Stop when the centroids moved (sum of squared moves) by at most this share of the mean
    /// feature variance (scikit-learn's `tol`).
    pub fn tolerance(&self) -> f64 {
        self.tolerance
    }

    /// k-means++ starts; the run with the lowest inertia wins.
    pub fn n_runs(&self) -> usize {
        self.n_runs
    }

    /// The base seed; run `i` starts from a seed derived from it, k and `i`.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Check the settings against a data shape: features to segment on, and at least k
    /// customers.
    pub fn check_shape(&self, rows: usize, cols: usize) -> Result<(), KMeansError> {
        if cols == 0 {
            return Err(KMeansError::NoFeatures);
        }
        if rows < self.k {
            return Err(KMeansError::TooFewCustomers {
                customers: rows,
                segments: self.k,
            });
        }
        Ok(())
    }
}

/// Unchecked k-means settings, built from [`KMeansParams::new`]; `check()` validates them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KMeansParams(KMeansSettings);

impl KMeansParams {
    /// `k` segments, 300 iterations, tolerance 1e-4, one run, seed 0.
    pub fn new(k: usize) -> Self {
        Self(KMeansSettings {
            k,
            max_iter: 300,
            tolerance: 1e-4,
            n_runs: 1,
            seed: 0,
        })
    }

    pub fn max_iter(mut self, max_iter: usize) -> Self {
        self.0.max_iter = max_iter;
        self
    }

    pub fn tolerance(mut self, tolerance: f64) -> Self {
        self.0.tolerance = tolerance;
        self
    }

    pub fn n_runs(mut self, n_runs: usize) -> Self {
        self.0.n_runs = n_runs;
        self
    }

    pub fn seed(mut self, seed: u64) -> Self {
        self.0.seed = seed;
        self
    }
}

impl ParamGuard for KMeansParams {
    type Checked = KMeansSettings;
    type Error = KMeansError;

    fn check_ref(&self) -> Result<&KMeansSettings, KMeansError> {
        let s = &self.0;
        if s.k == 0 {
            return Err(KMeansError::NoSegments);
        }
        if s.n_runs == 0 {
            return Err(KMeansError::NoRuns);
        }
        if s.max_iter == 0 {
            return Err(KMeansError::NoIterations);
        }
        if s.tolerance.is_nan() || s.tolerance < 0.0 {
            return Err(KMeansError::BadTolerance(s.tolerance));
        }
        Ok(s)
    }

    fn check(self) -> Result<KMeansSettings, KMeansError> {
        self.check_ref()?;
        Ok(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_settings_are_refused_with_a_reason() {
        assert_eq!(KMeansParams::new(0).check(), Err(KMeansError::NoSegments));
        assert_eq!(
            KMeansParams::new(2).max_iter(0).check(),
            Err(KMeansError::NoIterations)
        );
        assert!(KMeansParams::new(2).tolerance(f64::NAN).check().is_err());
        assert_eq!(
            KMeansParams::new(2).n_runs(0).check(),
            Err(KMeansError::NoRuns)
        );
        let ok = KMeansParams::new(3).seed(7).n_runs(2).check().unwrap();
        assert_eq!((ok.k(), ok.n_runs(), ok.seed()), (3, 2, 7));
    }
}
