//! What the Export tab remembers between frames: the folder and file names, the paper, the
//! sections and scenarios of the report, the customers' format and the SQL's table, with
//! defaults from the analysis and the locale, and the export requests they make.

use crate::export::CustomerFormat;
use crate::gui::export_jobs::ExportRequest;
use crate::report::{Paper, ReportOptions, ScenarioChoice, Section};
use crate::simulate::ScenarioLedger;
use std::path::{Path, PathBuf};

/// The Export tab's choices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExportSettings {
    /// The run the defaults were made for: a new analysis gets new file names.
    pub(crate) run_id: String,
    pub(crate) folder: String,
    pub(crate) report_name: String,
    pub(crate) paper: Paper,
    pub(crate) sections: Vec<Section>,
    /// Saved scenarios the user left out of the report (the rest are printed).
    pub(crate) left_out: Vec<String>,
    pub(crate) customers_name: String,
    pub(crate) customers_format: CustomerFormat,
    pub(crate) manifest_name: String,
    pub(crate) sql_name: String,
    pub(crate) sql_table: String,
}

/// The paper the locale asks for (Letter in the US and Canada, else A4).
pub(crate) fn locale_paper() -> Paper {
    let lc_paper = std::env::var("LC_PAPER").ok();
    let lang = std::env::var("LANG").ok();
    Paper::from_locale(lc_paper.as_deref(), lang.as_deref())
}

impl ExportSettings {
    /// Defaults for an analysis of `data_file`: files named after the data, in `folder`.
    pub(crate) fn new(run_id: &str, data_file: &str, folder: &Path, paper: Paper) -> Self {
        let stem = Path::new(data_file)
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "analysis".into());
        ExportSettings {
            run_id: run_id.into(),
            folder: folder.display().to_string(),
            report_name: format!("{stem}_report.pdf"),
            paper,
            sections: Section::ALL.to_vec(),
            left_out: Vec::new(),
            customers_name: format!("{stem}_customers"),
            customers_format: CustomerFormat::Csv,
            manifest_name: format!("{stem}_manifest.json"),
            sql_name: format!("{stem}_scoring.sql"),
            sql_table: "customers".into(),
        }
    }

    /// Where a file of the folder goes.
    fn path(&self, name: &str) -> PathBuf {
        Path::new(self.folder.trim()).join(name.trim())
    }

    /// The report's file, `.pdf` added when missing.
    pub(crate) fn report_path(&self) -> PathBuf {
        let path = self.path(&self.report_name);
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            path
        } else {
            let mut name = path.into_os_string();
            name.push(".pdf");
            PathBuf::from(name)
        }
    }

    /// The scored customers' file, with the chosen format's extension.
    pub(crate) fn customers_path(&self) -> PathBuf {
        let name = self.customers_name.trim();
        let stem = Path::new(name)
            .file_stem()
            .map_or_else(|| name.to_string(), |s| s.to_string_lossy().to_string());
        self.path(&format!("{stem}.{}", self.customers_format.extension()))
    }

    pub(crate) fn include(&mut self, section: Section, on: bool) {
        self.sections.retain(|s| *s != section);
        if on {
            self.sections.push(section);
            self.sections.sort();
        }
    }

    pub(crate) fn include_scenario(&mut self, name: &str, on: bool) {
        self.left_out.retain(|n| n != name);
        if !on {
            self.left_out.push(name.into());
        }
    }

    /// The scenarios to print: every saved one but those left out.
    pub(crate) fn scenario_choice(&self, ledger: &ScenarioLedger) -> ScenarioChoice {
        if self.left_out.is_empty() {
            return ScenarioChoice::All;
        }
        let names: Vec<String> = ledger
            .scenarios
            .iter()
            .map(|s| s.name.clone())
            .filter(|n| !self.left_out.contains(n))
            .collect();
        if names.is_empty() {
            ScenarioChoice::None
        } else {
            ScenarioChoice::Named(names)
        }
    }

    pub(crate) fn pdf_request(&self, ledger: &ScenarioLedger) -> ExportRequest {
        ExportRequest::Pdf {
            path: self.report_path(),
            options: ReportOptions {
                paper: self.paper,
                sections: self.sections.clone(),
                scenarios: self.scenario_choice(ledger),
            },
        }
    }

    pub(crate) fn customers_request(&self) -> ExportRequest {
        ExportRequest::Customers {
            path: self.customers_path(),
        }
    }

    pub(crate) fn manifest_request(&self) -> ExportRequest {
        ExportRequest::Manifest {
            path: self.path(&self.manifest_name),
        }
    }

    pub(crate) fn sql_request(&self) -> ExportRequest {
        ExportRequest::Sql {
            path: self.path(&self.sql_name),
            table: self.sql_table.trim().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate::Scenario;

    #[test]
    fn names_follow_the_data_and_requests_follow_the_choices() {
        let mut s = ExportSettings::new("run1", "shop.csv", Path::new("/tmp/out"), Paper::A4);
        assert_eq!(s.report_path(), Path::new("/tmp/out/shop_report.pdf"));
        s.report_name = "board".into();
        assert_eq!(s.report_path(), Path::new("/tmp/out/board.pdf"));
        s.customers_format = CustomerFormat::Parquet;
        assert_eq!(
            s.customers_path(),
            Path::new("/tmp/out/shop_customers.parquet")
        );
        s.include(Section::Appendix, false);
        s.include(Section::Cover, true);
        assert_eq!(s.sections.len(), 5);
        let mut ledger = ScenarioLedger::default();
        ledger.save(Scenario::named("A")).unwrap();
        ledger.save(Scenario::named("B")).unwrap();
        assert_eq!(s.scenario_choice(&ledger), ScenarioChoice::All);
        s.include_scenario("A", false);
        assert_eq!(
            s.scenario_choice(&ledger),
            ScenarioChoice::Named(vec!["B".into()])
        );
        s.include_scenario("B", false);
        assert_eq!(s.scenario_choice(&ledger), ScenarioChoice::None);
        let ExportRequest::Pdf { options, .. } = s.pdf_request(&ledger) else {
            panic!("a PDF request")
        };
        assert!(!options.includes(Section::Appendix));
    }
}
