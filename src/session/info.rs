//! A bundle's header and manifest read from disk without decoding its payload: what
//! `sis inspect` prints and `sis sessions list` tabulates.

use super::codec;
use super::contents::Session;
use super::error::SessionError;
use super::header::{self, FORMAT_VERSION, MAX_HEADER_LEN};
use super::manifest::Manifest;
use serde::Serialize;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// How much of the file [`BundleInfo::read`] verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Header and manifest checksums (reads a few hundred bytes).
    Manifest,
    /// Also the payload's checksum (reads the whole file, decodes nothing of the payload).
    Everything,
}

/// The header fields and manifest of one bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BundleInfo {
    pub file: String,
    /// Size of the file in bytes.
    pub bytes: u64,
    pub format_version: u32,
    /// The version of sis that wrote the file.
    pub app_version: String,
    #[serde(flatten)]
    pub manifest: Manifest,
}

impl BundleInfo {
    /// Read and verify a bundle's header and manifest.
    pub fn read(path: &Path, verify: Verify) -> Result<BundleInfo, SessionError> {
        let shown = path.display().to_string();
        let io = |action, source| SessionError::Io {
            file: shown.clone(),
            action,
            source,
        };
        let mut file = File::open(path).map_err(|e| io("open the session", e))?;
        let len = file
            .metadata()
            .map_err(|e| io("read the session's size", e))?
            .len();
        let mut prefix = Vec::with_capacity(MAX_HEADER_LEN);
        (&mut file)
            .take(MAX_HEADER_LEN as u64)
            .read_to_end(&mut prefix)
            .map_err(|e| io("read the session header", e))?;
        let version = header::format_version(&prefix, &shown)?;
        if version < FORMAT_VERSION {
            // An older format has no manifest of this shape: migrate the whole bundle.
            let session = Session::open(path)?;
            return Ok(BundleInfo {
                file: shown,
                bytes: len,
                format_version: version,
                app_version: "(older format)".into(),
                manifest: session.manifest(),
            });
        }
        let (header, start) = header::parse(&prefix, len, &shown)?;
        // The lengths add up to the file's length, so the manifest fits in memory as the file does.
        let mut manifest = vec![0u8; header.manifest_len as usize];
        file.seek(SeekFrom::Start(start as u64))
            .and_then(|_| file.read_exact(&mut manifest))
            .map_err(|e| io("read the session manifest", e))?;
        if !header.manifest_matches(&manifest) {
            return Err(SessionError::Checksum {
                file: shown,
                section: "manifest",
            });
        }
        if verify == Verify::Everything {
            let mut hasher = blake3::Hasher::new();
            hasher
                .update_reader(&mut file)
                .map_err(|e| io("read the session payload", e))?;
            if hasher.finalize() != blake3::Hash::from_bytes(header.payload_hash) {
                return Err(SessionError::Checksum {
                    file: shown,
                    section: "payload",
                });
            }
        }
        let manifest = codec::decode(&manifest).map_err(|e| SessionError::Decode {
            file: shown.clone(),
            section: "manifest",
            detail: e.to_string(),
        })?;
        Ok(BundleInfo {
            file: shown,
            bytes: len,
            format_version: header.format_version,
            app_version: header.app_version,
            manifest,
        })
    }
}
