//! How a missing value is spelled in text: the one list of "no value" words that every reader
//! (CSV, Excel, Parquet text columns), the polars fast path and validation agree on.
//!
//! A cell is missing when, after trimming, it is empty or one of [`MISSING_WORDS`] in any
//! letter case. `None` counts as missing: Python writes it for an absent value (pandas reads it
//! as missing too), and a number column holding `None` was always accepted as missing by
//! validation. The price is that a text column cannot use `None` as a category of its own; name
//! such a category e.g. `No plan` instead.

/// The words that mean "no value", in their usual spelling; compared ignoring ASCII case.
pub(crate) const MISSING_WORDS: [&str; 7] = ["NA", "N/A", "NaN", "null", "None", "-", "?"];

/// Whether a cell's text means "no value": empty after trimming, or one of [`MISSING_WORDS`]
/// in any letter case (`NA`, `n/a`, `NULL`, `none`, `-`…).
pub(crate) fn is_missing(text: &str) -> bool {
    let s = text.trim();
    // Dispatch on length first: this runs once per text cell on the reading path.
    match s.len() {
        0 => true,
        1..=4 => MISSING_WORDS
            .iter()
            .any(|w| w.len() == s.len() && w.eq_ignore_ascii_case(s)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_are_missing_in_any_case() {
        for word in MISSING_WORDS {
            assert!(is_missing(word), "{word}");
            assert!(is_missing(&word.to_lowercase()), "{word}");
            assert!(is_missing(&word.to_uppercase()), "{word}");
            assert!(is_missing(&format!("  {word} ")), "{word}");
        }
        for text in ["", "   ", "na", "Null", "NAN", "none", "NONE"] {
            assert!(is_missing(text), "{text:?}");
        }
    }

    #[test]
    fn values_are_not_missing() {
        for text in [
            "0",
            "n.a.",
            "nil",
            "x",
            "--",
            "Nonexistent",
            "NA NA",
            "unknown",
        ] {
            assert!(!is_missing(text), "{text:?}");
        }
    }
}
