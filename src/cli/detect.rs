//! `sis detect`: the detected mapping as editable TOML (or JSON with reasons).

use super::args::DetectArgs;
use super::{CliError, emit};
use crate::ingest::{LoadOptions, load_table};
use crate::roles::detect_mapping;
use std::io::Write;

pub(crate) fn detect(args: &DetectArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let table = load_table(
        &args.data,
        &LoadOptions {
            sheet: args.sheet.clone(),
        },
    )
    .map_err(CliError::data)?;
    let (mapping, detected) = detect_mapping(&table);
    if args.json {
        let text = serde_json::to_string_pretty(&detected).map_err(CliError::data)?;
        return emit(out, &format!("{text}\n"));
    }
    emit(out, &mapping.to_toml(&table.file_name))
}
