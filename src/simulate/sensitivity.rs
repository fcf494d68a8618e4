//! Sensitivity: how far the net impact moves when each assumption the scenario's levers use
//! moves ±20%, largest swing first (the tornado chart). Computed from aggregates, so it is live.

use super::assumptions::AssumptionKey;
use super::base::SimulationBase;
use super::levers::LeverKind;
use super::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// How far each assumption moves either way.
pub const SENSITIVITY_STEP: f64 = 0.2;

/// One bar of the tornado.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    pub assumption: AssumptionKey,
    /// The assumption at −20% and +20%.
    pub low_value: f64,
    pub high_value: f64,
    /// Net impact with the assumption low and high.
    pub net_low: f64,
    pub net_high: f64,
    /// |net_high − net_low|.
    pub swing: f64,
}

/// The tornado of a scenario around its net impact, largest swing first (ties in
/// [`AssumptionKey::ALL`] order). Only assumptions of levers that are on appear.
pub fn tornado(base: &SimulationBase, scenario: &Scenario) -> Vec<TornadoBar> {
    let scenario = super::resolve_defaults(base, scenario);
    let used: Vec<AssumptionKey> = AssumptionKey::ALL
        .into_iter()
        .filter(|key| {
            LeverKind::ALL
                .iter()
                .any(|l| scenario.levers.is_on(*l) && l.assumptions().contains(key))
        })
        .collect();
    let net_with = |key: AssumptionKey, value: f64| {
        let mut s = scenario.clone();
        key.set(&mut s.assumptions, value);
        s.simulate(base).net_impact()
    };
    let mut bars: Vec<TornadoBar> = used
        .into_iter()
        .map(|key| {
            let value = key.get(&scenario.assumptions);
            let (low_value, high_value) = (
                value * (1.0 - SENSITIVITY_STEP),
                value * (1.0 + SENSITIVITY_STEP),
            );
            let (net_low, net_high) = (net_with(key, low_value), net_with(key, high_value));
            TornadoBar {
                assumption: key,
                low_value,
                high_value,
                net_low,
                net_high,
                swing: (net_high - net_low).abs(),
            }
        })
        .collect();
    bars.sort_by(|a, b| {
        b.swing
            .total_cmp(&a.swing)
            .then(a.assumption.cmp(&b.assumption))
    });
    bars
}
