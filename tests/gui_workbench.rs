//! The workbench driven as a person uses it (egui_kittest, by accessible labels): opening data,
//! sessions, errors, the mapping and its settings, workshops and presentation mode. One binary
//! for all GUI tests, so egui and the core are linked once.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

#[path = "gui/support.rs"]
mod support;
// The hostile corpus writer, shared with the integration tests.
#[path = "common/mod.rs"]
mod common;

#[path = "gui/chart_png.rs"]
mod chart_png;
#[path = "gui/choice_of_k.rs"]
mod choice_of_k;
#[path = "gui/errors.rs"]
mod errors;
#[path = "gui/export.rs"]
mod export;
#[path = "gui/hostile_corpus.rs"]
mod hostile_corpus;
#[path = "gui/session.rs"]
mod session;
#[path = "gui/settings.rs"]
mod settings;
#[path = "gui/simulation.rs"]
mod simulation;
#[path = "gui/transactions.rs"]
mod transactions;
#[path = "gui/worker_panic.rs"]
mod worker_panic;
#[path = "gui/workshop.rs"]
mod workshop;
