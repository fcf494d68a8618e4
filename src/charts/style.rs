//! How a segment looks in every chart: its palette colour, a fill pattern and a short label,
//! so charts stay legible in grayscale print; and the diverging scale of the profile heatmap.

use crate::palette::{SEGMENT_COLOUR_NAMES, lightness, segment_rgb};

/// A fill pattern laid over a colour, so segments differ without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    Solid,
    /// Lines rising to the right.
    Diagonal,
    /// Lines falling to the right.
    BackDiagonal,
    Horizontal,
    Vertical,
    Cross,
    Dots,
    Grid,
}

const PATTERNS: [Pattern; 8] = [
    Pattern::Solid,
    Pattern::Diagonal,
    Pattern::Dots,
    Pattern::Horizontal,
    Pattern::BackDiagonal,
    Pattern::Vertical,
    Pattern::Cross,
    Pattern::Grid,
];

/// One segment's look.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentStyle {
    /// 0-based segment index.
    pub segment: usize,
    pub rgb: [u8; 3],
    /// The palette colour's name, for legends.
    pub colour_name: &'static str,
    pub pattern: Pattern,
    /// "S1", "S2"…: printed next to every mark so grayscale print keeps segments apart.
    pub label: String,
    /// CIE L* of the colour: text drawn on it is dark above 60, white below.
    pub lightness: f64,
}

impl SegmentStyle {
    /// Whether text on this colour should be dark.
    pub fn dark_text(&self) -> bool {
        self.lightness > 60.0
    }
}

/// The style of a segment (0-based).
pub fn segment_style(segment: usize) -> SegmentStyle {
    let rgb = segment_rgb(segment);
    SegmentStyle {
        segment,
        rgb,
        colour_name: SEGMENT_COLOUR_NAMES[segment % SEGMENT_COLOUR_NAMES.len()],
        pattern: PATTERNS[segment % PATTERNS.len()],
        label: format!("S{}", segment + 1),
        lightness: lightness(rgb),
    }
}

/// Below-average end of the heatmap scale (the palette's blue).
const COLD: [u8; 3] = [0, 114, 178];
/// Above-average end (the palette's vermillion).
const WARM: [u8; 3] = [213, 94, 0];
/// Steps on each side: the scale is banded so grayscale print shows distinct levels.
const STEPS: f64 = 4.0;

/// The heatmap colour of a z-score, banded in steps of `limit / 4` from white (0) to blue
/// (−limit and below) or vermillion (+limit and above). Cells also print their value.
pub fn heat_rgb(z: f64, limit: f64) -> [u8; 3] {
    if !z.is_finite() || limit <= 0.0 {
        return [255, 255, 255];
    }
    let t = (z.abs() / limit).min(1.0);
    let banded = (t * STEPS).round() / STEPS;
    let end = if z < 0.0 { COLD } else { WARM };
    let mix = |white: u8, c: u8| -> u8 {
        (f64::from(white) + (f64::from(c) - f64::from(white)) * banded).round() as u8
    };
    [mix(255, end[0]), mix(255, end[1]), mix(255, end[2])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_get_distinct_patterns_and_labels() {
        let styles: Vec<SegmentStyle> = (0..8).map(segment_style).collect();
        for (a, sa) in styles.iter().enumerate() {
            for sb in &styles[a + 1..] {
                assert_ne!(sa.pattern, sb.pattern);
                assert_ne!(sa.label, sb.label);
            }
        }
        assert_eq!(segment_style(1).label, "S2");
        assert_eq!(segment_style(9).rgb, segment_style(1).rgb);
    }

    #[test]
    fn the_heat_scale_is_banded_and_diverging() {
        assert_eq!(heat_rgb(0.0, 2.0), [255, 255, 255]);
        assert_eq!(heat_rgb(-5.0, 2.0), COLD);
        assert_eq!(heat_rgb(5.0, 2.0), WARM);
        assert_eq!(heat_rgb(0.6, 2.0), heat_rgb(0.4, 2.0));
        let steps: Vec<f64> = [0.0, 0.5, 1.0, 1.5, 2.0]
            .iter()
            .map(|z| lightness(heat_rgb(*z, 2.0)))
            .collect();
        assert!(steps.windows(2).all(|w| w[0] - w[1] > 5.0), "{steps:?}");
        assert_eq!(heat_rgb(f64::NAN, 2.0), [255, 255, 255]);
    }
}
