//! Column names from a header row: trimmed, `column_N` for a blank one, and an error when two
//! columns share a name.

use super::IngestError;
use std::collections::HashMap;

/// Clean the header cells of `file` into unique column names.
pub(crate) fn column_names(
    file: &str,
    raw: Vec<Option<String>>,
) -> Result<Vec<String>, IngestError> {
    let trimmed: Vec<Option<String>> = raw
        .into_iter()
        .map(|h| h.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, name) in trimmed.iter().enumerate() {
        if let Some(name) = name {
            if let Some(&first) = seen.get(name.as_str()) {
                return Err(IngestError::DuplicateHeader {
                    file: file.to_string(),
                    name: name.clone(),
                    first: first + 1,
                    second: i + 1,
                });
            }
            seen.insert(name, i);
        }
    }
    let taken: std::collections::HashSet<String> = trimmed.iter().flatten().cloned().collect();
    let mut generated = std::collections::HashSet::new();
    let names = trimmed
        .iter()
        .enumerate()
        .map(|(i, name)| match name {
            Some(name) => name.clone(),
            None => {
                let mut candidate = format!("column_{}", i + 1);
                let mut k = 2;
                while taken.contains(&candidate) || generated.contains(&candidate) {
                    candidate = format!("column_{}_{k}", i + 1);
                    k += 1;
                }
                generated.insert(candidate.clone());
                candidate
            }
        })
        .collect();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &[Option<&str>]) -> Result<Vec<String>, IngestError> {
        column_names("t.csv", raw.iter().map(|s| s.map(str::to_string)).collect())
    }

    #[test]
    fn trims_and_fills_blanks() {
        assert_eq!(
            names(&[Some(" ID "), None, Some("  "), Some("Income")]).unwrap(),
            ["ID", "column_2", "column_3", "Income"]
        );
    }

    #[test]
    fn generated_names_do_not_collide() {
        assert_eq!(
            names(&[None, Some("column_1")]).unwrap(),
            ["column_1_2", "column_1"]
        );
    }

    #[test]
    fn duplicates_name_both_positions() {
        let err = names(&[Some("ID"), Some("Income"), Some("Income ")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv: columns 2 and 3 are both named \"Income\"; rename one of them so that every column has its own name."
        );
    }
}
