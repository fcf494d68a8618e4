//! When each command is available (and why not), and what running it does.

use super::Workbench;
use crate::gui::command::Command;
use crate::gui::jobs;
use crate::gui::persistence::{suggested_name, with_session_extension};
use crate::gui::shell::Screen;
use crate::gui::slides;

pub(super) use crate::gui::availability::BUSY;

impl Workbench {
    /// Run a command (check [`availability`] first).
    pub(super) fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenDemo => {
                let config = self.document.config().clone();
                self.start_job(ctx, "Opening the demo dataset", jobs::open_demo(config));
            }
            Command::OpenDataset => {
                if let Some(path) = self.services.dialogs().pick_dataset() {
                    self.open_path(ctx, path);
                }
            }
            Command::OpenSession => {
                let folder = self.services.folder();
                if let Some(path) = self.services.dialogs().pick_session(&folder) {
                    self.open_path(ctx, path);
                }
            }
            Command::Save => match self.document.path().map(|p| p.to_path_buf()) {
                Some(path) => self.save_to(ctx, path),
                None => self.execute(ctx, Command::SaveAs),
            },
            Command::SaveAs => {
                let name = self
                    .document
                    .analysis()
                    .map_or_else(|| suggested_name(""), |a| suggested_name(&a.file_name));
                let folder = self.services.folder();
                if let Some(path) = self.services.dialogs().save_session(&folder, &name) {
                    self.save_to(ctx, with_session_extension(path));
                }
            }
            Command::ExportPdf => {
                let request = self
                    .views
                    .export
                    .pdf_request(&self.document, &self.services);
                self.start_export(ctx, request);
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                self.document.undo();
            }
            Command::Redo => {
                self.document.redo();
            }
            Command::EditMapping => {
                self.document.edit_mapping();
                self.views.mapping.reset();
                self.shell.show_screen(Screen::Mapping);
            }
            Command::RunSegmentation => {
                if let Some(dataset) = self.document.dataset().cloned() {
                    let title = format!("Segmenting {}", dataset.table.file_name);
                    let (mapping, config) = (self.document.mapping(), self.document.config());
                    let work = jobs::run(dataset, mapping.clone(), config.clone());
                    self.start_job(ctx, title, work);
                }
            }
            Command::CancelRun => self.shell.cancel_job(),
            Command::ShowTab(tab) => {
                self.shell.show_tab(tab);
                self.shell.stop_presenting(ctx);
            }
            Command::TogglePresentation => {
                if self.shell.is_presenting() {
                    self.shell.stop_presenting(ctx);
                } else {
                    self.shell.present(ctx);
                }
            }
            Command::ToggleTheme => self.shell.toggle_theme(),
            Command::NextSlide => {
                let len = slides::deck(&self.document).len();
                self.shell.next_slide(len);
            }
            Command::PreviousSlide => self.shell.previous_slide(),
            Command::LeavePresentation => self.shell.stop_presenting(ctx),
        }
    }
}
