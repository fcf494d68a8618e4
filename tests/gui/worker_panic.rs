//! A fault inside the worker thread: the session store panics while saving (the test's hook
//! into the real save job). The workbench reports an internal error that says what it was
//! doing, keeps the analysis, and keeps working.

use crate::support;

use egui_kittest::kittest::Queryable;
use sis::gui::{SessionContents, SessionStore, Workbench};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use support::*;

/// A store whose every save and open panics.
struct FaultyStore {
    folder: PathBuf,
}

impl SessionStore for FaultyStore {
    fn save(&self, _path: &Path, _contents: &SessionContents) -> Result<(), String> {
        panic!("an injected fault in the store");
    }

    fn open(&self, _path: &Path) -> Result<SessionContents, String> {
        panic!("an injected fault in the store");
    }

    fn folder(&self) -> PathBuf {
        self.folder.clone()
    }
}

#[test]
fn a_panic_in_the_worker_is_reported_and_the_app_keeps_running() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.sis");
    let mut wb = Workbench::for_tests()
        .with_session_store(Arc::new(FaultyStore {
            folder: dir.path().to_path_buf(),
        }))
        .with_file_dialogs(Arc::new(AnsweredDialogs::new(&path)));
    wb.set_run_config(quick_config());
    let mut app = workbench_with(wb);
    open_demo(&mut app);
    let run_id = app.state().analysis().unwrap().run_id.clone();
    let customers = kpi(&app, "Customers");

    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    app.step();
    wait_idle(&mut app, "the save that panics");
    app.run_steps(2);
    assert!(
        shows(&app, "Internal error while saving"),
        "the error says what was being done"
    );
    assert!(shows(&app, "an injected fault in the store"));
    assert!(!path.exists(), "nothing was written");
    assert_eq!(app.state().analysis().unwrap().run_id, run_id);
    assert_eq!(
        kpi(&app, "Customers"),
        customers,
        "the analysis is still shown"
    );

    // The workbench keeps working: dismiss, switch tabs, and run again.
    app.get_by_label("Dismiss").click();
    app.run_steps(3);
    app.get_by_label("Personas").click();
    app.run_steps(3);
    app.state_mut().request_open(sis::gui::demo_path());
    app.step();
    wait_idle(&mut app, "loading the demo again after the fault");
    assert!(!app.state().is_busy());
    assert!(!shows(&app, "Internal error"), "no new error");
}
