//! Bench data: 100,000 generated customers (seed 7) written once to a temporary folder, and
//! the pipeline's stage outputs built from them, so each bench times one stage.
#![allow(dead_code)]

use sis::config::{RunConfig, ScalerChoice, ValidRunConfig};
use sis::features::FeatureTable;
use sis::generate::{GeneratorConfig, write_customers_to_path};
use sis::ingest::{LoadOptions, load_table};
use sis::pipeline::{Analysis, run_analysis};
use sis::progress::Progress;
use sis::roles::{ColumnMapping, detect_mapping};
use sis::segment::{FeatureMatrix, ScalerKind, SegmentationInput, prepare};
use sis::table::RawTable;
use sis::validate::validate;
use std::path::PathBuf;
use tempfile::TempDir;

/// Customers in the bench dataset: large enough to be dominated by per-row work, small enough
/// for criterion's ten samples per bench.
pub(crate) const CUSTOMERS: usize = 100_000;

/// The generated CSV; the folder is removed when this is dropped.
pub(crate) struct BenchData {
    pub dir: TempDir,
    pub csv: PathBuf,
}

/// Write the bench CSV (100,000 customers, seed 7) into a fresh temporary folder.
pub(crate) fn generated_csv() -> BenchData {
    let dir = tempfile::tempdir().expect("a temporary folder for the bench data");
    let csv = dir.path().join("customers_100k.csv");
    let config = GeneratorConfig {
        customers: CUSTOMERS,
        seed: 7,
    };
    write_customers_to_path(&config, &csv).expect("the bench data is written");
    BenchData { dir, csv }
}

/// The default run settings, with the standard scaler fixed (the scaler comparison is a
/// separate sweep on 5,000 customers).
pub(crate) fn config() -> ValidRunConfig {
    RunConfig {
        scaler: ScalerChoice::Standard,
        ..RunConfig::default()
    }
    .validate()
    .expect("the default settings are valid")
}

pub(crate) fn load(data: &BenchData) -> (RawTable, ColumnMapping) {
    let table = load_table(&data.csv, &LoadOptions::default()).expect("the bench data loads");
    let (mapping, _) = detect_mapping(&table);
    (table, mapping)
}

/// Validation and features: the segmentation input (13 capped features) and the feature table.
pub(crate) fn features(
    table: &RawTable,
    mapping: &ColumnMapping,
) -> (FeatureTable, SegmentationInput) {
    let config = config();
    let clean = validate(table, mapping, &config)
        .expect("the bench data validates")
        .clean;
    let (features, _) = sis::features::build_features(&clean, &config);
    let input = prepare(&features, &config)
        .expect("the default features are there")
        .input;
    (features, input)
}

/// The standard-scaled segmentation matrix.
pub(crate) fn scaled(input: &SegmentationInput) -> FeatureMatrix {
    let slices = input.column_slices();
    sis::segment::FittedScaler::fit(ScalerKind::Standard, &slices).transform(&slices)
}

/// The whole analysis with the standard scaler.
pub(crate) fn analysis(table: &RawTable, mapping: &ColumnMapping) -> Analysis {
    run_analysis(
        table,
        mapping,
        config().inner().clone(),
        &Progress::silent(),
    )
    .expect("the bench data runs")
}
