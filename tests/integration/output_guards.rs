//! A user mistypes an option or a path: numeric options outside their documented range are
//! usage errors (exit 2) before any work, an output path that is an input is refused, an
//! existing file of another kind is replaced only with `--force`, and a hand-edited model is
//! refused with the field named.

use crate::common::demo_path;
use crate::common::sis_binary as sis;
use std::path::{Path, PathBuf};

fn copy_demo(dir: &Path) -> PathBuf {
    let path = dir.join("customers.csv");
    std::fs::copy(demo_path(), &path).unwrap();
    path
}

const QUICK: [&str; 8] = ["--k", "3", "--k-min", "3", "--k-max", "3", "--seeds", "1"];

#[test]
fn numeric_options_outside_their_range_are_usage_errors() {
    let demo = demo_path();
    let demo = demo.to_str().unwrap();
    for (args, named) in [
        (vec!["--seeds", "18446744073709551615"], "--seeds"),
        (vec!["--seeds", "1000000000000"], "--seeds"),
        (vec!["--seeds", "0"], "--seeds"),
        (vec!["--k-max", "1000"], "--k-max"),
        (vec!["--k", "31"], "--k"),
        (vec!["--iqr-factor", "-1"], "IQR factor"),
        (vec!["--iqr-factor=-1"], "IQR factor"),
        (vec!["--iqr-factor", "11"], "--iqr-factor"),
        (vec!["--min-share", "-0.1"], "segment share"),
    ] {
        let mut full = vec!["run", demo];
        full.extend(&args);
        let (code, _, err) = sis(&full);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(named), "{args:?}: {err}");
        assert!(!err.contains("panicked") && !err.contains("-- -1"), "{err}");
    }
    let (code, _, err) = sis(&["generate", "--customers", "100000000000", "--out", "x.csv"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--customers"), "{err}");
}

#[test]
fn the_readme_documents_every_range() {
    use sis::config::limits::*;
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for (option, min, max) in [
        ("`--k`", SEGMENTS.min.to_string(), SEGMENTS.max.to_string()),
        ("`--seeds`", SEEDS.min.to_string(), SEEDS.max.to_string()),
        (
            "`--min-share`",
            MIN_SHARE.min.to_string(),
            MIN_SHARE.max.to_string(),
        ),
        (
            "`--iqr-factor`",
            IQR_FACTOR.min.to_string(),
            IQR_FACTOR.max.to_string(),
        ),
        (
            "`--replicates`",
            REPLICATES.min.to_string(),
            REPLICATES.max.to_string(),
        ),
    ] {
        let range = format!("{min} to {max}");
        assert!(
            readme
                .lines()
                .any(|l| l.starts_with(&format!("| {option}"))
                    && l.replace(',', "").contains(&range)),
            "no README row for {option} with {range}"
        );
    }
}

#[test]
fn an_output_never_replaces_an_input_or_another_kind_of_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_demo(dir.path());
    let before = std::fs::read(&data).unwrap();
    let d = data.to_str().unwrap();
    // The same file under another spelling is still the input.
    let dotted = dir.path().join(".").join("customers.csv");
    for out in [
        vec!["--out", d],
        vec!["--model-out", dotted.to_str().unwrap()],
    ] {
        let mut args = vec!["run", d];
        args.extend(QUICK);
        args.extend(&out);
        args.push("--force");
        let (code, _, err) = sis(&args);
        assert_eq!(code, 2, "{out:?}: {err}");
        assert!(err.contains("the data being segmented"), "{err}");
        assert_eq!(std::fs::read(&data).unwrap(), before, "the input changed");
    }

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my notes").unwrap();
    let model = dir.path().join("m.sismodel.json");
    let bundle = dir.path().join("run.sis");
    let mut args = vec!["run", d, "-q"];
    args.extend(QUICK);
    args.extend(["--out", notes.to_str().unwrap()]);
    let (code, _, err) = sis(&args);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes");

    let mut args = vec!["run", d, "-q"];
    args.extend(QUICK);
    args.extend(["--out", bundle.to_str().unwrap()]);
    args.extend(["--model-out", model.to_str().unwrap()]);
    let (code, _, err) = sis(&args);
    assert_eq!(code, 0, "{err}");
    // Running again replaces the earlier session and model: same kinds.
    let (code, _, err) = sis(&args);
    assert_eq!(code, 0, "{err}");

    let m = model.to_str().unwrap();
    let (code, _, err) = sis(&["score", m, d, "--out", d, "--force"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the customers being scored"), "{err}");
    let (code, _, err) = sis(&["score", m, d, "--out", m]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = sis(&["score", m, d, "--out", notes.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("scored-customers"), "{err}");
    let (code, _, err) = sis(&["score", m, d, "--out", notes.to_str().unwrap(), "--force"]);
    assert_eq!(code, 0, "{err}");

    let b = bundle.to_str().unwrap();
    let (code, _, err) = sis(&["report", b, "--out", b]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the session being reported"), "{err}");
    let (code, _, err) = sis(&["report", b, "--out", d]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("PDF report"), "{err}");
    assert_eq!(std::fs::read(&data).unwrap(), before, "the input changed");
}

#[test]
fn a_hand_edited_model_is_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_demo(dir.path());
    let d = data.to_str().unwrap();
    let model = dir.path().join("m.sismodel.json");
    let mut args = vec!["run", d, "-q"];
    args.extend(QUICK);
    args.extend(["--model-out", model.to_str().unwrap()]);
    let (code, _, err) = sis(&args);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&model).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let scores = dir.path().join("scores.csv");
    for (edit, named) in [
        (("centroids", 0usize, 1e308), "centroids[0] (segment 1"),
        (("scale", 0, 0.0), "scaler.scale[0]"),
        (("center", 1, -1e300), "scaler.center[1]"),
    ] {
        let (field, index, value) = edit;
        let mut edited = json.clone();
        let target = match field {
            "centroids" => &mut edited["centroids"],
            other => &mut edited["scaler"][other],
        };
        target[index] = serde_json::json!(value);
        let path = dir.path().join(format!("{field}.sismodel.json"));
        std::fs::write(&path, serde_json::to_string_pretty(&edited).unwrap()).unwrap();
        let (code, _, err) = sis(&[
            "score",
            path.to_str().unwrap(),
            d,
            "--out",
            scores.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{field}: {err}");
        assert!(err.contains(named), "{field}: {err}");
        assert!(err.contains("damaged"), "{err}");
        assert!(!scores.exists(), "nothing is scored with a damaged model");
    }
}

#[test]
fn generate_never_replaces_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.csv");
    std::fs::write(&notes, "my notes\n").unwrap();
    let n = notes.to_str().unwrap();
    let (code, _, err) = sis(&["generate", "--customers", "10", "--out", n]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("already exists"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes\n");

    // A real customer file in the demo's columns is not replaced either, even though a
    // generated file has the same header; `--force` replaces it.
    let customers = dir.path().join("customers.csv");
    std::fs::copy(demo_path(), &customers).unwrap();
    let demo = std::fs::read(&customers).unwrap();
    let c = customers.to_str().unwrap();
    let (code, _, err) = sis(&["generate", "--customers", "10", "--seed", "1", "--out", c]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        std::fs::read(&customers).unwrap(),
        demo,
        "the data is untouched"
    );
    let (code, _, err) = sis(&["generate", "--customers", "10", "--out", c, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(std::fs::read(&customers).unwrap(), demo);
    let generated = std::fs::read(&customers).unwrap();

    // Order lines over it: refused without --force, written with it.
    let (code, _, err) = sis(&["generate", "--transactions", "20", "--out", c]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read(&customers).unwrap(), generated);
    let (code, _, err) = sis(&["generate", "--transactions", "20", "--out", c, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&customers)
            .unwrap()
            .starts_with("InvoiceNo,")
    );

    // A folder is never a file sis wrote.
    let folder = dir.path().to_str().unwrap();
    let (code, _, err) = sis(&["generate", "--customers", "10", "--out", folder]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--force"), "{err}");
}
