//! An analyst opens an order-line export (the CDNOW log): the column review offers it as a
//! transactions dataset with the order-line roles, and the run segments the customers
//! aggregated from it, with the model CLV beside the features.

use crate::support;

use egui_kittest::kittest::Queryable;
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
