//! Chart data shared by the workbench and the PDF report ("one chart model, two renderers"):
//! plain numbers, labels and colours from the segment palette, with no drawing toolkit. Each
//! renderer (egui in `gui`, vector PDF in `report`) draws the same model.

pub mod calibration;
pub mod heatmap;
pub mod metrics;
pub mod scenario;
pub mod share;
pub mod style;

pub use calibration::{CalibrationBucket, CalibrationChart};
pub use heatmap::{HeatColumn, HeatRow, Heatmap};
pub use metrics::{MetricPanel, MetricSeries, MetricsChart};
pub use scenario::{ScenarioBar, ScenarioChart};
pub use share::{ShareBar, ShareChart};
pub use style::{Pattern, SegmentStyle, heat_rgb, segment_style};
