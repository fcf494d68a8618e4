//! A workshop saves its work as a `.sis` session and picks it up again later: the same
//! figures, the personas as renamed, the tab and the segments compared; the command line
//! reads the same names.

use crate::support;

use clap::Parser;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use sis::gui::BundleStore;
use sis::gui::Tab;
use sis::gui::Workbench;
use std::sync::Arc;
use support::*;

const KPIS: [&str; 5] = [
    "Customers",
    "Revenue",
    "Average spend",
    "Promo response",
    "Discount-addiction rate",
];

#[test]
fn save_a_session_and_reopen_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sessions");
    let path = folder.join("workshop.sis");
    let dialogs = Arc::new(AnsweredDialogs::new(&path));
    let workbench = || {
        let mut wb = Workbench::for_tests()
            .with_session_store(Arc::new(BundleStore::in_folder(&folder)))
            .with_file_dialogs(dialogs.clone());
        wb.set_run_config(quick_config());
        wb
    };

    let mut app = workbench_with(workbench());
    open_demo(&mut app);
    let kpis: Vec<f64> = KPIS.iter().map(|l| kpi(&app, l)).collect();
    let k = app.state().analysis().unwrap().segmentation.k;

    // Rename a persona, compare the first and last segments, and stay on the Personas tab.
    app.get_by_label("Personas").click();
    app.run_steps(3);
    retype(&mut app, "Persona 1 name", "Big spenders");
    app.get_by_label("Segments").click();
    app.run_steps(2);
    app.get_by_label("Compare two segments").click();
    app.run_steps(3);
    // First the last segment, second the first: the reverse of the default pair.
    let name = |app: &App, s: usize| app.state().personas()[s].display_name().to_string();
    for (combo, segment) in [("First segment", k - 1), ("Second segment", 0)] {
        app.get_by_label(combo).click();
        app.run_steps(2);
        let option = format!("Segment {} · {}", segment + 1, name(&app, segment));
        app.get_by_role_and_label(Role::Button, &option).click();
        app.run_steps(3);
    }
    assert_eq!(app.state().compared_segments(), (k - 1, 0));
    app.get_by_label("Personas").click();
    app.run_steps(3);
    assert!(app.state().window_title().contains("unsaved changes"));

    // Ctrl+S asks where (first save), in the sessions folder, then saves.
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    app.step();
    wait_idle(&mut app, "saving the session");
    app.run_steps(2);
    assert!(path.is_file(), "the session was written");
    assert!(
        !app.state().window_title().contains("unsaved changes"),
        "saving clears the unsaved-changes mark: {}",
        app.state().window_title()
    );
    assert!(app.state().window_title().starts_with("workshop.sis"));
    let asked = dialogs.asked.lock().unwrap().clone();
    assert_eq!(
        asked,
        vec![format!(
            "save marketing_campaign.sis in {}",
            folder.display()
        )]
    );

    // The command line reads the renamed persona from the bundle.
    let cli = sis::cli::Cli::try_parse_from(["sis", "insights", path.to_str().unwrap()]).unwrap();
    let mut out = Vec::new();
    sis::cli::execute(cli.command.unwrap(), &mut out).unwrap();
    assert!(String::from_utf8(out).unwrap().contains("Big spenders"));

    // A later edit marks it unsaved again; Ctrl+S now saves in place without asking.
    retype(
        &mut app,
        "Persona 1 action",
        "Invite them to the wine club.",
    );
    assert!(app.state().window_title().contains("unsaved changes"));
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    app.step();
    wait_idle(&mut app, "saving again");
    app.run_steps(2);
    assert!(!app.state().window_title().contains("unsaved changes"));
    assert_eq!(dialogs.asked.lock().unwrap().len(), 1);

    // A fresh workbench opens it with Ctrl+O: the same state.
    let mut again = workbench_with(workbench());
    again.run_steps(2);
    assert!(shows(&again, "Saved sessions"), "the start screen lists it");
    let customers = sis::format::thousands(kpis[0]);
    assert!(shows(
        &again,
        &format!("marketing_campaign.csv · {customers} customers · {k} segments")
    ));
    again.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    again.step();
    wait_idle(&mut again, "opening the session");
    again.run_steps(3);
    let state = again.state();
    assert_eq!(state.active_tab(), Tab::Personas);
    assert_eq!(state.compared_segments(), (k - 1, 0));
    assert_eq!(state.personas()[0].display_name(), "Big spenders");
    assert_eq!(
        state.personas()[0].display_action(),
        "Invite them to the wine club."
    );
    assert_eq!(state.personas(), app.state().personas());
    assert_eq!(
        state.analysis().unwrap().run_id,
        app.state().analysis().unwrap().run_id
    );
    assert!(!state.has_unsaved_changes());
    assert_eq!(state.session_path(), Some(path.as_path()));
    assert_eq!(
        again.get_by_label("Persona 1 name").value().as_deref(),
        Some("Big spenders")
    );
    again.get_by_label("Overview").click();
    again.run_steps(3);
    let reopened: Vec<f64> = KPIS.iter().map(|l| kpi(&again, l)).collect();
    assert_eq!(reopened, kpis);
    assert!(shows(&again, "Big spenders"));
}

#[test]
fn sis_with_a_session_path_opens_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sis");
    let mut app = demo_workbench();
    let run_id = app.state().analysis().unwrap().run_id.clone();
    let customers = kpi(&app, "Customers");
    save_session_as(&mut app, &path);

    // `sis demo.sis`: the window starts on the session.
    let started = started_on(path.clone());
    assert_eq!(started.state().analysis().unwrap().run_id, run_id);
    assert_eq!(kpi(&started, "Customers"), customers);
    assert!(!started.state().has_unsaved_changes());
    assert_eq!(started.state().active_tab(), Tab::Overview);
}
