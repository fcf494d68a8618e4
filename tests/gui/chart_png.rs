//! A workshop takes a chart to its slides: right-click a chart, "Save chart as PNG", and the
//! chart's part of the window (egui's viewport screenshot) is written as a PNG into the
//! export folder, and the notice says where.

use crate::support;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::sync::Arc;
use support::*;

/// Width and height of a PNG file, read from its header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

/// Whether the last frame asked for the next one at once.
fn repaints_at_once(app: &App) -> bool {
    app.output()
        .viewport_output
        .values()
        .any(|v| v.repaint_delay.is_zero())
}

/// The screenshots the last frame asked for.
fn screenshots(app: &App) -> Vec<egui::ScreenshotCallback> {
    app.output()
        .viewport_output
        .values()
        .flat_map(|v| &v.commands)
        .filter_map(|c| match c {
            egui::ViewportCommand::Screenshot(callback) => Some(callback.clone()),
            _ => None,
        })
        .collect()
}

/// Answer `shots` as a real window does, a frame or more later, with a window-sized image.
fn answer(app: &App, shots: Vec<egui::ScreenshotCallback>) {
    let ppp = app.ctx.pixels_per_point();
    let screen = app.ctx.content_rect().size() * ppp;
    let image = Arc::new(egui::ColorImage::filled(
        [screen.x.round() as usize, screen.y.round() as usize],
        egui::Color32::from_rgb(0, 114, 178),
    ));
    for shot in shots {
        shot.complete(Arc::clone(&image));
    }
}

/// Right-click the chart named `name`, choose "Save chart as PNG", and return the chart's
/// size in pixels.
fn save_chart(app: &mut App, name: &str) -> (u32, u32) {
    let figure = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::Figure && n.label().is_some_and(|l| l.starts_with(name))
    };
    let rect = app.get_by(figure).rect();
    app.get_by(figure).click_secondary();
    app.run_steps(2);
    app.get_by_label("Save chart as PNG").click();
    app.step();
    let shots = screenshots(app);
    assert_eq!(shots.len(), 1, "{name}: one screenshot asked for");
    // An idle window paints only on input: until the screenshot is back, the workbench
    // keeps asking for frames, or the file would wait for the next mouse move.
    app.step();
    assert!(
        repaints_at_once(app),
        "{name}: frames go on while the save is outstanding"
    );
    answer(app, shots);
    app.run_steps(2);
    let ppp = app.ctx.pixels_per_point();
    let size = rect.size() * ppp;
    (size.x.round() as u32, size.y.round() as u32)
}

#[test]
fn save_chart_as_png_writes_the_chart_into_the_export_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("slides");
    let mut app = demo_workbench();
    app.get_by_label("Export").click();
    app.run_steps(3);
    retype_field(&mut app, "Export folder", folder.to_str().unwrap());

    app.get_by_label("Overview").click();
    app.run_steps(3);
    let size = save_chart(&mut app, "Revenue share against customer share");
    let png = folder.join("chart_revenue_share_against_customer_share.png");
    assert_eq!(
        png_size(&png),
        size,
        "the PNG is the chart's part of the window"
    );
    assert!(shows(&app, "Saved the chart to"), "the notice says where");

    app.get_by_label("Segments").click();
    app.run_steps(3);
    let size = save_chart(&mut app, "Profile heatmap");
    assert_eq!(png_size(&folder.join("chart_profile_heatmap.png")), size);
}
