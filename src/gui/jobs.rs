//! The background jobs of the workbench (open the demo, load a dataset, run, open and save
//! sessions): plain functions that run on the worker thread and return a finished outcome.

use super::dataset::Dataset;
use super::demo_loader;
use super::figures::Figures;
use super::persistence::{SessionContents, SessionStore};
use super::provisional::{Decision, PersonaDraft, key_decisions, persona_drafts};
use super::worker::{JobEnd, end_of};
use crate::config::RunConfig;
use crate::pipeline::{Analysis, run_analysis};
use crate::progress::{Progress, Stage};
use crate::roles::ColumnMapping;
use std::path::PathBuf;
use std::sync::Arc;

/// A finished analysis with everything the views draw, computed off the UI thread.
#[derive(Debug, Clone)]
pub struct Finished {
    pub analysis: Arc<Analysis>,
    pub figures: Arc<Figures>,
    pub drafts: Vec<PersonaDraft>,
    pub decisions: Vec<Decision>,
    /// The dataset it came from, for a new run with other settings.
    pub dataset: Option<Dataset>,
}

impl Finished {
    pub fn new(analysis: Analysis, dataset: Option<Dataset>, progress: &Progress) -> Finished {
        progress.report(Stage::Insights, 0.0);
        let figures = Figures::compute(&analysis);
        let drafts = persona_drafts(&analysis, &figures);
        let decisions = key_decisions(&figures);
        progress.report(Stage::Insights, 1.0);
        Finished {
            analysis: Arc::new(analysis),
            figures: Arc::new(figures),
            drafts,
            decisions,
            dataset,
        }
    }
}

/// What a job produced.
#[derive(Debug)]
pub enum Outcome {
    /// A dataset to map (the mapping screen opens).
    Loaded(Dataset),
    /// A complete analysis.
    Analysed(Box<Finished>),
    /// A session with its analysis and edits.
    Opened(Box<Finished>, SessionContents),
    Saved(PathBuf),
}

/// Load the demo dataset and segment it with the detected mapping and default settings.
pub fn open_demo(config: RunConfig) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Loading, 0.0);
        let path = demo_loader::demo_path();
        // TEMPORARY: becomes `sis::ingest::load_table(&path, &LoadOptions::default())`.
        let table = match demo_loader::load_demo() {
            Ok(t) => t,
            Err(e) => return JobEnd::Failed(e),
        };
        progress.report(Stage::Loading, 1.0);
        let dataset = Dataset::new(Some(path), table);
        analyse(dataset, None, config, progress)
    }
}

/// Load a dataset for the mapping screen.
pub fn load_dataset(path: PathBuf) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Loading, 0.0);
        let options = crate::ingest::LoadOptions::default();
        match crate::ingest::load_table(&path, &options) {
            Ok(table) => {
                progress.report(Stage::Loading, 1.0);
                JobEnd::Finished(Outcome::Loaded(Dataset::new(Some(path), table)))
            }
            Err(e) => JobEnd::Failed(e.to_string()),
        }
    }
}

/// Run the pipeline on a dataset (with the detected mapping when `mapping` is `None`).
pub fn run(
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
    match end_of(run_analysis(&dataset.table, &mapping, config, progress)) {
        JobEnd::Finished(analysis) => {
            if progress.check().is_err() {
                return JobEnd::Cancelled;
            }
            JobEnd::Finished(Outcome::Analysed(Box::new(Finished::new(
                analysis,
                Some(dataset),
                progress,
            ))))
        }
        JobEnd::Failed(e) => JobEnd::Failed(e),
        JobEnd::Cancelled => JobEnd::Cancelled,
    }
}

/// Open a session through the store.
pub fn open_session(
    store: Arc<dyn SessionStore>,
    path: PathBuf,
) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Loading, 0.0);
        match store.open(&path) {
            Ok(contents) => {
                let analysis = (*contents.analysis).clone();
                let finished = Finished::new(analysis, None, progress);
                JobEnd::Finished(Outcome::Opened(Box::new(finished), contents))
            }
            Err(e) => JobEnd::Failed(e),
        }
    }
}

/// Save a session through the store.
pub fn save_session(
    store: Arc<dyn SessionStore>,
    path: PathBuf,
    contents: SessionContents,
) -> impl FnOnce(&Progress) -> JobEnd<Outcome> + Send {
    move |progress| {
        progress.report(Stage::Saving, 0.0);
        match store.save(&path, &contents) {
            Ok(()) => JobEnd::Finished(Outcome::Saved(path)),
            Err(e) => JobEnd::Failed(e),
        }
    }
}
