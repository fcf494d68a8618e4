//! The hostile corpus run through the real `sis` binary: every case gets exactly the outcome
//! it is owed (a refusal naming the file, column or row, or a repair counted in the quality
//! report), never a panic, and its input file is byte-for-byte unchanged afterwards.

use crate::common::hostile::{Case, Demo, Expect, cases, run_args};
use std::path::Path;
use std::process::Command;

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn sis_in(dir: &Path, file: &str, args: &[String]) -> Outcome {
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            a.replace("{file}", &dir.join(file).to_string_lossy())
                .replace("{dir}", &dir.to_string_lossy())
        })
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_sis"))
        .args(&args)
        .output()
        .expect("sis runs");
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run one case in its own directory; the problems found, if any.
fn check(case: &Case, root: &Path) -> Vec<String> {
    let dir = root.join(case.name);
    std::fs::create_dir_all(&dir).expect("case dir");
    std::fs::write(dir.join(&case.file), &case.bytes).expect("input written");
    for (name, bytes) in &case.side_files {
        std::fs::write(dir.join(name), bytes).expect("side file written");
    }
    let out = sis_in(&dir, &case.file, &case.args);
    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{}: {what}", case.name));
    if out.stderr.contains("panicked") || out.code == 101 {
        fail(format!("panicked: {}", out.stderr));
    }
    let after = std::fs::read(dir.join(&case.file)).expect("input still there");
    if after != case.bytes {
        fail("the input file was changed".into());
    }
    let (code, text, needles) = match &case.expect {
        Expect::Refused(n) => (1, &out.stderr, n),
        Expect::Repaired(n) => (0, &out.stdout, n),
        Expect::Warned(n) => (0, &out.stderr, n),
    };
    if out.code != code {
        fail(format!(
            "exit code {} (expected {code}); stderr: {}",
            out.code,
            out.stderr.trim()
        ));
    }
    if let Expect::Refused(_) = case.expect {
        let names_a_file = out.stderr.contains(&case.file)
            || case.side_files.iter().any(|(n, _)| out.stderr.contains(n))
            || out.stderr.contains("--");
        if !names_a_file {
            fail(format!("the message names no file: {}", out.stderr.trim()));
        }
    }
    for needle in needles.iter() {
        if !text.contains(needle) {
            fail(format!(
                "expected {needle:?} in {}",
                if code == 0 && matches!(case.expect, Expect::Repaired(_)) {
                    format!("stdout (stderr: {})", out.stderr.trim())
                } else {
                    text.trim().to_string()
                }
            ));
        }
    }
    problems
}

#[test]
fn every_hostile_input_gets_its_owed_outcome() {
    let all = cases();
    assert!(all.len() >= 60, "the corpus has {} cases", all.len());
    let root = tempfile::tempdir().expect("temp dir");
    let threads = 4;
    let problems: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let all = &all;
                let root = root.path();
                scope.spawn(move || {
                    all.iter()
                        .skip(t)
                        .step_by(threads)
                        .flat_map(|c| check(c, root))
                        .collect::<Vec<String>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker"))
            .collect()
    });
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// A 100 MB file on a single line (no newline at all): refused as a header without data,
/// quickly, and left as it was.
#[test]
fn a_100_mb_single_line_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cell = "abcdefghi,";
    let line = cell.repeat(100 * 1024 * 1024 / cell.len());
    let case = Case {
        name: "single_line_100mb",
        file: "one_line.csv".into(),
        bytes: line.into_bytes(),
        side_files: Vec::new(),
        args: run_args(&[]),
        expect: Expect::Refused(vec!["one_line.csv"]),
    };
    let problems = check(&case, dir.path());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// 10,000 numeric columns × 300 rows: finishes, with the feature limit reported.
#[test]
fn ten_thousand_columns_finish_with_the_limit_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("customer_id");
    for j in 0..10_000 {
        text.push_str(&format!(",m{j}"));
    }
    text.push('\n');
    for i in 0..300u64 {
        text.push_str(&i.to_string());
        for j in 0..10_000u64 {
            text.push_str(&format!(",{}", (i * 7919 + j * 104_729) % 1000));
        }
        text.push('\n');
    }
    let case = Case {
        name: "wide_10000",
        file: "wide.csv".into(),
        bytes: text.into_bytes(),
        side_files: Vec::new(),
        args: run_args(&[]),
        expect: Expect::Repaired(vec!["segmentation limited to the first 40 of 10000"]),
    };
    let problems = check(&case, dir.path());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Order lines (customer ids repeating, with order ids and amounts) are aggregated or
/// refused, never silently cut to one row per id.
#[test]
fn a_transaction_log_is_not_cut_to_one_row_per_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("InvoiceNo,CustomerID,Quantity,UnitPrice,InvoiceDate\n");
    for i in 0..400u32 {
        text.push_str(&format!(
            "{},{},{},{}.50,2011-{:02}-{:02}\n",
            10_000 + i / 3,
            100 + i % 40,
            1 + i % 5,
            1 + i % 9,
            1 + i % 12,
            1 + i % 28
        ));
    }
    std::fs::write(dir.path().join("orders.csv"), &text).expect("written");
    let out = sis_in(dir.path(), "orders.csv", &run_args(&[]));
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    // The report may say that 0 rows repeated an id; any other count is a cut.
    let cut = out.stdout.lines().any(|l| {
        l.contains("rows repeating an earlier id in \"CustomerID\" dropped")
            && !l.trim_start_matches([' ', '-']).starts_with("0 ")
    });
    assert!(!cut, "{}", out.stdout);
    assert!(
        out.code == 1 || out.stdout.contains("order lines") || out.stdout.contains("aggregated"),
        "exit {}: {}{}",
        out.code,
        out.stdout,
        out.stderr
    );
}

/// `sis score` writes each customer's id exactly as the file has it, for 18-digit and
/// zero-padded ids alike, and tenure is measured from the training reference date.
#[test]
fn scoring_writes_the_exact_input_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = Demo::new(80).with("ID", |i, _| {
        if i % 2 == 0 {
            format!("{}", 100_000_000_000_000_000u64 + i as u64)
        } else {
            format!("00{i}")
        }
    });
    std::fs::write(dir.path().join("train.csv"), d.csv()).expect("written");
    let model = dir.path().join("m.sismodel.json");
    let mut args = run_args(&["--model-out"]);
    args.push(model.to_string_lossy().into_owned());
    let out = sis_in(dir.path(), "train.csv", &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let one = Demo {
        header: d.header.clone(),
        rows: vec![d.rows[3].clone(), d.rows[4].clone()],
    };
    std::fs::write(dir.path().join("new.csv"), one.csv()).expect("written");
    let scored = dir.path().join("scored.csv");
    let out = sis_in(
        dir.path(),
        "new.csv",
        &[
            "score".into(),
            model.to_string_lossy().into_owned(),
            "{file}".into(),
            "--out".into(),
            scored.to_string_lossy().into_owned(),
            "--json".into(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let written = std::fs::read_to_string(&scored).expect("scores written");
    assert!(written.contains("100000000000000004"), "{written}");
    assert!(written.contains("003"), "{written}");
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let text = json.to_string();
    assert!(!text.contains("null"), "{text}");
}
