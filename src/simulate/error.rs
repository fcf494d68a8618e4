//! Why a scenario file or setting was refused, naming the file and the key at fault.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScenarioError {
    #[error(
        "{file}: not a valid scenario: {detail}\nSee docs/scenario_example.toml for every key and its meaning."
    )]
    Parse { file: String, detail: String },
    #[error(
        "{key} = {value} is out of range: it must be between {lo} and {hi} (fractions: 0.15 = 15%)"
    )]
    OutOfRange {
        key: String,
        value: f64,
        lo: f64,
        hi: f64,
    },
    #[error("{key}: segment {segment} does not exist; the analysis has segments 1 to {k}")]
    NoSuchSegment { key: String, segment: u32, k: usize },
}
