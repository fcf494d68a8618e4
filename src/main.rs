//! The `sis` binary: the command line, or the workbench window when run without a subcommand.

#![forbid(unsafe_code)]

use clap::Parser;
use sis::cli::{Cli, execute};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match execute(command, &mut out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("sis: {}", e.message);
                    ExitCode::from(e.code as u8)
                }
            }
        }
        None => open_workbench(cli.path),
    }
}

#[cfg(feature = "gui")]
fn open_workbench(path: Option<std::path::PathBuf>) -> ExitCode {
    match sis::gui::run(path.clone()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            for line in sis::gui::start_failure(&e.to_string(), path.as_deref()) {
                eprintln!("sis: {line}");
            }
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_workbench(_path: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "sis: this build has no workbench (built without the `gui` feature); use a subcommand, see `sis --help`"
    );
    ExitCode::from(2)
}
