//! The scored customers written out: CSV, a Parquet file (polars) and an XLSX workbook
//! (rust_xlsxwriter), the last two built in memory. Same customers, same bytes: the
//! workbook's date is fixed.

use super::ExportError;
use super::customers::{CustomerFormat, ScoredCustomers};
use crate::model::csv_field;
use polars::prelude::*;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

/// Rows of one XLSX sheet, the header included.
pub(super) const XLSX_MAX_ROWS: usize = 1_048_576;

/// Write the customers in `format` to `out`.
pub fn write_customers(
    customers: &ScoredCustomers,
    format: CustomerFormat,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: PathBuf::from("(output)"),
        action: "write the customers",
        source,
    };
    match format {
        CustomerFormat::Csv => write_csv(customers, out).map_err(io),
        CustomerFormat::Parquet => {
            let bytes = parquet_bytes(customers)?;
            out.write_all(&bytes).and_then(|_| out.flush()).map_err(io)
        }
        CustomerFormat::Xlsx => {
            let bytes = xlsx_bytes(customers)?;
            out.write_all(&bytes).and_then(|_| out.flush()).map_err(io)
        }
    }
}

/// CSV with a header row; numbers in Rust's shortest exact form, text quoted when needed.
fn write_csv(customers: &ScoredCustomers, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::new(out);
    let header: Vec<String> = customers.header().into_iter().map(csv_field).collect();
    writeln!(buf, "{}", header.join(","))?;
    for (i, id) in customers.ids.iter().enumerate() {
        write!(
            buf,
            "{},{},{}",
            csv_field(id),
            customers.segments[i],
            csv_field(customers.persona_of(i))
        )?;
        for (_, values) in &customers.features {
            write!(buf, ",{}", values[i])?;
        }
        writeln!(buf)?;
    }
    buf.flush()
}

/// The customers as Parquet: `customer_id` (text), `segment` (u32), `persona` (text), then one
/// f64 column per feature.
fn parquet_bytes(customers: &ScoredCustomers) -> Result<Vec<u8>, ExportError> {
    let personas: Vec<&str> = (0..customers.len())
        .map(|i| customers.persona_of(i))
        .collect();
    let mut columns: Vec<Column> = vec![
        Series::new("customer_id".into(), &customers.ids).into(),
        Series::new("segment".into(), &customers.segments).into(),
        Series::new("persona".into(), &personas).into(),
    ];
    for (name, values) in &customers.features {
        columns.push(Series::new(name.as_str().into(), values).into());
    }
    let parquet = |e: PolarsError| ExportError::Parquet(e.to_string());
    let mut frame = DataFrame::new_infer_height(columns).map_err(parquet)?;
    let mut out = Vec::new();
    // polars reports most problems as errors but may panic on odd input; keep that an error.
    catch_unwind(AssertUnwindSafe(|| {
        ParquetWriter::new(&mut out).finish(&mut frame)
    }))
    .map_err(|_| ExportError::Parquet("the Parquet writer stopped unexpectedly".into()))?
    .map_err(parquet)?;
    Ok(out)
}

/// The customers as one XLSX sheet, "Customers", with a bold frozen header row.
fn xlsx_bytes(customers: &ScoredCustomers) -> Result<Vec<u8>, ExportError> {
    if customers.len() + 1 > XLSX_MAX_ROWS {
        return Err(ExportError::TooManyRowsForXlsx {
            customers: customers.len(),
            max: XLSX_MAX_ROWS - 1,
        });
    }
    let xlsx = |e: rust_xlsxwriter::XlsxError| ExportError::Xlsx(e.to_string());
    let mut book = Workbook::new();
    // A fixed document date, so that one analysis always gives the same bytes.
    let date = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Scored customers")
            .set_creation_datetime(&date),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Customers").map_err(xlsx)?;
    let bold = Format::new().set_bold();
    for (j, name) in customers.header().iter().enumerate() {
        sheet
            .write_string_with_format(0, j as u16, *name, &bold)
            .map_err(xlsx)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx)?;
    for i in 0..customers.len() {
        let row = (i + 1) as u32;
        sheet
            .write_string(row, 0, &customers.ids[i])
            .map_err(xlsx)?;
        sheet
            .write_number(row, 1, f64::from(customers.segments[i]))
            .map_err(xlsx)?;
        sheet
            .write_string(row, 2, customers.persona_of(i))
            .map_err(xlsx)?;
        for (j, (_, values)) in customers.features.iter().enumerate() {
            let value = values[i];
            if value.is_finite() {
                sheet
                    .write_number(row, (j + 3) as u16, value)
                    .map_err(xlsx)?;
            }
        }
    }
    book.save_to_buffer().map_err(xlsx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::customers::tests::sample;

    #[test]
    fn csv_has_the_header_and_quotes_names() {
        let mut out = Vec::new();
        write_customers(&sample(), CustomerFormat::Csv, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "customer_id,segment,persona,Income\n7,2,\"Deal, Seekers\",1.5\n8,1,Clientes Fiéis,20000\n"
        );
    }
}
