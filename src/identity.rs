//! How an identifier column is recognised by its header: the one rule that the readers (which
//! keep such a column's values as written) and role detection (which maps it as the customer
//! id) agree on.

/// Whether a column name reads as an identifier: `ID`, `customer_id`, `client key`,
/// `Account Number`, `Member No` (case, spaces and punctuation ignored).
pub(crate) fn names_an_identifier(name: &str) -> bool {
    let n: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    n == "id"
        || n.ends_with("id")
        || n.ends_with("key")
        || n.ends_with("code")
        || n.ends_with("number")
        || n.ends_with("no")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_names() {
        for name in [
            "ID",
            "customer_id",
            "Client Key",
            "Account Number",
            "member no",
        ] {
            assert!(names_an_identifier(name), "{name}");
        }
        for name in ["Income", "MntWines", "Year_Birth"] {
            assert!(!names_an_identifier(name), "{name}");
        }
    }
}
