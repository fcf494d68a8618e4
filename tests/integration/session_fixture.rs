//! A session saved by an earlier build still reopens to the same state: the promise that an
//! analysis saved today opens next year.
//!
//! `tests/fixtures/session_v1.sis` was saved from `common::small_session()`. If this test
//! fails because the format changed (a field added to `Analysis` or anything under it):
//! - before the first release, regenerate the fixture:
//!   `SIS_BLESS_SESSION_FIXTURE=1 cargo test --test session_fixture`;
//! - after it, bump `session::FORMAT_VERSION`, freeze the old types and add a migration
//!   (docs/sessions.md, "Versioning"), and keep this fixture as the old format's witness.

use crate::common;

use sis::session::{BundleInfo, Session, Verify};
use std::path::PathBuf;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session_v1.sis")
}

/// Everything after the header (the header names the app version, which changes by design).
fn sections(bundle: &[u8]) -> &[u8] {
    &bundle[9 + bundle[8] as usize + 112..]
}

#[test]
fn a_session_saved_by_an_earlier_build_reopens_unchanged() {
    if std::env::var_os("SIS_BLESS_SESSION_FIXTURE").is_some() {
        common::small_session().save(&fixture()).unwrap();
    }
    let saved = std::fs::read(fixture()).unwrap();
    let session = Session::open(&fixture()).unwrap_or_else(|e| {
        panic!(
            "{e}\nThe session format changed; see the top of tests/session_fixture.rs for what to do."
        )
    });
    assert_eq!(
        sections(&session.to_bytes().unwrap()),
        sections(&saved),
        "reopening and saving changed the bytes"
    );
    let info = BundleInfo::read(&fixture(), Verify::Everything).unwrap();
    assert_eq!(info.manifest, session.manifest());
    assert_eq!(info.manifest.rows, 40);
    assert_eq!(session.scenarios[0].name, "Win back lapsed");
}
