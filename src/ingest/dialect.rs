//! The shape of a CSV file before any value is read: byte-order mark, delimiter, and a check
//! that every record has as many fields as the header (with the line numbers to say where not).
//!
//! Quoting follows RFC 4180 as the polars reader does: a field that starts with `"` runs to
//! the matching closing quote, `""` inside it is one quote, and it may hold delimiters and line
//! breaks. Lines that are completely empty are not records: [`without_blank_lines`] removes
//! them before polars reads the text (polars would read each as a row of missing values).

use std::borrow::Cow;

/// Delimiters we look for, in order of preference when the evidence is equal.
pub(crate) const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many records the delimiter sniffer looks at.
const SNIFF_RECORDS: usize = 50;

const QUOTE: u8 = b'"';
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

/// The shape of a well-formed CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Fields per record (the header's count).
    pub fields: usize,
    /// Records including the header, blank lines not counted.
    pub records: usize,
    /// Byte ranges of blank lines (outside quotes), line break included.
    pub blank_lines: Vec<(usize, usize)>,
}

/// Why the file's structure is broken. Lines and columns are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ShapeError {
    /// The record starting on `line` has `found` fields instead of `expected`.
    Ragged {
        line: usize,
        expected: usize,
        found: usize,
    },
    /// A quoted field starting on `line` is never closed.
    UnclosedQuote { line: usize },
    /// A quote where CSV does not allow one.
    StrayQuote {
        line: usize,
        column: usize,
        problem: &'static str,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Outside quotes (at a field start or inside an unquoted field).
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: a closing quote or the first half of `""`.
    AfterQuote,
    /// A `\r` right after a closing quote: only a line break may follow.
    AfterClose,
}

/// Check that every record has as many fields as the header and that quotes are balanced.
pub(crate) fn scan(bytes: &[u8], delim: u8) -> Result<Layout, ShapeError> {
    let mut special = [false; 256];
    for b in [delim, b'\n', b'\r', QUOTE] {
        special[usize::from(b)] = true;
    }
    let mut scanner = Scanner::new();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // Fast paths over runs of ordinary bytes, which change nothing but "field not empty".
        if scanner.state == State::Unquoted && !special[usize::from(b)] {
            scanner.at_field_start = false;
            scanner.record_empty = false;
            at += 1;
            while bytes.get(at).is_some_and(|&b| !special[usize::from(b)]) {
                at += 1;
            }
            continue;
        }
        if scanner.state == State::Quoted && b != QUOTE && b != b'\n' {
            at += 1;
            while bytes.get(at).is_some_and(|&b| b != QUOTE && b != b'\n') {
                at += 1;
            }
            continue;
        }
        scanner.step(at, b, delim)?;
        at += 1;
    }
    scanner.finish(bytes.len())
}

struct Scanner {
    state: State,
    line: usize,
    record_line: usize,
    quote_line: usize,
    fields: usize,
    at_field_start: bool,
    record_empty: bool,
    /// Quotes inside unquoted fields of this record; an odd count would make polars run the
    /// record on past its line break.
    stray_quotes: usize,
    stray_at: (usize, usize),
    expected: Option<usize>,
    records: usize,
    record_start: usize,
    blank_lines: Vec<(usize, usize)>,
}

impl Scanner {
    fn new() -> Self {
        Scanner {
            state: State::Unquoted,
            line: 1,
            record_line: 1,
            quote_line: 1,
            fields: 1,
            at_field_start: true,
            record_empty: true,
            stray_quotes: 0,
            stray_at: (1, 1),
            expected: None,
            records: 0,
            record_start: 0,
            blank_lines: Vec::new(),
        }
    }

    #[inline]
    fn step(&mut self, at: usize, b: u8, delim: u8) -> Result<(), ShapeError> {
        match self.state {
            State::Unquoted => {
                if b == delim {
                    self.fields += 1;
                    self.at_field_start = true;
                    self.record_empty = false;
                } else if b == b'\n' {
                    self.end_record(at + 1)?;
                } else if b == QUOTE {
                    self.record_empty = false;
                    if self.at_field_start {
                        self.state = State::Quoted;
                        self.quote_line = self.line;
                        self.at_field_start = false;
                    } else {
                        if self.stray_quotes == 0 {
                            self.stray_at = (self.line, self.fields);
                        }
                        self.stray_quotes += 1;
                    }
                } else {
                    // A `\r` alone does not make a line non-blank, but a quote after it is
                    // no longer at the start of the field (polars reads it as text).
                    self.at_field_start = false;
                    if b != b'\r' {
                        self.record_empty = false;
                    }
                }
            }
            State::Quoted => {
                if b == QUOTE {
                    self.state = State::AfterQuote;
                } else if b == b'\n' {
                    // With an odd number of stray quotes before this field, polars would
                    // end the record at this line break.
                    self.check_stray_quotes()?;
                    self.line += 1;
                }
            }
            State::AfterQuote | State::AfterClose => {
                let after_quote = self.state == State::AfterQuote;
                if b == QUOTE && after_quote {
                    self.state = State::Quoted; // `""`: an escaped quote
                } else if b == delim && after_quote {
                    self.state = State::Unquoted;
                    self.fields += 1;
                    self.at_field_start = true;
                } else if b == b'\n' {
                    self.state = State::Unquoted;
                    self.end_record(at + 1)?;
                } else if b == b'\r' && after_quote {
                    self.state = State::AfterClose;
                } else {
                    return Err(ShapeError::StrayQuote {
                        line: self.line,
                        column: self.fields,
                        problem: "there is text after the closing quote of a quoted field",
                    });
                }
            }
        }
        Ok(())
    }

    /// The record ends just before byte `next` (the start of the next one).
    fn check_stray_quotes(&self) -> Result<(), ShapeError> {
        if self.stray_quotes % 2 == 1 {
            let (line, column) = self.stray_at;
            return Err(ShapeError::StrayQuote {
                line,
                column,
                problem: "a quote (\") inside a field that does not start with a quote is never matched",
            });
        }
        Ok(())
    }

    fn end_record(&mut self, next: usize) -> Result<(), ShapeError> {
        self.check_stray_quotes()?;
        if !self.record_empty {
            match self.expected {
                None => self.expected = Some(self.fields),
                Some(expected) if expected != self.fields => {
                    return Err(ShapeError::Ragged {
                        line: self.record_line,
                        expected,
                        found: self.fields,
                    });
                }
                Some(_) => {}
            }
            self.records += 1;
        } else {
            self.blank_lines.push((self.record_start, next));
        }
        self.record_start = next;
        self.line += 1;
        self.record_line = self.line;
        self.fields = 1;
        self.at_field_start = true;
        self.record_empty = true;
        self.stray_quotes = 0;
        Ok(())
    }

    fn finish(mut self, len: usize) -> Result<Layout, ShapeError> {
        match self.state {
            State::Quoted => {
                return Err(ShapeError::UnclosedQuote {
                    line: self.quote_line,
                });
            }
            State::AfterQuote | State::AfterClose => self.state = State::Unquoted,
            State::Unquoted => {}
        }
        if !self.record_empty {
            // The last record has no line break after it; an odd number of stray quotes is
            // harmless there because no line break follows.
            self.stray_quotes = 0;
            self.end_record(len)?;
        } else if self.record_start < len {
            self.blank_lines.push((self.record_start, len));
        }
        Ok(Layout {
            fields: self.expected.unwrap_or(0),
            records: self.records,
            blank_lines: self.blank_lines,
        })
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
    fn scan_counts_records_and_fields() {
        let text = b"a,b\n1,2\n\n\"x,\ny\",\"q\"\"\"\r\n3,4";
        assert_eq!(
            scan(text, b','),
            Ok(Layout {
                fields: 2,
                records: 4,
                blank_lines: vec![(8, 9)]
            })
        );
    }

    #[test]
    fn scan_reports_ragged_line() {
        let text = b"a,b\n1,2\n\"multi\nline\",2\n1,2,3\n";
        assert_eq!(
            scan(text, b','),
            Err(ShapeError::Ragged {
                line: 5,
                expected: 2,
                found: 3
            })
        );
    }

    #[test]
    fn scan_reports_unclosed_quote() {
        assert_eq!(
            scan(b"a,b\n1,\"open\n2,3\n", b','),
            Err(ShapeError::UnclosedQuote { line: 2 })
        );
    }

    #[test]
    fn scan_reports_stray_quotes() {
        assert!(matches!(
            scan(b"a,b\n5'11\",x\n1,2\n", b','),
            Err(ShapeError::StrayQuote {
                line: 2,
                column: 1,
                ..
            })
        ));
        assert!(matches!(
            scan(b"a,b\n\"ab\"cd,x\n", b','),
            Err(ShapeError::StrayQuote {
                line: 2,
                column: 1,
                ..
            })
        ));
        // A quote after a `\r` is not at the start of its field.
        assert!(matches!(
            scan(b"a,b\n\r\"x,\n\",1\n", b','),
            Err(ShapeError::StrayQuote { line: 2, .. })
        ));
        // An odd number of stray quotes before a quoted line break would split the record.
        assert!(matches!(
            scan(b"a,b\nx\"y,\"1\n2\"", b','),
            Err(ShapeError::StrayQuote {
                line: 2,
                column: 1,
                ..
            })
        ));
        // An even number of inner quotes is read as plain text.
        assert_eq!(
            scan(b"a,b\nsay \"hi\",x\n", b','),
            Ok(Layout {
                fields: 2,
                records: 2,
                blank_lines: vec![]
            })
        );
        // Polars refuses spaces after a closing quote, so we say so first.
        assert!(matches!(
            scan(b"a,b\n\"x\" ,y\n", b','),
            Err(ShapeError::StrayQuote { line: 2, .. })
        ));
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
