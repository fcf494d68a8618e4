//! Pages as display lists and the flow that fills them: a cursor moving down the page,
//! wrapped paragraphs, headings kept with what follows, bookmarks, and a new page when the
//! next block does not fit. Coordinates are points from the top-left corner.

use super::fonts::{Fonts, Weight};
use crate::charts::Pattern;

pub(super) type Rgb = [u8; 3];

pub(super) const INK: Rgb = [33, 37, 41];
pub(super) const MUTED: Rgb = [96, 102, 110];
pub(super) const RULE: Rgb = [200, 204, 210];
pub(super) const SHADE: Rgb = [238, 240, 243];
pub(super) const ACCENT: Rgb = [0, 90, 140];
pub(super) const WARN: Rgb = [170, 60, 0];

/// Body text size and leading.
pub(super) const BODY: f32 = 9.5;
pub(super) const LEADING: f32 = 1.35;

/// One drawing instruction.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        rgb: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// An open polyline.
    Line {
        points: Vec<(f32, f32)>,
        rgb: Rgb,
        width: f32,
        dashed: bool,
    },
    /// A pattern of thin lines over a rectangle (clipped to it).
    Hatch {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        pattern: Pattern,
        rgb: Rgb,
    },
    /// A filled diamond (the chosen k) or circle-like square marker.
    Marker {
        x: f32,
        y: f32,
        r: f32,
        rgb: Rgb,
        diamond: bool,
    },
}

#[derive(Debug, Default)]
pub(super) struct Page {
    pub ops: Vec<Op>,
}

/// An outline entry.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Bookmark {
    pub title: String,
    /// 0 = section, 1 = a part of it.
    pub level: u8,
    pub page: usize,
    pub y: f32,
}

/// The printable area.
#[derive(Debug, Clone, Copy)]
pub(super) struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin_x: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    pub(super) fn for_paper(width: f32, height: f32) -> Geometry {
        Geometry {
            width,
            height,
            margin_x: 54.0,
            top: 56.0,
            bottom: 64.0,
        }
    }

    pub(super) fn left(&self) -> f32 {
        self.margin_x
    }

    pub(super) fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }

    /// The lowest y content may reach.
    pub(super) fn limit(&self) -> f32 {
        self.height - self.bottom
    }
}

/// The document being laid out.
pub(super) struct Layout<'f> {
    pub fonts: &'f Fonts,
    pub geometry: Geometry,
    pub pages: Vec<Page>,
    pub bookmarks: Vec<Bookmark>,
    /// The cursor: top of the next block.
    pub y: f32,
}

impl<'f> Layout<'f> {
    pub(super) fn new(fonts: &'f Fonts, geometry: Geometry) -> Self {
        Layout {
            fonts,
            geometry,
            pages: Vec::new(),
            bookmarks: Vec::new(),
            y: geometry.top,
        }
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.geometry.top;
    }

    fn page_is_fresh(&self) -> bool {
        self.pages.last().is_none_or(|p| p.ops.is_empty())
    }

    /// Start a new page unless `height` more points fit on this one.
    pub(super) fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > self.geometry.limit() {
            self.new_page();
        }
    }

    pub(super) fn push(&mut self, op: Op) {
        if self.pages.is_empty() {
            self.new_page();
        }
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
        }
    }

    fn bookmark(&mut self, title: &str, level: u8) {
        self.bookmarks.push(Bookmark {
            title: title.into(),
            level,
            page: self.pages.len().saturating_sub(1),
            y: self.y,
        });
    }

    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, rgb: Rgb, text: &str) {
        if !text.is_empty() {
            self.push(Op::Text {
                x,
                y,
                size,
                weight,
                rgb,
                text: text.into(),
            });
        }
    }

    /// Text ending at `right`.
    pub(super) fn text_right(
        &mut self,
        right: f32,
        y: f32,
        size: f32,
        weight: Weight,
        rgb: Rgb,
        text: &str,
    ) {
        let w = self.fonts.width(weight, text, size);
        self.text(right - w, y, size, weight, rgb, text);
    }

    /// Text centred on `x`.
    pub(super) fn text_centred(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        rgb: Rgb,
        text: &str,
    ) {
        let w = self.fonts.width(weight, text, size);
        self.text(x - w / 2.0, y, size, weight, rgb, text);
    }

    pub(super) fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    ) {
        self.push(Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        });
    }

    pub(super) fn line(&mut self, points: Vec<(f32, f32)>, rgb: Rgb, width: f32, dashed: bool) {
        self.push(Op::Line {
            points,
            rgb,
            width,
            dashed,
        });
    }

    /// A section: a fresh page, its title and a top-level bookmark.
    pub(super) fn section(&mut self, title: &str) {
        if !self.page_is_fresh() || self.pages.is_empty() {
            self.new_page();
        }
        self.bookmark(title, 0);
        let size = 20.0;
        self.y += size;
        let left = self.geometry.left();
        self.text(left, self.y, size, Weight::Bold, INK, title);
        self.y += 8.0;
        let right = left + self.geometry.content_width();
        self.line(vec![(left, self.y), (right, self.y)], ACCENT, 1.2, false);
        self.y += 16.0;
    }

    /// A heading inside a section, kept on a page with at least `keep` points after it.
    pub(super) fn heading(&mut self, title: &str, keep: f32) {
        let size = 13.0;
        if self.y > self.geometry.top + 1.0 {
            self.y += 6.0;
        }
        self.ensure(size * LEADING + keep);
        self.bookmark(title, 1);
        self.y += size;
        self.text(
            self.geometry.left(),
            self.y,
            size,
            Weight::Bold,
            ACCENT,
            title,
        );
        self.y += 8.0;
    }

    /// A small bold title without a bookmark.
    pub(super) fn subheading(&mut self, title: &str, keep: f32) {
        let size = 10.5;
        self.ensure(size * LEADING + keep);
        self.y += size;
        self.text(self.geometry.left(), self.y, size, Weight::Bold, INK, title);
        self.y += 5.0;
    }

    /// Greedy word wrap of `text` to `width` points.
    pub(super) fn wrap(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        let space = self.fonts.width(weight, " ", size);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_width = 0.0;
            for word in paragraph.split_whitespace() {
                let w = self.fonts.width(weight, word, size);
                if !line.is_empty() && line_width + space + w > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                if w > width {
                    // A word longer than the line is broken by characters.
                    for c in word.chars() {
                        let cw = self.fonts.width(weight, c.encode_utf8(&mut [0; 4]), size);
                        if line_width + cw > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line_width = 0.0;
                        }
                        line.push(c);
                        line_width += cw;
                    }
                    continue;
                }
                if !line.is_empty() {
                    line.push(' ');
                    line_width += space;
                }
                line.push_str(word);
                line_width += w;
            }
            lines.push(line);
        }
        lines
    }

    /// A wrapped paragraph at `indent` from the left margin; lines flow onto new pages.
    pub(super) fn paragraph_at(
        &mut self,
        indent: f32,
        text: &str,
        size: f32,
        weight: Weight,
        rgb: Rgb,
    ) {
        let width = self.geometry.content_width() - indent;
        let step = size * LEADING;
        for line in self.wrap(text, size, weight, width) {
            self.ensure(step);
            self.y += size;
            self.text(
                self.geometry.left() + indent,
                self.y,
                size,
                weight,
                rgb,
                &line,
            );
            self.y += step - size;
        }
    }

    pub(super) fn paragraph(&mut self, text: &str) {
        self.paragraph_at(0.0, text, BODY, Weight::Regular, INK);
        self.y += 4.0;
    }

    pub(super) fn muted(&mut self, text: &str) {
        self.paragraph_at(0.0, text, 8.5, Weight::Regular, MUTED);
        self.y += 3.0;
    }

    /// Bulleted items, each kept whole on one page when it fits.
    pub(super) fn bullets(&mut self, items: &[String], rgb: Rgb) {
        let marks = vec!["\u{2022}".to_string(); items.len()];
        self.marked(items, &marks, rgb);
    }

    /// Numbered items (1., 2., …).
    pub(super) fn numbered(&mut self, items: &[String], rgb: Rgb) {
        let marks: Vec<String> = (1..=items.len()).map(|i| format!("{i}.")).collect();
        self.marked(items, &marks, rgb);
    }

    fn marked(&mut self, items: &[String], marks: &[String], rgb: Rgb) {
        let indent = 14.0;
        let width = self.geometry.content_width() - indent;
        let step = BODY * LEADING;
        for (item, mark) in items.iter().zip(marks) {
            let lines = self.wrap(item, BODY, Weight::Regular, width);
            self.ensure(step * lines.len() as f32);
            let left = self.geometry.left();
            self.text(left + 2.0, self.y + BODY, BODY, Weight::Regular, rgb, mark);
            for line in &lines {
                self.y += BODY;
                self.text(left + indent, self.y, BODY, Weight::Regular, rgb, line);
                self.y += step - BODY;
            }
            self.y += 2.0;
        }
        self.y += 2.0;
    }

    pub(super) fn space(&mut self, points: f32) {
        self.y += points;
    }
}
