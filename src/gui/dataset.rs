//! A loaded dataset as the mapping screen needs it: the table, the detected roles and a few
//! per-column counts, computed once on the worker when the file is loaded; and where the
//! bundled demo dataset is.

use crate::format::plain;
use crate::ingest::{IngestError, LoadOptions, load_table};
use crate::roles::{DetectedColumn, Role, detect_mapping};
use crate::table::{ColumnData, RawTable, format_day};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file name of the bundled demo dataset.
pub(crate) const DEMO_FILE: &str = "marketing_campaign.csv";

/// Where the demo dataset is: `data/marketing_campaign.csv` in the working directory, or
/// next to the crate's manifest.
pub fn demo_path() -> PathBuf {
    let local = Path::new("data").join(DEMO_FILE);
    if local.is_file() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(DEMO_FILE)
}

/// Whether `path` is the bundled demo dataset.
pub(crate) fn is_demo(path: &Path) -> bool {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    canonical(path) == canonical(&demo_path())
}

/// Why `path` cannot be opened at all, before any work starts: there is no such file, or it
/// is a folder. The message names the path as given and says what to do in the window.
pub(crate) fn unopenable(path: &Path) -> Option<String> {
    if path.is_dir() {
        return Some(format!(
            "{}: this is a folder, not a file; choose a data file (CSV, Parquet, XLSX) or a .sis session in it with Open dataset….",
            path.display()
        ));
    }
    matches!(path.try_exists(), Ok(false)).then(|| {
        format!(
            "{}, then open it with Open dataset… (or drop it on the window).",
            no_such_file(path)
        )
    })
}

/// A missing file, in words, with what to check ([`unopenable`] and the start-up message).
pub(crate) fn no_such_file(path: &Path) -> String {
    format!(
        "{}: there is no such file; check the folder and the spelling of the file name",
        path.display()
    )
}

/// Load the bundled demo dataset with the product's loader.
pub fn load_demo() -> Result<RawTable, IngestError> {
    load_table(&demo_path(), &LoadOptions::default())
}

/// A dataset ready to be mapped and segmented.
#[derive(Debug, Clone)]
pub(crate) struct Dataset {
    /// Where it came from (`None` for tables made in memory).
    pub(crate) path: Option<PathBuf>,
    pub(crate) table: Arc<RawTable>,
    pub(crate) detected: Vec<DetectedColumn>,
    /// Missing values per column.
    pub(crate) missing: Vec<usize>,
}

impl Dataset {
    /// Detect roles and count missing values.
    pub(crate) fn new(path: Option<PathBuf>, table: RawTable) -> Dataset {
        Self::shared(path, Arc::new(table))
    }

    /// [`Dataset::new`] on a table already shared (a session's).
    pub(crate) fn shared(path: Option<PathBuf>, table: Arc<RawTable>) -> Dataset {
        let (_, detected) = detect_mapping(&table);
        let missing = table
            .columns
            .iter()
            .map(|c| (0..c.data.len()).filter(|&i| c.data.is_missing(i)).count())
            .collect();
        Dataset {
            path,
            table,
            detected,
            missing,
        }
    }

    /// The detected mapping.
    pub(crate) fn detected_mapping(&self) -> crate::roles::ColumnMapping {
        crate::roles::ColumnMapping::new(
            self.detected
                .iter()
                .map(|d| (d.name.clone(), d.role.clone()))
                .collect(),
        )
    }

    /// One cell as text (`None` when missing).
    pub(crate) fn cell(&self, column: usize, row: usize) -> Option<String> {
        let data = &self.table.columns.get(column)?.data;
        if row >= data.len() || data.is_missing(row) {
            return None;
        }
        Some(match data {
            ColumnData::Numeric(v) => plain(v[row]),
            ColumnData::Text { .. } => data.text(row).unwrap_or_default().to_string(),
            ColumnData::Date { days, .. } => format_day(days[row]),
        })
    }
}

/// A role in words for people: "Spend: Wines", "Purchases (web)", "Customer id".
pub(crate) fn role_text(role: &Role) -> String {
    match role {
        Role::CustomerId => "Customer id".into(),
        Role::BirthYear => "Birth year".into(),
        Role::Age => "Age".into(),
        Role::Income => "Income".into(),
        Role::Children => "Children at home".into(),
        Role::JoinDate => "Join date".into(),
        Role::Recency => "Days since last purchase".into(),
        Role::Spend(category) => format!("Spend: {category}"),
        Role::Purchases(channel) => format!("Purchases ({})", channel.label().to_lowercase()),
        Role::DealPurchases => "Deal purchases".into(),
        Role::Campaign => "Campaign accepted".into(),
        Role::WebVisits => "Web visits".into(),
        Role::Complaints => "Complaints".into(),
        Role::Categorical => "Category (profiling)".into(),
        Role::Measure => "Measure".into(),
        Role::Flag => "Flag (0/1)".into(),
        Role::Ignore => "Ignore".into(),
        Role::OrderId => "Order id".into(),
        Role::Timestamp => "Order date".into(),
        Role::Quantity => "Quantity".into(),
        Role::UnitPrice => "Unit price".into(),
        Role::LineAmount => "Line amount".into(),
        Role::Product => "Product".into(),
        Role::ProductCategory => "Product category".into(),
        Role::SalesChannel => "Channel or store".into(),
        Role::Country => "Country".into(),
        Role::DiscountFlag => "Discounted line (0/1)".into(),
        Role::ClvModel => "Model CLV output".into(),
    }
}

/// The spend category a column suggests: `MntWines` → `Wines`.
pub(crate) fn spend_category(column: &str) -> String {
    let trimmed = ["Mnt", "Spend_", "Spend", "Amount_", "Amt"]
        .iter()
        .find_map(|p| column.strip_prefix(p))
        .unwrap_or(column)
        .trim_matches(['_', ' ']);
    let trimmed = trimmed
        .strip_suffix("Products")
        .or_else(|| trimmed.strip_suffix("Prods"))
        .unwrap_or(trimmed)
        .trim_matches(['_', ' ']);
    if trimmed.is_empty() {
        column.to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_loads_with_the_product_loader() {
        let table = load_demo().expect("the bundled demo dataset loads");
        assert_eq!(table.n_rows(), 2240);
        assert_eq!(table.columns.len(), 29);
        assert!(matches!(
            table.column("Dt_Customer").map(|c| &c.data),
            Some(ColumnData::Date { .. })
        ));
        assert!(is_demo(&demo_path()));
    }

    #[test]
    fn a_missing_file_or_a_folder_is_named_with_what_to_do() {
        let missing = unopenable(Path::new("/no/such.csv")).unwrap();
        assert!(
            missing.starts_with("/no/such.csv: there is no such file;"),
            "{missing}"
        );
        assert!(missing.contains("Open dataset…"), "{missing}");
        let folder = std::env::temp_dir();
        let folder = unopenable(&folder).unwrap();
        assert!(folder.contains("this is a folder, not a file"), "{folder}");
        assert_eq!(unopenable(&demo_path()), None);
    }

    #[test]
    fn spend_categories_from_names() {
        assert_eq!(spend_category("MntWines"), "Wines");
        assert_eq!(spend_category("MntMeatProducts"), "Meat");
        assert_eq!(spend_category("MntGoldProds"), "Gold");
        assert_eq!(spend_category("Mnt"), "Mnt");
        assert_eq!(role_text(&Role::Spend("Wines".into())), "Spend: Wines");
    }
}
