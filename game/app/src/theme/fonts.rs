//! The fonts: egui's own (Ubuntu Light for text, Hack for codes, NotoEmoji
//! and emoji-icon-font for symbols), cut down by `scripts/subset-fonts.py` to
//! the characters the game draws, French and European accents, and
//! typographic punctuation: 0.1 MB instead of egui's 1.4 MB, in a download
//! that must fit workshop Wi-Fi. Licences beside them in `game/app/fonts/`.
//!
//! For readers with dyslexia, OpenDyslexic (Debian's `fonts-opendyslexic`,
//! CC-BY 3.0 and Bitstream Vera licence) goes first when chosen; in the
//! browser it is downloaded only then, so it costs nothing to first play.
//! Wider line spacing is given to every text at once by raising the fonts'
//! own line gap, since egui has no global line height.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContext, egui};
use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

use crate::settings::Settings;

const UBUNTU_LIGHT: &[u8] = include_bytes!("../../fonts/Ubuntu-Light.ttf");
const HACK: &[u8] = include_bytes!("../../fonts/Hack-Regular.ttf");
const NOTO_EMOJI: &[u8] = include_bytes!("../../fonts/NotoEmoji-Regular.ttf");
const EMOJI_ICON: &[u8] = include_bytes!("../../fonts/emoji-icon-font.ttf");

/// How the player wants to read: what the fonts are made from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// OpenDyslexic's bytes, when chosen and loaded.
    pub dyslexic: Option<Arc<[u8]>>,
    /// Space between lines, 1.0 being the font's own.
    pub line_spacing: f32,
}

/// The game's fonts, in egui's default order and sizes.
#[cfg(test)]
pub fn definitions() -> FontDefinitions {
    definitions_for(&Reading {
        dyslexic: None,
        line_spacing: 1.0,
    })
}

/// The game's fonts for a way of reading: OpenDyslexic first if given, and
/// the text fonts' line gap widened for a line spacing above 1.
pub fn definitions_for(reading: &Reading) -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    let spacing = reading.line_spacing;
    let mut add = |name: &str, bytes: &[u8], scale: f32, text: bool| {
        let tweak = FontTweak {
            scale,
            ..Default::default()
        };
        let data = if text && spacing > 1.0 {
            FontData::from_owned(with_line_gap(bytes, spacing))
        } else {
            FontData::from_owned(bytes.to_vec())
        };
        fonts
            .font_data
            .insert(name.to_owned(), data.tweak(tweak).into());
    };
    add("Ubuntu-Light", UBUNTU_LIGHT, 1.0, true);
    add("Hack", HACK, 1.0, true);
    // egui's tweaks: its emoji are drawn a little smaller than the text.
    add("NotoEmoji-Regular", NOTO_EMOJI, 0.81, false);
    add("emoji-icon-font", EMOJI_ICON, 0.90, false);
    let mut text = vec!["Ubuntu-Light"];
    if let Some(bytes) = &reading.dyslexic {
        add("OpenDyslexic", bytes, 1.0, true);
        text.insert(0, "OpenDyslexic");
    }
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
        .insert(FontFamily::Proportional, chain(&text));
    fonts
        .families
        .insert(FontFamily::Monospace, chain(&["Hack", "Ubuntu-Light"]));
    fonts
}

/// A copy of an OpenType font whose line gap makes lines `spacing` times as
/// far apart (the `hhea` and `OS/2` line gaps, which egui's row height
/// reads). A font it cannot read is returned unchanged.
pub fn with_line_gap(bytes: &[u8], spacing: f32) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let u16_at = |b: &[u8], at: usize| b.get(at..at + 2).map(|s| u16::from_be_bytes([s[0], s[1]]));
    let u32_at = |b: &[u8], at: usize| {
        b.get(at..at + 4)
            .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
    };
    let table = |tag: &[u8; 4]| -> Option<usize> {
        let count = usize::from(u16_at(bytes, 4)?);
        (0..count).find_map(|i| {
            let record = 12 + 16 * i;
            (bytes.get(record..record + 4)? == tag).then(|| u32_at(bytes, record + 8))?
        })
    };
    let Some(hhea) = table(b"hhea") else {
        return out;
    };
    let (Some(ascent), Some(descent), Some(gap)) = (
        u16_at(bytes, hhea + 4),
        u16_at(bytes, hhea + 6),
        u16_at(bytes, hhea + 8),
    ) else {
        return out;
    };
    let height = f32::from(ascent as i16) - f32::from(descent as i16) + f32::from(gap as i16);
    let extra = (height * (spacing - 1.0)).round();
    let mut widen = |at: usize| {
        if let Some(old) = u16_at(&out, at) {
            let new = (f32::from(old as i16) + extra).clamp(0.0, f32::from(i16::MAX)) as i16;
            out[at..at + 2].copy_from_slice(&new.to_be_bytes());
        }
    };
    widen(hhea + 8);
    if let Some(os2) = table(b"OS/2") {
        widen(os2 + 72);
    }
    out
}

/// The fonts of every egui context follow the player's reading settings;
/// a new context gets them before its first pass, so the first screen
/// (drawn once, then the game sleeps) has its text.
pub(super) fn install(
    mut contexts: Query<(&mut EguiContext, Has<Installed>, Entity)>,
    settings: Res<Settings>,
    dyslexic: Res<DyslexicFont>,
    mut applied: Local<Option<Reading>>,
    mut commands: Commands,
) {
    let reading = Reading {
        dyslexic: dyslexic.0.clone().filter(|_| settings.dyslexia_font),
        line_spacing: settings.line_spacing,
    };
    let changed = applied.as_ref() != Some(&reading);
    for (mut ctx, installed, entity) in &mut contexts {
        if changed || !installed {
            ctx.get_mut().set_fonts(definitions_for(&reading));
            commands.entity(entity).insert(Installed);
        }
    }
    *applied = Some(reading);
}

/// Marks a context that has the game's fonts.
#[derive(Component)]
pub(super) struct Installed;

/// OpenDyslexic's bytes once loaded: natively at once, in the browser when
/// the player first chooses it.
#[derive(Resource, Default)]
pub struct DyslexicFont(pub Option<Arc<[u8]>>);

/// Natively the font is in the program.
#[cfg(not(target_family = "wasm"))]
pub(super) fn load_dyslexic(mut font: ResMut<DyslexicFont>, settings: Res<Settings>) {
    if settings.dyslexia_font && font.0.is_none() {
        font.0 = Some(Arc::from(
            &include_bytes!("../../fonts/OpenDyslexic-Regular.otf")[..],
        ));
    }
}

/// In the browser it is fetched the first time it is chosen (web/loader.js).
#[cfg(target_family = "wasm")]
pub(super) fn load_dyslexic(mut font: ResMut<DyslexicFont>, settings: Res<Settings>) {
    if settings.dyslexia_font && font.0.is_none() {
        font.0 = crate::browser::dyslexic_font().map(Arc::from);
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

    /// The height of a paragraph of three lines, as egui lays it out.
    fn three_lines(reading: &Reading) -> f32 {
        let ctx = egui::Context::default();
        ctx.set_fonts(definitions_for(reading));
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        let height = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                "un\ndeux\ntrois".into(),
                egui::FontId::proportional(18.0),
                egui::Color32::BLACK,
            )
            .size()
            .y
        });
        ctx.tex_manager().write().take_delta().clear();
        height
    }

    #[test]
    fn line_spacing_widens_every_line_of_text() {
        let plain = Reading {
            dyslexic: None,
            line_spacing: 1.0,
        };
        let wide = Reading {
            line_spacing: 1.5,
            ..plain.clone()
        };
        let (a, b) = (three_lines(&plain), three_lines(&wide));
        assert!((b / a - 1.5).abs() < 0.08, "{a} → {b}");
        // Not a font: left as it is.
        assert_eq!(with_line_gap(b"pas une police", 2.0), b"pas une police");
    }

    #[test]
    fn open_dyslexic_draws_french_and_goes_first() {
        let bytes: &[u8] = include_bytes!("../../fonts/OpenDyslexic-Regular.otf");
        let font = skrifa::FontRef::new(bytes).expect("a font");
        for c in "éèàçùâêîôûëïüœŒ«»€’…–—ÉÀÇ°".chars() {
            assert!(font.charmap().map(c).is_some(), "{c}");
        }
        let defs = definitions_for(&Reading {
            dyslexic: Some(Arc::from(bytes)),
            line_spacing: 1.5,
        });
        assert_eq!(defs.families[&FontFamily::Proportional][0], "OpenDyslexic");
        assert_eq!(defs.families[&FontFamily::Proportional][1], "Ubuntu-Light");
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
