//! The data exports' card: the scored customers (CSV, Parquet or XLSX), the run's manifest
//! (JSON, as `sis inspect --json`) and the scoring SQL for a warehouse table.

use super::report_card::{export_button, field};
use super::settings::ExportSettings;
use crate::export::CustomerFormat;
use crate::gui::tokens::{self, Palette};
use crate::gui::views::Action;
use crate::gui::widgets;
use egui::{RichText, Ui};

pub(super) fn ui(
    ui: &mut Ui,
    settings: &mut ExportSettings,
    availability: &Result<(), String>,
    out: &mut Vec<Action>,
) {
    let palette = Palette::current(ui.ctx());
    tokens::card_frame(&palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Data exports").size(tokens::HEADING_SIZE).strong());
        ui.add_space(tokens::ITEM_GAP);

        ui.label(RichText::new("Scored customers").strong());
        widgets::muted(ui, "Each customer's id, segment number, persona name and the features used.");
        ui.horizontal(|ui| {
            field(ui, "Customers file name", &mut settings.customers_name, 260.0, "The file's name; the format gives the extension");
            for format in CustomerFormat::ALL {
                let text = format.extension().to_uppercase();
                ui.selectable_value(&mut settings.customers_format, format, text);
            }
        });
        let hover = format!("Write {}", settings.customers_path().display());
        if export_button(ui, "Export scored customers", &hover, availability) {
            out.push(Action::Export(settings.customers_request()));
        }
        ui.add_space(tokens::SECTION_GAP);

        ui.label(RichText::new("Manifest").strong());
        widgets::muted(ui, "The run as JSON: data hash, mapping, settings and segment sizes, as `sis inspect --json` prints it.");
        field(ui, "Manifest file name", &mut settings.manifest_name, 260.0, "The JSON file's name");
        if export_button(ui, "Export manifest", "Write the run's manifest as JSON", availability) {
            out.push(Action::Export(settings.manifest_request()));
        }
        ui.add_space(tokens::SECTION_GAP);

        ui.label(RichText::new("Scoring SQL").strong());
        widgets::muted(ui, "One standard-SQL query that assigns every customer of a warehouse table to a segment and persona, as `sis score` does (SQLite, DuckDB, PostgreSQL, BigQuery, Snowflake, Spark SQL).");
        ui.horizontal(|ui| {
            field(ui, "SQL file name", &mut settings.sql_name, 260.0, "The query's file name");
            field(ui, "Table name", &mut settings.sql_table, 200.0, "The warehouse table or view with the raw mapped columns, e.g. crm.customers");
        });
        if export_button(ui, "Export scoring SQL", "Write the scoring query", availability) {
            out.push(Action::Export(settings.sql_request()));
        }
    });
}
