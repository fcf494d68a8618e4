//! Format 2, frozen: the bundle layout sis wrote before feature treatments, the k rule for
//! decisions and switching k, read and upgraded to the current [`Session`](super::Session).
//!
//! Format 3 changed four types under the analysis: the run settings ([`RunConfigV2`] had no
//! log or decision range), the fitted preparation ([`PreparationV2`] had no treatments), the
//! segmentation ([`SegmentationV2`] kept only the chosen k) and the scaler comparison
//! ([`ScalerReportV2`] had no dominance figures). The manifest holds the run settings, so it
//! changed too ([`ManifestV2`]). Everything else is the live type. These types must never
//! change.
//!
//! Format 3 also saves the simulation's [`ScenarioLedger`] (a baseline and named scenarios with
//! their lever settings and assumptions) where format 2 saved a stand-in, `Vec<ScenarioV2>` of
//! names and `(lever name, value)` pairs. The upgrade keeps every scenario under its name, with
//! default assumptions. A stand-in pair becomes a lever setting only when its name is a lever's
//! key or its main setting's name (`discount` or `depth`, `campaign` or `reach`, …) and its
//! value is in that setting's range; other pairs never meant a lever of the engine and are left
//! out rather than guessed at.
//!
//! The upgrade is honest about what a format-2 run did: nothing was log-transformed or held
//! out (`log` is `Off`, no treatments), the only k one can switch to is the one it kept, and
//! figures it never computed (per-segment stability, the one-feature-split check, the
//! dominance shares) are absent: re-run to get them.

use super::check::check;
use super::codec;
use super::contents::Session;
use super::error::SessionError;
use super::header;
use super::manifest::{Manifest, SegmentEntry};
use super::state::SessionUiState;
use crate::config::{DECISION_K_RANGE, KChoice, LogChoice, RunConfig, ScalerChoice};
use crate::features::{CategoryColumn, FamilyStatus, FeatureTable};
use crate::insights::Insights;
use crate::personas::Persona;
use crate::pipeline::Analysis;
use crate::roles::ColumnMapping;
use crate::segment::{
    FittedScaler, KReport, ScalerKind, ScalerReport, SegmentOption, Segmentation, SegmentationInput,
};
use crate::simulate::{LeverKind, Scenario, ScenarioLedger};
use crate::table::RawTable;
use crate::validate::{OutlierCap, Preparation, QualityReport};
use serde::{Deserialize, Serialize};

/// The format these types describe.
pub(super) const VERSION: u32 = 2;

/// A format-2 payload, field by field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct SessionV2 {
    pub table: RawTable,
    pub analysis: AnalysisV2,
    pub scenarios: Vec<ScenarioV2>,
    pub ui: SessionUiState,
}

/// A format-2 scenario: the stand-in of lever names and values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ScenarioV2 {
    pub name: String,
    pub levers: Vec<(String, f64)>,
}

/// The lever a stand-in name meant: a lever's key or its main setting's name.
fn lever_named(name: &str) -> Option<LeverKind> {
    LeverKind::ALL
        .into_iter()
        .find(|l| l.key() == name || l.setting_label() == name)
}

/// A format-2 scenario as a scenario of the engine (see the module's notes).
pub(super) fn upgrade_scenario(old: ScenarioV2) -> Scenario {
    let mut scenario = Scenario::named(&old.name);
    for (name, value) in old.levers {
        let Some(lever) = lever_named(&name) else {
            continue;
        };
        let (lo, hi) = lever.setting_range();
        if value.is_finite() && (lo..=hi).contains(&value) {
            scenario.levers.set_setting(lever, value);
        }
    }
    scenario
}

/// A format-2 analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct AnalysisV2 {
    pub run_id: String,
    pub data_hash: String,
    pub file_name: String,
    pub mapping: ColumnMapping,
    pub config: RunConfigV2,
    pub quality: QualityReport,
    pub families: Vec<FamilyStatus>,
    pub customer_ids: Vec<String>,
    pub features: FeatureTable,
    pub categories: Vec<CategoryColumn>,
    pub input: SegmentationInput,
    pub segmentation: SegmentationV2,
    pub preparation: PreparationV2,
    pub insights: Insights,
    pub personas: Vec<Persona>,
}

/// Format-2 run settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct RunConfigV2 {
    pub k: KChoice,
    pub k_min: usize,
    pub k_max: usize,
    pub seeds: usize,
    pub seed: u64,
    pub scaler: ScalerChoice,
    pub min_segment_share: f64,
    pub max_iter: usize,
    pub tolerance: f64,
    pub include_features: Vec<String>,
    pub exclude_features: Vec<String>,
    pub one_hot: bool,
    pub drop_duplicates: bool,
    pub iqr_factor: f64,
    pub silhouette_sample: usize,
    pub reference_year: Option<i32>,
}

/// The format-2 fitted cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct PreparationV2 {
    pub dropped_columns: Vec<String>,
    pub number_fills: Vec<(String, f64)>,
    pub date_fills: Vec<(String, i32)>,
    pub age_fills: Vec<(String, f64)>,
    pub caps: Vec<OutlierCap>,
}

/// A format-2 scaler comparison row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ScalerReportV2 {
    pub scaler: ScalerKind,
    pub k: usize,
    pub silhouette: f64,
    pub negative_pct: f64,
    pub score: f64,
    pub chosen: bool,
}

/// The format-2 segmentation: the chosen k only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct SegmentationV2 {
    pub feature_names: Vec<String>,
    pub scaler: FittedScaler,
    pub scaler_comparison: Vec<ScalerReportV2>,
    pub sweep: Vec<KReport>,
    pub k: usize,
    pub k_reason: String,
    pub centroids: Vec<f64>,
    pub labels: Vec<u32>,
    pub sizes: Vec<usize>,
    pub order_by: String,
}

/// The format-2 manifest (its run settings are format 2's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ManifestV2 {
    pub run_id: String,
    pub data_hash: String,
    pub file_name: String,
    pub rows: usize,
    pub columns: usize,
    pub customers: usize,
    pub config: RunConfigV2,
    pub k: usize,
    pub segments: Vec<SegmentEntry>,
    pub personas: Vec<String>,
    pub scenarios: Vec<String>,
}

impl ManifestV2 {
    /// The format-2 manifest of a session read from format 2 (or 1), upgraded.
    pub(super) fn of(upgraded: &Session, config: &RunConfigV2) -> ManifestV2 {
        let m = Manifest::of(upgraded);
        ManifestV2 {
            run_id: m.run_id,
            data_hash: m.data_hash,
            file_name: m.file_name,
            rows: m.rows,
            columns: m.columns,
            customers: m.customers,
            config: config.clone(),
            k: m.k,
            segments: m.segments,
            personas: m.personas,
            scenarios: m.scenarios,
        }
    }
}

impl RunConfigV2 {
    /// A format-2 run transformed nothing: `log` is off; the decision range is the default.
    pub(super) fn upgrade(self) -> RunConfig {
        RunConfig {
            k: self.k,
            k_min: self.k_min,
            k_max: self.k_max,
            seeds: self.seeds,
            seed: self.seed,
            scaler: self.scaler,
            min_segment_share: self.min_segment_share,
            max_iter: self.max_iter,
            tolerance: self.tolerance,
            include_features: self.include_features,
            exclude_features: self.exclude_features,
            one_hot: self.one_hot,
            drop_duplicates: self.drop_duplicates,
            iqr_factor: self.iqr_factor,
            silhouette_sample: self.silhouette_sample,
            reference_year: self.reference_year,
            log: LogChoice::Off,
            log_features: Vec::new(),
            no_log_features: Vec::new(),
            decision_k: DECISION_K_RANGE,
        }
    }
}

impl PreparationV2 {
    fn upgrade(self) -> Preparation {
        Preparation {
            dropped_columns: self.dropped_columns,
            number_fills: self.number_fills,
            date_fills: self.date_fills,
            age_fills: self.age_fills,
            caps: self.caps,
            treatments: Vec::new(),
        }
    }
}

impl ScalerReportV2 {
    /// The dominance figures were not computed: no feature, share 0, not dominated.
    fn upgrade(self) -> ScalerReport {
        ScalerReport {
            scaler: self.scaler,
            k: self.k,
            silhouette: self.silhouette,
            negative_pct: self.negative_pct,
            score: self.score,
            chosen: self.chosen,
            dominant_feature: String::new(),
            dominant_share: 0.0,
            dominated: false,
        }
    }
}

impl SegmentationV2 {
    /// The chosen k is the only one to switch to; stability per segment and the split check
    /// are not available.
    fn upgrade(self) -> Segmentation {
        let option = SegmentOption {
            k: self.k,
            centroids: self.centroids.clone(),
            labels: self.labels.clone(),
            sizes: self.sizes.clone(),
            segment_stability: Vec::new(),
            split: None,
        };
        Segmentation {
            feature_names: self.feature_names,
            scaler: self.scaler,
            scaler_comparison: self
                .scaler_comparison
                .into_iter()
                .map(ScalerReportV2::upgrade)
                .collect(),
            sweep: self.sweep,
            k: self.k,
            k_reason: self.k_reason.clone(),
            rule_k: self.k,
            rule_reason: self.k_reason,
            centroids: self.centroids,
            labels: self.labels,
            sizes: self.sizes,
            order_by: self.order_by,
            segment_stability: Vec::new(),
            split: None,
            options: vec![option],
        }
    }
}

impl AnalysisV2 {
    pub(super) fn upgrade(self) -> Analysis {
        Analysis {
            run_id: self.run_id,
            data_hash: self.data_hash,
            file_name: self.file_name,
            mapping: self.mapping,
            config: self.config.upgrade(),
            quality: self.quality,
            families: self.families,
            customer_ids: self.customer_ids,
            features: self.features,
            categories: self.categories,
            input: self.input,
            segmentation: self.segmentation.upgrade(),
            preparation: self.preparation.upgrade(),
            insights: self.insights,
            personas: self.personas,
        }
    }
}

impl SessionV2 {
    /// The same session in the current format.
    pub(super) fn upgrade(self) -> Session {
        Session {
            table: self.table,
            analysis: self.analysis.upgrade(),
            scenarios: ScenarioLedger {
                scenarios: self.scenarios.into_iter().map(upgrade_scenario).collect(),
                ..ScenarioLedger::default()
            },
            ui: self.ui,
        }
    }
}

/// The manifest and payload of a whole bundle of `version`, their checksums verified.
pub(super) fn sections<'a>(
    bundle: &'a [u8],
    file: &str,
    version: u32,
) -> Result<(&'a [u8], &'a [u8]), SessionError> {
    let (header, start) = header::parse_format(bundle, bundle.len() as u64, file, version)?;
    // The header's lengths add up to the file's length, so these slices are in range.
    let (manifest, payload) = bundle[start..].split_at(header.manifest_len as usize);
    let damaged = |section| SessionError::Checksum {
        file: file.into(),
        section,
    };
    if !header.manifest_matches(manifest) {
        return Err(damaged("manifest"));
    }
    if !header.payload_matches(payload) {
        return Err(damaged("payload"));
    }
    Ok((manifest, payload))
}

/// Read a whole format-2 bundle as its format-2 payload (header and checksums verified).
pub(super) fn read_v2(bundle: &[u8], file: &str) -> Result<SessionV2, SessionError> {
    let (_, payload) = sections(bundle, file, VERSION)?;
    codec::decode(payload).map_err(|e| SessionError::Decode {
        file: file.into(),
        section: "payload",
        detail: e.to_string(),
    })
}

/// Check an upgraded session as a current one is checked, and that the stored format-2
/// manifest describes it (`config` is the format-2 run settings it was upgraded from).
pub(super) fn verify_upgraded(
    session: &Session,
    config: &RunConfigV2,
    stored_manifest: &[u8],
    file: &str,
) -> Result<(), SessionError> {
    let inconsistent = |detail| SessionError::Inconsistent {
        file: file.into(),
        detail,
    };
    check(session).map_err(inconsistent)?;
    let expected =
        codec::encode(&ManifestV2::of(session, config)).map_err(|e| SessionError::Encode {
            file: file.into(),
            detail: e.to_string(),
        })?;
    if expected != stored_manifest {
        return Err(inconsistent(
            "its manifest does not describe its contents".into(),
        ));
    }
    Ok(())
}

/// Read a format-2 bundle and upgrade it to the current [`Session`], verified as a current
/// one is: header, both checksums, the contents, and the manifest against them.
pub(super) fn read(bundle: &[u8], file: &str) -> Result<Session, SessionError> {
    let (stored_manifest, _) = sections(bundle, file, VERSION)?;
    let v2 = read_v2(bundle, file)?;
    let config = v2.analysis.config.clone();
    let session = v2.upgrade();
    verify_upgraded(&session, &config, stored_manifest, file)?;
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_in_levers_become_settings_only_where_they_name_a_lever() {
        let old = ScenarioV2 {
            name: "Win back lapsed".into(),
            levers: vec![
                ("discount".into(), 0.1),
                ("reach".into(), 0.25),
                ("price".into(), 1.05),
                ("retention".into(), 7.0),
            ],
        };
        let s = upgrade_scenario(old);
        assert_eq!(s.name, "Win back lapsed");
        assert_eq!(s.levers.setting(LeverKind::DiscountDepth), Some(0.1));
        assert_eq!(s.levers.setting(LeverKind::Campaign), Some(0.25));
        assert!(!s.levers.is_on(LeverKind::Retention), "7 is out of range");
        assert!(!s.levers.is_on(LeverKind::BudgetShift));
        assert_eq!(s.assumptions, crate::simulate::Assumptions::default());
    }

    #[test]
    fn the_frozen_types_read_the_format_2_fixture_byte_for_byte() {
        let bundle = include_bytes!("../../tests/fixtures/session_v2.sis");
        let (manifest, payload) = sections(bundle, "session_v2.sis", VERSION).unwrap();
        let v2 = read_v2(bundle, "session_v2.sis").unwrap();
        assert_eq!(
            codec::encode(&v2).unwrap(),
            payload,
            "the format-2 types describe every byte of a format-2 payload"
        );
        let k = v2.analysis.segmentation.k;
        let session = read(bundle, "session_v2.sis").unwrap();
        let seg = &session.analysis.segmentation;
        assert_eq!((seg.k, seg.rule_k), (k, k));
        assert_eq!(seg.switchable(), vec![k]);
        assert!(seg.split.is_none() && seg.segment_stability.is_empty());
        assert_eq!(session.analysis.config.log, LogChoice::Off);
        assert!(session.analysis.preparation.treatments.is_empty());
        let stored: ManifestV2 = codec::decode(manifest).unwrap();
        assert_eq!(stored.k, k);
    }
}
