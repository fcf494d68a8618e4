//! What a path names, told by its extension: a session bundle (`.sis`, in any letter case) or
//! a file of customer data. The CLI, the GUI, the model loader and the session store ask here.

use std::path::Path;

/// The extension of session bundles.
pub(crate) const EXTENSION: &str = "sis";

/// The kind of file a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// A session bundle (`.sis`).
    Session,
    /// Anything else: customer data (CSV, Excel, Parquet…) or a model file.
    Data,
}

impl FileKind {
    /// The kind of `path`, by its extension.
    pub(crate) fn of(path: &Path) -> FileKind {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
        {
            FileKind::Session
        } else {
            FileKind::Data
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_told_by_their_extension() {
        assert_eq!(FileKind::of(Path::new("a.sis")), FileKind::Session);
        assert_eq!(FileKind::of(Path::new("dir/x.SIS")), FileKind::Session);
        assert_eq!(FileKind::of(Path::new("data.csv")), FileKind::Data);
        assert_eq!(FileKind::of(Path::new("sis")), FileKind::Data);
        assert_eq!(FileKind::of(Path::new("m.sismodel.json")), FileKind::Data);
    }
}
