//! Plain-text rendering of insights, personas, decisions and the alignment to a previous model.

use super::text::section;
use crate::format::{Percent, number, percent, thousands, times};
use crate::insights::format::value;
use crate::insights::{Availability, Insights};
use crate::model::Alignment;
use crate::personas::{Persona, segment_name};
use crate::pipeline::Analysis;
use crate::run_id::short;
use std::fmt::Write;

fn figure(a: &Availability<f64>, show: impl Fn(f64) -> String) -> String {
    match a {
        Availability::Available(v) => show(*v),
        Availability::NotAvailable { reason } => reason.clone(),
    }
}

fn kpis(s: &mut String, i: &Insights) {
    let k = &i.kpis;
    let _ = writeln!(s, "\nKey figures");
    let rows: [(&str, String); 8] = [
        ("customers", k.customers.to_string()),
        ("total revenue", figure(&k.total_revenue, thousands)),
        (
            "average spend",
            figure(&k.avg_spend_per_customer, thousands),
        ),
        (
            "promotion response",
            figure(&k.promo_response_pct, |v| percent(v, Percent::Adaptive)),
        ),
        (
            "discount-addicted",
            figure(&k.discount_addicted_pct, |v| percent(v, Percent::Adaptive)),
        ),
        (
            "average recency (days)",
            figure(&k.avg_recency_days, |v| number(v, 100.0)),
        ),
        (
            "average purchases",
            figure(&k.avg_frequency, |v| number(v, 100.0)),
        ),
        ("average monetary", figure(&k.avg_monetary, thousands)),
    ];
    for (label, v) in rows {
        let _ = writeln!(s, "  {label:<24} {v}");
    }
}

fn personas(s: &mut String, personas: &[Persona]) {
    let _ = writeln!(s, "\nPersonas");
    for p in personas {
        let _ = writeln!(
            s,
            "  Segment {} - {} ({} customers, {})",
            p.segment + 1,
            p.display_name(),
            p.evidence.customers,
            percent(p.evidence.share_pct, Percent::Adaptive)
        );
        for t in &p.traits {
            let _ = writeln!(s, "    - {t}");
        }
        let _ = writeln!(s, "    Action: {}", p.display_action());
        for w in &p.warnings {
            let _ = writeln!(s, "    Warning: {w}");
        }
    }
}

fn decisions_text(s: &mut String, a: &Analysis) {
    let _ = writeln!(s, "\nDecisions");
    for (i, d) in a.decisions().iter().enumerate() {
        let _ = writeln!(s, "  {}. {}", i + 1, d.text);
    }
}

fn alignment_text(s: &mut String, al: &Alignment) {
    let _ = writeln!(
        s,
        "\nMatched to the previous model {}",
        short(&al.previous_run_id)
    );
    for m in &al.segments {
        let was = match (m.previous, m.distance) {
            (Some(p), Some(d)) => format!("was segment {} (distance {d:.2} SD)", p + 1),
            _ => "new segment".into(),
        };
        let carried = if m.persona_carried {
            ", persona kept"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  Segment {} {}: {was}{carried}",
            m.segment + 1,
            m.persona
        );
    }
    for r in &al.retired {
        let _ = writeln!(s, "  previous segment {} has no match now", r + 1);
    }
    let _ = writeln!(
        s,
        "  {} of {} customers present in both moved segment ({})",
        al.moved_customers,
        al.compared_customers,
        percent(al.moved_pct, Percent::Adaptive)
    );
}

/// What `sis run` adds after the segmentation summary.
pub(crate) fn run_insights(a: &Analysis, alignment: Option<&Alignment>) -> String {
    let mut s = String::new();
    kpis(&mut s, &a.insights);
    personas(&mut s, &a.personas);
    decisions_text(&mut s, a);
    if let Some(al) = alignment {
        alignment_text(&mut s, al);
    }
    s
}

/// Revenue per segment: customers, revenue and the value index.
fn revenue_section(s: &mut String, i: &Insights, ps: &[Persona]) {
    section(s, "Revenue contribution", &i.revenue, |s, r| {
        let _ = writeln!(
            s,
            "  {:>3} {:<34} {:>9} {:>7} {:>13} {:>7} {:>7}",
            "seg", "persona", "customers", "share", "revenue", "rev.%", "index"
        );
        for x in &r.segments {
            let _ = writeln!(
                s,
                "  {:>3} {:<34} {:>9} {:>7} {:>13} {:>7} {:>7.2}",
                x.segment + 1,
                segment_name(ps, x.segment),
                x.customers,
                percent(x.customer_pct, Percent::Adaptive),
                thousands(x.revenue),
                percent(x.revenue_pct, Percent::Adaptive),
                x.value_index
            );
        }
    });
}

/// Campaign response per segment, with its lift and deal dependency.
fn promotion_section(s: &mut String, i: &Insights) {
    section(s, "Promotion responsiveness", &i.promotion, |s, p| {
        let campaigns: Vec<&str> = p
            .population_campaigns
            .iter()
            .map(|c| c.campaign.as_str())
            .collect();
        let _ = writeln!(
            s,
            "  {:>3} {:>9} {:>6} {:>9} {:>10}  per campaign ({})",
            "seg",
            "response",
            "lift",
            "deal dep.",
            "avg spend",
            campaigns.join(", ")
        );
        for x in &p.segments {
            let per: Vec<String> = x
                .campaigns
                .iter()
                .map(|c| percent(c.response_pct, Percent::Adaptive))
                .collect();
            let _ = writeln!(
                s,
                "  {:>3} {:>9} {:>6} {:>9} {:>10}  {}",
                x.segment + 1,
                percent(x.response_pct, Percent::Adaptive),
                x.lift.map_or("-".into(), times),
                x.avg_deal_dependency_pct
                    .map_or("-".into(), |v| percent(v, Percent::Adaptive)),
                x.avg_spend.map_or("-".into(), thousands),
                per.join(" ")
            );
        }
        let _ = writeln!(
            s,
            "  all {:>9}",
            percent(p.population_response_pct, Percent::Adaptive)
        );
    });
}

/// Discount-addicted customers and the revenue at risk.
fn discount_section(s: &mut String, i: &Insights) {
    section(s, "Discount-addiction risk", &i.discount, |s, d| {
        let _ = writeln!(
            s,
            "  {:>3} {:>9} {:>13} {:>15} {:>12}",
            "seg", "addicted", "median deal", "revenue at risk", "of segment"
        );
        for x in &d.segments {
            let _ = writeln!(
                s,
                "  {:>3} {:>9} {:>13} {:>15} {:>12}",
                x.segment + 1,
                percent(x.addicted_pct, Percent::Adaptive),
                percent(x.median_deal_dependency_pct, Percent::Adaptive),
                thousands(x.revenue_at_risk),
                percent(x.revenue_at_risk_pct, Percent::Adaptive)
            );
        }
        let _ = writeln!(
            s,
            "  all {:>9} {:>13} {:>15} {:>12}",
            percent(d.population_addicted_pct, Percent::Adaptive),
            "",
            thousands(d.total_revenue_at_risk),
            percent(d.total_revenue_at_risk_pct, Percent::Adaptive)
        );
    });
}

/// The channel mix of each segment's purchases.
fn channel_section(s: &mut String, i: &Insights) {
    section(
        s,
        "Channel preference (share of purchases)",
        &i.channel,
        |s, c| {
            let header: Vec<String> = c
                .population_mix
                .iter()
                .map(|m| format!("{:>8}", m.channel.label()))
                .collect();
            let _ = writeln!(
                s,
                "  {:>3} {} {:>9} {:>11}",
                "seg",
                header.join(""),
                "dominant",
                "web visits"
            );
            for x in &c.segments {
                let mix: Vec<String> = x
                    .mix
                    .iter()
                    .map(|m| format!("{:>8}", percent(m.pct, Percent::Adaptive)))
                    .collect();
                let _ = writeln!(
                    s,
                    "  {:>3} {} {:>9} {:>11}",
                    x.segment + 1,
                    mix.join(""),
                    x.dominant.label(),
                    x.avg_web_visits.map_or("-".into(), |v| number(v, 100.0))
                );
            }
            let mix: Vec<String> = c
                .population_mix
                .iter()
                .map(|m| format!("{:>8}", percent(m.pct, Percent::Adaptive)))
                .collect();
            let _ = writeln!(
                s,
                "  all {} {:>9} {:>11}",
                mix.join(""),
                "",
                c.population_web_visits
                    .map_or("-".into(), |v| number(v, 100.0))
            );
        },
    );
}

/// Recency, frequency and monetary means.
fn rfm_section(s: &mut String, i: &Insights) {
    section(s, "RFM (means)", &i.rfm, |s, r| {
        let _ = writeln!(
            s,
            "  {:>3} {:>8} {:>10} {:>10}",
            "seg", "recency", "frequency", "monetary"
        );
        for (seg, x) in r.segments.iter().enumerate() {
            let _ = writeln!(
                s,
                "  {:>3} {:>8} {:>10} {:>10}",
                seg + 1,
                number(x.recency, 100.0),
                number(x.frequency, 100.0),
                thousands(x.monetary)
            );
        }
        let _ = writeln!(
            s,
            "  all {:>8} {:>10} {:>10}",
            number(r.population.recency, 100.0),
            number(r.population.frequency, 100.0),
            thousands(r.population.monetary)
        );
    });
}

/// The CLV proxy's mean, median and 90th percentile.
fn clv_section(s: &mut String, i: &Insights) {
    section(s, "CLV proxy", &i.clv, |s, c| {
        let _ = writeln!(
            s,
            "  {:>3} {:>10} {:>10} {:>10}",
            "seg", "mean", "median", "P90"
        );
        for (seg, x) in c.segments.iter().enumerate() {
            let _ = writeln!(
                s,
                "  {:>3} {:>10} {:>10} {:>10}",
                seg + 1,
                thousands(x.mean),
                thousands(x.median),
                thousands(x.p90)
            );
        }
        let _ = writeln!(
            s,
            "  all {:>10} {:>10} {:>10}",
            thousands(c.population.mean),
            thousands(c.population.median),
            thousands(c.population.p90)
        );
    });
}

/// The features that set each segment apart (z-scores).
fn profile_section(s: &mut String, i: &Insights) {
    let _ = writeln!(
        s,
        "\nDistinguishing features (segment mean vs population, z-score)"
    );
    for t in &i.profile.top {
        let list: Vec<String> = t
            .features
            .iter()
            .map(|d| {
                format!(
                    "{} {:+.1} ({} vs {})",
                    d.feature,
                    d.z,
                    value(d.kind, d.segment_mean),
                    value(d.kind, d.population_mean)
                )
            })
            .collect();
        let _ = writeln!(s, "  {:>3} {}", t.segment + 1, list.join("; "));
    }
}

/// Over-represented categorical values per segment.
fn categories_section(s: &mut String, i: &Insights) {
    section(
        s,
        "Categorical attributes (over-represented values)",
        &i.categories,
        |s, c| {
            for attr in &c.attributes {
                let _ = writeln!(s, "  {}", attr.name);
                for seg in &attr.segments {
                    let over = if seg.over_represented.is_empty() {
                        "none".to_string()
                    } else {
                        seg.over_represented.join(", ")
                    };
                    let _ = writeln!(s, "    {:>3} {over}", seg.segment + 1);
                }
            }
        },
    );
}

/// How much of the variance the PCA map shows.
fn projection_section(s: &mut String, i: &Insights) {
    let pr = &i.projection;
    let _ = writeln!(
        s,
        "\nPCA projection: axis 1 explains {}, axis 2 {} ({} of {} customers plotted)",
        percent(pr.explained_pct[0], Percent::Adaptive),
        percent(pr.explained_pct[1], Percent::Adaptive),
        pr.sampled,
        pr.customers
    );
}

/// Every insight family, one section each.
fn families(s: &mut String, a: &Analysis) {
    let i = &a.insights;
    revenue_section(s, i, &a.personas);
    promotion_section(s, i);
    discount_section(s, i);
    channel_section(s, i);
    rfm_section(s, i);
    clv_section(s, i);
    super::value_text::model_value_section(s, a);
    super::value_text::rfm_groups_section(s, a);
    profile_section(s, i);
    categories_section(s, i);
    projection_section(s, i);
}

/// The full text of `sis insights`.
pub(crate) fn full_insights(a: &Analysis, alignment: Option<&Alignment>) -> String {
    let mut s = format!(
        "Strategic Intelligence Stack: insights of run {} ({}, {} customers, {} segments)\n",
        short(&a.run_id),
        a.file_name,
        a.customer_ids.len(),
        a.segmentation.k
    );
    kpis(&mut s, &a.insights);
    families(&mut s, a);
    personas(&mut s, &a.personas);
    decisions_text(&mut s, a);
    if let Some(al) = alignment {
        alignment_text(&mut s, al);
    }
    s
}
