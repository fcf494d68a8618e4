//! The run id: a content hash of the data, the mapping, the config and the format version,
//! so the same inputs always name the same run.

use crate::config::RunConfig;
use crate::roles::ColumnMapping;

/// Bumped whenever a change alters results for the same inputs.
pub const FORMAT_VERSION: u32 = 1;

/// Hex blake3 of (format version, data hash, mapping, config).
pub fn run_id(data_hash: &str, mapping: &ColumnMapping, config: &RunConfig) -> String {
    let mut h = blake3::Hasher::new();
    h.update(b"sis-run");
    h.update(&FORMAT_VERSION.to_le_bytes());
    h.update(data_hash.as_bytes());
    for (column, role) in &mapping.entries {
        h.update(&(column.len() as u64).to_le_bytes());
        h.update(column.as_bytes());
        let key = role.key();
        h.update(&(key.len() as u64).to_le_bytes());
        h.update(key.as_bytes());
    }
    // serde_json of a plain struct is canonical: fields in declaration order.
    let config_json = serde_json::to_string(config).unwrap_or_default();
    h.update(config_json.as_bytes());
    h.finalize().to_hex().to_string()
}

/// The short form shown to people (first 12 hex digits).
pub fn short(run_id: &str) -> &str {
    run_id.get(..12).unwrap_or(run_id)
}
