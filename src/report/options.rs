//! What the user chooses about a report: the paper size (default from the locale) and the
//! sections to include.

use thiserror::Error;

/// Paper size, portrait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PDF points (1/72 inch).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// The default for a locale: Letter for the US and Canada (`en_US`, `en_CA`, also
    /// `es_US`, `fr_CA`), else A4. `lc_paper` wins over `lang` (the values of the
    /// `LC_PAPER` and `LANG` variables; the caller reads the environment).
    pub fn from_locale(lc_paper: Option<&str>, lang: Option<&str>) -> Paper {
        let locale = [lc_paper, lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|l| !l.is_empty() && *l != "C" && *l != "POSIX");
        let region = locale
            .and_then(|l| l.split(['.', '@']).next())
            .and_then(|l| l.split(['_', '-']).nth(1))
            .unwrap_or("");
        match region.to_ascii_uppercase().as_str() {
            "US" | "CA" => Paper::Letter,
            _ => Paper::A4,
        }
    }

    pub fn parse(text: &str) -> Result<Paper, OptionsError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" => Ok(Paper::Letter),
            _ => Err(OptionsError::Paper(text.into())),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

/// A part of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Cover,
    Summary,
    Segments,
    Personas,
    Simulation,
    Appendix,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Cover,
        Section::Summary,
        Section::Segments,
        Section::Personas,
        Section::Simulation,
        Section::Appendix,
    ];

    /// The key used on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Section::Cover => "cover",
            Section::Summary => "summary",
            Section::Segments => "segments",
            Section::Personas => "personas",
            Section::Simulation => "simulation",
            Section::Appendix => "appendix",
        }
    }

    /// The title printed and bookmarked.
    pub fn title(self) -> &'static str {
        match self {
            Section::Cover => "Cover",
            Section::Summary => "Executive summary",
            Section::Segments => "Segments",
            Section::Personas => "Personas",
            Section::Simulation => "Simulation",
            Section::Appendix => "Appendix",
        }
    }

    pub fn parse(text: &str) -> Result<Section, OptionsError> {
        let key = text.trim().to_ascii_lowercase();
        Section::ALL
            .into_iter()
            .find(|s| s.key() == key || (key == "executive" && *s == Section::Summary))
            .ok_or_else(|| OptionsError::Section(text.into()))
    }

    /// Sections from a comma-separated list, in report order, each once.
    pub fn parse_list(text: &str) -> Result<Vec<Section>, OptionsError> {
        let mut sections = text
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(Section::parse)
            .collect::<Result<Vec<_>, _>>()?;
        sections.sort();
        sections.dedup();
        if sections.is_empty() {
            return Err(OptionsError::Section(text.into()));
        }
        Ok(sections)
    }
}

/// A report option that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OptionsError {
    #[error("\"{0}\" is not a paper size; use a4 or letter")]
    Paper(String),
    #[error(
        "\"{0}\" is not a report section; use a comma-separated list of cover, summary, segments, personas, simulation, appendix"
    )]
    Section(String),
    #[error("no scenario names in \"{0}\"; use all, none or a comma-separated list of names")]
    Scenarios(String),
}

/// Which saved scenarios the simulation pages show (the baseline is always their reference).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ScenarioChoice {
    /// Every saved scenario, in the ledger's order.
    #[default]
    All,
    /// None: no simulation pages.
    None,
    /// These, in this order (each name must be saved).
    Named(Vec<String>),
}

impl ScenarioChoice {
    /// `all`, `none` or a comma-separated list of names (as the command line takes them).
    pub fn parse(text: &str) -> Result<ScenarioChoice, OptionsError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "all" => return Ok(ScenarioChoice::All),
            "none" => return Ok(ScenarioChoice::None),
            _ => {}
        }
        let mut names: Vec<String> = Vec::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        if names.is_empty() {
            return Err(OptionsError::Scenarios(text.into()));
        }
        Ok(ScenarioChoice::Named(names))
    }
}

/// Everything that shapes one PDF besides the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    pub paper: Paper,
    /// In report order.
    pub sections: Vec<Section>,
    /// The saved scenarios to print on the simulation pages.
    pub scenarios: ScenarioChoice,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            paper: Paper::A4,
            sections: Section::ALL.to_vec(),
            scenarios: ScenarioChoice::All,
        }
    }
}

impl ReportOptions {
    pub fn includes(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_follows_the_locale() {
        assert_eq!(Paper::from_locale(None, Some("en_US.UTF-8")), Paper::Letter);
        assert_eq!(Paper::from_locale(None, Some("fr_CA.UTF-8")), Paper::Letter);
        assert_eq!(Paper::from_locale(None, Some("en_GB.UTF-8")), Paper::A4);
        assert_eq!(
            Paper::from_locale(Some("de_DE.UTF-8"), Some("en_US.UTF-8")),
            Paper::A4
        );
        assert_eq!(Paper::from_locale(Some(""), Some("en_CA")), Paper::Letter);
        assert_eq!(Paper::from_locale(None, Some("C.UTF-8")), Paper::A4);
        assert_eq!(Paper::from_locale(None, None), Paper::A4);
    }

    #[test]
    fn options_parse_with_helpful_errors() {
        assert_eq!(Paper::parse("Letter"), Ok(Paper::Letter));
        assert!(
            Paper::parse("a5")
                .unwrap_err()
                .to_string()
                .contains("a4 or letter")
        );
        assert_eq!(
            Section::parse_list("personas, cover,personas").unwrap(),
            vec![Section::Cover, Section::Personas]
        );
        assert!(Section::parse_list("covers").is_err());
        assert!(Section::parse_list("").is_err());
        assert_eq!(ScenarioChoice::parse(" ALL "), Ok(ScenarioChoice::All));
        assert_eq!(ScenarioChoice::parse("none"), Ok(ScenarioChoice::None));
        assert_eq!(
            ScenarioChoice::parse("Push web, Win back,Push web"),
            Ok(ScenarioChoice::Named(vec![
                "Push web".into(),
                "Win back".into()
            ]))
        );
        assert!(ScenarioChoice::parse(" , ").is_err());
    }
}
