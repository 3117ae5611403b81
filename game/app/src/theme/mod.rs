//! The look of the game: colours, text sizes and focus, in one place. Screens
//! use the widgets here and never hard-code a colour or a size.

pub(crate) mod fonts;
pub mod palette;
pub mod widgets;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPreUpdateSet, EguiPrimaryContextPass, egui};

use crate::settings::Settings;

/// Body text size in points at 100 %: at least 18 px, as the accessibility goals require.
pub const BODY: f32 = 18.0;

/// The system that applies the style: whatever draws goes after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct StyleSet;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<fonts::DyslexicFont>()
        .add_systems(EguiPrimaryContextPass, apply_style.in_set(StyleSet))
        .add_systems(
            PreUpdate,
            (fonts::load_dyslexic, fonts::install)
                .chain()
                .after(EguiPreUpdateSet::InitContexts)
                .before(EguiPreUpdateSet::BeginPass),
        );
}

/// Applies text size, contrast and focus style whenever the settings change.
fn apply_style(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut applied: Local<Option<Settings>>,
) -> Result {
    if applied.as_ref() == Some(&*settings) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    ctx.set_zoom_factor(settings.text_scale);
    ctx.set_theme(egui::Theme::Light);
    ctx.set_style_of(egui::Theme::Light, style(settings.high_contrast));
    *applied = Some(settings.clone());
    Ok(())
}

fn style(high_contrast: bool) -> egui::Style {
    use egui::{FontFamily, FontId, TextStyle};
    let p = palette::Palette::get(high_contrast);
    let mut style = egui::Style {
        text_styles: [
            (
                TextStyle::Heading,
                FontId::new(BODY * 1.6, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(BODY, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(BODY * 0.85, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(BODY, FontFamily::Monospace),
            ),
        ]
        .into(),
        ..egui::Style::default()
    };
    style.spacing.item_spacing = egui::vec2(10.0, 10.0);
    style.spacing.button_padding = egui::vec2(14.0, 8.0);
    style.spacing.interact_size = egui::vec2(44.0, 36.0);
    // Boxes and round buttons big enough to see and to hit (egui's 14 points,
    // with the widgets' rounded corners, made a checkbox look like a radio button).
    style.spacing.icon_width = 22.0;
    style.spacing.icon_width_inner = 12.0;
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(p.text);
    v.panel_fill = p.page;
    v.window_fill = p.page;
    v.extreme_bg_color = p.input;
    v.faint_bg_color = p.faint;
    v.hyperlink_color = p.link;
    v.selection.bg_fill = p.focus_bg;
    v.selection.stroke = egui::Stroke::new(2.0, p.text);
    let stroke = if high_contrast { 2.0 } else { 1.0 };
    v.widgets.noninteractive.bg_stroke = egui::Stroke::new(stroke, p.border);
    v.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.0, p.text);
    for w in [
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.fg_stroke = egui::Stroke::new(1.5, p.text);
        w.bg_stroke = egui::Stroke::new(stroke, p.border);
        w.weak_bg_fill = p.button;
        w.bg_fill = p.button;
        // Square enough that a checkbox reads as a box, never as a round button.
        w.corner_radius = egui::CornerRadius::same(3);
    }
    v.widgets.hovered.weak_bg_fill = p.button_hover;
    v.widgets.hovered.bg_fill = p.button_hover;
    v.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, p.focus);
    // The keyboard focus (egui draws a focused widget as "active"): a thick
    // ring in the focus colour, and the widget grows a little, so a focused
    // radio button or checkbox is as easy to spot as a focused button.
    v.widgets.active.bg_stroke = egui::Stroke::new(3.5, p.focus);
    v.widgets.active.expansion = 2.0;
    // A thick, visible keyboard focus ring.
    v.selection.stroke = egui::Stroke::new(3.0, p.focus);
    // A steady text cursor: easier to find for someone who reads slowly, and
    // a blinking one would wake the game twice a second (bevy_egui 0.42 turns
    // egui's "repaint in 0.5 s" into "repaint now", so it drew without end).
    v.text_cursor.blink = false;
    style.visuals = v;
    style
}

/// A root `Ui` over the whole window, for panels (egui 0.36 panels show inside a `Ui`).
pub fn root_ui(ctx: &egui::Context, id: &str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        egui::Id::new(id),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

#[cfg(test)]
mod tests {
    use bevy_egui::egui::{self, Shape, epaint};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::style;

    /// Every shape drawn, nested ones included.
    fn shapes(output: &egui::FullOutput) -> Vec<Shape> {
        let mut all = Vec::new();
        let mut stack: Vec<Shape> = output.shapes.iter().map(|c| c.shape.clone()).collect();
        while let Some(shape) = stack.pop() {
            if let Shape::Vec(inner) = shape {
                stack.extend(inner);
            } else {
                all.push(shape);
            }
        }
        all
    }

    #[test]
    fn a_checkbox_is_drawn_as_a_square_box() {
        let mut harness = Harness::new_ui(|ui| {
            *ui.style_mut() = style(false);
            let mut ticked = false;
            ui.checkbox(&mut ticked, "Je certifie sur l'honneur");
        });
        harness.run();
        let boxes: Vec<epaint::RectShape> = shapes(harness.output())
            .into_iter()
            .filter_map(|s| match s {
                Shape::Rect(r) if r.rect.width() >= 20.0 && r.rect.width() <= 30.0 => Some(r),
                _ => None,
            })
            .collect();
        assert!(!boxes.is_empty(), "no box of at least 20 points drawn");
        for b in boxes {
            assert!(
                b.corner_radius.nw <= 3,
                "a box with corners of {} looks round",
                b.corner_radius.nw
            );
        }
    }

    #[test]
    fn a_focused_radio_button_has_a_thick_ring() {
        let mut harness = Harness::new_ui(|ui| {
            *ui.style_mut() = style(false);
            let _ = ui.radio(false, "Première demande");
        });
        harness.get_by_label("Première demande").focus();
        harness.run();
        let ring = shapes(harness.output()).into_iter().any(|s| match s {
            Shape::Circle(c) => c.radius >= 11.0 && c.stroke.width >= 3.0,
            _ => false,
        });
        assert!(ring, "no thick ring around the focused radio button");
    }
}
