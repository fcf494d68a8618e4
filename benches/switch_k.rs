//! Switching k without re-running, at 100,000 generated customers: the core's switch
//! (segments, insights, personas, decisions) and the workbench's figures, from the rule's k to
//! another k the sweep kept and back. Choice of k must do this within 100 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn switch(c: &mut Criterion) {
    let data = common::generated_csv();
    let (table, mapping) = common::load(&data);
    let analysis = common::analysis(&table, &mapping);
    let rule_k = analysis.segmentation.k;
    let other = analysis
        .segmentation
        .switchable()
        .into_iter()
        .find(|&k| k != rule_k)
        .expect("the sweep kept another k");
    let mut group = c.benchmark_group("switch_k_100k");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("core_switch_and_back", |b| {
        let mut a = analysis.clone();
        b.iter(|| {
            assert!(a.switch_k(other));
            assert!(a.switch_k(rule_k));
            black_box(a.decisions());
        });
    });
    group.bench_function("workbench_switch_with_figures", |b| {
        let mut a = analysis.clone();
        let mut to = other;
        b.iter(|| {
            assert!(sis::gui::switch_k_with_figures(&mut a, to));
            to = if to == other { rule_k } else { other };
            black_box(a.decisions());
        });
    });
    group.finish();
}

criterion_group!(benches, switch);
criterion_main!(benches);
