//! Progress and cancellation for long work: stages report a fraction done, and check a
//! shared cancel flag between seeds and between stages.

use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A named stage of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Loading,
    Validating,
    Features,
    Scaling,
    Segmenting,
    Insights,
    Saving,
    /// Simulating the scenarios a report prints.
    Simulating,
    /// Laying out and writing a report or an export.
    Reporting,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Loading => "Loading data",
            Stage::Validating => "Validating",
            Stage::Features => "Building features",
            Stage::Scaling => "Comparing scalers",
            Stage::Segmenting => "Segmenting (k sweep)",
            Stage::Insights => "Insights and personas",
            Stage::Saving => "Saving",
            Stage::Simulating => "Simulating scenarios",
            Stage::Reporting => "Writing the report",
        }
    }
}

/// The work was cancelled by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled by the user")]
pub struct Cancelled;

type Callback = dyn Fn(Stage, f64) + Send + Sync;

/// Where progress goes, and the flag that stops the work.
#[derive(Clone)]
pub struct Progress {
    callback: Option<Arc<Callback>>,
    cancel: Arc<AtomicBool>,
}

impl Default for Progress {
    fn default() -> Self {
        Self::silent()
    }
}

impl Progress {
    /// No reporting, never cancelled.
    pub fn silent() -> Self {
        Self {
            callback: None,
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Report to `callback`; stop when `cancel` becomes true.
    pub fn new(
        callback: impl Fn(Stage, f64) + Send + Sync + 'static,
        cancel: Arc<AtomicBool>,
    ) -> Self {
        Self {
            callback: Some(Arc::new(callback)),
            cancel,
        }
    }

    /// Report that `stage` is `fraction` (0..=1) done.
    pub fn report(&self, stage: Stage, fraction: f64) {
        if let Some(cb) = &self.callback {
            cb(stage, fraction.clamp(0.0, 1.0));
        }
    }

    /// The cancel flag, for kernels that poll it.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// `Err(Cancelled)` once the user asked to stop.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.cancel.load(Ordering::Relaxed) {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}
