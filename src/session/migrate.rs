//! Older bundle formats: migrated to the current [`Session`] when a migration exists,
//! otherwise refused with a message that says what to do.
//!
//! Policy: a bundle of an older format is read by the migration for its version and converted
//! in memory; saving it again writes the current format. A version without a migration (format
//! 0, the pre-release) is refused. A newer version is refused earlier, by the header.

use super::contents::Session;
use super::error::SessionError;
use super::{v1, v2};

/// Read a bundle of an older `version` (its whole bytes, header included).
pub fn migrate(version: u32, bundle: &[u8], file: &str) -> Result<Session, SessionError> {
    match version {
        // Format 1 saved the tab by its title (`v1` holds its frozen types).
        v1::VERSION => v1::read(bundle, file),
        // Format 2 saved a stand-in for scenarios and had no feature treatments nor the
        // sweep's runs (`v2` holds its types).
        v2::VERSION => v2::read(bundle, file),
        _ => Err(SessionError::RetiredFormat {
            file: file.into(),
            version,
        }),
    }
}
