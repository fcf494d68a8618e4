//! The shape of a CSV file before any value is read: byte-order mark, delimiter, and a check
//! that every record has as many fields as the header (with the line numbers to say where not;
//! the check itself is the record scan in [`super::records`]).
//!
//! Quoting follows RFC 4180 as the polars reader does: a field that starts with `"` runs to
//! the matching closing quote, `""` inside it is one quote, and it may hold delimiters and line
//! breaks. Lines that are completely empty are not records: [`without_blank_lines`] removes
//! them before polars reads the text (polars would read each as a row of missing values).

use super::records::QUOTE;
pub(crate) use super::records::{ShapeError, scan};
use std::borrow::Cow;

/// Delimiters we look for, in order of preference when the evidence is equal.
pub(crate) const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many records the delimiter sniffer looks at.
const SNIFF_RECORDS: usize = 50;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Remove a UTF-8 byte-order mark; says whether there was one.
pub(crate) fn strip_bom(bytes: &[u8]) -> (&[u8], bool) {
    match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    }
}

/// Pick the delimiter among comma, semicolon, tab and pipe: the one that occurs (outside quotes)
/// in the header and the same number of times on the most of the first records. Comma when
/// none occurs (a one-column file).
pub(crate) fn detect_delimiter(bytes: &[u8]) -> u8 {
    let counts = sample_counts(bytes);
    let Some(header) = counts.first() else {
        return b',';
    };
    let mut best: Option<(usize, usize, u8)> = None; // (consistent records, header count, delimiter)
    for (k, &delim) in CANDIDATES.iter().enumerate() {
        let expected = header[k];
        if expected == 0 {
            continue;
        }
        let consistent = counts.iter().filter(|c| c[k] == expected).count();
        let better = match best {
            None => true,
            Some((bc, bh, _)) => consistent > bc || (consistent == bc && expected > bh),
        };
        if better {
            best = Some((consistent, expected, delim));
        }
    }
    best.map_or(b',', |(_, _, d)| d)
}

/// For each of the first records (blank lines skipped), how often each candidate occurs
/// outside quotes.
fn sample_counts(bytes: &[u8]) -> Vec<[usize; 4]> {
    let mut records = Vec::new();
    let mut current = [0usize; 4];
    let mut in_quotes = false;
    let mut has_content = false;
    for &b in bytes {
        if b == QUOTE {
            in_quotes = !in_quotes;
            has_content = true;
        } else if in_quotes {
            continue;
        } else if b == b'\n' {
            if has_content {
                records.push(current);
                if records.len() >= SNIFF_RECORDS {
                    return records;
                }
            }
            current = [0; 4];
            has_content = false;
        } else {
            if let Some(k) = CANDIDATES.iter().position(|&c| c == b) {
                current[k] += 1;
            }
            if b != b'\r' {
                has_content = true;
            }
        }
    }
    if has_content {
        records.push(current);
    }
    records
}

/// Human name of a delimiter, for messages.
pub(crate) fn delimiter_name(delim: u8) -> &'static str {
    match delim {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "delimiter",
    }
}

/// The text without its blank lines (borrowed when there are none, or only at the end).
pub(crate) fn without_blank_lines<'a>(
    bytes: &'a [u8],
    blank_lines: &[(usize, usize)],
) -> Cow<'a, [u8]> {
    let mut end = bytes.len();
    let mut inner = blank_lines;
    while let Some((&(start, stop), rest)) = inner.split_last() {
        if stop != end {
            break;
        }
        end = start;
        inner = rest;
    }
    if inner.is_empty() {
        return Cow::Borrowed(&bytes[..end]);
    }
    let mut kept = Vec::with_capacity(end);
    let mut from = 0;
    for &(start, stop) in inner {
        kept.extend_from_slice(&bytes[from..start]);
        from = stop;
    }
    kept.extend_from_slice(&bytes[from..end]);
    Cow::Owned(kept)
}

/// Length of the first `records` records of text without blank lines (all of it if shorter).
pub(crate) fn head_len(bytes: &[u8], records: usize) -> usize {
    let mut in_quotes = false;
    let mut seen = 0;
    for (at, &b) in bytes.iter().enumerate() {
        if b == QUOTE {
            in_quotes = !in_quotes;
        } else if b == b'\n' && !in_quotes {
            seen += 1;
            if seen == records {
                return at + 1;
            }
        }
    }
    bytes.len()
}

/// 1-based line number of a byte offset.
pub(crate) fn line_of_offset(bytes: &[u8], offset: usize) -> usize {
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_delimiter() {
        assert_eq!(detect_delimiter(b"a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect_delimiter(b"a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(detect_delimiter(b"a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect_delimiter(b"a|b\n1|2\n"), b'|');
        assert_eq!(detect_delimiter(b"single\n1\n2\n"), b',');
        assert_eq!(detect_delimiter(b""), b',');
    }

    #[test]
    fn delimiters_inside_quotes_do_not_count() {
        let text = b"name;note\n\"Smith, J\";\"a, b, c\"\n\"Doe, A\";x\n";
        assert_eq!(detect_delimiter(text), b';');
    }

    #[test]
    fn consistency_beats_frequency() {
        // Commas appear as decimal marks in the data but not in the header.
        let text = b"a;b;c\n1,5;2,25;3\n4;5;6,1\n";
        assert_eq!(detect_delimiter(text), b';');
    }

    #[test]
    fn blank_lines_are_removed() {
        let text = b"a,b\n\n1,2\r\n\r\n\"x\n\ny\",3\n\n\n";
        let layout = scan(text, b',').unwrap();
        assert_eq!(layout.records, 3);
        let kept = without_blank_lines(text, &layout.blank_lines);
        assert_eq!(&kept[..], b"a,b\n1,2\r\n\"x\n\ny\",3\n");
        let trailing = b"a\n1\n\n";
        let layout = scan(trailing, b',').unwrap();
        assert!(matches!(
            without_blank_lines(trailing, &layout.blank_lines),
            Cow::Borrowed(b"a\n1\n")
        ));
    }

    #[test]
    fn head_of_the_text() {
        let text = b"a,b\n\"1\n2\",3\n4,5\n";
        assert_eq!(head_len(text, 1), 4);
        assert_eq!(head_len(text, 2), 12);
        assert_eq!(head_len(text, 9), text.len());
    }

    #[test]
    fn bom_is_stripped() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBFa,b"), (&b"a,b"[..], true));
        assert_eq!(strip_bom(b"a,b"), (&b"a,b"[..], false));
    }
}
