//! Fuzz target: any text as a mapping file (`sis run --mapping FILE`) applied to the demo
//! table's detected mapping gives a mapping or a clean error naming the file.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run mapping_file fuzz/corpus/mapping_file`
#![no_main]

use libfuzzer_sys::fuzz_target;
use sis::ingest::load_csv_bytes;
use sis::roles::detect_mapping;
use std::sync::OnceLock;

const DEMO: &[u8] = include_bytes!("../../data/marketing_campaign.csv");

fn demo() -> &'static sis::table::RawTable {
    static TABLE: OnceLock<sis::table::RawTable> = OnceLock::new();
    TABLE.get_or_init(|| load_csv_bytes(DEMO, "marketing_campaign.csv").expect("the demo loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (mut mapping, _) = detect_mapping(demo());
    if let Err(e) = mapping.apply_toml(text, "fuzz.toml") {
        assert!(e.to_string().contains("fuzz.toml"), "{e}");
    }
});
