//! Strategic Intelligence Stack: the headless core. Data flows one way through typed stages,
//! ingest → roles → validate → features → segment → insights → personas, and the GUI and the
//! `sis` command line are thin shells over it. Nothing here depends on egui.

#![forbid(unsafe_code)]

pub mod cli;
pub mod charts;
pub mod config;
pub mod features;
pub mod generate;
pub mod ingest;
pub mod insights;
pub mod model;
pub mod palette;
pub mod personas;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod roles;
pub mod run_id;
pub mod segment;
pub mod session;
pub mod summary;
pub mod table;
pub mod validate;

#[cfg(feature = "gui")]
pub mod gui;
