//! One chunk of customers: its own random stream, its shuffled block of IDs, and its rows
//! formatted into a byte buffer. Duplicates copy a row of the same chunk, so chunks stay
//! independent and can be generated in any order.

use super::GenerationSummary;
use super::archetype;
use super::customer::{self, FIRST_PLAUSIBLE_BIRTH_YEAR, OUTLIER_INCOME};
use super::draw::Draw;
use super::row::RowWriter;
use std::ops::Range;

/// Share of rows that copy an earlier row of the chunk (all but the ID).
const DUPLICATE_RATE: f64 = 0.015;
/// A generous estimate of one row's length, to size buffers once.
const ROW_BYTES: usize = 160;

/// Formatted rows and what they contain.
pub(super) struct Chunk {
    pub bytes: Vec<u8>,
    pub summary: GenerationSummary,
}

/// What a row contributes to the summary, kept so duplicates can count the same.
#[derive(Clone)]
struct RowFacts {
    body: Range<usize>,
    missing_income: bool,
    income_outlier: bool,
    implausible_birth: bool,
}

/// Generates chunk `index` of a run: `len` customers with IDs `first_id..first_id + len`.
pub(super) fn generate(seed: u64, index: u64, first_id: u64, len: usize) -> Chunk {
    let mut draw = Draw::for_chunk(seed, index);
    let writer = RowWriter::new();
    let weights = archetype::weights();
    let mut ids: Vec<u64> = (first_id..first_id + len as u64).collect();
    draw.shuffle(&mut ids);

    let mut bytes = Vec::with_capacity(len * ROW_BYTES);
    let mut facts: Vec<RowFacts> = Vec::with_capacity(len);
    let mut summary = GenerationSummary {
        customers: len,
        ..GenerationSummary::default()
    };
    for (i, &id) in ids.iter().enumerate() {
        writer.push_id(&mut bytes, id);
        let start = bytes.len();
        let row = if i > 0 && draw.chance(DUPLICATE_RATE) {
            let source = facts[draw.index(i)].clone();
            bytes.extend_from_within(source.body.clone());
            summary.duplicates += 1;
            RowFacts {
                body: start..bytes.len(),
                ..source
            }
        } else {
            let c = customer::sample(&mut draw, &weights, writer.join_days());
            writer.push_rest(&mut bytes, &c);
            RowFacts {
                body: start..bytes.len(),
                missing_income: c.income.is_none(),
                income_outlier: c.income == Some(OUTLIER_INCOME),
                implausible_birth: c.year_birth < FIRST_PLAUSIBLE_BIRTH_YEAR,
            }
        };
        summary.missing_income += usize::from(row.missing_income);
        summary.income_outliers += usize::from(row.income_outlier);
        summary.implausible_birth_years += usize::from(row.implausible_birth);
        facts.push(row);
    }
    summary.bytes = bytes.len() as u64;
    Chunk { bytes, summary }
}
