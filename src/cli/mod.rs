//! The `sis` command line: a thin shell over the core. Exit codes: 0 success, 1 data error,
//! 2 usage error; messages go to stderr.

mod args;
mod detect;
mod export;
mod export_args;
mod generate;
mod input_checks;
mod insights;
mod insights_text;
mod model_options;
mod outputs;
mod progress_bar;
mod report;
mod run;
mod score;
mod session_args;
mod session_cmds;
mod simulate;
mod text;
mod value_text;

pub use args::{Cli, Command};

use std::io::Write;

/// An error at the command line, with its exit code.
#[derive(Debug)]
pub struct CliError {
    pub code: i32,
    pub message: String,
}

impl CliError {
    /// Bad data or a failed stage (exit 1).
    pub(crate) fn data(message: impl std::fmt::Display) -> Self {
        Self {
            code: 1,
            message: message.to_string(),
        }
    }

    /// A bad argument (exit 2).
    pub(crate) fn usage(message: impl std::fmt::Display) -> Self {
        Self {
            code: 2,
            message: message.to_string(),
        }
    }
}

/// Run a subcommand, writing results to `out` and progress to stderr.
pub fn execute(command: Command, out: &mut dyn Write) -> Result<(), CliError> {
    match command {
        Command::Detect(a) => detect::detect(&a, out),
        Command::Run(a) => run::run(&a, out),
        Command::Generate(a) => generate::generate(&a, out),
        Command::Insights(a) => insights::insights(&a, out),
        Command::Score(a) => score::score(&a, out),
        Command::Inspect(a) => session_cmds::inspect(&a, out),
        Command::Sessions(a) => session_cmds::sessions(&a, out),
        Command::Export(a) => export::export(&a, out),
        Command::Simulate(a) => simulate::simulate(&a, out),
        Command::Report(a) => report::report(&a, out),
    }
}

/// Write to `out`, turning a closed pipe into a quiet success.
pub(crate) fn emit(out: &mut dyn Write, text: &str) -> Result<(), CliError> {
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::data(format!("could not write the output: {e}"))),
    }
}
