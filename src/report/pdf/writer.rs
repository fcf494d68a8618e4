//! Serialises laid-out pages to PDF with pdf-writer: page tree, content streams (compressed),
//! the two subset fonts, the outline and the document information. Object numbers, glyph
//! numbers and bytes depend only on the pages, so the same report gives the same file.

use super::fonts::{Fonts, UsedGlyphs, Weight, write_font};
use super::layout::{Bookmark, Op, Page, Rgb};
use super::{PdfError, deflate};
use crate::charts::Pattern;
use crate::report::content::ReportDate;
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// The document information.
pub(super) struct Meta<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    pub producer: &'a str,
    pub date: Option<ReportDate>,
    pub size: (f32, f32),
}

const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

pub(super) fn write(
    fonts: &Fonts,
    pages: &[Page],
    bookmarks: &[Bookmark],
    meta: &Meta<'_>,
) -> Result<Vec<u8>, PdfError> {
    let mut next = 0;
    let mut alloc = move || {
        next += 1;
        Ref::new(next)
    };
    let (catalog, tree, info, outline) = (alloc(), alloc(), alloc(), alloc());
    let (regular_id, bold_id) = (alloc(), alloc());
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();
    let mut pdf = Pdf::new();
    let mut used = [UsedGlyphs::new(), UsedGlyphs::new()];
    let (w, h) = meta.size;
    for (page, &(page_id, content_id)) in pages.iter().zip(&page_ids) {
        let stream = content(fonts, &mut used, page, h);
        let compressed = deflate(&stream);
        pdf.stream(content_id, &compressed)
            .filter(Filter::FlateDecode);
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, w, h))
            .parent(tree)
            .contents(content_id);
        p.resources()
            .fonts()
            .pair(REGULAR, regular_id)
            .pair(BOLD, bold_id);
        p.finish();
    }
    pdf.pages(tree)
        .kids(page_ids.iter().map(|p| p.0))
        .count(page_ids.len() as i32);
    let [regular_used, bold_used] = &used;
    write_font(
        &mut pdf,
        &mut alloc,
        regular_id,
        &fonts.regular,
        regular_used,
    )?;
    write_font(&mut pdf, &mut alloc, bold_id, &fonts.bold, bold_used)?;
    let has_outline = write_outline(&mut pdf, &mut alloc, outline, bookmarks, &page_ids, h);
    let mut cat = pdf.catalog(catalog);
    cat.pages(tree);
    if has_outline {
        cat.outlines(outline);
        cat.page_mode(pdf_writer::types::PageMode::UseOutlines);
    }
    cat.finish();
    let mut doc = pdf.document_info(info);
    doc.title(TextStr(meta.title))
        .subject(TextStr(meta.subject))
        .producer(TextStr(meta.producer))
        .creator(TextStr(meta.producer));
    if let Some(d) = meta.date {
        let date = Date::new(d.year).month(d.month).day(d.day);
        doc.creation_date(date).modified_date(date);
    }
    doc.finish();
    Ok(pdf.finish())
}

fn rgb(c: Rgb) -> (f32, f32, f32) {
    (
        f32::from(c[0]) / 255.0,
        f32::from(c[1]) / 255.0,
        f32::from(c[2]) / 255.0,
    )
}

fn content(fonts: &Fonts, used: &mut [UsedGlyphs; 2], page: &Page, h: f32) -> Vec<u8> {
    let mut c = Content::new();
    for op in &page.ops {
        match op {
            Op::Text {
                x,
                y,
                size,
                weight,
                rgb: col,
                text,
            } => {
                let (face, name, slot) = match weight {
                    Weight::Regular => (&fonts.regular, REGULAR, 0),
                    Weight::Bold => (&fonts.bold, BOLD, 1),
                };
                let bytes = used[slot].encode(face, text);
                let (r, g, b) = rgb(*col);
                c.set_fill_rgb(r, g, b);
                c.begin_text();
                c.set_font(name, *size);
                c.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, h - y]);
                c.show(Str(&bytes));
                c.end_text();
            }
            Op::Rect {
                x,
                y,
                w,
                h: rh,
                fill,
                stroke,
            } => {
                if fill.is_none() && stroke.is_none() {
                    continue;
                }
                if let Some(f) = fill {
                    let (r, g, b) = rgb(*f);
                    c.set_fill_rgb(r, g, b);
                }
                if let Some((s, width)) = stroke {
                    let (r, g, b) = rgb(*s);
                    c.set_stroke_rgb(r, g, b);
                    c.set_line_width(*width);
                }
                c.rect(*x, h - y - rh, *w, *rh);
                match (fill, stroke) {
                    (Some(_), Some(_)) => c.fill_nonzero_and_stroke(),
                    (Some(_), None) => c.fill_nonzero(),
                    _ => c.stroke(),
                };
            }
            Op::Line {
                points,
                rgb: col,
                width,
                dashed,
            } => {
                let Some(first) = points.first() else {
                    continue;
                };
                let (r, g, b) = rgb(*col);
                c.set_stroke_rgb(r, g, b);
                c.set_line_width(*width);
                if *dashed {
                    c.set_dash_pattern([2.0, 2.0], 0.0);
                }
                c.move_to(first.0, h - first.1);
                for p in &points[1..] {
                    c.line_to(p.0, h - p.1);
                }
                c.stroke();
                if *dashed {
                    c.set_dash_pattern([], 0.0);
                }
            }
            Op::Hatch {
                x,
                y,
                w,
                h: rh,
                pattern,
                rgb: col,
            } => hatch(&mut c, (*x, h - y - rh, *w, *rh), *pattern, *col),
            Op::Marker {
                x,
                y,
                r: size,
                rgb: col,
                diamond,
            } => {
                let (r, g, b) = rgb(*col);
                c.set_fill_rgb(r, g, b);
                let (cx, cy) = (*x, h - y);
                if *diamond {
                    c.move_to(cx, cy + size);
                    c.line_to(cx + size, cy);
                    c.line_to(cx, cy - size);
                    c.line_to(cx - size, cy);
                    c.close_path();
                } else {
                    c.rect(cx - size, cy - size, 2.0 * size, 2.0 * size);
                }
                c.fill_nonzero();
            }
        }
    }
    c.finish().to_vec()
}

/// Thin lines of a pattern over a rectangle given as (x, bottom, w, h) in PDF space.
fn hatch(c: &mut Content, (x, y, w, h): (f32, f32, f32, f32), pattern: Pattern, col: Rgb) {
    if pattern == Pattern::Solid || w <= 0.0 || h <= 0.0 {
        return;
    }
    let step = 3.0;
    c.save_state();
    c.rect(x, y, w, h);
    c.clip_nonzero();
    c.end_path();
    let (r, g, b) = rgb(col);
    c.set_stroke_rgb(r, g, b);
    c.set_fill_rgb(r, g, b);
    c.set_line_width(0.45);
    let span = w + h;
    let mut lines = |dx: f32, dy: f32, offsets: &mut dyn Iterator<Item = f32>| {
        for o in offsets {
            match (dx, dy) {
                (1.0, 0.0) => {
                    c.move_to(x, y + o);
                    c.line_to(x + w, y + o);
                }
                (0.0, 1.0) => {
                    c.move_to(x + o, y);
                    c.line_to(x + o, y + h);
                }
                (1.0, 1.0) => {
                    c.move_to(x + o - h, y);
                    c.line_to(x + o, y + h);
                }
                _ => {
                    c.move_to(x + o - h, y + h);
                    c.line_to(x + o, y);
                }
            }
        }
    };
    let count = |len: f32| (0..=((len / step) as usize)).map(move |i| i as f32 * step + step / 2.0);
    match pattern {
        Pattern::Diagonal => lines(1.0, 1.0, &mut count(span)),
        Pattern::BackDiagonal => lines(-1.0, 1.0, &mut count(span)),
        Pattern::Horizontal => lines(1.0, 0.0, &mut count(h)),
        Pattern::Vertical => lines(0.0, 1.0, &mut count(w)),
        Pattern::Cross => {
            lines(1.0, 1.0, &mut count(span));
            lines(-1.0, 1.0, &mut count(span));
        }
        Pattern::Grid => {
            lines(1.0, 0.0, &mut count(h));
            lines(0.0, 1.0, &mut count(w));
        }
        Pattern::Dots | Pattern::Solid => {}
    }
    if pattern == Pattern::Dots {
        for i in count(w) {
            for j in count(h) {
                c.rect(x + i - 0.5, y + j - 0.5, 1.0, 1.0);
            }
        }
        c.fill_nonzero();
    } else {
        c.stroke();
    }
    c.restore_state();
}

/// The outline: sections at the top level, their parts under them. Returns whether any.
fn write_outline(
    pdf: &mut Pdf,
    alloc: &mut impl FnMut() -> Ref,
    root: Ref,
    bookmarks: &[Bookmark],
    pages: &[(Ref, Ref)],
    h: f32,
) -> bool {
    let mut tops: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, b) in bookmarks.iter().enumerate() {
        match (b.level, tops.last_mut()) {
            (0, _) | (_, None) => tops.push((i, Vec::new())),
            (_, Some(top)) => top.1.push(i),
        }
    }
    if tops.is_empty() {
        return false;
    }
    let ids: Vec<Ref> = bookmarks.iter().map(|_| alloc()).collect();
    let item = |pdf: &mut Pdf,
                i: usize,
                parent: Ref,
                prev: Option<usize>,
                next: Option<usize>,
                children: &[usize]| {
        let b = &bookmarks[i];
        let mut it = pdf.outline_item(ids[i]);
        it.title(TextStr(&b.title)).parent(parent);
        if let Some(p) = prev {
            it.prev(ids[p]);
        }
        if let Some(n) = next {
            it.next(ids[n]);
        }
        if let (Some(f), Some(l)) = (children.first(), children.last()) {
            it.first(ids[*f])
                .last(ids[*l])
                .count(-(children.len() as i32));
        }
        let page = pages.get(b.page).map_or(pages[0].0, |p| p.0);
        it.dest().page(page).xyz(0.0, h - b.y + 4.0, None);
    };
    for (t, (top, children)) in tops.iter().enumerate() {
        let prev = t.checked_sub(1).map(|p| tops[p].0);
        let next = tops.get(t + 1).map(|n| n.0);
        item(pdf, *top, root, prev, next, children);
        for (c, child) in children.iter().enumerate() {
            let prev = c.checked_sub(1).map(|p| children[p]);
            let next = children.get(c + 1).copied();
            item(pdf, *child, ids[*top], prev, next, &[]);
        }
    }
    pdf.outline(root)
        .first(ids[tops[0].0])
        .last(ids[tops[tops.len() - 1].0])
        .count(tops.len() as i32);
    true
}
