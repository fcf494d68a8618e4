//! A benchmark author generates a synthetic customer file with `sis generate` and expects it to
//! look like the demo dataset: same header and dialect, plausible rates, and the correlations a
//! segmentation needs to find real segments.

use sis::generate::{GenerationSummary, GeneratorConfig, HEADER, write_customers};
use std::collections::HashSet;

const ROWS: usize = 20_000;

fn generate(customers: usize, seed: u64) -> (String, GenerationSummary) {
    let mut bytes = Vec::new();
    let summary = write_customers(&GeneratorConfig { customers, seed }, &mut bytes)
        .expect("writing to memory cannot fail");
    (String::from_utf8(bytes).expect("output is UTF-8"), summary)
}

/// The rows as numbers (empty income as NaN, text columns as NaN).
struct Table {
    columns: Vec<String>,
    rows: Vec<Vec<f64>>,
    text: Vec<Vec<String>>,
}

impl Table {
    fn parse(csv: &str) -> Table {
        let mut lines = csv.lines();
        let columns = lines
            .next()
            .expect("header")
            .split(',')
            .map(str::to_owned)
            .collect();
        let mut rows = Vec::new();
        let mut text = Vec::new();
        for line in lines {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 29, "row {line:?} does not have 29 fields");
            rows.push(
                fields
                    .iter()
                    .map(|f| f.parse().unwrap_or(f64::NAN))
                    .collect(),
            );
            text.push(fields.iter().map(|f| (*f).to_owned()).collect());
        }
        Table {
            columns,
            rows,
            text,
        }
    }

    fn col(&self, name: &str) -> Vec<f64> {
        let i = self
            .columns
            .iter()
            .position(|c| c == name)
            .expect("known column");
        self.rows.iter().map(|r| r[i]).collect()
    }

    fn text_col(&self, name: &str) -> Vec<&str> {
        let i = self
            .columns
            .iter()
            .position(|c| c == name)
            .expect("known column");
        self.text.iter().map(|r| r[i].as_str()).collect()
    }

    fn sum_of(&self, names: &[&str]) -> Vec<f64> {
        let cols: Vec<Vec<f64>> = names.iter().map(|n| self.col(n)).collect();
        (0..self.rows.len())
            .map(|r| cols.iter().map(|c| c[r]).sum())
            .collect()
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    sxy / (sxx * syy).sqrt()
}

fn assert_rate(name: &str, values: &[f64], low: f64, high: f64) {
    let rate = mean(values);
    assert!(
        (low..=high).contains(&rate),
        "{name}: rate {rate:.4} outside {low}..={high}"
    );
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let (first, _) = generate(3_000, 42);
    let (second, _) = generate(3_000, 42);
    let (other, _) = generate(3_000, 43);
    assert!(first == second, "same seed, different output");
    assert!(first != other, "different seeds, same output");
}

#[test]
fn the_thread_count_does_not_change_the_output() {
    // Two full chunks and a partial one, so the chunks really run in parallel.
    let customers = 2 * sis::generate::CHUNK_CUSTOMERS + 1_000;
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool")
            .install(|| generate(customers, 5))
    };
    let (one, summary) = run(1);
    let (two, _) = run(2);
    assert_eq!(summary.customers, customers);
    assert!(one == two, "output differs between 1 and 2 threads");
}

#[test]
fn header_and_dialect_match_the_demo_dataset() {
    let demo = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/marketing_campaign.csv"
    ))
    .expect("the demo dataset ships in data/");
    let demo_header = demo.lines().next().expect("demo header");
    assert_eq!(HEADER, demo_header);

    let (csv, _) = generate(2_000, 7);
    assert_eq!(csv.lines().next(), Some(demo_header));
    assert!(csv.ends_with('\n') && !csv.contains('\r') && !csv.contains('"'));
    let table = Table::parse(&csv);
    for date in table.text_col("Dt_Customer") {
        let b = date.as_bytes();
        assert!(
            b.len() == 10 && b[4] == b'-' && b[7] == b'-',
            "date {date:?}"
        );
        assert!(
            ("2012-07-30"..="2014-06-29").contains(&date),
            "date {date:?} out of range"
        );
    }
    for income in table.text_col("Income") {
        assert!(
            income.is_empty() || income.ends_with(".0"),
            "income {income:?}"
        );
    }
}

#[test]
fn columns_have_demo_like_rates_and_ranges() {
    let (csv, summary) = generate(ROWS, 2024);
    let table = Table::parse(&csv);
    assert_eq!(table.rows.len(), ROWS);
    assert_eq!(summary.customers, ROWS);

    let ids: HashSet<u64> = table
        .text_col("ID")
        .iter()
        .map(|s| s.parse().expect("ID"))
        .collect();
    assert_eq!(ids.len(), ROWS, "IDs are unique");
    assert!(table.col("Z_CostContact").iter().all(|&v| v == 3.0));
    assert!(table.col("Z_Revenue").iter().all(|&v| v == 11.0));

    assert_rate("Response", &table.col("Response"), 0.11, 0.19);
    for cmp in [
        "AcceptedCmp1",
        "AcceptedCmp3",
        "AcceptedCmp4",
        "AcceptedCmp5",
    ] {
        assert_rate(cmp, &table.col(cmp), 0.045, 0.095);
    }
    assert_rate("AcceptedCmp2", &table.col("AcceptedCmp2"), 0.004, 0.025);
    assert_rate("Complain", &table.col("Complain"), 0.004, 0.018);

    let income = table.col("Income");
    let missing = income.iter().filter(|v| v.is_nan()).count() as f64 / ROWS as f64;
    assert!(
        (0.005..=0.02).contains(&missing),
        "missing income share {missing}"
    );
    assert_eq!(
        income.iter().filter(|v| v.is_nan()).count(),
        summary.missing_income
    );
    let known: Vec<f64> = income.iter().copied().filter(|v| !v.is_nan()).collect();
    let typical: Vec<f64> = known.iter().copied().filter(|&v| v < 200_000.0).collect();
    let m = mean(&typical);
    assert!((40_000.0..=65_000.0).contains(&m), "mean income {m}");

    let years = table.col("Year_Birth");
    let odd = years.iter().filter(|&&y| y < 1901.0).count();
    assert!(odd <= ROWS / 200, "{odd} implausible birth years");
    assert!(years.iter().all(|&y| (1893.0..=2000.0).contains(&y)));
    assert!(years.iter().filter(|&&y| y >= 1940.0).count() >= ROWS - ROWS / 200);

    for (name, max) in [
        ("Kidhome", 2.0),
        ("Teenhome", 2.0),
        ("Recency", 99.0),
        ("NumWebVisitsMonth", 20.0),
    ] {
        assert!(
            table.col(name).iter().all(|&v| (0.0..=max).contains(&v)),
            "{name} out of 0..={max}"
        );
    }
    let recency = mean(&table.col("Recency"));
    assert!((44.0..=56.0).contains(&recency), "mean recency {recency}");

    let deals = table.col("NumDealsPurchases");
    let purchases = table.sum_of(&[
        "NumWebPurchases",
        "NumCatalogPurchases",
        "NumStorePurchases",
    ]);
    assert!(
        deals.iter().zip(&purchases).all(|(d, p)| d <= p),
        "deals exceed purchases"
    );

    let duplicates = summary.duplicates as f64 / ROWS as f64;
    assert!(
        (0.005..=0.03).contains(&duplicates),
        "duplicate share {duplicates}"
    );
    let mut bodies: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(','))
        .map(|(_, b)| b)
        .collect();
    bodies.sort_unstable();
    bodies.dedup();
    assert_eq!(
        ROWS - bodies.len(),
        summary.duplicates,
        "duplicates copy whole rows but the ID"
    );

    let education: HashSet<&str> = table.text_col("Education").into_iter().collect();
    let expected = ["Graduation", "PhD", "Master", "2n Cycle", "Basic"];
    assert_eq!(education, expected.into_iter().collect());
}

#[test]
fn income_drives_spend_and_children_drive_deals() {
    let (csv, _) = generate(ROWS, 99);
    let table = Table::parse(&csv);
    let spend = table.sum_of(&[
        "MntWines",
        "MntFruits",
        "MntMeatProducts",
        "MntFishProducts",
        "MntSweetProducts",
        "MntGoldProds",
    ]);
    let income = table.col("Income");
    let (x, y): (Vec<f64>, Vec<f64>) = income
        .iter()
        .zip(&spend)
        .filter(|(i, _)| !i.is_nan() && **i < 200_000.0)
        .map(|(i, s)| (*i, *s))
        .unzip();
    let r = correlation(&x, &y);
    assert!(r > 0.5, "corr(income, total spend) = {r:.3}");

    let purchases = table.sum_of(&[
        "NumWebPurchases",
        "NumCatalogPurchases",
        "NumStorePurchases",
    ]);
    let r = correlation(&spend, &purchases);
    assert!(r > 0.5, "corr(total spend, purchases) = {r:.3}");
    let r = correlation(&spend, &table.col("NumWebVisitsMonth"));
    assert!(r < -0.2, "corr(total spend, web visits) = {r:.3}");

    let children = table.sum_of(&["Kidhome", "Teenhome"]);
    let deals = table.col("NumDealsPurchases");
    let share = |with_children: bool| {
        let shares: Vec<f64> = (0..table.rows.len())
            .filter(|&r| (children[r] > 0.0) == with_children)
            .map(|r| deals[r] / purchases[r].max(1.0))
            .collect();
        mean(&shares)
    };
    let (with, without) = (share(true), share(false));
    assert!(
        with > without + 0.05,
        "deal share with children {with:.3}, without {without:.3}"
    );

    let accepted = table.sum_of(&[
        "AcceptedCmp1",
        "AcceptedCmp2",
        "AcceptedCmp3",
        "AcceptedCmp4",
        "AcceptedCmp5",
    ]);
    let r = correlation(&spend, &accepted);
    assert!(r > 0.2, "corr(total spend, campaigns accepted) = {r:.3}");
}

#[test]
fn output_parses_as_csv_with_the_demo_types() {
    use polars::prelude::*;
    let (csv, summary) = generate(5_000, 1);
    let frame = CsvReadOptions::default()
        .with_has_header(true)
        .into_reader_with_file_handle(std::io::Cursor::new(csv.into_bytes()))
        .finish()
        .expect("polars reads the generated CSV");
    assert_eq!(frame.shape(), (5_000, 29));
    let income = frame.column("Income").expect("Income column");
    assert_eq!(income.dtype(), &DataType::Float64);
    assert_eq!(income.null_count(), summary.missing_income);
    assert_eq!(
        frame.column("Education").expect("Education").dtype(),
        &DataType::String
    );
}
