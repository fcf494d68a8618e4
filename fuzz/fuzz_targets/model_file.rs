//! Fuzz target: any text as a model file (`.sismodel.json`) is refused with a clean error
//! or accepted; an accepted model scores a small table (or refuses it) without a panic.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run model_file fuzz/corpus/model_file`
#![no_main]

use libfuzzer_sys::fuzz_target;
use sis::ingest::load_csv_bytes;
use sis::model::model_from_json;
use std::path::Path;
use std::sync::OnceLock;

const DEMO: &[u8] = include_bytes!("../../data/marketing_campaign.csv");

fn sample() -> &'static sis::table::RawTable {
    static TABLE: OnceLock<sis::table::RawTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The header and the first 40 customers.
        let end = DEMO
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(40)
            .map_or(DEMO.len(), |(i, _)| i + 1);
        load_csv_bytes(&DEMO[..end], "sample.csv").expect("the demo sample loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(model) = model_from_json(text, Path::new("fuzz.sismodel.json")) {
        if let Ok(scored) = model.predict(sample()) {
            assert!(scored.labels.iter().all(|&l| (l as usize) < model.k));
        }
    }
});
