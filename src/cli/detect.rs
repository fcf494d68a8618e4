//! `sis detect`: the detected mapping as editable TOML (or JSON with reasons).

use super::args::DetectArgs;
use super::{CliError, emit};
use crate::ingest::{LoadOptions, load_table};
use crate::roles::{DatasetKind, detect_dataset};
use std::io::Write;

pub(crate) fn detect(args: &DetectArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let table = load_table(
        &args.data,
        &LoadOptions {
            sheet: args.sheet.clone(),
        },
    )
    .map_err(CliError::data)?;
    let dataset = detect_dataset(&table);
    if args.json {
        let text = serde_json::to_string_pretty(&dataset.detected).map_err(CliError::data)?;
        return emit(out, &format!("{text}\n"));
    }
    let mut text = format!(
        "# Dataset kind: {} ({}).\n",
        dataset.kind.key(),
        dataset.kind.describe()
    );
    if let Some(r) = dataset.repeats.as_ref().filter(|r| r.repeated_rows() > 0) {
        text.push_str(&format!(
            "# Customer ids in \"{}\": {} rows, {} distinct.\n",
            r.column, r.rows, r.distinct
        ));
    }
    if dataset.kind == DatasetKind::RepeatedIds {
        text.push_str("# To read it as order lines, set order_id or timestamp, and quantity with unit_price or line_amount.\n");
    }
    text.push_str(&dataset.mapping.to_toml(&table.file_name));
    emit(out, &text)
}
