//! The documented range of every numeric setting, in one place: [`RunConfig::validate`]
//! enforces them, the CLI refuses values outside them (exit 2), the GUI's Advanced settings
//! bound their widgets with them, and the README's option table lists them. A legal but slow
//! choice gets a warning from `crate::segment::cost` before the run starts.
//!
//! [`RunConfig::validate`]: super::RunConfig::validate

/// An inclusive range a setting must lie in, with the option that sets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit<T> {
    /// The setting in words, with its CLI option: "seeds (--seeds)".
    pub setting: &'static str,
    pub min: T,
    pub max: T,
}

impl<T: PartialOrd + Copy> Limit<T> {
    /// Whether `value` lies in the range (NaN never does).
    pub fn contains(&self, value: T) -> bool {
        self.min <= value && value <= self.max
    }

    /// The range as an inclusive Rust range (for widgets).
    pub fn range(&self) -> std::ops::RangeInclusive<T> {
        self.min..=self.max
    }
}

/// Segments: a fixed `--k`, `--k-min` and `--k-max`. More than 30 segments is no longer a
/// segmentation a business can act on, and the sweep's cost grows with k².
pub const SEGMENTS: Limit<usize> = Limit {
    setting: "the number of segments (--k, --k-min, --k-max)",
    min: 2,
    max: 30,
};

/// k-means starts per k. Beyond a few dozen the best start no longer changes.
pub const SEEDS: Limit<usize> = Limit {
    setting: "seeds (--seeds)",
    min: 1,
    max: 1000,
};

/// The smallest acceptable segment share (`--min-share`): below half, or no k could pass.
pub const MIN_SHARE: Limit<f64> = Limit {
    setting: "the minimum segment share (--min-share)",
    min: 0.0,
    max: 0.45,
};

/// The IQR factor of outlier capping (`--iqr-factor`, 0 = off). Beyond 10 nothing is capped.
pub const IQR_FACTOR: Limit<f64> = Limit {
    setting: "the IQR factor (--iqr-factor)",
    min: 0.0,
    max: 10.0,
};

/// Lloyd iterations per k-means start (a setting of the library and saved sessions).
pub const MAX_ITER: Limit<usize> = Limit {
    setting: "the iteration limit",
    min: 1,
    max: 10_000,
};

/// Customers the silhouette is computed on exactly (its cost grows with the square).
pub const SILHOUETTE_SAMPLE: Limit<usize> = Limit {
    setting: "the silhouette sample",
    min: 100,
    max: 100_000,
};

/// `sis generate --customers`.
pub const GENERATED_CUSTOMERS: Limit<usize> = Limit {
    setting: "the number of customers (--customers)",
    min: 1,
    max: 10_000_000,
};

/// `sis generate --transactions`.
pub const GENERATED_LINES: Limit<usize> = Limit {
    setting: "the number of order lines (--transactions)",
    min: 1,
    max: 50_000_000,
};

/// `sis simulate --replicates` (0 gives the point estimate alone).
pub const REPLICATES: Limit<usize> = Limit {
    setting: "the bootstrap replicates (--replicates)",
    min: 0,
    max: 100_000,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_hold_their_ends_and_refuse_nan() {
        assert!(SEEDS.contains(1) && SEEDS.contains(1000) && !SEEDS.contains(1001));
        assert!(!IQR_FACTOR.contains(f64::NAN) && !IQR_FACTOR.contains(-1.0));
        assert!(MIN_SHARE.contains(0.0) && !MIN_SHARE.contains(0.5));
        assert_eq!(SEGMENTS.range(), 2..=30);
    }
}
