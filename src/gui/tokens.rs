//! Design tokens: the one place for colours, spacing, type sizes and the segment palette
//! (converted from the core's `sis::palette`, so the GUI, the PDF and the CLI agree).

use crate::palette::segment_rgb;
use egui::{Color32, FontFamily, FontId, Margin, Stroke, TextStyle, Theme, Visuals};

/// Space between sections, in points.
pub(crate) const SECTION_GAP: f32 = 18.0;
/// Space between items inside a section.
pub(crate) const ITEM_GAP: f32 = 8.0;
/// Corner radius of cards and banners.
pub(crate) const CARD_RADIUS: u8 = 8;
/// Inner margin of cards.
pub(crate) const CARD_MARGIN: Margin = Margin::same(14);
/// Width of a KPI card.
pub(crate) const KPI_CARD_WIDTH: f32 = 250.0;
/// Height of a KPI card.
pub(crate) const KPI_CARD_HEIGHT: f32 = 92.0;
/// Height of a chart in the normal view.
pub(crate) const CHART_HEIGHT: f32 = 300.0;
/// Largest UI zoom in presentation mode.
pub(crate) const PRESENTATION_ZOOM: f32 = 1.45;
/// Height, in points, a slide is laid out for: the zoom is chosen so the screen holds it.
pub(crate) const SLIDE_HEIGHT: f32 = 745.0;

/// Type sizes.
pub(crate) const BODY_SIZE: f32 = 14.0;
pub(crate) const HEADING_SIZE: f32 = 22.0;
pub(crate) const SMALL_SIZE: f32 = 11.5;
pub(crate) const KPI_VALUE_SIZE: f32 = 26.0;
pub(crate) const TITLE_SIZE: f32 = 34.0;

/// The colour of a segment (0-based).
pub(crate) fn segment_color(segment: usize) -> Color32 {
    let [r, g, b] = segment_rgb(segment);
    Color32::from_rgb(r, g, b)
}

/// Black or white, whichever reads better on `background`.
pub(crate) fn text_on(background: Color32) -> Color32 {
    let l = crate::palette::lightness([background.r(), background.g(), background.b()]);
    if l > 60.0 {
        Color32::from_rgb(20, 20, 20)
    } else {
        Color32::WHITE
    }
}

/// Colours that depend on the theme.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    pub(crate) card: Color32,
    pub(crate) card_stroke: Color32,
    /// Background of text fields, set apart from the cards they sit on.
    pub(crate) field: Color32,
    pub(crate) banner: Color32,
    pub(crate) banner_stroke: Color32,
    pub(crate) error_fill: Color32,
    pub(crate) error_stroke: Color32,
    pub(crate) error_text: Color32,
    pub(crate) muted: Color32,
    pub(crate) strong: Color32,
    pub(crate) accent: Color32,
    pub(crate) good: Color32,
    pub(crate) warn: Color32,
}

impl Palette {
    pub(crate) fn of(dark: bool) -> Self {
        if dark {
            Palette {
                card: Color32::from_rgb(36, 40, 48),
                card_stroke: Color32::from_rgb(58, 64, 76),
                field: Color32::from_rgb(18, 20, 25),
                banner: Color32::from_rgb(22, 46, 66),
                banner_stroke: Color32::from_rgb(0, 114, 178),
                error_fill: Color32::from_rgb(70, 30, 22),
                error_stroke: Color32::from_rgb(213, 94, 0),
                error_text: Color32::from_rgb(255, 214, 196),
                muted: Color32::from_rgb(160, 166, 176),
                strong: Color32::from_rgb(236, 238, 242),
                accent: Color32::from_rgb(86, 180, 233),
                good: Color32::from_rgb(0, 190, 140),
                warn: Color32::from_rgb(240, 180, 60),
            }
        } else {
            Palette {
                card: Color32::from_rgb(255, 255, 255),
                card_stroke: Color32::from_rgb(212, 216, 224),
                field: Color32::from_rgb(236, 240, 246),
                banner: Color32::from_rgb(226, 239, 248),
                banner_stroke: Color32::from_rgb(0, 114, 178),
                error_fill: Color32::from_rgb(253, 232, 222),
                error_stroke: Color32::from_rgb(213, 94, 0),
                error_text: Color32::from_rgb(110, 36, 0),
                muted: Color32::from_rgb(92, 98, 110),
                strong: Color32::from_rgb(20, 24, 32),
                accent: Color32::from_rgb(0, 114, 178),
                good: Color32::from_rgb(0, 128, 90),
                warn: Color32::from_rgb(170, 100, 0),
            }
        }
    }

    /// The palette of the theme in use.
    pub(crate) fn current(ctx: &egui::Context) -> Self {
        Self::of(ctx.theme() == Theme::Dark)
    }
}

/// Apply type sizes and spacing to both themes.
pub(crate) fn install(ctx: &egui::Context) {
    for theme in [Theme::Dark, Theme::Light] {
        ctx.style_mut_of(theme, |style| {
            style.text_styles = [
                (
                    TextStyle::Heading,
                    FontId::new(HEADING_SIZE, FontFamily::Proportional),
                ),
                (
                    TextStyle::Body,
                    FontId::new(BODY_SIZE, FontFamily::Proportional),
                ),
                (
                    TextStyle::Button,
                    FontId::new(BODY_SIZE, FontFamily::Proportional),
                ),
                (
                    TextStyle::Small,
                    FontId::new(SMALL_SIZE, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(BODY_SIZE - 1.0, FontFamily::Monospace),
                ),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(ITEM_GAP, 6.0);
            style.spacing.button_padding = egui::vec2(10.0, 4.0);
            style.spacing.interact_size.y = 24.0;
            // Scroll bars take their own room instead of floating over charts and tables.
            style.spacing.scroll = egui::style::ScrollStyle::solid();
            let palette = Palette::of(theme == Theme::Dark);
            tune_visuals(&mut style.visuals, &palette);
        });
    }
}

fn tune_visuals(visuals: &mut Visuals, palette: &Palette) {
    visuals.hyperlink_color = palette.accent;
    visuals.selection.bg_fill = palette.accent.linear_multiply(0.55);
    visuals.selection.stroke = Stroke::new(1.0, palette.strong);
    visuals.widgets.noninteractive.fg_stroke.color = palette.strong.linear_multiply(0.92);
    visuals.text_edit_bg_color = Some(palette.field);
}

/// A card frame (KPI cards, persona cards, spotlight).
pub(crate) fn card_frame(palette: &Palette) -> egui::Frame {
    egui::Frame::new()
        .fill(palette.card)
        .stroke(Stroke::new(1.0, palette.card_stroke))
        .corner_radius(CARD_RADIUS)
        .inner_margin(CARD_MARGIN)
}
