//! A captcha drawn as real ones are: letters tilted and shifted, over lines.
//! The characters are also given to screen readers, as an audio captcha would be.

use bevy_egui::egui::{self, Color32, FontId, Pos2, Stroke, Ui};

use crate::theme::palette::Palette;

pub(super) fn image(ui: &mut Ui, text: &str, p: &Palette) {
    let size = egui::vec2(220.0, 70.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Label, true, spaced(text)));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6, Color32::from_rgb(0xF1, 0xF0, 0xE8));
    painter.rect_stroke(
        rect,
        6,
        Stroke::new(1.5, p.border),
        egui::StrokeKind::Inside,
    );
    // Deterministic "noise" from the characters themselves, so it does not flicker.
    let seed: u32 = text
        .bytes()
        .fold(7u32, |a, b| a.wrapping_mul(31).wrapping_add(u32::from(b)));
    for i in 0..5u32 {
        let y1 = rect.top() + ((seed >> i) % 60) as f32 + 5.0;
        let y2 = rect.top() + ((seed >> (i + 3)) % 60) as f32 + 5.0;
        painter.line_segment(
            [Pos2::new(rect.left(), y1), Pos2::new(rect.right(), y2)],
            Stroke::new(1.5, Color32::from_rgb(0x8A, 0x8A, 0x9A)),
        );
    }
    for (i, ch) in text.chars().enumerate() {
        let wobble = ((seed >> (i % 16)) % 14) as f32 - 7.0;
        let pos = Pos2::new(
            rect.left() + 24.0 + i as f32 * 38.0,
            rect.center().y + wobble,
        );
        let galley = painter.layout_no_wrap(ch.to_string(), FontId::monospace(34.0), p.text);
        let angle = (((seed >> (i % 8)) % 40) as f32 - 20.0).to_radians();
        painter.add(
            egui::epaint::TextShape::new(pos - galley.size() / 2.0, galley, p.text)
                .with_angle(angle),
        );
    }
}

fn spaced(text: &str) -> String {
    text.chars()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}
