//! The fast k-means must agree with a plain, obviously-correct f64 Lloyd and with linfa's
//! k-means when all three start from the same k-means++ centroids.

use linfa::DatasetBase;
use linfa::ParamGuard;
use linfa::traits::Fit;
use linfa_clustering::{KMeans, KMeansInit};
use ndarray::Array2;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use sis::segment::FeatureMatrix;
use sis::segment::kmeans::{KMeansParams, KMeansSettings, fit_from, kmeans_plus_plus};
use std::sync::atomic::AtomicBool;

/// `k` Gaussian groups (unit spread, centres in [−6, 6]^p), in random order.
fn blobs(rows: usize, cols: usize, k: usize, seed: u64) -> FeatureMatrix {
    sis::generate::gaussian_blobs(rows, cols, k, 6.0, seed).expect("rows × cols values")
}

struct ReferenceRun {
    labels: Vec<u32>,
    centroids: Vec<f64>,
    inertia: f64,
    iterations: usize,
}

fn squared_distance(x: &[f64], c: &[f64]) -> f64 {
    let mut total = 0.0;
    for j in 0..x.len() {
        let d = x[j] - c[j];
        total += d * d;
    }
    total
}

fn nearest(x: &[f64], centroids: &[f64], k: usize) -> usize {
    let p = x.len();
    let mut best = 0;
    for c in 1..k {
        if squared_distance(x, &centroids[c * p..(c + 1) * p])
            < squared_distance(x, &centroids[best * p..(best + 1) * p])
        {
            best = c;
        }
    }
    best
}

/// Textbook Lloyd in f64 with scikit-learn's stopping rule.
fn reference_lloyd(data: &FeatureMatrix, init: &[f64], settings: &KMeansSettings) -> ReferenceRun {
    let (n, p, k) = (data.rows(), data.cols(), settings.k());
    let x: Vec<Vec<f64>> = (0..n)
        .map(|i| data.row(i).iter().map(|&v| v as f64).collect())
        .collect();
    let mut variance_sum = 0.0;
    for j in 0..p {
        let mean = x.iter().map(|r| r[j]).sum::<f64>() / n as f64;
        variance_sum += x.iter().map(|r| (r[j] - mean) * (r[j] - mean)).sum::<f64>() / n as f64;
    }
    let tolerance = settings.tolerance() * variance_sum / p as f64;

    let mut centroids = init.to_vec();
    let mut labels = vec![u32::MAX; n];
    let mut iterations = 0;
    while iterations < settings.max_iter() {
        iterations += 1;
        let mut changed = 0;
        for i in 0..n {
            let l = nearest(&x[i], &centroids, k) as u32;
            if l != labels[i] {
                changed += 1;
                labels[i] = l;
            }
        }
        let mut sums = vec![0.0; k * p];
        let mut counts = vec![0usize; k];
        for i in 0..n {
            let c = labels[i] as usize;
            counts[c] += 1;
            for j in 0..p {
                sums[c * p + j] += x[i][j];
            }
        }
        assert!(
            counts.iter().all(|&c| c > 0),
            "the reference does not handle empty segments"
        );
        let mut shift = 0.0;
        for c in 0..k {
            for j in 0..p {
                let mean = sums[c * p + j] / counts[c] as f64;
                shift += (mean - centroids[c * p + j]).powi(2);
                centroids[c * p + j] = mean;
            }
        }
        if changed == 0 || shift <= tolerance {
            break;
        }
    }
    let mut inertia = 0.0;
    for i in 0..n {
        let c = nearest(&x[i], &centroids, k);
        labels[i] = c as u32;
        inertia += squared_distance(&x[i], &centroids[c * p..(c + 1) * p]);
    }
    ReferenceRun {
        labels,
        centroids,
        inertia,
        iterations,
    }
}

fn relative(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(f64::MIN_POSITIVE)
}

fn agrees_with_reference(rows: usize, cols: usize, k: usize, seed: u64) {
    let data = blobs(rows, cols, k, seed);
    let settings = KMeansParams::new(k)
        .max_iter(300)
        .tolerance(1e-4)
        .check()
        .expect("valid settings");
    let init = kmeans_plus_plus(&data, k, seed ^ 0xABCD);
    let fast = fit_from(&data, init.clone(), &settings, &AtomicBool::new(false)).expect("run");
    let plain = reference_lloyd(&data, &init, &settings);
    assert_eq!(fast.iterations, plain.iterations);
    assert!(fast.labels == plain.labels, "labels differ");
    assert!(
        relative(fast.inertia, plain.inertia) < 1e-9,
        "inertia {} vs {}",
        fast.inertia,
        plain.inertia
    );
    for (a, b) in fast.centroids.iter().zip(&plain.centroids) {
        assert!(
            (a - b).abs() < 1e-9 * (1.0 + b.abs()),
            "centroid {a} vs {b}"
        );
    }
}

#[test]
fn small_blobs_match_plain_f64_lloyd() {
    agrees_with_reference(500, 4, 3, 1);
}

#[test]
fn customer_sized_blobs_match_plain_f64_lloyd() {
    agrees_with_reference(2_000, 13, 6, 2);
    // Several work units and a partial last panel.
    agrees_with_reference(20_007, 13, 6, 3);
}

#[test]
fn overlapping_groups_match_plain_f64_lloyd() {
    // Unit-spread groups in a small box overlap: many customers near the boundaries.
    let data = {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
        let values: Vec<f32> = (0..3_000 * 5)
            .map(|_| rng.gen_range(-1.0f32..1.0))
            .collect();
        FeatureMatrix::new(3_000, 5, values).expect("shape")
    };
    let settings = KMeansParams::new(5)
        .max_iter(300)
        .tolerance(0.0)
        .check()
        .expect("valid settings");
    let init = kmeans_plus_plus(&data, 5, 3);
    let fast = fit_from(&data, init.clone(), &settings, &AtomicBool::new(false)).expect("run");
    let plain = reference_lloyd(&data, &init, &settings);
    assert_eq!(fast.iterations, plain.iterations);
    assert!(fast.labels == plain.labels, "labels differ");
    assert!(relative(fast.inertia, plain.inertia) < 1e-9);
}

#[test]
fn matches_linfa_from_the_same_start() {
    for (rows, cols, k, seed) in [(500, 4, 3, 1), (2_000, 13, 6, 2)] {
        let data = blobs(rows, cols, k, seed);
        let init = kmeans_plus_plus(&data, k, seed ^ 0xABCD);
        // Run both to full convergence: linfa's m-k-means update shares Lloyd's fixed point.
        let settings = KMeansParams::new(k)
            .max_iter(1_000)
            .tolerance(0.0)
            .check()
            .expect("valid settings");
        let fast = fit_from(&data, init.clone(), &settings, &AtomicBool::new(false)).expect("run");

        let records = Array2::from_shape_fn((rows, cols), |(i, j)| data.row(i)[j] as f64);
        let start = Array2::from_shape_vec((k, cols), init).expect("k × p");
        let model = KMeans::params(k)
            .init_method(KMeansInit::Precomputed(start))
            .n_runs(1)
            .max_n_iterations(10_000)
            .tolerance(1e-12)
            .fit(&DatasetBase::from(records))
            .expect("linfa fit");
        // linfa reports the mean squared distance.
        let linfa_inertia = model.inertia() * rows as f64;
        assert!(
            relative(fast.inertia, linfa_inertia) < 1e-6,
            "inertia {} vs linfa {}",
            fast.inertia,
            linfa_inertia
        );
    }
}
