//! Bundle bytes written independently of sis, from the documented layout (docs/sessions.md):
//! what a hostile tool could make. Shared by the corruption tests, the allocation test and the
//! fuzz targets, so none of them trusts sis's own writer.

/// Header length of a format-1 bundle (magic, version, app version, two lengths, three hashes).
pub(crate) fn header_len(bundle: &[u8]) -> usize {
    9 + bundle[8] as usize + 16 + 96
}

/// The manifest and payload sections of a well-formed bundle.
pub(crate) fn sections(bundle: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let h = header_len(bundle);
    let at = h - 112;
    let mut len = [0u8; 8];
    len.copy_from_slice(&bundle[at..at + 8]);
    let manifest_len = u64::from_le_bytes(len) as usize;
    (
        bundle[h..h + manifest_len].to_vec(),
        bundle[h + manifest_len..].to_vec(),
    )
}

/// A bundle of format `version` with a valid header and checksums around arbitrary sections.
pub(crate) fn wrap(version: u32, manifest: &[u8], payload: &[u8]) -> Vec<u8> {
    let app = env!("CARGO_PKG_VERSION").as_bytes();
    let mut out = b"SISB".to_vec();
    out.extend_from_slice(&version.to_le_bytes());
    out.push(app.len() as u8);
    out.extend_from_slice(app);
    out.extend_from_slice(&(manifest.len() as u64).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(blake3::hash(manifest).as_bytes());
    out.extend_from_slice(blake3::hash(payload).as_bytes());
    let check = blake3::hash(&out);
    out.extend_from_slice(check.as_bytes());
    out.extend_from_slice(manifest);
    out.extend_from_slice(payload);
    out
}
