//! The query's inputs: the mapped columns as `sis score` cleans them. Missing values take the
//! training fills, ISO join dates become day numbers (days since 1970-01-01, integer
//! arithmetic only), the reference day and year are the latest join date of the scored table,
//! and implausible ages take the training replacement.

use super::{Cte, Quote, SqlError, SqlOptions, column, number};
use crate::model::SavedSegmentation;
use crate::roles::Role;
use crate::table::civil_from_days;
use std::fmt::Write as _;

/// How a column's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Number,
    Date,
    Category,
}

/// One mapped column the query reads; `alias` names its clean values from `prepared` on.
#[derive(Debug, Clone)]
pub(super) struct Input {
    pub name: String,
    pub role: Role,
    pub kind: Kind,
    pub alias: String,
}

/// The year ages are computed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReferenceYear {
    /// Fixed in the run's settings.
    Fixed(i32),
    /// The year of the latest join date in the scored table.
    FromData,
    /// No join date: ages cannot be computed from birth years.
    Unknown,
}

/// The columns the query reads, in the mapping's order (as scoring reads them).
pub(super) struct Plan<'a> {
    pub model: &'a SavedSegmentation,
    pub quote: Quote,
    table: String,
    id: String,
    pub inputs: Vec<Input>,
    reference_year: ReferenceYear,
}

/// Days before each month, counted from March (the year starts in March so that the leap
/// day comes last).
const MONTH_OFFSETS: [(u32, i32); 12] = [
    (1, 306),
    (2, 337),
    (3, 0),
    (4, 31),
    (5, 61),
    (6, 92),
    (7, 122),
    (8, 153),
    (9, 184),
    (10, 214),
    (11, 245),
    (12, 275),
];
/// Day number of 0000-03-01 counted from 1970-01-01, negated.
const EPOCH_SHIFT: i32 = 719_468;

impl<'a> Plan<'a> {
    pub(super) fn new(
        model: &'a SavedSegmentation,
        options: &SqlOptions,
    ) -> Result<Plan<'a>, SqlError> {
        let prep = &model.preparation;
        let id = model
            .mapping
            .first_with(&Role::CustomerId)
            .ok_or(SqlError::NoCustomerId)?;
        let inputs: Vec<Input> = model
            .mapping
            .entries
            .iter()
            .filter(|(name, role)| {
                !matches!(role, Role::Ignore | Role::CustomerId)
                    && !prep.dropped_columns.contains(name)
            })
            .enumerate()
            .map(|(i, (name, role))| Input {
                name: name.clone(),
                role: role.clone(),
                kind: match role {
                    Role::JoinDate => Kind::Date,
                    Role::Categorical => Kind::Category,
                    _ => Kind::Number,
                },
                alias: format!("v{}", i + 1),
            })
            .collect();
        let has_join = inputs.iter().any(|c| c.kind == Kind::Date);
        let reference_year = match model.config.reference_year {
            Some(year) => ReferenceYear::Fixed(year),
            None if has_join => ReferenceYear::FromData,
            None => ReferenceYear::Unknown,
        };
        Ok(Plan {
            model,
            quote: options.quote,
            table: options.table.trim().to_string(),
            id: column(id, options.quote),
            inputs,
            reference_year,
        })
    }

    /// The numeric columns with exactly this role.
    pub(super) fn numbers_with(&self, role: &Role) -> Vec<&Input> {
        self.inputs
            .iter()
            .filter(|c| c.kind == Kind::Number && &c.role == role)
            .collect()
    }

    /// The first numeric column with this role.
    pub(super) fn number(&self, role: &Role) -> Option<&Input> {
        self.numbers_with(role).into_iter().next()
    }

    /// The first join-date column (the one tenure is counted from).
    pub(super) fn join_date(&self) -> Option<&Input> {
        self.inputs.iter().find(|c| c.kind == Kind::Date)
    }

    /// The reference year as an expression over `prepared`, when there is one.
    pub(super) fn reference_year(&self) -> Option<String> {
        match self.reference_year {
            ReferenceYear::Fixed(year) => Some(year.to_string()),
            ReferenceYear::FromData => Some("ref_year".into()),
            ReferenceYear::Unknown => None,
        }
    }

    /// One line per input column for the header comment.
    pub(super) fn describe_columns(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} (customer_id): the customer key, any type",
            self.id
        )];
        for c in &self.inputs {
            let what = match c.kind {
                Kind::Number => "number",
                Kind::Date => "ISO date text",
                Kind::Category => "text",
            };
            lines.push(format!(
                "{} ({}): {what}",
                column(&c.name, self.quote),
                c.role.key()
            ));
        }
        lines
    }

    /// The input CTEs: `source`, the date steps, `cleaned`, `reference` and `prepared`.
    pub(super) fn ctes(&self) -> Result<Vec<Cte>, SqlError> {
        let mut ctes = vec![self.source()];
        let mut last = "source";
        if self.join_date().is_some() {
            ctes.extend(self.date_steps());
            last = "dates_floored";
        }
        ctes.push(self.cleaned(last)?);
        ctes.push(self.reference());
        ctes.push(self.prepared()?);
        Ok(ctes)
    }

    fn source(&self) -> Cte {
        let mut lines = vec![format!("  SELECT {} AS customer_id", self.id)];
        for c in &self.inputs {
            let col = column(&c.name, self.quote);
            let a = &c.alias;
            match c.kind {
                // × 1.0: integer columns divide as decimals, never as integers.
                Kind::Number => lines.push(format!("    , {col} * 1.0 AS {a}")),
                Kind::Category => lines.push(format!("    , {col} AS {a}")),
                Kind::Date => {
                    for (part, start, len) in [("y", 1, 4), ("m", 6, 2), ("d", 9, 2)] {
                        lines.push(format!(
                            "    , CAST(SUBSTR({col}, {start}, {len}) AS INTEGER) AS {a}_{part}"
                        ));
                    }
                }
            }
        }
        lines.push(format!("  FROM {}", self.table));
        Cte {
            name: "source",
            body: lines.join("\n"),
        }
    }

    /// Floor division of the March-based year by 4, 100 and 400 with integer arithmetic only:
    /// a first quotient (exact, truncated or rounded, whatever the engine's `/` does), then
    /// corrected by one either way.
    fn date_steps(&self) -> Vec<Cte> {
        let dates: Vec<&Input> = self
            .inputs
            .iter()
            .filter(|c| c.kind == Kind::Date)
            .collect();
        let mut shifted = String::from("  SELECT s.*");
        let mut divided = String::from("  SELECT s.*");
        let mut floored = String::from("  SELECT s.*");
        for c in dates {
            let a = &c.alias;
            let _ = write!(
                shifted,
                "\n    , CASE WHEN {a}_m <= 2 THEN {a}_y - 1 ELSE {a}_y END AS {a}_yy"
            );
            for q in [4, 100, 400] {
                let _ = write!(divided, "\n    , CAST({a}_yy / {q} AS INTEGER) AS {a}_q{q}");
                let _ = write!(
                    floored,
                    "\n    , {a}_q{q} - CASE WHEN {a}_q{q} * {q} > {a}_yy THEN 1 ELSE 0 END + CASE WHEN ({a}_q{q} + 1) * {q} <= {a}_yy THEN 1 ELSE 0 END AS {a}_f{q}"
                );
            }
        }
        vec![
            Cte {
                name: "dates_shifted",
                body: format!("{shifted}\n  FROM source s"),
            },
            Cte {
                name: "dates_divided",
                body: format!("{divided}\n  FROM dates_shifted s"),
            },
            Cte {
                name: "dates_floored",
                body: format!("{floored}\n  FROM dates_divided s"),
            },
        ]
    }

    /// Missing values take the training fills; dates become day numbers.
    fn cleaned(&self, from: &str) -> Result<Cte, SqlError> {
        let prep = &self.model.preparation;
        let mut lines = vec!["  SELECT customer_id".to_string()];
        for c in &self.inputs {
            let a = &c.alias;
            match c.kind {
                Kind::Category => lines.push(format!("    , {a}")),
                Kind::Number => {
                    let fill = lookup(&prep.number_fills, &c.name).ok_or_else(|| no_fill(c))?;
                    let fill = number(fill, &format!("fill value of \"{}\"", c.name))?;
                    lines.push(format!("    , COALESCE({a}, {fill}) AS {a}"));
                }
                Kind::Date => {
                    let fill = lookup(&prep.date_fills, &c.name).ok_or_else(|| no_fill(c))?;
                    let missing = format!("{a}_y IS NULL OR {a}_m IS NULL OR {a}_d IS NULL");
                    let months: String = MONTH_OFFSETS
                        .iter()
                        .map(|(m, days)| format!(" WHEN {m} THEN {days}"))
                        .collect();
                    lines.push(format!(
                        "    , CASE WHEN {missing} THEN {fill} ELSE 365 * {a}_yy + {a}_f4 - {a}_f100 + {a}_f400 + CASE {a}_m{months} END + {a}_d - 1 - {EPOCH_SHIFT} END AS {a}"
                    ));
                    let year = civil_from_days(fill).0;
                    lines.push(format!(
                        "    , CASE WHEN {missing} THEN {year} ELSE {a}_y END AS {a}_year"
                    ));
                }
            }
        }
        lines.push(format!("  FROM {from}"));
        Ok(Cte {
            name: "cleaned",
            body: lines.join("\n"),
        })
    }

    /// One row: the latest join day and its year, and the largest recency (for CLV).
    fn reference(&self) -> Cte {
        let mut parts = Vec::new();
        match self.join_date() {
            Some(c) => {
                parts.push(format!("MAX({}) AS ref_day", c.alias));
                parts.push(format!("MAX({}_year) AS ref_year", c.alias));
            }
            None => parts.push("0 AS ref_day".into()),
        }
        match self.number(&Role::Recency) {
            Some(c) => parts.push(format!("MAX({}) AS max_recency", c.alias)),
            None => parts.push("0 AS max_recency".into()),
        }
        Cte {
            name: "reference",
            body: format!("  SELECT {}\n  FROM cleaned", parts.join(", ")),
        }
    }

    /// Every row with the reference values; implausible ages (under 18, over 100) replaced.
    fn prepared(&self) -> Result<Cte, SqlError> {
        let prep = &self.model.preparation;
        let mut lines = vec!["  SELECT c.customer_id".to_string()];
        for c in &self.inputs {
            let a = &c.alias;
            let value = format!("c.{a}");
            let age = match (&c.role, self.reference_year()) {
                (Role::Age, _) => Some(value.clone()),
                (Role::BirthYear, Some(year)) => Some(format!("({year} - {value})")),
                _ => None,
            };
            let fill = lookup(&prep.age_fills, &c.name);
            match (age, fill) {
                (Some(age), Some(fill)) if c.kind == Kind::Number => {
                    let fill = number(fill, &format!("age replacement of \"{}\"", c.name))?;
                    lines.push(format!(
                        "    , CASE WHEN {age} < 18 OR {age} > 100 THEN {fill} ELSE {value} END AS {a}"
                    ));
                }
                _ => lines.push(format!("    , {value} AS {a}")),
            }
        }
        lines.push("    , r.ref_day, r.max_recency".into());
        if self.reference_year == ReferenceYear::FromData {
            lines.push("    , r.ref_year".into());
        }
        lines.push("  FROM cleaned c CROSS JOIN reference r".into());
        Ok(Cte {
            name: "prepared",
            body: lines.join("\n"),
        })
    }
}

fn lookup<T: Copy>(pairs: &[(String, T)], name: &str) -> Option<T> {
    pairs.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

fn no_fill(c: &Input) -> SqlError {
    SqlError::NoFill {
        column: c.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::days_from_civil;

    /// The date steps' arithmetic, with each engine's way of dividing.
    fn day_number(y: i32, m: u32, d: u32, divide: fn(i32, i32) -> i32) -> i32 {
        let yy = if m <= 2 { y - 1 } else { y };
        let floor = |q: i32| {
            let first = divide(yy, q);
            first - i32::from(first * q > yy) + i32::from((first + 1) * q <= yy)
        };
        let offset = MONTH_OFFSETS.iter().find(|(mm, _)| *mm == m).unwrap().1;
        365 * yy + floor(4) - floor(100) + floor(400) + offset + d as i32 - 1 - EPOCH_SHIFT
    }

    #[test]
    fn day_numbers_match_rust_whatever_the_division_does() {
        let truncate: fn(i32, i32) -> i32 = |a, b| a / b;
        let round: fn(i32, i32) -> i32 = |a, b| (a as f64 / b as f64).round() as i32;
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (2012, 9, 4),
            (2014, 6, 29),
            (1900, 3, 1),
            (2100, 12, 31),
            (1999, 12, 31),
        ] {
            let want = days_from_civil(y, m, d).unwrap();
            assert_eq!(day_number(y, m, d, truncate), want, "{y}-{m}-{d}");
            assert_eq!(day_number(y, m, d, round), want, "{y}-{m}-{d} rounded");
        }
    }
}
