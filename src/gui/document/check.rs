//! What the document's mapping allows on its dataset: the insight families it enables or not
//! and why, whether it can run, and notes. Derived from the document, never edited.

use crate::features::{FamilyStatus, family_status};
use crate::format;
use crate::gui::dataset::Dataset;
use crate::roles::{ColumnMapping, Role};
use crate::validate::check_mapping;

/// What the mapping allows, computed when the mapping changes.
#[derive(Debug, Clone)]
pub(crate) struct MappingCheck {
    pub(crate) families: Vec<FamilyStatus>,
    /// Why the mapping cannot run (names the column and row), if it cannot.
    pub(crate) problem: Option<String>,
    /// Things worth knowing that do not stop the run.
    pub(crate) notes: Vec<String>,
}

impl MappingCheck {
    pub(crate) fn of(dataset: &Dataset, mapping: &ColumnMapping) -> MappingCheck {
        let problem = check_mapping(&dataset.table, mapping)
            .err()
            .map(|e| e.to_string());
        let mut notes = Vec::new();
        if mapping.first_with(&Role::CustomerId).is_none() {
            notes.push("No customer id column: customers are numbered by row.".into());
        }
        let used = mapping
            .entries
            .iter()
            .filter(|(_, r)| *r != Role::Ignore)
            .count();
        notes.push(format!(
            "{used} of {} columns are used.",
            mapping.entries.len()
        ));
        for ((name, role), missing) in mapping.entries.iter().zip(&dataset.missing) {
            if *missing > 0 && *role != Role::Ignore {
                notes.push(format!(
                    "\"{name}\" has {} missing values; they are filled in (median or \"Unknown\").",
                    format::count(*missing)
                ));
            }
        }
        MappingCheck {
            families: family_status(mapping),
            problem,
            notes,
        }
    }
}
