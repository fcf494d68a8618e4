//! The CDNOW order log (no header, aligned with spaces, dates as YYYYMMDD) reads, aggregates
//! to its 2,357 customers and runs end to end. The file is the copy shipped with the
//! MIT-licensed `lifetimes` package (`lifetimes/datasets/CDNOW_sample.txt`); see
//! `/work/shared/data/README.md`.

use clap::Parser;
use sis::cli::{Cli, execute};
use sis::ingest::{LoadOptions, load_table};
use sis::roles::{DatasetKind, Role, detect_dataset};
use sis::table::{ColumnData, DateFormat, RawTable};
use sis::transactions::prepare_customers;
use std::path::PathBuf;

fn cdnow_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/cdnow_sample.txt")
}

fn numbers<'a>(table: &'a RawTable, name: &str) -> &'a [f64] {
    match &table.column(name).expect(name).data {
        ColumnData::Numeric(v) => v,
        other => panic!("{name} is {}", other.type_name()),
    }
}

#[test]
fn cdnow_reads_without_a_header() {
    let table = load_table(&cdnow_path(), &LoadOptions::default()).expect("loads");
    assert_eq!(table.n_rows(), 6919);
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["column_1", "column_2", "column_3", "column_4", "column_5"]
    );
    assert_eq!(table.columns[0].data.text(0), Some("00004"));
    assert!(matches!(
        table.columns[2].data,
        ColumnData::Date {
            format: DateFormat::Compact,
            ..
        }
    ));
    let d = detect_dataset(&table);
    assert_eq!(d.kind, DatasetKind::Transactions);
    assert_eq!(d.mapping.role_of("column_1"), Role::CustomerId);
    assert_eq!(d.mapping.role_of("column_2"), Role::Ignore);
    assert_eq!(d.mapping.role_of("column_3"), Role::Timestamp);
    assert_eq!(d.mapping.role_of("column_4"), Role::Quantity);
    assert_eq!(d.mapping.role_of("column_5"), Role::LineAmount);
}

#[test]
fn cdnow_aggregates_to_its_2357_customers() {
    let table = load_table(&cdnow_path(), &LoadOptions::default()).expect("loads");
    let d = detect_dataset(&table);
    let prepared = prepare_customers(&table, &d.mapping).expect("aggregates");
    let customers = prepared.table.as_ref();
    assert_eq!(customers.n_rows(), 2357);
    // 00004 bought on 1997-01-01, 01-18, 08-02 and 12-12; the log ends 1998-06-30.
    assert_eq!(numbers(customers, "Orders")[0], 4.0);
    assert_eq!(numbers(customers, "Recency")[0], 200.0);
    assert_eq!(numbers(customers, "Tenure_Days")[0], 545.0);
    assert!((numbers(customers, "Monetary")[0] - 100.50).abs() < 1e-9);
    // 00021 (third in id order, after 00018): 1997-01-01 and 01-13.
    let ids = &customers.column("column_1").expect("ids").data;
    let row = (0..customers.n_rows())
        .find(|&i| ids.text(i) == Some("00021"))
        .expect("customer 00021");
    assert_eq!(row, 2);
    assert_eq!(numbers(customers, "Orders")[row], 2.0);
    assert_eq!(numbers(customers, "Recency")[row], 533.0);
    // Lines of one customer on one day are one order: 6,696 orders in all.
    let orders: f64 = numbers(customers, "Orders").iter().sum();
    assert_eq!(orders, 6696.0);
    let spend: f64 = numbers(customers, "Monetary").iter().sum();
    assert!((spend - 244_091.94).abs() < 1e-6, "{spend}");
}

#[test]
fn sis_run_on_cdnow_completes() {
    let path = cdnow_path();
    let cli = Cli::try_parse_from(["sis", "run", path.to_str().expect("utf-8 path"), "--quiet"])
        .expect("the arguments parse");
    let mut out = Vec::new();
    let result = execute(cli.command.expect("a subcommand"), &mut out);
    let text = String::from_utf8(out).expect("utf-8");
    assert!(result.is_ok(), "{:?}", result.err().map(|e| e.message));
    assert!(text.contains("2357"), "{text}");
    assert!(text.contains("aggregated into 6696 orders"), "{text}");
}
