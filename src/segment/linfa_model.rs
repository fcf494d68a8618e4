//! Our k-means behind linfa's traits: `SegmentKMeans` parameters checked by `ParamGuard`,
//! `Fit` on an f32 `Array2`, and a `SegmentModel` that predicts segments for new customers.

use super::FeatureMatrix;
use super::kmeans::{KMeansSettings, assign, best_run, fit_seeds, run_seed};
use linfa::dataset::DatasetBase;
use linfa::traits::{Fit, PredictInplace};
use linfa::{Error, ParamGuard};
use ndarray::{Array1, Array2};
use std::sync::atomic::AtomicBool;

/// Checked k-means parameters: `settings.k ≥ 1`, `max_iter ≥ 1`, a finite tolerance ≥ 0 and
/// at least one run.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidSegmentKMeans {
    pub settings: KMeansSettings,
    /// k-means++ starts; the run with the lowest inertia wins.
    pub n_runs: usize,
    /// Base seed; run `i` starts from `run_seed(seed, k, i)`.
    pub seed: u64,
}

/// Unchecked k-means parameters; `check()` (or `fit`) validates them.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentKMeans(ValidSegmentKMeans);

impl SegmentKMeans {
    pub fn new(settings: KMeansSettings, n_runs: usize, seed: u64) -> Self {
        Self(ValidSegmentKMeans {
            settings,
            n_runs,
            seed,
        })
    }
}

impl ParamGuard for SegmentKMeans {
    type Checked = ValidSegmentKMeans;
    type Error = Error;

    fn check_ref(&self) -> Result<&Self::Checked, Self::Error> {
        let settings = &self.0.settings;
        if settings.k == 0 {
            return Err(Error::Parameters(
                "the number of segments k must be at least 1".into(),
            ));
        }
        if settings.max_iter == 0 {
            return Err(Error::Parameters("max_iter must be at least 1".into()));
        }
        if !settings.tolerance.is_finite() || settings.tolerance < 0.0 {
            return Err(Error::Parameters(format!(
                "the tolerance must be finite and ≥ 0 (got {})",
                settings.tolerance
            )));
        }
        if self.0.n_runs == 0 {
            return Err(Error::Parameters("n_runs must be at least 1".into()));
        }
        Ok(&self.0)
    }

    fn check(self) -> Result<Self::Checked, Self::Error> {
        self.check_ref()?;
        Ok(self.0)
    }
}

/// Fitted centroids (k × p) and the winning run's inertia.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentModel {
    pub centroids: Array2<f64>,
    pub inertia: f64,
}

impl<T> Fit<Array2<f32>, T, Error> for ValidSegmentKMeans {
    type Object = SegmentModel;

    fn fit(&self, dataset: &DatasetBase<Array2<f32>, T>) -> Result<SegmentModel, Error> {
        let data = to_matrix(&dataset.records)?;
        let k = self.settings.k;
        if data.rows() < k {
            return Err(Error::NotEnoughSamples);
        }
        let seeds: Vec<u64> = (0..self.n_runs)
            .map(|run| run_seed(self.seed, k, run))
            .collect();
        let runs = fit_seeds(
            &data,
            &self.settings,
            &seeds,
            &AtomicBool::new(false),
            &|| {},
        )
        .ok_or_else(|| Error::Parameters("the fit was cancelled".into()))?;
        let best = runs.get(best_run(&runs)).ok_or(Error::NotEnoughSamples)?;
        let centroids = Array2::from_shape_vec((k, data.cols()), best.centroids.clone())?;
        Ok(SegmentModel {
            centroids,
            inertia: best.inertia,
        })
    }
}

impl PredictInplace<Array2<f32>, Array1<usize>> for SegmentModel {
    /// Nearest centroid of every row; rows stay 0 when the feature count does not match.
    fn predict_inplace(&self, x: &Array2<f32>, y: &mut Array1<usize>) {
        let Ok(data) = to_matrix(x) else { return };
        let centroids: Vec<f64> = self.centroids.iter().copied().collect();
        let (labels, _) = assign(&data, &centroids, self.centroids.nrows());
        for (target, label) in y.iter_mut().zip(labels) {
            *target = label as usize;
        }
    }

    fn default_target(&self, x: &Array2<f32>) -> Array1<usize> {
        Array1::zeros(x.nrows())
    }
}

fn to_matrix(records: &Array2<f32>) -> Result<FeatureMatrix, Error> {
    let (rows, cols) = records.dim();
    FeatureMatrix::new(rows, cols, records.iter().copied().collect())
        .ok_or(Error::MismatchedShapes(rows * cols, records.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use linfa::traits::Predict;
    use ndarray::array;

    #[test]
    fn invalid_parameters_are_refused() {
        let zero_k = SegmentKMeans::new(
            KMeansSettings {
                k: 0,
                max_iter: 10,
                tolerance: 1e-4,
            },
            1,
            0,
        );
        assert!(zero_k.check().is_err());
        let zero_iter = SegmentKMeans::new(
            KMeansSettings {
                k: 2,
                max_iter: 0,
                tolerance: 1e-4,
            },
            1,
            0,
        );
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
        let params = SegmentKMeans::new(
            KMeansSettings {
                k: 2,
                max_iter: 50,
                tolerance: 1e-6,
            },
            3,
            9,
        );
        let model = params.fit(&dataset).expect("fit");
        let labels = model.predict(&records);
        assert_eq!(labels[0], labels[1]);
        assert_eq!(labels[0], labels[2]);
        assert_eq!(labels[3], labels[4]);
        assert_ne!(labels[0], labels[3]);
        assert!((model.inertia - 4.0 * 0.01 * 2.0 / 3.0).abs() < 1e-6);
    }
}
