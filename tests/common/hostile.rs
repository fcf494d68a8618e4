//! The hostile corpus: broken, misleading and awkward customer files, each with the outcome
//! the product owes the user (a clear refusal naming the file, column or row; or a repair
//! counted in the quality report). `tests/integration/hostile_corpus.rs` runs them all.

use super::hostile_files::{parquet_file, two_sheet_xlsx, zip_of_text};
use super::{demo_path, read_csv};

/// What the user must get.
#[derive(Debug, Clone)]
pub(crate) enum Expect {
    /// Exit 1; stderr names the file and holds every needle.
    Refused(Vec<&'static str>),
    /// Exit 0; stdout (the quality report) holds every needle.
    Repaired(Vec<&'static str>),
    /// Exit 0 with a warning: stderr holds every needle.
    Warned(Vec<&'static str>),
}

/// One hostile input.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub name: &'static str,
    /// The data file's name (written in the case's directory).
    pub file: String,
    pub bytes: Vec<u8>,
    /// Other files the command reads (mapping files), by name.
    pub side_files: Vec<(String, Vec<u8>)>,
    /// The `sis` arguments; `{file}` and `{dir}` are replaced.
    pub args: Vec<String>,
    pub expect: Expect,
}

/// The default command: a quick `sis run`.
pub(crate) fn run_args(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = ["run", "{file}", "--quiet", "--seeds", "1", "--k-max", "3"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn case(name: &'static str, file: &str, bytes: Vec<u8>, expect: Expect) -> Case {
    Case {
        name,
        file: file.to_string(),
        bytes,
        side_files: Vec::new(),
        args: run_args(&[]),
        expect,
    }
}

/// The first `n` demo customers as header and rows of text.
pub(crate) struct Demo {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Demo {
    pub(crate) fn new(n: usize) -> Demo {
        let (header, mut rows) = read_csv(&demo_path());
        rows.truncate(n);
        Demo { header, rows }
    }

    pub(crate) fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .expect("a demo column")
    }

    /// The rows with `f(row index, cell)` applied to column `name`.
    pub(crate) fn with(&self, name: &str, f: impl Fn(usize, &str) -> String) -> Demo {
        let j = self.col(name);
        let rows = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut r = r.clone();
                r[j] = f(i, &r[j]);
                r
            })
            .collect();
        Demo {
            header: self.header.clone(),
            rows,
        }
    }

    pub(crate) fn csv_with(&self, delim: &str, eol: &str) -> Vec<u8> {
        let mut s = self.header.join(delim) + eol;
        for r in &self.rows {
            s.push_str(&r.join(delim));
            s.push_str(eol);
        }
        s.into_bytes()
    }

    pub(crate) fn csv(&self) -> Vec<u8> {
        self.csv_with(",", "\n")
    }
}

fn refused(needles: &[&'static str]) -> Expect {
    Expect::Refused(needles.to_vec())
}

fn repaired(needles: &[&'static str]) -> Expect {
    Expect::Repaired(needles.to_vec())
}

/// Damaged or misleading files.
fn damaged(d: &Demo) -> Vec<Case> {
    let header_only = d.header.join(",") + "\n";
    let one_row = Demo {
        header: d.header.clone(),
        rows: d.rows[..1].to_vec(),
    };
    let seven = Demo {
        header: d.header.clone(),
        rows: d.rows[..7].to_vec(),
    };
    let five = Demo {
        header: d.header.clone(),
        rows: d.rows[..5].to_vec(),
    };
    let quick = |extra: &[&str]| {
        let mut a: Vec<String> = ["run", "{file}", "--quiet", "--seeds", "1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let mut utf16 = vec![0xFF, 0xFE];
    for u in String::from_utf8(d.csv()).expect("utf-8").encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let latin1: Vec<u8> = d
        .with("Marital_Status", |i, v| {
            if i % 3 == 0 {
                "Mari\u{e9}".into()
            } else {
                v.into()
            }
        })
        .csv()
        .to_vec();
    // Re-encode é (C3 A9 in UTF-8) as Latin-1 E9.
    let latin1 = String::from_utf8(latin1)
        .expect("utf-8")
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(d.csv());
    let quoted = {
        let mut s = d.header.join(",") + ",Note\n";
        for (i, r) in d.rows.iter().enumerate() {
            s.push_str(&r.join(","));
            s.push_str(&format!(
                ",\"line one, with a comma\nline two {i} \"\"quoted\"\"\"\n"
            ));
        }
        s.into_bytes()
    };
    let mut ragged = d.csv();
    ragged.extend_from_slice(b"1,2,3\n");
    let parquet = parquet_file(60, false);
    let truncated = parquet[..parquet.len() / 2].to_vec();
    let mut repeated_header = d.csv();
    repeated_header.extend_from_slice((d.header.join(",") + "\n").as_bytes());
    repeated_header.extend(
        Demo {
            header: vec![],
            rows: d.rows[..2].to_vec(),
        }
        .csv_with(",", "\n")
        .into_iter()
        .skip(1),
    );
    let mut seven_k = case(
        "k_3_on_7_customers",
        "seven.csv",
        seven.csv(),
        refused(&["--k 3 fits", "--k-max 3"]),
    );
    seven_k.args = quick(&["--k", "3", "--k-max", "8"]);
    let mut seven_k4 = case(
        "k_4_on_7_customers",
        "seven_k4.csv",
        seven.csv(),
        refused(&["fewer than twice --k 4", "--k 3"]),
    );
    seven_k4.args = quick(&["--k", "4", "--k-max", "8"]);
    vec![
        case(
            "empty",
            "empty.csv",
            Vec::new(),
            refused(&["the file is empty"]),
        ),
        case(
            "header_only",
            "header_only.csv",
            header_only.into_bytes(),
            refused(&["no rows of data"]),
        ),
        case(
            "single_row",
            "single_row.csv",
            one_row.csv(),
            refused(&["only 1 distinct customer"]),
        ),
        case(
            "fewer_than_2k",
            "five.csv",
            five.csv(),
            refused(&["fewer than twice k = 3"]),
        ),
        seven_k,
        seven_k4,
        case(
            "binary_junk",
            "junk.csv",
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
            refused(&["junk.csv"]),
        ),
        case(
            "truncated_parquet",
            "cut.parquet",
            truncated,
            refused(&["cut.parquet"]),
        ),
        case(
            "parquet_named_csv",
            "really_parquet.csv",
            parquet.clone(),
            refused(&["Parquet"]),
        ),
        case(
            "zip_named_xlsx",
            "archive.xlsx",
            zip_of_text(),
            refused(&["archive.xlsx"]),
        ),
        case(
            "two_sheet_xlsx",
            "two_sheets.xlsx",
            two_sheet_xlsx(&d.header, &d.rows),
            refused(&["--sheet \"Data\""]),
        ),
        case("utf16", "utf16.csv", utf16, refused(&["utf16.csv"])),
        case("latin1", "latin1.csv", latin1, refused(&["UTF-8"])),
        case("bom", "bom.csv", bom, repaired(&["UTF-8 with BOM"])),
        case(
            "crlf",
            "crlf.csv",
            d.csv_with(",", "\r\n"),
            repaired(&["customers"]),
        ),
        case(
            "semicolon",
            "semicolon.csv",
            d.csv_with(";", "\n"),
            repaired(&["semicolon-delimited"]),
        ),
        case(
            "pipe",
            "pipe.csv",
            d.csv_with("|", "\n"),
            repaired(&["pipe-delimited"]),
        ),
        case(
            "tab",
            "tab.tsv",
            d.csv_with("\t", "\n"),
            repaired(&["tab-delimited"]),
        ),
        case(
            "quoted_newlines",
            "quoted.csv",
            quoted,
            repaired(&["customers"]),
        ),
        case(
            "ragged_rows",
            "ragged.csv",
            ragged,
            refused(&["ragged.csv", "fields"]),
        ),
        case(
            "repeated_header",
            "twice.csv",
            repeated_header,
            refused(&["twice.csv", "row 82", "is not a number"]),
        ),
        case(
            "old_excel",
            "old.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".to_vec(),
            refused(&["Excel 97-2003"]),
        ),
        case(
            "nul_bytes",
            "nul.csv",
            b"ID,Income\n1,\x00\x002\n".to_vec(),
            refused(&["nul.csv"]),
        ),
        case(
            "blank_header_names",
            "blank_header.csv",
            b",Income,MntWines\n1,100,5\n2,200,7\n".to_vec(),
            refused(&["blank_header.csv"]),
        ),
        case(
            "duplicate_column_names",
            "dup_names.csv",
            b"ID,Income,Income\n1,100,5\n2,200,7\n".to_vec(),
            refused(&["both named \"Income\""]),
        ),
        case(
            "only_text",
            "names.csv",
            b"name,city\nAnn,Oslo\nBob,Rome\n".to_vec(),
            refused(&["numeric column"]),
        ),
        case(
            "valid_parquet",
            "ok.parquet",
            parquet,
            repaired(&["Parquet"]),
        ),
        case(
            "long_ids_parquet",
            "long.parquet",
            parquet_file(60, true),
            repaired(&["0 rows repeating an earlier id"]),
        ),
    ]
}

/// Awkward values inside otherwise good files.
fn values(d: &Demo) -> Vec<Case> {
    let at = |row: usize, bad: &'static str| {
        move |i: usize, v: &str| {
            if i == row {
                bad.to_string()
            } else {
                v.to_string()
            }
        }
    };
    let mixed = ["n/a", "-", "1,234.50", "1.234,50", "$12", "12%"];
    let mixed_col = d.with("MntFruits", |i, v| {
        if i < mixed.len() {
            format!("\"{}\"", mixed[i])
        } else {
            v.into()
        }
    });
    let quoted_thousands = d.with("Income", |_, v| {
        let x: f64 = v.parse().unwrap_or(0.0);
        if v.is_empty() {
            String::new()
        } else {
            format!("\"{},{:03}.50\"", (x as u64) / 1000, (x as u64) % 1000)
        }
    });
    let euro = d.with("Income", |_, v| {
        let x: f64 = v.parse().unwrap_or(0.0);
        if v.is_empty() {
            String::new()
        } else {
            format!("\"{}.{:03},00\"", (x as u64) / 1000, (x as u64) % 1000)
        }
    });
    vec![
        case(
            "mixed_tokens",
            "mixed.csv",
            mixed_col.csv(),
            refused(&[
                "column \"MntFruits\"",
                "row 5",
                "\"1.234,50\"",
                "decimal separator",
            ]),
        ),
        case(
            "nan_token",
            "nan.csv",
            d.with("Income", at(3, "NaN")).csv(),
            repaired(&["missing values in \"Income\" imputed"]),
        ),
        case(
            "inf",
            "inf.csv",
            d.with("Income", at(5, "inf")).csv(),
            refused(&["column \"Income\"", "row 7", "\"inf\"", "infinity"]),
        ),
        case(
            "minus_inf",
            "minus_inf.csv",
            d.with("Income", at(9, "-inf")).csv(),
            refused(&["row 11", "\"-inf\"", "infinity"]),
        ),
        case(
            "infinity_word",
            "infinity.csv",
            d.with("MntWines", at(2, "Infinity")).csv(),
            refused(&["column \"MntWines\"", "row 4", "\"Infinity\""]),
        ),
        case(
            "near_float_limit",
            "huge.csv",
            d.with("MntWines", at(4, "1e308")).csv(),
            refused(&["column \"MntWines\"", "row 6", "\"1e308\"", "larger than"]),
        ),
        case(
            "beyond_float_limit",
            "beyond.csv",
            d.with("MntMeatProducts", at(4, "1e309")).csv(),
            refused(&["row 6", "\"1e309\""]),
        ),
        case(
            "negative_spend",
            "negative.csv",
            d.with("MntFruits", |i, v| {
                if i % 4 == 0 {
                    format!("-{v}1")
                } else {
                    v.into()
                }
            })
            .csv(),
            repaired(&["20 negative values in \"MntFruits\" kept"]),
        ),
        case(
            "future_dates",
            "future.csv",
            d.with("Dt_Customer", |i, v| {
                if i % 10 == 0 {
                    format!("2099{}", &v[4..])
                } else {
                    v.into()
                }
            })
            .csv(),
            repaired(&["8 join dates in \"Dt_Customer\" after", "treated as errors"]),
        ),
        case(
            "dollars",
            "dollars.csv",
            d.with("MntWines", |_, v| format!("${v}.00")).csv(),
            repaired(&["80 values in \"MntWines\" written with a currency sign ($)"]),
        ),
        case(
            "euro_numbers",
            "euro.csv",
            euro.csv(),
            repaired(&["values in \"Income\" written with", "decimal comma"]),
        ),
        case(
            "thousands",
            "thousands.csv",
            quoted_thousands.csv(),
            repaired(&["values in \"Income\" written with", "thousands separator"]),
        ),
        case(
            "percent",
            "percent.csv",
            d.with("MntGoldProds", |_, v| format!("{v}%")).csv(),
            repaired(&["80 values in \"MntGoldProds\" written with a percent sign"]),
        ),
        case(
            "dates_third_broken",
            "dates_third.csv",
            d.with("Dt_Customer", |i, v| {
                if i % 3 == 0 {
                    "garbage".into()
                } else {
                    v.into()
                }
            })
            .csv(),
            repaired(&["27 values in \"Dt_Customer\" are not dates", "Tenure_Days"]),
        ),
        case(
            "dates_mixed_formats",
            "dates_mixed.csv",
            d.with("Dt_Customer", |i, v| {
                if i % 2 == 0 {
                    format!("{}/{}/{}", &v[8..10], &v[5..7], &v[0..4])
                } else {
                    v.into()
                }
            })
            .csv(),
            repaired(&["Tenure_Days", "measured from"]),
        ),
        case(
            "whitespace_cells",
            "spaces.csv",
            d.with(
                "Income",
                |i, v| if i % 9 == 0 { "   ".into() } else { v.into() },
            )
            .csv(),
            repaired(&["missing values in \"Income\" imputed"]),
        ),
        case(
            "null_words",
            "nulls.csv",
            d.with(
                "Income",
                |i, v| if i % 11 == 0 { "NULL".into() } else { v.into() },
            )
            .csv(),
            repaired(&["missing values in \"Income\" imputed"]),
        ),
        case(
            "empty_column",
            "empty_col.csv",
            d.with("Income", |_, _| String::new()).csv(),
            repaired(&["empty column \"Income\" dropped"]),
        ),
        case(
            "dash_column",
            "dash_col.csv",
            d.with("Income", |_, _| "-".into()).csv(),
            repaired(&["empty column \"Income\" dropped"]),
        ),
        case(
            "text_in_numbers",
            "text_cell.csv",
            d.with("Recency", at(12, "soon")).csv(),
            refused(&["column \"Recency\"", "row 14", "\"soon\" is not a number"]),
        ),
        case(
            "ages_all_implausible",
            "old.csv",
            d.with("Year_Birth", |i, _| format!("{}", 1800 + i % 7))
                .csv(),
            repaired(&["ages from \"Year_Birth\" are implausible"]),
        ),
        case(
            "huge_text_cell",
            "long_cell.csv",
            d.with("Education", |i, v| {
                if i == 0 {
                    "x".repeat(1 << 20)
                } else {
                    v.into()
                }
            })
            .csv(),
            repaired(&["customers"]),
        ),
    ]
}

/// Awkward ids and shapes.
fn ids_and_shapes(d: &Demo) -> Vec<Case> {
    let long = d.with("ID", |i, _| {
        format!("{}", 100_000_000_000_000_000u64 + 7 * i as u64)
    });
    let above_2_53 = d.with("ID", |i, _| {
        format!("{}", 9_007_199_254_740_993u64 + 2 * i as u64)
    });
    let padded = d.with("ID", |i, v| match i {
        0 => "007".into(),
        1 => "7".into(),
        _ => format!("0{v}"),
    });
    let conflicting = d.with("ID", |i, v| {
        if (1..=3).contains(&i) {
            d.rows[0][0].clone()
        } else {
            v.into()
        }
    });
    // Identical in every column but the id.
    let identical = Demo {
        header: d.header.clone(),
        rows: (0..40)
            .map(|i| {
                let mut r = d.rows[0].clone();
                r[0] = (1000 + i).to_string();
                r
            })
            .collect(),
    };
    let no_ids = d.with("ID", |_, _| String::new());
    let mut cases = vec![
        case(
            "long_ids",
            "long_ids.csv",
            long.csv(),
            repaired(&["0 rows repeating an earlier id"]),
        ),
        case(
            "ids_above_2_53",
            "ids_2_53.csv",
            above_2_53.csv(),
            repaired(&["0 rows repeating an earlier id"]),
        ),
        case(
            "zero_padded_ids",
            "padded.csv",
            padded.csv(),
            repaired(&["0 rows repeating an earlier id"]),
        ),
        case(
            "conflicting_ids",
            "conflict.csv",
            conflicting.csv(),
            repaired(&[
                "3 rows repeating an earlier id",
                "3 of the rows repeating an id in \"ID\" conflict",
            ]),
        ),
        case(
            "identical_rows",
            "identical.csv",
            identical.csv(),
            refused(&["only 1 distinct customer", "39 exact duplicates removed"]),
        ),
        case(
            "all_ids_empty",
            "no_ids.csv",
            no_ids.csv(),
            refused(&["customer id in \"ID\" is empty"]),
        ),
    ];
    let mut missing_map = case(
        "mapping_missing_column",
        "mapped.csv",
        d.csv(),
        refused(&["\"Salary\""]),
    );
    missing_map.side_files = vec![(
        "m.toml".into(),
        b"[columns]\nSalary = \"income\"\n".to_vec(),
    )];
    missing_map.args = run_args(&["--mapping", "{dir}/m.toml"]);
    let mut two_ids = case(
        "two_id_columns",
        "two_ids.csv",
        d.csv(),
        refused(&["both mapped as customer_id"]),
    );
    two_ids.side_files = vec![(
        "ids.toml".into(),
        b"[columns]\nID = \"customer_id\"\nRecency = \"customer_id\"\n".to_vec(),
    )];
    two_ids.args = run_args(&["--mapping", "{dir}/ids.toml"]);
    let mut sheet_on_csv = case(
        "sheet_on_csv",
        "sheet.csv",
        d.csv(),
        Expect::Warned(vec!["--sheet \"Data\" is ignored"]),
    );
    sheet_on_csv.args = run_args(&["--sheet", "Data"]);
    let mut model_as_data = case(
        "model_given_to_insights",
        "march.sismodel.json",
        b"{\"format\": \"sis-segmentation-model\"}\n".to_vec(),
        refused(&["saved segmentation model", "sis score"]),
    );
    model_as_data.args = vec!["insights".into(), "{file}".into(), "--quiet".into()];
    cases.extend([missing_map, two_ids, sheet_on_csv, model_as_data]);
    cases
}

/// Every case, in a stable order.
pub(crate) fn cases() -> Vec<Case> {
    let d = Demo::new(80);
    let mut all = damaged(&d);
    all.extend(values(&d));
    all.extend(ids_and_shapes(&d));
    all
}
