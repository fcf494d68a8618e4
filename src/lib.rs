//! Strategic Intelligence Stack: the headless core, and the GUI and `sis` command line as thin
//! shells over it. Nothing outside `gui` depends on egui.
//!
//! The modules fall in three groups, and imports run one way, down this list:
//!
//! - **Shared ground**, used by every stage: `table` (the loaded data), `config` (the run
//!   settings, checked once), `progress`, `palette`, `run_id`, `generate` (demo and test
//!   data), and the one home of each shared concept: `missing` (how a missing value is
//!   spelled), `stats` (quantiles and medians), `format` (numbers and percentages as shown).
//! - **Stages**, in pipeline order; each imports only the stages before it:
//!   `ingest → roles → validate → features → segment → insights → personas → decisions`.
//!   `pipeline` runs them and assembles their outputs into an `Analysis`; no stage imports it.
//! - **Products** of an analysis: `model` (a saved segmentation that scores new customers),
//!   `session` (the `.sis` bundle), `summary` (the figures a run reports), `charts` (the chart
//!   models the GUI and the PDF both draw).
//! - **Shells**: `cli` and `gui`. They import the core; the core never imports them.

#![forbid(unsafe_code)]

// Shared ground.
pub mod config;
pub mod format;
pub mod generate;
pub(crate) mod identity;
pub(crate) mod missing;
pub mod palette;
pub mod progress;
pub mod quality;
pub mod run_id;
pub(crate) mod stats;
pub mod table;

// Customer-base models the stages draw on: BG/NBD and Gamma-Gamma lifetime value.
pub mod clv;

// Stages, in pipeline order, then the pipeline that runs them.
pub mod ingest;

pub mod roles;

// Order lines aggregated to one row per customer (or refused) before validation.
pub mod transactions;

pub mod validate;

pub mod features;

pub mod segment;

pub mod insights;

pub mod personas;

pub mod decisions;

pub mod pipeline;

// Products.
pub mod charts;
pub mod export;
pub mod model;
pub mod report;
pub mod session;
pub mod simulate;
pub mod summary;

// Shells.
pub mod cli;
#[cfg(feature = "gui")]
pub mod gui;
