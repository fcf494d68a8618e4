//! Business insights per segment: KPIs, revenue contribution, promotion response, discount
//! risk, channel mix, RFM and CLV, the feature profile, a 2-D projection and categories.
//! A family whose roles are absent is `NotAvailable` with the reason, never zeros.

mod categories;
mod channel;
mod discount;
mod eigen;
pub(crate) mod format;
mod kpis;
mod model_value;
mod profile;
mod projection;
mod projection_wide;
mod promotion;
mod revenue;
mod rfm;
pub mod rfm_groups;
pub(crate) mod stats;

pub use categories::{CategoryAttribute, CategoryProfile, LevelShare, SegmentCategory};
pub use channel::{ChannelPreference, ChannelShare, SegmentChannels};
pub use discount::{DiscountRisk, SegmentDiscountRisk};
pub use kpis::Kpis;
pub use model_value::{ModelValue, ValueFigures, model_value};
pub use profile::{
    Direction, DistinguishingFeature, FeatureProfile, SegmentProfile, SegmentTopFeatures,
};
pub use projection::{PROJECTION_SAMPLE, ProjectedCentroid, ProjectedPoint, Projection};
pub use promotion::{CampaignRate, PromotionResponse, SegmentPromotion};
pub use revenue::{RevenueContribution, SegmentRevenue};
pub use rfm::{ClvFigures, ClvSummary, RfmFigures, RfmSummary};
pub use rfm_groups::{RfmGroup, RfmGroupRow, RfmScore, RfmView, rfm_view};

use crate::features::{CategoryColumn, FamilyStatus, FeatureTable, InsightFamily};
use crate::segment::{Segmentation, SegmentationInput};
use serde::{Deserialize, Serialize};

/// A result that exists only when the data has what it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Availability<T> {
    Available(T),
    /// Why the figure cannot be computed for this data, in words.
    NotAvailable {
        reason: String,
    },
}

impl<T> Availability<T> {
    /// The value, when available.
    pub fn get(&self) -> Option<&T> {
        match self {
            Availability::Available(v) => Some(v),
            Availability::NotAvailable { .. } => None,
        }
    }

    /// The reason, when not available.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Availability::Available(_) => None,
            Availability::NotAvailable { reason } => Some(reason),
        }
    }

    pub fn is_available(&self) -> bool {
        matches!(self, Availability::Available(_))
    }

    fn from_result(result: Result<T, String>) -> Self {
        match result {
            Ok(v) => Availability::Available(v),
            Err(reason) => Availability::NotAvailable { reason },
        }
    }
}

/// Every insight family of one analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insights {
    pub kpis: Kpis,
    pub revenue: Availability<RevenueContribution>,
    pub promotion: Availability<PromotionResponse>,
    pub discount: Availability<DiscountRisk>,
    pub channel: Availability<ChannelPreference>,
    pub rfm: Availability<RfmSummary>,
    pub clv: Availability<ClvSummary>,
    pub profile: SegmentProfile,
    pub projection: Projection,
    pub categories: Availability<CategoryProfile>,
}

/// What the insights are computed from: the stage outputs they read, borrowed.
#[derive(Clone, Copy)]
pub struct InsightInputs<'a> {
    pub features: &'a FeatureTable,
    pub categories: &'a [CategoryColumn],
    pub families: &'a [FamilyStatus],
    pub segmentation: &'a Segmentation,
    pub input: &'a SegmentationInput,
    /// Seed of the projection's customer sample.
    pub seed: u64,
}

impl<'a> InsightInputs<'a> {
    /// Number of segments.
    pub(crate) fn k(&self) -> usize {
        self.segmentation.k
    }

    pub(crate) fn labels(&self) -> &[u32] {
        &self.segmentation.labels
    }

    /// A feature's values, or why the family that needs it is not available.
    pub(crate) fn feature(&self, name: &str, family: InsightFamily) -> Result<&'a [f64], String> {
        self.features.get(name).ok_or_else(|| {
            self.missing_reason(
                family,
                &format!("the feature {name} could not be computed (its columns were dropped during validation, e.g. as constant; see the quality report)"),
            )
        })
    }

    /// The family's own reason when its roles are absent, else `fallback`.
    pub(crate) fn missing_reason(&self, family: InsightFamily, fallback: &str) -> String {
        match self.families.iter().find(|f| f.family == family) {
            Some(status) if !status.available => status.reason.clone(),
            _ => format!("not available: {fallback}"),
        }
    }
}

/// Compute every insight family.
pub fn compute_insights(inputs: &InsightInputs<'_>) -> Insights {
    let revenue = revenue::revenue_contribution(inputs);
    Insights {
        kpis: kpis::kpis(inputs),
        promotion: Availability::from_result(promotion::promotion_response(inputs)),
        discount: Availability::from_result(discount::discount_risk(inputs)),
        channel: Availability::from_result(channel::channel_preference(inputs)),
        rfm: Availability::from_result(rfm::rfm_summary(inputs)),
        clv: Availability::from_result(rfm::clv_summary(inputs)),
        profile: profile::segment_profile(inputs),
        projection: projection::project(inputs),
        categories: Availability::from_result(categories::category_profile(inputs)),
        revenue: Availability::from_result(revenue),
    }
}
