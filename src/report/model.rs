//! The adapter from a session to the report model: the one place that reads `Analysis`,
//! insights and personas for the report, formatting figures with `insights::format`.

use super::content::{
    AppendixSection, KChoiceSection, Kpi, PersonaBlock, ReportDate, ReportModel, SegmentRow,
    SplitFigure,
};
use crate::charts::{Heatmap, MetricsChart, ShareChart};
use crate::format::{Percent, number, percent, thousands, times};
use crate::insights::format::sd_words;
use crate::insights::{Availability, Insights};
use crate::personas::Persona;
use crate::pipeline::Analysis;
use crate::roles::{Channel, Role};
use crate::session::{APP_VERSION, Session};

const NOT_AVAILABLE: &str = "n/a";

impl ReportModel {
    /// The report of a session as the user left it (persona edits included).
    pub fn from_session(session: &Session) -> ReportModel {
        ReportModel::from_analysis(&session.analysis)
    }

    /// The report of an analysis.
    pub fn from_analysis(a: &Analysis) -> ReportModel {
        let insights = &a.insights;
        let data_range = data_range(a);
        ReportModel {
            title: format!("Customer segments of {}", a.file_name),
            subject: format!(
                "{} customers in {} segments: KPIs, decisions, segments, personas",
                thousands(a.customer_ids.len() as f64),
                a.segmentation.k
            ),
            dataset: a.file_name.clone(),
            data_range,
            document_date: data_range.map(|r| r.1),
            run_id: a.run_id.clone(),
            data_hash: a.data_hash.clone(),
            app_version: APP_VERSION.into(),
            customers: thousands(insights.kpis.customers as f64),
            kpis: kpis(insights),
            decisions: a.decisions().into_iter().map(|d| d.text).collect(),
            share_chart: ShareChart::of(a, &a.personas),
            segments: segment_rows(a),
            heatmap: Heatmap::of(a),
            k_choice: k_choice(a),
            split_figure: split_figure(a),
            value_block: crate::report::value_block::value_block(a, |s| name_of(a, s)),
            personas: a.personas.iter().map(persona).collect(),
            scenarios: Vec::new(),
            scenario_overview: None,
            appendix: appendix(a),
        }
    }
}

/// First and last join date, from the quality report's column statistics.
fn data_range(a: &Analysis) -> Option<(ReportDate, ReportDate)> {
    a.quality
        .columns
        .iter()
        .filter(|c| c.role == Role::JoinDate)
        .filter_map(|c| {
            let lo = ReportDate::parse_iso(c.min_text.as_deref()?)?;
            let hi = ReportDate::parse_iso(c.max_text.as_deref()?)?;
            Some((lo, hi))
        })
        .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)))
}

fn shown(value: &Availability<f64>, f: impl Fn(f64) -> String) -> String {
    value
        .get()
        .map_or_else(|| NOT_AVAILABLE.to_string(), |v| f(*v))
}

fn kpis(insights: &Insights) -> Vec<Kpi> {
    let k = &insights.kpis;
    let kpi = |label: &str, value: String, note: &str| Kpi {
        label: label.into(),
        value,
        note: note.into(),
    };
    vec![
        kpi(
            "Customers",
            thousands(k.customers as f64),
            "segmented after cleaning",
        ),
        kpi(
            "Total revenue",
            shown(&k.total_revenue, thousands),
            "sum of spend",
        ),
        kpi(
            "Average spend",
            shown(&k.avg_spend_per_customer, thousands),
            "per customer",
        ),
        kpi(
            "Campaign response",
            shown(&k.promo_response_pct, |v| percent(v, Percent::Adaptive)),
            "accepted a campaign",
        ),
        kpi(
            "Discount addicted",
            shown(&k.discount_addicted_pct, |v| percent(v, Percent::Adaptive)),
            "deal-driven, small baskets",
        ),
        kpi(
            "Recency",
            shown(&k.avg_recency_days, |v| {
                format!("{} days", number(v, 100.0))
            }),
            "mean days since purchase",
        ),
        kpi(
            "Frequency",
            shown(&k.avg_frequency, |v| number(v, 100.0)),
            "mean purchases",
        ),
    ]
}

/// A segment's persona name as the user left it.
pub(super) fn name_of(a: &Analysis, segment: usize) -> String {
    crate::personas::segment_name(&a.personas, segment)
}

fn segment_rows(a: &Analysis) -> Vec<SegmentRow> {
    let i = &a.insights;
    let n = a.segmentation.labels.len().max(1) as f64;
    let or_na = |v: Option<String>| v.unwrap_or_else(|| NOT_AVAILABLE.into());
    (0..a.segmentation.k)
        .map(|s| {
            let size = a.segmentation.sizes.get(s).copied().unwrap_or(0);
            let revenue = i.revenue.get().and_then(|r| r.segments.get(s));
            let channels = i.channel.get().and_then(|c| c.segments.get(s));
            SegmentRow {
                segment: s,
                name: name_of(a, s),
                customers: thousands(size as f64),
                customer_share: percent(100.0 * size as f64 / n, Percent::Adaptive),
                revenue_share: or_na(revenue.map(|r| percent(r.revenue_pct, Percent::Adaptive))),
                value_index: or_na(revenue.map(|r| times(r.value_index))),
                response: or_na(
                    i.promotion
                        .get()
                        .and_then(|p| p.segments.get(s))
                        .map(|p| percent(p.response_pct, Percent::Adaptive)),
                ),
                discount_risk: or_na(
                    i.discount
                        .get()
                        .and_then(|d| d.segments.get(s))
                        .map(|d| percent(d.addicted_pct, Percent::Adaptive)),
                ),
                channel_mix: or_na(channels.map(|c| {
                    [Channel::Web, Channel::Store, Channel::Catalog]
                        .map(|ch| format!("{:.0}", c.share(ch)))
                        .join(" / ")
                })),
            }
        })
        .collect()
}

/// The one-feature-split check, always reported (its sentence warns at 90% or more). No chart:
/// the segments' shares are already drawn in the executive summary.
fn split_figure(a: &Analysis) -> Option<SplitFigure> {
    let seg = &a.segmentation;
    let split = seg.split.as_ref()?;
    Some(SplitFigure {
        title: if split.warn {
            "Warning: one feature makes these segments".into()
        } else {
            "Does one feature make these segments?".into()
        },
        caption: crate::summary::split_sentence(seg)?,
        chart: None,
    })
}

fn k_choice(a: &Analysis) -> KChoiceSection {
    let seg = &a.segmentation;
    let stability = seg.chosen_report().map_or_else(String::new, |r| {
        format!(
            "Stability at k = {}: the other seeds' runs agree with the chosen run with a mean adjusted Rand index of {:.2} (lowest {:.2}) over {} seeds; 1 means identical segments.",
            r.k, r.stability_mean, r.stability_min, a.config.seeds
        )
    });
    let header = [
        "k",
        "Silhouette",
        "Negative",
        "Calinski\u{2013}Harabasz",
        "Davies\u{2013}Bouldin",
        "Smallest segment",
        "Stability (mean / lowest)",
    ]
    .map(String::from)
    .to_vec();
    let rows = seg.sweep.iter().map(|r| {
        vec![
            if r.k == seg.k {
                format!("{} (chosen)", r.k)
            } else {
                r.k.to_string()
            },
            format!("{:.3}", r.silhouette),
            percent(100.0 * r.negative_share, Percent::Adaptive),
            thousands(r.calinski_harabasz),
            format!("{:.3}", r.davies_bouldin),
            percent(100.0 * r.smallest_share, Percent::Adaptive),
            format!("{:.2} / {:.2}", r.stability_mean, r.stability_min),
        ]
    });
    KChoiceSection {
        sentence: seg.k_reason.clone(),
        stability,
        chart: MetricsChart::of(seg),
        table: std::iter::once(header).chain(rows).collect(),
        chosen_row: seg.sweep.iter().position(|r| r.k == seg.k),
    }
}

fn persona(p: &Persona) -> PersonaBlock {
    let e = &p.evidence;
    let mut evidence = vec![format!(
        "{} customers, {} of all",
        thousands(e.customers as f64),
        percent(e.share_pct, Percent::Adaptive)
    )];
    let mut add = |label: &str, value: Option<String>| {
        if let Some(v) = value {
            evidence.push(format!("{label}: {v}"));
        }
    };
    add(
        "Share of revenue",
        e.revenue_pct.map(|v| percent(v, Percent::Adaptive)),
    );
    add(
        "Value index (revenue share \u{f7} customer share)",
        e.value_index.map(times),
    );
    add(
        "Spend against the average customer",
        e.spend_lift.map(times),
    );
    add(
        "Campaign response against the average",
        e.promo_lift.map(times),
    );
    add(
        "Purchases made on a deal",
        e.deal_dependency_pct.map(|v| percent(v, Percent::Adaptive)),
    );
    add(
        "Discount-addicted customers",
        e.discount_addicted_pct
            .map(|v| percent(v, Percent::Adaptive)),
    );
    add(
        "Stability (mean / lowest adjusted Rand index)",
        e.stability_mean_ari
            .map(|m| format!("{m:.2} / {:.2}", e.stability_min_ari.unwrap_or(m))),
    );
    for d in &e.distinguishing {
        evidence.push(format!(
            "{}: {} ({} vs {} overall)",
            crate::features::feature_label(&d.feature).0,
            sd_words(d.z),
            crate::insights::format::value(d.kind, d.segment_mean),
            crate::insights::format::value(d.kind, d.population_mean)
        ));
    }
    PersonaBlock {
        segment: p.segment,
        name: p.display_name().into(),
        suggested_name: p.label.user_name.as_ref().map(|_| p.label.name.clone()),
        traits: p.traits.clone(),
        action: p.display_action().into(),
        action_edited: p.label.user_action.is_some(),
        evidence,
        warnings: p.warnings.clone(),
    }
}

fn appendix(a: &Analysis) -> AppendixSection {
    let q = &a.quality;
    let quality_summary = vec![format!(
        "{} rows and {} columns loaded from {} ({}); {} customers kept for segmentation.",
        thousands(q.rows_loaded as f64),
        thousands(q.columns_loaded as f64),
        q.file_name,
        q.format,
        thousands(q.customers_kept as f64)
    )];
    let header = ["Column", "Type", "Role", "Missing", "Distinct", "Range"]
        .map(String::from)
        .to_vec();
    let columns = q.columns.iter().map(|c| {
        let range = match (&c.min_text, &c.max_text, c.min, c.max) {
            (Some(lo), Some(hi), _, _) => format!("{lo} to {hi}"),
            (_, _, Some(lo), Some(hi)) => format!("{} to {}", number(lo, 100.0), number(hi, 100.0)),
            _ => String::new(),
        };
        vec![
            c.name.clone(),
            c.type_name.clone(),
            c.role.key(),
            format!(
                "{} ({})",
                thousands(c.missing as f64),
                percent(c.missing_pct, Percent::Adaptive)
            ),
            thousands(c.distinct as f64),
            range,
        ]
    });
    AppendixSection {
        quality_summary,
        quality_actions: q.actions.iter().map(|x| x.describe()).collect(),
        columns: std::iter::once(header).chain(columns).collect(),
        mapping: a
            .mapping
            .entries
            .iter()
            .map(|(c, r)| (c.clone(), r.key()))
            .collect(),
        config: config_rows(a),
        method: method(a),
    }
}

/// The settings as `(name, value)`, read from their serialised form so every field shows.
fn config_rows(a: &Analysis) -> Vec<(String, String)> {
    let value = serde_json::to_value(&a.config).unwrap_or_default();
    let Some(fields) = value.as_object() else {
        return Vec::new();
    };
    fields
        .iter()
        .map(|(k, v)| {
            let shown = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => "none".into(),
                serde_json::Value::Array(items) if items.is_empty() => "none".into(),
                other => other.to_string(),
            };
            (k.replace('_', " "), shown)
        })
        .collect()
}

fn method(a: &Analysis) -> Vec<String> {
    let seg = &a.segmentation;
    vec![
        format!(
            "Features: {} ({} in all), capped at the IQR fences (factor {}) and scaled with the {} scaler.",
            a.input.names.iter().map(|n| crate::features::feature_label(n).0).collect::<Vec<_>>().join(", "),
            a.input.names.len(),
            a.config.iqr_factor,
            seg.scaler.kind.name()
        ),
        format!(
            "Segmentation: k-means with k-means++ initialisation, {} seeds per k for k = {} to {}, the lowest inertia kept; silhouette, Calinski\u{2013}Harabasz, Davies\u{2013}Bouldin, the smallest segment and stability computed for every k.",
            a.config.seeds, a.config.k_min, a.config.k_max
        ),
        format!("Choice of k: {}.", seg.k_reason.trim_end_matches('.')),
        format!(
            "Segments are numbered by {}, largest first. Personas are synthesized from each segment's profile by a documented rule table; the figures behind every trait are listed with it.",
            seg.order_by
        ),
        "Every figure comes from the saved session: the same session gives the same report, byte for byte.".into(),
    ]
}
