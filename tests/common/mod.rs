//! Test helpers: load the demo CSV into a `RawTable` and run the pipeline on it.
//!
//! Tables are read with the product's own loader (`sis::ingest`); `read_csv` gives the raw
//! cells of the demo file for checking figures against the source.
#![allow(dead_code)]

pub(crate) mod bundle_bytes;
pub(crate) mod hostile;
pub(crate) mod hostile_files;

use sis::config::RunConfig;
use sis::pipeline::{Analysis, run_analysis};
use sis::progress::Progress;
use sis::roles::detect_mapping;
use sis::session::Session;
use sis::table::{Column, RawTable};
use std::path::{Path, PathBuf};

/// The demo dataset shipped with the project.
pub(crate) fn demo_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv")
}

/// A table from a header and rows of text cells, read by the product's CSV loader.
pub(crate) fn table_from_rows(file_name: &str, header: &[&str], rows: &[Vec<String>]) -> RawTable {
    let mut text = header.join(",");
    text.push('\n');
    for row in rows {
        text.push_str(&row.join(","));
        text.push('\n');
    }
    sis::ingest::load_csv_bytes(text.as_bytes(), file_name).expect("the generated CSV loads")
}

/// Header and rows of a simple CSV file.
pub(crate) fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
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

/// Load a dataset with the product's loader.
pub(crate) fn load_csv(path: &Path) -> RawTable {
    sis::ingest::load_table(path, &sis::ingest::LoadOptions::default()).expect("the dataset loads")
}

/// The demo table.
pub(crate) fn demo_table() -> RawTable {
    load_csv(&demo_path())
}

/// The first `limit` customers of the demo dataset, read by the product's CSV loader.
pub(crate) fn demo_table_rows(limit: usize) -> RawTable {
    let text = std::fs::read_to_string(demo_path()).expect("the demo dataset is in data/");
    let head: Vec<&str> = text.lines().take(limit.saturating_add(1)).collect();
    let csv = head.join("\n") + "\n";
    sis::ingest::load_csv_bytes(csv.as_bytes(), "marketing_campaign.csv")
        .expect("the demo rows load")
}

/// A quick configuration for small tables: k 2..=4, two seeds.
pub(crate) fn quick_config() -> RunConfig {
    RunConfig {
        k_max: 4,
        seeds: 2,
        ..RunConfig::default()
    }
}

/// A session on the first 40 demo customers, with a scenario and some view state.
pub(crate) fn small_session() -> Session {
    let table = demo_table_rows(40);
    let analysis = analyse_with(&table, quick_config());
    let mut session = Session::new(table, analysis);
    // What format 2's stand-in ("discount" 0.1, "reach" 0.25) upgrades to, so the older
    // fixtures migrate to the current one byte for byte.
    let mut scenario = sis::simulate::Scenario::named("Win back lapsed");
    scenario
        .levers
        .set_setting(sis::simulate::LeverKind::DiscountDepth, 0.1);
    scenario
        .levers
        .set_setting(sis::simulate::LeverKind::Campaign, 0.25);
    session.scenarios.save(scenario).expect("a valid name");
    session.ui.selected_k = Some(session.analysis.segmentation.k);
    session.ui.compare = Some((0, 1));
    session.ui.active_tab = Some(sis::session::AnalysisTab::Segments);
    session
}

/// Detect the mapping and run the whole pipeline with the default settings.
pub(crate) fn analyse(table: &RawTable) -> Analysis {
    analyse_with(table, RunConfig::default())
}

/// Detect the mapping and run the whole pipeline.
pub(crate) fn analyse_with(table: &RawTable, config: RunConfig) -> Analysis {
    let (mapping, _) = detect_mapping(table);
    run_analysis(table, &mapping, config, &Progress::silent()).expect("the pipeline runs")
}

/// Settings for quick runs at a fixed k (one k in the sweep, standard scaler).
pub(crate) fn fixed_k(k: usize) -> sis::config::RunConfig {
    sis::config::RunConfig {
        k: sis::config::KChoice::Fixed(k),
        k_min: k,
        k_max: k,
        scaler: sis::config::ScalerChoice::Standard,
        ..sis::config::RunConfig::default()
    }
}

/// The demo rows keyed by customer id: header and a lookup of a column's number.
pub(crate) struct DemoRows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl DemoRows {
    pub(crate) fn load() -> DemoRows {
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
    pub(crate) fn number(&self, id: &str, column: &str) -> f64 {
        let (i, j) = (self.index("ID"), self.index(column));
        let row = self
            .rows
            .iter()
            .find(|r| r[i] == id)
            .unwrap_or_else(|| panic!("no customer {id}"));
        row[j].trim().parse().unwrap_or(f64::NAN)
    }

    /// Sum of several numeric cells of one customer.
    pub(crate) fn sum(&self, id: &str, columns: &[&str]) -> f64 {
        columns.iter().map(|c| self.number(id, c)).sum()
    }

    /// A map from id to row, for fast lookups.
    pub(crate) fn by_id(&self) -> std::collections::BTreeMap<String, Vec<f64>> {
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
    pub(crate) fn col(&self, column: &str) -> usize {
        self.index(column)
    }
}

pub(crate) const SPEND: [&str; 6] = [
    "MntWines",
    "MntFruits",
    "MntMeatProducts",
    "MntFishProducts",
    "MntSweetProducts",
    "MntGoldProds",
];
pub(crate) const CAMPAIGNS: [&str; 6] = [
    "AcceptedCmp1",
    "AcceptedCmp2",
    "AcceptedCmp3",
    "AcceptedCmp4",
    "AcceptedCmp5",
    "Response",
];

/// A copy of a table without the named columns.
pub(crate) fn without_columns(table: &RawTable, drop: &[&str]) -> RawTable {
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
pub(crate) fn shuffled(table: &RawTable, seed: u64) -> RawTable {
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

/// Renumber an analysis's segments backwards (labels, centroids, sizes) and synthesize its
/// insights and personas again, as if the same segments had been found in the other order.
pub(crate) fn number_backwards(a: &mut Analysis) {
    let k = a.segmentation.k;
    let p = a.segmentation.feature_names.len();
    let seg = &mut a.segmentation;
    seg.labels.iter_mut().for_each(|l| *l = (k - 1) as u32 - *l);
    seg.centroids = (0..k)
        .rev()
        .flat_map(|s| seg.centroids[s * p..(s + 1) * p].to_vec())
        .collect();
    seg.sizes.reverse();
    a.refresh_insights(&[]);
}

/// Run the `sis` binary with `args`: its exit code, stdout and stderr.
pub(crate) fn sis_binary(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sis"))
        .args(args)
        .output()
        .expect("sis runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Run `sis ARGS` in this process (no binary start): exit code, output, error message.
pub(crate) fn sis_in_process(args: &[&str]) -> (i32, String, String) {
    use clap::Parser;
    let cli = sis::cli::Cli::try_parse_from(std::iter::once("sis").chain(args.iter().copied()))
        .expect("the arguments parse");
    let mut out = Vec::new();
    let result = sis::cli::execute(cli.command.expect("a subcommand"), &mut out);
    let out = String::from_utf8(out).expect("UTF-8");
    match result {
        Ok(()) => (0, out, String::new()),
        Err(e) => (e.code, out, e.message),
    }
}
