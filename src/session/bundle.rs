//! A session's bundle: its `.sis` bytes (header, manifest section, payload section), written
//! and read back verified, in memory or atomically on disk.

use super::atomic::{StagedSave, write_error};
use super::check::check;
use super::codec::{self, CodecError, MAX_SECTION};
/// The session type, where the older formats' migrations find it.
pub(super) use super::contents::Session;
use super::error::SessionError;
use super::header::{self, FORMAT_VERSION, Header};
use super::manifest::Manifest;
use super::migrate::migrate;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::Path;

/// The name used in messages for a bundle that is not a file.
const IN_MEMORY: &str = "(session in memory)";

impl Session {
    /// This session's manifest.
    pub fn manifest(&self) -> Manifest {
        Manifest::of(self)
    }

    /// The bundle's bytes. The same session always gives the same bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, SessionError> {
        let encode_error = |e: CodecError| SessionError::Encode {
            file: IN_MEMORY.into(),
            detail: e.to_string(),
        };
        let manifest = codec::encode(&self.manifest()).map_err(encode_error)?;
        let payload = codec::encode(self).map_err(encode_error)?;
        let header = Header::for_sections(&manifest, &payload).to_bytes();
        Ok([header, manifest, payload].concat())
    }

    /// Read a bundle held in memory.
    pub fn from_bytes(bytes: &[u8]) -> Result<Session, SessionError> {
        Self::from_bytes_named(bytes, IN_MEMORY)
    }

    /// Read a bundle held in memory, naming it `source` in messages.
    pub fn from_bytes_named(bytes: &[u8], source: &str) -> Result<Session, SessionError> {
        let version = header::format_version(bytes, source)?;
        if version < FORMAT_VERSION {
            return migrate(version, bytes, source);
        }
        let (header, start) = header::parse(bytes, bytes.len() as u64, source)?;
        // The header's lengths add up to the file's length, so these slices are in range.
        let (manifest, payload) = bytes[start..].split_at(header.manifest_len as usize);
        let damaged = |section| SessionError::Checksum {
            file: source.into(),
            section,
        };
        if !header.manifest_matches(manifest) {
            return Err(damaged("manifest"));
        }
        if !header.payload_matches(payload) {
            return Err(damaged("payload"));
        }
        let session: Session = codec::decode(payload).map_err(|e| SessionError::Decode {
            file: source.into(),
            section: "payload",
            detail: e.to_string(),
        })?;
        let inconsistent = |detail| SessionError::Inconsistent {
            file: source.into(),
            detail,
        };
        check(&session).map_err(inconsistent)?;
        let expected = codec::encode(&session.manifest()).map_err(|e| SessionError::Encode {
            file: source.into(),
            detail: e.to_string(),
        })?;
        if expected != manifest {
            return Err(inconsistent(
                "its manifest does not describe its contents".into(),
            ));
        }
        Ok(session)
    }

    /// Save atomically to `path` (creating its folder): a crash leaves the old file intact.
    pub fn save(&self, path: &Path) -> Result<(), SessionError> {
        self.stage_save(path)?.commit()
    }

    /// The first half of [`Session::save`]: the bundle written and flushed to a temporary file
    /// beside `path`, ready to [`StagedSave::commit`].
    pub fn stage_save(&self, path: &Path) -> Result<StagedSave, SessionError> {
        let encode_error = |e: CodecError| SessionError::Encode {
            file: path.display().to_string(),
            detail: e.to_string(),
        };
        let manifest = codec::encode(&self.manifest()).map_err(encode_error)?;
        StagedSave::write_with(path, |file| {
            // The header comes first but holds the payload's length and checksum, so its
            // place is reserved, the payload streamed through a hasher, and the header
            // written last. The bytes equal `to_bytes` without the payload ever in memory.
            let placeholder = Header::for_sections(&manifest, &[]).to_bytes();
            let io = |e| write_error(path, e);
            file.write_all(&placeholder).map_err(io)?;
            file.write_all(&manifest).map_err(io)?;
            let mut sink = HashingWriter::new(BufWriter::with_capacity(1 << 20, &mut *file));
            codec::encode_into(self, &mut sink).map_err(encode_error)?;
            let (payload_len, payload_hash) = sink.finish().map_err(io)?;
            let header = Header::for_streamed(&manifest, payload_len, payload_hash).to_bytes();
            file.seek(SeekFrom::Start(0)).map_err(io)?;
            file.write_all(&header).map_err(io)
        })
    }

    /// Open a bundle, verifying header, checksums and contents before returning anything.
    pub fn open(path: &Path) -> Result<Session, SessionError> {
        let shown = path.display().to_string();
        let io = |action, source| SessionError::Io {
            file: shown.clone(),
            action,
            source,
        };
        let len = std::fs::metadata(path)
            .map_err(|e| io("open the session", e))?
            .len();
        // Header, manifest and payload together stay under twice the largest section.
        if len > 2 * MAX_SECTION {
            return Err(SessionError::TooLarge {
                file: shown,
                bytes: len,
                max: 2 * MAX_SECTION,
            });
        }
        let bytes = std::fs::read(path).map_err(|e| io("read the session", e))?;
        Self::from_bytes_named(&bytes, &shown)
    }
}

/// A writer that passes bytes on while counting and hashing them.
struct HashingWriter<W: Write> {
    inner: W,
    hasher: blake3::Hasher,
    len: u64,
}

impl<W: Write> HashingWriter<W> {
    fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: blake3::Hasher::new(),
            len: 0,
        }
    }

    /// Flush and return the length and blake3 of everything written.
    fn finish(mut self) -> std::io::Result<(u64, [u8; 32])> {
        self.inner.flush()?;
        Ok((self.len, *self.hasher.finalize().as_bytes()))
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hasher.update(&buf[..written]);
        self.len += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
