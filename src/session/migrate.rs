//! Older bundle formats: migrated to the current [`Session`] when a migration exists,
//! otherwise refused with a message that says what to do.
//!
//! Policy: a bundle of an older format is read by the migration for its version and converted
//! in memory; saving it again writes the current format. A version without a migration (format
//! 0, the pre-release) is refused. A newer version is refused earlier, by the header.

use super::check::check;
use super::codec;
use super::contents::Session;
use super::error::SessionError;
use super::header;
use super::manifest::Manifest;
use super::{v1, v2};

/// Read a bundle of an older `version` (its whole bytes, header included).
pub fn migrate(version: u32, bundle: &[u8], file: &str) -> Result<Session, SessionError> {
    match version {
        // Format 1 saved the tab by its title (`v1` holds its frozen types).
        v1::VERSION => v1::read(bundle, file),
        // Format 2 saved a stand-in for scenarios (`v2` holds its frozen types).
        v2::VERSION => v2::read(bundle, file),
        _ => Err(SessionError::RetiredFormat {
            file: file.into(),
            version,
        }),
    }
}

/// The manifest and payload of a whole bundle of an older `version`, checksums verified.
pub(super) fn sections<'a>(
    bundle: &'a [u8],
    file: &str,
    version: u32,
) -> Result<(&'a [u8], &'a [u8]), SessionError> {
    let (header, start) = header::parse_format(bundle, bundle.len() as u64, file, version)?;
    // The header's lengths add up to the file's length, so these slices are in range.
    let (manifest, payload) = bundle[start..].split_at(header.manifest_len as usize);
    let damaged = |section| SessionError::Checksum {
        file: file.into(),
        section,
    };
    if !header.manifest_matches(manifest) {
        return Err(damaged("manifest"));
    }
    if !header.payload_matches(payload) {
        return Err(damaged("payload"));
    }
    Ok((manifest, payload))
}

/// Verify an upgraded session as a current one is: its contents, and the manifest stored in
/// the old bundle against them (the manifest's shape has not changed since format 1).
pub(super) fn verify_upgraded(
    session: Session,
    stored_manifest: &[u8],
    file: &str,
) -> Result<Session, SessionError> {
    let inconsistent = |detail| SessionError::Inconsistent {
        file: file.into(),
        detail,
    };
    check(&session).map_err(inconsistent)?;
    let expected = codec::encode(&Manifest::of(&session)).map_err(|e| SessionError::Encode {
        file: file.into(),
        detail: e.to_string(),
    })?;
    if expected != stored_manifest {
        return Err(inconsistent(
            "its manifest does not describe its contents".into(),
        ));
    }
    Ok(session)
}
