//! The column mapping: one role per column, in table order, written to and read from TOML.

use super::{Channel, Role};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Problems with a mapping file or a mapping that does not fit the data.
#[derive(Debug, Error)]
pub enum MappingError {
    #[error(
        "{file}: not valid TOML: {message}. Fix the syntax, or regenerate it with `sis detect DATA > {file}`."
    )]
    Syntax { file: String, message: String },
    #[error(
        "{file}: expected a [columns] table of `\"column\" = \"role\"` lines. Regenerate it with `sis detect DATA`."
    )]
    Shape { file: String },
    #[error("{file}: column \"{column}\" has the unknown role \"{role}\". Use one of: {known}.")]
    UnknownRole {
        file: String,
        column: String,
        role: String,
        known: String,
    },
    #[error(
        "{file}: column \"{column}\" is not in the data (columns are: {available}). Fix the name or remove the line."
    )]
    UnknownColumn {
        file: String,
        column: String,
        available: String,
    },
}

/// Which role each column plays.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// `(column name, role)`, in the table's column order.
    pub entries: Vec<(String, Role)>,
}

impl ColumnMapping {
    pub fn new(entries: Vec<(String, Role)>) -> Self {
        Self { entries }
    }

    /// The role of a column (Ignore for an unknown name).
    pub fn role_of(&self, column: &str) -> Role {
        self.entries
            .iter()
            .find(|(c, _)| c == column)
            .map_or(Role::Ignore, |(_, r)| r.clone())
    }

    /// Set a column's role (no-op for an unknown column).
    pub fn set_role(&mut self, column: &str, role: Role) {
        if let Some(entry) = self.entries.iter_mut().find(|(c, _)| c == column) {
            entry.1 = role;
        }
    }

    /// Columns with exactly this role, in order.
    pub fn columns_with(&self, role: &Role) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|(_, r)| r == role)
            .map(|(c, _)| c.as_str())
            .collect()
    }

    /// The first column with this role.
    pub fn first_with(&self, role: &Role) -> Option<&str> {
        self.entries
            .iter()
            .find(|(_, r)| r == role)
            .map(|(c, _)| c.as_str())
    }

    /// Spend columns with their category names.
    pub fn spend_columns(&self) -> Vec<(&str, &str)> {
        self.entries
            .iter()
            .filter_map(|(c, r)| match r {
                Role::Spend(cat) => Some((c.as_str(), cat.as_str())),
                _ => None,
            })
            .collect()
    }

    /// Purchase columns with their channel.
    pub fn purchase_columns(&self) -> Vec<(&str, Channel)> {
        self.entries
            .iter()
            .filter_map(|(c, r)| match r {
                Role::Purchases(ch) => Some((c.as_str(), *ch)),
                _ => None,
            })
            .collect()
    }

    /// The mapping as editable TOML, with a header that lists every role.
    pub fn to_toml(&self, file_name: &str) -> String {
        let roles: Vec<String> = Role::catalogue().iter().map(Role::key).collect();
        let mut out = String::new();
        out.push_str(&format!(
            "# Column roles for \"{file_name}\", detected by sis.\n"
        ));
        out.push_str("# Edit any role, then pass this file with `sis run DATA --mapping FILE`.\n");
        out.push_str(&format!("# Roles: {}\n", roles.join(", ")));
        out.push_str("# Spend takes a category name (spend:Wines); purchases a channel (web, store, catalog, other).\n\n");
        out.push_str("[columns]\n");
        for (column, role) in &self.entries {
            out.push_str(&format!(
                "{} = {}\n",
                toml_quote(column),
                toml_quote(&role.key())
            ));
        }
        out
    }

    /// Apply a TOML mapping file on top of this mapping: listed columns take the file's role,
    /// the others keep theirs. `available` are the table's columns.
    pub fn apply_toml(&mut self, text: &str, file: &str) -> Result<(), MappingError> {
        let value: toml::Table =
            text.parse()
                .map_err(|e: toml::de::Error| MappingError::Syntax {
                    file: file.into(),
                    message: e.message().to_string(),
                })?;
        let columns = value
            .get("columns")
            .and_then(|v| v.as_table())
            .ok_or_else(|| MappingError::Shape { file: file.into() })?;
        for (column, role_value) in columns {
            let role_text = role_value
                .as_str()
                .ok_or_else(|| MappingError::Shape { file: file.into() })?;
            let role = Role::parse(role_text).ok_or_else(|| MappingError::UnknownRole {
                file: file.into(),
                column: column.clone(),
                role: role_text.into(),
                known: Role::catalogue()
                    .iter()
                    .map(Role::key)
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
            if !self.entries.iter().any(|(c, _)| c == column) {
                return Err(MappingError::UnknownColumn {
                    file: file.into(),
                    column: column.clone(),
                    available: self
                        .entries
                        .iter()
                        .map(|(c, _)| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
            self.set_role(column, role);
        }
        Ok(())
    }
}

fn toml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_round_trip_and_override() {
        let mapping = ColumnMapping::new(vec![
            ("ID".into(), Role::CustomerId),
            ("Mnt \"Wines\"".into(), Role::Spend("Wines".into())),
            ("Score".into(), Role::Measure),
        ]);
        let text = mapping.to_toml("x.csv");
        let mut back = ColumnMapping::new(
            mapping
                .entries
                .iter()
                .map(|(c, _)| (c.clone(), Role::Ignore))
                .collect(),
        );
        back.apply_toml(&text, "m.toml").unwrap();
        assert_eq!(back, mapping);

        let mut edited = mapping.clone();
        edited
            .apply_toml("[columns]\nScore = \"ignore\"\n", "m.toml")
            .unwrap();
        assert_eq!(edited.role_of("Score"), Role::Ignore);
        assert_eq!(edited.role_of("ID"), Role::CustomerId);

        let err = edited
            .apply_toml("[columns]\nNope = \"income\"\n", "m.toml")
            .unwrap_err();
        assert!(
            err.to_string().contains("\"Nope\" is not in the data"),
            "{err}"
        );
        let err = edited
            .apply_toml("[columns]\nScore = \"salary\"\n", "m.toml")
            .unwrap_err();
        assert!(err.to_string().contains("unknown role \"salary\""), "{err}");
    }
}
