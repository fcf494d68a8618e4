//! Long work off the UI thread: one named background job at a time, reporting (stage,
//! fraction) over a channel, stopped by a cancel flag, polled every frame. The job's result
//! replaces what the workbench shows only once it is complete.

use crate::progress::{Progress, Stage};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

enum Message<T> {
    Progress(Stage, f64),
    Done(JobEnd<T>),
}

/// How a job ended.
#[derive(Debug)]
pub(crate) enum JobEnd<T> {
    Finished(T),
    /// The work failed; the message is for people (names the file, column or row).
    Failed(String),
    Cancelled,
}

/// A running background job.
pub(crate) struct Job<T> {
    /// What the job does, shown next to the progress bar ("Segmenting marketing_campaign.csv").
    pub(crate) title: String,
    pub(crate) stage: Stage,
    /// Fraction (0..=1) of the current stage done.
    pub(crate) fraction: f32,
    pub(crate) started: Instant,
    cancel: Arc<AtomicBool>,
    receiver: Receiver<Message<T>>,
}

impl<T: Send + 'static> Job<T> {
    /// Start `work` on a new thread. It reports through the `Progress` it is given; the
    /// window repaints on every report.
    pub(crate) fn spawn(
        title: impl Into<String>,
        ctx: &egui::Context,
        work: impl FnOnce(&Progress) -> JobEnd<T> + Send + 'static,
    ) -> Job<T> {
        let (sender, receiver) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let title = title.into();
        // The stage last reported, to say what was being done if the work panics.
        let last_stage = Arc::new(Mutex::new(None::<Stage>));
        let progress = {
            let sender = sender.clone();
            let ctx = ctx.clone();
            let last_stage = last_stage.clone();
            Progress::new(
                move |stage, fraction| {
                    if let Ok(mut last) = last_stage.lock() {
                        *last = Some(stage);
                    }
                    let _ = sender.send(Message::Progress(stage, fraction));
                    ctx.request_repaint();
                },
                cancel.clone(),
            )
        };
        let ctx = ctx.clone();
        let doing = title.clone();
        let spawned = std::thread::Builder::new()
            .name("sis-worker".into())
            .spawn(move || {
                let end =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&progress)))
                        .unwrap_or_else(|panic| {
                            let what = panic
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_else(|| "unknown error".into());
                            let stage = last_stage
                                .lock()
                                .ok()
                                .and_then(|s| *s)
                                .map_or_else(String::new, |s| format!(", at \"{}\"", s.label()));
                            JobEnd::Failed(internal_error(&doing, &stage, &what))
                        });
                let _ = sender.send(Message::Done(end));
                ctx.request_repaint();
            });
        let job = Job {
            title,
            stage: Stage::Loading,
            fraction: 0.0,
            started: Instant::now(),
            cancel,
            receiver,
        };
        if let Err(e) = spawned {
            // No thread: report the failure through the normal path on the next poll.
            let (sender, receiver) = mpsc::channel();
            let _ = sender.send(Message::Done(JobEnd::Failed(format!(
                "Could not start the background work: {e}"
            ))));
            return Job { receiver, ..job };
        }
        job
    }

    /// Take the reports that arrived; `Some` once the job has ended.
    pub(crate) fn poll(&mut self) -> Option<JobEnd<T>> {
        loop {
            match self.receiver.try_recv() {
                Ok(Message::Progress(stage, fraction)) => {
                    self.stage = stage;
                    self.fraction = fraction as f32;
                }
                Ok(Message::Done(end)) => {
                    return Some(if self.cancel_requested() {
                        match end {
                            JobEnd::Finished(_) | JobEnd::Cancelled => JobEnd::Cancelled,
                            failed => failed,
                        }
                    } else {
                        end
                    });
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(JobEnd::Failed(
                        "The background work ended without a result. The current analysis is unchanged."
                            .into(),
                    ));
                }
            }
        }
    }

    /// Ask the job to stop; it does so at its next check (between seeds and stages).
    pub(crate) fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub(crate) fn cancel_requested(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub(crate) fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// The message of a job that panicked: what it was doing, where, and that nothing changed.
fn internal_error(doing: &str, stage: &str, what: &str) -> String {
    format!(
        "Internal error while {}{stage}: {what}. The work stopped; the current analysis is unchanged and the workbench keeps running. Please report this with the steps that led to it.",
        lowercase_first(doing)
    )
}

/// "Saving x.sis" → "saving x.sis", to sit inside a sentence.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A pipeline error as the job's end: cancellation is not a failure.
pub(crate) fn end_of<T>(result: Result<T, crate::pipeline::PipelineError>) -> JobEnd<T> {
    match result {
        Ok(value) => JobEnd::Finished(value),
        Err(crate::pipeline::PipelineError::Cancelled(_)) => JobEnd::Cancelled,
        Err(e) => JobEnd::Failed(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T: Send + 'static>(job: &mut Job<T>) -> JobEnd<T> {
        loop {
            if let Some(end) = job.poll() {
                return end;
            }
            std::thread::yield_now();
        }
    }

    #[test]
    fn reports_progress_and_result() {
        let ctx = egui::Context::default();
        let mut job = Job::spawn("test", &ctx, |p| {
            p.report(Stage::Segmenting, 0.5);
            JobEnd::Finished(7)
        });
        assert!(matches!(wait(&mut job), JobEnd::Finished(7)));
        assert_eq!(job.stage, Stage::Segmenting);
    }

    #[test]
    fn cancel_is_seen_by_the_work() {
        let ctx = egui::Context::default();
        let mut job: Job<()> = Job::spawn("test", &ctx, |p| {
            loop {
                if p.check().is_err() {
                    return JobEnd::Cancelled;
                }
                std::thread::yield_now();
            }
        });
        job.cancel();
        assert!(matches!(wait(&mut job), JobEnd::Cancelled));
    }

    #[test]
    fn a_panic_says_what_was_being_done() {
        let ctx = egui::Context::default();
        let mut job: Job<()> = Job::spawn("Segmenting demo.csv", &ctx, |p| {
            p.report(Stage::Segmenting, 0.5);
            panic!("an injected fault");
        });
        let JobEnd::Failed(message) = wait(&mut job) else {
            panic!("a panic is a failure");
        };
        assert!(
            message.starts_with("Internal error while segmenting demo.csv, at \"Segmenting"),
            "{message}"
        );
        assert!(message.contains("an injected fault"), "{message}");
        assert!(message.contains("unchanged"), "{message}");
    }
}
