//! The PDF renderer of the chart model (`crate::charts`): share bars, the profile heatmap,
//! the k-choice panels (the net-impact chart is in `simulation`), as vector drawing with every
//! value printed.

use super::fonts::Weight;
use super::layout::{INK, Layout, MUTED, Op, RULE, Rgb, WARN};
use super::table::swatch;
use crate::charts::{Heatmap, MetricPanel, MetricsChart, Pattern, ShareChart};

const LABEL: f32 = 7.5;
const WHITE: Rgb = [255, 255, 255];

fn tint(rgb: Rgb, amount: f32) -> Rgb {
    let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * amount).round() as u8;
    [mix(rgb[0]), mix(rgb[1]), mix(rgb[2])]
}

fn pct(v: f64) -> String {
    if v.abs() >= 10.0 || v == 0.0 {
        format!("{v:.0}%")
    } else {
        format!("{v:.1}%")
    }
}

/// Keep a label to `width` points, ending in "…" when cut.
pub(super) fn fit(
    layout: &Layout<'_>,
    text: &str,
    size: f32,
    weight: Weight,
    width: f32,
) -> String {
    if layout.fonts.width(weight, text, size) <= width {
        return text.into();
    }
    let mut out: String = String::new();
    for c in text.chars() {
        let next = format!("{out}{c}\u{2026}");
        if layout.fonts.width(weight, &next, size) > width {
            break;
        }
        out.push(c);
    }
    format!("{}\u{2026}", out.trim_end())
}

/// Two bars per segment: customers (light, hatched) and revenue (solid).
pub(super) fn share_chart(layout: &mut Layout<'_>, chart: &ShareChart) {
    if chart.bars.is_empty() {
        return;
    }
    let (bar, gap, group_gap) = (10.0, 2.0, 9.0);
    let revenue = chart.has_revenue();
    let group = if revenue { 2.0 * bar + gap } else { bar };
    let height = 22.0 + chart.bars.len() as f32 * (group + group_gap) + 18.0;
    layout.ensure(height);
    let left = layout.geometry.left();
    let width = layout.geometry.content_width();
    let label_w = 170.0;
    let plot_x = left + label_w;
    let plot_w = width - label_w - 34.0;
    let max = chart.axis_max();
    let top = layout.y;
    // Legend.
    let sample = chart.bars[0].style.rgb;
    customer_bar(layout, plot_x, top + 2.0, 16.0, 8.0, sample);
    layout.text(
        plot_x + 20.0,
        top + 9.0,
        LABEL + 0.5,
        Weight::Regular,
        INK,
        "Share of customers",
    );
    if revenue {
        let x = plot_x + 130.0;
        layout.rect(x, top + 2.0, 16.0, 8.0, Some(sample), None);
        layout.text(
            x + 20.0,
            top + 9.0,
            LABEL + 0.5,
            Weight::Regular,
            INK,
            "Share of revenue",
        );
    }
    let mut y = top + 22.0;
    let x_of = |v: f64| plot_x + plot_w * (v / max).clamp(0.0, 1.0) as f32;
    for b in &chart.bars {
        swatch(layout, left, y + group / 2.0 - 4.5, &b.style);
        let name = fit(
            layout,
            &format!("{} {}", b.style.label, b.name),
            8.5,
            Weight::Regular,
            label_w - 18.0,
        );
        layout.text(
            left + 13.0,
            y + group / 2.0 + 3.0,
            8.5,
            Weight::Regular,
            INK,
            &name,
        );
        let end = x_of(b.customer_pct);
        customer_bar(layout, plot_x, y, end - plot_x, bar, b.style.rgb);
        layout.text(
            end + 3.0,
            y + bar - 2.0,
            LABEL,
            Weight::Regular,
            INK,
            &pct(b.customer_pct),
        );
        if let Some(r) = b.revenue_pct {
            let y2 = y + bar + gap;
            let end = x_of(r);
            layout.rect(plot_x, y2, end - plot_x, bar, Some(b.style.rgb), None);
            layout.text(end + 3.0, y2 + bar - 2.0, LABEL, Weight::Bold, INK, &pct(r));
        }
        y += group + group_gap;
    }
    // Axis with ticks every 10% (20% above 60%).
    let step = if max > 60.0 { 20.0 } else { 10.0 };
    layout.line(
        vec![(plot_x, y - 4.0), (plot_x + plot_w, y - 4.0)],
        MUTED,
        0.5,
        false,
    );
    let mut t = 0.0;
    while t <= max + 1e-9 {
        let x = x_of(t);
        layout.line(vec![(x, top + 18.0), (x, y - 4.0)], RULE, 0.3, true);
        layout.text_centred(
            x,
            y + 6.0,
            LABEL,
            Weight::Regular,
            MUTED,
            &format!("{t:.0}%"),
        );
        t += step;
    }
    layout.y = y + 14.0;
}

fn customer_bar(layout: &mut Layout<'_>, x: f32, y: f32, w: f32, h: f32, rgb: Rgb) {
    if w <= 0.0 {
        return;
    }
    layout.rect(x, y, w, h, Some(tint(rgb, 0.7)), Some((rgb, 0.6)));
    layout.push(Op::Hatch {
        x,
        y,
        w,
        h,
        pattern: Pattern::Diagonal,
        rgb,
    });
}

/// The heatmap, row by row; the header repeats when it continues on a new page.
pub(super) fn heatmap(layout: &mut Layout<'_>, map: &Heatmap) {
    if map.is_empty() {
        layout.muted("No features to profile.");
        return;
    }
    let (row_h, header_h) = (14.0, 18.0);
    let label_w = 150.0;
    let left = layout.geometry.left();
    let k = map.columns.len() as f32;
    let cell_w = ((layout.geometry.content_width() - label_w) / k).min(64.0);
    let header = |layout: &mut Layout<'_>| {
        let y = layout.y;
        for (c, col) in map.columns.iter().enumerate() {
            let cx = left + label_w + (c as f32 + 0.5) * cell_w;
            swatch(layout, cx - 14.0, y + 3.0, &col.style);
            layout.text(cx - 2.0, y + 11.0, 8.5, Weight::Bold, INK, &col.title);
        }
        layout.y += header_h;
    };
    layout.ensure(header_h + 3.0 * row_h);
    header(layout);
    for row in &map.rows {
        if layout.y + row_h > layout.geometry.limit() {
            layout.new_page();
            header(layout);
        }
        let y = layout.y;
        let label = fit(layout, &row.label, 8.5, Weight::Regular, label_w - 6.0);
        layout.text(left, y + row_h - 4.0, 8.5, Weight::Regular, INK, &label);
        for (c, z) in row.z.iter().enumerate() {
            let fill = Heatmap::cell_rgb(*z);
            let x = left + label_w + c as f32 * cell_w;
            layout.rect(
                x + 0.5,
                y + 0.5,
                cell_w - 1.0,
                row_h - 1.0,
                Some(fill),
                None,
            );
            let light = crate::palette::lightness(fill) > 55.0;
            let ink = if light { INK } else { WHITE };
            layout.text_centred(
                x + cell_w / 2.0,
                y + row_h - 4.0,
                LABEL,
                Weight::Regular,
                ink,
                &Heatmap::cell_text(*z),
            );
        }
        layout.y += row_h;
    }
    heat_legend(layout, left + label_w);
}

fn heat_legend(layout: &mut Layout<'_>, x: f32) {
    layout.ensure(30.0);
    let y = layout.y + 6.0;
    let (steps, w) = (9, 20.0);
    layout.text_right(
        x - 6.0,
        y + 8.0,
        LABEL,
        Weight::Regular,
        MUTED,
        "below average",
    );
    for i in 0..steps {
        let z = -2.0 + 4.0 * i as f64 / (steps - 1) as f64;
        let cx = x + i as f32 * w;
        layout.rect(
            cx,
            y,
            w,
            10.0,
            Some(Heatmap::cell_rgb(z)),
            Some((RULE, 0.3)),
        );
        if i % 2 == 0 {
            layout.text_centred(
                cx + w / 2.0,
                y + 19.0,
                6.5,
                Weight::Regular,
                MUTED,
                &format!("{}\u{3c3}", Heatmap::cell_text(z).trim_end_matches(".0")),
            );
        }
    }
    layout.text(
        x + steps as f32 * w + 6.0,
        y + 8.0,
        LABEL,
        Weight::Regular,
        MUTED,
        "above average",
    );
    layout.y = y + 28.0;
}

/// The k-choice panels side by side, the chosen k marked on each.
pub(super) fn metrics_chart(layout: &mut Layout<'_>, chart: &MetricsChart) {
    let n = chart.panels.len();
    if n == 0
        || chart
            .panels
            .iter()
            .all(|p| p.series.iter().all(|s| s.points.is_empty()))
    {
        return;
    }
    let gap = 18.0;
    let height = 150.0;
    layout.ensure(height);
    let w = (layout.geometry.content_width() - gap * (n as f32 - 1.0)) / n as f32;
    let top = layout.y;
    for (i, panel) in chart.panels.iter().enumerate() {
        let x = layout.geometry.left() + i as f32 * (w + gap);
        metric_panel(layout, panel, chart, x, top, w, height);
    }
    layout.y = top + height + 6.0;
}

fn metric_panel(
    layout: &mut Layout<'_>,
    panel: &MetricPanel,
    chart: &MetricsChart,
    x: f32,
    top: f32,
    w: f32,
    h: f32,
) {
    layout.text(x, top + 9.0, 9.0, Weight::Bold, INK, &panel.title);
    layout.text(x, top + 19.0, 7.0, Weight::Regular, MUTED, &panel.note);
    let (px, py) = (x + 34.0, top + 28.0);
    let (pw, ph) = (w - 38.0, h - 28.0 - 26.0);
    layout.rect(px, py, pw, ph, None, Some((RULE, 0.5)));
    let (k_lo, k_hi) = chart.k_range;
    let span = (k_hi.saturating_sub(k_lo)).max(1) as f32;
    let x_of = |k: usize| px + pw * (0.08 + 0.84 * (k.saturating_sub(k_lo)) as f32 / span);
    let (lo, hi) = panel.value_range();
    let y_of = |v: f64| py + ph - ph * ((v - lo) / (hi - lo)).clamp(0.0, 1.0) as f32;
    for t in 0..3 {
        let v = lo + (hi - lo) * (0.1 + 0.4 * t as f64);
        let y = y_of(v);
        layout.line(vec![(px, y), (px + pw, y)], RULE, 0.3, true);
        layout.text_right(
            px - 3.0,
            y + 2.5,
            6.5,
            Weight::Regular,
            MUTED,
            &MetricPanel::tick_label(v),
        );
    }
    for k in k_lo..=k_hi {
        layout.text_centred(
            x_of(k),
            py + ph + 9.0,
            6.5,
            Weight::Regular,
            MUTED,
            &k.to_string(),
        );
    }
    layout.text_centred(
        px + pw / 2.0,
        py + ph + 19.0,
        6.5,
        Weight::Regular,
        MUTED,
        "k (number of segments)",
    );
    let cx = x_of(chart.chosen_k);
    layout.line(vec![(cx, py), (cx, py + ph)], WARN, 0.8, true);
    for s in &panel.series {
        let points: Vec<(f32, f32)> = s
            .points
            .iter()
            .filter(|p| p.1.is_finite())
            .map(|&(k, v)| (x_of(k), y_of(v)))
            .collect();
        layout.line(
            points.clone(),
            INK,
            if s.dashed { 0.8 } else { 1.2 },
            s.dashed,
        );
        for (p, &(k, _)) in points.iter().zip(&s.points) {
            let chosen = k == chart.chosen_k;
            layout.push(Op::Marker {
                x: p.0,
                y: p.1,
                r: if chosen { 3.6 } else { 1.8 },
                rgb: if chosen { WARN } else { INK },
                diamond: chosen,
            });
        }
    }
    layout.text(
        cx + 3.0,
        py + 8.0,
        6.5,
        Weight::Bold,
        WARN,
        &format!("k = {}", chart.chosen_k),
    );
}
