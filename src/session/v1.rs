//! Format 1, frozen: the bundle layout sis wrote before the tab became an enum, read and
//! upgraded to the current [`Session`](super::Session).
//!
//! Format 1 and format 2 differ in one field, the last of the payload: format 1 saved the open
//! tab by its title (`Option<String>`), format 2 as [`AnalysisTab`]. The types here are the
//! format-1 shapes of what changed since (the session, its view state and the scenario stand-in)
//! and must never change. What formats 1 and 2 share is format 2's: the analysis and the
//! manifest are the frozen [`AnalysisV2`] and [`ManifestV2`] of `v2`, and a format-1 session
//! upgrades through format 2.

use super::codec;
use super::contents::Session;
use super::error::SessionError;
use super::state::{self, AnalysisTab};
use super::v2::{self, AnalysisV2, SessionV2};
use crate::table::RawTable;
use serde::{Deserialize, Serialize};

/// The format these types describe.
pub(super) const VERSION: u32 = 1;

/// A format-1 payload, field by field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct SessionV1 {
    pub table: RawTable,
    pub analysis: AnalysisV2,
    pub scenarios: Vec<ScenarioV1>,
    pub ui: SessionUiStateV1,
}

/// A format-1 scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ScenarioV1 {
    pub name: String,
    pub levers: Vec<(String, f64)>,
}

/// Format-1 view state: the tab by its title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct SessionUiStateV1 {
    pub selected_k: Option<usize>,
    pub compare: Option<(usize, usize)>,
    /// The title of the tab that was open, as the workbench of format 1 showed it.
    pub active_tab: Option<String>,
}

/// The tab a format-1 title names. Titles no build wrote become `None` (the first view).
pub(super) fn tab_of_title(title: &str) -> Option<AnalysisTab> {
    Some(match title {
        "Overview" => AnalysisTab::Overview,
        "Segments" => AnalysisTab::Segments,
        "Personas" => AnalysisTab::Personas,
        "Simulation" => AnalysisTab::Simulation,
        "Data" => AnalysisTab::Data,
        "Export" => AnalysisTab::Export,
        _ => return None,
    })
}

impl SessionV1 {
    /// The same session in format 2.
    pub(super) fn upgrade_to_v2(self) -> SessionV2 {
        SessionV2 {
            table: self.table,
            analysis: self.analysis,
            scenarios: self.scenarios.into_iter().map(upgrade_scenario).collect(),
            ui: upgrade_ui(self.ui),
        }
    }

    /// The same session in the current format (through format 2).
    pub(super) fn upgrade(self) -> Session {
        self.upgrade_to_v2().upgrade()
    }
}

fn upgrade_scenario(scenario: ScenarioV1) -> v2::ScenarioV2 {
    v2::ScenarioV2 {
        name: scenario.name,
        levers: scenario.levers,
    }
}

fn upgrade_ui(ui: SessionUiStateV1) -> state::SessionUiState {
    state::SessionUiState {
        selected_k: ui.selected_k,
        compare: ui.compare,
        active_tab: ui.active_tab.as_deref().and_then(tab_of_title),
    }
}

/// The manifest and payload of a whole format-1 bundle, their checksums verified.
fn sections<'a>(bundle: &'a [u8], file: &str) -> Result<(&'a [u8], &'a [u8]), SessionError> {
    v2::sections(bundle, file, VERSION)
}

/// Read a whole format-1 bundle as its format-1 payload (header and checksums verified).
pub(super) fn read_v1(bundle: &[u8], file: &str) -> Result<SessionV1, SessionError> {
    let (_, payload) = sections(bundle, file)?;
    codec::decode(payload).map_err(|e| SessionError::Decode {
        file: file.into(),
        section: "payload",
        detail: e.to_string(),
    })
}

/// Read a format-1 bundle and upgrade it to the current [`Session`], verified as a current
/// one is: header, both checksums, the contents, and the manifest against them.
pub(super) fn read(bundle: &[u8], file: &str) -> Result<Session, SessionError> {
    let (stored_manifest, _) = sections(bundle, file)?;
    let v1 = read_v1(bundle, file)?;
    let config = v1.analysis.config.clone();
    let session = v1.upgrade();
    // Format 1's manifest is format 2's: the upgraded session must give the stored one.
    v2::verify_upgraded(&session, &config, stored_manifest, file)?;
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_title_format_1_wrote_maps_to_a_tab() {
        let titles = [
            ("Overview", AnalysisTab::Overview),
            ("Segments", AnalysisTab::Segments),
            ("Personas", AnalysisTab::Personas),
            ("Simulation", AnalysisTab::Simulation),
            ("Data", AnalysisTab::Data),
            ("Export", AnalysisTab::Export),
        ];
        for (title, tab) in titles {
            assert_eq!(tab_of_title(title), Some(tab));
        }
        assert_eq!(tab_of_title("Quality"), None);
        assert_eq!(tab_of_title("segments"), None);
    }

    #[test]
    fn the_view_state_upgrades_with_the_tab_as_an_enum() {
        let v1 = SessionUiStateV1 {
            selected_k: Some(3),
            compare: Some((2, 0)),
            active_tab: Some("Personas".into()),
        };
        // Format-1 bytes of the view state: two options, then the title with its length.
        let bytes = codec::encode(&v1).unwrap();
        assert_eq!(bytes.len(), (1 + 8) + (1 + 16) + (1 + 8 + 8));
        let read: SessionUiStateV1 = codec::decode(&bytes).unwrap();
        assert_eq!(
            upgrade_ui(read),
            state::SessionUiState {
                selected_k: Some(3),
                compare: Some((2, 0)),
                active_tab: Some(AnalysisTab::Personas),
            }
        );
        let unknown = SessionUiStateV1 {
            active_tab: Some("Quality".into()),
            ..SessionUiStateV1::default()
        };
        assert_eq!(upgrade_ui(unknown).active_tab, None);
    }

    #[test]
    fn the_frozen_types_read_the_format_1_fixture_byte_for_byte() {
        let bundle = include_bytes!("../../tests/fixtures/session_v1.sis");
        let (_, payload) = sections(bundle, "session_v1.sis").unwrap();
        let v1 = read_v1(bundle, "session_v1.sis").unwrap();
        assert_eq!(v1.ui.active_tab.as_deref(), Some("Segments"));
        assert_eq!(
            codec::encode(&v1).unwrap(),
            payload,
            "the format-1 types describe every byte of a format-1 payload"
        );
        let session = read(bundle, "session_v1.sis").unwrap();
        assert_eq!(session.ui.active_tab, Some(AnalysisTab::Segments));
        assert_eq!(session.analysis, v1.analysis.upgrade());
    }

    #[test]
    fn a_damaged_format_1_bundle_is_refused() {
        let mut bundle = include_bytes!("../../tests/fixtures/session_v1.sis").to_vec();
        let last = bundle.len() - 1;
        bundle[last] ^= 0x01;
        let err = read(&bundle, "old.sis").unwrap_err();
        assert!(
            matches!(
                err,
                SessionError::Checksum {
                    section: "payload",
                    ..
                }
            ),
            "{err}"
        );
    }
}
