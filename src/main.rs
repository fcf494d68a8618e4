//! The `sis` binary: the command line, or the workbench window when run without a subcommand.

fn main() {}
