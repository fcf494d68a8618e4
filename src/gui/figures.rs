//! The figures the workbench shows for one analysis (KPIs, per-segment profiles, the map),
//! computed once on the worker thread when a run finishes, never per frame.

use super::labels::{Unit, feature_label};
use super::projection::SegmentMap;
use crate::features::names;
use crate::pipeline::Analysis;
use crate::summary::segment_headlines;

/// The headline numbers of the whole customer base.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpis {
    pub customers: usize,
    /// Total spend, when spend is mapped.
    pub revenue: Option<f64>,
    /// Revenue per customer.
    pub avg_spend: Option<f64>,
    /// Share (0..=1) of customers who accepted at least one campaign.
    pub promo_rate: Option<f64>,
    /// Share (0..=1) of customers flagged as discount-addicted.
    pub discount_rate: Option<f64>,
}

/// One feature as profiled across segments.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileFeature {
    pub name: String,
    pub label: String,
    pub unit: Unit,
    pub description: String,
    /// Used by the segmentation (shown on the heatmap).
    pub in_model: bool,
    pub mean: f64,
    pub sd: f64,
}

/// One segment's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentFigures {
    /// 0-based segment index (shown to people as index + 1).
    pub index: usize,
    pub customers: usize,
    /// Percent (0..=100) of all customers.
    pub customer_pct: f64,
    pub revenue: Option<f64>,
    /// Percent (0..=100) of all revenue.
    pub revenue_pct: Option<f64>,
    pub avg_spend: Option<f64>,
    pub promo_rate: Option<f64>,
    pub discount_rate: Option<f64>,
    /// Mean of every profile feature, in the feature's own unit.
    pub means: Vec<f64>,
    /// (segment mean − overall mean) ÷ overall standard deviation, per profile feature.
    pub z: Vec<f64>,
}

impl SegmentFigures {
    /// Revenue share ÷ customer share: above 1 the segment earns more than its size.
    pub fn revenue_index(&self) -> Option<f64> {
        self.revenue_pct
            .filter(|_| self.customer_pct > 0.0)
            .map(|r| r / self.customer_pct)
    }
}

/// Everything the views draw for one analysis.
#[derive(Debug, Clone)]
pub struct Figures {
    pub kpis: Kpis,
    pub segments: Vec<SegmentFigures>,
    pub profile: Vec<ProfileFeature>,
    pub map: SegmentMap,
}

impl Figures {
    /// Compute every figure of `analysis` (linear in customers × features).
    pub fn compute(analysis: &Analysis) -> Figures {
        let seg = &analysis.segmentation;
        let k = seg.k;
        let customers = seg.labels.len();
        let n = customers.max(1) as f64;
        let sizes: Vec<f64> = seg.sizes.iter().map(|&s| s.max(1) as f64).collect();
        let mean_of = |name: &str| -> Option<(f64, Vec<f64>)> {
            let values = analysis.features.get(name)?;
            let mut per = vec![0.0; k];
            for (&l, v) in seg.labels.iter().zip(values) {
                per[l as usize] += v;
            }
            let total: f64 = per.iter().sum();
            let means = per.iter().zip(&sizes).map(|(s, c)| s / c).collect();
            Some((total / n, means))
        };
        let revenue = mean_of(names::MONETARY);
        let promo = mean_of(names::PROMO_RESPONSIVE);
        let discount = mean_of(names::DISCOUNT_ADDICTED);
        let kpis = Kpis {
            customers,
            revenue: revenue.as_ref().map(|(m, _)| m * customers as f64),
            avg_spend: revenue.as_ref().map(|(m, _)| *m),
            promo_rate: promo.as_ref().map(|(m, _)| *m),
            discount_rate: discount.as_ref().map(|(m, _)| *m),
        };

        let model: Vec<&str> = analysis.input.names.iter().map(String::as_str).collect();
        let mut profile = Vec::new();
        let mut segment_means: Vec<Vec<f64>> = vec![Vec::new(); k];
        let mut segment_z: Vec<Vec<f64>> = vec![Vec::new(); k];
        let mut ordered: Vec<&crate::features::Feature> = analysis
            .features
            .features
            .iter()
            .filter(|f| model.contains(&f.name.as_str()))
            .collect();
        ordered.sort_by_key(|f| model.iter().position(|m| *m == f.name));
        ordered.extend(
            analysis
                .features
                .features
                .iter()
                .filter(|f| !model.contains(&f.name.as_str()) && f.name != names::TOTAL_SPEND),
        );
        for feature in ordered {
            let Some((mean, means)) = mean_of(&feature.name) else {
                continue;
            };
            let variance = feature
                .values
                .iter()
                .map(|v| (v - mean) * (v - mean))
                .sum::<f64>()
                / n;
            let sd = variance.sqrt();
            for s in 0..k {
                segment_means[s].push(means[s]);
                segment_z[s].push(if sd > 0.0 {
                    (means[s] - mean) / sd
                } else {
                    0.0
                });
            }
            let (label, unit) = feature_label(&feature.name);
            profile.push(ProfileFeature {
                name: feature.name.clone(),
                label,
                unit,
                description: feature.description.clone(),
                in_model: model.contains(&feature.name.as_str()),
                mean,
                sd,
            });
        }

        let headlines = segment_headlines(analysis);
        let segments = headlines
            .iter()
            .enumerate()
            .map(|(s, h)| SegmentFigures {
                index: s,
                customers: h.customers,
                customer_pct: h.customer_pct,
                revenue: h.revenue,
                revenue_pct: h.revenue_pct,
                avg_spend: revenue.as_ref().map(|(_, m)| m[s]),
                promo_rate: promo.as_ref().map(|(_, m)| m[s]),
                discount_rate: discount.as_ref().map(|(_, m)| m[s]),
                means: std::mem::take(&mut segment_means[s]),
                z: std::mem::take(&mut segment_z[s]),
            })
            .collect();
        Figures {
            kpis,
            segments,
            profile,
            map: SegmentMap::compute(analysis),
        }
    }

    /// Index of a profile feature by name.
    pub fn feature(&self, name: &str) -> Option<usize> {
        self.profile.iter().position(|f| f.name == name)
    }

    /// The features that set a segment apart most, strongest first: (feature index, z).
    pub fn distinctive(&self, segment: usize, count: usize) -> Vec<(usize, f64)> {
        let Some(s) = self.segments.get(segment) else {
            return Vec::new();
        };
        let mut ranked: Vec<(usize, f64)> =
            s.z.iter()
                .copied()
                .enumerate()
                .filter(|(i, z)| self.profile[*i].in_model && z.abs() >= 0.25)
                .collect();
        ranked.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        ranked.truncate(count);
        ranked
    }
}
