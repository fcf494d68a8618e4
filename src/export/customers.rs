//! The scored customers of an analysis: id, segment number (from 1, as shown to people),
//! persona name (the user's rename if any) and the segmentation features, and the file
//! formats they export to (written by `tables`).

use super::ExportError;
use crate::model::SavedSegmentation;
use crate::pipeline::Analysis;
use std::path::{Path, PathBuf};

/// The file formats of the scored-customers export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerFormat {
    Csv,
    Parquet,
    Xlsx,
}

impl CustomerFormat {
    pub const ALL: [CustomerFormat; 3] = [
        CustomerFormat::Csv,
        CustomerFormat::Parquet,
        CustomerFormat::Xlsx,
    ];

    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &Path) -> Result<CustomerFormat, ExportError> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "csv" => Ok(CustomerFormat::Csv),
            "parquet" | "pq" => Ok(CustomerFormat::Parquet),
            "xlsx" => Ok(CustomerFormat::Xlsx),
            _ => Err(ExportError::UnknownFormat {
                path: PathBuf::from(path),
                extension,
            }),
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            CustomerFormat::Csv => "csv",
            CustomerFormat::Parquet => "parquet",
            CustomerFormat::Xlsx => "xlsx",
        }
    }
}

/// Every segmented customer with their segment, persona and feature values.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredCustomers {
    pub ids: Vec<String>,
    /// 1-based segment numbers, as shown to people.
    pub segments: Vec<u32>,
    /// Per segment (index = number − 1): the persona's display name.
    pub persona_names: Vec<String>,
    /// The segmentation features (name, one value per customer), as computed before capping.
    pub features: Vec<(String, Vec<f64>)>,
}

/// The first columns of every scored-customers export.
pub(super) const CUSTOMER_COLUMNS: [&str; 3] = ["customer_id", "segment", "persona"];

impl ScoredCustomers {
    /// The scored customers of an analysis (the user's persona names included).
    pub fn of(analysis: &Analysis) -> ScoredCustomers {
        let model = SavedSegmentation::from_analysis(analysis);
        let seg = &analysis.segmentation;
        ScoredCustomers {
            ids: analysis.customer_ids.clone(),
            segments: seg.labels.iter().map(|&l| l + 1).collect(),
            persona_names: (0..seg.k)
                .map(|s| crate::personas::segment_name(&model.personas, s))
                .collect(),
            features: seg
                .feature_names
                .iter()
                .filter_map(|name| {
                    let values = analysis.features.get(name)?;
                    Some((name.clone(), values.to_vec()))
                })
                .collect(),
        }
    }

    /// Number of customers.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The persona name of customer `i` ("" when out of range).
    pub fn persona_of(&self, i: usize) -> &str {
        self.segments
            .get(i)
            .and_then(|&s| self.persona_names.get((s as usize).wrapping_sub(1)))
            .map_or("", String::as_str)
    }

    /// The header: the customer columns, then the feature names.
    pub fn header(&self) -> Vec<&str> {
        CUSTOMER_COLUMNS
            .iter()
            .copied()
            .chain(self.features.iter().map(|(n, _)| n.as_str()))
            .collect()
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::export) fn sample() -> ScoredCustomers {
        ScoredCustomers {
            ids: vec!["7".into(), "8".into()],
            segments: vec![2, 1],
            persona_names: vec!["Clientes Fiéis".into(), "Deal, Seekers".into()],
            features: vec![("Income".into(), vec![1.5, 20_000.0])],
        }
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(
            CustomerFormat::from_path(Path::new("a/B.CSV")).unwrap(),
            CustomerFormat::Csv
        );
        assert_eq!(
            CustomerFormat::from_path(Path::new("b.parquet")).unwrap(),
            CustomerFormat::Parquet
        );
        let err = CustomerFormat::from_path(Path::new("c.txt")).unwrap_err();
        assert!(err.to_string().contains(".csv, .parquet or .xlsx"), "{err}");
    }
}
