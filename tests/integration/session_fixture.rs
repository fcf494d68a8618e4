//! Sessions saved by earlier builds still reopen to the same state: the promise that an
//! analysis saved today opens next year. Two witnesses, both saved from
//! `common::small_session()`:
//!
//! - `tests/fixtures/session_v1.sis`, format 1 (the tab saved by its title). It now opens
//!   through the migration (`session::migrate`, frozen types in `src/session/v1.rs`) and must
//!   come out as the format-2 fixture, the tab mapped to `AnalysisTab::Segments`. Nothing
//!   writes format 1 any more: never regenerate it.
//! - `tests/fixtures/session_v2.sis`, format 2 (scenarios as a stand-in of lever names and
//!   values; before feature treatments and the sweep's
//!   runs). It opens through the migration (frozen types in `src/session/v2.rs`); the format-1
//!   fixture upgrades to the same session. Never regenerate it.
//! - `tests/fixtures/session_v3.sis`, format 3, the current format: reopening and saving it
//!   gives its bytes back.
//!
//! If a test fails because the format changed (a field added to `Analysis` or anything under
//! it), see docs/sessions.md, "Versioning":
//! - before the first release, regenerate the current fixture with [`bless_current_fixture`]:
//!   `SIS_BLESS_SESSION_FIXTURE=1 cargo test --test integration session_fixture`;
//! - after it, bump `session::FORMAT_VERSION`, freeze the old types and add a migration, bless
//!   a `session_v3.sis`, and keep the older fixtures as the old formats' witnesses.

use crate::common;

use sis::session::{AnalysisTab, BundleInfo, FORMAT_VERSION, Session, Verify};
use sis::simulate::LeverKind;
use std::path::PathBuf;

fn fixture(version: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/session_v{version}.sis"))
}

/// Everything after the header (the header names the app version, which changes by design).
fn sections(bundle: &[u8]) -> &[u8] {
    &bundle[9 + bundle[8] as usize + 112..]
}

/// The manifest section of a bundle (its length is the first `u64` after the app version).
fn manifest_section(bundle: &[u8]) -> &[u8] {
    let at = 9 + bundle[8] as usize;
    let mut len = [0u8; 8];
    len.copy_from_slice(&bundle[at..at + 8]);
    &sections(bundle)[..u64::from_le_bytes(len) as usize]
}

/// With `SIS_BLESS_SESSION_FIXTURE` set, write the fixture of the current format from
/// `common::small_session()` (a 40-row demo run with a scenario, k, a compared pair and the
/// Segments tab). The only writer of fixtures; older formats' fixtures stay as they are.
fn bless_current_fixture() {
    if std::env::var_os("SIS_BLESS_SESSION_FIXTURE").is_some() {
        common::small_session()
            .save(&fixture(FORMAT_VERSION))
            .unwrap();
    }
}

fn open(version: u32) -> Session {
    Session::open(&fixture(version)).unwrap_or_else(|e| {
        panic!(
            "{e}\nThe session format changed; see the top of tests/integration/session_fixture.rs for what to do."
        )
    })
}

#[test]
fn a_session_saved_by_this_build_reopens_unchanged() {
    bless_current_fixture();
    let saved = std::fs::read(fixture(FORMAT_VERSION)).unwrap();
    let session = open(FORMAT_VERSION);
    assert_eq!(
        sections(&session.to_bytes().unwrap()),
        sections(&saved),
        "reopening and saving changed the bytes"
    );
    let info = BundleInfo::read(&fixture(FORMAT_VERSION), Verify::Everything).unwrap();
    assert_eq!(info.format_version, FORMAT_VERSION);
    assert_eq!(info.manifest, session.manifest());
    assert_eq!(info.manifest.rows, 40);
    assert_eq!(session.scenarios.scenarios[0].name, "Win back lapsed");
    assert_eq!(session.ui.active_tab, Some(AnalysisTab::Segments));
}

#[test]
fn a_format_2_session_opens_through_the_migration() {
    let session = open(2);
    let info = BundleInfo::read(&fixture(2), Verify::Everything).unwrap();
    assert_eq!(info.format_version, 2, "the fixture is still format 2");
    assert_eq!(info.manifest, session.manifest());
    assert_eq!(info.manifest.rows, 40);
    assert_eq!(session.scenarios.scenarios[0].name, "Win back lapsed");
    assert_eq!(session.ui.active_tab, Some(AnalysisTab::Segments));
    // The stand-in ("discount" 0.1, "reach" 0.25) is a ledger entry with those levers on.
    let scenario = session.scenarios.get("Win back lapsed").unwrap();
    assert_eq!(scenario.levers.setting(LeverKind::DiscountDepth), Some(0.1));
    assert_eq!(scenario.levers.setting(LeverKind::Campaign), Some(0.25));
    assert_eq!(
        session.scenarios.names(),
        vec!["Baseline", "Win back lapsed"]
    );
    // What format 2 never computed is absent, not made up; its k is the one to show.
    let seg = &session.analysis.segmentation;
    assert_eq!(seg.switchable(), vec![seg.k]);
    assert_eq!(seg.rule_k, seg.k);
    assert!(seg.split.is_none());
    assert!(seg.segment_stability.is_empty());
    assert!(session.analysis.preparation.treatments.is_empty());
    assert_eq!(session.analysis.config.log, sis::config::LogChoice::Off);
    // Saved again, it is a format-3 bundle that reopens to the same session.
    let again = Session::from_bytes(&session.to_bytes().unwrap()).unwrap();
    assert_eq!(
        again.to_bytes().unwrap(),
        session.to_bytes().unwrap(),
        "the migrated session saves and reopens unchanged"
    );
}

#[test]
fn a_format_1_session_opens_through_the_migration() {
    let saved = std::fs::read(fixture(1)).unwrap();
    let session = open(1);
    // What the format-1 fixture test pinned: the manifest, the rows and the scenario.
    let info = BundleInfo::read(&fixture(1), Verify::Everything).unwrap();
    assert_eq!(info.format_version, 1, "the fixture is still format 1");
    assert_eq!(info.manifest, session.manifest());
    assert_eq!(info.manifest.rows, 40);
    assert_eq!(session.scenarios.scenarios[0].name, "Win back lapsed");
    // The tab saved as "Segments" is the enum now.
    assert_eq!(session.ui.active_tab, Some(AnalysisTab::Segments));

    // The same session as the format-2 witness of it (compared as bytes: the data holds NaN
    // for missing values, which `==` never matches): both migrate to the same session.
    assert_eq!(
        session.to_bytes().unwrap(),
        open(2).to_bytes().unwrap(),
        "formats 1 and 2 of one session migrate to the same session"
    );
    // The manifest did not change between formats 1 and 2, and the payloads differ only in
    // their last field: the tab, 17 bytes as a title ("Segments"), 5 as an enum.
    let v2 = std::fs::read(fixture(2)).unwrap();
    assert_eq!(manifest_section(&saved), manifest_section(&v2));
    let (old, new) = (sections(&saved), sections(&v2));
    assert_eq!(old.len() - 17, new.len() - 5);
    assert_eq!(old[..old.len() - 17], new[..new.len() - 5]);
}
