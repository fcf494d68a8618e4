//! Shared test helpers: the demo dataset as a `RawTable`, and analyses of it.
//!
//! TEMPORARY: `demo_table*` parse the demo CSV with a minimal reader because `sis::ingest` is
//! still a stub in this branch. Replace them with `sis::ingest::load_table` once it lands.
#![allow(dead_code)]

use sis::config::RunConfig;
use sis::pipeline::{Analysis, run_analysis};
use sis::progress::Progress;
use sis::roles::detect_mapping;
use sis::session::Session;
use sis::table::{Column, ColumnData, DateFormat, MISSING_CODE, RawTable, SourceFormat};
use std::path::PathBuf;

/// The demo dataset's path.
pub fn demo_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv")
}

/// The whole demo dataset.
pub fn demo_table() -> RawTable {
    demo_table_rows(usize::MAX)
}

/// The first `limit` customers of the demo dataset.
pub fn demo_table_rows(limit: usize) -> RawTable {
    let text = std::fs::read_to_string(demo_path()).expect("the demo dataset is in data/");
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let names: Vec<&str> = lines.next().expect("a header line").split(',').collect();
    let mut cells: Vec<Vec<&str>> = vec![Vec::new(); names.len()];
    for line in lines.take(limit) {
        for (i, cell) in line.split(',').enumerate() {
            cells[i].push(cell.trim());
        }
    }
    let columns = names
        .iter()
        .zip(&cells)
        .map(|(name, values)| Column {
            name: name.to_string(),
            data: column_data(name, values),
        })
        .collect();
    RawTable {
        file_name: "marketing_campaign.csv".into(),
        format: SourceFormat::Csv {
            delimiter: ',',
            had_bom: false,
        },
        columns,
    }
}

fn column_data(name: &str, values: &[&str]) -> ColumnData {
    if name == "Dt_Customer" {
        let days = values
            .iter()
            .map(|v| {
                let mut parts = v.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
                let (y, m, d) = (parts.next(), parts.next(), parts.next());
                sis::table::days_from_civil(y.unwrap_or(0) as i32, m.unwrap_or(0), d.unwrap_or(0))
                    .unwrap_or(sis::table::MISSING_DAY)
            })
            .collect();
        return ColumnData::Date {
            days,
            format: DateFormat::Iso,
        };
    }
    let numbers: Option<Vec<f64>> = values
        .iter()
        .map(|v| {
            if v.is_empty() {
                Some(f64::NAN)
            } else {
                v.parse().ok()
            }
        })
        .collect();
    if let Some(numbers) = numbers {
        return ColumnData::Numeric(numbers);
    }
    let mut levels: Vec<String> = Vec::new();
    let codes = values
        .iter()
        .map(|v| {
            if v.is_empty() {
                return MISSING_CODE;
            }
            match levels.iter().position(|l| l == v) {
                Some(i) => i as u32,
                None => {
                    levels.push(v.to_string());
                    (levels.len() - 1) as u32
                }
            }
        })
        .collect();
    ColumnData::Text { codes, levels }
}

/// Run the pipeline with the detected mapping.
pub fn analyse(table: &RawTable, config: RunConfig) -> Analysis {
    let (mapping, _) = detect_mapping(table);
    run_analysis(table, &mapping, config, &Progress::silent()).expect("the demo data segments")
}

/// A quick configuration for small tables: k 2..=4, two seeds.
pub fn quick_config() -> RunConfig {
    RunConfig {
        k_max: 4,
        seeds: 2,
        ..RunConfig::default()
    }
}

/// A session on the first 40 demo customers, with a scenario and some view state.
pub fn small_session() -> Session {
    let table = demo_table_rows(40);
    let analysis = analyse(&table, quick_config());
    let mut session = Session::new(table, analysis);
    session.scenarios.push(sis::session::Scenario {
        name: "Win back lapsed".into(),
        levers: vec![("discount".into(), 0.1), ("reach".into(), 0.25)],
    });
    session.ui.selected_k = Some(session.analysis.segmentation.k);
    session.ui.compare = Some((0, 1));
    session.ui.active_tab = Some("Segments".into());
    session
}
