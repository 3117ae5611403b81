//! The report's charts, drawn with egui's painter: bars, shares of a whole
//! and box plots of times, each row with its label on the left and its figure
//! on the right (a chart never says something the text does not).

use bevy_egui::egui;
use dedale_core::Lang;
use dedale_core::metrics::report::Quartiles;
use dedale_core::metrics::report::labels::duration;

use crate::i18n::{TrainerStrings, fill};
use crate::theme::BODY;
use crate::theme::palette::Palette;

/// Width of the label column of the charts.
pub(super) const LABEL: f32 = 220.0;
/// Height of a chart's row.
const ROW: f32 = BODY * 1.4;

/// The label column of a chart row, left-aligned and cut with "…" when too long.
fn label_cell(ui: &mut egui::Ui, label: &str) {
    ui.allocate_ui_with_layout(
        egui::vec2(LABEL, ROW),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(LABEL);
            ui.add(egui::Label::new(label).truncate());
        },
    );
}

/// A chart row: the label on the left, the figure at the right edge, and the
/// drawing in the room left between them, so a long figure shortens the drawing
/// rather than pushing the card wider.
pub(super) fn chart_row(
    ui: &mut egui::Ui,
    label: &str,
    figure: &str,
    draw: impl FnOnce(&egui::Ui, egui::Rect),
) {
    ui.horizontal(|ui| {
        label_cell(ui, label);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(egui::RichText::new(figure).strong());
            let width = (ui.available_width() - 8.0).max(40.0);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(width, ROW), egui::Sense::hover());
            draw(ui, rect);
        });
    });
}

/// One bar, its label on the left and its figure on the right.
pub(super) fn bar(
    ui: &mut egui::Ui,
    p: &Palette,
    label: &str,
    share: f32,
    figure: &str,
    colour: egui::Color32,
) {
    chart_row(ui, label, figure, |ui, rect| {
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, p.faint);
        let filled = egui::Rect::from_min_size(
            rect.min,
            egui::vec2(rect.width() * share.clamp(0.0, 1.0), rect.height()),
        );
        painter.rect_filled(filled, 3.0, colour);
    });
}

/// Shares of a whole, side by side, with a legend that gives the numbers.
pub(super) fn stacked(
    ui: &mut egui::Ui,
    p: &Palette,
    t: &TrainerStrings,
    label: &str,
    parts: &[(usize, egui::Color32, &str)],
) {
    let total: usize = parts.iter().map(|(n, _, _)| n).sum();
    if total == 0 {
        return;
    }
    ui.horizontal(|ui| {
        if !label.is_empty() {
            label_cell(ui, label);
        }
        let width = (ui.available_width() - 8.0).max(80.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, ROW), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, p.faint);
        let mut x = rect.min.x;
        for (n, colour, _) in parts {
            let w = rect.width() * *n as f32 / total as f32;
            painter.rect_filled(
                egui::Rect::from_min_size(egui::pos2(x, rect.min.y), egui::vec2(w, rect.height())),
                0.0,
                *colour,
            );
            x += w;
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (n, colour, word) in parts.iter().filter(|(n, _, _)| *n > 0) {
            ui.label(egui::RichText::new("■").color(*colour));
            ui.label(fill(t.legend, &[("w", word), ("n", &n.to_string())]));
        }
    });
}

/// Quartiles as a box: a line from the shortest to Q3 (longer times run off the scale), the box from Q1 to Q3, the median as a bar.
pub(super) fn boxed(
    ui: &mut egui::Ui,
    p: &Palette,
    label: &str,
    q: &Quartiles,
    longest: u64,
    lang: Lang,
) {
    let figure = format!(
        "{} ({}–{})",
        duration(q.median, lang),
        duration(q.q1, lang),
        duration(q.q3, lang)
    );
    chart_row(ui, label, &figure, |ui, rect| {
        whisker(ui, p, rect, q, longest)
    });
}

/// A box plot of times: whiskers from min to max, a box between the quartiles, a line at the median.
fn whisker(ui: &egui::Ui, p: &Palette, rect: egui::Rect, q: &Quartiles, longest: u64) {
    let x = |ms: u64| rect.min.x + rect.width() * (ms.min(longest) as f32 / longest as f32);
    let painter = ui.painter();
    let mid = rect.center().y;
    painter.line_segment(
        [egui::pos2(x(q.min), mid), egui::pos2(x(q.max), mid)],
        egui::Stroke::new(2.0, p.muted),
    );
    painter.rect_filled(
        egui::Rect::from_min_max(
            egui::pos2(x(q.q1), rect.min.y + 3.0),
            egui::pos2(x(q.q3).max(x(q.q1) + 2.0), rect.max.y - 3.0),
        ),
        2.0,
        p.primary,
    );
    painter.line_segment(
        [
            egui::pos2(x(q.median), rect.min.y),
            egui::pos2(x(q.median), rect.max.y),
        ],
        egui::Stroke::new(3.0, p.text),
    );
}
