//! The bincode codec of a bundle's sections: the only place in sis that names bincode.
//!
//! Encoding is `bincode::serde` with `config::standard()` switched to fixed-width integers
//! (little-endian). Fixed-width makes bincode's byte limit exact: every primitive claims as many
//! bytes against the limit as it reads, and a string or byte buffer claims its declared length
//! *before* allocating it. So a limit no smaller than the section's length accepts every honest
//! section, and a length prefix that points past the limit is refused before anything is
//! allocated. The limit is a const generic in bincode 2, so decoding picks the smallest of a few
//! fixed tiers (1 MiB, then ×4 up to 64 GiB) that holds the section: at most 4× the section's
//! length (or 1 MiB) can be claimed, whatever the bytes say.

use bincode::config;
use bincode::error::DecodeError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use thiserror::Error;

const MIB: usize = 1 << 20;

/// The largest section that can be decoded (64 GiB on 64-bit targets).
#[cfg(target_pointer_width = "64")]
pub const MAX_SECTION: u64 = 1 << 36;
/// The largest section that can be decoded (1 GiB on 32-bit targets).
#[cfg(not(target_pointer_width = "64"))]
pub const MAX_SECTION: u64 = 1 << 30;

/// Why a section could not be encoded or decoded.
#[derive(Debug, Error, PartialEq)]
pub(super) enum CodecError {
    #[error("{0}")]
    Encode(String),
    #[error("{0}")]
    Decode(String),
    #[error("{extra} unexpected byte(s) after the end of the data")]
    Trailing { extra: usize },
    #[error("{len} bytes is more than the largest section sis decodes ({MAX_SECTION} bytes)")]
    TooLarge { len: usize },
}

type Base = config::Configuration<config::LittleEndian, config::Fixint, config::NoLimit>;

fn base() -> Base {
    config::standard().with_fixed_int_encoding()
}

/// Encode a value; the same value always gives the same bytes.
pub(super) fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, CodecError> {
    bincode::serde::encode_to_vec(value, base()).map_err(|e| CodecError::Encode(e.to_string()))
}

/// Encode a value into `writer`, giving the same bytes as [`encode`] without holding them.
pub(super) fn encode_into<T: Serialize, W: std::io::Write>(
    value: &T,
    writer: &mut W,
) -> Result<usize, CodecError> {
    bincode::serde::encode_into_std_write(value, writer, base())
        .map_err(|e| CodecError::Encode(e.to_string()))
}

/// Decode a value that must fill `bytes` exactly, with a byte limit chosen from their length.
pub(super) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    let len = bytes.len();
    if len as u64 > MAX_SECTION {
        return Err(CodecError::TooLarge { len });
    }
    if len <= MIB {
        decode_within::<T, MIB>(bytes)
    } else if len <= 4 * MIB {
        decode_within::<T, { 4 * MIB }>(bytes)
    } else if len <= 16 * MIB {
        decode_within::<T, { 16 * MIB }>(bytes)
    } else if len <= 64 * MIB {
        decode_within::<T, { 64 * MIB }>(bytes)
    } else if len <= 256 * MIB {
        decode_within::<T, { 256 * MIB }>(bytes)
    } else {
        decode_large(bytes)
    }
}

#[cfg(target_pointer_width = "64")]
fn decode_large<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    let len = bytes.len();
    if len <= 1024 * MIB {
        decode_within::<T, { 1024 * MIB }>(bytes)
    } else if len <= 4096 * MIB {
        decode_within::<T, { 4096 * MIB }>(bytes)
    } else if len <= 16384 * MIB {
        decode_within::<T, { 16384 * MIB }>(bytes)
    } else {
        decode_within::<T, { 65536 * MIB }>(bytes)
    }
}

#[cfg(not(target_pointer_width = "64"))]
fn decode_large<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    decode_within::<T, { 1024 * MIB }>(bytes)
}

/// Decode with at most `LIMIT` bytes claimed, and nothing left over.
fn decode_within<T: DeserializeOwned, const LIMIT: usize>(bytes: &[u8]) -> Result<T, CodecError> {
    let config = base().with_limit::<LIMIT>();
    let (value, read) =
        bincode::serde::decode_from_slice::<T, _>(bytes, config).map_err(describe)?;
    match bytes.len() - read {
        0 => Ok(value),
        extra => Err(CodecError::Trailing { extra }),
    }
}

/// Bincode's error in words a user can act on.
fn describe(error: DecodeError) -> CodecError {
    CodecError::Decode(match error {
        DecodeError::LimitExceeded => {
            "a length inside it claims more bytes than the section holds".to_string()
        }
        DecodeError::UnexpectedEnd { .. } => "it ends in the middle of a value".to_string(),
        DecodeError::Utf8 { .. } | DecodeError::InvalidCharEncoding(_) => {
            "a text value in it is not valid UTF-8".to_string()
        }
        DecodeError::UnexpectedVariant { type_name, .. } => {
            let short = type_name.rsplit("::").next().unwrap_or(type_name);
            format!("a {short} value in it has a kind this version does not know")
        }
        DecodeError::InvalidBooleanValue(_) => "a yes/no value in it is neither".to_string(),
        // Anything else is bincode's internal wording: say what it means instead.
        _ => "its contents do not match the layout of a session".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Kind {
        Plain,
        Tagged(u32),
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        name: String,
        values: Vec<f64>,
        codes: Vec<u32>,
        maybe: Option<i32>,
        kind: Kind,
        pairs: Vec<(String, f64)>,
        flag: bool,
        letter: char,
        count: usize,
    }

    fn sample() -> Sample {
        Sample {
            name: "x".repeat(100),
            values: vec![1.5, f64::NAN, -0.0],
            codes: vec![7; 10],
            maybe: Some(-3),
            kind: Kind::Tagged(9),
            pairs: vec![("a".into(), 2.0)],
            flag: true,
            letter: ';',
            count: 12,
        }
    }

    /// Fixed-width bytes of `sample()`: each length prefix is 8 bytes, a tag 4.
    const SAMPLE_LEN: usize =
        (8 + 100) + (8 + 24) + (8 + 40) + (1 + 4) + (4 + 4) + (8 + 8 + 1 + 8) + 1 + 1 + 8;

    #[test]
    fn encoding_is_fixed_width_and_exact() {
        let bytes = encode(&sample()).unwrap();
        assert_eq!(bytes.len(), SAMPLE_LEN);
        let back: Sample = decode(&bytes).unwrap();
        assert_eq!(back.values[1].to_bits(), f64::NAN.to_bits());
        assert_eq!(encode(&back).unwrap(), bytes);
    }

    #[test]
    fn a_limit_equal_to_the_length_is_enough() {
        // Claims never exceed the bytes read, so the exact length is a sufficient limit…
        let bytes = encode(&sample()).unwrap();
        assert!(decode_within::<Sample, SAMPLE_LEN>(&bytes).is_ok());
        // …and one byte less is not.
        assert!(decode_within::<Sample, { SAMPLE_LEN - 1 }>(&bytes).is_err());
    }

    #[test]
    fn a_huge_string_length_is_refused_before_allocation() {
        // A string claiming 2^40 bytes inside a 16-byte section.
        let mut bytes = (1u64 << 40).to_le_bytes().to_vec();
        bytes.extend_from_slice(b"abcdefgh");
        let err = decode::<String>(&bytes).unwrap_err();
        assert!(err.to_string().contains("claims more bytes"), "{err}");
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut bytes = encode(&7u32).unwrap();
        bytes.push(0);
        assert_eq!(
            decode::<u32>(&bytes).unwrap_err(),
            CodecError::Trailing { extra: 1 }
        );
    }
}
