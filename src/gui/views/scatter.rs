//! The customer map: customers on the first two principal components, one colour and marker
//! shape per segment (readable in grayscale), sampled to stay fluid at a million customers.

use super::Shown;
use crate::format;
use crate::gui::chart_image;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use egui::Ui;
use egui_plot::{HoverPosition, Legend, MarkerShape, Plot, Points};

const SHAPES: [MarkerShape; 8] = [
    MarkerShape::Circle,
    MarkerShape::Diamond,
    MarkerShape::Square,
    MarkerShape::Up,
    MarkerShape::Cross,
    MarkerShape::Down,
    MarkerShape::Plus,
    MarkerShape::Asterisk,
];

/// The marker shape of a segment.
pub(crate) fn shape(segment: usize) -> MarkerShape {
    SHAPES[segment % SHAPES.len()]
}

pub(crate) fn ui(ui: &mut Ui, shown: &Shown<'_>) {
    let palette = Palette::current(ui.ctx());
    let map = &shown.figures.map;
    widgets::section(
        ui,
        "Customer map",
        "Each dot is a customer, placed by the two directions along which customers differ most; large markers are segment centres",
    );
    if map.drawn == 0 {
        widgets::muted(ui, "The map needs at least two segmentation features.");
        return;
    }
    widgets::muted(
        ui,
        if map.drawn < map.total {
            format!(
                "Showing a fixed sample of {} of {} customers.",
                format::count(map.drawn),
                format::count(map.total)
            )
        } else {
            format!("Showing all {} customers.", format::count(map.total))
        },
    );
    let names: Vec<String> = (0..map.series.len())
        .map(|s| shown.segment_title(s))
        .collect();
    let ids = &shown.analysis.customer_ids;
    let height = (ui.available_height() - 10.0).max(tokens::CHART_HEIGHT + 80.0);
    let x_title = format!("Component 1 ({:.0}% of the variation)", map.explained[0]);
    let y_title = format!("Component 2 ({:.0}% of the variation)", map.explained[1]);
    let radius = if map.drawn > 5_000 { 1.6 } else { 2.6 };
    let plot = Plot::new("customer-map")
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .x_axis_label(x_title)
        .y_axis_label(y_title)
        .data_aspect(1.0)
        .label_formatter(|pos| match pos {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                index,
            } => {
                let segment = names.iter().position(|n| n == plot_name)?;
                let row = *map.rows.get(segment)?.get(*index)?;
                let id = ids.get(row).map_or("?", String::as_str);
                Some(format!(
                    "{plot_name}\ncustomer {id}\ncomponent 1 = {:.2}, component 2 = {:.2}",
                    position.x, position.y
                ))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for (s, points) in map.series.iter().enumerate() {
                plot.points(
                    Points::new(names[s].clone(), points.clone())
                        .color(tokens::segment_color(s))
                        .shape(shape(s))
                        .radius(radius)
                        .filled(true),
                );
            }
            for (s, c) in map.centroids.iter().enumerate() {
                plot.points(
                    Points::new("", vec![*c])
                        .color(palette.strong)
                        .shape(shape(s))
                        .radius(9.0)
                        .filled(false)
                        .allow_hover(false),
                );
                plot.points(
                    Points::new("", vec![*c])
                        .color(tokens::segment_color(s))
                        .shape(shape(s))
                        .radius(7.0)
                        .filled(true)
                        .allow_hover(false),
                );
            }
        });
    chart_image::menu(&plot.response, "Customer map");
}
