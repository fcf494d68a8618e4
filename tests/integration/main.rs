//! The core's integration tests in one binary: each file is a module, so the core and polars
//! are linked once rather than once per file (which took tens of gigabytes of disk in CI).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

#[path = "../common/mod.rs"]
mod common;

mod actionable_segments;
mod bad_inputs;
mod bundle_corruption;
mod clv_cdnow;
mod clv_generated;
mod demo_segmentation;
mod determinism;
mod exports;
mod fuzz_regressions;
mod generate_data;
mod hostile_corpus;
mod ingest_formats;
mod insights_demo;
mod insights_generic;
mod interrupted_saves;
mod kmeans_reference;
mod minimal_dataset;
mod missing_file;
mod output_guards;
mod pdf_checks;
mod pdf_report;
mod pdf_scenarios;
mod personas;
mod scoring;
mod scoring_sql;
mod session_cli;
mod session_fixture;
mod session_roundtrip;
mod simulation;
mod transactions_cdnow;
mod transactions_orders;
mod transactions_refusal;
mod transactions_value;
mod upload_with_renamed_columns;
