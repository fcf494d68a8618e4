//! Speed check for the k-means kernel: 1,000,000 customers × 13 features, k = 6, 10 seeds,
//! against the memory bandwidth of this machine.
//!
//! `cargo run --release --example kmeans_speed [-- --dump data.f32]` (the dump is the matrix as
//! raw little-endian f32, row-major, for timing other implementations on the same data).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

use linfa::ParamGuard;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rayon::prelude::*;
use sis::segment::FeatureMatrix;
use sis::segment::kmeans::{
    KMeansParams, best_run, fit_from, fit_seeds, kmeans_plus_plus, run_seed,
};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

const ROWS: usize = 1_000_000;
const COLS: usize = 13;
const K: usize = 6;
const SEEDS: usize = 10;

/// Six unit-spread groups with centres in [−4, 4]^13, generated in fixed blocks.
fn blobs() -> FeatureMatrix {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(2024);
    let centers: Vec<f64> = (0..K * COLS).map(|_| rng.gen_range(-4.0..4.0)).collect();
    let mut values = vec![0f32; ROWS * COLS];
    values
        .par_chunks_mut(COLS * 65_536)
        .enumerate()
        .for_each(|(block, out)| {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(block as u64 + 1);
            for row in out.chunks_exact_mut(COLS) {
                let c = rng.gen_range(0..K);
                for (j, v) in row.iter_mut().enumerate() {
                    let (u, w): (f64, f64) = (rng.r#gen::<f64>().max(1e-300), rng.r#gen());
                    let normal = (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * w).cos();
                    *v = (centers[c * COLS + j] + normal) as f32;
                }
            }
        });
    FeatureMatrix::new(ROWS, COLS, values).expect("rows × cols values")
}

/// Best-of-five sequential read bandwidth (GB/s) over a 512 MB buffer.
fn bandwidth(buffer: &[u64], threads: usize) -> f64 {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let bytes = std::mem::size_of_val(buffer) as f64;
    let mut best = f64::INFINITY;
    let mut checksum = 0u64;
    for _ in 0..5 {
        let start = Instant::now();
        let sum = pool.install(|| {
            buffer
                .par_chunks(buffer.len() / threads)
                .map(|chunk| chunk.iter().fold(0u64, |a, &b| a.wrapping_add(b)))
                .reduce(|| 0, u64::wrapping_add)
        });
        best = best.min(start.elapsed().as_secs_f64());
        checksum = checksum.wrapping_add(sum);
    }
    std::hint::black_box(checksum);
    bytes / best / 1e9
}

fn main() {
    let dump = std::env::args().skip_while(|a| a != "--dump").nth(1);
    let data = blobs();
    if let Some(path) = dump {
        let bytes: Vec<u8> = data.values().iter().flat_map(|v| v.to_le_bytes()).collect();
        std::fs::write(&path, bytes).expect("write dump");
        println!("wrote {path}");
    }
    let matrix_bytes = (ROWS * COLS * 4) as f64;
    let label_bytes = (ROWS * 4) as f64;

    let buffer: Vec<u64> = (0..64 * 1024 * 1024u64).collect();
    let bw1 = bandwidth(&buffer, 1);
    let bw2 = bandwidth(&buffer, 2);
    drop(buffer);
    println!(
        "memory bandwidth (sequential read, 512 MB): 1 thread {bw1:.1} GB/s, 2 threads {bw2:.1} GB/s"
    );
    println!(
        "bytes per Lloyd iteration: {:.1} MB matrix + {:.1} MB labels",
        matrix_bytes / 1e6,
        label_bytes / 1e6
    );

    let settings = KMeansParams::new(K)
        .max_iter(300)
        .tolerance(1e-4)
        .check()
        .expect("valid settings");
    let seeds: Vec<u64> = (0..SEEDS).map(|run| run_seed(42, K, run)).collect();
    let cancel = AtomicBool::new(false);

    // Whole fit, best of three.
    let mut total = f64::INFINITY;
    let mut runs = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        runs = fit_seeds(&data, &settings, &seeds, &cancel, &|| {}).expect("not cancelled");
        total = total.min(start.elapsed().as_secs_f64());
    }
    let iterations: usize = runs.iter().map(|r| r.iterations).sum();
    let best = &runs[best_run(&runs)];
    println!(
        "fit_seeds k={K}, {SEEDS} seeds (best of 3): {total:.3} s; iterations per seed {:?} \
         (total {iterations}); best inertia {:.6e}",
        runs.iter().map(|r| r.iterations).collect::<Vec<_>>(),
        best.inertia
    );
    println!(
        "  wall time per Lloyd iteration, all inclusive (k-means++, final scoring): {:.2} ms",
        total / iterations as f64 * 1e3
    );

    // One Lloyd iteration = (a run of 12 iterations − a run of 1) / 11, best of five each, from
    // k spread-out customers so that labels keep moving as in a real fit.
    let spread: Vec<f64> = (0..K)
        .flat_map(|i| data.row(i * 997).iter().map(|&v| f64::from(v)))
        .collect();
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let time = |init: &[f64], max_iter: usize| {
            let settings = KMeansParams::new(K)
                .max_iter(max_iter)
                .tolerance(0.0)
                .check()
                .expect("valid settings");
            let mut best = f64::INFINITY;
            let mut done = 0;
            for _ in 0..5 {
                pool.install(|| {
                    let start = Instant::now();
                    let run = fit_from(&data, init.to_vec(), &settings, &cancel).expect("run");
                    best = best.min(start.elapsed().as_secs_f64());
                    done = run.iterations;
                });
            }
            (best, done)
        };
        let per_iteration = |init: &[f64], max_iter: usize| {
            let (one, _) = time(init, 1);
            let (many, done) = time(init, max_iter);
            ((many - one) / (done - 1).max(1) as f64, done - 1)
        };
        let seeding = pool.install(|| {
            let mut best = f64::INFINITY;
            for _ in 0..5 {
                let start = Instant::now();
                std::hint::black_box(kmeans_plus_plus(&data, K, seeds[0]));
                best = best.min(start.elapsed().as_secs_f64());
            }
            best
        });
        let floor = matrix_bytes / (if threads == 1 { bw1 } else { bw2 } * 1e9);
        println!(
            "{threads} thread(s): k-means++ {:.1} ms (with regrouping); bandwidth floor {:.2} ms",
            seeding * 1e3,
            floor * 1e3
        );
        let (per, count) = per_iteration(&spread, 12);
        println!(
            "  one Lloyd iteration (mean of {count}): {:.2} ms, {:.1} GB/s of matrix, {:.2}x the \
             bandwidth floor",
            per * 1e3,
            matrix_bytes / per / 1e9,
            per / floor
        );
    }
}
