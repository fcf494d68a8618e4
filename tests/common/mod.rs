//! Test helpers: load the demo CSV into a `RawTable` and run the pipeline on it.
//!
//! `load_csv` is a small stand-in for `sis::ingest::load_table` (plain comma-separated files
//! without quoting); it can be replaced by `sis::ingest::load_table` once ingest lands.
#![allow(dead_code)]

use sis::config::RunConfig;
use sis::pipeline::{Analysis, run_analysis};
use sis::progress::Progress;
use sis::roles::detect_mapping;
use sis::table::{
    Column, ColumnData, DateFormat, MISSING_CODE, RawTable, SourceFormat, days_from_civil,
};
use std::path::{Path, PathBuf};

/// The demo dataset shipped with the project.
pub fn demo_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv")
}

fn parse_iso(text: &str) -> Option<i32> {
    let mut parts = text.trim().split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    days_from_civil(y, m, d)
}

/// A column from its text cells: numbers (NaN for empty), ISO dates, or dictionary text.
fn column(name: &str, cells: &[&str]) -> Column {
    let present = || cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let data = if present().all(|c| c.parse::<f64>().is_ok()) {
        ColumnData::Numeric(
            cells
                .iter()
                .map(|c| c.trim().parse().unwrap_or(f64::NAN))
                .collect(),
        )
    } else if present().all(|c| parse_iso(c).is_some()) {
        ColumnData::Date {
            days: cells
                .iter()
                .map(|c| parse_iso(c).unwrap_or(sis::table::MISSING_DAY))
                .collect(),
            format: DateFormat::Iso,
        }
    } else {
        let mut levels: Vec<String> = Vec::new();
        let codes = cells
            .iter()
            .map(|c| {
                let c = c.trim();
                if c.is_empty() {
                    return MISSING_CODE;
                }
                match levels.iter().position(|l| l == c) {
                    Some(i) => i as u32,
                    None => {
                        levels.push(c.to_string());
                        (levels.len() - 1) as u32
                    }
                }
            })
            .collect();
        ColumnData::Text { codes, levels }
    };
    Column {
        name: name.to_string(),
        data,
    }
}

/// A table from a header and rows of text cells.
pub fn table_from_rows(file_name: &str, header: &[&str], rows: &[Vec<String>]) -> RawTable {
    let columns = header
        .iter()
        .enumerate()
        .map(|(j, name)| {
            let cells: Vec<&str> = rows.iter().map(|r| r[j].as_str()).collect();
            column(name, &cells)
        })
        .collect();
    RawTable {
        file_name: file_name.to_string(),
        format: SourceFormat::Memory,
        columns,
    }
}

/// Header and rows of a simple CSV file.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(path).expect("the CSV file is readable");
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header = lines
        .next()
        .expect("a header line")
        .split(',')
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// Load a simple CSV file into a `RawTable`.
pub fn load_csv(path: &Path) -> RawTable {
    let (header, rows) = read_csv(path);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
    table_from_rows(&name, &header, &rows)
}

/// The demo table.
pub fn demo_table() -> RawTable {
    load_csv(&demo_path())
}

/// Detect the mapping and run the whole pipeline with the default settings.
pub fn analyse(table: &RawTable) -> Analysis {
    analyse_with(table, RunConfig::default())
}

/// Detect the mapping and run the whole pipeline.
pub fn analyse_with(table: &RawTable, config: RunConfig) -> Analysis {
    let (mapping, _) = detect_mapping(table);
    run_analysis(table, &mapping, config, &Progress::silent()).expect("the pipeline runs")
}

/// Settings for quick runs at a fixed k (one k in the sweep, standard scaler).
pub fn fixed_k(k: usize) -> sis::config::RunConfig {
    sis::config::RunConfig {
        k: sis::config::KChoice::Fixed(k),
        k_min: k,
        k_max: k,
        scaler: sis::config::ScalerChoice::Standard,
        ..sis::config::RunConfig::default()
    }
}

/// The demo rows keyed by customer id: header and a lookup of a column's number.
pub struct DemoRows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl DemoRows {
    pub fn load() -> DemoRows {
        let (header, rows) = read_csv(&demo_path());
        DemoRows { header, rows }
    }

    fn index(&self, column: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("no column {column}"))
    }

    /// A numeric cell of the customer with this id (NaN when empty).
    pub fn number(&self, id: &str, column: &str) -> f64 {
        let (i, j) = (self.index("ID"), self.index(column));
        let row = self
            .rows
            .iter()
            .find(|r| r[i] == id)
            .unwrap_or_else(|| panic!("no customer {id}"));
        row[j].trim().parse().unwrap_or(f64::NAN)
    }

    /// Sum of several numeric cells of one customer.
    pub fn sum(&self, id: &str, columns: &[&str]) -> f64 {
        columns.iter().map(|c| self.number(id, c)).sum()
    }

    /// A map from id to row, for fast lookups.
    pub fn by_id(&self) -> std::collections::BTreeMap<String, Vec<f64>> {
        let i = self.index("ID");
        self.rows
            .iter()
            .map(|r| {
                (
                    r[i].clone(),
                    r.iter()
                        .map(|c| c.trim().parse().unwrap_or(f64::NAN))
                        .collect(),
                )
            })
            .collect()
    }

    /// Column position, for rows from `by_id`.
    pub fn col(&self, column: &str) -> usize {
        self.index(column)
    }
}

pub const SPEND: [&str; 6] = [
    "MntWines",
    "MntFruits",
    "MntMeatProducts",
    "MntFishProducts",
    "MntSweetProducts",
    "MntGoldProds",
];
pub const CAMPAIGNS: [&str; 6] = [
    "AcceptedCmp1",
    "AcceptedCmp2",
    "AcceptedCmp3",
    "AcceptedCmp4",
    "AcceptedCmp5",
    "Response",
];

/// A copy of a table without the named columns.
pub fn without_columns(table: &RawTable, drop: &[&str]) -> RawTable {
    RawTable {
        columns: table
            .columns
            .iter()
            .filter(|c| !drop.contains(&c.name.as_str()))
            .cloned()
            .collect(),
        ..table.clone()
    }
}

/// A copy of a table with its rows in a fixed pseudo-random order.
pub fn shuffled(table: &RawTable, seed: u64) -> RawTable {
    let n = table.n_rows();
    let mut order: Vec<usize> = (0..n).collect();
    let mut x = seed;
    for i in (1..n).rev() {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (x >> 33) as usize % (i + 1);
        order.swap(i, j);
    }
    RawTable {
        columns: table
            .columns
            .iter()
            .map(|c| Column {
                name: c.name.clone(),
                data: c.data.select_rows(&order),
            })
            .collect(),
        ..table.clone()
    }
}
