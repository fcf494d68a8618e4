//! The column review of order lines: when the mapping reads the file as a transactions dataset,
//! a block says so, what will happen to the lines (cleaned, aggregated to one row per customer,
//! CLV models fitted) and which column plays each order-line role (each editable in the grid).

use crate::format;
use crate::gui::dataset::{Dataset, role_text};
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::roles::{ColumnMapping, Role};
use egui::{RichText, Ui};

/// The block, when `mapping` reads the table as order lines.
pub(super) fn order_lines(ui: &mut Ui, dataset: &Dataset, mapping: &ColumnMapping) {
    if !crate::transactions::is_order_mapping(mapping) {
        return;
    }
    let palette = Palette::current(ui.ctx());
    ui.label(
        RichText::new("Order lines (a transactions dataset)")
            .heading()
            .color(palette.strong),
    );
    widgets::muted(
        ui,
        format!(
            "The {} rows are order lines: customer ids repeat. Before segmenting, lines without a customer, with a zero or negative price or exactly duplicated are dropped, cancellations are matched to their orders, the lines are aggregated to one row per customer (recency, orders, net spend, tenure…) and the BG/NBD + Gamma-Gamma CLV models are fitted. Change any role in the grid below.",
            format::count(dataset.table.n_rows())
        ),
    );
    ui.add_space(4.0);
    for role in std::iter::once(Role::CustomerId).chain(Role::ORDER_LINE) {
        let columns: Vec<&str> = mapping
            .entries
            .iter()
            .filter(|(_, r)| *r == role)
            .map(|(c, _)| c.as_str())
            .collect();
        let text = if columns.is_empty() {
            format!("{}: not mapped", role_text(&role))
        } else {
            format!("{}: {}", role_text(&role), columns.join(", "))
        };
        widgets::status_chip(ui, !columns.is_empty(), &text);
    }
    ui.add_space(tokens::SECTION_GAP);
}
