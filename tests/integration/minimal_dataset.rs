//! A dataset from another industry with only id, age, income and a spending score still
//! segments; the marketing insight families say why they are unavailable.

use sis::config::RunConfig;
use sis::features::InsightFamily;
use sis::ingest::{LoadOptions, load_table};
use sis::pipeline::run_analysis;
use sis::progress::Progress;
use sis::roles::{Role, detect_mapping};

fn write_minimal(dir: &std::path::Path) -> std::path::PathBuf {
    let mut csv = String::from("CustomerID,Age,Annual Income (k$),Spending Score (1-100)\n");
    // Three clear groups, deterministic.
    for i in 0..300u32 {
        let group = i % 3;
        let wobble = (i * 7919 % 13) as f64;
        let (age, income, score) = match group {
            0 => (25.0 + wobble, 20.0 + wobble, 80.0 - wobble),
            1 => (45.0 + wobble, 90.0 + wobble, 20.0 + wobble),
            _ => (60.0 + wobble / 2.0, 55.0 + wobble, 50.0 + wobble / 3.0),
        };
        csv.push_str(&format!("{},{age},{income},{score}\n", i + 1));
    }
    let path = dir.join("mall_customers.csv");
    std::fs::write(&path, csv).expect("written");
    path
}

#[test]
fn id_age_income_score_segments_with_families_marked_unavailable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let table = load_table(&write_minimal(dir.path()), &LoadOptions::default()).expect("loads");
    let (mapping, _) = detect_mapping(&table);
    assert_eq!(mapping.role_of("CustomerID"), Role::CustomerId);
    assert_eq!(mapping.role_of("Age"), Role::Age);
    assert_eq!(mapping.role_of("Annual Income (k$)"), Role::Income);
    assert_eq!(mapping.role_of("Spending Score (1-100)"), Role::Measure);
    let a = run_analysis(&table, &mapping, RunConfig::default(), &Progress::silent())
        .expect("segments");
    assert_eq!(
        a.input.names,
        vec!["Income", "Age", "Spending Score (1-100)"]
    );
    assert_eq!(a.segmentation.k, 3, "{}", a.segmentation.k_reason);
    assert_eq!(a.segmentation.order_by, "size");
    for family in [
        InsightFamily::Promotion,
        InsightFamily::Revenue,
        InsightFamily::Channel,
        InsightFamily::Rfm,
    ] {
        let status = a
            .families
            .iter()
            .find(|f| f.family == family)
            .expect("family listed");
        assert!(!status.available, "{family:?}");
        assert!(
            status.reason.starts_with("not available: needs"),
            "{}",
            status.reason
        );
    }
    assert!(
        a.families
            .iter()
            .any(|f| f.family == InsightFamily::Demographics && f.available)
    );
}
