//! The command line's view of the core's [`Progress`]: one live bar (indicatif) when stderr
//! is a terminal, one plain line per stage otherwise, nothing with `--quiet`.

use crate::progress::{Progress, Stage};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

/// Progress on stderr for as long as it lives; the bar is cleared when it is dropped.
pub(crate) struct StderrProgress {
    pub progress: Progress,
    bar: Option<ProgressBar>,
}

impl Drop for StderrProgress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Where the pipeline's progress goes on stderr.
pub(crate) fn stderr_progress(quiet: bool) -> StderrProgress {
    let cancel = Arc::new(AtomicBool::new(false));
    if quiet {
        return StderrProgress {
            progress: Progress::silent(),
            bar: None,
        };
    }
    if std::io::stderr().is_terminal() {
        let bar = live_bar();
        let shown = bar.clone();
        let current = Mutex::new(None::<Stage>);
        let progress = Progress::new(
            move |stage, fraction| {
                if let Ok(mut current) = current.lock()
                    && *current != Some(stage)
                {
                    *current = Some(stage);
                    shown.set_message(stage.label());
                }
                shown.set_position((fraction * 100.0).round() as u64);
            },
            cancel,
        );
        return StderrProgress {
            progress,
            bar: Some(bar),
        };
    }
    StderrProgress {
        progress: stage_lines(cancel),
        bar: None,
    }
}

fn live_bar() -> ProgressBar {
    let bar = ProgressBar::new(100);
    // The template is a constant; should it ever be rejected, the default bar is fine.
    if let Ok(style) = ProgressStyle::with_template("{msg:<22} [{bar:32}] {pos:>3}%") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// One line per stage, when it starts: for logs and pipes.
fn stage_lines(cancel: Arc<AtomicBool>) -> Progress {
    let last = Mutex::new(None::<Stage>);
    Progress::new(
        move |stage, _fraction| {
            if let Ok(mut last) = last.lock()
                && *last != Some(stage)
            {
                *last = Some(stage);
                eprintln!("sis: {}…", stage.label());
            }
        },
        cancel,
    )
}
