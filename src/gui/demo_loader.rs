//! TEMPORARY: a small loader for the bundled demo dataset (`data/marketing_campaign.csv`),
//! used only until `sis::ingest::load_table` lands; then `load_demo` calls that instead.
//! It reads a plain comma-separated file with a header: numbers, ISO dates and text.

use crate::table::{
    Column, ColumnData, DateFormat, MISSING_CODE, MISSING_DAY, RawTable, SourceFormat,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The file name of the bundled demo dataset.
pub const DEMO_FILE: &str = "marketing_campaign.csv";

/// Where the demo dataset is: `data/marketing_campaign.csv` in the working directory, or
/// next to the crate's manifest.
pub fn demo_path() -> PathBuf {
    let local = Path::new("data").join(DEMO_FILE);
    if local.is_file() {
        return local;
    }
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/marketing_campaign.csv"
    ))
}

/// Whether `path` is the bundled demo dataset.
pub fn is_demo(path: &Path) -> bool {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    canonical(path) == canonical(&demo_path())
}

/// Load the bundled demo dataset.
pub fn load_demo() -> Result<RawTable, String> {
    load_csv(&demo_path())
}

/// TEMPORARY: read a simple comma-separated file (no quoted commas) into a table.
pub fn load_csv(path: &Path) -> Result<RawTable, String> {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: cannot read the file ({e}). Check that it exists and is readable.",
            path.display()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<String> = lines
        .next()
        .ok_or_else(|| format!("{file_name}: the file is empty; it needs a header line."))?
        .split(',')
        .map(|h| h.trim().to_string())
        .collect();
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); header.len()];
    for (i, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != header.len() {
            return Err(format!(
                "{file_name}, row {}: {} fields where the header has {}; check the delimiter.",
                i + 2,
                fields.len(),
                header.len()
            ));
        }
        for (column, field) in cells.iter_mut().zip(fields) {
            column.push(field.trim().to_string());
        }
    }
    let columns = header
        .into_iter()
        .zip(cells)
        .map(|(name, values)| Column {
            name,
            data: column_data(&values),
        })
        .collect();
    Ok(RawTable {
        file_name,
        format: SourceFormat::Csv {
            delimiter: ',',
            had_bom: false,
        },
        columns,
    })
}

fn is_missing(s: &str) -> bool {
    crate::validate::is_missing_token(s)
}

fn column_data(values: &[String]) -> ColumnData {
    let numbers: Option<Vec<f64>> = values
        .iter()
        .map(|v| {
            if is_missing(v) {
                Some(f64::NAN)
            } else {
                v.parse::<f64>().ok()
            }
        })
        .collect();
    if let Some(numbers) = numbers {
        return ColumnData::Numeric(numbers);
    }
    let days: Option<Vec<i32>> = values
        .iter()
        .map(|v| {
            if is_missing(v) {
                return Some(MISSING_DAY);
            }
            let date = v.get(..10)?;
            let mut parts = date.split('-');
            let y = parts.next()?.parse().ok()?;
            let m = parts.next()?.parse().ok()?;
            let d = parts.next()?.parse().ok()?;
            crate::table::days_from_civil(y, m, d)
        })
        .collect();
    if let Some(days) = days {
        return ColumnData::Date {
            days,
            format: DateFormat::Iso,
        };
    }
    let mut levels: Vec<String> = Vec::new();
    let mut index: HashMap<&str, u32> = HashMap::new();
    let codes = values
        .iter()
        .map(|v| {
            if is_missing(v) {
                return MISSING_CODE;
            }
            *index.entry(v.as_str()).or_insert_with(|| {
                levels.push(v.clone());
                (levels.len() - 1) as u32
            })
        })
        .collect();
    ColumnData::Text { codes, levels }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_loads_with_typed_columns() {
        let table = load_demo().unwrap();
        assert_eq!(table.n_rows(), 2240);
        assert_eq!(table.columns.len(), 29);
        assert!(matches!(
            table.column("Dt_Customer").unwrap().data,
            ColumnData::Date { .. }
        ));
        assert!(matches!(
            table.column("Education").unwrap().data,
            ColumnData::Text { .. }
        ));
        let income = &table.column("Income").unwrap().data;
        assert_eq!((0..2240).filter(|&i| income.is_missing(i)).count(), 24);
    }
}
