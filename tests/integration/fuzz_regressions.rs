//! Inputs the fuzz targets (`fuzz/`) found crashing, kept as regressions: each loads as the
//! target loaded it and ends in a table or a clear error naming the file, never a panic that
//! escapes.

use sis::ingest::{LoadOptions, load_bytes};
use std::path::Path;

#[test]
fn csv_ingest_crash_inputs_end_in_a_table_or_an_error_naming_the_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/csv_ingest");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        // The target loads every input under both names.
        for name in ["fuzz.csv", "fuzz"] {
            if let Err(e) = load_bytes(&bytes, name, &LoadOptions::default()) {
                assert!(
                    e.to_string().starts_with(&format!("{name}: ")),
                    "{}: {e}",
                    path.display()
                );
            }
        }
        seen += 1;
    }
    assert!(seen >= 1, "no regression inputs in {}", dir.display());
}

#[test]
fn a_parquet_file_with_a_damaged_dictionary_page_is_refused_clearly() {
    // Found by `csv_ingest`: polars' dictionary decoder asserts on it (debug builds).
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz/csv_ingest/crash-3c2e44a2.parquet");
    let bytes = std::fs::read(path).unwrap();
    let err = load_bytes(&bytes, "damaged.parquet", &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().starts_with("damaged.parquet: "), "{err}");
}
