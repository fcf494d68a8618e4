//! Deciding each candidate feature's treatment from the data: 0/1 flags, low-cardinality
//! codes and category levels are held out of the distance (and profiled instead); heavily
//! right-skewed amounts and counts get `log1p` before capping and scaling. The settings can
//! add held-out features back (`--features`, with a warning) and force the log on or off.

use crate::config::{LogChoice, RunConfig};
use crate::features::{Feature, FeatureKind};
use crate::validate::{FeatureTreatment, HeldOut, TreatmentKind};

/// Raw skewness above which an amount or count gets `log1p` under `--log auto`.
pub const SKEW_THRESHOLD: f64 = 1.0;
/// Whole-number features with at most this many distinct values are codes, not amounts.
pub const MAX_CODE_LEVELS: usize = 5;

/// Fisher–Pearson skewness `m3 / m2^1.5` (scipy's default); 0 for a constant column.
pub fn skewness(values: &[f64]) -> f64 {
    let n = values.len() as f64;
    if n < 3.0 {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / n;
    let (m2, m3) = values.iter().fold((0.0, 0.0), |(m2, m3), v| {
        let d = v - mean;
        (m2 + d * d, m3 + d * d * d)
    });
    let (m2, m3) = (m2 / n, m3 / n);
    if m2 <= f64::EPSILON * mean.abs().max(1.0) {
        return 0.0;
    }
    m3 / m2.powf(1.5)
}

/// Why a feature would be held out by default, from its kind and values.
fn held_out_kind(feature: &Feature) -> Option<HeldOut> {
    match feature.kind {
        FeatureKind::OneHot => return Some(HeldOut::Categorical),
        FeatureKind::Flag => return Some(HeldOut::Flag),
        FeatureKind::Ratio => return None,
        FeatureKind::Continuous => {}
    }
    if feature.values.iter().any(|v| v.fract() != 0.0) {
        return None;
    }
    let mut distinct: Vec<f64> = Vec::with_capacity(MAX_CODE_LEVELS + 1);
    for &v in &feature.values {
        if !distinct.contains(&v) {
            distinct.push(v);
            if distinct.len() > MAX_CODE_LEVELS {
                return None;
            }
        }
    }
    if distinct.len() == 2 && distinct.iter().all(|&v| v == 0.0 || v == 1.0) {
        Some(HeldOut::Flag)
    } else {
        Some(HeldOut::LowCardinality {
            levels: distinct.len(),
        })
    }
}

/// The treatment of one candidate feature. `asked` is true when the settings list it by name
/// (`--features`), which adds a held-out kind back.
pub fn decide(feature: &Feature, config: &RunConfig, asked: bool) -> FeatureTreatment {
    let skew = skewness(&feature.values);
    let skew = if skew.is_finite() { skew } else { 0.0 };
    let held = held_out_kind(feature);
    let treatment = |kind, reason: String, warning| FeatureTreatment {
        feature: feature.name.clone(),
        kind,
        skewness: skew,
        reason,
        warning,
    };
    let warning = match held {
        Some(h) if !asked => {
            return treatment(
                TreatmentKind::HeldOut(h),
                format!(
                    "{}: profiled per segment, not a distance feature",
                    h.describe()
                ),
                None,
            );
        }
        Some(h) => Some(format!(
            "{} is {}, used because the settings ask for it: it may dominate the segments",
            feature.name,
            h.describe()
        )),
        None => None,
    };
    let loggable = held.is_none()
        && feature.kind == FeatureKind::Continuous
        && feature.values.iter().all(|&v| v >= 0.0);
    let (log, reason) = if config.no_log_features.contains(&feature.name) {
        (false, "log1p turned off for it in the settings".to_string())
    } else if config.log_features.contains(&feature.name) {
        let why = if loggable {
            "log1p asked for in the settings"
        } else {
            "log1p asked for, but it is not a non-negative amount: used as given"
        };
        (loggable, why.to_string())
    } else if !loggable {
        let why = match feature.kind {
            FeatureKind::Ratio => "a share: never log-transformed",
            _ if held.is_some() => "a code: used as given",
            _ => "has negative values: used as given",
        };
        (false, format!("skewness {skew:.2}; {why}"))
    } else {
        match config.log {
            LogChoice::On => (
                true,
                format!("skewness {skew:.2}; log1p on for every amount"),
            ),
            LogChoice::Off => (false, format!("skewness {skew:.2}; log1p off")),
            LogChoice::Auto if skew > SKEW_THRESHOLD => (
                true,
                format!("skewness {skew:.2} > {SKEW_THRESHOLD:.1}: log1p before capping"),
            ),
            LogChoice::Auto => (
                false,
                format!("skewness {skew:.2} ≤ {SKEW_THRESHOLD:.1}: used as given"),
            ),
        }
    };
    let kind = if log {
        TreatmentKind::Log1p
    } else {
        TreatmentKind::Kept
    };
    treatment(kind, reason, warning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_xoshiro::Xoshiro256PlusPlus;

    fn feature(name: &str, kind: FeatureKind, values: Vec<f64>) -> Feature {
        Feature {
            name: name.into(),
            kind,
            values,
            default_in_segmentation: true,
            description: String::new(),
        }
    }

    #[test]
    fn skewness_matches_scipy() {
        // scipy.stats.skew([1, 2, 3, 10]) = 45 / 12.5^1.5 = 1.018233...
        assert!((skewness(&[1.0, 2.0, 3.0, 10.0]) - 1.018_233_5).abs() < 1e-6);
        assert_eq!(skewness(&[4.0; 10]), 0.0);
    }

    #[test]
    fn log_normal_spend_is_logged_and_uniform_spend_is_not() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        // exp(5 + z), z standard normal by Box–Muller.
        let mut normal = || {
            let (u, v): (f64, f64) = (rng.gen_range(1e-12..1.0), rng.gen_range(0.0..1.0));
            (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
        };
        let spend: Vec<f64> = (0..5_000).map(|_| (5.0 + normal()).exp()).collect();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(8);
        let flat: Vec<f64> = (0..5_000).map(|_| rng.gen_range(0.0..1_000.0)).collect();
        let config = RunConfig::default();
        let logged = decide(
            &feature("Spend", FeatureKind::Continuous, spend),
            &config,
            false,
        );
        assert_eq!(logged.kind, TreatmentKind::Log1p, "{}", logged.describe());
        assert!(logged.skewness > SKEW_THRESHOLD);
        let kept = decide(
            &feature("Flat", FeatureKind::Continuous, flat),
            &config,
            false,
        );
        assert_eq!(kept.kind, TreatmentKind::Kept, "{}", kept.describe());
        let off = RunConfig {
            no_log_features: vec!["Spend".into()],
            ..RunConfig::default()
        };
        let spend = feature("Spend", FeatureKind::Continuous, spend_again());
        assert_eq!(decide(&spend, &off, false).kind, TreatmentKind::Kept);
    }

    fn spend_again() -> Vec<f64> {
        (1..=200).map(|i| (i as f64 / 20.0).exp()).collect()
    }

    #[test]
    fn flags_and_codes_are_held_out_unless_asked_for() {
        let config = RunConfig::default();
        let flag = feature("Promo", FeatureKind::Continuous, vec![0.0, 1.0, 1.0, 0.0]);
        assert_eq!(
            decide(&flag, &config, false).kind,
            TreatmentKind::HeldOut(HeldOut::Flag)
        );
        let code = feature(
            "Kids",
            FeatureKind::Continuous,
            vec![0.0, 1.0, 2.0, 3.0, 1.0],
        );
        assert_eq!(
            decide(&code, &config, false).kind,
            TreatmentKind::HeldOut(HeldOut::LowCardinality { levels: 4 })
        );
        let asked = decide(&flag, &config, true);
        assert!(asked.is_distance());
        assert!(asked.warning.as_deref().unwrap().contains("may dominate"));
        let share = feature(
            "Web",
            FeatureKind::Ratio,
            vec![0.0, 0.5, 1.0, 0.0, 0.0, 0.9],
        );
        assert_eq!(decide(&share, &config, false).kind, TreatmentKind::Kept);
    }
}
