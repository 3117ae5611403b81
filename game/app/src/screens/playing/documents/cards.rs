//! Cards: the carte Vitale and the identity papers (identity card, passport,
//! residence permit), with their chip, photo, barcode and machine-readable strip.

use bevy_egui::egui::{
    self, Color32, CornerRadius, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2,
};
use dedale_core::Lang;
use dedale_core::model::{Document, DocumentKind};

use super::{Look, Paper, band, body, field, is_key, pattern, sheet, tr, value_text};
use crate::theme::BODY;

/// Width over height of a bank-card-sized card (85.6 × 54 mm).
const CARD: f32 = 1.586;

/// The green health-insurance card: chip, name, and the social security number in large print.
pub(super) fn vitale(ui: &mut Ui, doc: &Document, lang: Lang, look: &Look) {
    let green = Color32::from_rgb(0x14, 0x53, 0x2D);
    let paper = Paper {
        fill: Color32::from_rgb(0xDD, 0xEF, 0xD8),
        edge: green,
        radius: 16,
        max: 460.0,
        ratio: Some(CARD),
    };
    sheet(ui, look, paper, |ui| {
        band(ui, look, green, 16, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new("carte Vitale")
                        .italics()
                        .strong()
                        .size(BODY * 1.5)
                        .color(look.on_band()),
                );
                ui.label(
                    RichText::new(tr(lang, "spécimen", "specimen"))
                        .size(BODY)
                        .color(look.on_band()),
                );
            });
        });
        wave(ui, look, Color32::from_rgb(0x6B, 0xA3, 0x7E));
        body(ui, |ui| {
            ui.horizontal_top(|ui| {
                chip(ui, look);
                ui.vertical(|ui| {
                    for line in &doc.lines {
                        ui.label(
                            RichText::new(line.label.get(lang))
                                .size(BODY)
                                .color(look.muted),
                        );
                        let value = if is_key(line) {
                            value_text(&line.value, true, look)
                        } else {
                            RichText::new(&line.value)
                                .strong()
                                .size(BODY * 1.3)
                                .color(look.ink)
                        };
                        ui.label(value);
                        ui.add_space(2.0);
                    }
                });
            });
        });
    });
}

/// Identity card, passport page or residence permit: coloured band, photo, printed fields.
pub(super) fn identity(ui: &mut Ui, doc: &Document, lang: Lang, look: &Look) {
    let rgb = Color32::from_rgb;
    let (title, fill, colour, radius, max, ratio) = match doc.kind {
        DocumentKind::Passport => (
            tr(lang, "PASSEPORT", "PASSPORT"),
            rgb(0xF7, 0xEE, 0xF2),
            rgb(0x5B, 0x12, 0x30),
            4,
            540.0,
            None,
        ),
        DocumentKind::ResidencePermit => (
            tr(lang, "TITRE DE SÉJOUR", "RESIDENCE PERMIT"),
            rgb(0xE6, 0xF4, 0xF1),
            rgb(0x13, 0x4E, 0x4A),
            14,
            480.0,
            Some(CARD),
        ),
        _ => (
            tr(lang, "CARTE D'IDENTITÉ", "IDENTITY CARD"),
            rgb(0xEA, 0xF1, 0xFB),
            rgb(0x0B, 0x3D, 0x91),
            14,
            480.0,
            Some(CARD),
        ),
    };
    sheet(
        ui,
        look,
        Paper {
            fill,
            edge: colour,
            radius,
            max,
            ratio,
        },
        |ui| {
            band(ui, look, colour, radius, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(title)
                            .strong()
                            .size(BODY * 1.2)
                            .color(look.on_band()),
                    );
                    ui.label(
                        RichText::new(tr(lang, "spécimen", "specimen"))
                            .size(BODY)
                            .color(look.on_band()),
                    );
                });
            });
            if !look.hc {
                let (rect, _) =
                    ui.allocate_exact_size(vec2(ui.available_width(), 5.0), Sense::hover());
                ui.painter().rect_filled(rect, 0, rgb(0xB0, 0x26, 0x2C));
            }
            body(ui, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        portrait(ui, look);
                        if doc.kind == DocumentKind::ResidencePermit {
                            qr(ui, look, &doc.id, 60.0);
                        }
                    });
                    ui.vertical(|ui| {
                        for line in &doc.lines {
                            field(ui, line, lang, look);
                        }
                    });
                });
                match doc.kind {
                    DocumentKind::Passport => mrz(ui, look, &doc.id),
                    DocumentKind::IdentityCard => barcode(ui, look, &doc.id),
                    _ => {}
                }
            });
        },
    );
}

/// The golden chip of a card, with its contact lines.
fn chip(ui: &mut Ui, look: &Look) {
    let (rect, _) = ui.allocate_exact_size(vec2(52.0, 40.0), Sense::hover());
    let line = Stroke::new(
        if look.hc { 2.0 } else { 1.2 },
        look.deco(Color32::from_rgb(0x8A, 0x6D, 0x1E)),
    );
    let painter = ui.painter();
    painter.rect(
        rect,
        7,
        look.tint(Color32::from_rgb(0xD9, 0xB8, 0x5C)),
        line,
        StrokeKind::Inside,
    );
    for x in [rect.left() + 17.0, rect.right() - 17.0] {
        painter.line_segment([pos2(x, rect.top()), pos2(x, rect.bottom())], line);
    }
    painter.line_segment(
        [
            pos2(rect.left(), rect.center().y),
            pos2(rect.right(), rect.center().y),
        ],
        line,
    );
}

/// A wavy guilloche-like line under a band.
fn wave(ui: &mut Ui, look: &Look, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 12.0), Sense::hover());
    let points = (0..=80)
        .map(|i| {
            let t = i as f32 / 80.0;
            pos2(
                rect.left() + t * rect.width(),
                rect.center().y + 4.0 * (t * 40.0).sin(),
            )
        })
        .collect();
    ui.painter()
        .line(points, Stroke::new(1.5, look.deco(colour)));
}

/// A photo placeholder: a head and shoulders silhouette.
fn portrait(ui: &mut Ui, look: &Look) {
    let (rect, _) = ui.allocate_exact_size(vec2(84.0, 108.0), Sense::hover());
    let painter = ui.painter().with_clip_rect(rect);
    let edge = Stroke::new(
        if look.hc { 2.0 } else { 1.0 },
        look.deco(Color32::from_rgb(0x6B, 0x72, 0x80)),
    );
    painter.rect(
        rect,
        3,
        look.tint(Color32::from_rgb(0xD5, 0xDB, 0xE5)),
        edge,
        StrokeKind::Inside,
    );
    let person = look.deco(Color32::from_rgb(0x8A, 0x94, 0xA6));
    let cx = rect.center().x;
    painter.circle_filled(pos2(cx, rect.top() + 40.0), 19.0, person);
    let shoulders = Rect::from_min_max(
        pos2(cx - 32.0, rect.top() + 66.0),
        pos2(cx + 32.0, rect.bottom() + 20.0),
    );
    painter.rect_filled(
        shoulders,
        CornerRadius {
            nw: 28,
            ne: 28,
            sw: 0,
            se: 0,
        },
        person,
    );
}

/// A fake QR code: a grid of squares with three corner markers.
pub(super) fn qr(ui: &mut Ui, look: &Look, seed: &str, size: f32) {
    ui.add_space(6.0);
    let (rect, _) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 0, Color32::WHITE);
    let n = 13;
    let cell = size / n as f32;
    let ink = look.deco(Color32::from_rgb(0x1A, 0x1A, 0x1A));
    let mut bits = pattern(seed);
    for row in 0..n {
        for col in 0..n {
            let corner = |a: usize, b: usize| a < 6 && b < 6;
            let in_marker =
                corner(row, col) || corner(row, n - 1 - col) || corner(n - 1 - row, col);
            let on = if in_marker {
                let (r, c) = (row.min(n - 1 - row), col.min(n - 1 - col));
                r < 5 && c < 5 && (r == 0 || r == 4 || c == 0 || c == 4 || (r == 2 && c == 2))
            } else {
                bits.next().unwrap_or(false)
            };
            if on {
                let min = rect.min + vec2(col as f32 * cell, row as f32 * cell);
                painter.rect_filled(Rect::from_min_size(min, vec2(cell, cell)), 0, ink);
            }
        }
    }
}

/// A fake barcode at the bottom of a card.
fn barcode(ui: &mut Ui, look: &Look, seed: &str) {
    ui.add_space(6.0);
    let (rect, _) =
        ui.allocate_exact_size(vec2(ui.available_width().min(240.0), 30.0), Sense::hover());
    let ink = look.deco(Color32::from_rgb(0x1A, 0x1A, 0x1A));
    let mut bits = pattern(seed);
    let mut x = rect.left();
    while x < rect.right() - 3.0 {
        let w = if bits.next().unwrap_or(false) {
            3.0
        } else {
            1.5
        };
        if bits.next().unwrap_or(true) {
            ui.painter().rect_filled(
                Rect::from_min_max(pos2(x, rect.top()), pos2(x + w, rect.bottom())),
                0,
                ink,
            );
        }
        x += w + 1.5;
    }
}

/// The two machine-readable lines at the bottom of a passport page, drawn as blocks.
fn mrz(ui: &mut Ui, look: &Look, seed: &str) {
    ui.add_space(8.0);
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 34.0), Sense::hover());
    let ink = look.deco(Color32::from_rgb(0x4B, 0x55, 0x63));
    let mut bits = pattern(seed);
    for y in [rect.top() + 2.0, rect.top() + 20.0] {
        let mut x = rect.left();
        while x + 7.0 <= rect.right() {
            let h = if bits.next().unwrap_or(false) {
                12.0
            } else {
                3.0
            };
            let top = y + 12.0 - h;
            ui.painter()
                .rect_filled(Rect::from_min_size(pos2(x, top), vec2(6.0, h)), 0, ink);
            x += 9.0;
        }
    }
}

/// A photo placeholder: grey sky, a sun and two mountains.
pub(super) fn landscape(ui: &mut Ui, look: &Look, width: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(width, (width * 0.62).min(260.0)), Sense::hover());
    let painter = ui.painter().with_clip_rect(rect);
    let (w, h) = (rect.width(), rect.height());
    let at = |x: f32, y: f32| pos2(rect.left() + x * w, rect.top() + y * h);
    let edge = if look.hc {
        Stroke::new(2.0, Color32::BLACK)
    } else {
        Stroke::NONE
    };
    painter.rect(
        rect,
        4,
        look.tint(Color32::from_rgb(0xC9, 0xCE, 0xD6)),
        edge,
        StrokeKind::Inside,
    );
    painter.circle(
        at(0.78, 0.28),
        0.1 * h,
        look.tint(Color32::from_rgb(0xF2, 0xC1, 0x4E)),
        edge,
    );
    let far = look.tint(Color32::from_rgb(0x7A, 0x86, 0x99));
    let near = look.tint(Color32::from_rgb(0x5F, 0x6B, 0x7F));
    painter.add(egui::Shape::convex_polygon(
        vec![at(0.0, 1.0), at(0.35, 0.35), at(0.7, 1.0)],
        far,
        edge,
    ));
    painter.add(egui::Shape::convex_polygon(
        vec![at(0.4, 1.0), at(0.72, 0.5), at(1.0, 0.85), at(1.0, 1.0)],
        near,
        edge,
    ));
}
