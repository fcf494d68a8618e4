//! The Simulation tab's bench: the scenario ledger (the baseline and the named scenarios, saved
//! in the session) and which scenario is being edited. Every change returns a new bench, so the
//! document records it as one undoable edit; a refused change says why.

use crate::simulate::{BASELINE, LedgerError, Scenario, ScenarioLedger};

/// The ledger and the scenario being edited.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bench {
    pub(crate) ledger: ScenarioLedger,
    /// The name of the scenario being edited ([`BASELINE`] when none is).
    pub(crate) active: String,
}

impl Default for Bench {
    fn default() -> Self {
        Self::from_ledger(ScenarioLedger::default())
    }
}

impl Bench {
    /// A ledger as a session brought it, editing its first named scenario (or the baseline).
    pub(crate) fn from_ledger(ledger: ScenarioLedger) -> Self {
        let active = ledger
            .scenarios
            .first()
            .map_or_else(|| BASELINE.to_string(), |s| s.name.clone());
        Self { ledger, active }
    }

    /// The scenario being edited.
    pub(crate) fn active(&self) -> &Scenario {
        self.ledger
            .get(&self.active)
            .unwrap_or(&self.ledger.baseline)
    }

    pub(crate) fn baseline_active(&self) -> bool {
        self.active == BASELINE || self.ledger.get(&self.active).is_none()
    }

    /// The first free "Scenario N".
    pub(crate) fn fresh_name(&self) -> String {
        (1..)
            .map(|n| format!("Scenario {n}"))
            .find(|name| self.ledger.get(name).is_none())
            .unwrap_or_else(|| "Scenario".into())
    }

    /// The bench with the active scenario's levers and assumptions replaced by `scenario`'s.
    /// The baseline stays as it is: changing it starts a new scenario, which becomes active.
    pub(crate) fn with_active(&self, scenario: Scenario) -> Bench {
        let mut next = self.clone();
        let name = if self.baseline_active() {
            self.fresh_name()
        } else {
            self.active.clone()
        };
        let scenario = Scenario { name, ..scenario };
        next.active = scenario.name.clone();
        if let Some(slot) = next
            .ledger
            .scenarios
            .iter_mut()
            .find(|s| s.name == next.active)
        {
            *slot = scenario;
        } else {
            next.ledger.scenarios.push(scenario);
        }
        next
    }

    /// Save a copy of the active scenario as a new scenario `name`, and edit that one.
    pub(crate) fn save_as(&self, name: &str) -> Result<Bench, LedgerError> {
        let name = name.trim();
        if self.ledger.get(name).is_some() && name != BASELINE {
            return Err(LedgerError::NameTaken(name.into()));
        }
        let mut next = self.clone();
        next.ledger.save(Scenario {
            name: name.into(),
            ..self.active().clone()
        })?;
        next.active = name.into();
        Ok(next)
    }

    /// Copy the active scenario as "NAME copy" (or "NAME copy 2", …) and edit the copy.
    pub(crate) fn duplicate(&self) -> Result<Bench, LedgerError> {
        let base = format!("{} copy", self.active().name);
        let name = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base} {n}")))
            .find(|n| self.ledger.get(n).is_none())
            .unwrap_or(base);
        let mut next = self.clone();
        next.ledger.duplicate(&self.active().name, &name)?;
        next.active = name;
        Ok(next)
    }

    /// Rename the active scenario (the baseline keeps its name).
    pub(crate) fn rename(&self, new_name: &str) -> Result<Bench, LedgerError> {
        let new_name = new_name.trim();
        let mut next = self.clone();
        next.ledger.rename(&self.active, new_name)?;
        next.active = new_name.into();
        Ok(next)
    }

    /// Delete the active scenario and edit the one before it (or the baseline).
    pub(crate) fn delete(&self) -> Result<Bench, LedgerError> {
        let mut next = self.clone();
        let at = next
            .ledger
            .scenarios
            .iter()
            .position(|s| s.name == self.active);
        next.ledger.delete(&self.active)?;
        next.active = at
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| next.ledger.scenarios.get(i))
            .map_or_else(|| BASELINE.to_string(), |s| s.name.clone());
        Ok(next)
    }

    /// Edit another scenario (a name the ledger lacks selects the baseline).
    pub(crate) fn select(&mut self, name: &str) {
        self.active = if self.ledger.get(name).is_some() {
            name.into()
        } else {
            BASELINE.into()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate::LeverKind;

    fn shifted(bench: &Bench, value: f64) -> Scenario {
        let mut s = bench.active().clone();
        s.levers.set_setting(LeverKind::BudgetShift, value);
        s
    }

    #[test]
    fn changing_the_baseline_starts_a_new_scenario() {
        let bench = Bench::default();
        assert!(bench.baseline_active());
        let next = bench.with_active(shifted(&bench, 0.3));
        assert_eq!(next.active, "Scenario 1");
        assert_eq!(next.ledger.baseline, Scenario::baseline(), "untouched");
        assert_eq!(
            next.active().levers.setting(LeverKind::BudgetShift),
            Some(0.3)
        );
        // A further change edits Scenario 1 in place.
        let again = next.with_active(shifted(&next, 0.4));
        assert_eq!(again.ledger.names(), vec![BASELINE, "Scenario 1"]);
        assert_eq!(
            again.active().levers.setting(LeverKind::BudgetShift),
            Some(0.4)
        );
    }

    #[test]
    fn save_as_duplicate_rename_and_delete() {
        let bench = Bench::default();
        let bench = bench.with_active(shifted(&bench, 0.2));
        let bench = bench.save_as("Workshop A").unwrap();
        assert_eq!(bench.active, "Workshop A");
        assert_eq!(
            bench.save_as("Scenario 1"),
            Err(LedgerError::NameTaken("Scenario 1".into()))
        );
        let bench = bench.duplicate().unwrap();
        assert_eq!(bench.active, "Workshop A copy");
        let bench = bench.rename("Workshop B").unwrap();
        assert_eq!(
            bench.ledger.names(),
            vec![BASELINE, "Scenario 1", "Workshop A", "Workshop B"]
        );
        assert_eq!(bench.rename(""), Err(LedgerError::BadName));
        let bench = bench.delete().unwrap();
        assert_eq!(bench.active, "Workshop A", "the one before is edited");
        let mut bench = bench;
        bench.select("nope");
        assert!(bench.baseline_active());
        assert!(bench.delete().is_err(), "the baseline cannot be deleted");
        assert_eq!(
            Bench::from_ledger(bench.ledger.clone()).active,
            "Scenario 1"
        );
    }
}
