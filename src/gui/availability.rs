//! When each command is available, and why not (shown as its tooltip): read by the menus, the
//! toolbar, the views and the shortcuts, below all of them.

use super::command::Command;
use super::document::Document;
use super::shell::{Screen, Shell};

pub(crate) const BUSY: &str = "Wait for the running work to finish, or cancel it";
const NO_ANALYSIS: &str = "Run a segmentation first";

/// `Ok` when `command` can run now, or the reason it cannot (shown as its tooltip).
pub(crate) fn availability(
    document: &Document,
    shell: &Shell,
    command: Command,
) -> Result<(), String> {
    let busy = shell.is_busy();
    let fail = |reason: &str| Err(reason.to_string());
    match command {
        Command::OpenDemo | Command::OpenDataset | Command::OpenSession if busy => fail(BUSY),
        Command::Save | Command::SaveAs if document.current().is_none() => fail(NO_ANALYSIS),
        Command::Save | Command::SaveAs if busy => fail(BUSY),
        Command::Save | Command::SaveAs
            if document.current().is_some_and(|c| c.dataset.is_none()) =>
        {
            fail("The data behind this analysis is not loaded; open it again")
        }
        Command::ExportPdf if document.current().is_none() => fail(NO_ANALYSIS),
        Command::ExportPdf if busy => fail(BUSY),
        Command::Undo => match document.next_undo() {
            Some(_) => Ok(()),
            None => fail("Nothing to undo"),
        },
        Command::Redo => match document.next_redo() {
            Some(_) => Ok(()),
            None => fail("Nothing to redo"),
        },
        Command::EditMapping if busy => fail(BUSY),
        Command::EditMapping if document.dataset().is_none() => {
            fail("The dataset behind this analysis is not loaded; open it again")
        }
        Command::RunSegmentation => run_availability(document, shell),
        Command::CancelRun if !busy => fail("Nothing is running"),
        Command::ShowTab(_) | Command::TogglePresentation if document.current().is_none() => {
            fail(NO_ANALYSIS)
        }
        Command::NextSlide | Command::PreviousSlide | Command::LeavePresentation
            if !shell.is_presenting() =>
        {
            fail("Only in presentation mode")
        }
        _ => Ok(()),
    }
}

fn run_availability(document: &Document, shell: &Shell) -> Result<(), String> {
    if shell.is_busy() {
        return Err(BUSY.into());
    }
    if document.dataset().is_none() {
        return Err("Open a dataset first".into());
    }
    if let Err(e) = document.config().clone().validate() {
        return Err(format!("Fix the settings first: {e}"));
    }
    if shell.screen() == Screen::Mapping
        && let Some(problem) = document.mapping_check().and_then(|c| c.problem.as_deref())
    {
        return Err(format!("Fix the mapping first: {problem}"));
    }
    Ok(())
}
