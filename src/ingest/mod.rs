//! Loading datasets from CSV (any common dialect), Parquet and XLSX into a [`RawTable`],
//! choosing the reader from the file's extension and checking it against the content.

mod compact_dates;
mod convert;
mod csv;
mod csv_frames;
mod dates;
mod dialect;
mod error;
pub mod formatted;
mod headers;
mod parquet;
mod records;
mod sniff;
mod whitespace;
mod xlsx;

pub use compact_dates::{compact_column, compact_day, parse_compact};
pub use convert::numeric_problem;
pub(crate) use convert::parse_number as convert_parse_number;
pub use dates::parse_date;
pub use dates::{LENIENT_DATE_SHARE, read_dates_leniently};
pub use error::IngestError;

use crate::table::RawTable;
use sniff::Reader;
use std::path::Path;

/// Options for loading a file.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// XLSX only: the sheet to read (the first one when `None`).
    pub sheet: Option<String>,
}

/// Load a dataset, choosing the reader from the file's extension and content.
///
/// `.csv`, `.tsv`, `.txt` are read as CSV, `.parquet`, `.pq` as Parquet, `.xlsx`, `.xlsm` as
/// XLSX; any other extension is judged by its content. A file whose content contradicts its
/// extension is refused with an error that says what it looks like.
pub fn load_table(path: &Path, options: &LoadOptions) -> Result<RawTable, IngestError> {
    let file = file_name(&path.to_string_lossy());
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        file: file.clone(),
        path: path.to_path_buf(),
        source,
    })?;
    load_bytes(&bytes, &file, options)
}

/// Load a dataset held in memory (e.g. a file dropped on the window). `file_name` chooses the
/// reader by its extension, as for [`load_table`], and names the file in messages.
pub fn load_bytes(
    bytes: &[u8],
    file_name: &str,
    options: &LoadOptions,
) -> Result<RawTable, IngestError> {
    let file = self::file_name(file_name);
    let by_extension = Path::new(&file)
        .extension()
        .and_then(|e| e.to_str())
        .and_then(sniff::reader_for_extension);
    let reader = match by_extension {
        Some(reader) => reader,
        None => sniff::reader_for_content(bytes),
    };
    if by_extension.is_none() && reader == Reader::Csv && sniff::is_binary(bytes) {
        return Err(sniff::unreadable(bytes, &file));
    }
    sniff::check(reader, bytes, &file)?;
    match reader {
        Reader::Csv if whitespace::looks_aligned(bytes) => {
            whitespace::read_whitespace(bytes, &file)
        }
        Reader::Csv => csv::read_csv(bytes, &file),
        Reader::Parquet => parquet::read_parquet(bytes, &file),
        Reader::Xlsx => xlsx::read_xlsx(bytes, &file, options.sheet.as_deref()),
    }
}

/// Load CSV bytes whatever the name says; `file_name` names the file in messages.
pub fn load_csv_bytes(bytes: &[u8], file_name: &str) -> Result<RawTable, IngestError> {
    let file = self::file_name(file_name);
    sniff::check(Reader::Csv, bytes, &file)?;
    csv::read_csv(bytes, &file)
}

/// The last component of a path, for messages; the whole text when it has none.
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_directories() {
        assert_eq!(file_name("/tmp/x/data.csv"), "data.csv");
        assert_eq!(file_name("data.csv"), "data.csv");
        assert_eq!(file_name(""), "");
    }

    #[test]
    fn unknown_extension_is_sniffed() {
        let t = load_bytes(b"a;b\n1;2\n", "export.dat", &LoadOptions::default()).unwrap();
        assert_eq!(t.n_rows(), 1);
        assert_eq!(t.file_name, "export.dat");
    }

    #[test]
    fn unknown_binary_is_refused_in_plain_words() {
        let old_excel = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00";
        let err = load_bytes(old_excel, "sales.xls", &LoadOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "sales.xls: this is not a CSV, Parquet or XLSX file, but it looks like an old Excel 97-2003 workbook (.xls); \
             open it in Excel, save it as .xlsx or as CSV UTF-8, and load that file."
        );
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let err = load_table(
            Path::new("/no/such/dir/customers.csv"),
            &LoadOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(err, IngestError::Io { .. }));
        assert!(
            err.to_string()
                .starts_with("customers.csv: could not read the file"),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            "customers.csv: could not read the file (there is no file at \
             /no/such/dir/customers.csv); check the folder and the spelling of the file name."
        );
        let folder = std::env::temp_dir();
        let err = load_table(&folder, &LoadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("is a folder, not a file"), "{err}");
        assert!(!err.to_string().contains("os error"), "{err}");
    }
}
