//! The k-choice chart: one small panel per metric (silhouette, Calinski–Harabasz, stability,
//! the inertia elbow) against k, with the chosen k marked.

use crate::segment::Segmentation;

/// One line in a panel.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricSeries {
    pub name: String,
    /// `(k, value)` in increasing k.
    pub points: Vec<(usize, f64)>,
    /// Drawn dashed (a secondary line, e.g. the lowest stability).
    pub dashed: bool,
}

/// One metric's panel.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricPanel {
    pub title: String,
    /// "higher is better" and the like.
    pub note: String,
    /// The value axis' label, e.g. "Silhouette (−1 to 1)".
    pub axis: String,
    pub series: Vec<MetricSeries>,
}

impl MetricPanel {
    /// The value range over every series, widened when flat.
    pub fn value_range(&self) -> (f64, f64) {
        let values = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1))
            .filter(|v| v.is_finite());
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        if !lo.is_finite() {
            return (0.0, 1.0);
        }
        let pad = if hi > lo {
            (hi - lo) * 0.1
        } else {
            lo.abs().max(1.0) * 0.1
        };
        (lo - pad, hi + pad)
    }
}

/// The whole chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MetricsChart {
    pub panels: Vec<MetricPanel>,
    pub chosen_k: usize,
    /// The k range of the sweep.
    pub k_range: (usize, usize),
}

/// Which sweep figures a panel plots.
pub struct SweepPoint {
    pub k: usize,
    pub silhouette: f64,
    pub calinski_harabasz: f64,
    pub stability_mean: f64,
    pub stability_min: f64,
    pub inertia: f64,
}

impl MetricsChart {
    /// The chart of a segmentation's k sweep, its k marked.
    pub fn of(seg: &Segmentation) -> MetricsChart {
        let points: Vec<SweepPoint> = seg
            .sweep
            .iter()
            .map(|r| SweepPoint {
                k: r.k,
                silhouette: r.silhouette,
                calinski_harabasz: r.calinski_harabasz,
                stability_mean: r.stability_mean,
                stability_min: r.stability_min,
                inertia: r.inertia,
            })
            .collect();
        MetricsChart::from_sweep(&points, seg.k)
    }

    /// The four panels from the sweep's figures.
    pub fn from_sweep(sweep: &[SweepPoint], chosen_k: usize) -> MetricsChart {
        let series = |name: &str, dashed: bool, f: fn(&SweepPoint) -> f64| MetricSeries {
            name: name.into(),
            points: sweep.iter().map(|p| (p.k, f(p))).collect(),
            dashed,
        };
        let panel = |title: &str, note: &str, axis: &str, series: Vec<MetricSeries>| MetricPanel {
            title: title.into(),
            note: note.into(),
            axis: axis.into(),
            series,
        };
        MetricsChart {
            panels: vec![
                panel(
                    "Silhouette",
                    "higher is better",
                    "Silhouette (\u{2212}1 to 1)",
                    vec![series("Silhouette", false, |p| p.silhouette)],
                ),
                panel(
                    "Calinski\u{2013}Harabasz",
                    "higher is better",
                    "Calinski\u{2013}Harabasz (ratio)",
                    vec![series("Calinski\u{2013}Harabasz", false, |p| {
                        p.calinski_harabasz
                    })],
                ),
                panel(
                    "Stability (ARI)",
                    "0.8+ is stable; dashed: lowest",
                    "Stability (ARI across seeds)",
                    vec![
                        series("Mean stability", false, |p| p.stability_mean),
                        series("Lowest stability", true, |p| p.stability_min),
                    ],
                ),
                panel(
                    "Inertia (elbow)",
                    "look for the bend",
                    "Inertia (sum of squared distances)",
                    vec![series("Inertia", false, |p| p.inertia)],
                ),
            ],
            chosen_k,
            k_range: (
                sweep.first().map_or(chosen_k, |p| p.k),
                sweep.last().map_or(chosen_k, |p| p.k),
            ),
        }
    }
}

impl MetricPanel {
    /// An axis label: thousands separated above 1,000, else two or three decimals.
    pub fn tick_label(v: f64) -> String {
        if v.abs() >= 1_000.0 {
            let digits = format!("{:.0}", v.abs().round());
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            if v < 0.0 {
                format!("\u{2212}{out}")
            } else {
                out
            }
        } else if v.abs() >= 10.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.2}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_come_from_the_sweep() {
        let sweep: Vec<SweepPoint> = (2..=4)
            .map(|k| SweepPoint {
                k,
                silhouette: 0.1 * k as f64,
                calinski_harabasz: 100.0,
                stability_mean: 0.9,
                stability_min: 0.8,
                inertia: 1000.0 / k as f64,
            })
            .collect();
        let chart = MetricsChart::from_sweep(&sweep, 3);
        // Silhouette, Calinski–Harabasz, stability, and (since the GUI draws this model too)
        // the inertia elbow.
        assert_eq!(chart.panels.len(), 4);
        assert_eq!(chart.panels[3].series[0].points[0], (2, 500.0));
        assert_eq!(chart.k_range, (2, 4));
        assert_eq!(chart.panels[2].series.len(), 2);
        let (lo, hi) = chart.panels[1].value_range();
        assert!(lo < 100.0 && hi > 100.0);
    }
}
