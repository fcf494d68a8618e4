//! A user saves the demo analysis, reopens it and saves it again: the state comes back equal
//! and the bytes identical, every time.

use crate::common;

use common::{analyse_with, demo_table, quick_config, small_session};
use sis::config::RunConfig;
use sis::session::{BundleInfo, FORMAT_VERSION, Session, SessionStore, Verify};
use sis::simulate::{AssumptionKey, LeverKind, Scenario};
use sis::table::ColumnData;

/// Equal state, NaN included: `Debug` prints every f64 exactly (shortest round-trip form) and
/// NaN as `NaN`, and missing numbers in the data are NaN, which `==` would call unequal.
fn assert_same_state(a: &Session, b: &Session) {
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    assert_eq!(a.analysis, b.analysis);
    assert_eq!((&a.scenarios, &a.ui), (&b.scenarios, &b.ui));
    for (x, y) in a.table.columns.iter().zip(&b.table.columns) {
        if let (ColumnData::Numeric(x), ColumnData::Numeric(y)) = (&x.data, &y.data) {
            let bits = |v: &[f64]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(x), bits(y));
        }
    }
}

fn demo_session() -> Session {
    let table = demo_table();
    let analysis = analyse_with(&table, RunConfig::default());
    let mut session = Session::new(table, analysis);
    let mut scenario = Scenario::named("Premium push");
    scenario.levers.set_setting(LeverKind::Retention, 0.02);
    scenario.levers.set_setting(LeverKind::BudgetShift, 0.25);
    AssumptionKey::Margin.set(&mut scenario.assumptions, 0.42);
    session.scenarios.save(scenario).unwrap();
    session.ui.compare = Some((0, 1));
    session
}

#[test]
fn the_demo_round_trips_to_equal_state_and_identical_bytes_twice_over() {
    let session = demo_session();
    assert!(
        session
            .table
            .columns
            .iter()
            .any(|c| (0..c.data.len()).any(|i| c.data.is_missing(i))),
        "the demo has missing values, which the round trip must keep"
    );
    let first = session.to_bytes().unwrap();
    let reopened = Session::from_bytes(&first).unwrap();
    assert_same_state(&session, &reopened);
    let second = reopened.to_bytes().unwrap();
    assert_eq!(first, second);
    let again = Session::from_bytes(&second).unwrap();
    assert_same_state(&session, &again);
    assert_eq!(again.to_bytes().unwrap(), first);
    // The same state built a second time gives the same bytes too.
    assert_eq!(session.clone().to_bytes().unwrap(), first);
}

#[test]
fn open_then_save_writes_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::new(dir.path().join("sessions"));
    let path = store.path_for("demo");
    let session = small_session();
    session.save(&path).unwrap();
    let saved = std::fs::read(&path).unwrap();
    // The file is streamed (payload hashed as it is written, header last) and must still be
    // exactly the in-memory bundle.
    assert_eq!(saved, session.to_bytes().unwrap());
    let reopened = Session::open(&path).unwrap();
    assert_same_state(&session, &reopened);
    reopened.save(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), saved);
    let copy = store.path_for("copy.sis");
    Session::open(&path).unwrap().save(&copy).unwrap();
    assert_eq!(std::fs::read(&copy).unwrap(), saved);
}

#[test]
fn the_same_inputs_give_the_same_bundle() {
    let a = small_session().to_bytes().unwrap();
    let b = small_session().to_bytes().unwrap();
    assert_eq!(a, b);
}

#[test]
fn the_manifest_is_read_without_the_payload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.sis");
    let session = small_session();
    session.save(&path).unwrap();
    let info = BundleInfo::read(&path, Verify::Manifest).unwrap();
    assert_eq!(info, BundleInfo::read(&path, Verify::Everything).unwrap());
    assert_eq!(info.format_version, FORMAT_VERSION);
    assert_eq!(info.app_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(info.bytes, std::fs::metadata(&path).unwrap().len());
    let m = &info.manifest;
    assert_eq!(m, &session.manifest());
    assert_eq!(m.run_id, session.analysis.run_id);
    assert_eq!(m.file_name, "marketing_campaign.csv");
    assert_eq!((m.rows, m.columns), (40, 29));
    assert_eq!(m.segments.len(), session.analysis.segmentation.k);
    let shares: f64 = m.segments.iter().map(|s| s.share).sum();
    assert!((shares - 1.0).abs() < 1e-12);
    assert_eq!(m.scenarios, vec!["Win back lapsed".to_string()]);
    assert_eq!(m.config, quick_config());
}

#[test]
fn the_sessions_folder_lists_bundles_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::new(dir.path());
    assert!(
        SessionStore::new(dir.path().join("none"))
            .list()
            .unwrap()
            .is_empty()
    );
    let session = small_session();
    session.save(&store.path_for("b")).unwrap();
    session.save(&store.path_for("a")).unwrap();
    std::fs::write(store.path_for("broken"), b"SISB\x01\x00\x00\x00").unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"not a bundle").unwrap();
    let listed = store.list().unwrap();
    let names: Vec<_> = listed
        .iter()
        .map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.sis", "b.sis", "broken.sis"]);
    let a = listed[0].info.as_ref().unwrap();
    assert_eq!(a.manifest.run_id, session.analysis.run_id);
    assert_eq!(listed[0].bytes, a.bytes);
    let broken = listed[2].info.as_ref().unwrap_err().to_string();
    assert!(
        broken.contains("broken.sis") && broken.contains("cut short"),
        "{broken}"
    );
}
