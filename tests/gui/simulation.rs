//! The Simulation tab as a workshop drives it, through egui_kittest by accessible labels: a
//! slider changes the shown net impact to the core's value in the same frame, scenarios are
//! saved and compared, undo brings the previous setting back, and the P10–P90 band arrives from
//! the worker with the core's figures once the controls settle.

use crate::support;
use egui::accesskit::Role;

use egui_kittest::kittest::Queryable;
use sis::format::thousands;
use sis::simulate::{BootstrapBlocks, BootstrapSettings, LeverKind, SimulationBase, band};
use support::*;

fn simulation_tab() -> (App, SimulationBase) {
    let mut app = demo_workbench();
    app.get_by_label("Simulation").click();
    app.run_steps(3);
    let base = SimulationBase::from_analysis(app.state().analysis().unwrap()).unwrap();
    (app, base)
}

/// The net impact the core computes for the scenario the workbench edits.
fn core_net(app: &App, base: &SimulationBase) -> f64 {
    app.state().active_scenario().simulate(base).net_impact()
}

/// A budget shift saved as "Workshop A", then a campaign lever on it: Baseline, Scenario 1
/// (the shift) and Workshop A (the shift and the campaign).
fn two_scenarios(app: &mut App) {
    app.get_by_role_and_label(Role::Slider, "Share of budget moved")
        .set_value_accesskit(30.0);
    app.run_steps(2);
    retype(app, "Scenario name", "Workshop A");
    app.get_by_label("Save as new scenario").click();
    app.run_steps(2);
    assert_eq!(app.state().active_scenario().name, "Workshop A");
    app.get_by_role_and_label(Role::Slider, "Share of customers contacted")
        .set_value_accesskit(40.0);
    app.run_steps(2);
}

#[test]
fn moving_a_slider_shows_the_cores_net_impact_in_the_same_frame() {
    let (mut app, base) = simulation_tab();
    assert_eq!(kpi(&app, "Net impact"), 0.0, "the baseline changes nothing");
    app.get_by_role_and_label(Role::Slider, "Share of budget moved")
        .set_value_accesskit(30.0);
    app.step();
    let scenario = app.state().active_scenario().clone();
    assert_eq!(scenario.name, "Scenario 1", "the change started a scenario");
    assert_eq!(scenario.levers.setting(LeverKind::BudgetShift), Some(0.30));
    let core = core_net(&app, &base);
    assert!(core.abs() > 1.0, "the reference shift moves the net impact");
    assert!(
        (kpi(&app, "Net impact") - core).abs() <= 0.5,
        "the frame that moved the slider shows the core's {core}"
    );
    assert!(app.state().window_title().contains("unsaved changes"));
    app.check_accessibility();
}

#[test]
fn two_saved_scenarios_compare_side_by_side() {
    let (mut app, base) = simulation_tab();
    two_scenarios(&mut app);
    let ledger = app.state().scenarios().clone();
    assert_eq!(ledger.names(), vec!["Baseline", "Scenario 1", "Workshop A"]);
    let a = ledger.get("Workshop A").unwrap();
    assert_eq!(a.levers.setting(LeverKind::Campaign), Some(0.40));
    assert_eq!(
        ledger
            .get("Scenario 1")
            .unwrap()
            .levers
            .setting(LeverKind::Campaign),
        None,
        "the saved copy kept its own settings"
    );

    app.get_by_label("Compare scenarios").click();
    app.run_steps(3);
    for scenario in &ledger.scenarios {
        let net = thousands(scenario.simulate(&base).net_impact());
        assert!(
            shows(&app, &net),
            "{} shows its net impact {net}",
            scenario.name
        );
    }
    assert!(
        shows(&app, "* 40.0%"),
        "the campaign lever that differs is marked"
    );
    assert!(shows(&app, "Workshop A (editing)"));
    app.check_accessibility();
}

#[test]
fn undo_brings_back_the_previous_setting_and_its_result() {
    let (mut app, base) = simulation_tab();
    app.get_by_role_and_label(Role::Slider, "Share of budget moved")
        .set_value_accesskit(30.0);
    app.run_steps(2);
    let before = core_net(&app, &base);
    app.get_by_role_and_label(Role::Slider, "Share of budget moved")
        .set_value_accesskit(45.0);
    app.run_steps(2);
    assert_eq!(
        app.state()
            .active_scenario()
            .levers
            .setting(LeverKind::BudgetShift),
        Some(0.45)
    );
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    app.run_steps(3);
    assert_eq!(
        app.state()
            .active_scenario()
            .levers
            .setting(LeverKind::BudgetShift),
        Some(0.30)
    );
    assert!((kpi(&app, "Net impact") - before).abs() <= 0.5);
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    app.run_steps(3);
    assert_eq!(
        app.state()
            .active_scenario()
            .levers
            .setting(LeverKind::BudgetShift),
        Some(0.45)
    );
}

#[test]
fn saved_scenarios_come_back_when_the_session_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.sis");
    let (mut app, base) = simulation_tab();
    two_scenarios(&mut app);
    let ledger = app.state().scenarios().clone();
    assert_eq!(ledger.names(), vec!["Baseline", "Scenario 1", "Workshop A"]);
    save_session_as(&mut app, &path);

    // A fresh window on the saved session: the same ledger, shown on the Compare page.
    let mut again = started_on(path);
    assert_eq!(again.state().scenarios(), &ledger);
    again.get_by_label("Simulation").click();
    again.run_steps(3);
    again.get_by_label("Compare scenarios").click();
    again.run_steps(3);
    for scenario in &ledger.scenarios {
        assert!(shows(&again, &scenario.name), "{} is listed", scenario.name);
        let net = thousands(scenario.simulate(&base).net_impact());
        assert!(
            shows(&again, &net),
            "{} shows its net impact {net}",
            scenario.name
        );
    }
}

#[test]
fn the_band_arrives_once_the_slider_settles_with_the_cores_figures() {
    let (mut app, base) = simulation_tab();
    app.get_by_role_and_label(Role::Slider, "Share of budget moved")
        .set_value_accesskit(30.0);
    app.step();
    assert_eq!(
        app.get_by_label("P10 to P90").value().as_deref(),
        Some("computing…"),
        "no band of other settings is shown"
    );
    let scenario = app.state().active_scenario().clone();
    let settings = BootstrapSettings::default();
    let blocks = BootstrapBlocks::from_analysis(app.state().analysis().unwrap(), &settings)
        .expect("the demo has blocks");
    let expected = band(&base, &blocks, &scenario, &settings);
    let text = format!("{} to {}", thousands(expected.p10), thousands(expected.p90));
    // The band job starts after the settle time and runs on the worker's own smaller pool.
    step_until(&mut app, "the band", |app| {
        app.get_by_label("P10 to P90").value().as_deref() != Some("computing…")
    });
    assert_eq!(app.get_by_label("P10 to P90").value(), Some(text));
    assert!(expected.p10 <= expected.point && expected.point <= expected.p90);
}
