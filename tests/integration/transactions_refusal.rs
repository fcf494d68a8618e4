//! A table whose customer ids repeat is never cut silently to its first row per id: order
//! lines are aggregated, anything else with many repeats is refused with advice, and a few
//! duplicate customer rows keep today's handling (first row kept, counted).

use crate::common::sis_in_process as sis;
use sis::config::RunConfig;
use sis::ingest::{LoadOptions, load_table};
use sis::pipeline::run_analysis;
use sis::progress::Progress;
use sis::roles::{DatasetKind, REPEAT_SHARE, detect_dataset, detect_mapping};
use sis::transactions::{TransactionError, prepare_customers};
use sis::validate::QualityAction;
use std::path::Path;

/// 60 customers × 12 months: spend and visits per customer per month.
fn write_monthly(dir: &Path) -> std::path::PathBuf {
    let mut csv = String::from("CustomerID,Month,Spend,Visits\n");
    for month in 1..=12u32 {
        for id in 1..=60u32 {
            let spend = f64::from((id * 37 + month * 11) % 90) + 0.5;
            csv.push_str(&format!(
                "{id},2023-{month:02}-01,{spend},{}\n",
                (id + month) % 7
            ));
        }
    }
    let path = dir.join("monthly.csv");
    std::fs::write(&path, csv).expect("written");
    path
}

#[test]
fn a_row_per_customer_per_month_is_refused_with_advice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_monthly(dir.path());
    let table = load_table(&path, &LoadOptions::default()).expect("loads");
    let d = detect_dataset(&table);
    assert_eq!(d.kind, DatasetKind::RepeatedIds);
    let err = prepare_customers(&table, &d.mapping).expect_err("refused");
    assert!(matches!(
        err,
        TransactionError::RepeatedIds {
            rows: 720,
            distinct: 60,
            ..
        }
    ));

    let (code, out, message) = sis(&["run", path.to_str().expect("utf-8"), "--quiet"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.is_empty(), "no analysis printed: {out}");
    assert!(
        message.starts_with(
            "monthly.csv: the customer ids in \"CustomerID\" repeat: 720 rows hold 60 customers (12.0 rows per customer)"
        ),
        "{message}"
    );
    assert!(
        message.contains("otherwise aggregate the file to one row per customer"),
        "{message}"
    );

    let (code, out, _) = sis(&["detect", path.to_str().expect("utf-8")]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# Dataset kind: repeated ids"), "{out}");
}

#[test]
fn a_few_duplicate_customer_rows_keep_the_first_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut csv = String::from("CustomerID,Age,Income,Spend\n");
    for id in 1..=100u32 {
        csv.push_str(&format!(
            "{id},{},{},{}\n",
            20 + id % 50,
            1000 * (id % 17),
            id % 23
        ));
    }
    // Two rows repeat an earlier id: 2% of the rows, under the threshold.
    csv.push_str("5,40,2000,3\n7,41,3000,4\n");
    const { assert!(2.0 / 102.0 <= REPEAT_SHARE) };
    let path = dir.path().join("customers.csv");
    std::fs::write(&path, csv).expect("written");
    let table = load_table(&path, &LoadOptions::default()).expect("loads");
    let d = detect_dataset(&table);
    assert_eq!(d.kind, DatasetKind::Customers);
    let (mapping, _) = detect_mapping(&table);
    let prepared = prepare_customers(&table, &mapping).expect("passes through");
    assert_eq!(prepared.kind, DatasetKind::Customers);
    assert!(prepared.actions.is_empty());
    let config = RunConfig {
        k: sis::config::KChoice::Fixed(2),
        ..RunConfig::default()
    };
    let a = run_analysis(
        &prepared.table,
        &prepared.mapping,
        config,
        &Progress::silent(),
    )
    .expect("segments");
    assert!(
        a.quality
            .actions
            .contains(&QualityAction::DroppedRepeatedIds {
                column: "CustomerID".into(),
                count: 2
            })
    );
    assert_eq!(a.quality.customers_kept, 100);
}

#[test]
fn sis_detect_names_order_lines_as_transactions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lines.csv");
    let mut csv = String::from("InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n");
    for i in 0..40u32 {
        csv.push_str(&format!(
            "{},{},2024-01-{:02},{},{}.5\n",
            1000 + i / 2,
            1 + i % 5,
            1 + i % 28,
            1 + i % 3,
            i % 9
        ));
    }
    std::fs::write(&path, csv).expect("written");
    let (code, out, message) = sis(&["detect", path.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{message}");
    assert!(out.starts_with("# Dataset kind: transactions"), "{out}");
    assert!(out.contains("\"InvoiceNo\" = \"order_id\""), "{out}");
    assert!(out.contains("\"UnitPrice\" = \"unit_price\""), "{out}");
}
