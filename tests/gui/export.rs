//! A workshop hands out its results: on the Export tab the PDF report is written on the
//! worker into the chosen folder (a file lopdf reads, with the chosen paper), Ctrl+E does the
//! same, Open folder follows, and the scored customers, the manifest and the scoring SQL are
//! written beside it.

use crate::support;

use egui_kittest::kittest::Queryable;
use sis::gui::{Command, Workbench};
use support::*;

#[test]
fn the_export_tab_writes_the_report_and_the_data_exports() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("handout");

    let mut wb = Workbench::for_tests();
    let why = wb.availability(Command::ExportPdf).unwrap_err();
    assert!(why.contains("Run a segmentation first"), "{why}");
    wb.set_run_config(quick_config());
    let mut app = workbench_with(wb);
    open_demo(&mut app);
    assert!(
        app.state().availability(Command::ExportPdf).is_ok(),
        "Ctrl+E is enabled once an analysis is open"
    );

    app.get_by_label("Export").click();
    app.run_steps(3);
    assert!(shows(&app, "PDF report"));
    retype_field(&mut app, "Export folder", folder.to_str().unwrap());
    retype_field(&mut app, "Report file name", "workshop");
    app.get_by_label("Letter").click();
    app.run_steps(2);
    app.get_by_label("Export PDF").click();
    app.step();
    assert!(app.state().is_busy(), "the report is written on the worker");
    wait_idle(&mut app, "the PDF export");
    app.run_steps(2);

    let pdf = folder.join("workshop.pdf");
    let bytes = std::fs::read(&pdf).expect("the report was written");
    let doc = lopdf::Document::load_mem(&bytes).expect("the report parses");
    assert!(
        doc.get_pages().len() >= 6,
        "{} pages",
        doc.get_pages().len()
    );
    let (_, first) = doc.get_pages().into_iter().next().unwrap();
    let media = doc.get_dictionary(first).unwrap().get(b"MediaBox").unwrap();
    let width = media.as_array().unwrap()[2].as_float().unwrap();
    assert_eq!(width, 612.0, "Letter paper");
    assert!(shows(&app, "Saved the PDF report to"));
    assert!(shows(&app, "Open folder"));
    let left: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left");

    // Ctrl+E exports again with the same choices: the same bytes.
    std::fs::remove_file(&pdf).unwrap();
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    app.step();
    wait_idle(&mut app, "the PDF export by Ctrl+E");
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes);

    // The data exports sit on the same tab.
    app.get_by_label("XLSX").click();
    app.run_steps(2);
    for button in [
        "Export scored customers",
        "Export manifest",
        "Export scoring SQL",
    ] {
        // Below the fold of the window: the accessibility click needs no scrolling.
        app.get_by_label(button).click_accesskit();
        app.step();
        wait_idle(&mut app, button);
        app.run_steps(2);
    }
    let xlsx = std::fs::read(folder.join("marketing_campaign_customers.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"));
    let manifest =
        std::fs::read_to_string(folder.join("marketing_campaign_manifest.json")).unwrap();
    let run_id = &app.state().analysis().unwrap().run_id;
    assert!(
        manifest.contains(run_id.as_str()),
        "the manifest names the run"
    );
    let sql = std::fs::read_to_string(folder.join("marketing_campaign_scoring.sql")).unwrap();
    assert!(sql.starts_with("-- sis scoring query"));
    assert!(sql.contains("customers"));
}
