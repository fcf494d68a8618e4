//! The output files of `sis run`, `sis insights`, `sis score`, `sis report` and `sis generate`,
//! checked before any work starts: never a file the command reads (compared as canonical
//! paths), and an existing file only when it is an earlier output of the same kind, or with
//! `--force`.

use super::CliError;
use super::args::{RunArgs, ScoreArgs};
use crate::export::{OutputKind, check_output_of, same_file};
use std::path::Path;

/// `--out` (a session) and `--model-out` (a model) of `sis run` and `sis insights`.
pub(crate) fn check_run(args: &RunArgs) -> Result<(), CliError> {
    let mut inputs = vec![(args.data.as_path(), "the data being segmented")];
    if let Some(mapping) = &args.mapping {
        inputs.push((mapping.as_path(), "the mapping file (--mapping)"));
    }
    if let Some(previous) = &args.previous {
        inputs.push((previous.as_path(), "the previous model (--previous)"));
    }
    let outputs = [
        (args.out.as_deref(), OutputKind::Session),
        (args.model_out.as_deref(), OutputKind::Model),
    ];
    let outputs: Vec<(&Path, OutputKind)> = outputs
        .into_iter()
        .filter_map(|(path, kind)| path.map(|p| (p, kind)))
        .collect();
    check_all(&outputs, &inputs, args.force)
}

/// `sis score --out`.
pub(crate) fn check_score(args: &ScoreArgs) -> Result<(), CliError> {
    let inputs = [
        (args.model.as_path(), "the model scoring the customers"),
        (args.data.as_path(), "the customers being scored"),
    ];
    check_all(
        &[(args.out.as_path(), OutputKind::Scores)],
        &inputs,
        args.force,
    )
}

/// One output file against the one input file it is made from (`sis report`).
pub(crate) fn check_one(
    out: &Path,
    kind: OutputKind,
    input: (&Path, &'static str),
    force: bool,
) -> Result<(), CliError> {
    check_all(&[(out, kind)], &[input], force)
}

/// `sis generate --out`: an existing file (or folder) is never replaced without `--force`.
/// Generated customers share the demo's columns, so a header cannot tell an earlier output
/// from a real customer file in that schema.
pub(crate) fn check_generated(out: &Path, kind: &'static str, force: bool) -> Result<(), CliError> {
    if force || matches!(out.try_exists(), Ok(false)) {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "{}: already exists; `sis generate` writes a new {kind} only where no file is (a real \
         customer file can have the same columns), so choose another name, or pass --force to \
         replace it",
        out.display()
    )))
}

fn check_all(
    outputs: &[(&Path, OutputKind)],
    inputs: &[(&Path, &'static str)],
    force: bool,
) -> Result<(), CliError> {
    for (i, &(out, kind)) in outputs.iter().enumerate() {
        if outputs[..i]
            .iter()
            .any(|&(other, _)| out == other || same_file(out, other))
        {
            return Err(CliError::usage(format!(
                "{}: named for two outputs; give each output its own file",
                out.display()
            )));
        }
        check_output_of(out, inputs, kind, force).map_err(CliError::usage)?;
    }
    Ok(())
}
