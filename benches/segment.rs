//! Benches of segmentation on 100,000 generated customers × 13 standard-scaled features: one
//! k-means fit (k = 6, one k-means++ seed), the full k sweep (k 2..=8, 10 seeds each, metrics
//! included), and the sampled silhouette (10,000 customers).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use linfa::ParamGuard;
use sis::progress::Progress;
use sis::segment::kmeans::{KMeansParams, fit_seeds, run_seed};
use sis::segment::{metrics, segment};
use std::hint::black_box;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

fn stages(c: &mut Criterion) {
    let data = common::generated_csv();
    let (table, mapping) = common::load(&data);
    let (features, input) = common::features(&table, &mapping);
    let matrix = common::scaled(&input);
    let config = common::config();
    let cancel = AtomicBool::new(false);
    let settings = KMeansParams::new(6)
        .max_iter(300)
        .tolerance(1e-4)
        .check()
        .expect("valid settings");

    let mut group = c.benchmark_group("segment_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("kmeans_fit_k6_one_seed", |b| {
        let seeds = [run_seed(7, 6, 0)];
        b.iter(|| black_box(fit_seeds(&matrix, &settings, &seeds, &cancel, &|| {})));
    });
    let fit = fit_seeds(&matrix, &settings, &[run_seed(7, 6, 0)], &cancel, &|| {})
        .expect("not cancelled");
    group.bench_function("silhouette_sample_10k", |b| {
        b.iter(|| black_box(metrics::silhouette(&matrix, &fit[0].labels, 6, 10_000, 7)));
    });
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("k_sweep_2_to_8_x10_seeds", |b| {
        let revenue = features.get(sis::features::names::MONETARY);
        b.iter(|| black_box(segment(&input, &config, revenue, &Progress::silent())));
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
