//! The mapping screen's roles and Advanced settings are edits of the document, like persona
//! names: each marks the document unsaved, Ctrl+Z takes it back, and the run uses them.

use crate::support;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use sis::config::RunConfig;
use support::*;

/// The demo dataset on the mapping screen with `quick_config`, the Advanced section open.
fn mapping_screen() -> App {
    let mut app = workbench();
    app.state_mut().set_run_config(quick_config());
    app.state_mut().open_table(sis::gui::load_demo().unwrap());
    app.run_steps(3);
    assert!(shows(&app, "Review the columns of marketing_campaign.csv"));
    assert!(!app.state().has_unsaved_changes(), "nothing edited yet");
    app.get_by_label("Advanced").click();
    app.run_steps(3);
    app
}

fn undo(app: &mut App) {
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    app.run_steps(3);
}

fn redo(app: &mut App) {
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    app.run_steps(3);
}

/// Type `text` into the number field labelled `label` and leave it with Enter.
fn retype_number(app: &mut App, label: &str, text: &str) {
    retype_role(app, Role::SpinButton, label, text);
}

#[test]
fn changing_a_setting_marks_the_document_unsaved_and_ctrl_z_reverts_it() {
    let mut app = mapping_screen();
    let quick = quick_config();
    assert!(!app.state().window_title().contains("unsaved changes"));

    retype_number(&mut app, "Seeds per k", "2");
    assert_eq!(app.state().run_config().seeds, 2);
    assert!(app.state().has_unsaved_changes());
    assert!(app.state().window_title().contains("unsaved changes"));
    assert!(shows(&app, "Unsaved changes"), "the status bar says so");

    undo(&mut app);
    assert_eq!(
        app.state().run_config().seeds,
        quick.seeds,
        "Ctrl+Z reverted it"
    );
    redo(&mut app);
    assert_eq!(app.state().run_config().seeds, 2, "Ctrl+Y redid it");

    // A checkbox and the reset button are edits too, one undo step each.
    // Below the fold since the decision range and log rows were added: pressed as a screen
    // reader would.
    app.get_by_label("One-hot encode categories as features")
        .click_accesskit();
    app.run_steps(3);
    assert_eq!(app.state().run_config().one_hot, !quick.one_hot);
    undo(&mut app);
    assert_eq!(app.state().run_config().one_hot, quick.one_hot);
    // Below the fold of the side panel: pressed as a screen reader would.
    app.get_by_label("Reset to defaults").click_accesskit();
    app.run_steps(3);
    assert_eq!(app.state().run_config(), &RunConfig::default());
    undo(&mut app);
    assert_eq!(app.state().run_config().seeds, 2);
    assert_eq!(app.state().run_config().scaler, quick.scaler);

    // The run uses the settings as edited.
    app.get_by_label("Run segmentation").click();
    app.step();
    wait_idle(&mut app, "the run with the edited settings");
    assert_eq!(app.state().analysis().unwrap().config.seeds, 2);
}

#[test]
fn changing_a_role_marks_the_document_unsaved_and_ctrl_z_reverts_it() {
    let mut app = mapping_screen();
    app.get_by_label("Role of Income").click();
    app.run_steps(2);
    app.get_by_role_and_label(Role::Button, "Ignore")
        .click_accesskit();
    app.run_steps(3);
    assert!(app.state().has_unsaved_changes());
    assert!(app.state().window_title().contains("unsaved changes"));
    assert!(
        app.get_by_label("Role of Income")
            .value()
            .is_some_and(|v| v.contains("Ignore"))
            || shows(&app, "changed by you"),
        "the column shows its new role"
    );
    undo(&mut app);
    assert!(!shows(&app, "changed by you"), "Ctrl+Z restored the role");
}
