//! The scoring query: one standard-SQL statement (CTEs, CASE, arithmetic; no vendor
//! functions) that replays a saved segmentation inside a warehouse, from the raw mapped
//! columns to each customer's segment number and persona name, exactly as `sis score` does.
//!
//! The stages mirror Rust's: the training fill values and implausible-age replacement
//! ([`inputs`]), the features ([`features`]), the training outlier caps, the scaler and the
//! nearest centroid with ties to the lowest segment ([`assign`]).

mod assign;
mod features;
mod inputs;

use crate::model::SavedSegmentation;
use std::fmt::Write as _;
use thiserror::Error;

/// The first line of every generated query (how an earlier export is recognised).
pub const SQL_SIGNATURE: &str = "-- sis scoring query";

/// How identifiers that are not plain names are quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quote {
    /// `"Column Name"`: standard SQL (SQLite, DuckDB, PostgreSQL, Snowflake).
    #[default]
    Ansi,
    /// `` `Column Name` ``: BigQuery and Spark SQL.
    Backtick,
}

/// Where the query reads the customers, and how it spells names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlOptions {
    /// The table (or view) with the raw mapped columns, e.g. `crm.customers`. Written as given.
    pub table: String,
    pub quote: Quote,
}

impl Default for SqlOptions {
    fn default() -> Self {
        Self {
            table: "customers".into(),
            quote: Quote::Ansi,
        }
    }
}

/// Why a model cannot be written as SQL.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SqlError {
    #[error(
        "the model has no customer_id column; map one (`sis detect`, then --mapping) and re-run, so that the query's rows can be told apart"
    )]
    NoCustomerId,
    #[error(
        "the model segments on \"{feature}\", which the scoring query cannot compute ({reason}); re-run without it (--exclude {feature})"
    )]
    UnsupportedFeature { feature: String, reason: String },
    #[error(
        "the model segments on \"{feature}\", but its columns are not in the model's mapping; save the model again with `sis run … --model-out`"
    )]
    MissingFeature { feature: String },
    #[error(
        "the model has no fill value for column \"{column}\"; save the model again with `sis run … --model-out`"
    )]
    NoFill { column: String },
    #[error("the model's {what} is not a finite number; save the model again")]
    NotFinite { what: String },
    #[error("the model is damaged: {0}")]
    Invalid(String),
    #[error("the table name is empty; pass --table NAME")]
    NoTable,
}

/// A number as an SQL literal that reads back as the same f64 (negative ones parenthesised).
pub(super) fn number(value: f64, what: &str) -> Result<String, SqlError> {
    if !value.is_finite() {
        return Err(SqlError::NotFinite { what: what.into() });
    }
    let text = format!("{value:?}");
    Ok(if value < 0.0 {
        format!("({text})")
    } else {
        text
    })
}

/// A text literal: single quotes doubled.
pub(super) fn text(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// A source column's name: bare when it is a plain name (so every engine folds its case the
/// same way), quoted otherwise.
pub(super) fn column(name: &str, quote: Quote) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain && !RESERVED.contains(&name.to_ascii_uppercase().as_str()) {
        return name.to_string();
    }
    match quote {
        Quote::Ansi => format!("\"{}\"", name.replace('"', "\"\"")),
        Quote::Backtick => format!("`{}`", name.replace('`', "``")),
    }
}

/// Words that some engine reserves, so a column named so is quoted.
const RESERVED: [&str; 40] = [
    "ALL", "AND", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CROSS", "DATE", "DAY", "DESC",
    "DISTINCT", "ELSE", "END", "EXISTS", "FROM", "FULL", "GROUP", "HAVING", "IN", "INNER",
    "INTERVAL", "IS", "JOIN", "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "ON", "OR", "ORDER", "RIGHT",
    "SELECT", "THEN", "UNION", "USING", "WHEN", "WHERE",
];

/// Text safe inside a `--` comment: line breaks become spaces.
pub(super) fn comment(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// One common table expression.
pub(super) struct Cte {
    pub name: &'static str,
    pub body: String,
}

/// The scoring query of a saved segmentation.
pub fn scoring_sql(model: &SavedSegmentation, options: &SqlOptions) -> Result<String, SqlError> {
    model.check().map_err(SqlError::Invalid)?;
    if options.table.trim().is_empty() {
        return Err(SqlError::NoTable);
    }
    let plan = inputs::Plan::new(model, options)?;
    let mut ctes = plan.ctes()?;
    ctes.extend(features::ctes(&plan)?);
    ctes.extend(assign::ctes(model)?);
    let mut sql = header(model, options, &plan);
    sql.push_str("WITH\n");
    for (i, cte) in ctes.iter().enumerate() {
        let comma = if i + 1 < ctes.len() { "," } else { "" };
        let _ = writeln!(sql, "{} AS (\n{}\n){comma}", cte.name, cte.body);
    }
    sql.push_str(&assign::final_select(model));
    Ok(sql)
}

/// The comment block: what the query does and what it expects.
fn header(model: &SavedSegmentation, options: &SqlOptions, plan: &inputs::Plan) -> String {
    let mut s = format!("{SQL_SIGNATURE} for model {}\n", comment(&model.run_id));
    let _ = writeln!(
        s,
        "-- Trained on {} ({} customers, {} segments, scaler {}), written by sis {}.",
        comment(&model.training_file),
        model.training_customers,
        model.k,
        model.scaler.kind.name(),
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        s,
        "-- Reads {}; one row per customer. Output: customer_id, segment (1..{}), persona.",
        comment(&options.table),
        model.k
    );
    s.push_str("-- Columns: numbers as integer or floating types, missing values as NULL;\n");
    s.push_str("-- join dates as ISO text 'YYYY-MM-DD' (a time after it is ignored).\n");
    for line in plan.describe_columns() {
        let _ = writeln!(s, "--   {}", comment(&line));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_read_back_exactly_and_never_start_a_comment() {
        assert_eq!(number(51_381.5, "x").unwrap(), "51381.5");
        assert_eq!(number(-0.125, "x").unwrap(), "(-0.125)");
        assert_eq!(number(3.0, "x").unwrap(), "3.0");
        let tiny = 1.234_567_890_123_456_7e-9;
        assert_eq!(number(tiny, "x").unwrap().parse::<f64>().unwrap(), tiny);
        assert!(number(f64::NAN, "the scale").is_err());
        assert_eq!(text("O'Brien"), "'O''Brien'");
    }

    #[test]
    fn plain_names_stay_bare_and_others_are_quoted() {
        assert_eq!(column("MntWines", Quote::Ansi), "MntWines");
        assert_eq!(column("Order", Quote::Ansi), "\"Order\"");
        assert_eq!(column("Join Date", Quote::Backtick), "`Join Date`");
        assert_eq!(column("2nd", Quote::Ansi), "\"2nd\"");
    }
}
