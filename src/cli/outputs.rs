//! The output files of `sis run`, `sis insights`, `sis score`, `sis report` and `sis generate`,
//! checked before any work starts: never a file the command reads (compared as canonical
//! paths), and an existing file only when it is an earlier output of the same kind, or with
//! `--force`.

use super::CliError;
use super::args::{RunArgs, ScoreArgs};
use crate::export::{ExportError, OutputKind, check_output_of, same_file};
use std::io::Read;
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

/// `sis generate --out`: an existing file is replaced only when its first line is `header`,
/// the header this command writes for the file's kind (`kind`, in words), or with `--force`.
pub(crate) fn check_generated(
    out: &Path,
    header: &str,
    kind: &'static str,
    force: bool,
) -> Result<(), CliError> {
    if force || matches!(out.try_exists(), Ok(false)) {
        return Ok(());
    }
    let mut first = Vec::with_capacity(header.len() + 2);
    let earlier = out.is_file()
        && std::fs::File::open(out)
            .and_then(|f| f.take(header.len() as u64 + 2).read_to_end(&mut first))
            .is_ok()
        && first
            .strip_prefix(header.as_bytes())
            .is_some_and(|rest| matches!(rest.first(), Some(b'\n' | b'\r')));
    if earlier {
        return Ok(());
    }
    Err(CliError::usage(ExportError::WouldReplaceOther {
        path: out.to_path_buf(),
        kind,
    }))
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
