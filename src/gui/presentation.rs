//! Presentation mode for meetings: full screen, larger type, no editing controls or side
//! panels, and the tabs as slides (Overview, Segments, each persona, Simulation) stepped with
//! the arrow keys.

use super::tokens::{PRESENTATION_ZOOM, SLIDE_HEIGHT};

/// One slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slide {
    Overview,
    Segments,
    Persona(usize),
    Simulation,
}

impl Slide {
    pub(crate) fn title(self) -> String {
        match self {
            Slide::Overview => "Overview".into(),
            Slide::Segments => "Segments".into(),
            Slide::Persona(s) => format!("Persona {}", s + 1),
            Slide::Simulation => "Simulation".into(),
        }
    }
}

/// The presentation zoom for a screen `height` points high (at zoom 1).
pub(crate) fn slide_zoom(height: f32) -> f32 {
    (height / SLIDE_HEIGHT).clamp(1.0, PRESENTATION_ZOOM)
}

/// The deck for an analysis with `personas` personas.
pub(crate) fn slides(personas: usize) -> Vec<Slide> {
    let mut deck = vec![Slide::Overview, Slide::Segments];
    deck.extend((0..personas).map(Slide::Persona));
    deck.push(Slide::Simulation);
    deck
}

/// Whether presentation mode is on, and where in the deck it is.
#[derive(Debug, Default)]
pub(crate) struct Presentation {
    pub(crate) active: bool,
    pub(crate) slide: usize,
    /// The zoom to restore when leaving.
    saved_zoom: Option<f32>,
}

impl Presentation {
    /// Enter: full screen and larger type, as large as the screen holds a whole slide.
    pub(crate) fn enter(&mut self, ctx: &egui::Context) {
        if self.active {
            return;
        }
        self.active = true;
        self.slide = 0;
        let zoom = ctx.zoom_factor();
        self.saved_zoom = Some(zoom);
        // The screen's height at zoom 1: the monitor's when known, else the window's (both
        // are given in points at the current zoom).
        let screen = zoom
            * ctx
                .input(|i| i.viewport().monitor_size.map(|s| s.y))
                .unwrap_or_else(|| ctx.content_rect().height());
        ctx.set_zoom_factor(slide_zoom(screen));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Leave: back to the window and the zoom it had.
    pub(crate) fn leave(&mut self, ctx: &egui::Context) {
        if !self.active {
            return;
        }
        self.active = false;
        ctx.set_zoom_factor(self.saved_zoom.take().unwrap_or(1.0));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// The zoom outside presentation mode, while presenting.
    pub(crate) fn zoom_outside(&self) -> Option<f32> {
        self.saved_zoom.filter(|_| self.active)
    }

    pub(crate) fn next(&mut self, deck_len: usize) {
        if self.slide + 1 < deck_len {
            self.slide += 1;
        }
    }

    pub(crate) fn previous(&mut self) {
        self.slide = self.slide.saturating_sub(1);
    }

    /// The current slide of `deck` (clamped, the deck can shrink).
    pub(crate) fn current(&self, deck: &[Slide]) -> Slide {
        deck.get(self.slide.min(deck.len().saturating_sub(1)))
            .copied()
            .unwrap_or(Slide::Overview)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slides_zoom_to_fit_the_screen() {
        assert_eq!(slide_zoom(2160.0), PRESENTATION_ZOOM);
        assert!((slide_zoom(1080.0) - 1080.0 / 745.0).abs() < 1e-6);
        assert!((slide_zoom(900.0) - 900.0 / 745.0).abs() < 1e-6);
        assert_eq!(slide_zoom(600.0), 1.0);
    }

    #[test]
    fn deck_has_a_slide_per_persona() {
        let deck = slides(3);
        assert_eq!(deck.len(), 6);
        assert_eq!(deck[2], Slide::Persona(0));
        let mut p = Presentation::default();
        p.next(deck.len());
        p.next(deck.len());
        assert_eq!(p.current(&deck), Slide::Persona(0));
        for _ in 0..10 {
            p.next(deck.len());
        }
        assert_eq!(p.current(&deck), Slide::Simulation);
        p.previous();
        assert_eq!(p.current(&deck), Slide::Persona(2));
    }
}
