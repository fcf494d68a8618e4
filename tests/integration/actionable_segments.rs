//! A marketer's segments: the demo with the defaults gives a handful of stable segments that
//! are not one flag in disguise, the treatment of every feature is decided from the data and
//! reported, the one-feature-split check fires where one flag makes the segments and stays
//! quiet on real clusters, and switching k needs no re-run.

use crate::common;

use sis::config::{KChoice, RunConfig, ScalerChoice};
use sis::pipeline::{Analysis, run_analysis};
use sis::progress::Progress;
use sis::roles::{ColumnMapping, Role};
use sis::table::{Column, ColumnData, RawTable, SourceFormat};
use sis::validate::{HeldOut, TreatmentKind};
use std::sync::OnceLock;

fn demo() -> &'static Analysis {
    static DEMO: OnceLock<Analysis> = OnceLock::new();
    DEMO.get_or_init(|| common::analyse(&common::demo_table()))
}

fn is_flag(values: &[f64]) -> bool {
    values.iter().all(|&v| v == 0.0 || v == 1.0)
}

#[test]
fn the_demo_gives_a_handful_of_segments_that_are_not_one_flag() {
    let a = demo();
    let seg = &a.segmentation;
    assert!((3..=6).contains(&seg.k), "k = {}: {}", seg.k, seg.k_reason);
    assert_eq!(seg.k, seg.rule_k);
    for (name, column) in a.input.names.iter().zip(&a.input.columns) {
        assert!(
            !is_flag(column),
            "{name} is a 0/1 flag among the distance features"
        );
    }
    let treatment = |name: &str| {
        a.preparation
            .treatment(name)
            .unwrap_or_else(|| panic!("{name} has a treatment"))
            .kind
    };
    assert_eq!(
        treatment("Promo_Responsive"),
        TreatmentKind::HeldOut(HeldOut::Flag)
    );
    assert!(matches!(
        treatment("Total_Children"),
        TreatmentKind::HeldOut(HeldOut::LowCardinality { levels: 4 })
    ));
    assert_eq!(treatment("Income"), TreatmentKind::Log1p);
    assert_eq!(treatment("Avg_Spend_Per_Purchase"), TreatmentKind::Log1p);
    assert_eq!(
        treatment("Deal_Dependency"),
        TreatmentKind::Kept,
        "a share is never logged"
    );
    let split = seg.split.as_ref().expect("the split check ran");
    assert!(
        !split.warn,
        "one feature makes the segments: {}",
        sis::summary::split_sentence(seg).unwrap_or_default()
    );
    assert!(split.balanced_accuracy > 0.3 && split.balanced_accuracy < 0.9);
    assert!(seg.k_reason.contains("runner-up k = "), "{}", seg.k_reason);
    assert_eq!(seg.segment_stability.len(), seg.k);
    // The held-out flag is still profiled per segment, as a rate.
    let promo = a
        .insights
        .profile
        .feature("Promo_Responsive")
        .expect("the flag is profiled");
    assert!(promo.segment_means.iter().all(|r| (0.0..=1.0).contains(r)));
    // The dominance guard ran on every scaler and kept a scaler no feature dominates.
    let chosen = seg
        .scaler_comparison
        .iter()
        .find(|r| r.chosen)
        .expect("a scaler was chosen");
    assert!(!chosen.dominated, "{chosen:?}");
}

#[test]
fn the_demo_run_id_and_segments_do_not_depend_on_the_thread_count() {
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool")
            .install(|| common::analyse(&common::demo_table()))
    };
    let (one, two) = (run(1), run(2));
    assert_eq!(one.run_id, two.run_id);
    assert_eq!(one.segmentation.k, two.segmentation.k);
    assert_eq!(one.segmentation.labels, two.segmentation.labels);
    assert_eq!(one.segmentation.options, two.segmentation.options);
    assert_eq!(one.run_id, demo().run_id);
}

#[test]
fn switching_k_gives_the_sweeps_run_without_re_running() {
    let a = demo();
    let other = if a.segmentation.k == 4 { 5 } else { 4 };
    let mut switched = a.clone();
    assert!(switched.switch_k(other));
    let seg = &switched.segmentation;
    assert_eq!(seg.k, other);
    assert_eq!(seg.sizes.len(), other);
    assert_eq!(switched.personas.len(), other);
    assert!(
        seg.k_reason.contains("chosen by the user"),
        "{}",
        seg.k_reason
    );
    assert_eq!(seg.rule_k, a.segmentation.k);
    // The same run as a fixed-k run with the same scaler gives.
    let scaler = match a.segmentation.scaler.kind {
        sis::segment::ScalerKind::Standard => ScalerChoice::Standard,
        sis::segment::ScalerKind::Robust => ScalerChoice::Robust,
        sis::segment::ScalerKind::MinMax => ScalerChoice::MinMax,
    };
    let fixed = common::analyse_with(
        &common::demo_table(),
        RunConfig {
            k: KChoice::Fixed(other),
            scaler,
            ..RunConfig::default()
        },
    );
    assert_eq!(seg.labels, fixed.segmentation.labels);
    assert_eq!(
        switched
            .personas
            .iter()
            .map(|p| p.display_name().to_string())
            .collect::<Vec<_>>(),
        fixed
            .personas
            .iter()
            .map(|p| p.display_name().to_string())
            .collect::<Vec<_>>()
    );
    assert!(switched.switch_k(a.segmentation.k));
    assert_eq!(switched.segmentation.labels, a.segmentation.labels);
    assert!(!switched.switch_k(30), "k = 30 was never fitted");
}

/// A table of `columns` measures (and an id), mapped by hand.
fn measures(columns: Vec<(&str, Vec<f64>)>, roles: &[Role]) -> (RawTable, ColumnMapping) {
    let n = columns[0].1.len();
    let mut cols = vec![Column {
        name: "ID".into(),
        data: ColumnData::Numeric((0..n).map(|i| i as f64).collect()),
    }];
    let mut entries = vec![("ID".to_string(), Role::CustomerId)];
    for ((name, values), role) in columns.into_iter().zip(roles) {
        entries.push((name.to_string(), role.clone()));
        cols.push(Column {
            name: name.into(),
            data: ColumnData::Numeric(values),
        });
    }
    let table = RawTable {
        file_name: "generated.csv".into(),
        format: SourceFormat::Memory,
        columns: cols,
    };
    (table, ColumnMapping::new(entries))
}

fn uniform(n: usize, seed: u64) -> Vec<f64> {
    // A fixed-seed uniform stream (xorshift), enough for noise columns.
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect()
}

#[test]
fn the_split_check_fires_when_one_flag_makes_the_segments() {
    let n = 1_500;
    let flag: Vec<f64> = uniform(n, 1).iter().map(|&u| f64::from(u < 0.4)).collect();
    let spend: Vec<f64> = uniform(n, 2).iter().map(|u| 100.0 + 50.0 * u).collect();
    let visits: Vec<f64> = uniform(n, 3).iter().map(|u| 10.0 * u).collect();
    let (table, mapping) = measures(
        vec![("Responded", flag), ("Spend", spend), ("Visits", visits)],
        &[Role::Measure, Role::Measure, Role::Measure],
    );
    // Asking for the flag (the old default) with min-max scaling: the flag makes the segments.
    let config = RunConfig {
        k: KChoice::Fixed(2),
        k_min: 2,
        k_max: 2,
        seeds: 3,
        scaler: ScalerChoice::MinMax,
        include_features: vec!["Responded".into(), "Spend".into(), "Visits".into()],
        ..RunConfig::default()
    };
    let a = run_analysis(&table, &mapping, config, &Progress::silent()).expect("runs");
    let t = a.preparation.treatment("Responded").expect("treated");
    assert!(
        t.is_distance()
            && t.warning
                .as_deref()
                .is_some_and(|w| w.contains("may dominate"))
    );
    let split = a.segmentation.split.as_ref().expect("checked");
    assert_eq!(split.feature, "Responded");
    assert!(split.warn, "{split:?}");
    let sentence = sis::summary::split_sentence(&a.segmentation).unwrap();
    assert!(
        sentence
            .starts_with("These segments mostly split customers by Responded (above/below 0.50): "),
        "{sentence}"
    );
    assert!(
        a.personas.iter().all(|p| p
            .warnings
            .iter()
            .any(|w| w.starts_with("These segments mostly split"))),
        "every persona carries the warning"
    );
}

#[test]
fn the_split_check_stays_quiet_on_gaussian_blobs_in_four_dimensions() {
    let n = 2_000;
    let blobs = sis::generate::gaussian_blobs(n, 4, 4, 4.0, 11).expect("blobs");
    let columns: Vec<Vec<f64>> = (0..4)
        .map(|j| (0..n).map(|i| f64::from(blobs.row(i)[j])).collect())
        .collect();
    let names = ["A", "B", "C", "D"];
    let (table, mapping) = measures(
        names.iter().copied().zip(columns).collect(),
        &[Role::Measure, Role::Measure, Role::Measure, Role::Measure],
    );
    let config = RunConfig {
        k: KChoice::Fixed(4),
        k_min: 4,
        k_max: 4,
        seeds: 3,
        scaler: ScalerChoice::Standard,
        ..RunConfig::default()
    };
    let a = run_analysis(&table, &mapping, config, &Progress::silent()).expect("runs");
    let r = a.segmentation.chosen_report().expect("k = 4");
    assert!(r.silhouette > 0.3, "the blobs are separated: {r:?}");
    let split = a.segmentation.split.as_ref().expect("checked");
    assert!(!split.warn, "{split:?}");
    assert!(
        split.balanced_accuracy > 0.25,
        "the figure is reported: {split:?}"
    );
}
