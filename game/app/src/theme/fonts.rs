//! The fonts: egui's own (Ubuntu Light for text, Hack for codes, NotoEmoji
//! and emoji-icon-font for symbols), cut down by `scripts/subset-fonts.py` to
//! the characters the game draws, French and European accents, and
//! typographic punctuation: 0.1 MB instead of egui's 1.4 MB, in a download
//! that must fit workshop Wi-Fi. Licences beside them in `game/app/fonts/`.

use bevy::prelude::*;
use bevy_egui::{EguiContext, egui};
use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

const UBUNTU_LIGHT: &[u8] = include_bytes!("../../fonts/Ubuntu-Light.ttf");
const HACK: &[u8] = include_bytes!("../../fonts/Hack-Regular.ttf");
const NOTO_EMOJI: &[u8] = include_bytes!("../../fonts/NotoEmoji-Regular.ttf");
const EMOJI_ICON: &[u8] = include_bytes!("../../fonts/emoji-icon-font.ttf");

/// The game's fonts, in egui's default order and sizes.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    let mut add = |name: &str, bytes: &'static [u8], scale: f32| {
        let tweak = FontTweak {
            scale,
            ..Default::default()
        };
        fonts.font_data.insert(
            name.to_owned(),
            FontData::from_static(bytes).tweak(tweak).into(),
        );
    };
    add("Ubuntu-Light", UBUNTU_LIGHT, 1.0);
    add("Hack", HACK, 1.0);
    // egui's tweaks: its emoji are drawn a little smaller than the text.
    add("NotoEmoji-Regular", NOTO_EMOJI, 0.81);
    add("emoji-icon-font", EMOJI_ICON, 0.90);
    let symbols = ["NotoEmoji-Regular", "emoji-icon-font"];
    let chain = |first: &[&str]| -> Vec<String> {
        first
            .iter()
            .chain(symbols.iter())
            .map(|s| s.to_string())
            .collect()
    };
    fonts
        .families
        .insert(FontFamily::Proportional, chain(&["Ubuntu-Light"]));
    fonts
        .families
        .insert(FontFamily::Monospace, chain(&["Hack", "Ubuntu-Light"]));
    fonts
}

/// Gives each new egui context the fonts before its first pass, so the first
/// screen (drawn once, then the game sleeps) has its text.
pub(super) fn install(mut contexts: Query<&mut EguiContext, Added<EguiContext>>) {
    for mut ctx in &mut contexts {
        ctx.get_mut().set_fonts(definitions());
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use skrifa::MetadataProvider;

    use super::*;

    /// Non-ASCII characters the game may draw: those written in the sources of
    /// the game and its core (tests and comments left out), in the interface's
    /// texts (`locales`) and in the shipped scenarios. The same scan as `scripts/subset-fonts.py`.
    fn drawn_chars() -> BTreeSet<char> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        // Written for the terminal, HTML files or SVG, never drawn by egui.
        let not_drawn = ["text.rs", "html.rs", "svg.rs"].map(|f| {
            root.join("game/core/src/metrics/report")
                .join(f)
                .canonicalize()
                .expect("report file")
        });
        let mut chars = BTreeSet::new();
        let mut dirs = vec![root.join("game/app/src"), root.join("game/core/src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("source folder") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let skip = path.file_name().is_some_and(|n| n == "tests.rs")
                    || not_drawn.contains(&path.canonicalize().expect("path"));
                if path.extension().is_none_or(|e| e != "rs") || skip {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("source");
                for line in text.lines() {
                    let line = line.trim_start();
                    if line.starts_with("#[cfg(test)]") {
                        break;
                    }
                    if !line.starts_with("//") {
                        chars.extend(line.chars().filter(|c| *c as u32 > 0x7e));
                    }
                }
            }
        }
        // The interface's words (`i18n`), in every language; comments left out.
        for lang in std::fs::read_dir(root.join("game/app/locales")).expect("locales") {
            let dir = lang.expect("entry").path();
            for entry in std::fs::read_dir(&dir).expect("a language's folder") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    let text = std::fs::read_to_string(&path).expect("locale");
                    for line in text.lines().filter(|l| !l.starts_with('#')) {
                        chars.extend(line.chars().filter(|c| *c as u32 > 0x7e));
                    }
                }
            }
        }
        for entry in std::fs::read_dir(root.join("scenarios")).expect("scenarios") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "ron") {
                let text = std::fs::read_to_string(&path).expect("scenario");
                chars.extend(text.chars().filter(|c| *c as u32 > 0x7e));
            }
        }
        chars
    }

    /// Characters a font family can draw, as egui looks for them: in each of its fonts in turn.
    fn drawable(family: &FontFamily) -> impl Fn(char) -> bool {
        let defs = definitions();
        let faces: Vec<&'static [u8]> = defs.families[family]
            .iter()
            .map(|name| match name.as_str() {
                "Ubuntu-Light" => UBUNTU_LIGHT,
                "Hack" => HACK,
                "NotoEmoji-Regular" => NOTO_EMOJI,
                "emoji-icon-font" => EMOJI_ICON,
                other => panic!("unknown font {other}"),
            })
            .collect();
        move |c| {
            faces.iter().any(|bytes| {
                let font = skrifa::FontRef::new(bytes).expect("a font");
                font.charmap().map(c).is_some()
            })
        }
    }

    #[test]
    fn every_character_drawn_has_a_glyph() {
        let chars = drawn_chars();
        assert!(chars.contains(&'é') && chars.contains(&'🔒'), "{chars:?}");
        // What players type and scenarios hold beyond what is written today.
        let typed = ('\u{20}'..='\u{7e}')
            .chain('\u{a0}'..='\u{17f}')
            .chain("’‘“”„–—…•€◻".chars());
        // egui draws these from the space glyph (thin and narrow no-break spaces).
        let from_space = ['\t', '\u{2009}', '\u{202f}'];
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let has = drawable(&family);
            let missing: String = chars
                .iter()
                .copied()
                .chain(typed.clone())
                .filter(|c| !from_space.contains(c) && !has(*c))
                .collect();
            assert!(
                missing.is_empty(),
                "{family:?} has no glyph for {missing:?}: run scripts/subset-fonts.py"
            );
        }
    }

    #[test]
    fn text_is_laid_out_with_these_fonts() {
        let ctx = egui::Context::default();
        ctx.set_fonts(definitions());
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        let width = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                "Déclaration « 🔒 »".into(),
                egui::FontId::proportional(18.0),
                egui::Color32::BLACK,
            )
            .size()
            .x
        });
        assert!(width > 100.0, "{width}");
    }
}
