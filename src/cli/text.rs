//! Plain-text rendering of a run for the terminal.

use crate::features::family_status;
use crate::format::plain;
use crate::insights::Availability;
use crate::pipeline::Analysis;
use crate::run_id::short;
use crate::summary::segment_headlines;
use std::fmt::Write;

fn opt(v: Option<f64>) -> String {
    v.map_or_else(
        || "-".into(),
        |x| {
            if x.abs() >= 1e6 {
                format!("{x:.3e}")
            } else {
                plain(x)
            }
        },
    )
}

/// The readable summary of `sis run`.
pub(crate) fn run_summary(a: &Analysis) -> String {
    let mut s = String::new();
    let q = &a.quality;
    let seg = &a.segmentation;
    let _ = writeln!(
        s,
        "Strategic Intelligence Stack: run {} (data {})",
        short(&a.run_id),
        short(&a.data_hash)
    );
    let _ = writeln!(
        s,
        "Data: {} ({}), {} rows x {} columns -> {} customers\n",
        q.file_name, q.format, q.rows_loaded, q.columns_loaded, q.customers_kept
    );
    let _ = writeln!(s, "Data quality");
    let _ = writeln!(
        s,
        "  {:<22} {:<7} {:<16} {:>8} {:>7} {:>8} {:>7} {:>12} {:>12} {:>9}",
        "column", "type", "role", "missing", "miss%", "zeros", "zero%", "min", "max", "distinct"
    );
    for c in &q.columns {
        let (min, max) = match (&c.min_text, &c.max_text) {
            (Some(lo), Some(hi)) => (lo.clone(), hi.clone()),
            _ => (opt(c.min), opt(c.max)),
        };
        let _ = writeln!(
            s,
            "  {:<22} {:<7} {:<16} {:>8} {:>6.1}% {:>8} {:>6.1}% {:>12} {:>12} {:>9}",
            truncate(&c.name, 22),
            c.type_name,
            truncate(&c.role.key(), 16),
            c.missing,
            c.missing_pct,
            c.zeros,
            c.zeros_pct,
            min,
            max,
            c.distinct
        );
    }
    for c in q
        .columns
        .iter()
        .filter_map(|c| c.date_format.as_ref().map(|f| (c, f)))
    {
        let _ = writeln!(s, "  dates in \"{}\" read as {}", c.0.name, c.1);
    }
    let _ = writeln!(s, "\nActions");
    for action in &q.actions {
        let _ = writeln!(s, "  - {}", action.describe());
    }
    let _ = writeln!(s, "\nInsight families");
    for f in family_status(&a.mapping) {
        let _ = writeln!(s, "  {:<26} {}", f.family.label(), f.reason);
    }
    let _ = writeln!(
        s,
        "\nSegmentation on {} features: {}",
        a.input.names.len(),
        a.input.names.join(", ")
    );
    let _ = writeln!(s, "  feature treatment:");
    for t in &a.preparation.treatments {
        let _ = writeln!(s, "    {:<24} {:<9} {}", t.feature, t.label(), t.reason);
        if let Some(w) = &t.warning {
            let _ = writeln!(s, "      warning: {w}");
        }
    }
    if seg.scaler_comparison.is_empty() {
        let _ = writeln!(
            s,
            "  scaler: {} (chosen by the user)",
            seg.scaler.kind.name()
        );
    } else {
        let _ = writeln!(
            s,
            "  scaler comparison (score = 100 x silhouette - 2 x % negative; rejected when one feature carries over 50% of the between-segment variance):"
        );
        for r in &seg.scaler_comparison {
            let _ = writeln!(
                s,
                "    {:<9} k={} silhouette {:.3}  negative {:>5.1}%  score {:>6.2}  top feature {} {:.0}%{}{}",
                r.scaler.name(),
                r.k,
                r.silhouette,
                r.negative_pct,
                r.score,
                if r.dominant_feature.is_empty() {
                    "-"
                } else {
                    &r.dominant_feature
                },
                r.dominant_share * 100.0,
                if r.dominated { " (dominated)" } else { "" },
                if r.chosen { "  <- chosen" } else { "" }
            );
        }
    }
    let _ = writeln!(
        s,
        "\n  {:>2} {:>14} {:>10} {:>6} {:>12} {:>8} {:>9} {:>10}",
        "k", "inertia", "silhouette", "neg%", "CH", "DB", "smallest", "stability"
    );
    for r in &seg.sweep {
        let _ = writeln!(
            s,
            "  {:>2} {:>14.2} {:>10.3} {:>5.1}% {:>12.1} {:>8.3} {:>8.1}% {:>10.3}{}",
            r.k,
            r.inertia,
            r.silhouette,
            r.negative_share * 100.0,
            r.calinski_harabasz,
            r.davies_bouldin,
            r.smallest_share * 100.0,
            r.stability_mean,
            if r.k == seg.k { "  <-" } else { "" }
        );
    }
    let _ = writeln!(s, "\n{}", seg.k_reason);
    if let Some(split) = crate::summary::split_sentence(seg) {
        let _ = writeln!(
            s,
            "{}{split}",
            if seg.split.as_ref().is_some_and(|x| x.warn) {
                "WARNING: "
            } else {
                ""
            }
        );
    }
    let _ = writeln!(s, "\nSegments (numbered by {})", seg.order_by);
    let _ = writeln!(
        s,
        "  {:>7} {:>10} {:>9} {:>14} {:>9}",
        "segment", "customers", "share", "revenue", "rev.share"
    );
    for h in segment_headlines(a) {
        let _ = writeln!(
            s,
            "  {:>7} {:>10} {:>8.1}% {:>14} {:>9}",
            h.segment,
            h.customers,
            h.customer_pct,
            h.revenue.map_or("-".into(), |r| format!("{r:.0}")),
            h.revenue_pct.map_or("-".into(), |r| format!("{r:.1}%")),
        );
    }
    s
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('~');
        t
    }
}

/// A titled section: the family's table, or the reason it is not available.
pub(super) fn section<T>(
    s: &mut String,
    title: &str,
    a: &Availability<T>,
    body: impl FnOnce(&mut String, &T),
) {
    let _ = writeln!(s, "\n{title}");
    match a {
        Availability::Available(v) => body(s, v),
        Availability::NotAvailable { reason } => {
            let _ = writeln!(s, "  {reason}");
        }
    }
}
