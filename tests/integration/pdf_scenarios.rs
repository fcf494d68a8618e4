//! The report's simulation pages: saved scenarios (a ledger built in code, as the Simulation
//! tab saves them) each get a part with their levers, results beside the baseline, band and
//! sensitivity, bookmarked and searchable; the choice of scenarios is honoured, progress is
//! reported, a cancel stops it, and the file is the same bytes every time.

use crate::common;
use crate::pdf_checks::{all_text, bookmarks, folded, on_threads, top_bookmarks};

use lopdf::Document;
use sis::pipeline::Analysis;
use sis::progress::{Progress, Stage};
use sis::report::{ReportError, ReportOptions, ScenarioChoice, Section, report_pdf};
use sis::simulate::{LeverKind, Scenario, ScenarioLedger};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, OnceLock};

const SCENARIOS: [&str; 2] = ["Campaign to S1", "Réactivation Постоянные"];

fn analysis() -> &'static Analysis {
    static ANALYSIS: OnceLock<Analysis> = OnceLock::new();
    ANALYSIS.get_or_init(|| common::analyse_with(&common::demo_table(), common::fixed_k(3)))
}

fn ledger() -> ScenarioLedger {
    let mut ledger = ScenarioLedger::default();
    let mut campaign = Scenario::named(SCENARIOS[0]);
    campaign.levers.set_setting(LeverKind::Campaign, 0.4);
    campaign.levers.campaign.as_mut().unwrap().segments = vec![1];
    ledger.save(campaign).unwrap();
    let mut retention = Scenario::named(SCENARIOS[1]);
    retention.levers.set_setting(LeverKind::Retention, 0.2);
    retention.levers.set_setting(LeverKind::DiscountDepth, 0.1);
    retention.assumptions.margin = 0.35;
    ledger.save(retention).unwrap();
    ledger
}

fn pdf(options: &ReportOptions) -> Vec<u8> {
    report_pdf(analysis(), &ledger(), options, &Progress::silent()).unwrap()
}

#[test]
fn every_saved_scenario_gets_its_pages_beside_the_baseline() {
    let with = Document::load_mem(&pdf(&ReportOptions::default())).unwrap();
    let without = ReportOptions {
        scenarios: ScenarioChoice::None,
        ..ReportOptions::default()
    };
    let without = Document::load_mem(&pdf(&without)).unwrap();
    assert!(
        with.get_pages().len() >= without.get_pages().len() + 2,
        "{} pages with scenarios, {} without",
        with.get_pages().len(),
        without.get_pages().len()
    );
    let top = top_bookmarks(&with);
    assert_eq!(
        top,
        [
            "Cover",
            "Executive summary",
            "Segments",
            "Personas",
            "Simulation",
            "Appendix"
        ]
    );
    let titles = bookmarks(&with);
    assert!(titles.iter().any(|t| t == "Scenarios against the baseline"));
    for name in SCENARIOS {
        assert!(
            titles.contains(&format!("Scenario: {name}")),
            "{name} in {titles:?}"
        );
    }
    let text = folded(&all_text(&with));
    for words in SCENARIOS.iter().copied().chain([
        "Baseline",
        "Results against the baseline",
        "P10",
        "Sensitivity",
        "Net impact by segment",
        "Recency cut per contact",
        "35% (default 30%)",
    ]) {
        assert!(text.contains(words), "{words} is missing");
    }
    let no_simulation = without.get_toc().unwrap();
    assert!(no_simulation.toc.iter().all(|t| t.title != "Simulation"));
}

#[test]
fn the_choice_of_scenarios_is_honoured_and_unknown_names_are_refused() {
    let one = ReportOptions {
        scenarios: ScenarioChoice::Named(vec![SCENARIOS[1].into()]),
        ..ReportOptions::default()
    };
    let doc = Document::load_mem(&pdf(&one)).unwrap();
    let titles = bookmarks(&doc);
    assert!(titles.contains(&format!("Scenario: {}", SCENARIOS[1])));
    assert!(!titles.contains(&format!("Scenario: {}", SCENARIOS[0])));

    let unknown = ReportOptions {
        scenarios: ScenarioChoice::Named(vec!["Nope".into()]),
        ..ReportOptions::default()
    };
    let err = report_pdf(analysis(), &ledger(), &unknown, &Progress::silent()).unwrap_err();
    assert!(matches!(err, ReportError::UnknownScenario { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("\"Nope\"") && message.contains(SCENARIOS[0]),
        "{message}"
    );

    // Without the simulation section the ledger is not even read.
    let no_section = ReportOptions {
        sections: vec![Section::Cover],
        scenarios: ScenarioChoice::Named(vec!["Nope".into()]),
        ..ReportOptions::default()
    };
    report_pdf(analysis(), &ledger(), &no_section, &Progress::silent()).unwrap();
}

#[test]
fn the_pages_are_the_same_bytes_every_time_and_on_any_thread_count() {
    let options = ReportOptions::default();
    let first = on_threads(1, || pdf(&options));
    assert_eq!(first, on_threads(2, || pdf(&options)));
    assert_eq!(first, pdf(&options));
    // SIS_REPORT_OUT=FILE.pdf keeps this report, to render its pages and look at them.
    if let Some(path) = std::env::var_os("SIS_REPORT_OUT") {
        std::fs::write(path, &first).unwrap();
    }
}

#[test]
fn building_reports_its_stages_and_stops_when_cancelled() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let progress = {
        let seen = seen.clone();
        Progress::new(
            move |stage, fraction| seen.lock().unwrap().push((stage, fraction)),
            Arc::new(AtomicBool::new(false)),
        )
    };
    report_pdf(analysis(), &ledger(), &ReportOptions::default(), &progress).unwrap();
    let seen = seen.lock().unwrap().clone();
    assert!(seen.contains(&(Stage::Simulating, 1.0)), "{seen:?}");
    assert_eq!(seen.last(), Some(&(Stage::Reporting, 1.0)));

    let cancelled = Progress::new(|_, _| {}, Arc::new(AtomicBool::new(true)));
    let err = report_pdf(analysis(), &ledger(), &ReportOptions::default(), &cancelled);
    assert!(matches!(err, Err(ReportError::Cancelled)));
}
