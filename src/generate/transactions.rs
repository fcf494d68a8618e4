//! Synthetic order lines (`sis generate --transactions N`): an online-retail style export whose
//! repeat purchases follow a BG/NBD process with known parameters ([`PURCHASE_PROCESS`]), so a
//! fit can be checked against them, with the noise of real exports: returns (negative
//! quantities), cancelled invoices (`C` prefix), exact duplicate lines and guest orders without
//! a customer id. Deterministic per seed and independent of the thread count.
//!
//! Calendar: customers make their first purchase uniformly over the 52 weeks from
//! [`FIRST_DAY`] (2023-01-02) and are observed for [`OBSERVATION_WEEKS`] weeks from then (to
//! 2024-12-29 inclusive). Each purchase of the process is one order (invoice) of 1 + Geometric
//! lines (mean 3). Guest orders, cancelled orders and returns are extra invoices; once exact
//! duplicates, guests, returns and cancelled orders are removed, the orders are the process's.

mod orders;
mod process;

use super::GenerateError;
use super::draw::Draw;
use super::file::write_atomically;
use crate::clv::BgNbdParams;
use crate::table::format_day;
use orders::{CATEGORIES, CHANNELS, COUNTRIES, Habits, Invoice, Line, LineBuilder};
use rayon::prelude::*;
use std::io::{self, Write};
use std::path::Path;

/// The purchase process every synthetic customer follows (weeks): purchase rates
/// λ ~ Gamma(r = 0.5, α = 6), a mean of one purchase every 12 weeks, and dropout after a purchase
/// p ~ Beta(a = 0.8, b = 4), a mean chance of 1 in 6.
pub const PURCHASE_PROCESS: BgNbdParams = BgNbdParams {
    r: 0.5,
    alpha: 6.0,
    a: 0.8,
    b: 4.0,
};
/// The calendar's first day, 2023-01-02 (days since 1970-01-01).
pub const FIRST_DAY: i32 = 19_359;
/// Weeks over which first purchases are spread.
pub const ACQUISITION_WEEKS: f64 = 52.0;
/// Weeks observed from [`FIRST_DAY`]; the last day with lines is [`last_day`].
pub const OBSERVATION_WEEKS: u32 = 104;
/// The header line, without the line ending.
pub const TRANSACTION_HEADER: &str = "InvoiceNo,CustomerID,InvoiceDate,StockCode,Category,Quantity,UnitPrice,Channel,Country,Discount";
/// The first invoice number.
pub const FIRST_INVOICE: u64 = 500_001;
/// Customer ids start here (then one per customer, in order).
pub const FIRST_CUSTOMER_ID: u64 = 10_001;
/// Customers per chunk; each chunk has its own random stream. Changing it changes the output.
pub const CHUNK_SHOPPERS: usize = 4_096;
/// Mixed into the seed so these streams differ from the customer generator's.
const STREAM: u64 = 0x7452_414E_5341_4354;

/// The last day (days since 1970-01-01) that can have lines: 2024-12-29.
pub const fn last_day() -> i32 {
    FIRST_DAY + OBSERVATION_WEEKS as i32 * 7 - 1
}

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransactionSize {
    /// Exactly this many order lines (the last customer's lines may be cut short).
    Lines(usize),
    /// All lines of this many customers.
    Customers(usize),
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransactionConfig {
    pub size: TransactionSize,
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TransactionSummary {
    /// Order lines written (not counting the header).
    pub lines: usize,
    /// Distinct customer ids among the lines.
    pub customers: usize,
    /// Distinct invoices, cancellations included.
    pub invoices: usize,
    /// `C` invoices.
    pub cancelled_invoices: usize,
    /// Lines with a negative quantity on an ordinary invoice.
    pub return_lines: usize,
    /// Lines that repeat the line before them exactly.
    pub duplicate_lines: usize,
    /// Lines with an empty `CustomerID`.
    pub lines_without_customer: usize,
    /// Bytes written, header included.
    pub bytes: u64,
}

/// The lines of one chunk, sorted by time, and how many customers it holds.
struct Chunk {
    lines: Vec<Line>,
    shoppers: usize,
}

fn generate_chunk(
    seed: u64,
    index: usize,
    shoppers: usize,
    catalogue: &[orders::Product],
) -> Chunk {
    let mut draw = Draw::for_chunk(seed ^ STREAM, index as u64);
    let end_week = f64::from(OBSERVATION_WEEKS);
    let end = i64::from(OBSERVATION_WEEKS) * 7 * 86_400;
    let mut builder = LineBuilder::new(catalogue, end);
    for i in 0..shoppers {
        let id = FIRST_CUSTOMER_ID + (index * CHUNK_SHOPPERS + i) as u64;
        let habits = Habits::draw(&mut draw, id);
        let first = draw.unit() * ACQUISITION_WEEKS;
        for week in process::purchase_times(&mut draw, &PURCHASE_PROCESS, first, end_week) {
            let time = ((week * 7.0 * 86_400.0) as i64).min(end - 1);
            builder.purchase(&mut draw, &habits, time);
        }
    }
    let mut lines = builder.lines;
    lines.sort_by_key(|line| (line.time, line.order));
    Chunk { lines, shoppers }
}

/// Writes the header and the lines to `out`, then flushes it.
///
/// Chunks are generated in parallel, a few at a time, and written in order, so memory stays
/// bounded whatever the size.
pub fn write_transactions<W: Write>(
    config: &TransactionConfig,
    mut out: W,
) -> io::Result<TransactionSummary> {
    let catalogue = orders::catalogue(&mut Draw::for_chunk(config.seed ^ STREAM, u64::MAX));
    let mut writer = LineWriter::default();
    out.write_all(TRANSACTION_HEADER.as_bytes())?;
    out.write_all(b"\n")?;
    writer.summary.bytes = TRANSACTION_HEADER.len() as u64 + 1;
    let batch = (rayon::current_num_threads() * 2).clamp(2, 16);
    let mut next_chunk = 0;
    loop {
        let sizes: Vec<usize> = (next_chunk..next_chunk + batch)
            .map(|index| chunk_shoppers(config.size, index))
            .take_while(|&n| n > 0)
            .collect();
        if sizes.is_empty() {
            break;
        }
        let chunks: Vec<Chunk> = sizes
            .par_iter()
            .enumerate()
            .map(|(i, &n)| generate_chunk(config.seed, next_chunk + i, n, &catalogue))
            .collect();
        next_chunk += sizes.len();
        for chunk in &chunks {
            if !writer.write_chunk(chunk, config.size, &mut out)? {
                out.flush()?;
                return Ok(writer.summary);
            }
        }
    }
    out.flush()?;
    Ok(writer.summary)
}

/// Writes the lines to `path` atomically (a temporary file renamed into place).
pub fn write_transactions_to_path(
    config: &TransactionConfig,
    path: &Path,
) -> Result<TransactionSummary, GenerateError> {
    write_atomically(path, |out| write_transactions(config, out))
}

/// Customers in chunk `index`: full chunks for a line target, the remainder for a count.
fn chunk_shoppers(size: TransactionSize, index: usize) -> usize {
    match size {
        TransactionSize::Lines(0) => 0,
        TransactionSize::Lines(_) => CHUNK_SHOPPERS,
        TransactionSize::Customers(n) => {
            n.saturating_sub(index * CHUNK_SHOPPERS).min(CHUNK_SHOPPERS)
        }
    }
}

/// Numbers invoices across chunks and formats lines.
#[derive(Default)]
struct LineWriter {
    summary: TransactionSummary,
    invoice: u64,
    buffer: Vec<u8>,
}

impl LineWriter {
    /// Writes a chunk's lines; `false` once a line target is reached.
    fn write_chunk<W: Write>(
        &mut self,
        chunk: &Chunk,
        size: TransactionSize,
        out: &mut W,
    ) -> io::Result<bool> {
        let limit = match size {
            TransactionSize::Lines(n) => n,
            TransactionSize::Customers(_) => usize::MAX,
        };
        let mut seen = vec![false; chunk.shoppers];
        let mut previous: Option<&Line> = None;
        self.buffer.clear();
        for line in &chunk.lines {
            if self.summary.lines == limit {
                break;
            }
            let new_invoice = previous.is_none_or(|p| p.order != line.order);
            if new_invoice {
                self.invoice += 1;
                self.summary.invoices += 1;
                if line.invoice == Invoice::Cancellation {
                    self.summary.cancelled_invoices += 1;
                }
            }
            self.count(line, chunk, &mut seen);
            self.format(line);
            previous = Some(line);
        }
        out.write_all(&self.buffer)?;
        self.summary.bytes += self.buffer.len() as u64;
        Ok(self.summary.lines < limit)
    }

    fn count(&mut self, line: &Line, chunk: &Chunk, seen: &mut [bool]) {
        self.summary.lines += 1;
        self.summary.duplicate_lines += usize::from(line.duplicate);
        self.summary.return_lines +=
            usize::from(line.invoice == Invoice::Normal && line.quantity < 0);
        match line.customer {
            None => self.summary.lines_without_customer += 1,
            Some(id) => {
                let slot = ((id - FIRST_CUSTOMER_ID) as usize) % CHUNK_SHOPPERS;
                if slot < chunk.shoppers && !seen[slot] {
                    seen[slot] = true;
                    self.summary.customers += 1;
                }
            }
        }
    }

    fn format(&mut self, line: &Line) {
        let day = FIRST_DAY + (line.time / 86_400) as i32;
        let second = line.time % 86_400;
        let prefix = if line.invoice == Invoice::Cancellation {
            "C"
        } else {
            ""
        };
        let customer = line.customer.map(|id| id.to_string()).unwrap_or_default();
        // Writing to a Vec cannot fail.
        let _ = writeln!(
            self.buffer,
            "{prefix}{},{customer},{} {:02}:{:02}:{:02},P{:04},{},{},{}.{:02},{},{},{}",
            self.invoice - 1 + FIRST_INVOICE,
            format_day(day),
            second / 3600,
            second / 60 % 60,
            second % 60,
            line.product + 1,
            CATEGORIES[usize::from(line.category)],
            line.quantity,
            line.price_cents / 100,
            line.price_cents % 100,
            CHANNELS[usize::from(line.channel)],
            COUNTRIES[usize::from(line.country)],
            u8::from(line.discount),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(size: TransactionSize, seed: u64) -> (String, TransactionSummary) {
        let mut bytes = Vec::new();
        let summary = write_transactions(&TransactionConfig { size, seed }, &mut bytes)
            .expect("writing to memory cannot fail");
        (String::from_utf8(bytes).expect("utf-8"), summary)
    }

    #[test]
    fn output_is_the_same_at_any_thread_count_and_differs_by_seed() {
        let run = |threads: usize, seed: u64| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool")
                .install(|| generate(TransactionSize::Customers(9_000), seed).0)
        };
        let one = run(1, 3);
        assert!(one == run(3, 3), "output differs between 1 and 3 threads");
        assert!(one != run(2, 4), "another seed gives the same output");
    }

    #[test]
    fn a_line_target_is_met_exactly_and_is_a_prefix_of_a_larger_one() {
        let (small, summary) = generate(TransactionSize::Lines(12_345), 5);
        let (large, _) = generate(TransactionSize::Lines(30_000), 5);
        assert_eq!(summary.lines, 12_345);
        assert_eq!(small.lines().count(), 12_346);
        assert!(large.starts_with(&small));
        assert_eq!(summary.bytes, small.len() as u64);
        assert_eq!(generate(TransactionSize::Lines(0), 5).1.lines, 0);
    }

    #[test]
    fn the_summary_counts_what_the_lines_show() {
        let (text, summary) = generate(TransactionSize::Customers(6_000), 9);
        let rows: Vec<Vec<&str>> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect())
            .collect();
        assert!(rows.iter().all(|r| r.len() == 10));
        assert_eq!(rows.len(), summary.lines);
        let customers: std::collections::HashSet<&str> = rows
            .iter()
            .map(|r| r[1])
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(customers.len(), summary.customers);
        assert_eq!(summary.customers, 6_000);
        let guests = rows.iter().filter(|r| r[1].is_empty()).count();
        assert_eq!(guests, summary.lines_without_customer);
        let returns = rows
            .iter()
            .filter(|r| !r[0].starts_with('C') && r[5].starts_with('-'));
        assert_eq!(returns.count(), summary.return_lines);
        let cancelled = rows.iter().filter(|r| r[0].starts_with('C'));
        assert!(cancelled.clone().all(|r| r[5].starts_with('-')));
        let invoices: std::collections::HashSet<&str> = cancelled.map(|r| r[0]).collect();
        assert_eq!(invoices.len(), summary.cancelled_invoices);
        let lines: Vec<&str> = text.lines().collect();
        let repeats = lines.windows(2).filter(|w| w[0] == w[1]).count();
        assert!(repeats >= summary.duplicate_lines, "{repeats}");
        for count in [
            guests,
            summary.return_lines,
            summary.cancelled_invoices,
            repeats,
        ] {
            assert!(count > 10, "every kind of noise is present: {summary:?}");
        }
        let last = format_day(last_day());
        assert!(
            rows.iter()
                .all(|r| r[2][..10] >= *"2023-01-02" && r[2][..10] <= *last)
        );
    }
}
