//! A user inspects a saved session, lists the sessions folder and prunes old bundles from the
//! command line.

use crate::common;
use crate::common::sis_in_process as sis;

use common::small_session;
use std::fs::File;
use std::path::Path;
use std::time::{Duration, SystemTime};

fn set_age(path: &Path, days: u64) {
    let when = SystemTime::now() - Duration::from_secs(days * 86_400);
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

#[test]
fn inspect_prints_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sis");
    let session = small_session();
    session.save(&path).unwrap();
    let shown = path.to_str().unwrap();

    let (code, text, _) = sis(&["inspect", shown]);
    assert_eq!(code, 0);
    let format = format!(
        "format     {} (written by sis ",
        sis::session::FORMAT_VERSION
    );
    for expected in [
        session.analysis.run_id.as_str(),
        format.as_str(),
        "marketing_campaign.csv: 40 rows x 29 columns",
        "checksums verified",
        "scenarios  1: Win back lapsed",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    for persona in &session.analysis.personas {
        assert!(
            text.contains(persona.display_name()),
            "missing persona {:?} in\n{text}",
            persona.display_name()
        );
    }
    assert!(!session.analysis.personas.is_empty());
    assert_eq!(
        text.lines()
            .filter(|l| l.contains(" customers  ") && l.contains('%'))
            .count(),
        session.analysis.segmentation.k
    );

    let (code, json, _) = sis(&["inspect", shown, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["run_id"], session.analysis.run_id.as_str());
    assert_eq!(v["format_version"], sis::session::FORMAT_VERSION);
    assert_eq!(v["config"]["seeds"], 2);
    assert_eq!(
        v["segments"].as_array().unwrap().len(),
        session.analysis.segmentation.k
    );
    assert_eq!(v["scenarios"][0], "Win back lapsed");
}

#[test]
fn inspect_refuses_a_damaged_bundle_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.sis");
    let mut bytes = small_session().to_bytes().unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x40;
    std::fs::write(&path, bytes).unwrap();
    let (code, _, message) = sis(&["inspect", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        message.contains("damaged.sis: the payload checksum does not match"),
        "{message}"
    );
}

#[test]
fn sessions_list_shows_each_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let (code, text, _) = sis(&["sessions", "list", "--dir", folder]);
    assert_eq!(code, 0);
    assert!(text.starts_with("No sessions in"), "{text}");

    let session = small_session();
    session.save(&dir.path().join("spring.sis")).unwrap();
    std::fs::write(dir.path().join("junk.sis"), b"hello").unwrap();
    let (code, text, _) = sis(&["sessions", "list", "--dir", folder]);
    assert_eq!(code, 0);
    let spring = text.lines().find(|l| l.starts_with("spring.sis")).unwrap();
    assert!(spring.contains(&session.analysis.run_id[..12]), "{spring}");
    assert!(spring.contains("marketing_campaign.csv"), "{spring}");
    let junk = text.lines().find(|l| l.starts_with("junk.sis")).unwrap();
    assert!(
        junk.contains("unreadable") && junk.contains("wrong magic"),
        "{junk}"
    );

    let (_, json, _) = sis(&["sessions", "list", "--dir", folder, "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["segments"], session.analysis.segmentation.k);
    assert!(rows[0]["error"].is_string());
}

#[test]
fn sessions_prune_removes_only_old_bundles() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let session = small_session();
    for (name, days) in [("old.sis", 45), ("older.sis", 400), ("fresh.sis", 2)] {
        let path = dir.path().join(name);
        session.save(&path).unwrap();
        set_age(&path, days);
    }
    let stale = dir.path().join(".old.sis.4242-0.tmp");
    std::fs::write(&stale, b"half a save").unwrap();
    set_age(&stale, 60);
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, b"keep me").unwrap();
    set_age(&notes, 900);

    let (code, text, _) = sis(&[
        "sessions",
        "prune",
        "--older-than",
        "30d",
        "--dry-run",
        "--dir",
        folder,
    ]);
    assert_eq!(code, 0);
    assert_eq!(text.matches("would remove").count(), 3, "{text}");
    assert!(
        text.contains("older.sis") && text.contains("400d old"),
        "{text}"
    );
    assert!(
        text.contains("Would remove 3 file(s)") && text.contains("keep 1 session(s)"),
        "{text}"
    );
    assert!(dir.path().join("old.sis").exists());

    let (code, text, _) = sis(&["sessions", "prune", "--older-than", "30d", "--dir", folder]);
    assert_eq!(code, 0);
    assert!(text.contains("Removed 3 file(s)"), "{text}");
    let mut left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["fresh.sis", "notes.txt"]);
}

#[test]
fn a_bad_age_is_a_usage_error() {
    let (code, _, message) = sis(&["sessions", "prune", "--older-than", "30"]);
    assert_eq!(code, 2);
    assert!(
        message.contains("--older-than \"30\" is not an age"),
        "{message}"
    );
}

#[test]
fn run_with_out_saves_a_bundle_that_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sessions").join("demo.sis");
    let data = common::demo_path();
    let (code, text, message) = sis(&[
        "run",
        data.to_str().unwrap(),
        "--quiet",
        "--k-max",
        "4",
        "--seeds",
        "2",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{message}");
    assert!(
        text.contains(&format!("Session saved to {}", path.display())),
        "{text}"
    );
    let session = sis::session::Session::open(&path).unwrap();
    assert_eq!(session.table.n_rows(), 2240);
    let (code, listed, _) = sis(&[
        "sessions",
        "list",
        "--dir",
        path.parent().unwrap().to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(listed.contains("demo.sis"), "{listed}");
}
