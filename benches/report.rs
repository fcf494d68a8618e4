//! Benches of the stages after segmentation on 100,000 generated customers: insights with
//! personas, and saving and opening the session bundle.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use sis::insights::compute_insights;
use sis::personas::synthesize_personas;
use sis::session::Session;
use std::hint::black_box;
use std::time::Duration;

fn stages(c: &mut Criterion) {
    let data = common::generated_csv();
    let (table, mapping) = common::load(&data);
    let analysis = common::analysis(&table, &mapping);

    let mut group = c.benchmark_group("report_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("insights_and_personas", |b| {
        b.iter(|| {
            let insights = compute_insights(&analysis.insight_inputs());
            black_box(synthesize_personas(&insights, &analysis.segmentation, &[]))
        });
    });
    let session = Session::new(table, analysis);
    let path = data.dir.path().join("bench.sis");
    group.bench_function("session_save", |b| {
        b.iter(|| session.save(&path).expect("the session saves"));
    });
    group.bench_function("session_open", |b| {
        b.iter(|| black_box(Session::open(&path).expect("the session opens")));
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
