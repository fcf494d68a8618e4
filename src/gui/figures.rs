//! The figures the views draw for one analysis, read from the core's insights (KPIs, segment
//! shares, the feature profile, the projection) and the chart models (`charts`) once per run
//! on the worker, never per frame.

use crate::charts::{Heatmap, MetricsChart};
use crate::features::names;
use crate::features::{Unit, feature_label};
use crate::format::{Percent, percent};
use crate::insights::Kpis;
use crate::pipeline::Analysis;

/// One feature as profiled across segments.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ProfileFeature {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) unit: Unit,
    pub(crate) description: String,
    /// Used by the segmentation (shown on the heatmap).
    pub(crate) in_model: bool,
    pub(crate) mean: f64,
    pub(crate) sd: f64,
}

/// One segment's figures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SegmentFigures {
    /// 0-based segment index (shown to people as index + 1).
    pub(crate) index: usize,
    pub(crate) customers: usize,
    /// Percent (0..=100) of all customers.
    pub(crate) customer_pct: f64,
    pub(crate) revenue: Option<f64>,
    /// Percent (0..=100) of all revenue.
    pub(crate) revenue_pct: Option<f64>,
    pub(crate) avg_spend: Option<f64>,
    /// Share (0..=1) who accepted at least one campaign.
    pub(crate) promo_rate: Option<f64>,
    /// Share (0..=1) flagged as discount-addicted.
    pub(crate) discount_rate: Option<f64>,
    /// Mean of every profile feature, in the feature's own unit.
    pub(crate) means: Vec<f64>,
    /// (segment mean − overall mean) ÷ overall standard deviation, per profile feature.
    pub(crate) z: Vec<f64>,
}

impl SegmentFigures {
    /// Revenue share ÷ customer share: above 1 the segment earns more than its size.
    pub(crate) fn revenue_index(&self) -> Option<f64> {
        self.revenue_pct
            .filter(|_| self.customer_pct > 0.0)
            .map(|r| r / self.customer_pct)
    }
}

/// The customer map: the core's projection grouped by segment, ready for the plot.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SegmentMap {
    /// Points of each segment (axis 1, axis 2).
    pub(crate) series: Vec<Vec<[f64; 2]>>,
    /// For each point, the customer's row in the analysis (for tooltips).
    pub(crate) rows: Vec<Vec<usize>>,
    /// Each segment's centre on the map.
    pub(crate) centroids: Vec<[f64; 2]>,
    /// Percent of the variance each axis explains.
    pub(crate) explained: [f64; 2],
    /// Customers drawn, and customers in the analysis.
    pub(crate) drawn: usize,
    pub(crate) total: usize,
}

impl SegmentMap {
    fn of(analysis: &Analysis) -> SegmentMap {
        let projection = &analysis.insights.projection;
        let k = analysis.segmentation.k;
        let mut series = vec![Vec::new(); k];
        let mut rows = vec![Vec::new(); k];
        for p in &projection.points {
            let s = p.segment as usize;
            if let (Some(points), Some(r)) = (series.get_mut(s), rows.get_mut(s)) {
                points.push([f64::from(p.x), f64::from(p.y)]);
                r.push(p.row as usize);
            }
        }
        let mut centroids = vec![[0.0; 2]; k];
        for c in &projection.centroids {
            if let Some(slot) = centroids.get_mut(c.segment) {
                *slot = [c.x, c.y];
            }
        }
        // The map needs two directions to spread customers on.
        let drawn = if analysis.input.names.len() < 2 {
            0
        } else {
            projection.points.len()
        };
        SegmentMap {
            series,
            rows,
            centroids,
            explained: projection.explained_pct,
            drawn,
            total: projection.customers,
        }
    }
}

/// Everything the views draw for one analysis.
#[derive(Debug, Clone)]
pub(crate) struct Figures {
    /// The core's headline figures.
    pub(crate) kpis: Kpis,
    pub(crate) segments: Vec<SegmentFigures>,
    /// Segmentation features first (in the model's order), then the other features.
    pub(crate) profile: Vec<ProfileFeature>,
    pub(crate) map: SegmentMap,
    /// The profile heatmap and the k-choice chart: the chart models the PDF draws too.
    pub(crate) heatmap: Heatmap,
    pub(crate) metrics: MetricsChart,
    /// The segment aggregates the Simulation tab recomputes scenarios from, or why there
    /// are none.
    pub(crate) simulation: Result<crate::simulate::SimulationBase, String>,
}

impl Figures {
    /// Arrange the core's insights of `analysis` for drawing (segments × features work).
    pub(crate) fn compute(analysis: &Analysis) -> Figures {
        let insights = &analysis.insights;
        let seg = &analysis.segmentation;
        let k = seg.k;
        let model = &analysis.input.names;
        let in_model = |name: &str| model.iter().any(|m| m == name);
        let mut ordered: Vec<&crate::insights::FeatureProfile> = insights
            .profile
            .features
            .iter()
            .filter(|f| in_model(&f.feature))
            .collect();
        ordered.sort_by_key(|f| model.iter().position(|m| *m == f.feature));
        ordered.extend(
            insights
                .profile
                .features
                .iter()
                .filter(|f| !in_model(&f.feature) && f.feature != names::TOTAL_SPEND),
        );
        let description = |name: &str| {
            analysis
                .features
                .features
                .iter()
                .find(|f| f.name == name)
                .map_or_else(String::new, |f| f.description.clone())
        };
        let profile: Vec<ProfileFeature> = ordered
            .iter()
            .map(|f| {
                let (label, unit) = feature_label(&f.feature);
                ProfileFeature {
                    name: f.feature.clone(),
                    label,
                    unit,
                    description: description(&f.feature),
                    in_model: in_model(&f.feature),
                    mean: f.population_mean,
                    sd: f.population_std,
                }
            })
            .collect();
        let n = seg.labels.len().max(1) as f64;
        let revenue = insights.revenue.get();
        let promotion = insights.promotion.get();
        let discount = insights.discount.get();
        let spend = insights.profile.feature(names::MONETARY);
        let segments = (0..k)
            .map(|s| {
                let customers = seg.sizes.get(s).copied().unwrap_or(0);
                let share = revenue.and_then(|r| r.segments.get(s));
                SegmentFigures {
                    index: s,
                    customers,
                    customer_pct: 100.0 * customers as f64 / n,
                    revenue: share.map(|r| r.revenue),
                    revenue_pct: share.map(|r| r.revenue_pct),
                    avg_spend: spend.and_then(|f| f.segment_means.get(s).copied()),
                    promo_rate: promotion
                        .and_then(|p| p.segments.get(s))
                        .map(|p| p.response_pct / 100.0),
                    discount_rate: discount
                        .and_then(|d| d.segments.get(s))
                        .map(|d| d.addicted_pct / 100.0),
                    means: ordered
                        .iter()
                        .map(|f| f.segment_means.get(s).copied().unwrap_or(f64::NAN))
                        .collect(),
                    z: ordered
                        .iter()
                        .map(|f| f.z_scores.get(s).copied().unwrap_or(0.0))
                        .collect(),
                }
            })
            .collect();
        Figures {
            kpis: insights.kpis.clone(),
            segments,
            profile,
            map: SegmentMap::of(analysis),
            heatmap: Heatmap::of(analysis),
            metrics: MetricsChart::of(seg),
            simulation: crate::simulate::SimulationBase::from_analysis(analysis)
                .map_err(|e| e.to_string()),
        }
    }

    /// The top segment and why: the highest value index (revenue share ÷ customer share)
    /// among the segments holding at least `min_pct` % of customers (all of them when none
    /// does); the largest segment when spend is not mapped.
    pub(crate) fn top_segment(&self, min_pct: f64) -> Option<(&SegmentFigures, String)> {
        let big: Vec<&SegmentFigures> = self
            .segments
            .iter()
            .filter(|s| s.customer_pct >= min_pct)
            .collect();
        let pool = if big.is_empty() {
            self.segments.iter().collect()
        } else {
            big
        };
        let min = percent(min_pct, Percent::Adaptive);
        let by_value = pool
            .iter()
            .copied()
            .filter_map(|s| s.revenue_index().map(|v| (s, v)))
            .reduce(|a, b| if b.1 > a.1 { b } else { a });
        if let Some((top, index)) = by_value {
            let why = format!(
                "Highest value index ({index:.2}: {} of revenue from {} of customers) among the segments holding at least {min} of customers",
                percent(top.revenue_pct.unwrap_or(0.0), Percent::Adaptive),
                percent(top.customer_pct, Percent::Adaptive),
            );
            return Some((top, why));
        }
        let largest = pool
            .iter()
            .copied()
            .reduce(|a, b| if b.customers > a.customers { b } else { a })?;
        Some((
            largest,
            "The largest segment (spend is not mapped, so there is no value index)".into(),
        ))
    }
}

/// What the workbench does when Choice of k switches k: the core's switch (segments,
/// insights, personas) and the figures the views draw. Public for the switch-k bench.
pub fn switch_k_with_figures(analysis: &mut Analysis, k: usize) -> bool {
    if !analysis.switch_k(k) {
        return false;
    }
    let figures = Figures::compute(analysis);
    std::hint::black_box(&figures);
    true
}
