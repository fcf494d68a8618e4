//! "Save chart as PNG", for slide decks: a context-menu item on every chart asks for a
//! screenshot of the next frame (egui's viewport screenshot), which is cropped to the chart's
//! rectangle at the screen's pixel density, encoded as PNG and written into the export folder.
//!
//! In a real window the screenshot is read back from the GPU a frame or two later, so the
//! workbench keeps painting while a save is outstanding (an idle window paints only on
//! input, and the file would wait for the next mouse move).

use egui::accesskit::Role;
use egui::{ColorImage, Rect, Response, WidgetInfo};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A chart the user asked to save.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChartShot {
    pub(crate) rect: Rect,
    /// Names the file: "Customer map" → `chart_customer_map.png`.
    pub(crate) name: String,
}

/// The chart saves asked for: how many are outstanding, and those that finished (the file
/// written, or why not), for the notice.
#[derive(Debug, Default)]
pub(crate) struct ChartSaves {
    pending: usize,
    finished: Arc<Mutex<Vec<Result<PathBuf, String>>>>,
}

impl ChartSaves {
    /// Screenshot the next frame and save the chart's part of it into `folder`.
    pub(crate) fn capture(&mut self, ctx: &egui::Context, shot: ChartShot, folder: PathBuf) {
        let pixels_per_point = ctx.pixels_per_point();
        let notify = ctx.clone();
        let finished = Arc::clone(&self.finished);
        ctx.request_screenshot(move |image| {
            let result = save(&image, &shot, pixels_per_point, &folder);
            if let Ok(mut list) = finished.lock() {
                list.push(result);
            }
            notify.request_repaint();
        });
        self.pending += 1;
        ctx.request_repaint();
    }

    /// The saves that finished since the last call; asks for another frame while any is
    /// outstanding.
    pub(crate) fn take_finished(&mut self, ctx: &egui::Context) -> Vec<Result<PathBuf, String>> {
        let done = match self.finished.lock() {
            Ok(mut list) => std::mem::take(&mut *list),
            Err(_) => Vec::new(),
        };
        self.pending = self.pending.saturating_sub(done.len());
        if self.pending > 0 {
            ctx.request_repaint();
        }
        done
    }
}

fn request_id() -> egui::Id {
    egui::Id::unique("sis-save-chart-as-png")
}

/// Offer "Save chart as PNG" when the chart is right-clicked; the chart is a figure named
/// `name` to assistive technology (and to the tests).
pub(crate) fn menu(response: &Response, name: &str) {
    let rect = response.rect;
    response.widget_info(|| WidgetInfo::labeled(Role::Figure, true, name));
    if response.secondary_clicked() {
        // The menu's first frame only measures it: paint the next one now, not on the next
        // input, or the menu stays invisible until the pointer moves.
        response.ctx.request_repaint();
    }
    response.context_menu(|ui| {
        if ui
            .button("Save chart as PNG")
            .on_hover_text("Write this chart as a PNG image into the export folder, for slides")
            .clicked()
        {
            let shot = ChartShot {
                rect,
                name: name.into(),
            };
            ui.ctx().data_mut(|d| d.insert_temp(request_id(), shot));
        }
    });
}

/// The chart a menu asked for this frame, if any.
pub(crate) fn take_request(ctx: &egui::Context) -> Option<ChartShot> {
    let id = request_id();
    ctx.data_mut(|d| {
        let shot = d.get_temp::<ChartShot>(id);
        d.remove::<ChartShot>(id);
        shot
    })
}

/// The file name of a chart.
pub(crate) fn file_name(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let stem: Vec<&str> = stem.split('_').filter(|p| !p.is_empty()).collect();
    format!("chart_{}.png", stem.join("_"))
}

fn save(
    image: &ColorImage,
    shot: &ChartShot,
    pixels_per_point: f32,
    folder: &Path,
) -> Result<PathBuf, String> {
    let cropped = image.region(&shot.rect, Some(pixels_per_point));
    let bytes = png_bytes(&cropped)?;
    let path = folder.join(file_name(&shot.name));
    crate::export::write_atomically(&path, &bytes).map_err(|e| e.to_string())?;
    // The notice names the file in full, even when the export folder is relative.
    Ok(std::fs::canonicalize(&path).unwrap_or(path))
}

/// An image as PNG bytes (8-bit RGBA).
pub(crate) fn png_bytes(image: &ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    if w == 0 || h == 0 {
        return Err("The chart is not on screen; scroll it into view and try again.".into());
    }
    let failed = |e: png::EncodingError| format!("Could not encode the chart as PNG: {e}");
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(image.as_raw()).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cropped_chart_encodes_as_png() {
        let mut image = ColorImage::filled([40, 30], egui::Color32::WHITE);
        image[(10, 10)] = egui::Color32::from_rgb(0, 114, 178);
        let rect = Rect::from_min_size(egui::pos2(5.0, 5.0), egui::vec2(10.0, 8.0));
        let cropped = image.region(&rect, Some(2.0));
        assert_eq!(cropped.size, [20, 16]);
        let bytes = png_bytes(&cropped).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(file_name("Customer map"), "chart_customer_map.png");
        assert_eq!(file_name("k: Silhouette"), "chart_k_silhouette.png");
        assert!(png_bytes(&ColorImage::filled([0, 0], egui::Color32::WHITE)).is_err());
    }
}
