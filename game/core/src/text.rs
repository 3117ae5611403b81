//! Texts shown to players. A trainer writes plain French (`"Bonjour"`) or,
//! for several languages, `(fr: "Bonjour", en: "Hello", falc: "Bonjour.")`.
//! French is required so every scenario is playable in the game's first language.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

use crate::Lang;

/// A text with its French original and optional translations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Text {
    /// French, always present.
    pub fr: String,
    /// English translation, when the scenario gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Plain-language French (FALC), when the scenario gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub falc: Option<String>,
}

impl Text {
    /// A French-only text, for tests and generated content.
    pub fn fr(fr: impl Into<String>) -> Text {
        Text {
            fr: fr.into(),
            en: None,
            falc: None,
        }
    }

    /// The text in `lang`, falling back to French when the translation is missing,
    /// so a player never sees an empty label.
    pub fn get(&self, lang: Lang) -> &str {
        let wanted = match lang {
            Lang::Fr => None,
            Lang::En => self.en.as_deref(),
            Lang::Falc => self.falc.as_deref(),
        };
        wanted.filter(|t| !t.trim().is_empty()).unwrap_or(&self.fr)
    }

    /// Whether the translation for `lang` is given (French always counts as given when non-empty).
    pub fn has(&self, lang: Lang) -> bool {
        let t = match lang {
            Lang::Fr => Some(self.fr.as_str()),
            Lang::En => self.en.as_deref(),
            Lang::Falc => self.falc.as_deref(),
        };
        t.is_some_and(|t| !t.trim().is_empty())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

const TEXT_FIELDS: &[&str] = &["fr", "en", "falc"];

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("un texte entre guillemets, ou (fr: \"…\", en: \"…\")")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::fr(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::fr(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut fr: Option<String> = None;
        let mut text = Text::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "fr" => fr = Some(map.next_value()?),
                "en" => text.en = Some(map.next_value()?),
                "falc" => text.falc = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, TEXT_FIELDS)),
            }
        }
        text.fr = fr.ok_or_else(|| de::Error::missing_field("fr"))?;
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_string_is_french() {
        let t: Text = ron::from_str("\"Bonjour\"").expect("plain text");
        assert_eq!(t, Text::fr("Bonjour"));
    }

    #[test]
    fn translations_fall_back_to_french() {
        let t: Text = ron::from_str("(fr: \"Bonjour\", en: \"Hello\")").expect("text");
        assert_eq!(t.get(Lang::En), "Hello");
        assert_eq!(t.get(Lang::Falc), "Bonjour");
        assert!(!t.has(Lang::Falc));
    }

    #[test]
    fn an_unknown_language_is_an_error() {
        assert!(ron::from_str::<Text>("(fr: \"a\", de: \"b\")").is_err());
        assert!(ron::from_str::<Text>("(en: \"b\")").is_err());
    }
}
