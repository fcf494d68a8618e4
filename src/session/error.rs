//! Why a session bundle could not be saved, opened or listed: every message names the file,
//! says what is wrong in plain words, and what to do about it.

use thiserror::Error;

/// A failure to save, open or list a session bundle.
#[derive(Debug, Error)]
pub enum SessionError {
    #[error("{file}: could not {action}: {source}; check the path and its permissions")]
    Io {
        file: String,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{file}: not a Strategic Intelligence Stack session (wrong magic bytes); open a .sis file saved by sis"
    )]
    NotABundle { file: String },
    #[error(
        "{file}: the session header is cut short ({len} bytes); the file is truncated, open an earlier copy or re-run the analysis"
    )]
    TruncatedHeader { file: String, len: u64 },
    #[error("{file}: made by a newer sis (format {version}); update sis to open it")]
    NewerFormat { file: String, version: u32 },
    #[error(
        "{file}: format {version} was a pre-release; re-run the analysis from the data and save it again"
    )]
    RetiredFormat { file: String, version: u32 },
    #[error(
        "{file}: the session header is damaged ({detail}); open an earlier copy or re-run the analysis"
    )]
    BadHeader { file: String, detail: String },
    #[error(
        "{file}: the header says the session is {claimed} bytes but the file holds {actual}; the file is truncated or damaged, open an earlier copy or re-run the analysis"
    )]
    LengthMismatch {
        file: String,
        claimed: u128,
        actual: u64,
    },
    #[error(
        "{file}: the {section} checksum does not match, so the file was damaged after it was saved; open an earlier copy or re-run the analysis"
    )]
    Checksum { file: String, section: &'static str },
    #[error(
        "{file}: the {section} passed its checksum but could not be read ({detail}); it was not written by this version of sis, re-run the analysis from the data"
    )]
    Decode {
        file: String,
        section: &'static str,
        detail: String,
    },
    #[error(
        "{file}: the session contradicts itself ({detail}); it was not written by sis, re-run the analysis from the data"
    )]
    Inconsistent { file: String, detail: String },
    #[error(
        "{file}: the session is {bytes} bytes, more than sis can open ({max} bytes); split the data and run it in parts"
    )]
    TooLarge { file: String, bytes: u64, max: u64 },
    #[error("{file}: the session could not be encoded ({detail}); please report this as a bug")]
    Encode { file: String, detail: String },
}
