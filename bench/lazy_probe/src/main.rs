//! The polars lazy probe: the per-customer aggregation of order lines as a polars lazy query,
//! timed (best of 3), to decide whether `src/transactions/` should use one (README,
//! Transactions: "Why not a polars lazy query"). Not part of the product's build.
//!
//! `cargo run --release -- LINES.csv [OUT.csv]` on a file from
//! `sis generate --transactions N --out LINES.csv`. `PROBE_CLEAN=1` adds the product's cleaning
//! (customer present, price > 0, exact duplicate lines dropped), `PROBE_SORT=1` sorts into the
//! product's (customer, order, day, line) order first, `PROBE_CENTS=1` sums integer cents,
//! `PROBE_REPS=N` repeats N times; `POLARS_MAX_THREADS` sets the threads.

use polars::prelude::*;
use std::time::Instant;

/// Days since 1970-01-01 of "YYYY-MM-DD..." (civil-from-days inverse, Howard Hinnant).
fn day_of(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn read(path: &str) -> PolarsResult<DataFrame> {
    let overwrite: Schema = [
        Field::new("InvoiceNo".into(), DataType::String),
        Field::new("CustomerID".into(), DataType::Int64),
        Field::new("StockCode".into(), DataType::String),
        Field::new("Quantity".into(), DataType::Int64),
        Field::new("UnitPrice".into(), DataType::Float64),
    ]
    .into_iter()
    .collect();
    let df = CsvReadOptions::default()
        .with_has_header(true)
        .with_schema_overwrite(Some(std::sync::Arc::new(overwrite)))
        .try_into_reader_with_file_path(Some(path.into()))?
        .finish()?;
    // Day numbers in plain Rust (the lazy str/temporal parsers need `strings`/`temporal`).
    let dates = df.column("InvoiceDate")?.str()?;
    let day: Int32Chunked = dates.iter().map(|o| o.and_then(day_of)).collect();
    let mut df = df;
    df.with_column(day.with_name("day".into()).into_column())?;
    Ok(df)
}

fn query(df: DataFrame, clean: bool) -> LazyFrame {
    let mut lf = df.lazy();
    if clean {
        // The project's cleaning steps 1, 3, 4 (customer present, price > 0, exact duplicates).
        lf = lf
            .filter(
                col("CustomerID")
                    .is_not_null()
                    .and(col("UnitPrice").gt(lit(0.0))),
            )
            .unique_stable(None, UniqueKeepStrategy::First);
    } else {
        lf = lf.filter(col("CustomerID").is_not_null());
    }
    if std::env::var("PROBE_SORT").is_ok_and(|v| v == "1") {
        // The project's key order (customer, order, day, line) before grouping.
        lf = lf.with_row_index("row", None).sort(
            ["CustomerID", "InvoiceNo", "day", "row"],
            SortMultipleOptions::default().with_maintain_order(true),
        );
    }
    let purchase = col("Quantity").gt(lit(0));
    let amount = if std::env::var("PROBE_CENTS").is_ok_and(|v| v == "1") {
        // Exact integer cents (prices have two decimals), summed as i64, then / 100.
        (col("Quantity") * (col("UnitPrice") * lit(100.0) + lit(0.5)).cast(DataType::Int64))
            .alias("amount_cents")
    } else {
        (col("Quantity").cast(DataType::Float64) * col("UnitPrice")).alias("amount_cents")
    };
    let cents = std::env::var("PROBE_CENTS").is_ok_and(|v| v == "1");
    let monetary = if cents {
        (col("amount_cents").sum().cast(DataType::Float64) / lit(100.0)).alias("monetary")
    } else {
        col("amount_cents").sum().alias("monetary")
    };
    lf.with_column(amount)
        .group_by([col("CustomerID")])
        .agg([
            col("InvoiceNo")
                .filter(purchase.clone())
                .n_unique()
                .alias("orders"),
            monetary,
            col("day").filter(purchase.clone()).min().alias("first_day"),
            col("day").filter(purchase.clone()).max().alias("last_day"),
            col("StockCode")
                .filter(purchase.clone())
                .n_unique()
                .alias("products"),
            purchase
                .clone()
                .not()
                .cast(DataType::UInt32)
                .sum()
                .alias("return_lines"),
            len().alias("lines"),
        ])
        .sort(["CustomerID"], SortMultipleOptions::default())
}

fn main() -> PolarsResult<()> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("/dev/shm/lazy_probe/t1m.csv");
    let out = args.get(2).cloned();
    let clean = std::env::var("PROBE_CLEAN").is_ok_and(|v| v == "1");
    let reps: usize = std::env::var("PROBE_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let mut best_read = f64::INFINITY;
    let mut best_lazy = f64::INFINITY;
    let mut best_total = f64::INFINITY;
    let mut result = DataFrame::empty();
    for _ in 0..reps {
        let t0 = Instant::now();
        let df = read(path)?;
        let t1 = Instant::now();
        let r = query(df, clean).collect()?;
        let t2 = Instant::now();
        best_read = best_read.min((t1 - t0).as_secs_f64());
        best_lazy = best_lazy.min((t2 - t1).as_secs_f64());
        best_total = best_total.min((t2 - t0).as_secs_f64());
        result = r;
    }
    eprintln!(
        "threads={} clean={clean} sort={:?} cents={:?} read+day best {best_read:.3}s lazy collect best {best_lazy:.3}s total best {best_total:.3}s customers {}",
        std::env::var("POLARS_MAX_THREADS").unwrap_or_else(|_| "default".into()),
        std::env::var("PROBE_SORT").ok(),
        std::env::var("PROBE_CENTS").ok(),
        result.height()
    );
    println!("{}", result.head(Some(5)));
    if let Some(o) = out {
        let mut f = std::fs::File::create(o)?;
        CsvWriter::new(&mut f).finish(&mut result)?;
    }
    Ok(())
}
