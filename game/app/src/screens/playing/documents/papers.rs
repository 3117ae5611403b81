//! Papers: the tax notice, the RIB, letters and attestations, and photos.

use bevy_egui::egui::{self, Color32, RichText, Sense, Stroke, Ui, pos2, vec2};
use dedale_core::Lang;
use dedale_core::model::{DocLine, Document, DocumentKind};

use super::cards::{landscape, qr};
use super::{
    Look, Paper, band, body, field, is_key, label_has, rule, sheet, table, tr, value_text,
};
use crate::theme::BODY;

/// Widest a paper is drawn, so lines stay short enough to read.
const PAPER: f32 = 640.0;

/// A sheet of paper outlined with the border colour.
fn plain(look: &Look, fill: Color32, radius: u8, max: f32) -> Paper {
    Paper {
        fill,
        edge: look.border,
        radius,
        max,
        ratio: None,
    }
}

/// The tax notice: header band, a framed "Vos références" box with the
/// numbers forms ask for, then the rest as a table.
pub(super) fn tax_notice(ui: &mut Ui, doc: &Document, lang: Lang, look: &Look) {
    let blue = Color32::from_rgb(0x1E, 0x3A, 0x5F);
    sheet(ui, look, plain(look, look.paper, 3, PAPER), |ui| {
        band(ui, look, blue, 3, |ui| {
            ui.label(
                RichText::new(tr(lang, "AVIS D'IMPÔT", "TAX NOTICE"))
                    .strong()
                    .size(BODY * 1.3)
                    .color(look.on_band()),
            );
            ui.label(
                RichText::new(doc.title.get(lang))
                    .size(BODY)
                    .color(look.on_band()),
            );
        });
        body(ui, |ui| {
            let (keys, rest): (Vec<&DocLine>, Vec<&DocLine>) =
                doc.lines.iter().partition(|l| is_key(l));
            if !keys.is_empty() {
                let heading = if look.hc { look.ink } else { look.info };
                egui::Frame::new()
                    .fill(look.tint(look.info_bg))
                    .stroke(look.edge(look.info))
                    .corner_radius(4)
                    .inner_margin(12)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            RichText::new(tr(lang, "Vos références", "Your references"))
                                .strong()
                                .size(BODY * 1.1)
                                .color(heading),
                        );
                        for line in keys {
                            field(ui, line, lang, look);
                        }
                    });
                ui.add_space(8.0);
            }
            table(ui, rest, lang, look);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                qr(ui, look, &doc.id, 52.0)
            });
        });
    });
}

/// The RIB: the bank's header, the holder, and the IBAN and BIC in a frame.
pub(super) fn rib(ui: &mut Ui, doc: &Document, lang: Lang, look: &Look) {
    let slate = Color32::from_rgb(0x2F, 0x3E, 0x57);
    let coded = |l: &&DocLine| {
        let fact = l.fact.as_deref();
        fact == Some("iban") || fact == Some("bic") || label_has(l, "IBAN") || label_has(l, "BIC")
    };
    let (codes, rest): (Vec<&DocLine>, Vec<&DocLine>) = doc.lines.iter().partition(coded);
    sheet(ui, look, plain(look, look.paper, 6, PAPER), |ui| {
        band(ui, look, slate, 6, |ui| {
            ui.label(
                RichText::new(doc.title.get(lang))
                    .strong()
                    .size(BODY * 1.3)
                    .color(look.on_band()),
            );
            ui.label(
                RichText::new(tr(
                    lang,
                    "Relevé d'identité bancaire",
                    "Bank account details (RIB)",
                ))
                .size(BODY)
                .color(look.on_band()),
            );
        });
        body(ui, |ui| {
            table(ui, rest, lang, look);
            if codes.is_empty() {
                return;
            }
            ui.add_space(6.0);
            egui::Frame::new()
                .fill(look.tint(Color32::from_rgb(0xF5, 0xF7, 0xFA)))
                .stroke(look.edge(look.border))
                .corner_radius(4)
                .inner_margin(12)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.spacing_mut().item_spacing.y = 4.0;
                    for line in codes {
                        ui.label(
                            RichText::new(line.label.get(lang))
                                .size(BODY)
                                .color(look.muted),
                        );
                        ui.label(value_text(&line.value, true, look));
                        ui.add_space(4.0);
                    }
                });
        });
    });
}

/// A letter, a receipt, a payslip or an attestation: a letterhead, then the lines as a table.
/// Anything else is a plain note on yellowish paper.
pub(super) fn letter(ui: &mut Ui, doc: &Document, lang: Lang, look: &Look) {
    let rgb = Color32::from_rgb;
    let (kind, accent) = match doc.kind {
        DocumentKind::ProofOfAddress => (
            Some(tr(lang, "Justificatif de domicile", "Proof of address")),
            rgb(0x9A, 0x34, 0x12),
        ),
        DocumentKind::Payslip => (
            Some(tr(lang, "Bulletin de salaire", "Payslip")),
            rgb(0x37, 0x30, 0xA3),
        ),
        DocumentKind::Certificate => (
            Some(tr(lang, "Attestation", "Certificate")),
            rgb(0x14, 0x53, 0x2D),
        ),
        DocumentKind::Letter => (Some(tr(lang, "Courrier", "Letter")), rgb(0x0B, 0x3D, 0x91)),
        _ => (None, rgb(0x9C, 0x8A, 0x4B)),
    };
    let note = kind.is_none();
    let fill = if note {
        rgb(0xFF, 0xFB, 0xE6)
    } else {
        look.paper
    };
    sheet(ui, look, plain(look, fill, 3, PAPER), |ui| {
        let (strip, _) = ui.allocate_exact_size(
            vec2(ui.available_width(), if look.hc { 3.0 } else { 6.0 }),
            Sense::hover(),
        );
        ui.painter().rect_filled(strip, 0, look.deco(accent));
        body(ui, |ui| {
            ui.horizontal_top(|ui| {
                if !note {
                    letterhead(ui, look, accent);
                }
                ui.vertical(|ui| {
                    if let Some(kind) = kind {
                        ui.label(RichText::new(kind).size(BODY).color(look.muted));
                    }
                    ui.label(
                        RichText::new(doc.title.get(lang))
                            .strong()
                            .size(BODY * 1.2)
                            .color(look.ink),
                    );
                });
            });
            rule(ui, look, 1.5);
            table(ui, &doc.lines, lang, look);
            if matches!(doc.kind, DocumentKind::Certificate | DocumentKind::Letter) {
                ui.add_space(6.0);
                signature(ui, look);
            }
        });
    });
}

/// A photo as shown in a gallery: the picture, its file name, its lines.
pub(super) fn photo(ui: &mut Ui, doc: &Document, lang: Lang, look: &Look) {
    sheet(ui, look, plain(look, look.paper, 4, 440.0), |ui| {
        body(ui, |ui| {
            landscape(ui, look, ui.available_width());
            ui.add_space(4.0);
            let caption = doc
                .file
                .as_ref()
                .map_or_else(|| doc.title.get(lang), |f| f.name.as_str());
            ui.label(RichText::new(caption).strong().size(BODY).color(look.ink));
            table(ui, &doc.lines, lang, look);
        });
    });
}

/// An invented organisation's mark: a circle in a rounded square.
fn letterhead(ui: &mut Ui, look: &Look, accent: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(44.0, 44.0), Sense::hover());
    let painter = ui.painter();
    let ink = look.deco(accent);
    painter.rect_stroke(
        rect.shrink(1.0),
        8,
        Stroke::new(3.0, ink),
        egui::StrokeKind::Inside,
    );
    painter.circle_filled(rect.center(), 11.0, ink);
}

/// A handwritten-looking signature.
fn signature(ui: &mut Ui, look: &Look) {
    let (rect, _) = ui.allocate_exact_size(vec2(150.0, 34.0), Sense::hover());
    let points = (0..=60)
        .map(|i| {
            let t = i as f32 / 60.0;
            let y = (t * 19.0).sin() * 10.0 * (1.0 - t * 0.6) + (t * 5.0).cos() * 3.0;
            pos2(rect.left() + t * rect.width(), rect.center().y + y)
        })
        .collect();
    ui.painter().line(
        points,
        Stroke::new(2.0, look.deco(Color32::from_rgb(0x1E, 0x3A, 0x8A))),
    );
}
