//! The profile heatmap: each segment's mean of each segmentation feature as a z-score
//! against all customers, on a diverging colour scale with its legend, exact values on hover.

use super::Shown;
use crate::format::signed;
use crate::gui::chart_image;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use egui::{Align2, CornerRadius, FontId, Rect, Sense, Ui, WidgetInfo, pos2, vec2};

/// z-scores beyond this get the strongest colour.
const LIMIT: f64 = 2.0;

pub(crate) fn ui(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    widgets::section(
        ui,
        "Profile heatmap",
        "How far each segment's average sits from the average customer, in standard deviations (σ)",
    );
    let figures = shown.figures;
    let rows: Vec<usize> = (0..figures.profile.len())
        .filter(|&i| figures.profile[i].in_model)
        .collect();
    let k = figures.segments.len();
    if rows.is_empty() || k == 0 {
        widgets::muted(ui, "No features to profile.");
        return;
    }
    let label_width = 230.0;
    let row_height = if shown.presenting { 26.0 } else { 24.0 };
    let header_height = 26.0;
    let cell_width = ((ui.available_width() - label_width - 8.0) / k as f32).clamp(56.0, 190.0);
    let size = vec2(
        label_width + cell_width * k as f32,
        header_height + row_height * rows.len() as f32,
    );
    // Click sense: a right-click opens "Save chart as PNG".
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    chart_image::menu(&response, "Profile heatmap");
    response.widget_info(|| {
        WidgetInfo::labeled(
            egui::accesskit::Role::Figure,
            true,
            format!("Profile heatmap: {} segments × {} features", k, rows.len()),
        )
    });
    let painter = ui.painter_at(rect);
    let font = FontId::proportional(if shown.presenting { 14.0 } else { 13.0 });
    let text_color = palette.strong;
    let cell = |row: usize, col: usize| -> Rect {
        Rect::from_min_size(
            pos2(
                rect.left() + label_width + col as f32 * cell_width,
                rect.top() + header_height + row as f32 * row_height,
            ),
            vec2(cell_width, row_height),
        )
        .shrink(1.0)
    };
    for s in 0..k {
        let top = pos2(
            rect.left() + label_width + (s as f32 + 0.5) * cell_width,
            rect.top() + header_height * 0.5,
        );
        let swatch = Rect::from_center_size(top - vec2(18.0, 0.0), vec2(12.0, 12.0));
        painter.rect_filled(swatch, CornerRadius::same(2), tokens::segment_color(s));
        painter.text(
            top + vec2(4.0, 0.0),
            Align2::CENTER_CENTER,
            format!("S{}", s + 1),
            font.clone(),
            text_color,
        );
    }
    for (r, &f) in rows.iter().enumerate() {
        let feature = &figures.profile[f];
        let y = rect.top() + header_height + (r as f32 + 0.5) * row_height;
        painter.text(
            pos2(rect.left(), y),
            Align2::LEFT_CENTER,
            &feature.label,
            font.clone(),
            text_color,
        );
        for (s, segment) in figures.segments.iter().enumerate() {
            let z = segment.z[f];
            let fill = palette.heat(z, LIMIT);
            let c = cell(r, s);
            painter.rect_filled(c, CornerRadius::same(2), fill);
            painter.text(
                c.center(),
                Align2::CENTER_CENTER,
                crate::format::signed(z, 1),
                font.clone(),
                tokens::text_on(fill),
            );
        }
    }
    // The segment and feature under the pointer.
    let at = |pointer: egui::Pos2| {
        let col = ((pointer.x - rect.left() - label_width) / cell_width).floor();
        let row = ((pointer.y - rect.top() - header_height) / row_height).floor();
        (col >= 0.0 && row >= 0.0 && (col as usize) < k && (row as usize) < rows.len())
            .then(|| (col as usize, rows[row as usize]))
    };
    if let Some((s, f)) = response.hover_pos().and_then(at) {
        details(&response, shown, s, f);
    }
    ui.add_space(6.0);
    legend(ui, &palette);
}

/// The exact values of segment `s` on feature `f`, at the pointer.
fn details(response: &egui::Response, shown: &Shown<'_>, s: usize, f: usize) {
    let feature = &shown.figures.profile[f];
    let segment = &shown.figures.segments[s];
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.label(egui::RichText::new(shown.segment_title(s)).strong());
        ui.label(format!(
            "{}: {} vs {} for all customers ({})",
            feature.label,
            feature.unit.show(segment.means[f]),
            feature.unit.show(feature.mean),
            feature.unit.words()
        ));
        ui.label(format!("z = {} σ", signed(segment.z[f], 2)));
        ui.label(egui::RichText::new(&feature.description).weak());
    });
}

/// The colour scale with its ticks and title.
fn legend(ui: &mut Ui, palette: &Palette) {
    ui.horizontal(|ui| {
        ui.label("Below average");
        let (rect, _) = ui.allocate_exact_size(vec2(290.0, 30.0), Sense::hover());
        let bar = Rect::from_min_size(rect.min + vec2(15.0, 0.0), vec2(rect.width() - 30.0, 14.0));
        let steps = 52;
        for i in 0..steps {
            let t = i as f64 / (steps - 1) as f64;
            let z = -LIMIT + 2.0 * LIMIT * t;
            let x0 = bar.left() + bar.width() * i as f32 / steps as f32;
            let x1 = bar.left() + bar.width() * (i + 1) as f32 / steps as f32;
            ui.painter().rect_filled(
                Rect::from_x_y_ranges(x0..=x1, bar.y_range()),
                CornerRadius::ZERO,
                palette.heat(z, LIMIT),
            );
        }
        for tick in [-2.0, -1.0, 0.0, 1.0, 2.0] {
            let x = bar.left() + bar.width() * ((tick + LIMIT) / (2.0 * LIMIT)) as f32;
            ui.painter().text(
                pos2(x, bar.bottom() + 1.0),
                Align2::CENTER_TOP,
                format!("{}σ", crate::format::signed(tick, 0)),
                FontId::proportional(11.0),
                palette.muted,
            );
        }
        ui.label("Above average");
    });
}
