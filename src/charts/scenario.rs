//! Net impact against the baseline: one horizontal bar per scenario (or per segment of one
//! scenario) drawn from zero, with the baseline as a reference mark and the uncertainty band
//! as a whisker. Values may be negative, so the axis always spans zero.

/// One bar: a scenario's (or a segment's) net impact.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioBar {
    pub scenario: String,
    /// The baseline's value on the same measure (the reference mark).
    pub baseline: f64,
    pub value: f64,
    /// Low and high ends of the band (P10 and P90), when known.
    pub band: Option<(f64, f64)>,
}

/// Every bar on one measure (e.g. "Net impact (margin change)").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScenarioChart {
    pub measure: String,
    pub bars: Vec<ScenarioBar>,
}

impl ScenarioChart {
    /// A chart from `(name, baseline, value, band)` rows.
    pub fn new(
        measure: impl Into<String>,
        bars: impl IntoIterator<Item = (String, f64, f64, Option<(f64, f64)>)>,
    ) -> ScenarioChart {
        ScenarioChart {
            measure: measure.into(),
            bars: bars
                .into_iter()
                .map(|(scenario, baseline, value, band)| ScenarioBar {
                    scenario,
                    baseline,
                    value,
                    band,
                })
                .collect(),
        }
    }

    fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.bars
            .iter()
            .flat_map(|b| {
                let (lo, hi) = b.band.unwrap_or((b.value, b.value));
                [b.baseline, b.value, lo, hi]
            })
            .filter(|v| v.is_finite())
    }

    /// The largest value to fit on the axis (0 when every value is negative).
    pub fn axis_max(&self) -> f64 {
        self.values().fold(0.0, f64::max)
    }

    /// The tick step: 1, 2 or 5 times a power of ten, about four steps over the span.
    pub fn tick_step(&self) -> f64 {
        let lo = self.values().fold(0.0, f64::min);
        let span = (self.axis_max() - lo).max(1.0);
        let raw = span / 4.0;
        let power = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * power)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * power);
        step.max(f64::MIN_POSITIVE)
    }

    /// The axis: from the lowest to the highest value, always including zero, widened to
    /// whole tick steps.
    pub fn axis_range(&self) -> (f64, f64) {
        let step = self.tick_step();
        let lo = self.values().fold(0.0, f64::min);
        let hi = self.axis_max();
        let lo = (lo / step).floor() * step;
        let hi = ((hi / step).ceil() * step).max(lo + step);
        (lo, hi)
    }

    /// The tick values from the low to the high end of [`Self::axis_range`].
    pub fn ticks(&self) -> Vec<f64> {
        let step = self.tick_step();
        let (lo, hi) = self.axis_range();
        let n = ((hi - lo) / step).round() as usize;
        (0..=n.min(20)).map(|i| lo + i as f64 * step).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_spans_zero_and_negative_impacts() {
        let chart = ScenarioChart::new(
            "Net impact",
            [
                ("Baseline".to_string(), 0.0, 0.0, Some((0.0, 0.0))),
                (
                    "Push web".to_string(),
                    0.0,
                    12_300.0,
                    Some((9_000.0, 15_800.0)),
                ),
                ("Deep discount".to_string(), 0.0, -4_100.0, None),
            ],
        );
        let (lo, hi) = chart.axis_range();
        assert!((-10_000.0..=-4_100.0).contains(&lo), "{lo}");
        assert!((15_800.0..=20_000.0).contains(&hi), "{hi}");
        assert_eq!(chart.tick_step(), 5_000.0);
        let ticks = chart.ticks();
        assert!(ticks.contains(&0.0), "{ticks:?}");
        assert_eq!(ticks.first(), Some(&lo));
        assert_eq!(ticks.last(), Some(&hi));
        assert_eq!(ScenarioChart::default().axis_range(), (0.0, 0.5));
    }
}
