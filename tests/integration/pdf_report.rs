//! The executive PDF of a session: its pages and bookmarks, every persona name in the text
//! (renamed ones with accents and Cyrillic letters too), the KPIs as the core computes them,
//! the same bytes on every export and thread count, and a file `qpdf` accepts.

use crate::common;
use crate::pdf_checks::{all_text, bookmarks, folded, on_threads, top_bookmarks};

use lopdf::Document;
use sis::format::{Percent, percent, thousands};
use sis::personas::{PersonaEdit, apply_persona_edit};
use sis::report::{Paper, ReportModel, ReportOptions, Section, session_pdf};
use sis::session::Session;
use std::sync::OnceLock;

const NAMES: [&str; 3] = ["Clientes Fiéis", "Ärzte", "Постоянные"];

/// The demo at k = 3, with the three personas renamed through the persona edit API.
fn session() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| {
        let table = common::demo_table();
        let analysis = common::analyse_with(&table, common::fixed_k(3));
        let mut session = Session::new(table, analysis);
        for (segment, name) in NAMES.iter().enumerate() {
            let edit = PersonaEdit::Rename {
                segment,
                name: Some((*name).into()),
            };
            apply_persona_edit(&mut session.analysis.personas, &edit).unwrap();
        }
        session
    })
}

fn pdf(options: &ReportOptions) -> Vec<u8> {
    session_pdf(session(), options).unwrap()
}

#[test]
fn the_report_has_its_pages_and_a_bookmark_for_every_section() {
    let bytes = pdf(&ReportOptions::default());
    let doc = Document::load_mem(&bytes).unwrap();
    let pages = doc.get_pages().len();
    assert!((6..=20).contains(&pages), "{pages} pages");
    let text = all_text(&doc);
    assert!(
        text.contains(&format!("Page 2 of {pages}")),
        "footer page numbers"
    );
    let toc = doc.get_toc().unwrap();
    let top = top_bookmarks(&doc);
    // No scenarios are saved, so there is no simulation section.
    assert_eq!(
        top,
        [
            "Cover",
            "Executive summary",
            "Segments",
            "Personas",
            "Appendix"
        ]
    );
    let titles = bookmarks(&doc);
    for part in [
        "Key decisions",
        "Profile heatmap",
        "Choice of k",
        "Data quality",
        "Method",
    ] {
        assert!(titles.iter().any(|t| t == part), "{part} in {titles:?}");
    }
    for name in NAMES {
        assert!(
            titles.iter().any(|t| t.ends_with(name)),
            "{name} in {titles:?}"
        );
    }
    assert!(toc.toc.iter().all(|t| t.page >= 1 && t.page <= pages));
    let toc_page = |title: &str| toc.toc.iter().find(|t| t.title == title).unwrap().page;
    assert!(toc_page("Cover") < toc_page("Executive summary"));
    assert!(toc_page("Segments") < toc_page("Personas"));
}

#[test]
fn every_persona_name_prints_including_the_renamed_ones() {
    let doc = Document::load_mem(&pdf(&ReportOptions::default())).unwrap();
    let text = folded(&all_text(&doc));
    for persona in &session().analysis.personas {
        assert!(
            text.contains(persona.display_name()),
            "{} is missing from the text",
            persona.display_name()
        );
    }
    for name in NAMES {
        assert!(text.contains(name), "{name}");
    }
    // The synthesized names still show, as the suggestion beside the user's.
    assert!(text.contains(&session().analysis.personas[0].label.name));
}

#[test]
fn the_kpi_figures_equal_the_cores() {
    let analysis = &session().analysis;
    let kpis = &analysis.insights.kpis;
    let model = ReportModel::from_session(session());
    let value = |label: &str| {
        model
            .kpis
            .iter()
            .find(|k| k.label == label)
            .unwrap_or_else(|| panic!("KPI {label}"))
            .value
            .clone()
    };
    assert_eq!(value("Customers"), thousands(kpis.customers as f64));
    assert_eq!(
        value("Total revenue"),
        thousands(*kpis.total_revenue.get().unwrap())
    );
    assert_eq!(
        value("Average spend"),
        thousands(*kpis.avg_spend_per_customer.get().unwrap())
    );
    assert_eq!(
        value("Campaign response"),
        percent(*kpis.promo_response_pct.get().unwrap(), Percent::Adaptive)
    );
    assert_eq!(
        value("Discount addicted"),
        percent(
            *kpis.discount_addicted_pct.get().unwrap(),
            Percent::Adaptive
        )
    );
    let text = folded(&all_text(
        &Document::load_mem(&pdf(&ReportOptions::default())).unwrap(),
    ));
    for kpi in &model.kpis {
        assert!(
            text.contains(&kpi.value),
            "{} = {} not printed",
            kpi.label,
            kpi.value
        );
    }
    // The demo's known figures: 2,240 rows less 182 duplicates.
    assert_eq!(value("Customers"), "2,058");
    for row in &model.segments {
        assert!(text.contains(&row.revenue_share));
    }
}

#[test]
fn two_exports_of_one_session_are_byte_identical_at_any_thread_count() {
    let options = ReportOptions::default();
    let first = on_threads(1, || pdf(&options));
    assert_eq!(first, on_threads(2, || pdf(&options)));
    assert_eq!(first, pdf(&options));
    // A saved and reopened session gives the same file.
    let reopened = Session::from_bytes(&session().to_bytes().unwrap()).unwrap();
    assert_eq!(first, session_pdf(&reopened, &options).unwrap());
    // The document date is the data's last date, never today.
    let doc = Document::load_mem(&first).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.dereference(i))
        .unwrap()
        .1;
    let date = info.as_dict().unwrap().get(b"CreationDate").unwrap();
    assert_eq!(date.as_str().unwrap(), b"D:20140629");
}

#[test]
fn paper_and_sections_are_honoured() {
    let letter = ReportOptions {
        paper: Paper::Letter,
        sections: vec![Section::Cover, Section::Personas],
        ..ReportOptions::default()
    };
    let doc = Document::load_mem(&pdf(&letter)).unwrap();
    let (_, first) = doc.get_pages().into_iter().next().unwrap();
    let media = doc.get_dictionary(first).unwrap().get(b"MediaBox").unwrap();
    let size: Vec<f32> = media
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    assert_eq!(size, [0.0, 0.0, 612.0, 792.0]);
    let top: Vec<String> = doc
        .get_toc()
        .unwrap()
        .toc
        .into_iter()
        .filter(|t| t.level == 1)
        .map(|t| t.title)
        .collect();
    assert_eq!(top, ["Cover", "Personas"]);
}

#[test]
fn the_command_line_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("demo.sis");
    session().save(&bundle).unwrap();
    let out = dir.path().join("report.pdf");
    let args = [
        "sis",
        "report",
        bundle.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--paper",
        "a4",
    ];
    let cli = <sis::cli::Cli as clap::Parser>::try_parse_from(args).unwrap();
    let mut printed = Vec::new();
    sis::cli::execute(cli.command.unwrap(), &mut printed).unwrap();
    assert!(String::from_utf8(printed).unwrap().contains("A4 paper"));
    assert_eq!(std::fs::read(&out).unwrap(), pdf(&ReportOptions::default()));
    let bad = [
        "sis",
        "report",
        bundle.to_str().unwrap(),
        "--out",
        "x.pdf",
        "--sections",
        "covers",
    ];
    let cli = <sis::cli::Cli as clap::Parser>::try_parse_from(bad).unwrap();
    let err = sis::cli::execute(cli.command.unwrap(), &mut Vec::<u8>::new()).unwrap_err();
    assert_eq!(err.code, 2);
    assert!(
        err.message.contains("not a report section"),
        "{}",
        err.message
    );
}

/// Runs a checker when it is installed (CI installs qpdf and poppler-utils).
fn tool(name: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

#[test]
fn qpdf_finds_no_structural_error() {
    let Some(qpdf) = tool("qpdf") else {
        eprintln!("qpdf is not installed; skipping the structure check");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, pdf(&ReportOptions::default())).unwrap();
    let output = std::process::Command::new(qpdf)
        .arg("--check")
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "qpdf --check failed:\n{text}");
    assert!(
        text.contains("No syntax or stream encoding errors"),
        "{text}"
    );
}

#[test]
fn pdftotext_shows_the_words() {
    let Some(pdftotext) = tool("pdftotext") else {
        eprintln!("pdftotext is not installed; skipping");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, pdf(&ReportOptions::default())).unwrap();
    let output = std::process::Command::new(pdftotext)
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    let text = folded(&String::from_utf8(output.stdout).unwrap());
    for word in NAMES.iter().copied().chain([
        "Executive summary",
        "Key decisions",
        "marketing_campaign.csv",
    ]) {
        assert!(text.contains(word), "{word}");
    }
}
