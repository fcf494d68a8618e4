//! Reading Parquet files with polars: numbers and booleans become numbers, strings become text
//! (or dates when they read as dates), date and datetime columns keep their native dates.

use super::convert::{Sniff, convert_text};
use super::{IngestError, headers};
use crate::table::{Column, ColumnData, DateFormat, MISSING_DAY, RawTable, SourceFormat};
use polars::prelude::*;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

const DAY_MS: i64 = 86_400_000;

/// Read Parquet bytes named `file` in messages.
pub(crate) fn read_parquet(bytes: &[u8], file: &str) -> Result<RawTable, IngestError> {
    let read = || ParquetReader::new(Cursor::new(bytes)).finish();
    let frame = match catch_unwind(AssertUnwindSafe(read)) {
        Ok(Ok(frame)) => frame,
        Ok(Err(e)) => {
            return Err(parse_error(
                file,
                format!("the Parquet data could not be read ({e})"),
            ));
        }
        Err(_) => {
            return Err(parse_error(
                file,
                "the Parquet reader failed on this file".to_string(),
            ));
        }
    };
    if frame.width() == 0 {
        return Err(IngestError::Empty {
            file: file.to_string(),
        });
    }
    if frame.height() == 0 {
        return Err(IngestError::NoRows {
            file: file.to_string(),
        });
    }
    let raw_names = frame
        .columns()
        .iter()
        .map(|c| Some(c.name().to_string()))
        .collect();
    let names = headers::column_names(file, raw_names)?;
    let mut columns = Vec::with_capacity(names.len());
    for (name, column) in names.into_iter().zip(frame.columns()) {
        let data = convert_series(column.as_materialized_series())
            .map_err(|e| column_error(file, &name, column.dtype(), e))?;
        columns.push(Column { name, data });
    }
    Ok(RawTable {
        file_name: file.to_string(),
        format: SourceFormat::Parquet,
        columns,
    })
}

/// One Parquet column as our column type.
fn convert_series(series: &Series) -> PolarsResult<ColumnData> {
    let dtype = series.dtype().clone();
    let data = match dtype {
        DataType::Boolean => ColumnData::Numeric(
            series
                .bool()?
                .iter()
                .map(|b| b.map_or(f64::NAN, |b| if b { 1.0 } else { 0.0 }))
                .collect(),
        ),
        DataType::Null => ColumnData::Numeric(vec![f64::NAN; series.len()]),
        DataType::Date => ColumnData::Date {
            days: series
                .date()?
                .physical()
                .iter()
                .map(|d| d.unwrap_or(MISSING_DAY))
                .collect(),
            format: DateFormat::Native,
        },
        DataType::Datetime(unit, _) => {
            let per_day = match unit {
                TimeUnit::Milliseconds => DAY_MS,
                TimeUnit::Microseconds => DAY_MS * 1_000,
                TimeUnit::Nanoseconds => DAY_MS * 1_000_000,
            };
            let days = series
                .datetime()?
                .physical()
                .iter()
                .map(|t| {
                    t.and_then(|t| i32::try_from(t.div_euclid(per_day)).ok())
                        .unwrap_or(MISSING_DAY)
                })
                .collect();
            ColumnData::Date {
                days,
                format: DateFormat::Native,
            }
        }
        DataType::String => text_column(series.str()?),
        dtype if dtype.is_integer() && beyond_exact(series)? => {
            // Long integer ids: kept as their decimal text so they round-trip exactly.
            let strings = series.cast(&DataType::String)?;
            let strings = strings.str()?;
            convert_text(
                || strings.downcast_iter().flat_map(|arr| arr.iter()),
                Sniff {
                    numbers: false,
                    dates: false,
                },
            )
        }
        dtype if dtype.is_primitive_numeric() => {
            let floats = series.cast(&DataType::Float64)?;
            ColumnData::Numeric(
                floats
                    .f64()?
                    .iter()
                    .map(|x| x.unwrap_or(f64::NAN))
                    .collect(),
            )
        }
        _ => text_column(series.cast(&DataType::String)?.str()?),
    };
    Ok(data)
}

/// Whether an integer column holds a value a float cannot hold exactly (beyond 2^53).
fn beyond_exact(series: &Series) -> PolarsResult<bool> {
    let wide = series.cast(&DataType::Float64)?;
    Ok(wide
        .f64()?
        .downcast_iter()
        .flat_map(|arr| arr.iter())
        .flatten()
        .any(|x| x.abs() >= 9_007_199_254_740_992.0))
}

/// Strings stay text unless they are dates: the writer chose text on purpose.
fn text_column(strings: &StringChunked) -> ColumnData {
    convert_text(
        || strings.downcast_iter().flat_map(|arr| arr.iter()),
        Sniff {
            numbers: false,
            dates: true,
        },
    )
}

fn parse_error(file: &str, what: String) -> IngestError {
    IngestError::Parse {
        file: file.to_string(),
        message: format!(
            "{what}; check that the file is a complete Parquet file, or export it again."
        ),
    }
}

fn column_error(file: &str, name: &str, dtype: &DataType, e: PolarsError) -> IngestError {
    IngestError::Parse {
        file: file.to_string(),
        message: format!(
            "column \"{name}\" has the Parquet type {dtype}, which cannot be read as numbers, text or dates ({e}); convert it to one of those and export the file again."
        ),
    }
}
