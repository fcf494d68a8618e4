//! Format 2, frozen: the bundle layout sis wrote while scenarios were a stand-in (a name and
//! `(lever name, value)` pairs), read and upgraded to the current [`Session`].
//!
//! Format 2 and format 3 differ in one field: format 3 saves the simulation's
//! [`ScenarioLedger`] (a baseline and named scenarios with their lever settings and
//! assumptions) where format 2 saved `Vec<ScenarioV2>`. The types here are the format-2 shapes
//! of what changed and must never change; what both formats share is the live type.
//!
//! The upgrade keeps every scenario under its name, with default assumptions. A stand-in pair
//! becomes a lever setting only when its name is a lever's key or its main setting's name
//! (`discount` or `depth`, `campaign` or `reach`, …) and its value is in that setting's range;
//! other pairs never meant a lever of the engine and are left out rather than guessed at.

use super::codec;
use super::contents::Session;
use super::error::SessionError;
use super::migrate::{sections, verify_upgraded};
use super::state::SessionUiState;
use crate::pipeline::Analysis;
use crate::simulate::{LeverKind, Scenario, ScenarioLedger};
use crate::table::RawTable;
use serde::{Deserialize, Serialize};

/// The format these types describe.
pub const VERSION: u32 = 2;

/// A format-2 payload, field by field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionV2 {
    pub table: RawTable,
    pub analysis: Analysis,
    pub scenarios: Vec<ScenarioV2>,
    pub ui: SessionUiState,
}

/// A format-2 scenario: the stand-in of lever names and values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioV2 {
    pub name: String,
    pub levers: Vec<(String, f64)>,
}

/// The lever a stand-in name meant: a lever's key or its main setting's name.
fn lever_named(name: &str) -> Option<LeverKind> {
    LeverKind::ALL
        .into_iter()
        .find(|l| l.key() == name || l.setting_label() == name)
}

/// A format-2 scenario as a scenario of the engine (see the module's notes).
pub fn upgrade_scenario(old: ScenarioV2) -> Scenario {
    let mut scenario = Scenario::named(&old.name);
    for (name, value) in old.levers {
        let Some(lever) = lever_named(&name) else {
            continue;
        };
        let (lo, hi) = lever.setting_range();
        if value.is_finite() && (lo..=hi).contains(&value) {
            scenario.levers.set_setting(lever, value);
        }
    }
    scenario
}

impl SessionV2 {
    /// The same session in the current format.
    pub fn upgrade(self) -> Session {
        Session {
            table: self.table,
            analysis: self.analysis,
            scenarios: ScenarioLedger {
                scenarios: self.scenarios.into_iter().map(upgrade_scenario).collect(),
                ..ScenarioLedger::default()
            },
            ui: self.ui,
        }
    }
}

/// Read a whole format-2 bundle as its format-2 payload (header and checksums verified).
pub fn read_v2(bundle: &[u8], file: &str) -> Result<SessionV2, SessionError> {
    let (_, payload) = sections(bundle, file, VERSION)?;
    codec::decode(payload).map_err(|e| SessionError::Decode {
        file: file.into(),
        section: "payload",
        detail: e.to_string(),
    })
}

/// Read a format-2 bundle and upgrade it to the current [`Session`], verified as a current
/// one is: header, both checksums, the contents, and the manifest against them.
pub fn read(bundle: &[u8], file: &str) -> Result<Session, SessionError> {
    let (stored_manifest, _) = sections(bundle, file, VERSION)?;
    let session = read_v2(bundle, file)?.upgrade();
    verify_upgraded(session, stored_manifest, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_in_levers_become_settings_only_where_they_name_a_lever() {
        let old = ScenarioV2 {
            name: "Win back lapsed".into(),
            levers: vec![
                ("discount".into(), 0.1),
                ("reach".into(), 0.25),
                ("price".into(), 1.05),
                ("retention".into(), 7.0),
            ],
        };
        let s = upgrade_scenario(old);
        assert_eq!(s.name, "Win back lapsed");
        assert_eq!(s.levers.setting(LeverKind::DiscountDepth), Some(0.1));
        assert_eq!(s.levers.setting(LeverKind::Campaign), Some(0.25));
        assert!(!s.levers.is_on(LeverKind::Retention), "7 is out of range");
        assert!(!s.levers.is_on(LeverKind::BudgetShift));
        assert_eq!(s.assumptions, crate::simulate::Assumptions::default());
    }

    #[test]
    fn the_frozen_types_read_the_format_2_fixture_byte_for_byte() {
        let bundle = include_bytes!("../../tests/fixtures/session_v2.sis");
        let (_, payload) = sections(bundle, "session_v2.sis", VERSION).unwrap();
        let v2 = read_v2(bundle, "session_v2.sis").unwrap();
        assert_eq!(
            codec::encode(&v2).unwrap(),
            payload,
            "the format-2 types describe every byte of a format-2 payload"
        );
        let session = read(bundle, "session_v2.sis").unwrap();
        assert_eq!(
            session.scenarios.names(),
            vec!["Baseline", "Win back lapsed"]
        );
        assert_eq!(session.ui, v2.ui);
    }
}
