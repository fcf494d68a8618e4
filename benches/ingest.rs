//! Benches of the stages before segmentation on 100,000 generated customers: CSV load, and
//! validation with feature building (cleaning, 13 default features, outlier capping).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use sis::ingest::{LoadOptions, load_table};
use std::hint::black_box;
use std::time::Duration;

fn stages(c: &mut Criterion) {
    let data = common::generated_csv();
    let mut group = c.benchmark_group("ingest_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("csv_load", |b| {
        b.iter(|| black_box(load_table(&data.csv, &LoadOptions::default()).expect("loads")));
    });
    let (table, mapping) = common::load(&data);
    group.bench_function("validate_and_features", |b| {
        b.iter(|| black_box(common::features(&table, &mapping)));
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
