//! An analyst opens an order-line export (the CDNOW log): the column review offers it as a
//! transactions dataset with the order-line roles, and the run segments the customers
//! aggregated from it, with the model CLV beside the features.

use crate::support;

use egui_kittest::kittest::{NodeT, Queryable};
use sis::ingest::{LoadOptions, load_table};
use support::*;

fn cdnow() -> sis::table::RawTable {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/cdnow_sample.txt");
    load_table(std::path::Path::new(path), &LoadOptions::default()).expect("loads")
}

#[test]
fn order_lines_are_offered_as_transactions_and_run_as_customers() {
    let mut app = workbench();
    app.state_mut().set_run_config(quick_config());
    app.state_mut().open_table(cdnow());
    app.run_steps(3);
    assert!(shows(&app, "Review the columns of cdnow_sample.txt"));
    assert!(shows(&app, "Order lines (a transactions dataset)"));
    for label in [
        "Customer id: column_1",
        "Order date: column_3",
        "Quantity: column_4",
        "Line amount: column_5",
        "Order id: not mapped",
        "Country: not mapped",
    ] {
        assert!(shows(&app, label), "the review lists {label}");
    }
    // The roles stay editable in the grid.
    app.get_by_label("Role of column_4").click();
    app.run_steps(2);
    assert!(
        app.query_by_label("Product category").is_some(),
        "the combo offers the order-line roles"
    );
    app.key_press(egui::Key::Escape);
    app.run_steps(2);
    app.get_by_label("Run segmentation").click();
    app.step();
    wait_idle(&mut app, "the order-line run");
    let analysis = app.state().analysis().expect("an analysis");
    assert_eq!(analysis.customer_ids.len(), 2357);
    assert!(
        analysis.features.get("Model_CLV").is_some(),
        "model CLV fitted"
    );
    // The RFM groups and the model CLV sit beside the segments.
    app.get_by_label("Segments").click();
    app.run_steps(2);
    app.get_by_label("RFM and CLV").click();
    app.run_steps(3);
    assert!(shows(&app, "RFM groups × segments"));
    assert!(
        app.query_by_label("Champions").is_some(),
        "an RFM group row"
    );
    assert!(shows(
        &app,
        "Customer lifetime value (BG/NBD + Gamma-Gamma)"
    ));
    assert!(
        app.query_by_label("All customers").is_some(),
        "the CLV table"
    );
    app.check_accessibility();
}

/// The core's calibration chart of the CDNOW log at `cutoff` (`YYYY-MM-DD`).
fn core_chart(cutoff: &str) -> sis::charts::CalibrationChart {
    let table = cdnow();
    let detected = sis::roles::detect_dataset(&table);
    let prepared = sis::transactions::prepare_customers(&table, &detected.mapping).expect("lines");
    let log = prepared.purchase_log().expect("dated purchases");
    let day = sis::ingest::parse_date(cutoff, sis::table::DateFormat::Iso).expect("a date");
    let check = log.calibration(day).expect("the check runs");
    sis::charts::CalibrationChart::from_check(&check, day, log.last_day)
}

/// The page shows the core's chart: its cutoff, every bucket's means and the trust sentence.
fn assert_shows_core_chart(app: &App, cutoff: &str) {
    let chart = core_chart(cutoff);
    assert_eq!(chart.cutoff, cutoff);
    assert!(
        app.query_by_label(&chart.trust).is_some(),
        "the trust sentence: {}",
        chart.trust
    );
    for b in &chart.buckets {
        for value in [b.actual, b.predicted] {
            let text = format!("{value:.3}");
            assert!(
                app.query_all_by_label(&text).next().is_some(),
                "bucket {} shows {text}",
                b.label
            );
        }
    }
}

#[test]
fn the_calibration_chart_follows_the_cutoff_and_shows_the_cores_numbers() {
    // Tall enough that the whole RFM and CLV page is on screen.
    let mut app = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1440.0, 1800.0))
        .build_eframe(|_cc| sis::gui::Workbench::for_tests());
    app.state_mut().set_run_config(quick_config());
    app.state_mut().open_table(cdnow());
    app.run_steps(3);
    app.get_by_label("Run segmentation").click();
    app.step();
    wait_idle(&mut app, "the order-line run");
    app.get_by_label("Segments").click();
    app.run_steps(2);
    app.get_by_label("RFM and CLV").click();
    app.run_steps(2);
    assert!(shows(&app, "Calibration/holdout check of the CLV model"));
    // The default cutoff is the log's middle day, as `sis insights --cutoff` without a date.
    assert_eq!(
        app.get_by_label("Calibration cutoff").value().as_deref(),
        Some("1997-09-30")
    );
    step_until(&mut app, "the check at the default cutoff", |a| {
        shows(a, "Fitted through 1997-09-30, holdout to 1998-06-30")
    });
    assert_shows_core_chart(&app, "1997-09-30");
    retype(&mut app, "Calibration cutoff", "1997-12-31");
    step_until(&mut app, "the check at the new cutoff", |a| {
        shows(a, "Fitted through 1997-12-31, holdout to 1998-06-30")
    });
    assert_shows_core_chart(&app, "1997-12-31");
    app.check_accessibility();
}

#[test]
fn the_calibration_check_is_disabled_with_its_reason_for_a_customer_table() {
    let mut app = demo_workbench();
    app.get_by_label("Segments").click();
    app.run_steps(2);
    app.get_by_label("RFM and CLV").click();
    app.run_steps(2);
    assert!(shows(
        &app,
        "Not available: the check needs order lines with dates"
    ));
    assert!(
        app.get_by_label("Calibration cutoff")
            .accesskit_node()
            .is_disabled()
    );
}
