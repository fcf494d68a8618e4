//! The workbench as a workshop lives it, driven through egui_kittest by accessible labels.

use crate::support;

use egui_kittest::kittest::{NodeT, Queryable};
use sis::pipeline::run_analysis;
use sis::progress::Progress;
use support::*;

#[test]
fn open_the_demo_and_read_the_kpis_against_the_core() {
    let mut app = demo_workbench();
    app.run_steps(2);

    // The core's own run on the same file, with the detected mapping and the same settings.
    let table = sis::gui::load_demo().unwrap();
    let (mapping, _) = sis::roles::detect_mapping(&table);
    let core = run_analysis(&table, &mapping, quick_config(), &Progress::silent()).unwrap();
    assert_eq!(app.state().analysis().unwrap().run_id, core.run_id);
    let k = &core.insights.kpis;
    let figure = |a: &sis::insights::Availability<f64>| *a.get().unwrap();

    assert_eq!(kpi(&app, "Customers"), k.customers as f64);
    assert!((kpi(&app, "Revenue") - figure(&k.total_revenue)).abs() <= 0.5);
    assert!((kpi(&app, "Average spend") - figure(&k.avg_spend_per_customer)).abs() <= 0.05);
    assert!((kpi(&app, "Promo response") - figure(&k.promo_response_pct)).abs() <= 0.05);
    assert!(
        (kpi(&app, "Discount-addiction rate") - figure(&k.discount_addicted_pct)).abs() <= 0.05
    );

    // The decision banner is the core's decisions, the segment list the core's personas.
    assert!(shows(&app, "Key decisions"));
    let decisions = core.decisions();
    assert!(decisions.len() >= 3, "the demo supports several decisions");
    for d in &decisions {
        assert!(shows(&app, &d.text), "the banner shows {:?}", d.text);
    }
    for p in &core.personas {
        assert!(
            shows(&app, &p.label.name),
            "the Overview names persona {:?}",
            p.label.name
        );
    }
    assert!(shows(&app, "Why this many segments"));
}

#[test]
fn every_tab_opens_by_click_and_by_shortcut() {
    let mut app = demo_workbench();
    let tabs = [
        ("Segments", "Segment table"),
        ("Personas", "Persona cards"),
        ("Simulation", "Scenario being edited"),
        ("Data", "Data quality"),
        ("Export", "Export the analysis"),
        ("Overview", "Key decisions"),
    ];
    for (tab, content) in tabs {
        app.get_by_label(tab).click();
        app.run_steps(3);
        assert!(shows(&app, content), "the {tab} tab shows {content:?}");
        app.check_accessibility();
    }
    for page in [
        "Customer map",
        "Choice of k",
        "Compare two segments",
        "Table and profiles",
    ] {
        app.get_by_label("Segments").click();
        app.run_steps(2);
        app.get_by_label(page).click();
        app.run_steps(3);
        app.check_accessibility();
    }
    assert!(shows(&app, "Profile heatmap"));
    // Ctrl+1…6 switch tabs too.
    for (key, content) in [
        (egui::Key::Num2, "Segment table"),
        (egui::Key::Num3, "Persona cards"),
        (egui::Key::Num4, "Scenario being edited"),
        (egui::Key::Num5, "Data quality"),
        (egui::Key::Num6, "Export the analysis"),
        (egui::Key::Num1, "Key decisions"),
    ] {
        app.key_press_modifiers(egui::Modifiers::COMMAND, key);
        app.run_steps(3);
        assert!(shows(&app, content), "Ctrl+{key:?} shows {content:?}");
    }
}

#[test]
fn renaming_a_persona_shows_on_the_overview_and_undoes() {
    let mut app = demo_workbench();
    assert!(!shows(&app, "Big spenders"));
    let suggested = app.state().personas()[0].label.name.clone();
    app.get_by_label("Personas").click();
    app.run_steps(3);
    assert!(shows(&app, "Persona cards"));
    for p in app.state().personas() {
        assert!(!p.traits.is_empty(), "persona {} has traits", p.segment + 1);
        assert!(
            shows(&app, &p.traits[0]),
            "the card shows the core's traits"
        );
    }
    retype(&mut app, "Persona 1 name", "Big spenders");
    assert!(app.state().window_title().contains("unsaved changes"));
    assert_eq!(app.state().personas()[0].display_name(), "Big spenders");
    assert_eq!(
        app.state().personas()[0].label.name,
        suggested,
        "the suggestion stays"
    );

    app.get_by_label("Overview").click();
    app.run_steps(3);
    assert!(
        shows(&app, "Big spenders"),
        "the new name is on the Overview"
    );

    // One undo step for the whole typing, then redo.
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    app.run_steps(3);
    assert!(!shows(&app, "Big spenders"), "Ctrl+Z undid the rename");
    assert!(shows(&app, &suggested));
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    app.run_steps(3);
    assert!(shows(&app, "Big spenders"), "Ctrl+Y redid the rename");
}

#[test]
fn a_name_already_taken_is_refused_with_the_reason() {
    let mut app = demo_workbench();
    let first = app.state().personas()[0].label.name.clone();
    app.get_by_label("Personas").click();
    app.run_steps(3);
    retype(&mut app, "Persona 2 action", "Call them this week.");
    assert_eq!(
        app.state().personas()[1].display_action(),
        "Call them this week."
    );
    app.get_by_label("Persona 2 name").click();
    app.run_steps(2);
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.step();
    app.get_by_label("Persona 2 name").type_text(&first);
    app.run_steps(3);
    assert!(
        shows(&app, &format!("segment 1 is already called \"{first}\"")),
        "the card says why the name was refused"
    );
    assert_ne!(app.state().personas()[1].display_name(), first);
}

#[test]
fn presentation_mode_steps_through_the_slides() {
    let mut app = demo_workbench();
    let personas = app.state().analysis().unwrap().segmentation.k;
    let slides = 3 + personas;
    app.key_press(egui::Key::F11);
    app.run_steps(3);
    assert!(app.state().is_presenting());
    assert!(shows(&app, &format!("Slide 1 of {slides} · Overview")));
    assert!(
        app.query_by_label("Segments").is_none(),
        "the tab bar is hidden"
    );
    assert!(
        app.query_by_label("File").is_none(),
        "the menu bar is hidden"
    );

    app.key_press(egui::Key::ArrowRight);
    app.run_steps(3);
    assert!(shows(&app, &format!("Slide 2 of {slides} · Segments")));
    assert!(shows(&app, "Profile heatmap"));
    for p in 1..=personas {
        app.key_press(egui::Key::ArrowRight);
        app.run_steps(3);
        assert!(shows(
            &app,
            &format!("Slide {} of {slides} · Persona {p}", p + 2)
        ));
        assert!(
            app.query_by_label(&format!("Persona {p} name")).is_none(),
            "no editing controls on slides"
        );
    }
    app.key_press(egui::Key::ArrowRight);
    app.run_steps(3);
    assert!(shows(
        &app,
        &format!("Slide {slides} of {slides} · Simulation")
    ));
    app.key_press(egui::Key::ArrowRight);
    app.run_steps(3);
    assert!(
        shows(&app, &format!("Slide {slides} of {slides}")),
        "the last slide stays"
    );
    app.key_press(egui::Key::ArrowLeft);
    app.run_steps(3);
    assert!(shows(&app, &format!("Slide {} of {slides}", slides - 1)));
    // The footer buttons step too, and the arrow keys keep working after a click.
    app.get_by_label("◀ Previous slide").click();
    app.run_steps(3);
    assert!(shows(&app, &format!("Slide {} of {slides}", slides - 2)));
    app.key_press(egui::Key::ArrowRight);
    app.run_steps(3);
    assert!(shows(&app, &format!("Slide {} of {slides}", slides - 1)));

    app.key_press(egui::Key::Escape);
    app.run_steps(3);
    assert!(!app.state().is_presenting());
    assert!(
        app.query_by_label("Segments").is_some(),
        "the tabs are back"
    );

    // The toolbar button does the same as F11.
    app.get_by_label("▶ Present").click();
    app.run_steps(3);
    assert!(app.state().is_presenting());
    app.get_by_label("Leave presentation").click();
    app.run_steps(3);
    assert!(!app.state().is_presenting());
}

#[test]
fn theme_switch_and_disabled_commands_say_why() {
    let mut app = demo_workbench();
    assert_eq!(app.ctx.theme(), egui::Theme::Dark);
    app.get_by_label("Light theme").click();
    app.run_steps(3);
    assert_eq!(app.ctx.theme(), egui::Theme::Light);
    app.get_by_label("Dark theme").click();
    app.run_steps(3);
    assert_eq!(app.ctx.theme(), egui::Theme::Dark);

    use sis::gui::Command;
    assert!(app.state().availability(Command::Save).is_ok());
    // The PDF export is ready with an analysis (tests/gui/export.rs exports it).
    assert!(app.state().availability(Command::ExportPdf).is_ok());
    let why = app.state().availability(Command::Undo).unwrap_err();
    assert!(why.contains("Nothing to undo"), "{why}");
    app.get_by_label("File").click();
    app.run_steps(2);
    // Menu items carry their shortcut in their accessible name: "Save session Ctrl+S".
    let save = app
        .query_all_by_label_contains("Save session")
        .find(|n| {
            !n.accesskit_node()
                .label()
                .unwrap_or_default()
                .contains(" as")
        })
        .expect("a Save session menu item");
    assert!(!save.accesskit_node().is_disabled());
    assert!(
        save.accesskit_node()
            .label()
            .unwrap_or_default()
            .ends_with("+S")
    );
    let export = app
        .query_all_by_label_contains("Export PDF report")
        .next()
        .expect("an Export PDF menu item");
    assert!(!export.accesskit_node().is_disabled(), "Ctrl+E is ready");
    assert!(
        !app.get_by_label("Open demo dataset")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut app = demo_workbench();
    assert!(app.state().has_unsaved_changes());
    app.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    app.run_steps(3);
    assert!(shows(&app, "Close with unsaved changes?"));
    app.get_by_label("Keep working").click();
    app.run_steps(3);
    assert!(!shows(&app, "Close with unsaved changes?"));
    assert!(app.state().analysis().is_some());
}

#[test]
fn the_start_screen_offers_demo_dataset_session_and_recent_files() {
    let mut app = workbench();
    app.run_steps(2);
    assert!(shows(&app, "Strategic Intelligence Stack"));
    assert!(
        !app.get_by_label("Open demo dataset")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        !app.get_by_label("Open dataset…")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        !app.get_by_label("Open session…")
            .accesskit_node()
            .is_disabled()
    );
    assert!(shows(&app, "Recent files"));
    assert!(shows(&app, "or drop a CSV, Parquet, XLSX or .sis file"));
    // No analysis yet: the tabs and presentation mode are not offered.
    assert!(app.query_by_label("Overview").is_none());
    assert!(app.get_by_label("▶ Present").accesskit_node().is_disabled());
    app.check_accessibility();
}

#[test]
fn sis_with_a_dataset_path_opens_its_columns_for_review() {
    let open = Some(sis::gui::demo_path());
    let mut app = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |cc| sis::gui::Workbench::new(cc, sis::gui::StartOptions { open }));
    app.step();
    wait_idle(&mut app, "loading the dataset given on the command line");
    app.run_steps(2);
    assert!(shows(&app, "Review the columns of marketing_campaign.csv"));
    assert!(
        app.state().analysis().is_none(),
        "nothing runs before the review"
    );
}
