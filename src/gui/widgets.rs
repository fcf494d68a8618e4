//! Small reusable widgets: KPI cards, segment swatches, notice banners, section headings,
//! the "not available" panel, and the set-up of a fixed chart. Each one is reachable by its
//! accessible label.

use super::tokens::{self, Palette};
use egui::{
    Align2, Color32, CornerRadius, FontId, Response, RichText, Sense, Stroke, StrokeKind, Ui,
    WidgetInfo, vec2,
};

/// A KPI card: title, big value and a note. Its accessible label is the title and its value
/// the shown value, so tests and screen readers read "Customers: 2,205".
pub(crate) fn kpi_card(
    ui: &mut Ui,
    width: f32,
    title: &str,
    value: &str,
    note: &str,
    tooltip: &str,
) -> Response {
    let palette = Palette::current(ui.ctx());
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, tokens::KPI_CARD_HEIGHT), Sense::hover());
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(egui::accesskit::Role::Group, true, title);
        info.current_text_value = Some(value.to_string());
        info
    });
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect(
            rect,
            CornerRadius::same(tokens::CARD_RADIUS),
            palette.card,
            Stroke::new(1.0, palette.card_stroke),
            StrokeKind::Inside,
        );
        let left = rect.left() + 14.0;
        painter.text(
            egui::pos2(left, rect.top() + 12.0),
            Align2::LEFT_TOP,
            title.to_uppercase(),
            FontId::proportional(tokens::SMALL_SIZE),
            palette.muted,
        );
        painter.text(
            egui::pos2(left, rect.top() + 30.0),
            Align2::LEFT_TOP,
            value,
            FontId::proportional(tokens::KPI_VALUE_SIZE),
            palette.strong,
        );
        let galley = painter.layout(
            note.to_string(),
            FontId::proportional(tokens::SMALL_SIZE),
            palette.muted,
            rect.width() - 28.0,
        );
        painter.galley(
            egui::pos2(left, rect.bottom() - 8.0 - galley.size().y),
            galley,
            palette.muted,
        );
    }
    response.on_hover_text(tooltip)
}

/// The main action of a screen ("Run segmentation", "Open demo dataset"): filled with the
/// accent colour, with the command's tooltip or the reason it is disabled.
pub(crate) fn primary_button(
    ui: &mut Ui,
    text: &str,
    width: f32,
    hover: &str,
    availability: &Result<(), String>,
) -> Response {
    let palette = Palette::current(ui.ctx());
    let button = egui::Button::new(
        RichText::new(text)
            .size(17.0)
            .strong()
            .color(tokens::text_on(palette.accent)),
    )
    .fill(palette.accent)
    .min_size(vec2(width, 42.0));
    let response = ui.add_enabled(availability.is_ok(), button);
    match availability {
        Ok(()) => response.on_hover_text(hover),
        Err(reason) => response.on_disabled_hover_text(reason.as_str()),
    }
}

/// A coloured square with the segment number, readable in grayscale too.
pub(crate) fn segment_swatch(ui: &mut Ui, segment: usize, size: f32) -> Response {
    let (rect, response) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
    let color = tokens::segment_color(segment);
    ui.painter().rect_filled(rect, CornerRadius::same(3), color);
    if size >= 14.0 {
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            (segment + 1).to_string(),
            FontId::proportional(size * 0.62),
            tokens::text_on(color),
        );
    }
    response
}

/// A swatch and the segment's title on one line.
pub(crate) fn segment_label(ui: &mut Ui, segment: usize, title: &str) -> Response {
    ui.horizontal(|ui| {
        segment_swatch(ui, segment, 16.0);
        ui.label(RichText::new(title).strong());
    })
    .response
}

/// A striped table: a bold header row, then the rows `body` adds (each ended with `end_row`).
pub(crate) fn table(ui: &mut Ui, id: &str, headers: &[&str], body: impl FnOnce(&mut Ui)) {
    egui::Grid::new(id)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for h in headers {
                ui.label(RichText::new(*h).strong());
            }
            ui.end_row();
            body(ui);
        });
}

/// A section heading with a one-line explanation under it.
pub(crate) fn section(ui: &mut Ui, title: &str, explanation: &str) {
    ui.add_space(tokens::SECTION_GAP * 0.5);
    ui.label(RichText::new(title).heading());
    if !explanation.is_empty() {
        ui.label(RichText::new(explanation).color(Palette::current(ui.ctx()).muted));
    }
    ui.add_space(4.0);
}

/// How a notice reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoticeKind {
    Error,
    Info,
}

/// A banner for an error or an information, with a Dismiss button. Returns true on dismiss.
pub(crate) fn notice_banner(ui: &mut Ui, kind: NoticeKind, text: &str) -> bool {
    let palette = Palette::current(ui.ctx());
    let (fill, stroke, color, icon) = match kind {
        NoticeKind::Error => (
            palette.error_fill,
            palette.error_stroke,
            palette.error_text,
            "⚠",
        ),
        NoticeKind::Info => (palette.banner, palette.banner_stroke, palette.strong, "ℹ"),
    };
    let mut dismissed = false;
    egui::Frame::new()
        .fill(fill)
        .stroke(Stroke::new(1.0, stroke))
        .corner_radius(tokens::CARD_RADIUS)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(icon).size(18.0).color(stroke));
                let width = (ui.available_width() - 90.0).max(100.0);
                ui.allocate_ui_with_layout(
                    egui::vec2(width, 0.0),
                    egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
                    |ui| {
                        ui.set_width(width);
                        ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
                    },
                );
                dismissed = ui
                    .button("Dismiss")
                    .on_hover_text("Hide this message")
                    .clicked();
            });
        });
    dismissed
}

/// A centred panel saying a part of the workbench is not available here, and why (no
/// analysis yet, or data that cannot support it).
pub(crate) fn not_available(ui: &mut Ui, title: &str, body: &str) {
    let palette = Palette::current(ui.ctx());
    ui.add_space(ui.available_height() * 0.18);
    ui.vertical_centered(|ui| {
        tokens::card_frame(&palette).show(ui, |ui| {
            ui.set_max_width(520.0);
            ui.vertical_centered(|ui| {
                ui.label(RichText::new(title).size(tokens::HEADING_SIZE).strong());
                ui.add_space(6.0);
                ui.label(RichText::new(body).color(palette.muted));
            });
        });
    });
}

/// A wrapped paragraph, left-aligned: justified layouts (columns) would otherwise stretch the
/// spaces of every wrapped line.
pub(crate) fn paragraph(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
        ui.add(egui::Label::new(text).wrap())
    })
    .inner
}

/// A small muted text.
pub(crate) fn muted(ui: &mut Ui, text: impl Into<String>) -> Response {
    let color = Palette::current(ui.ctx()).muted;
    ui.label(RichText::new(text.into()).color(color))
}

/// A coloured chip ("✔ enabled", "✖ not available").
pub(crate) fn status_chip(ui: &mut Ui, ok: bool, text: &str) -> Response {
    let palette = Palette::current(ui.ctx());
    let (mark, color) = if ok {
        ("✔", palette.good)
    } else {
        ("✖", palette.warn)
    };
    ui.label(RichText::new(format!("{mark} {text}")).color(color))
}

/// Paint a small legend entry (swatch + text) without creating a widget.
pub(crate) fn legend_entry(ui: &mut Ui, color: Color32, text: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
        ui.painter().rect_filled(rect, CornerRadius::same(2), color);
        ui.label(text);
    });
}

/// A chart that holds still: no zoom, drag, scroll or boxed zoom; horizontal grid lines only
/// and no hover label (each chart adds its own where it wants one).
pub(crate) fn fixed_plot(id: &str, height: f32) -> egui_plot::Plot<'static> {
    egui_plot::Plot::new(id.to_string())
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        .label_formatter(|_| None)
}
