//! The decision rules, one function each, tried in order: protect value, reduce discount risk,
//! win back, target campaigns, channel focus, serve at low cost; then the top-up that speaks
//! about the largest segments not yet named.

use super::{Decision, DecisionKind, Figure, MIN_DECISIONS};
use crate::features::names;
use crate::format::{Percent, number, percent, thousands, times};
use crate::insights::format::{channel_phrase, plain_label, sd_words, value};
use crate::insights::stats::ratio;
use crate::insights::{Insights, SegmentRevenue};
use crate::personas::{Persona, rules, segment_name};

/// A decision rule: a decision when the data supports one.
pub(super) type Rule = fn(&Insights, &[Persona]) -> Option<Decision>;

/// Every rule, in the order decisions are listed.
pub(super) const RULES: &[Rule] = &[
    protect_value,
    reduce_discount_risk,
    win_back,
    target_campaigns,
    channel_focus,
    serve_at_low_cost,
];

fn figure(label: &str, value: f64, unit: &str) -> Figure {
    Figure {
        label: label.into(),
        value,
        unit: unit.into(),
    }
}

fn best_by<T>(items: impl Iterator<Item = T>, key: impl Fn(&T) -> f64) -> Option<T> {
    items.fold(None, |best, item| match best {
        Some(b) if key(&b) >= key(&item) => Some(b),
        _ => Some(item),
    })
}

/// 1. Protect the most valuable segment.
fn protect_value(insights: &Insights, personas: &[Persona]) -> Option<Decision> {
    let top = insights
        .revenue
        .get()
        .and_then(|r| r.top_value_segment())
        .filter(|t| t.value_index >= rules::VALUABLE)?;
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
    Some(Decision {
        kind: DecisionKind::ProtectValue,
        segment: Some(top.segment),
        text: format!(
            "Protect {}: {} of customers, {} of revenue, {tail}.",
            segment_name(personas, top.segment),
            percent(top.customer_pct, Percent::Adaptive),
            percent(top.revenue_pct, Percent::Adaptive)
        ),
        figures,
    })
}

/// 2. Reduce discount dependence where most revenue is at risk.
fn reduce_discount_risk(insights: &Insights, personas: &[Persona]) -> Option<Decision> {
    let d = insights.discount.get()?;
    let s = best_by(
        d.segments
            .iter()
            .filter(|s| s.revenue_at_risk > 0.0)
            .filter(|s| s.addicted_pct >= (2.0 * d.population_addicted_pct).min(25.0)),
        |s| s.revenue_at_risk,
    )?;
    let total_revenue = insights.revenue.get().map_or(0.0, |r| r.total_revenue);
    let share = ratio(100.0 * s.revenue_at_risk, total_revenue).unwrap_or(0.0);
    Some(Decision {
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
    })
}

/// 3. Win back the most lapsed segment.
fn win_back(insights: &Insights, personas: &[Persona]) -> Option<Decision> {
    let recency = insights.profile.feature(names::RECENCY)?;
    let s = best_by(
        (0..recency.z_scores.len()).filter(|&s| recency.z_scores[s] >= rules::MARKED_Z),
        |&s| recency.z_scores[s],
    )?;
    let mut figures = vec![
        figure("days since last purchase", recency.segment_means[s], "days"),
        figure("population", recency.population_mean, "days"),
    ];
    let segment_revenue: Option<&SegmentRevenue> =
        insights.revenue.get().and_then(|r| r.segments.get(s));
    let stake = segment_revenue
        .map(|r| {
            figures.push(figure("revenue", r.revenue_pct, "%"));
            format!(
                "; {} of revenue at stake",
                percent(r.revenue_pct, Percent::Adaptive)
            )
        })
        .unwrap_or_default();
    Some(Decision {
        kind: DecisionKind::WinBack,
        segment: Some(s),
        text: format!(
            "Win back {}: last purchase {} days ago on average vs {} overall{stake}.",
            segment_name(personas, s),
            number(recency.segment_means[s], 100.0),
            number(recency.population_mean, 100.0)
        ),
        figures,
    })
}

/// 4. Target campaigns where response is highest (and spend less where it is lowest).
fn target_campaigns(insights: &Insights, personas: &[Persona]) -> Option<Decision> {
    let p = insights.promotion.get()?;
    let b = best_by(
        p.segments
            .iter()
            .filter(|s| s.lift.is_some_and(|l| l >= 1.3)),
        |s| s.response_pct,
    )?;
    let l = best_by(p.segments.iter(), |s| -s.response_pct)?;
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
    Some(Decision {
        kind: DecisionKind::TargetCampaigns,
        segment: Some(b.segment),
        text,
        figures,
    })
}

/// 5. Reach a segment through the channel it leads in.
fn channel_focus(insights: &Insights, personas: &[Persona]) -> Option<Decision> {
    let c = insights.channel.get()?;
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
    let (s, m, lift) = best_by(leads.filter(|x| x.2 >= rules::CHANNEL_LEAD), |x| x.2)?;
    Some(Decision {
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
    })
}

/// 6. Serve a large low-value segment at low cost.
fn serve_at_low_cost(insights: &Insights, personas: &[Persona]) -> Option<Decision> {
    let r = insights.revenue.get()?;
    let s = best_by(
        r.segments
            .iter()
            .filter(|s| s.value_index <= rules::LOW_VALUE && s.customer_pct >= 15.0),
        |s| s.customer_pct,
    )?;
    Some(Decision {
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
    })
}

/// Too few: speak about the largest segments not yet named, by what sets them apart.
pub(super) fn top_up(out: &mut Vec<Decision>, personas: &[Persona]) {
    if out.len() >= MIN_DECISIONS {
        return;
    }
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
        if let Some(decision) = focus_segment(p) {
            out.push(decision);
        }
    }
}

/// Address a segment on its most distinguishing feature.
fn focus_segment(p: &Persona) -> Option<Decision> {
    let top = p.evidence.distinguishing.first()?;
    Some(Decision {
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
    })
}
