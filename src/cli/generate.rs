//! `sis generate`: synthetic customers in the demo schema, written atomically.

use super::args::GenerateArgs;
use super::{CliError, emit};
use crate::generate::{GeneratorConfig, write_customers_to_path};
use std::io::Write;

pub(crate) fn generate(args: &GenerateArgs, out: &mut dyn Write) -> Result<(), CliError> {
    if args.customers == 0 {
        return Err(CliError::usage(
            "--customers must be at least 1; give the number of customer rows to write",
        ));
    }
    let config = GeneratorConfig {
        customers: args.customers,
        seed: args.seed,
    };
    let summary = write_customers_to_path(&config, &args.out).map_err(CliError::data)?;
    let text = if args.json {
        serde_json::json!({
            "file": args.out.display().to_string(),
            "customers": summary.customers,
            "duplicates": summary.duplicates,
            "missing_income": summary.missing_income,
            "income_outliers": summary.income_outliers,
            "implausible_birth_years": summary.implausible_birth_years,
            "bytes": summary.bytes,
            "seed": args.seed,
        })
        .to_string()
            + "\n"
    } else {
        format!(
            "wrote {} customers to {} ({} bytes, seed {}): {} duplicates, {} missing incomes, \
             {} extreme incomes, {} implausible birth years\n",
            summary.customers,
            args.out.display(),
            summary.bytes,
            args.seed,
            summary.duplicates,
            summary.missing_income,
            summary.income_outliers,
            summary.implausible_birth_years
        )
    };
    emit(out, &text)
}
