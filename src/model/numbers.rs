//! The numbers of a loaded model, checked before it scores anyone: a hand-edited model with a
//! centroid of 1e308 or a zero scale would otherwise put every customer in one segment. Each
//! message names the field, the index and the feature or segment it belongs to.

use super::SavedSegmentation;

/// The largest magnitude a raw value (a scaler's centre, a fill, a fence, a training mean)
/// may have: a quadrillion in any currency or unit.
pub(super) const MAX_RAW_VALUE: f64 = 1e15;
/// The largest magnitude of a scaled centroid coordinate. Scaled values are distances in
/// standard deviations (or IQRs, or ranges); a constant feature keeps its raw units, hence
/// the generous bound, which still keeps squared distances far inside `f32`.
pub(super) const MAX_SCALED_VALUE: f64 = 1e12;
/// The smallest scale: dividing by less would blow a customer's value past `f32`.
pub(super) const MIN_SCALE: f64 = 1e-12;

/// The first number of `model` outside its range, in words; `Ok` when all are sane.
/// Run after the shape checks, so every length matches the features and segments.
pub(crate) fn check(model: &SavedSegmentation) -> Result<(), String> {
    let feature = |j: usize| {
        model
            .feature_names
            .get(j)
            .map_or_else(String::new, |name| format!(" (feature \"{name}\")"))
    };
    for (j, &v) in model.scaler.center.iter().enumerate() {
        raw(v, &format!("scaler.center[{j}]{}", feature(j)))?;
    }
    for (j, &v) in model.scaler.scale.iter().enumerate() {
        let field = format!("scaler.scale[{j}]{}", feature(j));
        if !(v.is_finite() && (MIN_SCALE..=MAX_RAW_VALUE).contains(&v)) {
            return Err(format!(
                "{field} is {v}; a scale must be a positive number from {MIN_SCALE:e} to {MAX_RAW_VALUE:e}"
            ));
        }
    }
    let p = model.feature_names.len().max(1);
    for (i, &v) in model.centroids.iter().enumerate() {
        if !(v.is_finite() && v.abs() <= MAX_SCALED_VALUE) {
            return Err(format!(
                "centroids[{i}] (segment {}{}) is {v}; a scaled centroid must be a finite number within ±{MAX_SCALED_VALUE:e}",
                i / p + 1,
                feature(i % p)
            ));
        }
    }
    for (j, (&mean, &sd)) in model
        .training_feature_means
        .iter()
        .zip(&model.training_feature_stds)
        .enumerate()
    {
        raw(mean, &format!("training_feature_means[{j}]{}", feature(j)))?;
        raw(sd, &format!("training_feature_stds[{j}]{}", feature(j)))?;
        if sd < 0.0 {
            return Err(format!(
                "training_feature_stds[{j}]{} is {sd}; a standard deviation is never negative",
                feature(j)
            ));
        }
    }
    for (s, &share) in model.training_shares.iter().enumerate() {
        if !(share.is_finite() && (0.0..=100.0).contains(&share)) {
            return Err(format!(
                "training_shares[{s}] (segment {}) is {share}; a share is a percentage from 0 to 100",
                s + 1
            ));
        }
    }
    preparation(model)
}

/// The fills and fences fitted on the training data.
fn preparation(model: &SavedSegmentation) -> Result<(), String> {
    let prep = &model.preparation;
    for (column, v) in prep.number_fills.iter().chain(&prep.age_fills) {
        raw(*v, &format!("the fill of column \"{column}\""))?;
    }
    for cap in &prep.caps {
        let field = format!("the outlier fences of \"{}\"", cap.feature);
        raw(cap.lower, &field)?;
        raw(cap.upper, &field)?;
        if cap.lower > cap.upper {
            return Err(format!(
                "{field} run backwards ({} above {})",
                cap.lower, cap.upper
            ));
        }
    }
    Ok(())
}

fn raw(v: f64, field: &str) -> Result<(), String> {
    if v.is_finite() && v.abs() <= MAX_RAW_VALUE {
        Ok(())
    } else {
        Err(format!(
            "{field} is {v}; it must be a finite number within ±{MAX_RAW_VALUE:e}"
        ))
    }
}
