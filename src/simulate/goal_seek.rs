//! Goal seek: the setting of one lever that makes the scenario reach a target (a revenue
//! change in % or a net impact), found by scanning the lever's range for the first crossing
//! and bisecting inside it; or the reason the target is out of reach.

use super::base::SimulationBase;
use super::levers::LeverKind;
use super::results::{LeverStatus, Simulation};
use super::scenario::Scenario;
use serde::{Deserialize, Serialize};

const SCAN_STEPS: usize = 64;
const BISECTIONS: usize = 60;

/// What to reach.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum GoalTarget {
    /// Total revenue change, % of revenue (5.0 = "+5% revenue").
    RevenueChangePct(f64),
    /// Net impact (margin change) as an amount.
    NetImpact(f64),
}

impl GoalTarget {
    fn measure(self, s: &Simulation) -> f64 {
        match self {
            GoalTarget::RevenueChangePct(_) => s.revenue_change_pct(),
            GoalTarget::NetImpact(_) => s.net_impact(),
        }
    }

    fn value(self) -> f64 {
        match self {
            GoalTarget::RevenueChangePct(v) | GoalTarget::NetImpact(v) => v,
        }
    }

    fn describe(self, v: f64) -> String {
        match self {
            GoalTarget::RevenueChangePct(_) => format!("a revenue change of {v:+.2}%"),
            GoalTarget::NetImpact(_) => format!("a net impact of {v:.0}"),
        }
    }
}

/// The setting that reaches the target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GoalSeek {
    pub lever: LeverKind,
    pub setting: f64,
    /// The target's measure at that setting.
    pub achieved: f64,
}

/// Find `lever`'s setting (other levers as in `scenario`; the lever is switched on with its
/// defaults if it was off) that reaches `target`.
pub fn goal_seek(
    base: &SimulationBase,
    scenario: &Scenario,
    lever: LeverKind,
    target: GoalTarget,
) -> Result<GoalSeek, String> {
    let scenario = super::resolve_defaults(base, scenario);
    let at = |v: f64| {
        let mut s = scenario.clone();
        s.levers.set_setting(lever, v);
        s.simulate(base)
    };
    let (lo, hi) = lever.setting_range();
    let probe = at(hi);
    if let LeverStatus::Unavailable { reason } = &probe.lever(lever).status {
        return Err(format!("{} is not available: {reason}", lever.label()));
    }
    let goal = target.value();
    let f = |v: f64| target.measure(&at(v)) - goal;
    let points: Vec<(f64, f64)> = (0..=SCAN_STEPS)
        .map(|i| {
            let v = lo + (hi - lo) * i as f64 / SCAN_STEPS as f64;
            (v, f(v))
        })
        .collect();
    let bracket = points
        .windows(2)
        .find(|w| w[0].1 == 0.0 || (w[0].1 < 0.0) != (w[1].1 < 0.0));
    let Some(w) = bracket else {
        let (min, max) = points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.1 + goal), b.max(p.1 + goal))
            });
        return Err(format!(
            "{} from {lo} to {hi} gives between {} and {}; {} is out of reach",
            lever.label(),
            target.describe(min),
            target.describe(max),
            target.describe(goal)
        ));
    };
    let ((mut a, fa), (mut b, _)) = (w[0], w[1]);
    if fa != 0.0 {
        for _ in 0..BISECTIONS {
            let mid = 0.5 * (a + b);
            if (f(mid) < 0.0) == (fa < 0.0) {
                a = mid
            } else {
                b = mid
            }
        }
    }
    let setting = if fa == 0.0 { a } else { 0.5 * (a + b) };
    Ok(GoalSeek {
        lever,
        setting,
        achieved: target.measure(&at(setting)),
    })
}
