//! Bench of order lines aggregated to customers (cleaning, cancellation matching, per-customer
//! summaries, the customer table) on 1,000,000 generated lines; 10,000,000 as well when
//! `SIS_BENCH_10M=1`. `bench/peer_transactions.py` times the same work in pandas.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

use criterion::{Criterion, criterion_group, criterion_main};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use sis::roles::{ColumnMapping, Role};
use sis::table::{Column, ColumnData, DateFormat, RawTable, SourceFormat};
use sis::transactions::prepare_customers;
use std::hint::black_box;
use std::time::Duration;

/// Online-retail-like lines: one customer per 10 lines, orders of 1 to 6 lines over two years,
/// 2% of orders cancelled (`C` invoices, negative quantities), 1% free lines, 3% of lines
/// without a customer, 3,000 products, 20 countries. Seeded, so every run sees the same lines.
fn order_lines(lines: usize, seed: u64) -> (RawTable, ColumnMapping) {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let customers = (lines / 10).max(1) as u32;
    let mut invoice_codes = Vec::with_capacity(lines);
    let mut invoice_levels = Vec::new();
    let (mut customer, mut day, mut qty, mut price, mut product, mut country) = (
        Vec::with_capacity(lines),
        Vec::with_capacity(lines),
        Vec::with_capacity(lines),
        Vec::with_capacity(lines),
        Vec::with_capacity(lines),
        Vec::with_capacity(lines),
    );
    let mut order = 0u32;
    while customer.len() < lines {
        let c = rng.gen_range(0..customers);
        let cancelled = rng.gen_bool(0.02);
        let missing = rng.gen_bool(0.03);
        let d = 14_975 + rng.gen_range(0..730);
        let prefix = if cancelled { "C" } else { "" };
        invoice_levels.push(format!("{prefix}{}", 500_000 + order));
        for _ in 0..rng.gen_range(1..=6) {
            if customer.len() == lines {
                break;
            }
            invoice_codes.push(order);
            customer.push(if missing {
                f64::NAN
            } else {
                f64::from(12_000 + c)
            });
            day.push(d);
            let q = f64::from(rng.gen_range(1..=12u32));
            qty.push(if cancelled { -q } else { q });
            price.push(if rng.gen_bool(0.01) {
                0.0
            } else {
                f64::from(rng.gen_range(50..5_000u32)) / 100.0
            });
            product.push(rng.gen_range(0..3_000u32));
            country.push(c % 20);
        }
        order += 1;
    }
    let text = |codes: Vec<u32>, levels: Vec<String>| ColumnData::Text { codes, levels };
    let columns = vec![
        (
            "InvoiceNo",
            text(invoice_codes, invoice_levels),
            Role::OrderId,
        ),
        (
            "StockCode",
            text(product, (0..3_000).map(|p| format!("P{p:05}")).collect()),
            Role::Product,
        ),
        ("Quantity", ColumnData::Numeric(qty), Role::Quantity),
        (
            "InvoiceDate",
            ColumnData::Date {
                days: day,
                format: DateFormat::Iso,
            },
            Role::Timestamp,
        ),
        ("UnitPrice", ColumnData::Numeric(price), Role::UnitPrice),
        (
            "CustomerID",
            ColumnData::Numeric(customer),
            Role::CustomerId,
        ),
        (
            "Country",
            text(country, (0..20).map(|k| format!("Country {k}")).collect()),
            Role::Country,
        ),
    ];
    let mapping = ColumnMapping::new(
        columns
            .iter()
            .map(|(n, _, r)| (n.to_string(), r.clone()))
            .collect(),
    );
    let table = RawTable {
        file_name: "order_lines.csv".into(),
        format: SourceFormat::Memory,
        columns: columns
            .into_iter()
            .map(|(n, data, _)| Column {
                name: n.into(),
                data,
            })
            .collect(),
    };
    debug_assert!(table.columns.iter().all(|c| c.data.len() == lines));
    (table, mapping)
}

fn aggregate(c: &mut Criterion) {
    let mut sizes = vec![1_000_000];
    if std::env::var("SIS_BENCH_10M").is_ok_and(|v| v == "1") {
        sizes.push(10_000_000);
    }
    let mut group = c.benchmark_group("transactions");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for n in sizes {
        let (table, mapping) = order_lines(n, 7);
        let customers = prepare_customers(&table, &mapping)
            .expect("aggregates")
            .table
            .n_rows();
        eprintln!("{n} lines -> {customers} customers");
        group.bench_function(format!("aggregate_{n}"), |b| {
            b.iter(|| {
                black_box(
                    prepare_customers(&table, &mapping)
                        .expect("aggregates")
                        .table
                        .n_rows(),
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, aggregate);
criterion_main!(benches);
