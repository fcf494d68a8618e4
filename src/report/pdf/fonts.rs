//! The embedded typeface (DejaVu Sans, regular and bold, from `assets/fonts/`): glyph
//! lookup and advance widths for layout, and the subset written into the PDF with its
//! widths and a ToUnicode map so the text can be selected and searched.

use super::PdfError;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Which of the two faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

/// One parsed face.
pub(super) struct Face {
    data: &'static [u8],
    face: ttf_parser::Face<'static>,
    /// Font units per em.
    units: f32,
    /// The glyph used for characters the font lacks ('?').
    fallback: u16,
    ps_name: &'static str,
}

impl Face {
    fn parse(data: &'static [u8], ps_name: &'static str) -> Result<Face, PdfError> {
        let face = ttf_parser::Face::parse(data, 0)
            .map_err(|e| PdfError::Font(format!("{ps_name}: {e}")))?;
        let units = f32::from(face.units_per_em());
        let fallback = face.glyph_index('?').map_or(0, |g| g.0);
        Ok(Face {
            data,
            face,
            units,
            fallback,
            ps_name,
        })
    }

    /// The glyph of a character ('?' when the font has none).
    pub(super) fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(self.fallback, |g| g.0)
    }

    /// Advance of a glyph in thousandths of an em (PDF glyph space).
    fn advance(&self, glyph: u16) -> f32 {
        let units = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(0);
        f32::from(units) * 1000.0 / self.units
    }

    /// Width of a text at a font size, in points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    fn scaled(&self, units: i16) -> f32 {
        f32::from(units) * 1000.0 / self.units
    }
}

/// Both faces.
pub(super) struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub(super) fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: Face::parse(REGULAR, "DejaVuSans")?,
            bold: Face::parse(BOLD, "DejaVuSans-Bold")?,
        })
    }

    pub(super) fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    pub(super) fn width(&self, weight: Weight, text: &str, size: f32) -> f32 {
        self.face(weight).width(text, size)
    }
}

/// The glyphs one face uses in a document, numbered in order of first use.
pub(super) struct UsedGlyphs {
    remapper: GlyphRemapper,
    /// Original glyph of each new id.
    originals: Vec<u16>,
    /// The character each new id stands for.
    chars: Vec<Option<char>>,
}

impl UsedGlyphs {
    pub(super) fn new() -> Self {
        UsedGlyphs {
            remapper: GlyphRemapper::new(),
            originals: vec![0],
            chars: vec![None],
        }
    }

    /// The text as 2-byte glyph ids of the subset (CIDs).
    pub(super) fn encode(&mut self, face: &Face, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let original = face.glyph(c);
            let new = self.remapper.remap(original);
            if usize::from(new) == self.originals.len() {
                self.originals.push(original);
                self.chars.push(Some(c));
            }
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }
}

/// Write one face as a Type 0 font with its subset; returns nothing, the font is at `font`.
pub(super) fn write_font(
    pdf: &mut Pdf,
    alloc: &mut impl FnMut() -> Ref,
    font: Ref,
    face: &Face,
    used: &UsedGlyphs,
) -> Result<(), PdfError> {
    let (cid, descriptor, cmap, file) = (alloc(), alloc(), alloc(), alloc());
    let subset = subsetter::subset(face.data, 0, &used.remapper)
        .map_err(|e| PdfError::Font(format!("{}: subsetting failed ({e})", face.ps_name)))?;
    // A six-letter tag derived from the glyph set marks the subset (deterministic).
    let tag = subset_tag(&used.originals);
    let base = format!("{tag}+{}", face.ps_name);
    pdf.type0_font(font)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(Name(base.as_bytes()))
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let widths: Vec<f32> = used.originals.iter().map(|g| face.advance(*g)).collect();
    cid_font.widths().consecutive(0, widths);
    cid_font.finish();
    let f = &face.face;
    let bbox = f.global_bounding_box();
    pdf.font_descriptor(descriptor)
        .name(Name(base.as_bytes()))
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            face.scaled(bbox.x_min),
            face.scaled(bbox.y_min),
            face.scaled(bbox.x_max),
            face.scaled(bbox.y_max),
        ))
        .italic_angle(0.0)
        .ascent(face.scaled(f.ascender()))
        .descent(face.scaled(f.descender()))
        .cap_height(face.scaled(f.capital_height().unwrap_or(f.ascender())))
        .stem_v(if face.ps_name.ends_with("Bold") {
            120.0
        } else {
            80.0
        })
        .font_file2(file);
    let mut unicode = UnicodeCmap::new(Name(b"Custom"), system);
    for (new, c) in used.chars.iter().enumerate() {
        if let Some(c) = c {
            unicode.pair(new as u16, *c);
        }
    }
    let cmap_bytes = unicode.finish();
    pdf.stream(cmap, cmap_bytes.as_slice());
    let compressed = super::deflate(&subset);
    pdf.stream(file, &compressed)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), subset.len() as i32);
    Ok(())
}

fn subset_tag(glyphs: &[u16]) -> String {
    let mut hasher = blake3::Hasher::new();
    for g in glyphs {
        hasher.update(&g.to_le_bytes());
    }
    hasher.finalize().as_bytes()[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_faces_cover_accents_and_cyrillic() {
        let fonts = Fonts::load().unwrap();
        for c in "Clientes Fiéis Ärzte Постоянные −–×σ".chars() {
            if !c.is_whitespace() {
                assert_ne!(fonts.regular.glyph(c), fonts.regular.fallback, "{c}");
                assert_ne!(fonts.bold.glyph(c), fonts.bold.fallback, "{c}");
            }
        }
        let narrow = fonts.width(Weight::Regular, "iii", 10.0);
        let wide = fonts.width(Weight::Regular, "MMM", 10.0);
        assert!(narrow > 0.0 && wide > 2.0 * narrow);
        assert!(fonts.width(Weight::Bold, "Ab", 10.0) > fonts.width(Weight::Regular, "Ab", 10.0));
    }
}
