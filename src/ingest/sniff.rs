//! What a file really is, judged from its bytes: which reader an extension asks for, what the
//! content looks like, and a clear error when the two disagree.

use super::{IngestError, dialect};

/// The readers we have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reader {
    Csv,
    Parquet,
    Xlsx,
}

const PARQUET_MAGIC: &[u8] = b"PAR1";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The reader an extension asks for (case-insensitive), if we know the extension.
pub(crate) fn reader_for_extension(extension: &str) -> Option<Reader> {
    match extension.to_ascii_lowercase().as_str() {
        "csv" | "tsv" | "txt" => Some(Reader::Csv),
        "parquet" | "pq" => Some(Reader::Parquet),
        "xlsx" | "xlsm" => Some(Reader::Xlsx),
        _ => None,
    }
}

/// The reader the content asks for: Parquet and ZIP (XLSX) magic numbers, else CSV.
pub(crate) fn reader_for_content(bytes: &[u8]) -> Reader {
    if bytes.starts_with(PARQUET_MAGIC) {
        Reader::Parquet
    } else if bytes.starts_with(ZIP_MAGIC) {
        Reader::Xlsx
    } else {
        Reader::Csv
    }
}

/// True when the bytes cannot be text: a NUL byte (UTF-16 text and all binary formats have them).
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// What the content looks like, in words, e.g. "a Parquet file" or "semicolon-separated text".
pub(crate) fn describe(bytes: &[u8]) -> String {
    let known = if bytes.is_empty() {
        "an empty file"
    } else if bytes.starts_with(PARQUET_MAGIC) {
        "a Parquet file"
    } else if bytes.starts_with(ZIP_MAGIC) {
        "a ZIP archive (such as an XLSX workbook)"
    } else if bytes.starts_with(OLE_MAGIC) {
        "an old Excel 97-2003 workbook (.xls)"
    } else if bytes.starts_with(b"%PDF") {
        "a PDF document"
    } else if bytes.starts_with(b"\x1F\x8B") {
        "a gzip-compressed file"
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        "UTF-16 text"
    } else if is_binary(bytes) {
        "binary data"
    } else {
        let (text, _) = dialect::strip_bom(bytes);
        let delim = dialect::detect_delimiter(text);
        let first_line = text.split(|&b| b == b'\n').next().unwrap_or_default();
        if first_line.contains(&delim) {
            return format!("{}-separated text", dialect::delimiter_name(delim));
        }
        "plain text"
    };
    known.to_string()
}

/// Advice for a file whose content is `bytes` but which we were asked to read otherwise.
fn advice(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(PARQUET_MAGIC) {
        "rename it to end in .parquet and load it again"
    } else if bytes.starts_with(ZIP_MAGIC) {
        "if it is an Excel workbook, rename it to end in .xlsx and load it again"
    } else if bytes.starts_with(OLE_MAGIC) {
        "open it in Excel, save it as .xlsx or as CSV UTF-8, and load that file"
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        "save it as \"CSV UTF-8\" and load it again"
    } else if !is_binary(bytes) {
        "rename it to end in .csv and load it again"
    } else {
        "export the data as CSV, Parquet or XLSX and load that file"
    }
}

/// The error for content none of our readers can take (binary, not Parquet, not a ZIP).
pub(crate) fn unreadable(bytes: &[u8], file: &str) -> IngestError {
    IngestError::WrongFormat {
        file: file.to_string(),
        expected: "this is not a CSV, Parquet or XLSX file".to_string(),
        found: describe(bytes),
        advice: advice(bytes).to_string(),
    }
}

/// Check that the content fits the reader chosen for it.
pub(crate) fn check(reader: Reader, bytes: &[u8], file: &str) -> Result<(), IngestError> {
    let wrong = |expected: &str| IngestError::WrongFormat {
        file: file.to_string(),
        expected: expected.to_string(),
        found: describe(bytes),
        advice: advice(bytes).to_string(),
    };
    if bytes.is_empty() {
        return Err(IngestError::Empty {
            file: file.to_string(),
        });
    }
    match reader {
        Reader::Csv if is_binary(bytes) || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") => {
            Err(wrong("this is not a text (CSV) file"))
        }
        Reader::Csv => Ok(()),
        Reader::Parquet if !bytes.starts_with(PARQUET_MAGIC) => Err(wrong("this is not a Parquet file")),
        Reader::Parquet if bytes.len() < 12 || !bytes.ends_with(PARQUET_MAGIC) => Err(IngestError::Parse {
            file: file.to_string(),
            message: "the Parquet file is cut short (its footer is missing); copy or export it again.".to_string(),
        }),
        Reader::Parquet => Ok(()),
        Reader::Xlsx if !bytes.starts_with(ZIP_MAGIC) => {
            Err(wrong("this is not an XLSX workbook (those are ZIP archives)"))
        }
        Reader::Xlsx => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_choose_readers() {
        assert_eq!(reader_for_extension("CSV"), Some(Reader::Csv));
        assert_eq!(reader_for_extension("tsv"), Some(Reader::Csv));
        assert_eq!(reader_for_extension("pq"), Some(Reader::Parquet));
        assert_eq!(reader_for_extension("xlsm"), Some(Reader::Xlsx));
        assert_eq!(reader_for_extension("dat"), None);
    }

    #[test]
    fn content_chooses_readers() {
        assert_eq!(reader_for_content(b"PAR1...."), Reader::Parquet);
        assert_eq!(reader_for_content(b"PK\x03\x04...."), Reader::Xlsx);
        assert_eq!(reader_for_content(b"a,b\n1,2\n"), Reader::Csv);
    }

    #[test]
    fn descriptions() {
        assert_eq!(describe(b"a;b\n1;2\n"), "semicolon-separated text");
        assert_eq!(describe(b"hello\n"), "plain text");
        assert_eq!(describe(b"\x00\x01\x02"), "binary data");
        assert_eq!(describe(b"\xFF\xFEa\x00"), "UTF-16 text");
    }

    #[test]
    fn text_named_parquet_is_refused_with_advice() {
        let err = check(Reader::Parquet, b"a,b\n1,2\n", "data.parquet").unwrap_err();
        assert_eq!(
            err.to_string(),
            "data.parquet: this is not a Parquet file, but it looks like comma-separated text; rename it to end in .csv and load it again."
        );
    }
}
