//! A user gives a path that does not exist: `sis run` names it and says what to check, and
//! `sis PATH` on a machine without a display says so in words (no windowing library's source
//! paths) and what to run instead. In a window, the workbench tests cover it.

use std::process::Command;

#[test]
fn sis_run_names_a_missing_file_and_says_what_to_check() {
    let out = Command::new(env!("CARGO_BIN_EXE_sis"))
        .args(["run", "/no/such/customers.csv", "--quiet"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "customers.csv: could not read the file (there is no file at /no/such/customers.csv); \
             check the folder and the spelling of the file name."
        ),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}

#[cfg(all(target_os = "linux", feature = "gui"))]
#[test]
fn the_workbench_without_a_display_says_so_and_names_the_missing_file() {
    // Without these, the windowing library cannot reach a display on Linux.
    let out = Command::new(env!("CARGO_BIN_EXE_sis"))
        .arg("/no/such/customers.csv")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "sis: /no/such/customers.csv: there is no such file; check the folder and the spelling of the file name.",
        "{err}"
    );
    assert!(lines[1].contains("no display was found"), "{err}");
    assert!(
        lines[1].contains("`sis run /no/such/customers.csv`"),
        "{err}"
    );
    assert!(!err.contains("registry") && !err.contains(".rs:"), "{err}");
}
