//! The hostile corpus on the GUI path: with the demo analysis open, every corpus file is
//! opened as the Open dialog opens it. Each gets a message naming the file (an error notice,
//! or the column review of the loaded file), never a panic, and the open analysis stays as it
//! was. A missing file, given at start or chosen, is named with what to do, in the window.

use crate::common::hostile::{Case, cases};
use crate::support;

use egui_kittest::kittest::Queryable;
use std::path::Path;
use support::*;

/// The analysis on display: run id and number of segments.
fn shown_analysis(app: &App) -> (String, usize) {
    let analysis = app.state().analysis().expect("an analysis is open");
    (analysis.run_id.clone(), analysis.segmentation.k)
}

/// Open one case's file; the problems seen, if any. Leaves the window on the analysis.
fn open_case(app: &mut App, case: &Case, root: &Path, before: &(String, usize)) -> Vec<String> {
    let dir = root.join(case.name);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(&case.file);
    std::fs::write(&path, &case.bytes).unwrap();
    for (name, bytes) in &case.side_files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    app.state_mut().request_open(&path);
    app.step();
    wait_idle(app, case.name);
    app.run_steps(2);

    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{}: {what}", case.name));
    if shows(app, "Internal error") || shows(app, "panicked") {
        fail("the load panicked".into());
    }
    let review = shows(app, &format!("Review the columns of {}", case.file));
    let notice = app.query_by_label("Dismiss").is_some();
    let named_by_notice = notice && shows(app, &case.file);
    if !(review || named_by_notice) {
        fail(format!("no message names {}", case.file));
    }
    if shown_analysis(app) != *before {
        fail("the open analysis changed".into());
    }
    if std::fs::read(&path).unwrap() != case.bytes {
        fail("the file was changed".into());
    }
    if notice {
        app.get_by_label("Dismiss").click();
        app.run_steps(2);
    }
    if review {
        app.get_by_label("Back to the analysis").click();
        app.run_steps(2);
    }
    problems
}

#[test]
fn every_corpus_file_opened_in_the_window_is_named_and_keeps_the_analysis() {
    let mut app = demo_workbench();
    let before = shown_analysis(&app);
    let customers = kpi(&app, "Customers");
    let root = tempfile::tempdir().unwrap();
    let all = cases();
    assert!(all.len() >= 60, "the corpus has {} cases", all.len());

    let problems: Vec<String> = all
        .iter()
        .flat_map(|case| open_case(&mut app, case, root.path(), &before))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(shown_analysis(&app), before);
    assert_eq!(kpi(&app, "Customers"), customers, "the analysis is shown");
}

#[test]
fn a_missing_file_given_at_start_is_named_in_the_window_with_what_to_do() {
    // `sis /no/such.csv` queues the path as the app starts, as here.
    let mut app = workbench();
    app.state_mut().set_run_config(quick_config());
    app.state_mut().request_open("/no/such/customers.csv");
    app.run_steps(3);

    assert!(!app.state().is_busy(), "no job was started");
    assert!(shows(
        &app,
        "/no/such/customers.csv: there is no such file; check the folder"
    ));
    assert!(shows(&app, "Open dataset…"), "it says what to do");
    assert!(!shows(&app, "os error"), "no operating-system text");
    app.get_by_label("Dismiss").click();
    app.run_steps(2);

    // The app stays open and works.
    open_demo(&mut app);
    assert!(app.state().analysis().is_some());
}

#[test]
fn a_missing_file_or_session_chosen_later_keeps_the_analysis() {
    let mut app = demo_workbench();
    let before = shown_analysis(&app);
    for missing in ["/no/such/march.csv", "/no/such/march.sis"] {
        app.state_mut().request_open(missing);
        app.run_steps(3);
        assert!(!app.state().is_busy());
        assert!(
            shows(&app, &format!("{missing}: there is no such file")),
            "{missing}"
        );
        assert_eq!(shown_analysis(&app), before);
        assert!(shows(&app, "Key decisions"), "the Overview is still shown");
        app.get_by_label("Dismiss").click();
        app.run_steps(2);
    }
}
