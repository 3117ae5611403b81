//! The player's settings: language, mode, text size, contrast, sound.
//! They are first-class: the title screen shows them before anything else.

use bevy::prelude::*;
use dedale_core::Lang;
use dedale_core::model::Mode;

/// Smallest and largest text scale: 100 % to 200 % without loss, as the accessibility goals require.
pub const TEXT_SCALES: [f32; 5] = [1.0, 1.25, 1.5, 1.75, 2.0];

/// Line spacings offered.
pub const LINE_SPACINGS: [f32; 3] = [1.0, 1.5, 2.0];

/// What the player chose; kept in the browser's storage between visits.
#[derive(Resource, Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Language of the interface and, where the scenario gives it, of its texts.
    pub lang: Lang,
    /// *Atelier* or *Formation*.
    pub mode: Mode,
    /// Text scale, from 1.0 to 2.0.
    pub text_scale: f32,
    /// High-contrast theme (black on white, thick focus outline).
    pub high_contrast: bool,
    /// Sound cues when a message arrives or a form is refused.
    pub sound: bool,
    /// How fast texts are read aloud (1.0: the voice's own pace); a little
    /// slower by default, for people who follow the text as it is read.
    pub speech_rate: f32,
    /// OpenDyslexic for the text, for readers with dyslexia.
    pub dyslexia_font: bool,
    /// Space between lines (1.0: the font's own; 1.5 is what dyslexia
    /// guides advise).
    pub line_spacing: f32,
    /// The group code the trainer typed, recorded with the next sessions
    /// (letters, digits, `-` and `_`: never a name).
    pub group: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Fr,
            mode: Mode::Atelier,
            text_scale: 1.0,
            high_contrast: false,
            sound: true,
            speech_rate: 0.9,
            dyslexia_font: false,
            line_spacing: 1.0,
            group: String::new(),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Settings>();
}
