//! `sis generate`: synthetic customers in the demo schema.

use super::args::GenerateArgs;
use super::{CliError, emit};
use std::io::Write;

pub fn generate(args: &GenerateArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let _ = (args, out, emit);
    Err(CliError::data("generate is not available yet"))
}
