//! Languages the game speaks. French is always present; English is the
//! second language; `Falc` is the plain-language version of French, used
//! where a scenario provides it and falling back to French otherwise.

use serde::{Deserialize, Serialize};

/// A language a text can be shown in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Lang {
    /// French, required everywhere.
    #[default]
    Fr,
    /// English, optional beside French.
    En,
    /// Plain-language French (FALC), optional.
    Falc,
}

impl Lang {
    /// The short code used in files and on the command line (`fr`, `en`, `falc`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Falc => "falc",
        }
    }

    /// Reads a short code; unknown codes give `None` so callers can say which ones exist.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" | "français" | "francais" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            "falc" => Some(Lang::Falc),
            _ => None,
        }
    }

    /// Picks the French or English variant of an interface string.
    /// Plain language uses the French string: interface strings are already short.
    pub fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Fr | Lang::Falc => fr,
        }
    }
}
