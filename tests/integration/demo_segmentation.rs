//! The analyst's first story: open the real demo dataset and segment it with the defaults.

use sis::config::{KChoice, RunConfig};
use sis::ingest::{LoadOptions, load_table};
use sis::pipeline::{Analysis, run_analysis};
use sis::progress::Progress;
use sis::roles::{Role, detect_mapping};
use sis::table::{ColumnData, RawTable};
use std::path::Path;
use std::sync::OnceLock;

fn demo_table() -> RawTable {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv");
    load_table(&path, &LoadOptions::default()).expect("the demo dataset loads")
}

fn run(config: RunConfig) -> Analysis {
    let table = demo_table();
    let (mapping, _) = detect_mapping(&table);
    run_analysis(&table, &mapping, config, &Progress::silent()).expect("the demo segments")
}

fn demo() -> &'static Analysis {
    static DEMO: OnceLock<Analysis> = OnceLock::new();
    DEMO.get_or_init(|| run(RunConfig::default()))
}

#[test]
fn loads_2240_rows_and_detects_every_role() {
    let table = demo_table();
    assert_eq!(table.n_rows(), 2240);
    assert_eq!(table.columns.len(), 29);
    let (mapping, _) = detect_mapping(&table);
    assert_eq!(mapping.role_of("ID"), Role::CustomerId);
    assert_eq!(mapping.role_of("Year_Birth"), Role::BirthYear);
    assert_eq!(mapping.role_of("Income"), Role::Income);
    assert_eq!(mapping.role_of("Kidhome"), Role::Children);
    assert_eq!(mapping.role_of("Teenhome"), Role::Children);
    assert_eq!(mapping.role_of("Dt_Customer"), Role::JoinDate);
    assert_eq!(mapping.role_of("Recency"), Role::Recency);
    assert_eq!(mapping.spend_columns().len(), 6);
    assert_eq!(mapping.purchase_columns().len(), 3);
    assert_eq!(mapping.role_of("NumDealsPurchases"), Role::DealPurchases);
    assert_eq!(mapping.columns_with(&Role::Campaign).len(), 6);
    assert_eq!(mapping.role_of("NumWebVisitsMonth"), Role::WebVisits);
    assert_eq!(mapping.role_of("Complain"), Role::Complaints);
    assert_eq!(mapping.role_of("Education"), Role::Categorical);
    assert_eq!(mapping.role_of("Marital_Status"), Role::Categorical);
    match &table.column("Dt_Customer").expect("join date column").data {
        ColumnData::Date { .. } => {}
        other => panic!(
            "Dt_Customer should load as dates, got {}",
            other.type_name()
        ),
    }
}

#[test]
fn quality_report_matches_the_known_facts() {
    let q = &demo().quality;
    assert_eq!(q.rows_loaded, 2240);
    let income = q
        .columns
        .iter()
        .find(|c| c.name == "Income")
        .expect("Income profiled");
    assert_eq!(income.missing, 24);
    assert_eq!(income.max, Some(666_666.0));
    let (count, value) = q.imputed("Income").expect("income imputed");
    assert_eq!(count, 24);
    assert!(
        value > 40_000.0 && value < 60_000.0,
        "median income {value}"
    );
    let mut constant = q.constant_columns();
    constant.sort_unstable();
    assert_eq!(constant, vec!["Z_CostContact", "Z_Revenue"]);
    assert_eq!(q.duplicate_customers(), 182);
    assert_eq!(q.customers_kept, 2240 - 182);
    let ages = q
        .actions
        .iter()
        .find_map(|a| match a {
            sis::validate::QualityAction::ReplacedImplausibleAges { count, above, .. } => {
                Some((*count, *above))
            }
            _ => None,
        })
        .expect("implausible ages handled");
    assert_eq!(
        ages,
        (3, 3),
        "birth years 1893, 1899 and 1900 are over 100 at 2014"
    );
    assert!(q.actions.iter().any(|a| matches!(a, sis::validate::QualityAction::CappedOutliers { feature, .. } if feature == "Income")));
}

#[test]
fn features_are_relative_to_the_data() {
    let a = demo();
    let tenure = a.features.get("Tenure_Days").expect("tenure");
    // The latest join date is 2014-06-29, the earliest 2012-07-30: 699 days apart.
    assert_eq!(tenure.iter().copied().fold(f64::INFINITY, f64::min), 0.0);
    assert_eq!(tenure.iter().copied().fold(0.0, f64::max), 699.0);
    let first = a
        .customer_ids
        .iter()
        .position(|id| id == "5524")
        .expect("customer 5524");
    assert_eq!(a.features.get("Monetary").map(|m| m[first]), Some(1617.0));
    assert_eq!(a.features.get("Frequency").map(|m| m[first]), Some(22.0));
    assert_eq!(a.features.get("Age").map(|m| m[first]), Some(57.0));
    // 13 candidates; the 0/1 flag Promo_Responsive and the codes Total_Children (0..3) and
    // Product_Variety (5 values) are held out of the distance.
    assert_eq!(a.input.names.len(), 10, "{:?}", a.input.names);
}

#[test]
fn k_sweep_is_sane_and_the_choice_is_explained() {
    let seg = &demo().segmentation;
    let ks: Vec<usize> = seg.sweep.iter().map(|r| r.k).collect();
    assert_eq!(ks, vec![2, 3, 4, 5, 6, 7, 8]);
    for pair in seg.sweep.windows(2) {
        assert!(
            pair[1].inertia < pair[0].inertia,
            "inertia falls as k grows: {pair:?}"
        );
    }
    for r in &seg.sweep {
        assert!(r.silhouette > 0.0 && r.silhouette < 1.0, "{r:?}");
        assert!(r.calinski_harabasz > 0.0 && r.davies_bouldin > 0.0);
        assert!((0.0..=1.0).contains(&r.stability_mean));
        assert_eq!(
            r.silhouette_sample, 2058,
            "exact silhouette below 10,000 customers"
        );
    }
    let chosen = seg.chosen_report().expect("chosen k in sweep");
    assert!(chosen.smallest_share >= 0.05);
    assert!(
        seg.k_reason
            .starts_with(&format!("k = {}: the stable k in 3..8", seg.k)),
        "{}",
        seg.k_reason
    );
    assert_eq!(seg.sizes.iter().sum::<usize>(), 2058);
    assert_eq!(seg.scaler_comparison.len(), 3);
    assert_eq!(seg.scaler_comparison.iter().filter(|s| s.chosen).count(), 1);
    // Segments are numbered by revenue, descending.
    let revenue = sis::summary::segment_headlines(demo());
    for pair in revenue.windows(2) {
        assert!(pair[0].revenue >= pair[1].revenue);
    }
}

#[test]
fn same_inputs_give_the_same_run_id_and_labels_at_any_thread_count() {
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let config = RunConfig {
        k: KChoice::Fixed(4),
        ..RunConfig::default()
    };
    let a = one.install(|| run(config.clone()));
    let b = two.install(|| run(config.clone()));
    assert_eq!(a.run_id, b.run_id);
    assert_eq!(a.segmentation.labels, b.segmentation.labels);
    assert_eq!(a.segmentation.centroids, b.segmentation.centroids);
    assert_eq!(a.segmentation.sweep, b.segmentation.sweep);
    let other_seed = run(RunConfig { seed: 7, ..config });
    assert_ne!(
        other_seed.run_id, a.run_id,
        "the seed is part of the run id"
    );
}
