//! Every colour of the interface. Text colours keep a contrast of at least
//! 7:1 on their background (AAA); meaning is never carried by colour alone.

use bevy_egui::egui::Color32;

/// The colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Body text (#1A1A1A on white: 17.4:1).
    pub text: Color32,
    /// Secondary text (#3D3D3D on white: 11:1).
    pub muted: Color32,
    /// Page background.
    pub page: Color32,
    /// Input background.
    pub input: Color32,
    /// Faint stripes and cards.
    pub faint: Color32,
    /// Borders.
    pub border: Color32,
    /// Links (#0B3D91 on white: 10.6:1).
    pub link: Color32,
    /// Ordinary buttons.
    pub button: Color32,
    /// Hovered buttons.
    pub button_hover: Color32,
    /// The main button of a page (white text on #0B3D91: 10.6:1).
    pub primary: Color32,
    /// Text on the main button.
    pub on_primary: Color32,
    /// Focus ring.
    pub focus: Color32,
    /// Selected text background.
    pub focus_bg: Color32,
    /// Errors (#9B1C1C on white: 8.3:1), always with an icon and words.
    pub error: Color32,
    /// Background of error boxes.
    pub error_bg: Color32,
    /// Success (#14532D on white: 9.9:1).
    pub success: Color32,
    /// Background of success boxes.
    pub success_bg: Color32,
    /// Warnings (#713F12 on white: 8.9:1).
    pub warning: Color32,
    /// Background of warning boxes.
    pub warning_bg: Color32,
    /// Information (#0B3D91).
    pub info: Color32,
    /// Background of information boxes.
    pub info_bg: Color32,
    /// The simulated browser's frame.
    pub chrome: Color32,
}

const NORMAL: Palette = Palette {
    text: Color32::from_rgb(0x1A, 0x1A, 0x1A),
    muted: Color32::from_rgb(0x3D, 0x3D, 0x3D),
    page: Color32::WHITE,
    input: Color32::WHITE,
    faint: Color32::from_rgb(0xF3, 0xF4, 0xF6),
    border: Color32::from_rgb(0x6B, 0x72, 0x80),
    link: Color32::from_rgb(0x0B, 0x3D, 0x91),
    button: Color32::from_rgb(0xE5, 0xE7, 0xEB),
    button_hover: Color32::from_rgb(0xD1, 0xD5, 0xDB),
    primary: Color32::from_rgb(0x0B, 0x3D, 0x91),
    on_primary: Color32::WHITE,
    focus: Color32::from_rgb(0xC2, 0x41, 0x0C),
    focus_bg: Color32::from_rgb(0xFD, 0xE6, 0x8A),
    error: Color32::from_rgb(0x9B, 0x1C, 0x1C),
    error_bg: Color32::from_rgb(0xFE, 0xF2, 0xF2),
    success: Color32::from_rgb(0x14, 0x53, 0x2D),
    success_bg: Color32::from_rgb(0xF0, 0xFD, 0xF4),
    warning: Color32::from_rgb(0x71, 0x3F, 0x12),
    warning_bg: Color32::from_rgb(0xFF, 0xFB, 0xEB),
    info: Color32::from_rgb(0x0B, 0x3D, 0x91),
    info_bg: Color32::from_rgb(0xEF, 0xF6, 0xFF),
    chrome: Color32::from_rgb(0xE8, 0xEA, 0xED),
};

const HIGH_CONTRAST: Palette = Palette {
    text: Color32::BLACK,
    muted: Color32::BLACK,
    page: Color32::WHITE,
    input: Color32::WHITE,
    faint: Color32::WHITE,
    border: Color32::BLACK,
    link: Color32::from_rgb(0x00, 0x00, 0x8B),
    button: Color32::WHITE,
    button_hover: Color32::from_rgb(0xFF, 0xF0, 0x00),
    primary: Color32::BLACK,
    on_primary: Color32::WHITE,
    focus: Color32::from_rgb(0xD0, 0x00, 0x00),
    focus_bg: Color32::from_rgb(0xFF, 0xF0, 0x00),
    error: Color32::from_rgb(0x8B, 0x00, 0x00),
    error_bg: Color32::WHITE,
    success: Color32::from_rgb(0x00, 0x4D, 0x00),
    success_bg: Color32::WHITE,
    warning: Color32::BLACK,
    warning_bg: Color32::WHITE,
    info: Color32::from_rgb(0x00, 0x00, 0x8B),
    info_bg: Color32::WHITE,
    chrome: Color32::WHITE,
};

impl Palette {
    /// The palette of the chosen theme.
    pub fn get(high_contrast: bool) -> Palette {
        if high_contrast { HIGH_CONTRAST } else { NORMAL }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: Color32) -> f64 {
        let ch = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_colours_reach_seven_to_one_on_their_backgrounds() {
        for p in [NORMAL, HIGH_CONTRAST] {
            for (fg, bg) in [
                (p.text, p.page),
                (p.muted, p.page),
                (p.text, p.faint),
                (p.text, p.button),
                (p.text, p.button_hover),
                (p.link, p.page),
                (p.on_primary, p.primary),
                (p.error, p.error_bg),
                (p.success, p.success_bg),
                (p.warning, p.warning_bg),
                (p.info, p.info_bg),
                (p.text, p.chrome),
            ] {
                assert!(
                    contrast(fg, bg) >= 7.0,
                    "{fg:?} on {bg:?}: {:.2}",
                    contrast(fg, bg)
                );
            }
        }
    }
}
