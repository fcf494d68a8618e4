//! The thresholds of the persona rules: where a value index, a z-score, a lift or a channel
//! share starts to count. Signals read them, the rule table and the decisions quote them.

/// A segment counts as premium from this value index (revenue % ÷ customer %).
pub const PREMIUM_VALUE: f64 = 1.5;
/// …as valuable from this value index.
pub const VALUABLE: f64 = 1.1;
/// …as low value at or below this value index.
pub const LOW_VALUE: f64 = 0.6;
/// A trait is marked when the segment mean is at least this many standard deviations from the
/// population mean (z-score).
pub const MARKED_Z: f64 = 0.5;
/// Campaign response counts as high from this lift over the population.
pub const RESPONSIVE_LIFT: f64 = 1.5;
/// A channel leads when the segment's share of it is at least this multiple of the population's.
pub const CHANNEL_LEAD: f64 = 1.25;
/// Features need at least this |z| to name a persona in the fallback.
pub const NAMING_Z: f64 = 0.3;
