//! The bundle header: the bytes before the sections, read and verified before anything is
//! decoded (magic → format version → lengths against the file's length → checksums).
//!
//! Layout (integers little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 4 | magic `SISB` |
//! | 4 | format version (`u32`) |
//! | 1 | length *n* of the app version (1..=64) |
//! | *n* | app version that wrote the file (UTF-8) |
//! | 8 | manifest length (`u64`) |
//! | 8 | payload length (`u64`) |
//! | 32 | blake3 of the manifest |
//! | 32 | blake3 of the payload |
//! | 32 | blake3 of every header byte before this one |

use super::error::SessionError;

/// The first four bytes of every bundle.
pub const MAGIC: [u8; 4] = *b"SISB";
/// The bundle format this build writes and reads. Format 1 saved the tab by its title; format 2
/// saves it as `AnalysisTab`; format 3 adds feature treatments, the k rule's fields and every
/// k of the sweep, and saves the simulation's scenario ledger in place of the scenario stand-in
/// (older formats are read by `migrate`).
pub const FORMAT_VERSION: u32 = 3;
/// The longest app version string a header may carry.
pub(super) const MAX_APP_VERSION: usize = 64;
/// The version of sis written into new bundles.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
const _: () = assert!(!APP_VERSION.is_empty() && APP_VERSION.len() <= MAX_APP_VERSION);

const HASH_LEN: usize = 32;
/// Magic, format version and the app version's length byte.
const FIXED_PREFIX: usize = 9;
/// Everything after the app version: two lengths and three checksums.
const FIXED_SUFFIX: usize = 16 + 3 * HASH_LEN;
/// The largest manifest sis reads (real ones are a few kilobytes).
pub(super) const MAX_MANIFEST: u64 = 16 << 20;
/// The longest possible header: read this much to parse any header.
pub(super) const MAX_HEADER_LEN: usize = FIXED_PREFIX + MAX_APP_VERSION + FIXED_SUFFIX;

/// A verified header (the same layout in formats 1 and 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Header {
    pub format_version: u32,
    pub app_version: String,
    pub manifest_len: u64,
    pub payload_len: u64,
    pub manifest_hash: [u8; HASH_LEN],
    pub payload_hash: [u8; HASH_LEN],
}

impl Header {
    /// The header of a bundle holding these two sections, written by this build.
    pub(super) fn for_sections(manifest: &[u8], payload: &[u8]) -> Header {
        Self::for_streamed(
            manifest,
            payload.len() as u64,
            *blake3::hash(payload).as_bytes(),
        )
    }

    /// The header of a bundle with this manifest and a payload already hashed while written.
    pub(super) fn for_streamed(
        manifest: &[u8],
        payload_len: u64,
        payload_hash: [u8; HASH_LEN],
    ) -> Header {
        Header {
            format_version: FORMAT_VERSION,
            app_version: APP_VERSION.to_string(),
            manifest_len: manifest.len() as u64,
            payload_len,
            manifest_hash: *blake3::hash(manifest).as_bytes(),
            payload_hash,
        }
    }

    /// Length of the encoded header in bytes.
    pub(super) fn encoded_len(&self) -> usize {
        FIXED_PREFIX + self.app_version.len() + FIXED_SUFFIX
    }

    /// The header's bytes, ending with their own checksum.
    pub(super) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&self.format_version.to_le_bytes());
        out.push(self.app_version.len() as u8);
        out.extend_from_slice(self.app_version.as_bytes());
        out.extend_from_slice(&self.manifest_len.to_le_bytes());
        out.extend_from_slice(&self.payload_len.to_le_bytes());
        out.extend_from_slice(&self.manifest_hash);
        out.extend_from_slice(&self.payload_hash);
        let check = blake3::hash(&out);
        out.extend_from_slice(check.as_bytes());
        out
    }

    /// Whether `manifest` is the section this header describes.
    pub(super) fn manifest_matches(&self, manifest: &[u8]) -> bool {
        blake3::hash(manifest) == blake3::Hash::from_bytes(self.manifest_hash)
    }

    /// Whether `payload` is the section this header describes.
    pub(super) fn payload_matches(&self, payload: &[u8]) -> bool {
        blake3::hash(payload) == blake3::Hash::from_bytes(self.payload_hash)
    }
}

/// Check the magic bytes and read the format version; a newer format is refused here.
pub(super) fn format_version(prefix: &[u8], file: &str) -> Result<u32, SessionError> {
    let magic_len = prefix.len().min(MAGIC.len());
    if prefix[..magic_len] != MAGIC[..magic_len] {
        return Err(SessionError::NotABundle { file: file.into() });
    }
    let Some(version) = prefix.get(4..8) else {
        return Err(truncated(file, prefix.len()));
    };
    let version = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
    if version > FORMAT_VERSION {
        return Err(SessionError::NewerFormat {
            file: file.into(),
            version,
        });
    }
    Ok(version)
}

/// Parse and verify a header of the current format from the first bytes of a file of
/// `file_len` bytes. Returns the header and its length. The sections' checksums are left to
/// the caller.
pub(super) fn parse(
    prefix: &[u8],
    file_len: u64,
    file: &str,
) -> Result<(Header, usize), SessionError> {
    parse_format(prefix, file_len, file, FORMAT_VERSION)
}

/// [`parse`] for a bundle of format `expected` (formats 1 and 2 share this header layout).
pub(super) fn parse_format(
    prefix: &[u8],
    file_len: u64,
    file: &str,
    expected: u32,
) -> Result<(Header, usize), SessionError> {
    let version = format_version(prefix, file)?;
    if version != expected {
        return Err(bad(
            file,
            format!("expected format {expected}, found {version}"),
        ));
    }
    let Some(&name_len) = prefix.get(8) else {
        return Err(truncated(file, prefix.len()));
    };
    let name_len = name_len as usize;
    if name_len == 0 || name_len > MAX_APP_VERSION {
        return Err(bad(
            file,
            format!("the app version is said to be {name_len} bytes long"),
        ));
    }
    let header_len = FIXED_PREFIX + name_len + FIXED_SUFFIX;
    let Some(header) = prefix.get(..header_len) else {
        return Err(truncated(file, prefix.len()));
    };
    let (mut at, app_version) = (FIXED_PREFIX + name_len, &header[FIXED_PREFIX..][..name_len]);
    let app_version = std::str::from_utf8(app_version)
        .map_err(|_| bad(file, "the app version is not text".into()))?
        .to_string();
    let mut take = |n: usize| {
        let field = &header[at..at + n];
        at += n;
        field
    };
    let manifest_len = read_u64(take(8));
    let payload_len = read_u64(take(8));
    let manifest_hash = read_hash(take(HASH_LEN));
    let payload_hash = read_hash(take(HASH_LEN));
    let header_hash = read_hash(take(HASH_LEN));
    let claimed = header_len as u128 + manifest_len as u128 + payload_len as u128;
    if claimed != file_len as u128 {
        return Err(SessionError::LengthMismatch {
            file: file.into(),
            claimed,
            actual: file_len,
        });
    }
    if blake3::hash(&header[..header_len - HASH_LEN]) != blake3::Hash::from_bytes(header_hash) {
        return Err(SessionError::Checksum {
            file: file.into(),
            section: "header",
        });
    }
    if manifest_len > MAX_MANIFEST {
        return Err(bad(
            file,
            format!("the manifest is said to be {manifest_len} bytes, more than sis ever writes"),
        ));
    }
    let parsed = Header {
        format_version: version,
        app_version,
        manifest_len,
        payload_len,
        manifest_hash,
        payload_hash,
    };
    Ok((parsed, header_len))
}

fn read_u64(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf.copy_from_slice(bytes);
    u64::from_le_bytes(buf)
}

fn read_hash(bytes: &[u8]) -> [u8; HASH_LEN] {
    let mut buf = [0u8; HASH_LEN];
    buf.copy_from_slice(bytes);
    buf
}

fn truncated(file: &str, len: usize) -> SessionError {
    SessionError::TruncatedHeader {
        file: file.into(),
        len: len as u64,
    }
}

fn bad(file: &str, detail: String) -> SessionError {
    SessionError::BadHeader {
        file: file.into(),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Vec<u8> {
        let (manifest, payload) = (b"manifest".as_slice(), b"payload!".as_slice());
        let mut out = Header::for_sections(manifest, payload).to_bytes();
        out.extend_from_slice(manifest);
        out.extend_from_slice(payload);
        out
    }

    #[test]
    fn a_header_reads_back() {
        let bytes = bundle();
        let (header, len) = parse(&bytes, bytes.len() as u64, "t.sis").unwrap();
        assert_eq!(len, header.encoded_len());
        assert_eq!(header.app_version, APP_VERSION);
        assert!(header.manifest_matches(&bytes[len..len + 8]));
        assert!(header.payload_matches(&bytes[len + 8..]));
    }

    #[test]
    fn wrong_magic_newer_version_and_bad_lengths_are_named() {
        let mut bytes = bundle();
        let len = bytes.len() as u64;
        bytes[0] = b'X';
        let err = parse(&bytes, len, "t.sis").unwrap_err();
        assert!(matches!(err, SessionError::NotABundle { .. }), "{err}");
        let mut bytes = bundle();
        bytes[4..8].copy_from_slice(&7u32.to_le_bytes());
        let err = parse(&bytes, len, "t.sis").unwrap_err();
        assert!(err.to_string().contains("newer sis (format 7)"), "{err}");
        let bytes = bundle();
        let err = parse(&bytes, len + 1, "t.sis").unwrap_err();
        assert!(matches!(err, SessionError::LengthMismatch { .. }), "{err}");
        let err = parse(&bytes[..20], len, "t.sis").unwrap_err();
        assert!(matches!(err, SessionError::TruncatedHeader { .. }), "{err}");
    }

    #[test]
    fn the_header_checksum_covers_the_app_version() {
        let mut bytes = bundle();
        bytes[9] ^= 0x01;
        let err = parse(&bytes, bytes.len() as u64, "t.sis").unwrap_err();
        assert!(
            matches!(
                err,
                SessionError::Checksum {
                    section: "header",
                    ..
                }
            ),
            "{err}"
        );
    }
}
