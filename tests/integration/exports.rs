//! A consultant hands the results over: the scored customers as CSV, Parquet and XLSX (ids,
//! segments and persona names as the analysis has them, renames included), and the run's
//! manifest, from `sis export` with the outputs checked before anything is written.

use crate::common;
use crate::common::sis_in_process as sis;

use polars::prelude::*;
use sis::export::{CustomerFormat, ScoredCustomers, write_customers};
use sis::pipeline::Analysis;
use std::path::Path;

/// A session whose first persona the user renamed.
fn renamed_session() -> sis::session::Session {
    let mut session = common::small_session();
    session.analysis.personas[0].label.user_name = Some("Clientes Fiéis, Ärzte".into());
    session
}

/// (id, segment, persona) per customer as the analysis has them.
fn expected(a: &Analysis) -> Vec<(String, u32, String)> {
    a.customer_ids
        .iter()
        .zip(&a.segmentation.labels)
        .map(|(id, &l)| {
            let persona = a.personas[l as usize].display_name().to_string();
            (id.clone(), l + 1, persona)
        })
        .collect()
}

fn text_column(frame: &DataFrame, name: &str) -> Vec<String> {
    let column = frame.column(name).unwrap().str().unwrap().clone();
    column.iter().map(|v| v.unwrap().to_string()).collect()
}

#[test]
fn scored_customers_read_back_from_csv_and_parquet_match_the_analysis() {
    let session = renamed_session();
    let a = &session.analysis;
    let want = expected(a);
    let customers = ScoredCustomers::of(a);
    assert_eq!(customers.features.len(), a.segmentation.feature_names.len());

    let mut csv = Vec::new();
    write_customers(&customers, CustomerFormat::Csv, &mut csv).unwrap();
    let frame = CsvReadOptions::default()
        .with_has_header(true)
        .into_reader_with_file_handle(std::io::Cursor::new(csv))
        .finish()
        .unwrap();
    assert_eq!(frame.height(), want.len());
    let names: Vec<String> = frame
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(names[..3], ["customer_id", "segment", "persona"]);
    assert_eq!(names[3..], a.segmentation.feature_names[..]);
    let personas = text_column(&frame, "persona");
    let segments = frame.column("segment").unwrap().i64().unwrap().clone();
    for (i, (_, segment, persona)) in want.iter().enumerate() {
        assert_eq!(segments.get(i), Some(i64::from(*segment)));
        assert_eq!(&personas[i], persona);
    }
    assert!(personas.iter().any(|p| p == "Clientes Fiéis, Ärzte"));

    let mut parquet = Vec::new();
    write_customers(&customers, CustomerFormat::Parquet, &mut parquet).unwrap();
    let frame = ParquetReader::new(std::io::Cursor::new(parquet))
        .finish()
        .unwrap();
    let ids = text_column(&frame, "customer_id");
    let personas = text_column(&frame, "persona");
    let segments = frame.column("segment").unwrap().u32().unwrap().clone();
    for (i, (id, segment, persona)) in want.iter().enumerate() {
        assert_eq!(&ids[i], id);
        assert_eq!(segments.get(i), Some(*segment));
        assert_eq!(&personas[i], persona);
    }
    let income = frame.column("Income").unwrap().f64().unwrap().clone();
    assert_eq!(income.get(0), a.features.get("Income").map(|v| v[0]));
}

#[test]
fn the_xlsx_export_is_one_sheet_with_the_same_rows_and_the_same_bytes_every_time() {
    use calamine::{Data, Reader, Xlsx};
    let session = renamed_session();
    let customers = ScoredCustomers::of(&session.analysis);
    let mut first = Vec::new();
    write_customers(&customers, CustomerFormat::Xlsx, &mut first).unwrap();
    let mut second = Vec::new();
    write_customers(&customers, CustomerFormat::Xlsx, &mut second).unwrap();
    assert_eq!(first, second, "one analysis, one workbook");

    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(first)).unwrap();
    let sheet = book.worksheet_range("Customers").unwrap();
    let want = expected(&session.analysis);
    assert_eq!(sheet.height(), want.len() + 1);
    assert_eq!(sheet.get((0, 2)), Some(&Data::String("persona".into())));
    for (i, (id, segment, persona)) in want.iter().enumerate() {
        assert_eq!(sheet.get((i + 1, 0)), Some(&Data::String(id.clone())));
        assert_eq!(
            sheet.get((i + 1, 1)),
            Some(&Data::Float(f64::from(*segment)))
        );
        assert_eq!(sheet.get((i + 1, 2)), Some(&Data::String(persona.clone())));
    }
}

fn saved(dir: &Path) -> String {
    let path = dir.join("demo.sis");
    renamed_session().save(&path).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn sis_export_writes_the_customers_the_manifest_and_the_query() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = saved(dir.path());
    let csv = dir.path().join("scored.csv");
    let json = dir.path().join("run.json");
    let sql = dir.path().join("scoring.sql");
    let (code, out, err) = sis(&[
        "export",
        &bundle,
        "--customers",
        csv.to_str().unwrap(),
        "--manifest",
        json.to_str().unwrap(),
        "--sql",
        sql.to_str().unwrap(),
        "--table",
        "crm.customers",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("customers written to"), "{out}");

    let (_, inspect, _) = sis(&["inspect", &bundle, "--json"]);
    assert_eq!(std::fs::read_to_string(&json).unwrap(), inspect);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("customer_id,segment,persona,"), "{text}");
    assert!(text.contains("\"Clientes Fiéis, Ärzte\""));
    assert_eq!(
        text.lines().count(),
        renamed_session().analysis.customer_ids.len() + 1
    );
    let query = std::fs::read_to_string(&sql).unwrap();
    assert!(query.contains("FROM crm.customers"), "{query}");

    // Exporting again replaces the earlier exports without asking.
    let (code, _, err) = sis(&["export", &bundle, "--customers", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let parquet = dir.path().join("scored.parquet");
    let (code, _, err) = sis(&["export", &bundle, "--customers", parquet.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&parquet).unwrap().starts_with(b"PAR1"));
}

#[test]
fn sis_export_never_overwrites_the_session_and_asks_before_replacing_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = saved(dir.path());
    let before = std::fs::read(&bundle).unwrap();
    for flags in [&["--manifest"][..], &["--sql", "--force"][..]] {
        let mut args = vec!["export", bundle.as_str()];
        args.push(flags[0]);
        args.push(&bundle);
        args.extend(&flags[1..]);
        let (code, _, err) = sis(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("the session being exported"), "{err}");
    }
    assert_eq!(std::fs::read(&bundle).unwrap(), before);

    let data = dir.path().join("customers.csv");
    std::fs::write(&data, "ID,Income\n1,50000\n").unwrap();
    let path = data.to_str().unwrap();
    let (code, _, err) = sis(&["export", &bundle, "--customers", path]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&data).unwrap(),
        "ID,Income\n1,50000\n"
    );
    let (code, _, err) = sis(&["export", &bundle, "--customers", path, "--force"]);
    assert_eq!(code, 0, "{err}");

    let (code, _, err) = sis(&["export", &bundle, "--customers", "out.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains(".csv, .parquet or .xlsx"), "{err}");
    let same = dir.path().join("both.csv");
    let same = same.to_str().unwrap();
    let (code, _, err) = sis(&["export", &bundle, "--customers", same, "--manifest", same]);
    assert_eq!(code, 2);
    assert!(err.contains("two exports"), "{err}");
}
