//! TEMPORARY: persona drafts and key decisions computed from segment figures, until the
//! insights module lands. Then `persona_drafts` reads `analysis.personas` and
//! `key_decisions` calls `sis::insights::decisions(&analysis)`; the views stay as they are.
//!
//! Nothing here invents data: names default to "Segment N", traits and evidence are the
//! segment's own figures, and suggested actions are left to the insights module.

use super::figures::{Figures, SegmentFigures};
use super::format::pct;
use crate::pipeline::Analysis;

/// Shown where a suggested action would be, until the insights module provides one.
pub const ACTION_PENDING: &str = "Suggested actions arrive with the insights module.";

/// A persona card's content before the user's edits.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonaDraft {
    pub segment: usize,
    pub name: String,
    pub traits: Vec<String>,
    /// The suggested action; `None` until the insights module provides one.
    pub action: Option<String>,
    pub evidence: Vec<String>,
    pub warnings: Vec<String>,
}

/// One key decision for the banner, with the figure behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub segment: usize,
    /// The decision in a few words ("Protect", "Aim campaigns at"…).
    pub verb: &'static str,
    /// The figures behind it.
    pub because: String,
}

fn degree(z: f64) -> &'static str {
    match z {
        z if z >= 1.0 => "well above average",
        z if z >= 0.5 => "above average",
        z if z > 0.0 => "slightly above average",
        z if z <= -1.0 => "well below average",
        z if z <= -0.5 => "below average",
        _ => "slightly below average",
    }
}

/// A draft persona for every segment.
pub fn persona_drafts(analysis: &Analysis, figures: &Figures) -> Vec<PersonaDraft> {
    let min_share = analysis.config.min_segment_share * 100.0;
    let stability = analysis
        .segmentation
        .chosen_report()
        .map_or(1.0, |r| r.stability_min);
    figures
        .segments
        .iter()
        .map(|s| {
            let traits = figures
                .distinctive(s.index, 4)
                .into_iter()
                .map(|(f, z)| {
                    let feature = &figures.profile[f];
                    format!(
                        "{} {} ({} vs {} overall)",
                        feature.label,
                        degree(z),
                        feature.unit.show(s.means[f]),
                        feature.unit.show(feature.mean)
                    )
                })
                .collect();
            let mut evidence = vec![format!(
                "{} customers, {} of the base",
                super::format::count(s.customers),
                pct(s.customer_pct)
            )];
            if let (Some(r), Some(index)) = (s.revenue_pct, s.revenue_index()) {
                evidence.push(format!(
                    "{} of revenue, {index:.1}× its share of customers",
                    pct(r)
                ));
            }
            if let (Some(p), Some(all)) = (s.promo_rate, figures.kpis.promo_rate) {
                evidence.push(format!(
                    "Promo response {} vs {} overall",
                    pct(100.0 * p),
                    pct(100.0 * all)
                ));
            }
            let mut warnings = Vec::new();
            if s.customer_pct < 2.0 * min_share {
                warnings.push(format!(
                    "Small segment ({} of customers): read its profile with care.",
                    pct(s.customer_pct)
                ));
            }
            if let (Some(d), Some(all)) = (s.discount_rate, figures.kpis.discount_rate)
                && d > 1.5 * all
                && d > 0.05
            {
                warnings.push(format!(
                    "Discount-dependent: {} are discount-addicted vs {} overall.",
                    pct(100.0 * d),
                    pct(100.0 * all)
                ));
            }
            if stability < 0.8 {
                warnings.push(format!(
                    "Segment boundaries shift between seeds (lowest agreement {stability:.2})."
                ));
            }
            PersonaDraft {
                segment: s.index,
                name: format!("Segment {}", s.index + 1),
                traits,
                action: None,
                evidence,
                warnings,
            }
        })
        .collect()
}

/// The key decisions for the Overview banner, strongest first.
pub fn key_decisions(figures: &Figures) -> Vec<Decision> {
    let mut out = Vec::new();
    let valuable = figures
        .segments
        .iter()
        .filter(|s| s.revenue_pct.is_some_and(|r| r >= 10.0))
        .filter_map(|s| s.revenue_index().map(|i| (s, i)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((s, index)) = valuable
        && index >= 1.2
    {
        out.push(Decision {
            segment: s.index,
            verb: "Protect",
            because: format!(
                "{} of customers bring {} of revenue",
                pct(s.customer_pct),
                pct(s.revenue_pct.unwrap_or(0.0))
            ),
        });
    }
    let best = |rate: fn(&SegmentFigures) -> Option<f64>| {
        figures
            .segments
            .iter()
            .filter_map(|s| rate(s).map(|r| (s.index, r)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
    };
    if let (Some((s, rate)), Some(all)) = (best(|s| s.promo_rate), figures.kpis.promo_rate)
        && rate > 1.2 * all
    {
        out.push(Decision {
            segment: s,
            verb: "Aim campaigns at",
            because: format!(
                "{} responded to a campaign vs {} overall",
                pct(100.0 * rate),
                pct(100.0 * all)
            ),
        });
    }
    if let (Some((s, rate)), Some(all)) = (best(|s| s.discount_rate), figures.kpis.discount_rate)
        && rate > 1.5 * all
        && rate > 0.05
    {
        out.push(Decision {
            segment: s,
            verb: "Limit discounts for",
            because: format!(
                "{} are discount-addicted vs {} overall",
                pct(100.0 * rate),
                pct(100.0 * all)
            ),
        });
    }
    let under = figures
        .segments
        .iter()
        .filter(|s| s.customer_pct >= 15.0)
        .filter_map(|s| s.revenue_index().map(|i| (s, i)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((s, index)) = under
        && index < 0.6
    {
        out.push(Decision {
            segment: s.index,
            verb: "Serve efficiently",
            because: format!(
                "{} of customers, only {} of revenue",
                pct(s.customer_pct),
                pct(s.revenue_pct.unwrap_or(0.0))
            ),
        });
    }
    out
}
