//! Long work off the UI thread: one named background job at a time, reporting (stage,
//! fraction) over a channel, stopped by a cancel flag, polled every frame. The job's result
//! replaces what the workbench shows only once it is complete.

use crate::progress::{Progress, Stage};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
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
        let progress = {
            let sender = sender.clone();
            let ctx = ctx.clone();
            Progress::new(
                move |stage, fraction| {
                    let _ = sender.send(Message::Progress(stage, fraction));
                    ctx.request_repaint();
                },
                cancel.clone(),
            )
        };
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("sis-worker".into())
            .spawn(move || {
                let end = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    work(&progress)
                }))
                .unwrap_or_else(|panic| {
                    let what = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_else(|| "unknown error".into());
                    JobEnd::Failed(format!(
                        "The work stopped on an internal error ({what}). The current analysis is unchanged."
                    ))
                });
                let _ = sender.send(Message::Done(end));
                ctx.request_repaint();
            });
        let title = title.into();
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
}
