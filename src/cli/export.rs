//! `sis export BUNDLE --customers FILE --manifest FILE --sql FILE`: thin shell over
//! [`crate::export`]; the outputs are checked before anything is written.

use super::export_args::{ExportArgs, QuoteStyle};
use super::{CliError, emit};
use crate::export::{
    CustomerFormat, OutputKind, Quote, SqlOptions, check_output, manifest_of_bundle,
    save_customers, save_manifest, save_sql,
};
use crate::model::SavedSegmentation;
use crate::session::Session;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

pub(crate) fn export(args: &ExportArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let outputs = outputs(args)?;
    for (path, kind) in &outputs {
        check_output(path, &args.bundle, *kind, args.force).map_err(CliError::usage)?;
    }
    let mut done = String::new();
    if let Some(path) = &args.manifest {
        let info = manifest_of_bundle(&args.bundle).map_err(CliError::data)?;
        save_manifest(&info, path).map_err(CliError::data)?;
        let _ = writeln!(done, "Manifest written to {}", path.display());
    }
    if args.customers.is_some() || args.sql.is_some() {
        let session = Session::open(&args.bundle).map_err(CliError::data)?;
        if let Some(path) = &args.customers {
            let format = save_customers(&session.analysis, path).map_err(CliError::data)?;
            let _ = writeln!(
                done,
                "{} customers written to {} ({})",
                session.analysis.customer_ids.len(),
                path.display(),
                format.extension()
            );
        }
        if let Some(path) = &args.sql {
            let model = SavedSegmentation::from_analysis(&session.analysis);
            let options = SqlOptions {
                table: args.table.clone(),
                quote: match args.quote {
                    QuoteStyle::Ansi => Quote::Ansi,
                    QuoteStyle::Backtick => Quote::Backtick,
                },
            };
            save_sql(&model, &options, path).map_err(CliError::data)?;
            let _ = writeln!(
                done,
                "Scoring query for table {} written to {}",
                options.table,
                path.display()
            );
        }
    }
    emit(out, &done)
}

/// Every requested output with its kind; two exports may not share a file.
fn outputs(args: &ExportArgs) -> Result<Vec<(&Path, OutputKind)>, CliError> {
    let mut outputs = Vec::new();
    if let Some(path) = &args.customers {
        let format = CustomerFormat::from_path(path).map_err(CliError::usage)?;
        outputs.push((path.as_path(), OutputKind::Customers(format)));
    }
    if let Some(path) = &args.manifest {
        outputs.push((path.as_path(), OutputKind::Manifest));
    }
    if let Some(path) = &args.sql {
        outputs.push((path.as_path(), OutputKind::Sql));
    }
    for (i, (a, _)) in outputs.iter().enumerate() {
        if outputs[..i].iter().any(|(b, _)| a == b) {
            return Err(CliError::usage(format!(
                "{}: named for two exports; give each export its own file",
                a.display()
            )));
        }
    }
    Ok(outputs)
}
