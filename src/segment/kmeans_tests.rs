//! Tests of the k-means kernel: thread-count independence, known groups, empty segments,
//! cancellation, degenerate data and the checked settings.

use super::*;
use linfa::ParamGuard;

/// `k` well-separated Gaussian groups, shuffled.
fn blobs(rows: usize, cols: usize, k: usize, seed: u64) -> FeatureMatrix {
    crate::generate::gaussian_blobs(rows, cols, k, 8.0, seed).expect("shape")
}

fn settings(k: usize) -> KMeansSettings {
    KMeansParams::new(k)
        .max_iter(300)
        .tolerance(1e-4)
        .check()
        .expect("valid settings")
}

#[test]
fn same_bits_on_one_and_two_threads() {
    let data = blobs(20_000, 5, 4, 11);
    let seeds: Vec<u64> = (0..3).map(|run| run_seed(5, 4, run)).collect();
    let fit = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        pool.install(|| fit_seeds(&data, &settings(4), &seeds, &AtomicBool::new(false), &|| {}))
            .expect("not cancelled")
    };
    let (one, two) = (fit(1), fit(2));
    for (a, b) in one.iter().zip(&two) {
        assert_eq!(a.labels, b.labels);
        assert_eq!(a.inertia.to_bits(), b.inertia.to_bits());
        assert_eq!(a.iterations, b.iterations);
        let bits = |run: &KMeansRun| {
            run.centroids
                .iter()
                .map(|c| c.to_bits())
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(a), bits(b));
    }
    let plus_plus = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        pool.install(|| kmeans_plus_plus(&data, 4, 77))
    };
    assert_eq!(plus_plus(1), plus_plus(2));
}

#[test]
fn runs_find_the_groups_and_scoring_agrees() {
    let data = blobs(5_000, 3, 3, 2);
    let seeds = [1, 2, 3];
    let done = std::sync::atomic::AtomicUsize::new(0);
    let runs = fit_seeds(
        &data,
        &settings(3),
        &seeds,
        &AtomicBool::new(false),
        &|| {
            done.fetch_add(1, Ordering::Relaxed);
        },
    )
    .expect("not cancelled");
    assert_eq!(done.load(Ordering::Relaxed), 3);
    assert_eq!(runs.iter().map(|r| r.seed).collect::<Vec<_>>(), seeds);
    let best = &runs[best_run(&runs)];
    assert!(best.converged);
    // Unit-variance groups: inertia ≈ rows × cols.
    assert!(
        (best.inertia / (5_000.0 * 3.0) - 1.0).abs() < 0.1,
        "{}",
        best.inertia
    );
    let (labels, inertia) = assign(&data, &best.centroids, 3);
    assert_eq!(labels, best.labels);
    assert_eq!(inertia.to_bits(), best.inertia.to_bits());
}

#[test]
fn empty_segment_takes_the_farthest_customer() {
    let data = blobs(1_000, 2, 2, 4);
    // The third centroid is far from everyone: it starts empty.
    let mut init = kmeans_plus_plus(&data, 2, 1);
    init.extend([1e6, 1e6]);
    let run = fit_from(&data, init, &settings(3), &AtomicBool::new(false)).expect("run");
    let mut counts = [0usize; 3];
    for &l in &run.labels {
        counts[l as usize] += 1;
    }
    assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
    assert!(run.centroids.iter().all(|c| c.abs() < 100.0));
}

#[test]
fn cancel_and_bad_shapes_give_none() {
    let data = blobs(100, 2, 2, 4);
    let init = kmeans_plus_plus(&data, 2, 1);
    assert!(fit_from(&data, init.clone(), &settings(2), &AtomicBool::new(true)).is_none());
    assert!(
        fit_from(
            &data,
            init[..3].to_vec(),
            &settings(2),
            &AtomicBool::new(false)
        )
        .is_none()
    );
    assert!(fit_seeds(&data, &settings(2), &[1, 2], &AtomicBool::new(true), &|| {}).is_none());
    assert_eq!(assign(&data, &init[..3], 2).0.len(), 0);
}

#[test]
fn degenerate_data_does_not_panic() {
    let settings = settings(3);
    let cancel = AtomicBool::new(false);
    // Every customer identical: k-means++ can only pick duplicates.
    let same = FeatureMatrix::new(50, 2, vec![1.5; 100]).expect("shape");
    let runs = fit_seeds(&same, &settings, &[1, 2], &cancel, &|| {}).expect("runs");
    assert!(
        runs.iter()
            .all(|r| r.inertia == 0.0 && r.labels.len() == 50)
    );
    // Fewer customers than segments, and a missing value.
    let tiny = FeatureMatrix::new(2, 2, vec![0.0, 1.0, f32::NAN, 3.0]).expect("shape");
    let runs = fit_seeds(&tiny, &settings, &[1], &cancel, &|| {}).expect("runs");
    assert_eq!(runs[0].labels.len(), 2);
    let empty = FeatureMatrix::new(0, 2, Vec::new()).expect("shape");
    let runs = fit_seeds(&empty, &settings, &[1], &cancel, &|| {}).expect("runs");
    assert!(runs[0].labels.is_empty());
    assert_eq!(assign(&empty, &[0.0; 6], 3).0.len(), 0);
}

#[test]
fn validate_explains_bad_settings() {
    let data = blobs(3, 2, 1, 0);
    let check = |params: KMeansParams| {
        params
            .check()
            .and_then(|s| s.check_shape(data.rows(), data.cols()))
    };
    assert_eq!(check(KMeansParams::new(0)), Err(KMeansError::NoSegments));
    assert_eq!(
        check(KMeansParams::new(4)),
        Err(KMeansError::TooFewCustomers {
            customers: 3,
            segments: 4
        })
    );
    let bad = KMeansParams::new(2).tolerance(-1.0);
    assert!(check(bad).is_err());
    assert!(check(KMeansParams::new(3)).is_ok());
}

#[test]
fn best_run_prefers_lowest_inertia_then_earliest() {
    let run = |inertia: f64| KMeansRun {
        seed: 0,
        centroids: vec![],
        labels: vec![],
        inertia,
        iterations: 1,
        converged: true,
    };
    assert_eq!(best_run(&[run(3.0), run(1.0), run(1.0), run(2.0)]), 1);
    assert_eq!(best_run(&[]), 0);
}
