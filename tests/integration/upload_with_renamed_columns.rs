//! A client's export of the same customers: other header names, semicolons, day-first
//! dates. Detection must map it without help and the segmentation must be the same.

use sis::config::{KChoice, RunConfig};
use sis::ingest::{LoadOptions, load_table};
use sis::pipeline::run_analysis;
use sis::progress::Progress;
use sis::roles::{Role, detect_mapping};
use sis::table::{ColumnData, DateFormat};
use std::path::Path;

const RENAMED: [&str; 29] = [
    "customer_id",
    "birth_year",
    "education",
    "marital status",
    "annual_income",
    "kids",
    "teens",
    "join_date",
    "days_since_last_purchase",
    "wine_spend",
    "fruit_spend",
    "meat_spend",
    "fish_spend",
    "sweet_spend",
    "gold_spend",
    "deal_purchases",
    "web_purchases",
    "catalog_purchases",
    "store_purchases",
    "web_visits",
    "campaign3",
    "campaign4",
    "campaign5",
    "campaign1",
    "campaign2",
    "complaints",
    "cost_contact",
    "z_rev",
    "response",
];

/// Rewrite the demo CSV: renamed headers, `;` delimiter, `DD-MM-YYYY` dates, quoted text.
fn write_variant(dir: &Path) -> std::path::PathBuf {
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv"),
    )
    .expect("demo readable");
    let mut out = String::new();
    out.push_str(&RENAMED.join(";"));
    out.push('\n');
    for line in original.lines().skip(1) {
        let fields: Vec<String> = line
            .split(',')
            .enumerate()
            .map(|(i, f)| match i {
                7 => {
                    let parts: Vec<&str> = f.split('-').collect();
                    format!("{}-{}-{}", parts[2], parts[1], parts[0])
                }
                2 | 3 => format!("\"{f}\""),
                _ => f.to_string(),
            })
            .collect();
        out.push_str(&fields.join(";"));
        out.push('\n');
    }
    let path = dir.join("client_export.csv");
    std::fs::write(&path, out).expect("variant written");
    path
}

#[test]
fn renamed_semicolon_day_first_file_segments_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let variant_path = write_variant(dir.path());
    let variant = load_table(&variant_path, &LoadOptions::default()).expect("variant loads");
    match &variant.column("join_date").expect("join_date").data {
        ColumnData::Date { format, .. } => assert_eq!(*format, DateFormat::DayFirst),
        other => panic!("join_date should be dates, got {}", other.type_name()),
    }
    let (variant_mapping, _) = detect_mapping(&variant);
    assert_eq!(variant_mapping.role_of("customer_id"), Role::CustomerId);
    assert_eq!(variant_mapping.role_of("birth_year"), Role::BirthYear);
    assert_eq!(
        variant_mapping.role_of("wine_spend"),
        Role::Spend("Wine".into())
    );
    assert_eq!(
        variant_mapping.role_of("days_since_last_purchase"),
        Role::Recency
    );
    assert_eq!(variant_mapping.columns_with(&Role::Campaign).len(), 6);

    let original_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv");
    let original = load_table(&original_path, &LoadOptions::default()).expect("demo loads");
    let (original_mapping, _) = detect_mapping(&original);

    let config = RunConfig {
        k: KChoice::Fixed(4),
        ..RunConfig::default()
    };
    let a = run_analysis(
        &original,
        &original_mapping,
        config.clone(),
        &Progress::silent(),
    )
    .expect("original runs");
    let b = run_analysis(&variant, &variant_mapping, config, &Progress::silent())
        .expect("variant runs");
    assert_eq!(a.input.names, b.input.names);
    assert_eq!(a.customer_ids, b.customer_ids);
    assert_eq!(a.segmentation.labels, b.segmentation.labels);
    assert_eq!(a.segmentation.k, b.segmentation.k);
    assert_eq!(a.quality.customers_kept, b.quality.customers_kept);
    assert_ne!(
        a.data_hash, b.data_hash,
        "different files, different data hashes"
    );
}
