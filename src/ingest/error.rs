//! Why a file could not be loaded: one error type for every reader, each message naming the
//! file, where the problem is and what to do about it.

use thiserror::Error;

/// Why a file could not be loaded.
#[derive(Debug, Error)]
pub enum IngestError {
    /// The file could not be opened or read (`path` as given, for the reason).
    #[error(
        "{file}: could not read the file ({}); {}.",
        io_reason(source, path),
        io_advice(source)
    )]
    Io {
        file: String,
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The file holds nothing (or only whitespace).
    #[error(
        "{file}: the file is empty; choose a file with a header row and at least one row of data."
    )]
    Empty { file: String },

    /// There is a header row but no data below it.
    #[error(
        "{file}: the file has a header row but no rows of data; add at least one row and load it again."
    )]
    NoRows { file: String },

    /// The content is not what the extension promises (or not something we can read at all).
    #[error("{file}: {expected}, but it looks like {found}; {advice}.")]
    WrongFormat {
        file: String,
        /// What the file should have been, e.g. "this is not a Parquet file".
        expected: String,
        /// What the content really looks like, e.g. "comma-separated text".
        found: String,
        /// What to do.
        advice: String,
    },

    /// A text file that is not valid UTF-8.
    #[error(
        "{file}, line {line}: the text is not valid UTF-8; save the file as \"CSV UTF-8\" and load it again."
    )]
    Encoding { file: String, line: usize },

    /// A CSV row with a different number of fields than the header.
    #[error(
        "{file}, line {line}: expected {expected} fields like the header, found {found}; check that line for an unquoted delimiter or a missing value, or quote fields that contain the delimiter."
    )]
    Ragged {
        file: String,
        line: usize,
        expected: usize,
        found: usize,
    },

    /// A quoted CSV field that is never closed.
    #[error(
        "{file}, line {line}: a quoted field starts here and is never closed; add the missing closing quote (\")."
    )]
    UnclosedQuote { file: String, line: usize },

    /// A quote character where CSV does not allow one.
    #[error(
        "{file}, line {line}, column {column}: {problem}; put the whole field in quotes and double any quote inside it (\"\"), or remove the stray quote."
    )]
    StrayQuote {
        file: String,
        line: usize,
        column: usize,
        problem: String,
    },

    /// Two columns share a name.
    #[error(
        "{file}: columns {first} and {second} are both named \"{name}\"; rename one of them so that every column has its own name."
    )]
    DuplicateHeader {
        file: String,
        name: String,
        first: usize,
        second: usize,
    },

    /// The requested XLSX sheet does not exist.
    #[error("{file}: there is no sheet named \"{requested}\"; the workbook has {}. Choose one of those.", list_sheets(.available))]
    SheetNotFound {
        file: String,
        requested: String,
        available: Vec<String>,
    },

    /// The reader could not make sense of the content.
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
}

/// Why a file could not be read, in words: the path for a missing file, no OS error codes.
fn io_reason(source: &std::io::Error, path: &std::path::Path) -> String {
    use std::io::ErrorKind;
    match source.kind() {
        ErrorKind::NotFound => format!("there is no file at {}", path.display()),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => format!("{} is a folder, not a file", path.display()),
        _ => source.to_string(),
    }
}

/// What to do about an unreadable file.
fn io_advice(source: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match source.kind() {
        ErrorKind::NotFound => "check the folder and the spelling of the file name",
        ErrorKind::PermissionDenied => {
            "ask for read access to it, or copy it somewhere you may read"
        }
        ErrorKind::IsADirectory => "give the data file inside it",
        _ => "check that it exists and that you may open it",
    }
}

fn list_sheets(available: &[String]) -> String {
    if available.is_empty() {
        return "no sheets".to_string();
    }
    let quoted: Vec<String> = available.iter().map(|s| format!("\"{s}\"")).collect();
    format!("the sheets {}", quoted.join(", "))
}

impl IngestError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            IngestError::Io { file, .. }
            | IngestError::Empty { file }
            | IngestError::NoRows { file }
            | IngestError::WrongFormat { file, .. }
            | IngestError::Encoding { file, .. }
            | IngestError::Ragged { file, .. }
            | IngestError::UnclosedQuote { file, .. }
            | IngestError::StrayQuote { file, .. }
            | IngestError::DuplicateHeader { file, .. }
            | IngestError::SheetNotFound { file, .. }
            | IngestError::Parse { file, .. } => file,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_list_reads_well() {
        let e = IngestError::SheetNotFound {
            file: "book.xlsx".into(),
            requested: "Sales".into(),
            available: vec!["Customers".into(), "Orders".into()],
        };
        assert_eq!(
            e.to_string(),
            "book.xlsx: there is no sheet named \"Sales\"; the workbook has the sheets \"Customers\", \"Orders\". Choose one of those."
        );
    }
}
