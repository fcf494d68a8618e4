//! Synthetic customers in the demo dataset's exact schema and CSV dialect, for benchmarks and
//! scale tests: deterministic per seed, generated in parallel chunks and streamed to a writer.
//!
//! Customers come from a mix of latent archetypes (affluent connoisseurs, families with teens,
//! young families, young web-first singles, older store regulars, lapsed low spenders) with
//! per-customer noise, so a segmentation finds overlapping but meaningful segments, as in the
//! real data. The demo's quirks are reproduced at similar rates: empty incomes, a 666,666
//! income, birth years before 1901, constant `Z_*` columns and exact duplicates but for the ID.

mod archetype;
mod blobs;
mod chunk;
mod customer;
mod draw;
mod file;
mod row;
pub mod transactions;

pub use blobs::gaussian_blobs;
pub use file::{GenerateError, write_customers_to_path};
pub use row::HEADER;
pub use transactions::{
    TransactionConfig, TransactionSize, TransactionSummary, write_transactions,
    write_transactions_to_path,
};

use rayon::prelude::*;
use std::io::{self, Write};

/// Customers per chunk. Each chunk has its own random stream, so the output does not depend on
/// the number of threads. Changing this constant changes the output for a given seed.
pub const CHUNK_CUSTOMERS: usize = 65_536;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratorConfig {
    /// Number of customer rows (IDs run from 1 to this number, shuffled within each chunk).
    pub customers: usize,
    /// The same seed and customer count always give byte-identical output.
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GenerationSummary {
    /// Customer rows written (not counting the header).
    pub customers: usize,
    /// Rows that copy an earlier row in every column except `ID`.
    pub duplicates: usize,
    /// Rows with an empty `Income`.
    pub missing_income: usize,
    /// Rows with the extreme income 666,666.
    pub income_outliers: usize,
    /// Rows with a `Year_Birth` before 1901.
    pub implausible_birth_years: usize,
    /// Bytes written, header included.
    pub bytes: u64,
}

impl GenerationSummary {
    fn add(&mut self, other: &GenerationSummary) {
        self.customers += other.customers;
        self.duplicates += other.duplicates;
        self.missing_income += other.missing_income;
        self.income_outliers += other.income_outliers;
        self.implausible_birth_years += other.implausible_birth_years;
        self.bytes += other.bytes;
    }
}

/// Writes the header and `config.customers` rows to `out`, then flushes it.
///
/// Rows are generated in parallel, a few chunks at a time, and written in order, so memory stays
/// bounded (tens of megabytes) whatever the customer count.
pub fn write_customers<W: Write>(
    config: &GeneratorConfig,
    out: W,
) -> io::Result<GenerationSummary> {
    write_in_chunks(config, CHUNK_CUSTOMERS, out)
}

fn write_in_chunks<W: Write>(
    config: &GeneratorConfig,
    chunk_customers: usize,
    mut out: W,
) -> io::Result<GenerationSummary> {
    let mut summary = GenerationSummary::default();
    out.write_all(HEADER.as_bytes())?;
    out.write_all(b"\n")?;
    summary.bytes = HEADER.len() as u64 + 1;

    let chunk_customers = chunk_customers.max(1);
    let chunks = config.customers.div_ceil(chunk_customers);
    let batch = (rayon::current_num_threads() * 2).clamp(2, 16);
    let mut first_chunk = 0;
    while first_chunk < chunks {
        let last_chunk = (first_chunk + batch).min(chunks);
        let generated: Vec<chunk::Chunk> = (first_chunk..last_chunk)
            .into_par_iter()
            .map(|index| {
                let start = index * chunk_customers;
                let len = chunk_customers.min(config.customers - start);
                chunk::generate(config.seed, index as u64, start as u64 + 1, len)
            })
            .collect();
        for chunk in &generated {
            out.write_all(&chunk.bytes)?;
            summary.add(&chunk.summary);
        }
        first_chunk = last_chunk;
    }
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(customers: usize, seed: u64, chunk: usize) -> (Vec<u8>, GenerationSummary) {
        let mut bytes = Vec::new();
        let summary = write_in_chunks(&GeneratorConfig { customers, seed }, chunk, &mut bytes)
            .expect("writing to memory cannot fail");
        (bytes, summary)
    }

    #[test]
    fn output_is_the_same_at_any_thread_count() {
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool")
                .install(|| generate(9_500, 11, 1_000))
        };
        let (one, summary) = run(1);
        let (three, _) = run(3);
        assert_eq!(summary.customers, 9_500);
        assert_eq!(summary.bytes, one.len() as u64);
        assert!(one == three, "output differs between 1 and 3 threads");
    }

    #[test]
    fn ids_are_a_permutation_of_one_to_n() {
        let (bytes, _) = generate(2_345, 5, 1_000);
        let text = String::from_utf8(bytes).expect("utf-8");
        let mut ids: Vec<usize> = text
            .lines()
            .skip(1)
            .map(|line| {
                line.split(',')
                    .next()
                    .unwrap_or("")
                    .parse()
                    .expect("numeric ID")
            })
            .collect();
        assert_ne!(
            ids[..10],
            (1..=10).collect::<Vec<_>>()[..],
            "IDs should be shuffled"
        );
        ids.sort_unstable();
        assert_eq!(ids, (1..=2_345).collect::<Vec<_>>());
    }

    #[test]
    fn summary_counts_match_the_rows() {
        let (bytes, summary) = generate(20_000, 3, 4_096);
        let text = String::from_utf8(bytes).expect("utf-8");
        let rows: Vec<Vec<&str>> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect())
            .collect();
        assert_eq!(rows.len(), summary.customers);
        let missing = rows.iter().filter(|r| r[4].is_empty()).count();
        let outliers = rows.iter().filter(|r| r[4] == "666666.0").count();
        let old = rows.iter().filter(|r| r[1] < "1901").count();
        assert_eq!(missing, summary.missing_income);
        assert_eq!(outliers, summary.income_outliers);
        assert_eq!(old, summary.implausible_birth_years);
        let mut bodies: Vec<&str> = text
            .lines()
            .skip(1)
            .map(|l| l.split_once(',').map_or("", |(_, rest)| rest))
            .collect();
        bodies.sort_unstable();
        bodies.dedup();
        assert_eq!(rows.len() - bodies.len(), summary.duplicates);
    }

    #[test]
    fn zero_customers_gives_just_the_header() {
        let (bytes, summary) = generate(0, 1, 1_000);
        assert_eq!(bytes, format!("{HEADER}\n").into_bytes());
        assert_eq!(summary.customers, 0);
    }
}
