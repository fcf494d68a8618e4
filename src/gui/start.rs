//! What the user is told when the workbench window cannot open (no display, no graphics):
//! the reason in words, without the windowing library's source paths, what to do instead,
//! and, when the file given to open is missing, that too.

use super::dataset::no_such_file;
use super::persistence::is_session;
use std::path::Path;

/// The lines to print (each after `sis: `) when the window could not open with `error`, for
/// `sis [PATH]`.
pub fn start_failure(error: &str, path: Option<&Path>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(path) = path
        && matches!(path.try_exists(), Ok(false))
    {
        lines.push(format!("{}.", no_such_file(path)));
    }
    let instead = match path {
        Some(path) if !is_session(path) => {
            format!("`sis run {}` (see `sis --help`)", path.display())
        }
        Some(path) => format!("`sis inspect {}` (see `sis --help`)", path.display()),
        None => "a subcommand such as `sis run FILE` (see `sis --help`)".to_string(),
    };
    let lowered = error.to_ascii_lowercase();
    if lowered.contains("display") || lowered.contains("wayland") {
        lines.push(format!(
            "the workbench window could not open: no display was found (DISPLAY and WAYLAND_DISPLAY are not set, or no display server answers). \
             Start sis from a desktop session, or use the command line: {instead}."
        ));
    } else {
        lines.push(format!(
            "the workbench window could not open ({}); check the graphics drivers, or use the command line: {instead}.",
            without_source_locations(error)
        ));
    }
    lines
}

/// `error` without "at /…/src/x.rs:765:" locations, which say nothing to a user.
fn without_source_locations(error: &str) -> String {
    let words: Vec<&str> = error.split_whitespace().collect();
    let mut kept: Vec<&str> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let is_location = word.contains(".rs:");
        let before_location = *word == "at" && words.get(i + 1).is_some_and(|w| w.contains(".rs:"));
        if !is_location && !before_location {
            kept.push(word);
        }
    }
    kept.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const WINIT: &str = "winit EventLoopError: os error at /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/winit-0.30.13/src/platform_impl/linux/mod.rs:765: neither WAYLAND_DISPLAY nor WAYLAND_SOCKET nor DISPLAY is set.";

    #[test]
    fn no_display_is_said_in_words_with_the_command_line_instead() {
        let lines = start_failure(WINIT, Some(Path::new("/no/such.csv")));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(
            lines[0],
            "/no/such.csv: there is no such file; check the folder and the spelling of the file name."
        );
        assert!(lines[1].contains("no display was found"), "{}", lines[1]);
        assert!(lines[1].contains("`sis run /no/such.csv`"), "{}", lines[1]);
        assert!(
            lines
                .iter()
                .all(|l| !l.contains("registry") && !l.contains(".rs:"))
        );
    }

    #[test]
    fn other_failures_keep_the_reason_without_source_paths() {
        let lines = start_failure(
            "wgpu error at /home/x/.cargo/registry/src/wgpu-1/src/lib.rs:12: no adapter found",
            None,
        );
        assert_eq!(lines.len(), 1);
        assert!(
            lines[0].contains("(wgpu error no adapter found)"),
            "{}",
            lines[0]
        );
        assert!(lines[0].contains("sis run FILE"), "{}", lines[0]);
        let session = start_failure(WINIT, Some(Path::new("/no/march.sis")));
        assert!(
            session[1].contains("`sis inspect /no/march.sis`"),
            "{session:?}"
        );
    }
}
