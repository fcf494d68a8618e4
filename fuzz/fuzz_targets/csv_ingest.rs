//! Fuzz target: any bytes, as a `.csv` file and as a file of unknown type (judged by its
//! content), load to a table or a clean error, and a loaded table's column roles are
//! detected and the order-line check runs without a panic.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run csv_ingest fuzz/corpus/csv_ingest data`
#![no_main]

use libfuzzer_sys::fuzz_target;
use sis::ingest::{LoadOptions, load_bytes};
use sis::roles::detect_mapping;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.csv", "fuzz"] {
        if let Ok(table) = load_bytes(data, name, &LoadOptions::default()) {
            let (mapping, detected) = detect_mapping(&table);
            assert_eq!(detected.len(), table.columns.len());
            let _ = sis::transactions::prepare_customers(&table, &mapping);
        }
    }
});
