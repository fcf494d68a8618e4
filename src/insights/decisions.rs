//! The 3–5 key decisions the data supports, each a sentence with its figures, for the
//! Overview's decision banner and the report's executive summary. Computed on demand from
//! the insights and the personas' display names, so a rename shows at once.

use super::format::{channel_phrase, plain_label, sd_words, value};
use super::stats::ratio;
use super::{Insights, SegmentRevenue};
use crate::features::names;
use crate::format::{Percent, number, percent, thousands, times};
use crate::personas::{Persona, rules, segment_name};
use crate::pipeline::Analysis;
use serde::{Deserialize, Serialize};

/// Decisions at most.
pub const MAX_DECISIONS: usize = 5;
/// Decisions at least (when the segmentation has that many segments to speak of).
pub const MIN_DECISIONS: usize = 3;

/// What a decision is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionKind {
    ProtectValue,
    ReduceDiscountRisk,
    WinBack,
    TargetCampaigns,
    ChannelFocus,
    ServeAtLowCost,
    FocusSegment,
}

/// One figure quoted in a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: f64,
    /// "%", "×", "days" or "" for amounts and counts.
    pub unit: String,
}

fn figure(label: &str, value: f64, unit: &str) -> Figure {
    Figure {
        label: label.into(),
        value,
        unit: unit.into(),
    }
}

/// One decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub kind: DecisionKind,
    /// The segment it is about, when one.
    pub segment: Option<usize>,
    pub text: String,
    pub figures: Vec<Figure>,
}

/// The decisions of an analysis (uses the personas' display names).
pub fn decisions(analysis: &Analysis) -> Vec<Decision> {
    decisions_for(&analysis.insights, &analysis.personas)
}

fn best_by<T>(items: impl Iterator<Item = T>, key: impl Fn(&T) -> f64) -> Option<T> {
    items.fold(None, |best, item| match best {
        Some(b) if key(&b) >= key(&item) => Some(b),
        _ => Some(item),
    })
}

/// The decisions from insights and personas.
pub fn decisions_for(insights: &Insights, personas: &[Persona]) -> Vec<Decision> {
    let mut out: Vec<Decision> = Vec::new();
    let revenue = insights.revenue.get();
    let segment_revenue =
        |s: usize| -> Option<&SegmentRevenue> { revenue.and_then(|r| r.segments.get(s)) };

    // 1. Protect the most valuable segment.
    if let Some(top) = revenue
        .and_then(|r| r.top_value_segment())
        .filter(|t| t.value_index >= rules::VALUABLE)
    {
        let mut figures = vec![
            figure("customers", top.customer_pct, "%"),
            figure("revenue", top.revenue_pct, "%"),
        ];
        let addicted = insights
            .discount
            .get()
            .and_then(|d| d.segments.get(top.segment))
            .map(|d| d.addicted_pct);
        let tail = match addicted {
            Some(a) => {
                figures.push(figure("discount-addicted", a, "%"));
                format!("{} discount-addicted", percent(a, Percent::Adaptive))
            }
            None => {
                figures.push(figure("value index", top.value_index, "×"));
                format!("value index {}", times(top.value_index))
            }
        };
        out.push(Decision {
            kind: DecisionKind::ProtectValue,
            segment: Some(top.segment),
            text: format!(
                "Protect {}: {} of customers, {} of revenue, {tail}.",
                segment_name(personas, top.segment),
                percent(top.customer_pct, Percent::Adaptive),
                percent(top.revenue_pct, Percent::Adaptive)
            ),
            figures,
        });
    }

    // 2. Reduce discount dependence where most revenue is at risk.
    if let Some(d) = insights.discount.get() {
        let worst = best_by(
            d.segments
                .iter()
                .filter(|s| s.revenue_at_risk > 0.0)
                .filter(|s| s.addicted_pct >= (2.0 * d.population_addicted_pct).min(25.0)),
            |s| s.revenue_at_risk,
        );
        if let Some(s) = worst {
            let share = ratio(
                100.0 * s.revenue_at_risk,
                revenue.map_or(0.0, |r| r.total_revenue),
            )
            .unwrap_or(0.0);
            out.push(Decision {
                kind: DecisionKind::ReduceDiscountRisk,
                segment: Some(s.segment),
                text: format!(
                    "Wean {} off discounts: {} are discount-addicted, with {} of revenue at risk ({} of all revenue).",
                    segment_name(personas, s.segment),
                    percent(s.addicted_pct, Percent::Adaptive),
                    thousands(s.revenue_at_risk),
                    percent(share, Percent::Adaptive)
                ),
                figures: vec![
                    figure("discount-addicted", s.addicted_pct, "%"),
                    figure("revenue at risk", s.revenue_at_risk, ""),
                    figure("share of all revenue", share, "%"),
                ],
            });
        }
    }

    // 3. Win back the most lapsed segment.
    if let Some(recency) = insights.profile.feature(names::RECENCY) {
        let lapsed = best_by(
            (0..recency.z_scores.len()).filter(|&s| recency.z_scores[s] >= rules::MARKED_Z),
            |&s| recency.z_scores[s],
        );
        if let Some(s) = lapsed {
            let mut figures = vec![
                figure("days since last purchase", recency.segment_means[s], "days"),
                figure("population", recency.population_mean, "days"),
            ];
            let stake = segment_revenue(s)
                .map(|r| {
                    figures.push(figure("revenue", r.revenue_pct, "%"));
                    format!(
                        "; {} of revenue at stake",
                        percent(r.revenue_pct, Percent::Adaptive)
                    )
                })
                .unwrap_or_default();
            out.push(Decision {
                kind: DecisionKind::WinBack,
                segment: Some(s),
                text: format!(
                    "Win back {}: last purchase {} days ago on average vs {} overall{stake}.",
                    segment_name(personas, s),
                    number(recency.segment_means[s], 100.0),
                    number(recency.population_mean, 100.0)
                ),
                figures,
            });
        }
    }

    // 4. Target campaigns where response is highest.
    if let Some(p) = insights.promotion.get() {
        let best = best_by(
            p.segments
                .iter()
                .filter(|s| s.lift.is_some_and(|l| l >= 1.3)),
            |s| s.response_pct,
        );
        let least = best_by(p.segments.iter(), |s| -s.response_pct);
        if let (Some(b), Some(l)) = (best, least) {
            let lift = b.lift.unwrap_or(1.0);
            let mut text = format!(
                "Target campaigns at {}: {} responded vs {} overall ({} the rate)",
                segment_name(personas, b.segment),
                percent(b.response_pct, Percent::Adaptive),
                percent(p.population_response_pct, Percent::Adaptive),
                times(lift)
            );
            let mut figures = vec![
                figure("response", b.response_pct, "%"),
                figure("population response", p.population_response_pct, "%"),
                figure("lift", lift, "×"),
            ];
            if l.segment != b.segment {
                text.push_str(&format!(
                    "; spend less on {} ({} responded)",
                    segment_name(personas, l.segment),
                    percent(l.response_pct, Percent::Adaptive)
                ));
                figures.push(figure("lowest response", l.response_pct, "%"));
            }
            text.push('.');
            out.push(Decision {
                kind: DecisionKind::TargetCampaigns,
                segment: Some(b.segment),
                text,
                figures,
            });
        }
    }

    // 5. Reach a segment through the channel it leads in.
    if let Some(c) = insights.channel.get() {
        let leads = c.segments.iter().filter_map(|s| {
            s.mix
                .iter()
                .filter_map(|m| {
                    ratio(m.pct, c.population_share(m.channel)).map(|lift| (s.segment, m, lift))
                })
                .fold(None, |best: Option<(usize, _, f64)>, x| match best {
                    Some(b) if b.2 >= x.2 => Some(b),
                    _ => Some(x),
                })
        });
        if let Some((s, m, lift)) = best_by(leads.filter(|x| x.2 >= rules::CHANNEL_LEAD), |x| x.2) {
            out.push(Decision {
                kind: DecisionKind::ChannelFocus,
                segment: Some(s),
                text: format!(
                    "Reach {} {}: {} of their purchases vs {} overall.",
                    segment_name(personas, s),
                    channel_phrase(m.channel),
                    percent(m.pct, Percent::Adaptive),
                    percent(c.population_share(m.channel), Percent::Adaptive)
                ),
                figures: vec![
                    figure("channel share", m.pct, "%"),
                    figure("population share", c.population_share(m.channel), "%"),
                    figure("lift", lift, "×"),
                ],
            });
        }
    }

    // 6. Serve a large low-value segment at low cost.
    if let Some(r) = revenue {
        let low = best_by(
            r.segments
                .iter()
                .filter(|s| s.value_index <= rules::LOW_VALUE && s.customer_pct >= 15.0),
            |s| s.customer_pct,
        );
        if let Some(s) = low {
            out.push(Decision {
                kind: DecisionKind::ServeAtLowCost,
                segment: Some(s.segment),
                text: format!(
                    "Serve {} at low cost: {} of customers but {} of revenue.",
                    segment_name(personas, s.segment),
                    percent(s.customer_pct, Percent::Adaptive),
                    percent(s.revenue_pct, Percent::Adaptive)
                ),
                figures: vec![
                    figure("customers", s.customer_pct, "%"),
                    figure("revenue", s.revenue_pct, "%"),
                ],
            });
        }
    }

    out.truncate(MAX_DECISIONS);
    // Too few: speak about the largest segments not yet named, by what sets them apart.
    if out.len() < MIN_DECISIONS {
        let mut by_size: Vec<&Persona> = personas.iter().collect();
        by_size.sort_by(|a, b| {
            b.evidence
                .customers
                .cmp(&a.evidence.customers)
                .then(a.segment.cmp(&b.segment))
        });
        for p in by_size {
            if out.len() >= MIN_DECISIONS {
                break;
            }
            if out.iter().any(|d| d.segment == Some(p.segment)) {
                continue;
            }
            let Some(top) = p.evidence.distinguishing.first() else {
                continue;
            };
            out.push(Decision {
                kind: DecisionKind::FocusSegment,
                segment: Some(p.segment),
                text: format!(
                    "Address {} ({} of customers) on what sets them apart: {} {} on average vs {} overall ({}). {}",
                    p.display_name(),
                    percent(p.evidence.share_pct, Percent::Adaptive),
                    plain_label(&top.feature),
                    value(top.kind, top.segment_mean),
                    value(top.kind, top.population_mean),
                    sd_words(top.z),
                    p.display_action()
                ),
                figures: vec![
                    figure("customers", p.evidence.share_pct, "%"),
                    figure(&top.feature, top.segment_mean, ""),
                    figure("z-score", top.z, ""),
                ],
            });
        }
    }
    out
}
