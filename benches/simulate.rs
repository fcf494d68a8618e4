//! Benches of the simulation: recomputing a scenario with all five levers on from the segment
//! aggregates of 10,000 and 10,000,000 customers (it must stay under 1 ms at any count), the
//! sensitivity tornado and the optimiser on them, and the bootstrap band at 1,000,000
//! customers (blocks built and 1,000 replicates; it must be ready within 1 s).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

use criterion::{Criterion, criterion_group, criterion_main};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use sis::simulate::{
    ANY_CAMPAIGN, Assumptions, BootstrapBlocks, BootstrapSettings, CustomerColumns, LeverKind,
    OptimiserSettings, ResponseColumn, Scenario, SimulationBase, band, optimise, tornado,
};
use std::hint::black_box;
use std::time::Duration;

const K: usize = 6;

/// Plausible per-customer feature columns (not the pipeline: only the figures levers read).
struct Customers {
    labels: Vec<u32>,
    columns: Vec<Vec<f64>>,
}

impl Customers {
    fn generate(n: usize, seed: u64) -> Self {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut columns: Vec<Vec<f64>> = (0..10).map(|_| Vec::with_capacity(n)).collect();
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let segment = rng.gen_range(0..K as u32);
            let scale = 1.0 + segment as f64;
            let frequency = rng.gen_range(1.0..30.0_f64);
            let monetary = frequency * rng.gen_range(5.0..60.0) * scale;
            let deal = rng.gen_range(0.0..0.6) / scale;
            let recency = rng.gen_range(0.0..99.0_f64);
            let web = rng.gen_range(0.1..0.5);
            let store = rng.gen_range(0.2..(1.0 - web));
            let row = [
                monetary,
                frequency,
                deal,
                monetary * 1.5 * (1.0 - recency / 100.0),
                recency,
                web,
                store,
                1.0 - web - store,
                f64::from(rng.gen_bool(0.27)),
                f64::from(rng.gen_bool(0.07)),
            ];
            for (c, v) in columns.iter_mut().zip(row) {
                c.push(v);
            }
            labels.push(segment);
        }
        Self { labels, columns }
    }

    fn columns(&self) -> CustomerColumns<'_> {
        let c = &self.columns;
        CustomerColumns {
            monetary: Some(&c[0]),
            frequency: Some(&c[1]),
            deal_dependency: Some(&c[2]),
            clv_proxy: Some(&c[3]),
            recency: Some(&c[4]),
            web_ratio: Some(&c[5]),
            store_ratio: Some(&c[6]),
            catalog_ratio: Some(&c[7]),
            responses: vec![
                ResponseColumn {
                    name: ANY_CAMPAIGN,
                    values: &c[8],
                },
                ResponseColumn {
                    name: "AcceptedCmp1",
                    values: &c[9],
                },
            ],
        }
    }
}

fn every_lever() -> Scenario {
    let mut s = Scenario::named("bench");
    for lever in LeverKind::ALL {
        s.levers.set_setting(lever, 0.2);
    }
    s
}

fn recompute(c: &mut Criterion) {
    let scenario = every_lever();
    let settings = OptimiserSettings {
        budget: 50_000.0,
        discount_budget: Some(20_000.0),
        response: ANY_CAMPAIGN.into(),
    };
    let mut group = c.benchmark_group("simulate_recompute");
    group.measurement_time(Duration::from_secs(3));
    for (n, label) in [(10_000, "10k"), (10_000_000, "10M")] {
        let customers = Customers::generate(n, 7);
        let base = SimulationBase::build(&customers.columns(), &customers.labels, K)
            .expect("the aggregates build");
        drop(customers);
        group.bench_function(format!("all_levers_{label}"), |b| {
            b.iter(|| black_box(scenario.simulate(black_box(&base))))
        });
        group.bench_function(format!("tornado_{label}"), |b| {
            b.iter(|| black_box(tornado(&base, &scenario)))
        });
        group.bench_function(format!("optimiser_{label}"), |b| {
            b.iter(|| black_box(optimise(&base, &Assumptions::default(), &settings)))
        });
    }
    group.finish();
}

fn bootstrap(c: &mut Criterion) {
    let customers = Customers::generate(1_000_000, 11);
    let columns = customers.columns();
    let base = SimulationBase::build(&columns, &customers.labels, K).expect("the aggregates build");
    let scenario = every_lever();
    let settings = BootstrapSettings::default();
    let mut group = c.benchmark_group("simulate_bootstrap_1m");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("blocks_and_band", |b| {
        b.iter(|| {
            let blocks = BootstrapBlocks::build(&columns, &customers.labels, K, &settings)
                .expect("the blocks build");
            black_box(band(&base, &blocks, &scenario, &settings))
        })
    });
    let blocks = BootstrapBlocks::build(&columns, &customers.labels, K, &settings)
        .expect("the blocks build");
    group.bench_function("band_only", |b| {
        b.iter(|| black_box(band(&base, &blocks, &scenario, &settings)))
    });
    group.finish();
}

criterion_group!(benches, recompute, bootstrap);
criterion_main!(benches);
