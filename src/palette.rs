//! The segment palette shared by the workbench, the PDF report and the command line, as plain
//! sRGB triples (no UI dependency), so "Segment 2 is orange" holds everywhere.
//!
//! Colours come from the Okabe–Ito palette, which stays distinct under the common forms of
//! colour blindness. They are ordered so that the first segments also differ in lightness,
//! which keeps them apart in grayscale print; charts add marker shapes and segment numbers.

/// One colour per segment, in segment order; segment `i` uses `SEGMENT_PALETTE_RGB[i % 8]`.
pub(crate) const SEGMENT_PALETTE_RGB: [[u8; 3]; 8] = [
    [0, 114, 178],   // blue
    [230, 159, 0],   // orange
    [0, 158, 115],   // bluish green
    [240, 228, 66],  // yellow
    [213, 94, 0],    // vermillion
    [86, 180, 233],  // sky blue
    [204, 121, 167], // reddish purple
    [120, 120, 120], // grey
];

/// Names of the palette colours, for legends in print and text output.
pub const SEGMENT_COLOUR_NAMES: [&str; 8] = [
    "blue",
    "orange",
    "bluish green",
    "yellow",
    "vermillion",
    "sky blue",
    "reddish purple",
    "grey",
];

/// The colour of a segment (0-based), repeating after eight segments.
pub(crate) fn segment_rgb(segment: usize) -> [u8; 3] {
    SEGMENT_PALETTE_RGB[segment % SEGMENT_PALETTE_RGB.len()]
}

/// CIE L* lightness (0 = black, 100 = white) of an sRGB colour: what grayscale print keeps.
pub(crate) fn lightness([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    if y > 216.0 / 24_389.0 {
        116.0 * y.cbrt() - 16.0
    } else {
        y * 24_389.0 / 27.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_four_segments_differ_in_grayscale() {
        let first: Vec<f64> = SEGMENT_PALETTE_RGB[..4]
            .iter()
            .map(|c| lightness(*c))
            .collect();
        for (a, la) in first.iter().enumerate() {
            for (b, lb) in first.iter().enumerate().skip(a + 1) {
                assert!(
                    (la - lb).abs() >= 10.0,
                    "segments {a} and {b}: {la:.1} vs {lb:.1}"
                );
            }
        }
    }

    #[test]
    fn palette_repeats() {
        assert_eq!(segment_rgb(0), segment_rgb(8));
        assert_eq!(SEGMENT_COLOUR_NAMES.len(), SEGMENT_PALETTE_RGB.len());
    }
}
