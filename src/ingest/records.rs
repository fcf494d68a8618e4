//! The record scan of a CSV file: every record must have as many fields as the header, and
//! quotes must be balanced (RFC 4180, as [`super::dialect`] describes). The scan also finds the
//! blank lines, which are not records, and says where the shape breaks (1-based lines).

pub(crate) const QUOTE: u8 = b'"';

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
