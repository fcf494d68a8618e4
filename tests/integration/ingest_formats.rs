//! A user brings their data in whatever shape it has: the demo CSV, European CSV exports,
//! tab and pipe files, Parquet, Excel workbooks, and files that are broken or misnamed.

use polars::prelude::*;
use proptest::prelude::*;
use sis::ingest::{
    IngestError, LoadOptions, load_bytes, load_csv_bytes, load_table, numeric_problem,
};
use sis::table::{ColumnData, DateFormat, MISSING_DAY, RawTable, SourceFormat, format_day};
use std::path::{Path, PathBuf};

fn demo_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/marketing_campaign.csv")
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("temp file is writable");
    path
}

fn load_file(name: &str, bytes: &[u8]) -> Result<RawTable, IngestError> {
    let dir = tempfile::tempdir().expect("temp dir");
    load_table(&write(&dir, name, bytes), &LoadOptions::default())
}

fn numbers<'a>(t: &'a RawTable, name: &str) -> &'a [f64] {
    match t.column(name).map(|c| &c.data) {
        Some(ColumnData::Numeric(v)) => v,
        other => panic!("{name} should be numeric, got {other:?}"),
    }
}

fn levels<'a>(t: &'a RawTable, name: &str) -> &'a [String] {
    match t.column(name).map(|c| &c.data) {
        Some(ColumnData::Text { levels, .. }) => levels,
        other => panic!("{name} should be text, got {other:?}"),
    }
}

fn dates(t: &RawTable, name: &str) -> (DateFormat, Vec<i32>) {
    match t.column(name).map(|c| &c.data) {
        Some(ColumnData::Date { days, format }) => (*format, days.clone()),
        other => panic!("{name} should be dates, got {other:?}"),
    }
}

fn day_range(days: &[i32]) -> (String, String) {
    let present: Vec<i32> = days.iter().copied().filter(|&d| d != MISSING_DAY).collect();
    let min = present.iter().min().copied().expect("some dates");
    let max = present.iter().max().copied().expect("some dates");
    (format_day(min), format_day(max))
}

#[test]
fn demo_csv_loads_with_known_shape() {
    let t = load_table(&demo_path(), &LoadOptions::default()).expect("demo loads");
    assert_eq!(t.file_name, "marketing_campaign.csv");
    assert_eq!(
        t.format,
        SourceFormat::Csv {
            delimiter: ',',
            had_bom: false
        }
    );
    assert_eq!(t.n_rows(), 2240);
    assert_eq!(t.columns.len(), 29);
    assert_eq!(
        numbers(&t, "Income").iter().filter(|x| x.is_nan()).count(),
        24
    );
    assert_eq!(numbers(&t, "ID").iter().filter(|x| x.is_nan()).count(), 0);
    let (format, days) = dates(&t, "Dt_Customer");
    assert_eq!(format, DateFormat::Iso);
    assert_eq!(
        day_range(&days),
        ("2012-07-30".to_string(), "2014-06-29".to_string())
    );
    assert_eq!(levels(&t, "Education").len(), 5);
    assert!(levels(&t, "Marital_Status").contains(&"Single".to_string()));
    assert_eq!(
        numeric_problem(t.column("Education").expect("column")),
        Some((1, "Graduation".into()))
    );
}

#[test]
fn semicolon_csv_with_bom_and_quotes() {
    let text = "\u{feff}Name ; City;Spend\n\"Müller; Hans\";\"Köln\";12.5\n\"O\"\"Brien\";\"Cork\";\n\"Smith\";\"New\nYork\";7\n";
    let t = load_csv_bytes(text.as_bytes(), "exports/eu.csv").expect("loads");
    assert_eq!(t.file_name, "eu.csv");
    assert_eq!(
        t.format,
        SourceFormat::Csv {
            delimiter: ';',
            had_bom: true
        }
    );
    assert_eq!(
        t.columns
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["Name", "City", "Spend"]
    );
    assert_eq!(levels(&t, "Name"), ["Müller; Hans", "O\"Brien", "Smith"]);
    assert_eq!(levels(&t, "City")[2], "New\nYork");
    let spend = numbers(&t, "Spend");
    assert_eq!(spend[0], 12.5);
    assert!(spend[1].is_nan());
}

#[test]
fn tab_and_pipe_files() {
    let tab = load_file("t.tsv", b"id\tsegment\n1\tA\n2\tB\n").expect("tab loads");
    assert_eq!(
        tab.format,
        SourceFormat::Csv {
            delimiter: '\t',
            had_bom: false
        }
    );
    assert_eq!(levels(&tab, "segment"), ["A", "B"]);
    let pipe = load_file("p.txt", b"id|segment|spend\n1|A|3\n2|B|4.5\n").expect("pipe loads");
    assert_eq!(
        pipe.format,
        SourceFormat::Csv {
            delimiter: '|',
            had_bom: false
        }
    );
    assert_eq!(numbers(&pipe, "spend"), [3.0, 4.5]);
}

#[test]
fn day_first_and_month_first_dates() {
    let t = load_csv_bytes(b"id,joined\n1,29-06-2014\n2,01-02-2013\n3,\n", "d.csv").expect("loads");
    let (format, days) = dates(&t, "joined");
    assert_eq!(format, DateFormat::DayFirst);
    assert_eq!(format_day(days[0]), "2014-06-29");
    assert_eq!(format_day(days[1]), "2013-02-01");
    assert_eq!(days[2], MISSING_DAY);

    let t = load_csv_bytes(b"id,joined\n1,06/29/2014\n2,01/02/2013\n", "m.csv").expect("loads");
    let (format, days) = dates(&t, "joined");
    assert_eq!(format, DateFormat::MonthFirst);
    assert_eq!(format_day(days[1]), "2013-01-02");
}

#[test]
fn mostly_numeric_column_stays_text_and_says_why() {
    let t = load_csv_bytes(b"id,Income\n1,100\n2,n.a.\n3,300\n", "data.csv").expect("loads");
    assert_eq!(levels(&t, "Income"), ["100", "n.a.", "300"]);
    assert_eq!(
        numeric_problem(t.column("Income").expect("column")),
        Some((2, "n.a.".into()))
    );
}

#[test]
fn parquet_round_trip() {
    let days = Series::new("joined".into(), &[Some(16_250i32), None, Some(15_000)])
        .cast(&DataType::Date)
        .expect("date cast");
    let mut frame = DataFrame::new_infer_height(vec![
        Series::new("id".into(), &[1i64, 2, 3]).into(),
        Series::new("income".into(), &[Some(58_138.0f64), None, Some(46_344.0)]).into(),
        Series::new("education".into(), &["PhD", "Master", "PhD"]).into(),
        Series::new("complained".into(), &[true, false, true]).into(),
        days.into(),
        Series::new("signup".into(), &["29.06.2014", "01.02.2013", ""]).into(),
    ])
    .expect("frame");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("customers.parquet");
    let mut out = std::fs::File::create(&path).expect("create");
    ParquetWriter::new(&mut out)
        .finish(&mut frame)
        .expect("write parquet");
    drop(out);

    let t = load_table(&path, &LoadOptions::default()).expect("parquet loads");
    assert_eq!(t.format, SourceFormat::Parquet);
    assert_eq!(t.n_rows(), 3);
    assert_eq!(numbers(&t, "id"), [1.0, 2.0, 3.0]);
    assert!(numbers(&t, "income")[1].is_nan());
    assert_eq!(levels(&t, "education"), ["PhD", "Master"]);
    assert_eq!(numbers(&t, "complained"), [1.0, 0.0, 1.0]);
    let (format, days) = dates(&t, "joined");
    assert_eq!(format, DateFormat::Native);
    assert_eq!(days, [16_250, MISSING_DAY, 15_000]);
    let (format, days) = dates(&t, "signup");
    assert_eq!(format, DateFormat::DayFirst);
    assert_eq!(format_day(days[0]), "2014-06-29");

    // The same bytes under an unknown extension are recognised by their content.
    let bytes = std::fs::read(&path).expect("read back");
    let again = load_bytes(&bytes, "customers.bin", &LoadOptions::default()).expect("sniffed");
    assert_eq!(again.content_hash(), t.content_hash());
}

/// id, education, income, joined (y, m, d), vip
type CustomerRow = (f64, &'static str, Option<f64>, (u16, u8, u8), bool);

fn workbook_bytes() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    sheet.set_name("Customers").expect("name");
    for (j, h) in [" ID", "Education", "Income", "Joined", "Vip", "Mixed"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, j as u16, *h).expect("header");
    }
    let rows: [CustomerRow; 3] = [
        (1.0, "PhD", Some(58_138.0), (2014, 6, 29), true),
        (2.0, "Master", None, (2012, 7, 30), false),
        (3.0, "PhD", Some(46_344.5), (2013, 1, 2), false),
    ];
    for (i, (id, edu, income, (y, m, d), vip)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_number(r, 0, *id).expect("id");
        sheet.write_string(r, 1, *edu).expect("education");
        if let Some(income) = income {
            sheet.write_number(r, 2, *income).expect("income");
        }
        let date = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
        sheet
            .write_datetime_with_format(r, 3, &date, &date_format)
            .expect("joined");
        sheet.write_boolean(r, 4, *vip).expect("vip");
    }
    sheet.write_number(1, 5, 7.0).expect("mixed");
    sheet.write_string(2, 5, "seven").expect("mixed");
    let orders = book.add_worksheet();
    orders.set_name("Orders").expect("name");
    orders.write_string(0, 0, "order").expect("header");
    orders.write_string(0, 1, "when").expect("header");
    orders.write_number(1, 0, 10.0).expect("order");
    orders.write_string(1, 1, "06/29/2014").expect("when");
    book.save_to_buffer().expect("workbook bytes")
}

#[test]
fn xlsx_first_and_named_sheets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(&dir, "book.xlsx", &workbook_bytes());

    let t = load_table(&path, &LoadOptions::default()).expect("first sheet loads");
    assert_eq!(
        t.format,
        SourceFormat::Xlsx {
            sheet: "Customers".into()
        }
    );
    assert_eq!(t.n_rows(), 3);
    assert_eq!(numbers(&t, "ID"), [1.0, 2.0, 3.0]);
    assert_eq!(levels(&t, "Education"), ["PhD", "Master"]);
    assert!(numbers(&t, "Income")[1].is_nan());
    assert_eq!(numbers(&t, "Vip"), [1.0, 0.0, 0.0]);
    let (format, days) = dates(&t, "Joined");
    assert_eq!(format, DateFormat::Native);
    assert_eq!(
        day_range(&days),
        ("2012-07-30".to_string(), "2014-06-29".to_string())
    );
    assert_eq!(levels(&t, "Mixed"), ["7", "seven"]);
    assert!(t.column("Mixed").expect("column").data.is_missing(2));

    let options = LoadOptions {
        sheet: Some("Orders".into()),
    };
    let orders = load_table(&path, &options).expect("named sheet loads");
    assert_eq!(
        orders.format,
        SourceFormat::Xlsx {
            sheet: "Orders".into()
        }
    );
    assert_eq!(dates(&orders, "when").0, DateFormat::MonthFirst);

    let options = LoadOptions {
        sheet: Some("Sales".into()),
    };
    let err = load_table(&path, &options).expect_err("no such sheet");
    assert!(matches!(err, IngestError::SheetNotFound { .. }));
    let message = err.to_string();
    assert!(
        message.contains("book.xlsx") && message.contains("\"Sales\""),
        "{message}"
    );
    assert!(message.contains("\"Customers\", \"Orders\""), "{message}");
}

#[test]
fn empty_file() {
    let err = load_file("empty.csv", b"").expect_err("empty");
    assert!(matches!(err, IngestError::Empty { .. }));
    assert!(
        err.to_string().starts_with("empty.csv: the file is empty"),
        "{err}"
    );
    assert!(matches!(
        load_file("blank.csv", b"\xEF\xBB\xBF\n\n"),
        Err(IngestError::Empty { .. })
    ));
    assert!(matches!(
        load_file("empty.parquet", b""),
        Err(IngestError::Empty { .. })
    ));
}

#[test]
fn header_only_file() {
    let err = load_file("header.csv", b"ID,Income\n").expect_err("no rows");
    assert!(matches!(err, IngestError::NoRows { .. }));
    assert!(
        err.to_string().contains("header.csv") && err.to_string().contains("no rows of data"),
        "{err}"
    );
}

#[test]
fn binary_garbage_named_csv() {
    let err = load_file("data.csv", b"\x00\x01\x02\x03garbage\xFF\x00").expect_err("binary");
    let message = err.to_string();
    assert!(matches!(err, IngestError::WrongFormat { .. }));
    assert!(
        message.contains("data.csv") && message.contains("not a text (CSV) file"),
        "{message}"
    );
    assert!(message.contains("binary data"), "{message}");

    let err = load_file("book.csv", &workbook_bytes()).expect_err("a workbook");
    assert!(
        err.to_string().contains("ZIP archive") && err.to_string().contains(".xlsx"),
        "{err}"
    );
}

#[test]
fn text_named_parquet() {
    let err = load_file("data.parquet", b"ID;Income\n1;2\n").expect_err("text");
    let message = err.to_string();
    assert!(matches!(err, IngestError::WrongFormat { .. }));
    assert!(
        message.contains("data.parquet: this is not a Parquet file"),
        "{message}"
    );
    assert!(
        message.contains("semicolon-separated text") && message.contains(".csv"),
        "{message}"
    );
}

#[test]
fn not_a_zip_named_xlsx() {
    let err = load_file("book.xlsx", b"ID,Income\n1,2\n").expect_err("not a zip");
    let message = err.to_string();
    assert!(matches!(err, IngestError::WrongFormat { .. }));
    assert!(
        message.contains("book.xlsx: this is not an XLSX workbook"),
        "{message}"
    );
    assert!(message.contains("comma-separated text"), "{message}");

    // A ZIP archive that is not a workbook is refused by the XLSX reader, not by a panic.
    let err = load_file("broken.xlsx", b"PK\x03\x04 not really a zip").expect_err("broken zip");
    assert!(err.to_string().starts_with("broken.xlsx: "), "{err}");
}

#[test]
fn ragged_row_names_the_line() {
    let err = load_file("ragged.csv", b"a,b,c\n1,2,3\n4,5\n").expect_err("ragged");
    assert!(matches!(
        err,
        IngestError::Ragged {
            line: 3,
            expected: 3,
            found: 2,
            ..
        }
    ));
    assert!(
        err.to_string()
            .starts_with("ragged.csv, line 3: expected 3 fields like the header, found 2"),
        "{err}"
    );
}

#[test]
fn unclosed_quote_names_the_line() {
    let err = load_file("q.csv", b"a,b\n1,2\n3,\"open\n4,5\n").expect_err("unclosed");
    assert!(
        err.to_string()
            .starts_with("q.csv, line 3: a quoted field starts here and is never closed"),
        "{err}"
    );
}

#[test]
fn duplicate_header_names_both_columns() {
    let err = load_file("dup.csv", b"ID,Income,ID\n1,2,3\n").expect_err("duplicate");
    assert!(matches!(
        err,
        IngestError::DuplicateHeader {
            first: 1,
            second: 3,
            ..
        }
    ));
    assert!(
        err.to_string()
            .contains("dup.csv: columns 1 and 3 are both named \"ID\""),
        "{err}"
    );
}

/// Cells for generated files: mostly numbers and null words, rarely something else, so that
/// both the fast numeric path and its fall-back to text are taken.
fn mostly_numbers() -> impl Strategy<Value = &'static str> {
    let numbers = ["1", "-2.5", "", "NA", "1e3", "\"12\"", " 7", "NaN", "0"];
    let surprises = ["inf", "7 ", "na", "x", "n/a.", "2014-01-02"];
    prop_oneof![
        400 => prop::sample::select(numbers.to_vec()),
        1 => prop::sample::select(surprises.to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = load_csv_bytes(&bytes, "random.csv");
    }

    #[test]
    fn random_csv_like_text_never_panics(text in "[ab1.,,;\t|\"\n\n\r é-]{0,300}") {
        if let Ok(t) = load_csv_bytes(text.as_bytes(), "random.csv") {
            prop_assert!(t.n_rows() > 0);
            prop_assert!(t.columns.iter().all(|c| c.data.len() == t.n_rows()));
        }
    }

    #[test]
    fn long_files_of_awkward_values_load_whole(
        width in 1usize..5,
        cells in proptest::collection::vec(
            prop::sample::select(vec![
                "1", "-2.5", "", "NA", "na", "x", "\"q,\"", "2014-01-02", "29.06.2014", " 7", "7 ",
                "inf", "\"\"\"\"", "-", "?", "1e3", "\"12\"", "é",
            ]),
            4..1600,
        ),
    ) {
        let rows: Vec<String> = cells.chunks(width).filter(|r| r.len() == width).map(|r| r.join(",")).collect();
        let header: Vec<String> = (0..width).map(|j| format!("c{j}")).collect();
        let text = format!("{}\n{}\n", header.join(","), rows.join("\n"));
        // Rows made only of empty cells are blank lines when there is one column.
        let expected = rows.iter().filter(|r| !r.is_empty()).count();
        match load_csv_bytes(text.as_bytes(), "awkward.csv") {
            Ok(t) => {
                prop_assert_eq!(t.n_rows(), expected);
                prop_assert_eq!(t.columns.len(), width);
            }
            Err(e) => prop_assert!(expected == 0 && matches!(e, IngestError::NoRows { .. }), "{}", e),
        }
    }

    #[test]
    fn long_numeric_files_load_whole(width in 1usize..4, cells in proptest::collection::vec(mostly_numbers(), 800..2400)) {
        let rows: Vec<String> = cells.chunks(width).filter(|r| r.len() == width).map(|r| r.join(",")).collect();
        let header: Vec<String> = (0..width).map(|j| format!("c{j}")).collect();
        let text = format!("{}\n{}\n", header.join(","), rows.join("\n"));
        let expected = rows.iter().filter(|r| !r.is_empty()).count();
        let t = load_csv_bytes(text.as_bytes(), "numbers.csv").expect("well-formed file loads");
        prop_assert_eq!(t.n_rows(), expected);
        for (j, column) in t.columns.iter().enumerate() {
            let values: Vec<&str> = rows.iter().filter(|r| !r.is_empty()).map(|r| r.split(',').nth(j).unwrap_or("")).collect();
            let all_numbers = values.iter().all(|v| {
                let v = v.trim().trim_matches('"');
                v.is_empty() || ["NA", "na", "NaN"].contains(&v) || v.parse::<f64>().is_ok_and(f64::is_finite)
            });
            prop_assert_eq!(matches!(column.data, ColumnData::Numeric(_)), all_numbers, "column {}", j);
        }
    }

    #[test]
    fn random_parquet_and_zip_bodies_never_panic(body in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut parquet = b"PAR1".to_vec();
        parquet.extend_from_slice(&body);
        parquet.extend_from_slice(b"PAR1");
        let _ = load_bytes(&parquet, "random.parquet", &LoadOptions::default());
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&body);
        let _ = load_bytes(&zip, "random.xlsx", &LoadOptions::default());
    }
}
