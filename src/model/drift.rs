//! Drift between training and a newly scored file: each segment's share now against at
//! training, and the segmentation features whose mean moved by more than one training SD.

use serde::{Deserialize, Serialize};

/// A feature has drifted when its mean moved by more than this many training SDs.
pub const DRIFT_SD: f64 = 1.0;

/// One segment's share then and now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentDrift {
    pub segment: usize,
    pub persona: String,
    pub training_pct: f64,
    pub current_pct: f64,
    /// current − training, in percentage points.
    pub change_pts: f64,
}

/// One feature's mean then and now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureDrift {
    pub feature: String,
    pub training_mean: f64,
    pub current_mean: f64,
    pub training_std: f64,
    /// (current − training) ÷ training SD; `None` when the training values were constant.
    pub shift_sd: Option<f64>,
    /// Moved by more than [`DRIFT_SD`] (or at all, for a constant training feature).
    pub drifted: bool,
}

/// Drift of a scored file against the model's training data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drift {
    pub customers: usize,
    pub training_customers: usize,
    pub segments: Vec<SegmentDrift>,
    /// Every segmentation feature, in the model's order.
    pub features: Vec<FeatureDrift>,
}

impl Drift {
    /// The features that drifted.
    pub fn drifted_features(&self) -> impl Iterator<Item = &FeatureDrift> {
        self.features.iter().filter(|f| f.drifted)
    }
}

/// Mean and population standard deviation (0, 0 for no values).
pub(crate) fn mean_and_std(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, var.sqrt())
}

/// One feature's drift.
pub(crate) fn feature_drift(
    feature: &str,
    training_mean: f64,
    training_std: f64,
    current: &[f64],
) -> FeatureDrift {
    let (current_mean, _) = mean_and_std(current);
    let shift_sd = (training_std > 0.0).then(|| (current_mean - training_mean) / training_std);
    let drifted = match shift_sd {
        Some(s) => s.abs() > DRIFT_SD,
        None => (current_mean - training_mean).abs() > 1e-12,
    };
    FeatureDrift {
        feature: feature.into(),
        training_mean,
        current_mean,
        training_std,
        shift_sd,
        drifted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drift_is_measured_in_training_deviations() {
        let d = feature_drift("Income", 10.0, 2.0, &[13.0, 13.0]);
        assert_eq!(d.shift_sd, Some(1.5));
        assert!(d.drifted);
        let d = feature_drift("Income", 10.0, 2.0, &[11.0, 11.0]);
        assert!(!d.drifted);
        let d = feature_drift("Flag", 1.0, 0.0, &[1.0, 0.0]);
        assert_eq!(d.shift_sd, None);
        assert!(d.drifted);
        assert_eq!(mean_and_std(&[2.0, 4.0]), (3.0, 1.0));
    }
}
