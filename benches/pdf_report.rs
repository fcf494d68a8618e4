//! The executive PDF export: the demo session (under 0.5 s wanted) and a 1,000,000-customer
//! session (under 1 s), from the session in memory to the PDF's bytes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

use criterion::{Criterion, criterion_group, criterion_main};
use sis::config::{KChoice, RunConfig, ScalerChoice};
use sis::generate::{GeneratorConfig, write_customers_to_path};
use sis::ingest::{LoadOptions, load_table};
use sis::pipeline::run_analysis;
use sis::progress::Progress;
use sis::report::{ReportOptions, session_pdf};
use sis::roles::detect_mapping;
use sis::session::Session;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn session_of(path: &Path, config: RunConfig) -> Session {
    let table = load_table(path, &LoadOptions::default()).expect("the bench data loads");
    let (mapping, _) = detect_mapping(&table);
    let analysis =
        run_analysis(&table, &mapping, config, &Progress::silent()).expect("the pipeline runs");
    Session::new(table, analysis)
}

fn pdf_report(c: &mut Criterion) {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv");
    let demo = session_of(&demo, RunConfig::default());
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("customers_1m.csv");
    let generator = GeneratorConfig {
        customers: 1_000_000,
        seed: 7,
    };
    write_customers_to_path(&generator, &csv).expect("the bench data is written");
    // One k and one seed: the bench times the report, not the segmentation.
    let quick = RunConfig {
        k: KChoice::Fixed(6),
        k_min: 6,
        k_max: 6,
        seeds: 1,
        scaler: ScalerChoice::Standard,
        ..RunConfig::default()
    };
    let million = session_of(&csv, quick);
    let options = ReportOptions::default();
    let mut group = c.benchmark_group("pdf_report");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("demo", |b| {
        b.iter(|| black_box(session_pdf(&demo, &options).expect("the report renders")));
    });
    group.bench_function("customers_1m", |b| {
        b.iter(|| black_box(session_pdf(&million, &options).expect("the report renders")));
    });
    group.finish();
}

criterion_group!(benches, pdf_report);
criterion_main!(benches);
