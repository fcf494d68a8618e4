//! Bad input never crashes: every broken file or argument gets a clear message naming the
//! file (and row or column) and the right exit code (1 data error, 2 usage error).

use crate::common::sis_binary as sis;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path
}

fn run_expecting(path: &Path, code: i32, needles: &[&str]) {
    let (status, _, stderr) = sis(&["run", path.to_str().expect("utf-8 path"), "--quiet"]);
    assert_eq!(status, code, "exit code for {}: {stderr}", path.display());
    assert!(!stderr.contains("panicked"), "{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "expected {needle:?} in: {stderr}");
    }
}

#[test]
fn empty_and_disguised_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    run_expecting(&write(dir.path(), "empty.csv", b""), 1, &["empty.csv"]);
    run_expecting(
        &write(dir.path(), "text.parquet", b"id,income\n1,2\n"),
        1,
        &["text.parquet"],
    );
    run_expecting(
        &write(dir.path(), "book.xlsx", b"id,income\n1,2\n"),
        1,
        &["book.xlsx"],
    );
    run_expecting(
        &write(dir.path(), "binary.csv", &[0u8, 159, 146, 150, 0, 1, 2, 3]),
        1,
        &["binary.csv"],
    );
    run_expecting(&dir.path().join("missing.csv"), 1, &["missing.csv"]);
}

#[test]
fn data_that_cannot_be_segmented() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text_only = write(
        dir.path(),
        "names.csv",
        b"name,city\nAnn,Oslo\nBob,Rome\nCy,Oslo\n",
    );
    run_expecting(&text_only, 1, &["names.csv", "numeric column"]);
    let mut few = String::from("id,age,income\n");
    for i in 0..6 {
        few.push_str(&format!("{i},{},{}\n", 20 + i * 7, 1000 * (i + 1)));
    }
    let few = write(dir.path(), "few.csv", few.as_bytes());
    run_expecting(&few, 1, &["few.csv", "fewer than twice k = 8"]);
    let mut bad_cell = String::from("id,age,income,score\n");
    for i in 0..40 {
        let income = if i == 30 {
            "n.a.".to_string()
        } else {
            (20_000 + i * 1000).to_string()
        };
        bad_cell.push_str(&format!("{i},{},{income},{}\n", 20 + i, i % 7));
    }
    let bad_cell = write(dir.path(), "bad_cell.csv", bad_cell.as_bytes());
    run_expecting(
        &bad_cell,
        1,
        &[
            "bad_cell.csv",
            "column \"income\"",
            "row 32",
            "\"n.a.\" is not a number",
        ],
    );
}

#[test]
fn bad_mapping_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv");
    let demo = demo.to_str().expect("utf-8");
    let broken = write(dir.path(), "broken.toml", b"[columns\nID = ");
    let (code, _, err) = sis(&[
        "run",
        demo,
        "--mapping",
        broken.to_str().expect("utf-8"),
        "--quiet",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("broken.toml") && err.contains("not valid TOML"),
        "{err}"
    );
    let unknown = write(
        dir.path(),
        "unknown.toml",
        b"[columns]\nSalary = \"income\"\n",
    );
    let (code, _, err) = sis(&[
        "run",
        demo,
        "--mapping",
        unknown.to_str().expect("utf-8"),
        "--quiet",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("\"Salary\" is not in the data"), "{err}");
    let wrong_type = write(
        dir.path(),
        "wrong.toml",
        b"[columns]\nEducation = \"income\"\n",
    );
    let (code, _, err) = sis(&[
        "run",
        demo,
        "--mapping",
        wrong_type.to_str().expect("utf-8"),
        "--quiet",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("column \"Education\", row 2: \"Graduation\" is not a number"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv");
    let demo = demo.to_str().expect("utf-8");
    for args in [
        vec!["run", demo, "--k", "1"],
        vec!["run", demo, "--k", "many"],
        vec!["run", demo, "--scaler", "log"],
        vec!["run", demo, "--k-min", "5", "--k-max", "3"],
        vec!["run", demo, "--no-such-flag"],
        vec!["run"],
    ] {
        let (code, _, err) = sis(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            !err.is_empty() && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
}
