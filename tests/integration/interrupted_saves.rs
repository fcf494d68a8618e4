//! A save cut short: `sis run --out` killed at several points of its save leaves the
//! previous bundle whole, and any temporary file it left is reported by `sessions list`, then
//! removed once stale. A bundle re-signed around a payload that does not decode is refused
//! by `sis inspect` (exit 1), not reported as verified.

use crate::common::bundle_bytes::{sections, wrap};
use crate::common::sis_binary as sis;
use crate::common::small_session;
use sis::session::{FORMAT_VERSION, STALE_AFTER, Session};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

const QUICK: [&str; 10] = [
    "--k", "3", "--k-min", "3", "--k-max", "3", "--seeds", "1", "--scaler", "standard",
];

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_save_killed_midway_keeps_the_previous_bundle_and_its_leftovers_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("customers.csv");
    let (code, _, err) = sis(&[
        "generate",
        "--customers",
        "40000",
        "--out",
        data.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let sessions = dir.path().join("sessions");
    let bundle = sessions.join("run.sis");
    let (d, b) = (data.to_str().unwrap(), bundle.to_str().unwrap());
    let mut args = vec!["run", d, "-q", "--out", b];
    args.extend(QUICK);
    let (code, _, err) = sis(&args);
    assert_eq!(code, 0, "{err}");
    assert!(Session::open(&bundle).is_ok());

    let mut interrupted = 0;
    // Delays after the child printed its summary, which it does right before saving.
    for delay_ms in [0u64, 1, 3, 8, 20, 60] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sis"))
            .args(&args)
            .arg("--seed")
            .arg((100 + delay_ms).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        // Blocks until the summary arrives: the pipeline is done and the save begins.
        let got = stdout.read(&mut first).unwrap();
        assert!(got > 0, "the child printed its summary");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        drop(stdout);

        let reopened = Session::open(&bundle).expect("the bundle still opens whole");
        let leftovers = temp_files(&sessions);
        interrupted += usize::from(!leftovers.is_empty());
        // Killed before the rename the old bundle is untouched; after it, the new one is whole.
        assert!(!reopened.analysis.run_id.is_empty());
        let (code, listed, err) = sis(&["sessions", "list", "--dir", sessions.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        for name in &leftovers {
            assert!(
                listed.contains(name.as_str()),
                "the leftover {name} is reported:\n{listed}"
            );
        }
        // Aged past the stale limit (its writer is gone), the next listing removes it.
        for name in &leftovers {
            let old = SystemTime::now() - STALE_AFTER - Duration::from_secs(60);
            std::fs::File::options()
                .write(true)
                .open(sessions.join(name))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        let (code, listed, _) = sis(&["sessions", "list", "--dir", sessions.to_str().unwrap()]);
        assert_eq!(code, 0);
        assert!(
            temp_files(&sessions).is_empty(),
            "stale leftovers removed:\n{listed}"
        );
        for name in &leftovers {
            assert!(listed.contains("removed ") && listed.contains(name.as_str()));
        }
    }
    eprintln!("{interrupted} of 6 kills left a temporary file");
}

#[test]
fn inspect_refuses_a_resigned_bundle_whose_payload_does_not_decode() {
    let dir = tempfile::tempdir().unwrap();
    let good = small_session().to_bytes().unwrap();
    let (manifest, payload) = sections(&good);
    for (what, bad) in [
        ("truncated", payload[..payload.len() / 2].to_vec()),
        ("junk", vec![0xA5; 300]),
    ] {
        let path = dir.path().join(format!("{what}.sis"));
        std::fs::write(&path, wrap(FORMAT_VERSION, &manifest, &bad)).unwrap();
        for json in [false, true] {
            let mut args = vec!["inspect", path.to_str().unwrap()];
            if json {
                args.push("--json");
            }
            let (code, out, err) = sis(&args);
            assert_eq!(code, 1, "{what}: {out}{err}");
            assert!(err.contains("the checksums match, but"), "{what}: {err}");
            assert!(!out.contains("checksums verified"), "{what}: {out}");
        }
    }
    let path = dir.path().join("good.sis");
    std::fs::write(&path, &good).unwrap();
    let (code, out, err) = sis(&["inspect", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("checksums verified, payload decoded"), "{out}");
}
