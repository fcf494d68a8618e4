//! The manifest export: the JSON of `sis inspect --json`, from a bundle on disk or from a
//! session in memory (the workbench's, saved or not).

use super::ExportError;
use crate::session::{APP_VERSION, BundleInfo, FORMAT_VERSION, Session, Verify};
use std::path::Path;

/// A bundle's manifest as `sis inspect --json` prints it, after verifying every checksum.
pub fn manifest_of_bundle(bundle: &Path) -> Result<BundleInfo, ExportError> {
    Ok(BundleInfo::read(bundle, Verify::Everything)?)
}

/// The manifest a session would have once saved as `file` (its size is the encoded size).
pub fn manifest_of_session(session: &Session, file: &str) -> Result<BundleInfo, ExportError> {
    let bytes = session.to_bytes()?;
    Ok(BundleInfo {
        file: file.to_string(),
        bytes: bytes.len() as u64,
        format_version: FORMAT_VERSION,
        app_version: APP_VERSION.to_string(),
        manifest: session.manifest(),
    })
}

/// The manifest as pretty JSON with a final newline, exactly as `sis inspect --json` prints it.
pub fn manifest_json(info: &BundleInfo) -> Result<String, ExportError> {
    let json = serde_json::to_string_pretty(info)?;
    Ok(format!("{json}\n"))
}
