//! When things go wrong in the workbench: a bad file, a mapping that does not fit, a long
//! run cancelled. Each time the message names what is at fault and the analysis stays.

use crate::support;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use sis::table::{Column, ColumnData, RawTable, SourceFormat};
use support::*;

#[test]
fn a_bad_file_shows_the_error_and_keeps_the_analysis() {
    let mut app = demo_workbench();
    let run_id = app.state().analysis().unwrap().run_id.clone();
    let customers = kpi(&app, "Customers");

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.csv");
    std::fs::write(&bad, [0xff, 0xfe, 0x00, 0x01, b'\n', 0x00]).unwrap();
    app.state_mut().request_open(&bad);
    app.step();
    wait_idle(&mut app, "loading the bad file");

    assert!(shows(&app, "broken.csv"), "the error names the file");
    assert_eq!(app.state().analysis().unwrap().run_id, run_id);
    assert_eq!(
        kpi(&app, "Customers"),
        customers,
        "the analysis is still shown"
    );
    app.get_by_label("Dismiss").click();
    app.run_steps(3);
    assert!(!shows(&app, "broken.csv"));
}

#[test]
fn a_damaged_session_shows_the_error_and_keeps_the_analysis() {
    let mut app = demo_workbench();
    let run_id = app.state().analysis().unwrap().run_id.clone();
    let personas = app.state().personas().to_vec();

    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("damaged.sis");
    std::fs::write(&damaged, b"PK\x03\x04 this is a zip file, not a session").unwrap();
    app.state_mut().request_open(&damaged);
    app.step();
    wait_idle(&mut app, "opening the damaged session");
    app.run_steps(2);

    assert!(shows(&app, "damaged.sis"), "the error names the file");
    assert!(shows(&app, "not a Strategic Intelligence Stack session"));
    assert_eq!(app.state().analysis().unwrap().run_id, run_id);
    assert_eq!(app.state().personas(), personas.as_slice());
    assert_eq!(app.state().session_path(), None);
    assert!(shows(&app, "Key decisions"), "the Overview is still shown");
}

#[test]
fn the_mapping_screen_edits_roles_with_undo_and_refuses_a_bad_mapping() {
    let mut app = workbench();
    app.state_mut().set_run_config(quick_config());
    app.state_mut().open_table(sis::gui::load_demo().unwrap());
    app.run_steps(3);
    assert!(shows(&app, "Review the columns of marketing_campaign.csv"));
    assert!(shows(&app, "The mapping fits the data"));
    assert!(shows(&app, "First rows"));
    app.check_accessibility();

    // Ignore the deal purchases: discount-addiction risk becomes unavailable, with the reason.
    app.get_by_label("Role of NumDealsPurchases").click();
    app.run_steps(2);
    app.get_by_role_and_label(Role::Button, "Ignore")
        .click_accesskit();
    app.run_steps(3);
    assert!(shows(&app, "missing: deal_purchases"));
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    app.run_steps(3);
    assert!(
        !shows(&app, "missing: deal_purchases"),
        "Ctrl+Z restored the role"
    );

    // A text column as income: the check names the column, row and value; Run is refused.
    app.get_by_label("Role of Education").click();
    app.run_steps(2);
    app.get_by_role_and_label(Role::Button, "Income")
        .click_accesskit();
    app.run_steps(3);
    assert!(shows(
        &app,
        "column \"Education\", row 2: \"Graduation\" is not a number"
    ));
    assert!(
        app.get_by_label("Run segmentation")
            .accesskit_node()
            .is_disabled()
    );
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    app.run_steps(3);

    app.get_by_label("Run segmentation").click();
    app.step();
    wait_idle(&mut app, "the run from the mapping screen");
    assert!(app.state().analysis().is_some());
    assert!(shows(&app, "Key decisions"));
}

/// A table of `n` customers in the demo's schema, values from a fixed pseudo-random stream.
fn synthetic_customers(n: usize) -> RawTable {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move |range: f64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 1_000_000) as f64 / 1_000_000.0 * range
    };
    let mut numeric = |name: &str, range: f64, whole: bool| Column {
        name: name.into(),
        data: ColumnData::Numeric(
            (0..n)
                .map(|_| {
                    let v = next(range);
                    if whole { v.floor() } else { v }
                })
                .collect(),
        ),
    };
    let mut columns = vec![Column {
        name: "ID".into(),
        data: ColumnData::Numeric((0..n).map(|i| i as f64).collect()),
    }];
    for (name, range, whole) in [
        ("Year_Birth", 50.0, true),
        ("Income", 120_000.0, false),
        ("Recency", 100.0, true),
        ("MntWines", 1_500.0, true),
        ("MntMeatProducts", 1_000.0, true),
        ("MntFruits", 200.0, true),
        ("NumDealsPurchases", 10.0, true),
        ("NumWebPurchases", 15.0, true),
        ("NumStorePurchases", 15.0, true),
        ("NumCatalogPurchases", 10.0, true),
    ] {
        columns.push(numeric(name, range, whole));
    }
    if let ColumnData::Numeric(v) = &mut columns[1].data {
        v.iter_mut().for_each(|y| *y += 1945.0);
    }
    RawTable {
        file_name: "synthetic.csv".into(),
        format: SourceFormat::Memory,
        columns,
    }
}

#[test]
fn cancelling_a_long_run_keeps_the_previous_analysis() {
    let mut app = demo_workbench();
    let run_id = app.state().analysis().unwrap().run_id.clone();
    let customers = kpi(&app, "Customers");

    app.state_mut().open_table(synthetic_customers(200_000));
    let mut long = quick_config();
    long.seeds = 40;
    long.k_max = 8;
    app.state_mut().set_run_config(long);
    app.run_steps(3);
    assert!(shows(&app, "Review the columns of synthetic.csv"));
    app.get_by_label("Run segmentation").click();
    step_until(&mut app, "the k sweep to start", |h| {
        shows(h, "Segmenting (k sweep)")
    });
    assert!(app.state().is_busy());
    app.get_by_label("Cancel").click();
    step_until(&mut app, "the run to stop", |h| !h.state().is_busy());

    assert!(shows(&app, "cancelled; the previous analysis is unchanged"));
    assert_eq!(app.state().analysis().unwrap().run_id, run_id);
    app.get_by_label("Back to the analysis").click();
    app.run_steps(3);
    assert_eq!(kpi(&app, "Customers"), customers);
}

/// A file dropped on the window, as the windowing backend hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_shows_an_overlay_then_opens_it() {
    let mut app = demo_workbench();
    let run_id = app.state().analysis().unwrap().run_id.clone();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("dropped.csv");
    std::fs::write(&bad, [0xff, 0x00, 0xfe]).unwrap();

    // The backend reports the hovering file until it is dropped (then clears it).
    app.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(bad.clone()),
        mime: String::new(),
    });
    app.run_steps(2);
    assert!(shows(&app, "Drop to open dropped.csv"));

    app.input_mut().hovered_files.clear();
    app.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(bad.clone())));
    app.step();
    wait_idle(&mut app, "opening the dropped file");
    app.run_steps(2);
    assert!(
        !shows(&app, "Drop to open"),
        "the overlay goes with the file"
    );
    assert!(
        shows(&app, "dropped.csv"),
        "the error names the dropped file"
    );
    assert_eq!(app.state().analysis().unwrap().run_id, run_id);
}
