//! The scenario TOML format: read a scenario from text (a bad key or value is refused with a
//! message naming it) and write one back. Documented in the README and
//! `docs/scenario_example.toml`.

use super::error::ScenarioError;
use super::scenario::Scenario;

/// Read a scenario from TOML text; `file` names it in messages. Unknown keys, wrong types and
/// out-of-range values are errors naming the key (range checks that need the segment count
/// are [`Scenario::check`]).
pub fn parse_scenario(text: &str, file: &str) -> Result<Scenario, ScenarioError> {
    let scenario: Scenario = toml::from_str(text).map_err(|e| ScenarioError::Parse {
        file: file.into(),
        detail: e.to_string(),
    })?;
    // Ranges of settings and assumptions do not depend on the analysis.
    scenario.check(usize::MAX)?;
    Ok(scenario)
}

/// The scenario as TOML, readable by [`parse_scenario`].
pub fn scenario_to_toml(scenario: &Scenario) -> Result<String, ScenarioError> {
    toml::to_string(scenario).map_err(|e| ScenarioError::Parse {
        file: scenario.name.clone(),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate::levers::{LeverKind, ShiftMode};

    #[test]
    fn a_scenario_round_trips_through_toml() {
        let mut s = Scenario::named("Workshop");
        s.assumptions.margin = 0.4;
        for lever in LeverKind::ALL {
            s.levers.set_setting(lever, 0.1);
        }
        s.levers.budget_shift.as_mut().unwrap().mode = ShiftMode::Population;
        s.levers.campaign.as_mut().unwrap().segments = vec![1, 3];
        let text = scenario_to_toml(&s).unwrap();
        assert_eq!(parse_scenario(&text, "x.toml").unwrap(), s);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_named() {
        let e = parse_scenario(
            "name = \"x\"\n[levers.budget_shift]\nshfit = 0.2\n",
            "s.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("s.toml") && e.contains("shfit"), "{e}");
        let e = parse_scenario("name = \"x\"\n[assumptions]\nmargin = \"high\"\n", "s.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("margin"), "{e}");
        let e = parse_scenario("name = \"x\"\n[levers.campaign]\nreach = 2.0\n", "s.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("levers.campaign.reach"), "{e}");
        let e = parse_scenario("[levers]\n", "s.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("name"), "{e}");
    }

    #[test]
    fn omitted_keys_take_their_defaults() {
        let s = parse_scenario("name = \"x\"\n[levers.budget_shift]\n", "s.toml").unwrap();
        let shift = s.levers.budget_shift.unwrap();
        assert_eq!(shift.shift, 0.15);
        assert_eq!(shift.mode, ShiftMode::Segments);
        assert_eq!(s.assumptions, crate::simulate::Assumptions::default());
    }
}
