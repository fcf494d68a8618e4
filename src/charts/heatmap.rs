//! The profile heatmap: rows are features, columns segments, each cell the segment's mean as
//! a z-score against all customers, coloured on the banded diverging scale and printed.

use super::style::{SegmentStyle, heat_rgb, segment_style};
use crate::features::feature_label;
use crate::pipeline::Analysis;

/// z-scores beyond this get the strongest colour.
pub const HEAT_LIMIT: f64 = 2.0;

/// One segment column.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatColumn {
    pub style: SegmentStyle,
    pub title: String,
}

/// One feature row.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    pub label: String,
    /// One z-score per column.
    pub z: Vec<f64>,
}

/// The whole heatmap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heatmap {
    pub columns: Vec<HeatColumn>,
    pub rows: Vec<HeatRow>,
}

impl Heatmap {
    /// The heatmap of an analysis: a column per segment, a row per segmentation feature in
    /// the model's order, each cell the segment's z-score from the core's profile.
    pub fn of(a: &Analysis) -> Heatmap {
        let profile = &a.insights.profile;
        Heatmap {
            columns: (0..a.segmentation.k)
                .map(|s| {
                    let style = segment_style(s);
                    HeatColumn {
                        title: style.label.clone(),
                        style,
                    }
                })
                .collect(),
            rows: a
                .input
                .names
                .iter()
                .filter_map(|name| profile.feature(name))
                .map(|f| HeatRow {
                    label: feature_label(&f.feature).0,
                    z: (0..a.segmentation.k)
                        .map(|s| f.z_scores.get(s).copied().unwrap_or(0.0))
                        .collect(),
                })
                .collect(),
        }
    }

    /// The fill of a cell.
    pub fn cell_rgb(z: f64) -> [u8; 3] {
        heat_rgb(z, HEAT_LIMIT)
    }

    /// A cell's printed value, e.g. "+1.2" or "−0.4".
    pub fn cell_text(z: f64) -> String {
        if !z.is_finite() {
            return "–".into();
        }
        let rounded = (z * 10.0).round() / 10.0;
        if rounded == 0.0 {
            "0.0".into()
        } else if rounded > 0.0 {
            format!("+{rounded:.1}")
        } else {
            format!("\u{2212}{:.1}", -rounded)
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() || self.columns.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_print_signed_values() {
        assert_eq!(Heatmap::cell_text(1.234), "+1.2");
        assert_eq!(Heatmap::cell_text(-0.04), "0.0");
        assert_eq!(Heatmap::cell_text(-0.44), "\u{2212}0.4");
        assert_eq!(Heatmap::cell_rgb(0.0), [255, 255, 255]);
    }
}
