//! Fuzz target past the checksums: the input becomes the payload of a bundle whose header and
//! checksums are valid (what a hostile tool could write), so every byte reaches the decoder
//! and the structural checks. Decoding must end in a value or a clean error; a value must
//! re-encode to exactly the input.
//!
//! An input that is itself a whole bundle (such as `tests/fixtures/session_v2.sis`) is taken
//! apart and its payload used, so the fixture seeds this target too:
//! `cargo +nightly fuzz run payload_decode fuzz/corpus/payload_decode tests/fixtures`
#![no_main]

#[path = "../../tests/common/bundle_bytes.rs"]
mod bundle_bytes;

use bundle_bytes::wrap;
use libfuzzer_sys::fuzz_target;
use sis::session::{FORMAT_VERSION, Session};

const FIXTURE: &[u8] = include_bytes!("../../tests/fixtures/session_v2.sis");

/// (header length, manifest, payload) of a format-1 bundle, if `bundle` looks like one.
fn split(bundle: &[u8]) -> Option<(usize, &[u8], &[u8])> {
    let header = 9 + *bundle.get(8)? as usize + 112;
    let at = header.checked_sub(112)?;
    let manifest_len = u64::from_le_bytes(bundle.get(at..at + 8)?.try_into().ok()?) as usize;
    let manifest = bundle.get(header..header.checked_add(manifest_len)?)?;
    Some((header, manifest, &bundle[header + manifest_len..]))
}

fuzz_target!(|data: &[u8]| {
    let (_, manifest, _) = split(FIXTURE).expect("the fixture is a bundle");
    let payload = match split(data) {
        Some((_, _, payload)) if data.starts_with(b"SISB") => payload,
        _ => data,
    };
    let bundle = wrap(FORMAT_VERSION, manifest, payload);
    if let Ok(session) = Session::from_bytes(&bundle) {
        let again = session.to_bytes().expect("a decoded session encodes");
        let (_, m, p) = split(&again).expect("sis writes bundles");
        assert_eq!((m, p), (manifest, payload), "re-encoding changed the bytes");
    }
});
