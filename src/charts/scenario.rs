//! Scenario results against the baseline: one bar pair per scenario with its uncertainty band.
//! Filled by the simulation when it lands; empty charts draw nothing.

/// One scenario's outcome on one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioBar {
    pub scenario: String,
    pub baseline: f64,
    pub value: f64,
    /// Low and high ends of the band, when known.
    pub band: Option<(f64, f64)>,
}

/// Every saved scenario on one measure (e.g. revenue).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScenarioChart {
    pub measure: String,
    pub bars: Vec<ScenarioBar>,
}

impl ScenarioChart {
    /// The largest value to fit on the axis.
    pub fn axis_max(&self) -> f64 {
        self.bars
            .iter()
            .flat_map(|b| [b.baseline, b.value, b.band.map_or(0.0, |x| x.1)])
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max)
    }
}
