//! A rough estimate of how long segmenting takes with a configuration, so a legal but slow
//! choice (many seeds, a wide k sweep) gets a warning with the estimate before it starts.

use super::segmentation::SCALER_SAMPLE;
use crate::config::{KChoice, RunConfig, ScalerChoice};

/// A run this long (estimated) earns a warning before it starts.
pub const SLOW_RUN_SECONDS: f64 = 60.0;

/// Floating-point work per second the estimate assumes: one multiply-add of a distance
/// computation counts as one unit. Calibrated on this project's 2-core machine: the default
/// run on 1,000,000 generated customers counts 2.8·10¹¹ units here (28 columns, k 2..=8, 10
/// seeds) and ran end to end in 13.6 s (README performance table), 2.1·10¹⁰ a second; half of
/// that is used, so the estimate errs long (about 2× on 1M and 10M customers).
const WORK_PER_SECOND: f64 = 1.0e10;

/// Lloyd iterations a k-means start takes on typical customer data (most stop far sooner
/// than the limit).
const TYPICAL_ITERATIONS: f64 = 25.0;

/// A rough estimate, in seconds, of segmenting `customers` rows on `features` features with
/// `config`: k-means starts × customers × features × k × iterations, the silhouette of each
/// k, and the scaler comparison on a sample when the scaler is automatic.
pub fn estimated_seconds(config: &RunConfig, customers: usize, features: usize) -> f64 {
    let mut ks: Vec<usize> = (config.k_min..=config.k_max).collect();
    if let KChoice::Fixed(k) = config.k
        && !ks.contains(&k)
    {
        ks.push(k);
    }
    let p = features.max(1) as f64;
    let iterations = TYPICAL_ITERATIONS.min(config.max_iter as f64);
    let seeds = config.seeds as f64;
    let sweep = |n: f64| -> f64 {
        let silhouette = n.min(config.silhouette_sample as f64);
        ks.iter()
            .map(|&k| seeds * n * p * k as f64 * iterations + silhouette * silhouette * p)
            .sum()
    };
    let n = customers as f64;
    let mut work = sweep(n);
    if config.scaler == ScalerChoice::Auto {
        work += 3.0 * sweep(n.min(SCALER_SAMPLE as f64));
    }
    work / WORK_PER_SECOND
}

/// A warning for people when the run is estimated to take longer than
/// [`SLOW_RUN_SECONDS`]: how long, and which settings to lower.
pub fn slow_run_warning(config: &RunConfig, customers: usize, features: usize) -> Option<String> {
    let seconds = estimated_seconds(config, customers, features);
    if seconds < SLOW_RUN_SECONDS {
        return None;
    }
    let ks = match config.k {
        KChoice::Fixed(k) => format!("k {k} (sweep {}..={})", config.k_min, config.k_max),
        KChoice::Auto => format!("k {}..={}", config.k_min, config.k_max),
    };
    Some(format!(
        "{} seeds × {ks} on {customers} customers and {features} features will take about {} (a rough estimate); lower --seeds or narrow --k-min/--k-max for a quicker run",
        config.seeds,
        describe_seconds(seconds)
    ))
}

/// "45 s", "12 min", "3.4 h".
fn describe_seconds(seconds: f64) -> String {
    if seconds < 120.0 {
        format!("{seconds:.0} s")
    } else if seconds < 7200.0 {
        format!("{:.0} min", seconds / 60.0)
    } else {
        format!("{:.1} h", seconds / 3600.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::limits::{SEEDS, SEGMENTS};

    #[test]
    fn the_default_run_on_the_demo_is_quick_and_many_seeds_warn() {
        let config = RunConfig::default();
        assert!(slow_run_warning(&config, 2_240, 12).is_none());
        // The default sweep on 1M customers (28 columns) takes about 14 s: no warning.
        assert!(slow_run_warning(&config, 1_000_000, 28).is_none());
        let ten_million = estimated_seconds(&config, 10_000_000, 28);
        assert!((120.0..600.0).contains(&ten_million), "{ten_million}");
        let many = RunConfig {
            seeds: SEEDS.max,
            k_max: SEGMENTS.max,
            ..RunConfig::default()
        };
        let warning = slow_run_warning(&many, 100_000, 12).unwrap();
        assert!(warning.contains("1000 seeds"), "{warning}");
        assert!(warning.contains("lower --seeds"), "{warning}");
        assert!(
            estimated_seconds(&many, 100_000, 12) > 10.0 * estimated_seconds(&config, 100_000, 12)
        );
        assert_eq!(describe_seconds(30.0), "30 s");
        assert_eq!(describe_seconds(600.0), "10 min");
    }
}
