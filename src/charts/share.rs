//! Revenue share against customer share per segment: two bars per segment (customers hatched,
//! revenue solid), each labelled with its percentage.

use super::style::{SegmentStyle, segment_style};
use crate::personas::{Persona, segment_name};
use crate::pipeline::Analysis;

/// One segment's pair of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareBar {
    pub style: SegmentStyle,
    /// The persona's display name.
    pub name: String,
    /// Percent (0..=100) of customers.
    pub customer_pct: f64,
    /// Percent (0..=100) of revenue, when spend is mapped.
    pub revenue_pct: Option<f64>,
}

/// The whole chart, segments in segment order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShareChart {
    pub bars: Vec<ShareBar>,
}

impl ShareChart {
    /// A chart from `(name, customer %, revenue %)` per segment, in segment order.
    pub fn new(segments: impl IntoIterator<Item = (String, f64, Option<f64>)>) -> ShareChart {
        ShareChart {
            bars: segments
                .into_iter()
                .enumerate()
                .map(|(s, (name, customer_pct, revenue_pct))| ShareBar {
                    style: segment_style(s),
                    name,
                    customer_pct,
                    revenue_pct,
                })
                .collect(),
        }
    }

    /// The chart of an analysis, each segment named by `personas` (the session's, or the
    /// workbench's with the user's live edits).
    pub fn of(a: &Analysis, personas: &[Persona]) -> ShareChart {
        let seg = &a.segmentation;
        let n = seg.labels.len().max(1) as f64;
        let revenue = a.insights.revenue.get();
        ShareChart::new((0..seg.k).map(|s| {
            let size = seg.sizes.get(s).copied().unwrap_or(0);
            let revenue_pct = revenue
                .and_then(|r| r.segments.get(s))
                .map(|r| r.revenue_pct);
            (
                segment_name(personas, s),
                100.0 * size as f64 / n,
                revenue_pct,
            )
        }))
    }

    /// The axis end: the largest share rounded up to the next 10%.
    pub fn axis_max(&self) -> f64 {
        let top = self
            .bars
            .iter()
            .flat_map(|b| [Some(b.customer_pct), b.revenue_pct])
            .flatten()
            .fold(0.0_f64, f64::max);
        ((top / 10.0).ceil() * 10.0).clamp(10.0, 100.0)
    }

    /// Whether any revenue share is known (otherwise only customer bars are drawn).
    pub fn has_revenue(&self) -> bool {
        self.bars.iter().any(|b| b.revenue_pct.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_covers_the_largest_share() {
        let chart = ShareChart::new([
            ("A".to_string(), 21.0, Some(47.5)),
            ("B".to_string(), 79.0, Some(52.5)),
        ]);
        assert_eq!(chart.axis_max(), 80.0);
        assert_eq!(chart.bars[1].style.label, "S2");
        assert!(chart.has_revenue());
        assert_eq!(ShareChart::default().axis_max(), 10.0);
    }
}
