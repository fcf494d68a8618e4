//! Tables that print well: rows never split across pages, the header repeats on every page
//! the table reaches, cells wrap, and a row may start with its segment's swatch.

use super::fonts::Weight;
use super::layout::{INK, LEADING, Layout, MUTED, RULE, SHADE};
use crate::charts::SegmentStyle;

/// One column: its title, its share of the table's width and its alignment.
pub(super) struct Column {
    pub title: String,
    pub share: f32,
    pub right: bool,
}

impl Column {
    pub(super) fn left(title: &str, share: f32) -> Column {
        Column {
            title: title.into(),
            share,
            right: false,
        }
    }

    pub(super) fn right(title: &str, share: f32) -> Column {
        Column {
            title: title.into(),
            share,
            right: true,
        }
    }
}

/// One row.
#[derive(Default)]
pub(super) struct Row {
    pub cells: Vec<String>,
    /// A segment swatch drawn before the first cell.
    pub swatch: Option<SegmentStyle>,
    pub bold: bool,
}

impl Row {
    pub(super) fn plain(cells: Vec<String>) -> Row {
        Row {
            cells,
            ..Row::default()
        }
    }
}

const SIZE: f32 = 8.5;
const PAD: f32 = 4.0;
const SWATCH: f32 = 9.0;

/// Draw a table at the cursor.
pub(super) fn table(layout: &mut Layout<'_>, columns: &[Column], rows: &[Row]) {
    let total: f32 = columns
        .iter()
        .map(|c| c.share)
        .sum::<f32>()
        .max(f32::EPSILON);
    let width = layout.geometry.content_width();
    let widths = column_widths(layout, columns, width, total);
    let step = SIZE * LEADING;
    let header: Vec<Vec<String>> = columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| layout.wrap(&c.title, SIZE, Weight::Bold, w - 2.0 * PAD))
        .collect();
    let header_height = lines_height(&header, step);
    let wrapped: Vec<(Vec<Vec<String>>, f32)> = rows
        .iter()
        .map(|row| {
            let cells: Vec<Vec<String>> = widths
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let text = row.cells.get(i).map_or("", String::as_str);
                    let inner = w
                        - 2.0 * PAD
                        - if i == 0 && row.swatch.is_some() {
                            SWATCH + 4.0
                        } else {
                            0.0
                        };
                    let weight = if row.bold {
                        Weight::Bold
                    } else {
                        Weight::Regular
                    };
                    layout.wrap(text, SIZE, weight, inner.max(10.0))
                })
                .collect();
            let h = lines_height(&cells, step);
            (cells, h)
        })
        .collect();
    let first = wrapped.first().map_or(0.0, |r| r.1);
    layout.ensure(header_height + first);
    draw_header(layout, columns, &widths, &header, header_height);
    for (i, (row, (cells, h))) in rows.iter().zip(&wrapped).enumerate() {
        if layout.y + h > layout.geometry.limit() {
            layout.new_page();
            draw_header(layout, columns, &widths, &header, header_height);
        }
        let left = layout.geometry.left();
        if i % 2 == 1 {
            layout.rect(left, layout.y, width, *h, Some(SHADE), None);
        }
        let mut x = left;
        for (c, (lines, w)) in cells.iter().zip(&widths).enumerate() {
            let mut inner_left = x + PAD;
            if let (0, Some(style)) = (c, &row.swatch) {
                swatch(layout, inner_left, layout.y + PAD, style);
                inner_left += SWATCH + 4.0;
            }
            let weight = if row.bold {
                Weight::Bold
            } else {
                Weight::Regular
            };
            for (l, line) in lines.iter().enumerate() {
                let y = layout.y + PAD + SIZE + l as f32 * step - 1.0;
                if columns[c].right {
                    layout.text_right(x + w - PAD, y, SIZE, weight, INK, line);
                } else {
                    layout.text(inner_left, y, SIZE, weight, INK, line);
                }
            }
            x += w;
        }
        layout.y += h;
        let y = layout.y;
        layout.line(vec![(left, y), (left + width, y)], RULE, 0.4, false);
    }
    layout.y += 10.0;
}

/// Widths from the shares, widened so no header word is broken, taken from columns with room.
fn column_widths(layout: &Layout<'_>, columns: &[Column], width: f32, total: f32) -> Vec<f32> {
    let minimum: Vec<f32> = columns
        .iter()
        .map(|c| {
            c.title
                .split_whitespace()
                .map(|w| layout.fonts.width(Weight::Bold, w, SIZE))
                .fold(0.0, f32::max)
                + 2.0 * PAD
                + 1.0
        })
        .collect();
    let mut widths: Vec<f32> = columns.iter().map(|c| width * c.share / total).collect();
    let short: f32 = widths
        .iter()
        .zip(&minimum)
        .map(|(w, m)| (m - w).max(0.0))
        .sum();
    let room: f32 = widths
        .iter()
        .zip(&minimum)
        .map(|(w, m)| (w - m).max(0.0))
        .sum();
    if short <= 0.0 || room < short {
        return widths;
    }
    for (w, m) in widths.iter_mut().zip(&minimum) {
        if *w < *m {
            *w = *m;
        } else {
            *w -= (*w - m) * short / room;
        }
    }
    widths
}

fn lines_height(cells: &[Vec<String>], step: f32) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    lines as f32 * step + 2.0 * PAD - (step - SIZE) + 2.0
}

fn draw_header(
    layout: &mut Layout<'_>,
    columns: &[Column],
    widths: &[f32],
    header: &[Vec<String>],
    h: f32,
) {
    let left = layout.geometry.left();
    let width: f32 = widths.iter().sum();
    layout.rect(left, layout.y, width, h, Some([222, 228, 236]), None);
    let step = SIZE * LEADING;
    let mut x = left;
    for ((col, lines), w) in columns.iter().zip(header).zip(widths) {
        for (l, line) in lines.iter().enumerate() {
            let y = layout.y + PAD + SIZE + l as f32 * step - 1.0;
            if col.right {
                layout.text_right(x + w - PAD, y, SIZE, Weight::Bold, INK, line);
            } else {
                layout.text(x + PAD, y, SIZE, Weight::Bold, INK, line);
            }
        }
        x += w;
    }
    layout.y += h;
}

/// A segment's swatch: its colour, its pattern and a thin outline.
pub(super) fn swatch(layout: &mut Layout<'_>, x: f32, y: f32, style: &SegmentStyle) {
    layout.rect(x, y, SWATCH, SWATCH, Some(style.rgb), Some((MUTED, 0.4)));
    let ink = if style.dark_text() {
        INK
    } else {
        [255, 255, 255]
    };
    layout.push(super::layout::Op::Hatch {
        x,
        y,
        w: SWATCH,
        h: SWATCH,
        pattern: style.pattern,
        rgb: ink,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::fonts::Fonts;
    use crate::report::pdf::layout::{Geometry, Op};

    fn texts(page: &super::super::layout::Page) -> Vec<String> {
        page.ops
            .iter()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn long_tables_repeat_their_header_and_keep_rows_whole() {
        let fonts = Fonts::load().unwrap();
        let mut layout = Layout::new(&fonts, Geometry::for_paper(595.28, 841.89));
        layout.new_page();
        let columns = [
            Column::left("Column name", 1.0),
            Column::right("Value", 1.0),
        ];
        let rows: Vec<Row> = (0..150)
            .map(|i| {
                let long = if i % 7 == 0 {
                    "a long cell that wraps onto several lines of text in its narrow column so the row is tall"
                } else {
                    "short"
                };
                Row::plain(vec![format!("row {i} {long}"), i.to_string()])
            })
            .collect();
        table(&mut layout, &columns, &rows);
        assert!(layout.pages.len() >= 3, "{} pages", layout.pages.len());
        for page in &layout.pages {
            let t = texts(page);
            assert_eq!(
                t[0],
                "Column name",
                "every page starts with the header: {:?}",
                &t[..3]
            );
            assert!(t.contains(&"Value".to_string()));
        }
        // Each row's number cell sits on the same page as its first line.
        for i in 0..150 {
            let page = layout
                .pages
                .iter()
                .position(|p| texts(p).contains(&i.to_string()))
                .unwrap();
            let first = format!("row {i}");
            assert!(
                texts(&layout.pages[page])
                    .iter()
                    .any(|t| t.starts_with(&first)),
                "row {i} split"
            );
        }
        let limit = layout.geometry.limit();
        for page in &layout.pages {
            for op in &page.ops {
                if let Op::Text { y, .. } = op {
                    assert!(*y <= limit, "text below the bottom margin at {y}");
                }
            }
        }
    }

    #[test]
    fn header_words_are_not_broken() {
        let fonts = Fonts::load().unwrap();
        let layout = Layout::new(&fonts, Geometry::for_paper(595.28, 841.89));
        let columns = [
            Column::left("Segment", 6.0),
            Column::right("Customers", 0.4),
            Column::right("Discount risk", 0.4),
        ];
        let widths = column_widths(&layout, &columns, 400.0, 6.8);
        let needed = fonts.width(Weight::Bold, "Customers", SIZE) + 2.0 * PAD;
        assert!(widths[1] >= needed, "{widths:?}");
        assert!((widths.iter().sum::<f32>() - 400.0).abs() < 0.01);
    }
}
