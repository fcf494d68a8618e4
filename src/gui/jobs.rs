//! The background jobs of the workbench (open the demo, load a dataset, run, open and save
//! sessions; the exports are in `export_jobs`): plain functions that run on the worker
//! thread and return a finished outcome.

use super::dataset::{self, Dataset};
use super::figures::Figures;
use super::persistence::{SessionContents, SessionStore};
use super::worker::{JobEnd, end_of};
use crate::config::RunConfig;
use crate::ingest::{LoadOptions, load_bytes, load_table};
use crate::pipeline::{Analysis, run_analysis};
use crate::progress::{Progress, Stage};
use crate::roles::ColumnMapping;
use crate::session::SessionUiState;
use crate::simulate::ScenarioLedger;
use std::path::PathBuf;
use std::sync::Arc;

/// A finished analysis with everything the views draw, computed off the UI thread.
#[derive(Debug, Clone)]
pub(crate) struct Finished {
    pub(crate) analysis: Arc<Analysis>,
    pub(crate) figures: Arc<Figures>,
    /// The dataset it came from, for a new run with other settings and for saving.
    pub(crate) dataset: Option<Dataset>,
    /// The dated purchases of order lines, for the calibration check at a cutoff the user
    /// picks (GUI state: not saved in sessions, which hold the customer table).
    pub(crate) purchases: Option<Arc<crate::transactions::PurchaseLog>>,
}

impl Finished {
    pub(crate) fn new(
        analysis: Arc<Analysis>,
        dataset: Option<Dataset>,
        progress: &Progress,
    ) -> Finished {
        progress.report(Stage::Insights, 0.5);
        let figures = Figures::compute(&analysis);
        progress.report(Stage::Insights, 1.0);
        Finished {
            analysis,
            figures: Arc::new(figures),
            dataset,
            purchases: None,
        }
    }
}

/// What an opened session brings besides its analysis.
#[derive(Debug)]
pub(crate) struct OpenedSession {
    pub(crate) path: PathBuf,
    pub(crate) scenarios: ScenarioLedger,
    pub(crate) ui: SessionUiState,
}

/// What a job produced.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// A dataset to map (the mapping screen opens).
    Loaded(Box<Dataset>),
    /// A complete analysis.
    Analysed(Box<Finished>),
    /// A session with its analysis (the personas carry the user's edits).
    Opened(Box<Finished>, Box<OpenedSession>),
    /// A session was written; `revision` is the state of the edits it holds.
    Saved { path: PathBuf, revision: u64 },
    /// An export was written to `path` (`what`: "the PDF report", …).
    Exported { path: PathBuf, what: &'static str },
}

/// Load the demo dataset and segment it with the detected mapping and `config`.
pub(crate) fn open_demo(config: RunConfig) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Loading, 0.0);
        let table = match dataset::load_demo() {
            Ok(t) => t,
            Err(e) => return JobEnd::Failed(e.to_string()),
        };
        progress.report(Stage::Loading, 1.0);
        let dataset = Dataset::new(Some(dataset::demo_path()), table);
        analyse(dataset, None, config, progress)
    }
}

/// Load a dataset for the mapping screen.
pub(crate) fn load_dataset(path: PathBuf) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Loading, 0.0);
        match load_table(&path, &LoadOptions::default()) {
            Ok(table) => {
                progress.report(Stage::Loading, 1.0);
                JobEnd::Finished(Outcome::Loaded(Box::new(Dataset::new(Some(path), table))))
            }
            Err(e) => JobEnd::Failed(e.to_string()),
        }
    }
}

/// Load a file dropped on the window from its bytes, named by its file name.
pub(crate) fn load_dropped(
    file: egui::DroppedFileHandle,
) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Loading, 0.0);
        let path = file.path().to_path_buf();
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().to_string(),
        );
        let bytes = match file.bytes() {
            Ok(bytes) => bytes,
            Err(e) => {
                return JobEnd::Failed(format!(
                    "{name}: the dropped file could not be read ({e}); check that it is readable and drop it again."
                ));
            }
        };
        match load_bytes(&bytes, &name, &LoadOptions::default()) {
            Ok(table) => {
                progress.report(Stage::Loading, 1.0);
                let path = path.is_absolute().then_some(path);
                JobEnd::Finished(Outcome::Loaded(Box::new(Dataset::new(path, table))))
            }
            Err(e) => JobEnd::Failed(e.to_string()),
        }
    }
}

/// Run the pipeline on a dataset with `mapping`.
pub(crate) fn run(
    dataset: Dataset,
    mapping: ColumnMapping,
    config: RunConfig,
) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| analyse(dataset, Some(mapping), config, progress)
}

fn analyse(
    dataset: Dataset,
    mapping: Option<ColumnMapping>,
    config: RunConfig,
    progress: &Progress,
) -> JobEnd<Outcome> {
    let mapping = mapping.unwrap_or_else(|| dataset.detected_mapping());
    // Order lines become one row per customer; ids repeating too often are refused.
    let mut prepared = match crate::transactions::prepare_customers(&dataset.table, &mapping) {
        Ok(prepared) => prepared,
        Err(e) => return JobEnd::Failed(e.to_string()),
    };
    prepared.add_customer_value(&crate::clv::ValueHorizon::default());
    let config = prepared.settings(config);
    let result = run_analysis(&prepared.table, &prepared.mapping, config, progress);
    let purchases = prepared.purchase_log().map(Arc::new);
    let aggregated = match prepared.table {
        std::borrow::Cow::Owned(ref customers) => Some(customers.clone()),
        std::borrow::Cow::Borrowed(_) => None,
    };
    match end_of(result) {
        JobEnd::Finished(mut analysis) => {
            prepared.record(&mut analysis.quality.actions);
            if progress.check().is_err() {
                return JobEnd::Cancelled;
            }
            // After aggregation the workbench works on the customer table.
            let dataset = match aggregated {
                Some(customers) => Dataset::new(dataset.path.clone(), customers),
                None => dataset,
            };
            let mut finished = Finished::new(Arc::new(analysis), Some(dataset), progress);
            finished.purchases = purchases;
            JobEnd::Finished(Outcome::Analysed(Box::new(finished)))
        }
        JobEnd::Failed(e) => JobEnd::Failed(e),
        JobEnd::Cancelled => JobEnd::Cancelled,
    }
}

/// Open a session through the store.
pub(crate) fn open_session(
    store: Arc<dyn SessionStore>,
    path: PathBuf,
) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Loading, 0.0);
        match store.open(&path) {
            Ok(contents) => {
                progress.report(Stage::Loading, 1.0);
                let dataset = Dataset::shared(None, contents.table);
                let finished = Finished::new(contents.analysis, Some(dataset), progress);
                let opened = OpenedSession {
                    path,
                    scenarios: contents.scenarios,
                    ui: contents.ui,
                };
                JobEnd::Finished(Outcome::Opened(Box::new(finished), Box::new(opened)))
            }
            Err(e) => JobEnd::Failed(e),
        }
    }
}

/// Save a session through the store.
pub(crate) fn save_session(
    store: Arc<dyn SessionStore>,
    path: PathBuf,
    contents: SessionContents,
    revision: u64,
) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Saving, 0.0);
        match store.save(&path, &contents) {
            Ok(()) => {
                progress.report(Stage::Saving, 1.0);
                JobEnd::Finished(Outcome::Saved { path, revision })
            }
            Err(e) => JobEnd::Failed(e),
        }
    }
}

/// The bootstrap band of a scenario, with the blocks it was drawn from (kept for the next
/// band of the same analysis).
pub(crate) struct BandResult {
    pub(crate) scenario: crate::simulate::Scenario,
    pub(crate) band: crate::simulate::Band,
    pub(crate) blocks: Arc<crate::simulate::BootstrapBlocks>,
}

/// Compute a scenario's P10–P90 band on the worker: build the bootstrap blocks once per
/// analysis (when `blocks` is `None`), then resample them.
pub(crate) fn simulation_band(
    analysis: Arc<Analysis>,
    base: crate::simulate::SimulationBase,
    blocks: Option<Arc<crate::simulate::BootstrapBlocks>>,
    scenario: crate::simulate::Scenario,
    pool: Option<Arc<rayon::ThreadPool>>,
) -> impl FnOnce(&Progress) -> JobEnd<BandResult> + Send {
    move |_progress| {
        let compute = move || {
            let settings = crate::simulate::BootstrapSettings::default();
            let blocks = match blocks {
                Some(blocks) => blocks,
                None => match crate::simulate::BootstrapBlocks::from_analysis(&analysis, &settings)
                {
                    Ok(blocks) => Arc::new(blocks),
                    Err(e) => return JobEnd::Failed(e.to_string()),
                },
            };
            let band = crate::simulate::band(&base, &blocks, &scenario, &settings);
            JobEnd::Finished(BandResult {
                scenario,
                band,
                blocks,
            })
        };
        // The band runs while people move the sliders: on `pool`, which leaves the window a
        // core of its own. The band is the same at any thread count (`simulation` tests).
        match pool {
            Some(pool) => pool.install(compute),
            None => compute(),
        }
    }
}

/// A thread pool one thread smaller than the machine (at least one thread), for work that runs
/// while the window stays live; `None` when the threads cannot be started.
pub(crate) fn background_pool() -> Option<rayon::ThreadPool> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    rayon::ThreadPoolBuilder::new()
        .num_threads(cores.saturating_sub(1).max(1))
        .thread_name(|i| format!("sis-band-{i}"))
        .build()
        .ok()
}
