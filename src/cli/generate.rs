//! `sis generate`: synthetic customers in the demo schema, or synthetic order lines
//! (`--transactions N`), written atomically; an existing file is replaced only with `--force`.

use super::args::GenerateArgs;
use super::outputs::check_generated;
use super::{CliError, emit};
use crate::config::limits::{self, Limit};
use crate::generate::{
    GeneratorConfig, TransactionConfig, TransactionSize, write_customers_to_path,
    write_transactions_to_path,
};
use std::io::Write;

/// A usage error when `value` is outside its documented range.
pub(crate) fn in_range(limit: &Limit<usize>, value: usize) -> Result<(), CliError> {
    if limit.contains(value) {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "{} must be between {} and {} (got {value}); see the option table in the README",
        limit.setting, limit.min, limit.max
    )))
}

pub(crate) fn generate(args: &GenerateArgs, out: &mut dyn Write) -> Result<(), CliError> {
    if let Some(lines) = args.transactions {
        return generate_transactions(args, lines, out);
    }
    let customers = args.customers.unwrap_or(0);
    if customers == 0 {
        return Err(CliError::usage(
            "--customers must be at least 1; give the number of customer rows to write",
        ));
    }
    in_range(&limits::GENERATED_CUSTOMERS, customers)?;
    check_generated(&args.out, "generated customers file", args.force)?;
    let config = GeneratorConfig {
        customers,
        seed: args.seed,
    };
    let summary = write_customers_to_path(&config, &args.out).map_err(CliError::data)?;
    let fields = serde_json::json!({
        "customers": summary.customers,
        "duplicates": summary.duplicates,
        "missing_income": summary.missing_income,
        "income_outliers": summary.income_outliers,
        "implausible_birth_years": summary.implausible_birth_years,
        "bytes": summary.bytes,
    });
    let text = format!(
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
    );
    say_written(args, fields, text, out)
}

fn generate_transactions(
    args: &GenerateArgs,
    lines: usize,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if lines == 0 {
        return Err(CliError::usage(
            "--transactions must be at least 1; give the number of order lines to write",
        ));
    }
    in_range(&limits::GENERATED_LINES, lines)?;
    check_generated(&args.out, "generated order-lines file", args.force)?;
    let config = TransactionConfig {
        size: TransactionSize::Lines(lines),
        seed: args.seed,
    };
    let s = write_transactions_to_path(&config, &args.out).map_err(CliError::data)?;
    let process = crate::generate::transactions::PURCHASE_PROCESS;
    let fields = serde_json::json!({
        "lines": s.lines,
        "customers": s.customers,
        "invoices": s.invoices,
        "cancelled_invoices": s.cancelled_invoices,
        "return_lines": s.return_lines,
        "duplicate_lines": s.duplicate_lines,
        "lines_without_customer": s.lines_without_customer,
        "bytes": s.bytes,
        "bgnbd": { "r": process.r, "alpha": process.alpha, "a": process.a, "b": process.b },
    });
    let text = format!(
        "wrote {} order lines of {} customers to {} ({} bytes, seed {}): {} invoices, {} \
         cancelled, {} return lines, {} duplicate lines, {} lines without a customer id; \
         repeat purchases follow BG/NBD r = {}, alpha = {} weeks, a = {}, b = {}\n",
        s.lines,
        s.customers,
        args.out.display(),
        s.bytes,
        args.seed,
        s.invoices,
        s.cancelled_invoices,
        s.return_lines,
        s.duplicate_lines,
        s.lines_without_customer,
        process.r,
        process.alpha,
        process.a,
        process.b
    );
    say_written(args, fields, text, out)
}

/// Say what was written: with `--json`, `fields` with the file and the seed; else `text`.
fn say_written(
    args: &GenerateArgs,
    mut fields: serde_json::Value,
    text: String,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if !args.json {
        return emit(out, &text);
    }
    if let Some(map) = fields.as_object_mut() {
        map.insert("file".into(), args.out.display().to_string().into());
        map.insert("seed".into(), args.seed.into());
    }
    emit(out, &format!("{fields}\n"))
}
