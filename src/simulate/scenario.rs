//! Scenarios and the ledger: a named set of lever settings and assumptions, and the baseline
//! plus named scenarios a user saves, duplicates, renames and deletes. Plain serde types with
//! deterministic bytes (vectors and options only, no maps).

use super::assumptions::{AssumptionKey, Assumptions};
use super::base::SimulationBase;
use super::engine;
use super::error::ScenarioError;
use super::levers::{LeverKind, LeverSettings};
use super::results::Simulation;
use serde::{Deserialize, Serialize};

/// A named what-if: which levers are on with what settings, under which assumptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub assumptions: Assumptions,
    #[serde(default)]
    pub levers: LeverSettings,
}

impl Scenario {
    /// No lever on, default assumptions.
    pub fn baseline() -> Self {
        Self::named(BASELINE)
    }

    /// A scenario with no lever on and default assumptions.
    pub fn named(name: &str) -> Self {
        Self {
            name: name.into(),
            assumptions: Assumptions::default(),
            levers: LeverSettings::default(),
        }
    }

    /// Recompute this scenario on an analysis' aggregates.
    pub fn simulate(&self, base: &SimulationBase) -> Simulation {
        engine::simulate(base, &self.levers, &self.assumptions)
    }

    /// Check every setting's range and every segment number against `k` segments, naming the
    /// key at fault.
    pub fn check(&self, k: usize) -> Result<(), ScenarioError> {
        for key in AssumptionKey::ALL {
            let (lo, hi) = key.range();
            in_range(
                &format!("assumptions.{}", key.key()),
                key.get(&self.assumptions),
                lo,
                hi,
            )?;
        }
        for lever in LeverKind::ALL {
            let Some(value) = self.levers.setting(lever) else {
                continue;
            };
            let (lo, hi) = lever.setting_range();
            let key = format!("levers.{}.{}", lever.key(), lever.setting_label());
            in_range(&key, value, lo, hi)?;
            let numbers = self.levers.segments(lever).unwrap_or(&[]);
            check_segments(&format!("levers.{}.segments", lever.key()), numbers, k)?;
        }
        if let Some(shift) = &self.levers.budget_shift {
            for (what, n) in [("source", shift.source), ("target", shift.target)] {
                if let Some(n) = n {
                    check_segments(&format!("levers.budget_shift.{what}"), &[n], k)?;
                }
            }
        }
        Ok(())
    }
}

fn in_range(key: &str, value: f64, lo: f64, hi: f64) -> Result<(), ScenarioError> {
    if value.is_finite() && (lo..=hi).contains(&value) {
        Ok(())
    } else {
        Err(ScenarioError::OutOfRange {
            key: key.into(),
            value,
            lo,
            hi,
        })
    }
}

fn check_segments(key: &str, numbers: &[u32], k: usize) -> Result<(), ScenarioError> {
    match numbers.iter().find(|&&n| n == 0 || n as usize > k) {
        Some(&n) => Err(ScenarioError::NoSuchSegment {
            key: key.into(),
            segment: n,
            k,
        }),
        None => Ok(()),
    }
}

/// The baseline's name.
pub const BASELINE: &str = "Baseline";

/// The baseline and the user's named scenarios, in the order they were saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioLedger {
    pub baseline: Scenario,
    pub scenarios: Vec<Scenario>,
}

impl Default for ScenarioLedger {
    fn default() -> Self {
        Self {
            baseline: Scenario::baseline(),
            scenarios: Vec::new(),
        }
    }
}

/// Why a ledger change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("there is no scenario named \"{0}\"")]
    NotFound(String),
    #[error("a scenario named \"{0}\" already exists; choose another name")]
    NameTaken(String),
    #[error("a scenario needs a name (\"{BASELINE}\" is the baseline's)")]
    BadName,
}

impl ScenarioLedger {
    fn position(&self, name: &str) -> Option<usize> {
        self.scenarios.iter().position(|s| s.name == name)
    }

    fn valid_name(name: &str) -> Result<(), LedgerError> {
        let name = name.trim();
        if name.is_empty() || name == BASELINE {
            Err(LedgerError::BadName)
        } else {
            Ok(())
        }
    }

    /// A scenario by name (the baseline by its name too).
    pub fn get(&self, name: &str) -> Option<&Scenario> {
        if name == BASELINE {
            return Some(&self.baseline);
        }
        self.position(name).map(|i| &self.scenarios[i])
    }

    /// The names, baseline first.
    pub fn names(&self) -> Vec<&str> {
        std::iter::once(self.baseline.name.as_str())
            .chain(self.scenarios.iter().map(|s| s.name.as_str()))
            .collect()
    }

    /// Save a scenario: replaces the one with the same name, else appends.
    pub fn save(&mut self, scenario: Scenario) -> Result<(), LedgerError> {
        Self::valid_name(&scenario.name)?;
        match self.position(&scenario.name) {
            Some(i) => self.scenarios[i] = scenario,
            None => self.scenarios.push(scenario),
        }
        Ok(())
    }

    /// Copy a scenario (or the baseline) under a new name, right after the original.
    pub fn duplicate(&mut self, name: &str, new_name: &str) -> Result<(), LedgerError> {
        Self::valid_name(new_name)?;
        if self.position(new_name).is_some() {
            return Err(LedgerError::NameTaken(new_name.into()));
        }
        let mut copy = self
            .get(name)
            .cloned()
            .ok_or_else(|| LedgerError::NotFound(name.into()))?;
        copy.name = new_name.into();
        let at = self.position(name).map_or(self.scenarios.len(), |i| i + 1);
        self.scenarios.insert(at, copy);
        Ok(())
    }

    pub fn rename(&mut self, name: &str, new_name: &str) -> Result<(), LedgerError> {
        Self::valid_name(new_name)?;
        let i = self
            .position(name)
            .ok_or_else(|| LedgerError::NotFound(name.into()))?;
        if name != new_name && self.position(new_name).is_some() {
            return Err(LedgerError::NameTaken(new_name.into()));
        }
        self.scenarios[i].name = new_name.into();
        Ok(())
    }

    pub fn delete(&mut self, name: &str) -> Result<Scenario, LedgerError> {
        let i = self
            .position(name)
            .ok_or_else(|| LedgerError::NotFound(name.into()))?;
        Ok(self.scenarios.remove(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_saves_duplicates_renames_and_deletes() {
        let mut ledger = ScenarioLedger::default();
        let mut a = Scenario::named("A");
        a.levers.set_setting(LeverKind::BudgetShift, 0.2);
        ledger.save(a.clone()).unwrap();
        ledger.save(Scenario::named("B")).unwrap();
        ledger.duplicate("A", "A copy").unwrap();
        assert_eq!(ledger.names(), vec![BASELINE, "A", "A copy", "B"]);
        assert_eq!(ledger.get("A copy").unwrap().levers, a.levers);
        assert_eq!(
            ledger.duplicate("A", "B"),
            Err(LedgerError::NameTaken("B".into()))
        );
        ledger.rename("B", "C").unwrap();
        assert_eq!(
            ledger.rename("X", "Y"),
            Err(LedgerError::NotFound("X".into()))
        );
        assert_eq!(ledger.save(Scenario::named(" ")), Err(LedgerError::BadName));
        // Saving under an existing name replaces it in place.
        a.levers.set_setting(LeverKind::BudgetShift, 0.3);
        ledger.save(a.clone()).unwrap();
        assert_eq!(
            ledger
                .get("A")
                .unwrap()
                .levers
                .setting(LeverKind::BudgetShift),
            Some(0.3)
        );
        assert_eq!(ledger.delete("A").unwrap().name, "A");
        assert_eq!(ledger.names(), vec![BASELINE, "A copy", "C"]);
    }

    #[test]
    fn ledger_bytes_are_deterministic_and_round_trip() {
        let mut ledger = ScenarioLedger::default();
        let mut s = Scenario::named("Workshop");
        s.levers.set_setting(LeverKind::Campaign, 0.4);
        s.levers.set_setting(LeverKind::Retention, 0.1);
        ledger.save(s).unwrap();
        let config = bincode::config::standard();
        let bytes = bincode::serde::encode_to_vec(&ledger, config).unwrap();
        assert_eq!(
            bytes,
            bincode::serde::encode_to_vec(ledger.clone(), config).unwrap()
        );
        let (back, _): (ScenarioLedger, usize) =
            bincode::serde::decode_from_slice(&bytes, config).unwrap();
        assert_eq!(back, ledger);
    }

    #[test]
    fn check_names_the_key_at_fault() {
        let mut s = Scenario::named("x");
        s.levers.set_setting(LeverKind::BudgetShift, 1.5);
        let e = s.check(4).unwrap_err().to_string();
        assert!(e.contains("levers.budget_shift.shift"), "{e}");
        let mut s = Scenario::named("x");
        s.levers.set_setting(LeverKind::Campaign, 0.5);
        s.levers.campaign.as_mut().unwrap().segments = vec![2, 9];
        let e = s.check(4).unwrap_err().to_string();
        assert!(
            e.contains("levers.campaign.segments") && e.contains('9'),
            "{e}"
        );
        let mut s = Scenario::named("x");
        s.assumptions.margin = -0.1;
        assert!(
            s.check(4)
                .unwrap_err()
                .to_string()
                .contains("assumptions.margin")
        );
    }
}
