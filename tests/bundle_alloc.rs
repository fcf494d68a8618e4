//! Opening a damaged or hostile bundle never allocates far beyond its size: lengths inside
//! the bytes cannot make sis reserve memory that the file does not back.
//!
//! This binary swaps in `peak_alloc`'s counting global allocator to measure the peak heap
//! use of each decode (sis itself forbids `unsafe`, and this file has none either).
//! Everything runs in one `#[test]` so no other test thread allocates during a measurement.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

mod common;

use common::bundle_bytes::{sections, wrap};
use common::small_session;
use peak_alloc::PeakAlloc;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use sis::session::{FORMAT_VERSION, Session};

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// Peak heap growth while opening `bundle`.
fn peak_while_opening(bundle: &[u8]) -> usize {
    ALLOCATOR.reset_peak_usage();
    let base = ALLOCATOR.current_usage();
    let result = Session::from_bytes(bundle);
    let peak = ALLOCATOR.peak_usage() - base;
    drop(result);
    peak
}

/// The bound: a few MiB of fixed overhead (bincode's smallest limit tier is 1 MiB and serde
/// pre-sizes a vector by at most 1 MiB per nesting level) plus a small multiple of the file.
fn bound(len: usize) -> usize {
    4 * (1 << 20) + 4 * len
}

#[test]
fn no_bundle_makes_sis_allocate_far_beyond_its_size() {
    let bundle = small_session().to_bytes().unwrap();
    let (manifest, payload) = sections(&bundle);
    let honest = peak_while_opening(&bundle);
    assert!(
        honest <= bound(bundle.len()),
        "{honest} for an honest bundle"
    );

    let mut worst = (0usize, String::new());
    let mut check = |name: String, bytes: &[u8]| {
        let peak = peak_while_opening(bytes);
        assert!(
            peak <= bound(bytes.len()),
            "{name}: {peak} bytes for a {}-byte file",
            bytes.len()
        );
        if peak > worst.0 {
            worst = (peak, name);
        }
    };

    // A huge length in the header, and every length-sized field of the payload set huge.
    let mut huge = bundle.clone();
    let h = 9 + bundle[8] as usize + 112;
    huge[h - 104..h - 96].copy_from_slice(&(1u64 << 40).to_le_bytes());
    check("header claims 1 TiB".into(), &huge);
    for at in 0..payload.len().saturating_sub(8) {
        for claimed in [1u64 << 40, (1 << 20) - 64] {
            let mut hostile = payload.clone();
            hostile[at..at + 8].copy_from_slice(&claimed.to_le_bytes());
            check(
                format!("{claimed} at payload byte {at}"),
                &wrap(FORMAT_VERSION, &manifest, &hostile),
            );
        }
    }
    // Every truncation of the payload, checksums rewritten.
    for len in (0..payload.len()).step_by(7) {
        check(
            format!("payload cut at {len}"),
            &wrap(FORMAT_VERSION, &manifest, &payload[..len]),
        );
    }
    // Random bytes.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    for round in 0..500 {
        let mut hostile = payload.clone();
        for _ in 0..4 {
            let at = rng.gen_range(0..hostile.len());
            hostile[at] = rng.r#gen();
        }
        check(
            format!("random round {round}"),
            &wrap(FORMAT_VERSION, &manifest, &hostile),
        );
    }
    println!(
        "bundle {} bytes; honest open peaks at {honest} bytes; worst hostile peak {} bytes ({})",
        bundle.len(),
        worst.0,
        worst.1
    );
}
