//! Our k-means behind linfa's traits, the interface the pipeline fits and predicts through:
//! [`KMeansParams`] are checked by `ParamGuard` into [`KMeansSettings`]; [`SweepFit`] (the
//! settings with the run's cancel flag and progress) fits every seed of one k on a
//! `DatasetBase` of an f32 array view, and the checked settings alone fit a [`SegmentModel`]
//! that predicts segments for new customers. The array is read in place: no copy of the data
//! beyond the kernel's own regrouping into panels.

use super::kmeans::{KMeansRun, assign_on, best_run, fit_seeds_on, run_seed};
use super::panels::Panels;
use crate::config::{KMeansError, KMeansSettings};
use linfa::dataset::DatasetBase;
use linfa::traits::{Fit, PredictInplace};
use ndarray::{Array1, Array2, ArrayBase, Data, Ix2};
use std::sync::atomic::AtomicBool;
use thiserror::Error;

#[cfg(doc)]
use crate::config::KMeansParams;

impl From<KMeansError> for linfa::Error {
    fn from(e: KMeansError) -> Self {
        linfa::Error::Parameters(e.to_string())
    }
}

/// Why a sweep fit stopped.
#[derive(Debug, Error)]
pub(crate) enum FitError {
    #[error("the fit was cancelled")]
    Cancelled,
    #[error(transparent)]
    Linfa(#[from] linfa::Error),
}

/// One k's fit for the sweep: every seed's run, with the run's cancel flag (checked before
/// every iteration) and a callback after each finished run.
pub(crate) struct SweepFit<'a> {
    pub(crate) settings: &'a KMeansSettings,
    pub(crate) cancel: &'a AtomicBool,
    pub(crate) on_run_done: &'a (dyn Fn() + Sync),
}

/// Every seed's run at one k, in seed order, and which one won.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SeedRuns {
    pub(crate) runs: Vec<KMeansRun>,
    /// The run with the lowest inertia (ties to the earliest).
    pub(crate) best: usize,
}

/// The seeds of a fit: run `i` starts from `run_seed(seed, k, i)`.
fn seeds_of(settings: &KMeansSettings) -> Vec<u64> {
    (0..settings.n_runs())
        .map(|run| run_seed(settings.seed(), settings.k(), run))
        .collect()
}

/// The records as panels, read in place when they are row-major (as a matrix view is).
fn panels_of<D: Data<Elem = f32>>(records: &ArrayBase<D, Ix2>) -> Panels {
    let (rows, cols) = records.dim();
    let standard = records.as_standard_layout();
    Panels::from_rows(rows, cols, standard.as_slice().unwrap_or(&[]))
}

impl<D: Data<Elem = f32>, T> Fit<ArrayBase<D, Ix2>, T, FitError> for SweepFit<'_> {
    type Object = SeedRuns;

    fn fit(&self, dataset: &DatasetBase<ArrayBase<D, Ix2>, T>) -> Result<SeedRuns, FitError> {
        let panels = panels_of(&dataset.records);
        let runs = fit_seeds_on(
            &panels,
            self.settings,
            &seeds_of(self.settings),
            self.cancel,
            self.on_run_done,
        )
        .ok_or(FitError::Cancelled)?;
        let best = best_run(&runs);
        Ok(SeedRuns { runs, best })
    }
}

/// Fitted centroids (k × p) and the winning run's inertia.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentModel {
    pub centroids: Array2<f64>,
    pub inertia: f64,
}

impl SegmentModel {
    /// A model from saved centroids (k × p, row-major); `None` when they do not hold k × p
    /// values.
    pub fn from_centroids(k: usize, p: usize, centroids: &[f64]) -> Option<SegmentModel> {
        let centroids = Array2::from_shape_vec((k, p), centroids.to_vec()).ok()?;
        Some(SegmentModel {
            centroids,
            inertia: f64::NAN,
        })
    }
}

impl<D: Data<Elem = f32>, T> Fit<ArrayBase<D, Ix2>, T, linfa::Error> for KMeansSettings {
    type Object = SegmentModel;

    fn fit(
        &self,
        dataset: &DatasetBase<ArrayBase<D, Ix2>, T>,
    ) -> Result<SegmentModel, linfa::Error> {
        let (rows, cols) = dataset.records.dim();
        self.check_shape(rows, cols)
            .map_err(|_| linfa::Error::NotEnoughSamples)?;
        let never = AtomicBool::new(false);
        let sweep = SweepFit {
            settings: self,
            cancel: &never,
            on_run_done: &|| {},
        };
        let fitted = sweep.fit(dataset).map_err(|e| match e {
            FitError::Linfa(e) => e,
            FitError::Cancelled => linfa::Error::Parameters("the fit was cancelled".into()),
        })?;
        let best = fitted
            .runs
            .get(fitted.best)
            .ok_or(linfa::Error::NotEnoughSamples)?;
        let centroids = Array2::from_shape_vec((self.k(), cols), best.centroids.clone())?;
        Ok(SegmentModel {
            centroids,
            inertia: best.inertia,
        })
    }
}

impl<D: Data<Elem = f32>> PredictInplace<ArrayBase<D, Ix2>, Array1<usize>> for SegmentModel {
    /// Nearest centroid of every row (an exact f64 argmin, ties to the lower segment); rows
    /// stay 0 when the feature count does not match.
    fn predict_inplace(&self, x: &ArrayBase<D, Ix2>, y: &mut Array1<usize>) {
        let centroids = self.centroids.as_standard_layout();
        let (labels, _) = assign_on(
            &panels_of(x),
            centroids.as_slice().unwrap_or(&[]),
            self.centroids.nrows(),
        );
        for (target, label) in y.iter_mut().zip(labels) {
            *target = label as usize;
        }
    }

    fn default_target(&self, x: &ArrayBase<D, Ix2>) -> Array1<usize> {
        Array1::zeros(x.nrows())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::KMeansParams;
    use linfa::ParamGuard;
    use linfa::traits::Predict;
    use ndarray::array;

    #[test]
    fn invalid_parameters_are_refused() {
        let zero_k = KMeansParams::new(0).max_iter(10).tolerance(1e-4);
        assert!(zero_k.check().is_err());
        let zero_iter = KMeansParams::new(2).max_iter(0).tolerance(1e-4);
        assert!(zero_iter.check_ref().is_err());
    }

    #[test]
    fn fit_and_predict_through_linfa_traits() {
        let records: Array2<f32> = array![
            [0.0, 0.0],
            [0.1, 0.0],
            [0.0, 0.1],
            [5.0, 5.0],
            [5.1, 5.0],
            [5.0, 5.1]
        ];
        let dataset = DatasetBase::from(records.clone());
        let params = KMeansParams::new(2)
            .max_iter(50)
            .tolerance(1e-6)
            .n_runs(3)
            .seed(9);
        let model: SegmentModel = Fit::<_, _, linfa::Error>::fit(&params, &dataset).expect("fit");
        let labels: Array1<usize> = model.predict(&records);
        assert_eq!(labels[0], labels[1]);
        assert_eq!(labels[0], labels[2]);
        assert_eq!(labels[3], labels[4]);
        assert_ne!(labels[0], labels[3]);
        assert!((model.inertia - 4.0 * 0.01 * 2.0 / 3.0).abs() < 1e-6);
    }
}
