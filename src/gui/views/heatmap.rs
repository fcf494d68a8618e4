//! The profile heatmap: each segment's mean of each segmentation feature as a z-score
//! against all customers, on a diverging colour scale with its legend, exact values on hover.

use super::Shown;
use crate::charts::Heatmap;
use crate::charts::heatmap::HEAT_LIMIT;
use crate::format::signed;
use crate::gui::chart_image;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use egui::{Align2, Color32, CornerRadius, FontId, Rect, Sense, Ui, WidgetInfo, pos2, vec2};

/// A colour of the chart model.
fn colour([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// One cell as drawn: its place, fill and printed value, all from the chart model.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    row: usize,
    column: usize,
    rgb: [u8; 3],
    text: String,
}

/// The cells of the heatmap, row by row.
fn cells(map: &Heatmap) -> Vec<Cell> {
    map.rows
        .iter()
        .enumerate()
        .flat_map(|(row, r)| {
            r.z.iter().enumerate().map(move |(column, &z)| Cell {
                row,
                column,
                rgb: Heatmap::cell_rgb(z),
                text: Heatmap::cell_text(z),
            })
        })
        .collect()
}

pub(crate) fn ui(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    widgets::section(
        ui,
        "Profile heatmap",
        "How far each segment's average sits from the average customer, in standard deviations (σ)",
    );
    // The chart model the PDF draws too (one model, two renderers).
    let map = &shown.figures.heatmap;
    if map.is_empty() {
        widgets::muted(ui, "No features to profile.");
        return;
    }
    let (k, rows) = (map.columns.len(), map.rows.len());
    let label_width = 230.0;
    let row_height = if shown.presenting { 26.0 } else { 24.0 };
    let header_height = 26.0;
    let cell_width = ((ui.available_width() - label_width - 8.0) / k as f32).clamp(56.0, 190.0);
    let size = vec2(
        label_width + cell_width * k as f32,
        header_height + row_height * rows as f32,
    );
    // Click sense: a right-click opens "Save chart as PNG".
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    chart_image::menu(&response, "Profile heatmap");
    response.widget_info(|| {
        WidgetInfo::labeled(
            egui::accesskit::Role::Figure,
            true,
            format!("Profile heatmap: {k} segments × {rows} features"),
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
    for (s, column) in map.columns.iter().enumerate() {
        let top = pos2(
            rect.left() + label_width + (s as f32 + 0.5) * cell_width,
            rect.top() + header_height * 0.5,
        );
        let swatch = Rect::from_center_size(top - vec2(18.0, 0.0), vec2(12.0, 12.0));
        painter.rect_filled(swatch, CornerRadius::same(2), colour(column.style.rgb));
        painter.text(
            top + vec2(4.0, 0.0),
            Align2::CENTER_CENTER,
            &column.title,
            font.clone(),
            text_color,
        );
    }
    for (r, row) in map.rows.iter().enumerate() {
        let y = rect.top() + header_height + (r as f32 + 0.5) * row_height;
        painter.text(
            pos2(rect.left(), y),
            Align2::LEFT_CENTER,
            &row.label,
            font.clone(),
            text_color,
        );
    }
    for c in cells(map) {
        let fill = colour(c.rgb);
        let at = cell(c.row, c.column);
        painter.rect_filled(at, CornerRadius::same(2), fill);
        painter.text(
            at.center(),
            Align2::CENTER_CENTER,
            c.text,
            font.clone(),
            tokens::text_on(fill),
        );
    }
    // The segment and row under the pointer.
    let at = |pointer: egui::Pos2| {
        let col = ((pointer.x - rect.left() - label_width) / cell_width).floor();
        let row = ((pointer.y - rect.top() - header_height) / row_height).floor();
        (col >= 0.0 && row >= 0.0 && (col as usize) < k && (row as usize) < rows)
            .then_some((col as usize, row as usize))
    };
    if let Some((s, r)) = response.hover_pos().and_then(at) {
        details(&response, shown, s, r);
    }
    ui.add_space(6.0);
    legend(ui, &palette);
}

/// The exact values of segment `s` on row `r`, at the pointer. The rows are the profile's
/// segmentation features, which `Figures` lists first, in the same order.
fn details(response: &egui::Response, shown: &Shown<'_>, s: usize, r: usize) {
    let figures = shown.figures;
    let (Some(feature), Some(segment)) = (
        figures.profile.get(r).filter(|f| f.in_model),
        figures.segments.get(s),
    ) else {
        return;
    };
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.label(egui::RichText::new(shown.segment_title(s)).strong());
        ui.label(format!(
            "{}: {} vs {} for all customers ({})",
            feature.label,
            feature.unit.show(segment.means[r]),
            feature.unit.show(feature.mean),
            feature.unit.words()
        ));
        ui.label(format!("z = {} σ", signed(segment.z[r], 2)));
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
            let z = -HEAT_LIMIT + 2.0 * HEAT_LIMIT * t;
            let x0 = bar.left() + bar.width() * i as f32 / steps as f32;
            let x1 = bar.left() + bar.width() * (i + 1) as f32 / steps as f32;
            ui.painter().rect_filled(
                Rect::from_x_y_ranges(x0..=x1, bar.y_range()),
                CornerRadius::ZERO,
                colour(Heatmap::cell_rgb(z)),
            );
        }
        for tick in [-2.0, -1.0, 0.0, 1.0, 2.0] {
            let x = bar.left() + bar.width() * ((tick + HEAT_LIMIT) / (2.0 * HEAT_LIMIT)) as f32;
            ui.painter().text(
                pos2(x, bar.bottom() + 1.0),
                Align2::CENTER_TOP,
                format!("{}σ", signed(tick, 0)),
                FontId::proportional(11.0),
                palette.muted,
            );
        }
        ui.label("Above average");
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{KChoice, RunConfig};
    use crate::gui::figures::Figures;

    #[test]
    fn the_heatmap_draws_the_chart_models_cells_for_the_demo() {
        let table = crate::gui::dataset::load_demo().unwrap();
        let (mapping, _) = crate::roles::detect_mapping(&table);
        let config = RunConfig {
            k: KChoice::Fixed(4),
            seeds: 2,
            ..RunConfig::default()
        };
        let progress = crate::progress::Progress::silent();
        let analysis = crate::pipeline::run_analysis(&table, &mapping, config, &progress).unwrap();
        let figures = Figures::compute(&analysis);
        // The GUI draws the model the PDF draws: the same cells, values, order and labels.
        let model = Heatmap::of(&analysis);
        assert_eq!(figures.heatmap, model);
        let drawn = cells(&figures.heatmap);
        assert_eq!(drawn, cells(&model));
        assert_eq!(model.columns.len(), 4);
        assert_eq!(model.rows.len(), analysis.input.names.len());
        assert_eq!(drawn.len(), 4 * model.rows.len());
        let titles: Vec<&str> = model.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["S1", "S2", "S3", "S4"]);
        for (c, column) in model.columns.iter().enumerate() {
            assert_eq!(column.style.rgb, crate::palette::segment_rgb(c));
        }
        for (cell, (r, s)) in drawn
            .iter()
            .zip((0..model.rows.len()).flat_map(|r| (0..4).map(move |s| (r, s))))
        {
            // Row r is the model's r-th feature, as the core profiled it.
            let name = &analysis.input.names[r];
            let z = analysis.insights.profile.feature(name).unwrap().z_scores[s];
            assert_eq!((cell.row, cell.column), (r, s));
            assert_eq!(cell.text, Heatmap::cell_text(z));
            assert_eq!(cell.rgb, Heatmap::cell_rgb(z));
            // The hover reads the same feature from the figures.
            let feature = &figures.profile[r];
            assert!(feature.in_model);
            assert_eq!(feature.name, *name);
            assert_eq!(model.rows[r].label, feature.label);
        }
    }
}
