//! The persona's papers, drawn so each looks like the real one: a green card
//! with a chip, an identity card with a photo, a tax notice with its
//! "Vos références" box, a RIB with its IBAN frame. In real life people must
//! find the number on the right paper, in the right place; the game trains
//! that gesture, so the values are printed as given and never reformatted.
//!
//! Every label and value is an egui label, so screen readers read it; the
//! painter only draws decoration (chip, photo silhouette, barcode). In high
//! contrast the papers become plain white with black ink and thick borders.

mod cards;
mod papers;

use bevy_egui::egui::{self, Color32, CornerRadius, Margin, RichText, Stroke, Ui};
use dedale_core::Lang;
use dedale_core::model::{DocLine, Document, DocumentKind};

use crate::theme::BODY;
use crate::theme::palette::Palette;

/// Draws a document of the folder as the real paper looks, large enough to read.
pub(crate) fn draw(ui: &mut Ui, doc: &Document, lang: Lang, p: &Palette) {
    let look = Look::new(p);
    ui.vertical(|ui| {
        match doc.kind {
            DocumentKind::CarteVitale => cards::vitale(ui, doc, lang, &look),
            DocumentKind::IdentityCard | DocumentKind::Passport | DocumentKind::ResidencePermit => {
                cards::identity(ui, doc, lang, &look)
            }
            DocumentKind::TaxNotice => papers::tax_notice(ui, doc, lang, &look),
            DocumentKind::Rib => papers::rib(ui, doc, lang, &look),
            DocumentKind::Photo => papers::photo(ui, doc, lang, &look),
            DocumentKind::ProofOfAddress
            | DocumentKind::Payslip
            | DocumentKind::Certificate
            | DocumentKind::Letter
            | DocumentKind::Other => papers::letter(ui, doc, lang, &look),
        }
        if let Some(file) = &doc.file {
            let text = match lang {
                Lang::En => format!(
                    "File: {} ({}, {} KB)",
                    file.name,
                    file.format.name(),
                    file.size_kb
                ),
                _ => format!(
                    "Fichier : {} ({}, {} Ko)",
                    file.name,
                    file.format.name(),
                    file.size_kb
                ),
            };
            ui.add_space(4.0);
            ui.label(
                RichText::new(format!("📄 {text}"))
                    .size(BODY)
                    .color(look.muted),
            );
        }
    });
}

/// The colours of the papers for the current palette.
pub(super) struct Look {
    /// High contrast: white paper, black ink, thick black borders.
    pub hc: bool,
    pub ink: Color32,
    pub muted: Color32,
    pub paper: Color32,
    pub border: Color32,
    pub info: Color32,
    pub info_bg: Color32,
}

impl Look {
    fn new(p: &Palette) -> Look {
        Look {
            hc: p.text == Color32::BLACK,
            ink: p.text,
            muted: p.muted,
            paper: p.page,
            border: p.border,
            info: p.info,
            info_bg: p.info_bg,
        }
    }

    /// A background tint, or plain white in high contrast.
    pub fn tint(&self, c: Color32) -> Color32 {
        if self.hc { Color32::WHITE } else { c }
    }

    /// A decoration colour, or black in high contrast.
    pub fn deco(&self, c: Color32) -> Color32 {
        if self.hc { Color32::BLACK } else { c }
    }

    /// The outline of a paper or a box.
    pub fn edge(&self, c: Color32) -> Stroke {
        if self.hc {
            Stroke::new(3.0, Color32::BLACK)
        } else {
            Stroke::new(1.5, c)
        }
    }

    /// Text printed on a header band.
    pub fn on_band(&self) -> Color32 {
        if self.hc {
            Color32::BLACK
        } else {
            Color32::WHITE
        }
    }
}

/// French or English for the few words the game prints itself (FALC uses French).
pub(super) fn tr(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::En { en } else { fr }
}

/// Whether a value is one people copy into forms: a fact, or a long number
/// (NIR, IBAN, numéro fiscal). Decoys get the same look, so the look gives nothing away.
pub(super) fn is_key(line: &DocLine) -> bool {
    line.fact.is_some() || line.value.chars().filter(char::is_ascii_digit).count() >= 10
}

/// Whether a line's label (French or English) mentions `word`.
pub(super) fn label_has(line: &DocLine, word: &str) -> bool {
    let has = |t: &str| t.to_uppercase().contains(word);
    has(&line.label.fr) || line.label.en.as_deref().is_some_and(has)
}

/// A value as printed: large bold monospace for keys, spaces kept as given.
pub(super) fn value_text(value: &str, key: bool, look: &Look) -> RichText {
    let t = RichText::new(value).color(look.ink).strong();
    if key {
        t.monospace().size(BODY * 1.4)
    } else {
        t.size(BODY * 1.1)
    }
}

/// A field of a card: the small printed label above its value.
pub(super) fn field(ui: &mut Ui, line: &DocLine, lang: Lang, look: &Look) {
    ui.label(
        RichText::new(line.label.get(lang))
            .size(BODY)
            .color(look.muted),
    );
    ui.label(value_text(&line.value, is_key(line), look));
    ui.add_space(2.0);
}

/// A row of a letter: "Label : value", the value on its own line when it is a key.
pub(super) fn row(ui: &mut Ui, line: &DocLine, lang: Lang, look: &Look) {
    let colon = tr(lang, " :", ":");
    let label = RichText::new(format!("{}{colon}", line.label.get(lang)))
        .size(BODY)
        .color(look.muted);
    if is_key(line) {
        ui.label(label);
        ui.label(value_text(&line.value, true, look));
    } else {
        // One label for both, so they share a baseline, wrap together and are read together.
        let mut job = egui::text::LayoutJob::default();
        let style = ui.style().clone();
        let font = egui::FontSelection::Default;
        label.append_to(&mut job, &style, font.clone(), egui::Align::BOTTOM);
        RichText::new(" ").size(BODY).append_to(
            &mut job,
            &style,
            font.clone(),
            egui::Align::BOTTOM,
        );
        value_text(&line.value, false, look).append_to(&mut job, &style, font, egui::Align::BOTTOM);
        ui.label(job);
    }
}

/// Rows separated by thin rules, like a printed table.
pub(super) fn table<'a>(
    ui: &mut Ui,
    lines: impl IntoIterator<Item = &'a DocLine>,
    lang: Lang,
    look: &Look,
) {
    for (i, line) in lines.into_iter().enumerate() {
        if i > 0 {
            rule(ui, look, 1.0);
        }
        row(ui, line, lang, look);
    }
}

/// A horizontal rule across the available width.
pub(super) fn rule(ui: &mut Ui, look: &Look, width: f32) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), width + 4.0),
        egui::Sense::hover(),
    );
    let w = if look.hc { width.max(2.0) } else { width };
    ui.painter()
        .hline(rect.x_range(), rect.center().y, Stroke::new(w, look.border));
}

/// How a sheet looks: its fill and outline colours, corner radius, widest
/// width in points, and for cards the width / height ratio that sets a minimum height.
pub(super) struct Paper {
    pub fill: Color32,
    pub edge: Color32,
    pub radius: u8,
    pub max: f32,
    pub ratio: Option<f32>,
}

/// A paper or card: an outlined frame with no margin, so header bands reach its edges.
pub(super) fn sheet<R>(
    ui: &mut Ui,
    look: &Look,
    paper: Paper,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let stroke = look.edge(paper.edge);
    let width = ui.available_width().min(paper.max) - 2.0 * stroke.width;
    egui::Frame::new()
        .fill(look.tint(paper.fill))
        .stroke(stroke)
        .corner_radius(paper.radius)
        .show(ui, |ui| {
            ui.set_width(width);
            if let Some(r) = paper.ratio {
                ui.set_min_height(width / r);
            }
            ui.spacing_mut().item_spacing.y = 0.0;
            add(ui)
        })
        .inner
}

/// The coloured band at the top of a sheet.
pub(super) fn band(ui: &mut Ui, look: &Look, fill: Color32, radius: u8, add: impl FnOnce(&mut Ui)) {
    let r = radius.saturating_sub(2);
    egui::Frame::new()
        .fill(look.tint(fill))
        .corner_radius(CornerRadius {
            nw: r,
            ne: r,
            sw: 0,
            se: 0,
        })
        .inner_margin(Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.spacing_mut().item_spacing.y = 2.0;
            add(ui);
        });
    if look.hc {
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), 3.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 0, Color32::BLACK);
    }
}

/// The body of a sheet, with margins and the usual spacing.
pub(super) fn body<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::new()
        .inner_margin(Margin::symmetric(14, 12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.spacing_mut().item_spacing.y = 6.0;
            add(ui)
        })
        .inner
}

/// A deterministic pseudo-random pattern from the document's id, for barcodes and QR codes.
pub(super) fn pattern(seed: &str) -> impl Iterator<Item = bool> {
    let mut x = seed
        .bytes()
        .fold(0x9E37_79B9_u32, |h, b| h.rotate_left(5) ^ u32::from(b))
        .wrapping_mul(2_654_435_761)
        | 1;
    std::iter::repeat_with(move || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x & 1 == 1
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dedale_core::Text;
    use dedale_core::model::{FileFormat, FileInfo};

    fn doc(kind: DocumentKind) -> Document {
        let line = |label: &str, value: &str, fact: Option<&str>| DocLine {
            label: Text::fr(label),
            value: value.into(),
            fact: fact.map(Into::into),
        };
        Document {
            id: format!("{kind:?}"),
            kind,
            title: Text::fr("Un titre assez long pour devoir passer à la ligne sur un petit écran"),
            lines: vec![
                line("Nom", "Sandrine MOREL", None),
                line(
                    "Total des sommes reçues en septembre 2026 (en euros)",
                    "0",
                    Some("revenus"),
                ),
                line("IBAN", "FR76 1450 8000 6004 7158 3927 115", Some("iban")),
                line("BIC", "BFLIFRPPXXX", None),
                line(
                    "Adresse",
                    "8 impasse des Mouettes, résidence des Goélands, bâtiment C",
                    None,
                ),
            ],
            hidden: false,
            when: dedale_core::condition::Condition::Always,
            file: Some(FileInfo {
                name: "avis_impot_2026.pdf".into(),
                format: FileFormat::Pdf,
                size_kb: 310,
            }),
        }
    }

    #[test]
    fn every_kind_fits_the_width_in_both_palettes() {
        use DocumentKind::*;
        let kinds = [
            IdentityCard,
            Passport,
            ResidencePermit,
            CarteVitale,
            TaxNotice,
            Rib,
            ProofOfAddress,
            Payslip,
            Certificate,
            Letter,
            Photo,
            Other,
        ];
        for width in [240.0, 320.0, 700.0] {
            for hc in [false, true] {
                let ctx = egui::Context::default();
                ctx.set_fonts(crate::theme::fonts::definitions());
                let input = egui::RawInput {
                    screen_rect: Some(egui::Rect::from_min_size(
                        egui::Pos2::ZERO,
                        egui::vec2(width, 4000.0),
                    )),
                    ..Default::default()
                };
                let mut out = ctx.run_ui(input, |ui| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        for kind in kinds {
                            let avail = ui.available_width();
                            let rect = ui
                                .scope(|ui| draw(ui, &doc(kind), Lang::Fr, &Palette::get(hc)))
                                .response
                                .rect;
                            assert!(
                                rect.width() <= avail + 0.5,
                                "{kind:?} at {width}: {} > {avail}",
                                rect.width()
                            );
                        }
                    });
                });
                out.textures_delta.clear();
            }
        }
    }
}
