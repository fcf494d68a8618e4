//! The k-means kernel race, our side: the 13 default features of a customer CSV, prepared as
//! `sis run` prepares them and standard-scaled, then k = 6 with 10 k-means++ seeds
//! (max_iter 300, tol 1e-4), by our kernel and by linfa-clustering 0.8.1. Prints one JSON line
//! per timed fit; `bench/peer_sklearn.py kernel` runs scikit-learn on the dumped matrix.
//!
//! `cargo run --release --example kernel_race -- DATA.csv [--dump matrix.f32] [--ours]
//! [--linfa-runs N]` (`--dump` writes the scaled matrix as raw little-endian f32, row-major;
//! `--ours` times our kernel once; `--linfa-runs N` times linfa with N runs, 0 = skip).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

use anyhow::{Context, Result, bail};
use linfa::DatasetBase;
use linfa::ParamGuard;
use linfa::traits::Fit;
use linfa_clustering::KMeans;
use ndarray::Array2;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;
use serde_json::json;
use sis::config::{RunConfig, ScalerChoice};
use sis::ingest::{LoadOptions, load_table};
use sis::roles::detect_mapping;
use sis::segment::kmeans::{KMeansParams, assign, best_run, fit_seeds, run_seed};
use sis::segment::{FeatureMatrix, FittedScaler, ScalerKind, prepare};
use sis::validate::validate;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

const K: usize = 6;
const SEEDS: usize = 10;
const MAX_ITER: usize = 300;
const TOLERANCE: f64 = 1e-4;

struct Args {
    data: PathBuf,
    dump: Option<PathBuf>,
    ours: bool,
    linfa_runs: usize,
}

fn parse_args() -> Result<Args> {
    let mut args = std::env::args().skip(1);
    let mut parsed = Args {
        data: PathBuf::new(),
        dump: None,
        ours: false,
        linfa_runs: 0,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dump" => parsed.dump = Some(args.next().context("--dump needs a file")?.into()),
            "--ours" => parsed.ours = true,
            "--linfa-runs" => {
                parsed.linfa_runs = args
                    .next()
                    .context("--linfa-runs needs a number")?
                    .parse()
                    .context("--linfa-runs takes a whole number")?;
            }
            other if parsed.data.as_os_str().is_empty() => parsed.data = other.into(),
            other => bail!("unexpected argument {other:?}"),
        }
    }
    if parsed.data.as_os_str().is_empty() {
        bail!("usage: kernel_race DATA.csv [--dump matrix.f32] [--ours] [--linfa-runs N]");
    }
    Ok(parsed)
}

/// The standard-scaled segmentation matrix of `sis run --scaler standard`.
fn scaled_matrix(data: &Path) -> Result<FeatureMatrix> {
    let table = load_table(data, &LoadOptions::default())?;
    let (mapping, _) = detect_mapping(&table);
    let config = RunConfig {
        scaler: ScalerChoice::Standard,
        ..RunConfig::default()
    }
    .validate()?;
    let clean = validate(&table, &mapping, &config)?.clean;
    let (features, _) = sis::features::build_features(&clean, &config);
    let input = prepare(&features, &config)?.input;
    let slices = input.column_slices();
    Ok(FittedScaler::fit(ScalerKind::Standard, &slices).transform(&slices))
}

fn race_ours(matrix: &FeatureMatrix) -> Result<()> {
    let settings = KMeansParams::new(K)
        .max_iter(MAX_ITER)
        .tolerance(TOLERANCE)
        .check()
        .expect("valid settings");
    let seeds: Vec<u64> = (0..SEEDS).map(|run| run_seed(7, K, run)).collect();
    let cancel = AtomicBool::new(false);
    let start = Instant::now();
    let runs = fit_seeds(matrix, &settings, &seeds, &cancel, &|| {}).context("cancelled")?;
    let seconds = start.elapsed().as_secs_f64();
    let best = &runs[best_run(&runs)];
    let iterations: Vec<usize> = runs.iter().map(|r| r.iterations).collect();
    println!(
        "{}",
        json!({
            "impl": "sis", "rows": matrix.rows(), "cols": matrix.cols(), "k": K,
            "n_init": SEEDS, "threads": rayon::current_num_threads(), "seconds": seconds,
            "inertia": best.inertia, "iterations": iterations,
            "ms_per_iteration": seconds * 1e3 / iterations.iter().sum::<usize>().max(1) as f64,
        })
    );
    Ok(())
}

/// linfa's KMeans stops when the L2 norm of the centroid move falls under its tolerance;
/// scikit-learn's rule (squared move ≤ tol × mean variance) is the same with
/// `sqrt(tol × mean variance)`.
fn race_linfa(matrix: &FeatureMatrix, runs: usize) -> Result<()> {
    let (n, p) = (matrix.rows(), matrix.cols());
    let records = Array2::from_shape_fn((n, p), |(i, j)| f64::from(matrix.row(i)[j]));
    let mean_variance = records
        .var_axis(ndarray::Axis(0), 0.0)
        .mean()
        .unwrap_or(1.0);
    let tolerance = (TOLERANCE * mean_variance).sqrt();
    let dataset = DatasetBase::from(records);
    let start = Instant::now();
    let model = KMeans::params_with_rng(K, Xoshiro256Plus::seed_from_u64(7))
        .n_runs(runs)
        .max_n_iterations(MAX_ITER as u64)
        .tolerance(tolerance)
        .fit(&dataset)?;
    let seconds = start.elapsed().as_secs_f64();
    let centroids: Vec<f64> = model.centroids().iter().copied().collect();
    let (_, inertia) = assign(matrix, &centroids, K);
    println!(
        "{}",
        json!({
            "impl": "linfa", "rows": n, "cols": p, "k": K, "n_init": runs,
            "threads": rayon::current_num_threads(), "seconds": seconds,
            "seconds_per_10_runs": seconds * SEEDS as f64 / runs as f64,
            "extrapolated": runs != SEEDS, "tolerance_l2": tolerance, "inertia": inertia,
        })
    );
    Ok(())
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let matrix = scaled_matrix(&args.data)?;
    if let Some(path) = &args.dump {
        let bytes: Vec<u8> = matrix
            .values()
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
        eprintln!(
            "wrote {} ({} × {} f32)",
            path.display(),
            matrix.rows(),
            matrix.cols()
        );
    }
    if args.ours {
        race_ours(&matrix)?;
    }
    if args.linfa_runs > 0 {
        race_linfa(&matrix, args.linfa_runs)?;
    }
    Ok(())
}
