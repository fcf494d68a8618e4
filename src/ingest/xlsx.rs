//! Reading one sheet of an XLSX workbook with calamine: the first row is the header, number
//! columns become numbers, date cells become native dates, anything mixed is read as text and
//! then typed like CSV values.

use super::convert::{Sniff, convert_text};
use super::{IngestError, dates, headers};
use crate::table::{
    Column, ColumnData, DateFormat, MISSING_DAY, RawTable, SourceFormat, days_from_civil,
    format_day,
};
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Read the sheet `sheet` (the first one when `None`) of XLSX bytes named `file` in messages.
pub(crate) fn read_xlsx(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
) -> Result<RawTable, IngestError> {
    match catch_unwind(AssertUnwindSafe(|| read_sheet(bytes, file, sheet))) {
        Ok(result) => result,
        Err(_) => Err(workbook_error(
            file,
            "the XLSX reader failed on this file".to_string(),
        )),
    }
}

fn read_sheet(bytes: &[u8], file: &str, sheet: Option<&str>) -> Result<RawTable, IngestError> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| workbook_error(file, format!("the workbook could not be opened ({e})")))?;
    let available = workbook.sheet_names();
    let name = choose_sheet(&available, sheet).ok_or_else(|| match sheet {
        Some(requested) => IngestError::SheetNotFound {
            file: file.to_string(),
            requested: requested.to_string(),
            available: available.clone(),
        },
        None => workbook_error(file, "the workbook has no sheets".to_string()),
    })?;
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| workbook_error(file, format!("sheet \"{name}\" could not be read ({e})")))?;

    let mut rows = range.rows();
    // With no sheet asked for, an empty first sheet points at the others by name.
    let hint = if sheet.is_none() {
        other_sheets_hint(&available, &name)
    } else {
        String::new()
    };
    let Some(header) = rows.next() else {
        return Err(IngestError::Parse {
            file: file.to_string(),
            message: format!(
                "sheet \"{name}\" is empty; put a header row and data on it, or choose another sheet{hint}."
            ),
        });
    };
    let mut body: Vec<&[Data]> = rows.collect();
    while body.last().is_some_and(|row| row.iter().all(is_blank)) {
        body.pop();
    }
    if body.is_empty() {
        if !hint.is_empty() {
            return Err(IngestError::Parse {
                file: file.to_string(),
                message: format!("sheet \"{name}\" has no data rows{hint}."),
            });
        }
        return Err(IngestError::NoRows {
            file: file.to_string(),
        });
    }

    // Columns with neither a header nor any value are formatting leftovers: skip them.
    let keep: Vec<usize> = (0..header.len())
        .filter(|&j| {
            !is_blank(&header[j])
                || body
                    .iter()
                    .any(|row| row.get(j).is_some_and(|c| !is_blank(c)))
        })
        .collect();
    let raw_names = keep.iter().map(|&j| cell_text(&header[j])).collect();
    let names = headers::column_names(file, raw_names)?;
    let columns = names
        .into_iter()
        .zip(&keep)
        .map(|(name, &j)| {
            let cells: Vec<&Data> = body
                .iter()
                .map(|row| row.get(j).unwrap_or(&Data::Empty))
                .collect();
            Column {
                name,
                data: convert_cells(&cells),
            }
        })
        .collect();
    Ok(RawTable {
        file_name: file.to_string(),
        format: SourceFormat::Xlsx { sheet: name },
        columns,
    })
}

/// The sheet to read: the requested one (exact name, else the only case-insensitive match),
/// or the first.
fn choose_sheet(available: &[String], requested: Option<&str>) -> Option<String> {
    let Some(requested) = requested else {
        return available.first().cloned();
    };
    if let Some(exact) = available.iter().find(|s| s.as_str() == requested) {
        return Some(exact.clone());
    }
    let mut folded = available
        .iter()
        .filter(|s| s.trim().eq_ignore_ascii_case(requested.trim()));
    match (folded.next(), folded.next()) {
        (Some(only), None) => Some(only.clone()),
        _ => None,
    }
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The day of a date cell, if it is one.
fn cell_day(cell: &Data) -> Option<i32> {
    match cell {
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            days_from_civil(i32::from(y), u32::from(m), u32::from(d))
        }
        Data::DateTimeIso(s) => dates::parse_date(s, DateFormat::Iso),
        _ => None,
    }
}

fn cell_number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Int(i) => Some(*i as f64),
        Data::Float(x) => Some(*x),
        Data::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    }
}

/// A cell shown as text (numbers formatted, dates as `YYYY-MM-DD`); `None` when empty or an error.
fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::Empty | Data::Error(_) => None,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(x) => Some(x.to_string()),
        Data::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(dt) => match cell_day(cell) {
            Some(day) => Some(format_day(day)),
            None => Some(dt.as_f64().to_string()),
        },
    }
}

/// Type one column of cells: all numbers, all dates, or text typed like CSV values.
fn convert_cells(cells: &[&Data]) -> ColumnData {
    let missing = |c: &Data| is_blank(c) || matches!(c, Data::Error(_));
    // Integers beyond 2^53 (long ids stored as numbers) are kept as text, exactly.
    let exact = |c: &Data| !matches!(c, Data::Int(i) if i.unsigned_abs() > 1 << 53);
    if cells
        .iter()
        .all(|c| missing(c) || (cell_number(c).is_some() && exact(c)))
    {
        return ColumnData::Numeric(
            cells
                .iter()
                .map(|c| cell_number(c).unwrap_or(f64::NAN))
                .collect(),
        );
    }
    if cells.iter().all(|c| missing(c) || cell_day(c).is_some()) {
        let days = cells
            .iter()
            .map(|c| cell_day(c).unwrap_or(MISSING_DAY))
            .collect();
        return ColumnData::Date {
            days,
            format: DateFormat::Native,
        };
    }
    let texts: Vec<Option<String>> = cells.iter().map(|c| cell_text(c)).collect();
    convert_text(
        || texts.iter().map(Option::as_deref),
        Sniff {
            numbers: true,
            dates: true,
        },
    )
}

/// "; the workbook also has sheet "Data": read it with `--sheet "Data"`" when there are others.
fn other_sheets_hint(available: &[String], current: &str) -> String {
    let others: Vec<&String> = available.iter().filter(|s| s.as_str() != current).collect();
    match others.first() {
        None => String::new(),
        Some(first) => format!(
            "; the workbook also has {}: read one with `--sheet \"{first}\"` (in the workbench, choose the sheet)",
            others
                .iter()
                .map(|s| format!("sheet \"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn workbook_error(file: &str, what: String) -> IngestError {
    IngestError::Parse {
        file: file.to_string(),
        message: format!("{what}; open it in Excel, save it again as .xlsx, and load that file."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_choice() {
        let sheets = vec!["Customers".to_string(), "Orders".to_string()];
        assert_eq!(choose_sheet(&sheets, None).as_deref(), Some("Customers"));
        assert_eq!(
            choose_sheet(&sheets, Some("orders")).as_deref(),
            Some("Orders")
        );
        assert_eq!(choose_sheet(&sheets, Some("Sales")), None);
        assert_eq!(choose_sheet(&[], None), None);
    }

    #[test]
    fn mixed_cells_become_text_then_numbers() {
        let a = Data::Int(3);
        let b = Data::String("n/a".into());
        let c = Data::Float(2.5);
        let data = convert_cells(&[&a, &b, &c]);
        let ColumnData::Numeric(v) = data else {
            panic!("numbers expected")
        };
        assert_eq!(v[0], 3.0);
        assert!(v[1].is_nan());
    }

    #[test]
    fn text_dates_in_cells_are_found() {
        let a = Data::String("29.06.2014".into());
        let b = Data::Empty;
        let data = convert_cells(&[&a, &b]);
        assert!(matches!(
            data,
            ColumnData::Date {
                format: DateFormat::DayFirst,
                ..
            }
        ));
    }
}
