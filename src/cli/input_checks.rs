//! Checks on a data path before it is loaded: a model or JSON file given where a dataset is
//! expected, and `--sheet` given for a file that has no sheets.

use super::CliError;
use crate::model::MODEL_EXTENSION;
use std::path::Path;

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Refuse a segmentation model or other JSON file given as the dataset, saying what to do.
pub(crate) fn refuse_non_data(path: &Path) -> Result<(), CliError> {
    let name = name_of(path);
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(MODEL_EXTENSION) {
        return Err(CliError::data(format!(
            "{name}: this is a saved segmentation model, not a dataset or a session. Score customers with it (`sis score {name} DATA --out FILE.csv`), or give a dataset or a .sis session."
        )));
    }
    if lower.ends_with(".json") {
        return Err(CliError::data(format!(
            "{name}: this is a JSON file; sis reads customer data from CSV, Parquet or XLSX files (or a .sis session)."
        )));
    }
    Ok(())
}

/// Warn that `--sheet` does nothing for a file that is not an XLSX workbook.
pub(crate) fn warn_sheet_ignored(path: &Path, sheet: Option<&str>) {
    let Some(sheet) = sheet else {
        return;
    };
    let is_workbook = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    if !is_workbook {
        eprintln!(
            "sis: warning: --sheet \"{sheet}\" is ignored: {} is not an XLSX workbook (only workbooks have sheets).",
            name_of(path)
        );
    }
}
