//! Times `write_customers_to_path` at scale: `cargo run --release --example generate_timing --
//! [customers] [file]` (defaults: 1,000,000 customers to `generated_customers.csv` in the
//! system's temporary folder). Prints the duration, the file size and the summary.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

use sis::generate::{GeneratorConfig, write_customers_to_path};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let customers = match args.next() {
        Some(n) => n.replace('_', "").parse()?,
        None => 1_000_000,
    };
    let path = args
        .next()
        .map(Into::into)
        .unwrap_or_else(|| std::env::temp_dir().join("generated_customers.csv"));
    let config = GeneratorConfig {
        customers,
        seed: 42,
    };
    let started = Instant::now();
    let summary = write_customers_to_path(&config, &path)?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{customers} customers -> {} in {seconds:.2} s ({:.1} MB, {:.0} MB/s, {} threads)",
        path.display(),
        summary.bytes as f64 / 1e6,
        summary.bytes as f64 / 1e6 / seconds,
        rayon::current_num_threads(),
    );
    println!("{summary:?}");
    Ok(())
}
