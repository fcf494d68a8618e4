//! The fitted feature treatment: for each candidate feature, whether it is a distance feature
//! (kept as is or `log1p`-transformed) or held out and profiled instead, with the reason and
//! the skewness it was decided on. Part of validation's `Preparation`, so scoring replays it.

use serde::{Deserialize, Serialize};

/// Why a feature is not a distance feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeldOut {
    /// Only the values 0 and 1.
    Flag,
    /// A whole-number code with this many distinct values.
    LowCardinality { levels: usize },
    /// One level of a categorical column (one-hot).
    Categorical,
}

impl HeldOut {
    pub fn describe(self) -> String {
        match self {
            HeldOut::Flag => "a 0/1 flag".into(),
            HeldOut::LowCardinality { levels } => {
                format!("a low-cardinality code ({levels} distinct values)")
            }
            HeldOut::Categorical => "a category level".into(),
        }
    }
}

/// What happens to one feature before scaling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TreatmentKind {
    /// A distance feature, as is.
    Kept,
    /// A distance feature, as `ln(1 + x)`, before outlier capping and scaling.
    Log1p,
    /// Not a distance feature: profiled per segment as a rate or share.
    HeldOut(HeldOut),
}

/// One feature's treatment, decided from the data (or forced by the settings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureTreatment {
    pub feature: String,
    pub kind: TreatmentKind,
    /// The skewness of the raw values (Fisher–Pearson, before capping); 0 for a constant.
    pub skewness: f64,
    /// Why, in a few words ("skewness 7.1 > 1.0: log1p").
    pub reason: String,
    /// A held-out kind of feature used because the settings asked for it: it may dominate.
    pub warning: Option<String>,
}

impl FeatureTreatment {
    /// A distance feature (kept or transformed).
    pub fn is_distance(&self) -> bool {
        !matches!(self.kind, TreatmentKind::HeldOut(_))
    }

    pub fn is_log(&self) -> bool {
        self.kind == TreatmentKind::Log1p
    }

    /// One value through the treatment (held-out features pass unchanged).
    pub fn apply(&self, v: f64) -> f64 {
        if self.is_log() { v.ln_1p() } else { v }
    }

    /// The kind in one or two words ("kept", "log1p", "held out").
    pub fn label(&self) -> &'static str {
        match self.kind {
            TreatmentKind::Kept => "kept",
            TreatmentKind::Log1p => "log1p",
            TreatmentKind::HeldOut(_) => "held out",
        }
    }

    /// "Income: log1p (skewness 7.10 > 1.0, an amount)".
    pub fn describe(&self) -> String {
        format!("{}: {} ({})", self.feature, self.label(), self.reason)
    }
}
