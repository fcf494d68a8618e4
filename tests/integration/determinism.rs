//! The same data and settings give the same run id, the same segments and the same bundle
//! bytes at any thread count (explicit rayon pools of 1, 2 and 4 threads) and on a second
//! run: a property over random small datasets and configurations.

use crate::common::table_from_rows;
use proptest::prelude::*;
use sis::config::{KChoice, RunConfig, ScalerChoice};
use sis::pipeline::run_analysis;
use sis::progress::Progress;
use sis::roles::detect_mapping;
use sis::session::Session;
use sis::table::RawTable;

const HEADER: [&str; 6] = [
    "ID",
    "Income",
    "Recency",
    "MntWines",
    "MntMeatProducts",
    "NumWebPurchases",
];

/// (run id, labels, bundle bytes), or the error in words.
fn run_on(
    threads: usize,
    table: &RawTable,
    config: &RunConfig,
) -> Result<(String, Vec<u32>, Vec<u8>), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        let (mapping, _) = detect_mapping(table);
        let analysis = run_analysis(table, &mapping, config.clone(), &Progress::silent())
            .map_err(|e| e.to_string())?;
        let run_id = analysis.run_id.clone();
        let labels = analysis.segmentation.labels.clone();
        let bytes = Session::new(table.clone(), analysis)
            .to_bytes()
            .map_err(|e| e.to_string())?;
        Ok((run_id, labels, bytes))
    })
}

fn dataset() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(
        (
            1_000u32..200_000,
            0u32..100,
            0u32..1_500,
            0u32..1_700,
            0u32..12,
        ),
        40..90,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (income, recency, wines, meat, web))| {
                vec![
                    (1000 + i).to_string(),
                    income.to_string(),
                    recency.to_string(),
                    wines.to_string(),
                    meat.to_string(),
                    web.to_string(),
                ]
            })
            .collect()
    })
}

fn config() -> impl Strategy<Value = RunConfig> {
    (
        2usize..=4,
        1usize..=3,
        any::<u64>(),
        prop::sample::select(vec![
            ScalerChoice::Auto,
            ScalerChoice::Standard,
            ScalerChoice::Robust,
            ScalerChoice::MinMax,
        ]),
        any::<bool>(),
    )
        .prop_map(|(k_max, seeds, seed, scaler, fixed)| RunConfig {
            k: if fixed {
                KChoice::Fixed(2)
            } else {
                KChoice::Auto
            },
            k_min: 2,
            k_max,
            seeds,
            seed,
            scaler,
            ..RunConfig::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn runs_are_identical_at_any_thread_count_and_on_a_second_run(
        rows in dataset(),
        config in config(),
    ) {
        let table = table_from_rows("random.csv", &HEADER, &rows);
        let one = run_on(1, &table, &config);
        for threads in [2, 4, 4] {
            let other = run_on(threads, &table, &config);
            match (&one, &other) {
                (Ok(a), Ok(b)) => {
                    prop_assert_eq!(&a.0, &b.0, "run id at {} threads", threads);
                    prop_assert_eq!(&a.1, &b.1, "labels at {} threads", threads);
                    prop_assert!(a.2 == b.2, "bundle bytes differ at {} threads", threads);
                }
                (a, b) => prop_assert_eq!(a, b),
            }
        }
    }
}
