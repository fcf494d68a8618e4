//! A workshop asks "show me another number of segments": in Choice of k, one click switches
//! the whole analysis to the sweep's run at that k (no re-run), the KPIs stay, the segments,
//! persona names and decisions become the core's for that k, and Ctrl+Z goes back.

use crate::support;

use egui_kittest::kittest::Queryable;
use support::*;

fn names(analysis: &sis::pipeline::Analysis) -> Vec<String> {
    analysis
        .personas
        .iter()
        .map(|p| p.display_name().to_string())
        .collect()
}

#[test]
fn switching_k_in_choice_of_k_changes_everything_but_the_kpis_and_undoes() {
    let mut app = demo_workbench();
    app.run_steps(2);
    let before = app.state().analysis().unwrap().clone();
    let rule_k = before.segmentation.k;
    let other = before
        .segmentation
        .switchable()
        .into_iter()
        .find(|&k| k != rule_k && k >= 3)
        .expect("the sweep kept another k");
    let customers = kpi(&app, "Customers");
    let revenue = kpi(&app, "Revenue");
    // The core's own answer for that k.
    let mut core = before.clone();
    assert!(core.switch_k(other));

    app.get_by_label("Segments").click();
    app.run_steps(2);
    app.get_by_label("Choice of k").click();
    app.run_steps(3);
    assert!(shows(&app, &before.segmentation.k_reason));
    assert!(shows(&app, "Stability"), "stability beside silhouette");
    app.get_by_label(&format!("k = {other}")).click();
    app.run_steps(3);
    let shown = app.state().analysis().unwrap();
    assert_eq!(shown.segmentation.k, other);
    assert_eq!(shown.segmentation.labels, core.segmentation.labels);

    app.get_by_label("Overview").click();
    app.run_steps(3);
    assert!(shows(&app, &format!("{other} segments among")));
    assert_eq!(kpi(&app, "Customers"), customers, "the KPI cards stay");
    assert_eq!(kpi(&app, "Revenue"), revenue);
    for name in names(&core) {
        assert!(
            shows(&app, &name),
            "the Overview names {name:?} at k = {other}"
        );
    }
    for d in core.decisions() {
        assert!(shows(&app, &d.text), "the banner shows {:?}", d.text);
    }

    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    app.run_steps(3);
    assert_eq!(app.state().analysis().unwrap().segmentation.k, rule_k);
    assert!(shows(&app, &format!("{rule_k} segments among")));
    for name in names(&before) {
        assert!(shows(&app, &name), "Ctrl+Z brought back {name:?}");
    }
}

#[test]
fn switching_back_to_a_k_brings_back_its_persona_edits() {
    let mut app = demo_workbench();
    app.run_steps(2);
    let rule_k = app.state().analysis().unwrap().segmentation.k;
    let other = app
        .state()
        .analysis()
        .unwrap()
        .segmentation
        .switchable()
        .into_iter()
        .find(|&k| k != rule_k && k >= 3)
        .expect("the sweep kept another k");
    app.get_by_label("Personas").click();
    app.run_steps(3);
    retype(&mut app, "Persona 1 name", "Clientes Fiéis");
    let switch = move |app: &mut App, k: usize| {
        let label = if k == rule_k {
            format!("k = {k} (rule)")
        } else {
            format!("k = {k}")
        };
        app.get_by_label("Segments").click();
        app.run_steps(2);
        // The sub-tab (the first match; the page's own heading says the same once open).
        app.query_all_by_label("Choice of k")
            .next()
            .expect("the Choice of k sub-tab")
            .click();
        app.run_steps(3);
        app.get_by_label(&label).click();
        app.run_steps(3);
        assert_eq!(app.state().analysis().unwrap().segmentation.k, k);
    };
    switch(&mut app, other);
    assert_ne!(app.state().personas()[0].display_name(), "Clientes Fiéis");
    // Back by a click (not Ctrl+Z): the rename made at that k is there again.
    switch(&mut app, rule_k);
    assert_eq!(app.state().personas()[0].display_name(), "Clientes Fiéis");
    // Ctrl+Z undoes the switch back, Ctrl+Z again the switch away: still the rename.
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    app.run_steps(3);
    assert_eq!(app.state().analysis().unwrap().segmentation.k, other);
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    app.run_steps(3);
    assert_eq!(app.state().analysis().unwrap().segmentation.k, rule_k);
    assert_eq!(app.state().personas()[0].display_name(), "Clientes Fiéis");
}
