//! The workbench as a workshop lives it, driven through egui_kittest by accessible labels.

mod gui_support;

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
