//! Draws the model CLV block (see `report::value_block`) as a table after the segments table.

use super::layout::Layout;
use super::table::{Column, Row, table};
use crate::charts::segment_style;
use crate::report::content::ReportModel;
use crate::report::value_block::VALUE_COLUMNS;

/// The block, when the report has one.
pub(super) fn value_block(layout: &mut Layout<'_>, model: &ReportModel) {
    let Some(block) = &model.value_block else {
        return;
    };
    layout.heading("Customer lifetime value (BG/NBD + Gamma-Gamma)", 60.0);
    let columns: Vec<Column> = VALUE_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if i == 0 {
                Column::left(t, 2.0)
            } else {
                Column::right(t, 1.0)
            }
        })
        .collect();
    let rows: Vec<Row> = block
        .rows
        .iter()
        .map(|(segment, cells)| Row {
            cells: cells.clone(),
            swatch: segment.map(segment_style),
            bold: segment.is_none(),
        })
        .collect();
    table(layout, &columns, &rows);
    layout.muted(&block.note);
}
