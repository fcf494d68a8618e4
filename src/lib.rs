//! Strategic Intelligence Stack: the headless core. Data flows one way through typed stages,
//! ingest → roles → validate → features → segment → insights → personas, and the GUI and the
//! `sis` command line are thin shells over it. Nothing here depends on egui.

pub mod config;
pub mod generate;
pub mod ingest;
pub mod roles;
pub mod segment;
pub mod table;

#[cfg(feature = "gui")]
pub mod gui;
