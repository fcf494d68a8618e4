//! The workbench as a workshop lives it, driven through egui_kittest by accessible labels.

mod gui_support;

use egui_kittest::kittest::{NodeT, Queryable};
use gui_support::*;
use sis::config::RunConfig;
use sis::features::{build_features, names};
use sis::validate::validate;

#[test]
fn open_the_demo_and_read_the_kpis_against_the_core() {
    let mut app = workbench();
    open_demo(&mut app);
    app.run_steps(2);

    // The core's own numbers for the same file, mapping and (default) settings.
    let table = sis::gui::demo_loader::load_demo().unwrap();
    let (mapping, _) = sis::roles::detect_mapping(&table);
    let config = RunConfig::default();
    let run_id = sis::run_id::run_id(&table.content_hash(), &mapping, &config);
    assert_eq!(app.state().analysis().unwrap().run_id, run_id);
    let valid = config.validate().unwrap();
    let (clean, _) = validate(&table, &mapping, &valid).unwrap();
    let (features, _) = build_features(&clean, &valid);
    let customers = features.customers() as f64;
    let revenue: f64 = features.get(names::MONETARY).unwrap().iter().sum();
    let share = |name: &str| 100.0 * features.get(name).unwrap().iter().sum::<f64>() / customers;

    assert_eq!(kpi(&app, "Customers"), customers);
    assert!((kpi(&app, "Revenue") - revenue).abs() <= 0.5);
    assert!((kpi(&app, "Average spend") - revenue / customers).abs() <= 0.05);
    assert!((kpi(&app, "Promo response") - share(names::PROMO_RESPONSIVE)).abs() <= 0.05);
    assert!((kpi(&app, "Discount-addiction rate") - share(names::DISCOUNT_ADDICTED)).abs() <= 0.05);
    assert!(shows(&app, "Key decisions"));
    assert!(shows(&app, "Why this many segments"));
}

#[test]
fn every_tab_opens_by_click_and_by_shortcut() {
    let mut app = demo_workbench();
    let tabs = [
        ("Segments", "Segment table"),
        ("Personas", "Persona cards"),
        ("Simulation", "Simulation is not available yet"),
        ("Data", "Data quality"),
        ("Export", "Export is not available yet"),
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
        (egui::Key::Num4, "Simulation is not available yet"),
        (egui::Key::Num5, "Data quality"),
        (egui::Key::Num6, "Export is not available yet"),
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
    app.get_by_label("Personas").click();
    app.run_steps(3);
    let top = app.state().analysis().unwrap().segmentation.k;
    assert!(top >= 2);
    app.get_by_label("Persona 1 name").click();
    app.run_steps(2);
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.step();
    app.get_by_label("Persona 1 name").type_text("Big spenders");
    app.step();
    app.key_press(egui::Key::Enter);
    app.run_steps(3);
    assert!(app.state().window_title().contains("unsaved changes"));

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
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    app.run_steps(3);
    assert!(shows(&app, "Big spenders"), "Ctrl+Y redid the rename");
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

    use sis::gui::command::Command;
    let why = app.state().availability(Command::Save).unwrap_err();
    assert!(why.contains("session module"), "{why}");
    let why = app.state().availability(Command::ExportPdf).unwrap_err();
    assert!(why.contains("export module"), "{why}");
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
    assert!(save.accesskit_node().is_disabled());
    assert!(
        save.accesskit_node()
            .label()
            .unwrap_or_default()
            .ends_with("+S")
    );
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
        app.get_by_label("Open session…")
            .accesskit_node()
            .is_disabled(),
        "sessions wait for the session module"
    );
    assert!(shows(&app, "Recent files"));
    assert!(shows(&app, "or drop a CSV, Parquet, XLSX or .sis file"));
    // No analysis yet: the tabs and presentation mode are not offered.
    assert!(app.query_by_label("Overview").is_none());
    assert!(app.get_by_label("▶ Present").accesskit_node().is_disabled());
    app.check_accessibility();
}
