//! The P10–P90 band of the scenario being edited, computed on the worker once the controls
//! have settled (no change for [`SETTLE_SECONDS`], measured with egui's input time). The live
//! numbers never wait for it; a band of other settings is never shown.

use crate::gui::jobs::{self, BandResult, Finished};
use crate::gui::worker::{Job, JobEnd};
use crate::simulate::{Band, BootstrapBlocks, Scenario, SimulationBase};
use std::sync::Arc;

/// How long the settings must stay unchanged before the band is computed.
pub(crate) const SETTLE_SECONDS: f64 = 0.3;

/// The band job and its last result.
#[derive(Default)]
pub(crate) struct BandState {
    /// The settings last seen, and the input time they were first seen at.
    seen: Option<(Scenario, f64)>,
    /// The analysis the blocks and the result belong to.
    run: Option<String>,
    blocks: Option<Arc<BootstrapBlocks>>,
    result: Option<(Scenario, Band)>,
    job: Option<(Scenario, Job<BandResult>)>,
    failed: Option<String>,
    /// The band's threads, started with the first band of the analysis.
    pool: Option<Arc<rayon::ThreadPool>>,
}

impl std::fmt::Debug for BandState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BandState")
            .field("result", &self.result)
            .field("running", &self.job.is_some())
            .finish()
    }
}

impl BandState {
    /// The band of `scenario`, when it is ready.
    pub(crate) fn shown(&self, scenario: &Scenario) -> Option<&Band> {
        self.result
            .as_ref()
            .filter(|(s, _)| s == scenario)
            .map(|(_, b)| b)
    }

    /// Why the band could not be computed, if it could not.
    pub(crate) fn failure(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// Take a finished band, and start the next one once `scenario` has settled.
    pub(crate) fn update(
        &mut self,
        ctx: &egui::Context,
        current: &Finished,
        base: &SimulationBase,
        scenario: &Scenario,
    ) {
        let run = current.analysis.run_id.to_string();
        if self.run.as_deref() != Some(run.as_str()) {
            *self = BandState {
                run: Some(run),
                ..BandState::default()
            };
        }
        self.poll();
        let now = ctx.input(|i| i.time);
        let since = match &self.seen {
            Some((seen, at)) if seen == scenario => *at,
            _ => {
                self.seen = Some((scenario.clone(), now));
                now
            }
        };
        if self.shown(scenario).is_some() || self.failed.is_some() {
            return;
        }
        if self.job.is_some() {
            return;
        }
        let waited = now - since;
        if waited < SETTLE_SECONDS {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                SETTLE_SECONDS - waited + 0.01,
            ));
            return;
        }
        if self.pool.is_none() {
            self.pool = jobs::background_pool().map(Arc::new);
        }
        let work = jobs::simulation_band(
            current.analysis.clone(),
            base.clone(),
            self.blocks.clone(),
            scenario.clone(),
            self.pool.clone(),
        );
        let job = Job::spawn("Bootstrap band", ctx, work);
        self.job = Some((scenario.clone(), job));
    }

    fn poll(&mut self) {
        let Some((_, job)) = self.job.as_mut() else {
            return;
        };
        let Some(end) = job.poll() else {
            return;
        };
        self.job = None;
        match end {
            JobEnd::Finished(r) => {
                self.blocks = Some(r.blocks);
                self.result = Some((r.scenario, r.band));
            }
            JobEnd::Failed(message) => self.failed = Some(message),
            JobEnd::Cancelled => {}
        }
    }
}
