//! Fuzz target: decoding any bytes as a session bundle returns a value or a clean error,
//! never a panic, an abort or an allocation the input does not back. When the bytes do
//! decode, saving the session gives them back exactly (after the header, which names the
//! app version that wrote it).
//!
//! Seed it with the test fixture:
//! `cargo +nightly fuzz run bundle_decode fuzz/corpus/bundle_decode tests/fixtures`
#![no_main]

use libfuzzer_sys::fuzz_target;
use sis::session::Session;

/// Everything after a format-1 header.
fn sections(bundle: &[u8]) -> &[u8] {
    &bundle[9 + bundle[8] as usize + 112..]
}

fuzz_target!(|data: &[u8]| {
    if let Ok(session) = Session::from_bytes(data) {
        let again = session.to_bytes().expect("a decoded session encodes");
        assert_eq!(
            sections(&again),
            sections(data),
            "a decoded bundle re-encodes to its own bytes"
        );
    }
});
