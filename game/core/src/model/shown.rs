//! Blocks shown only under a condition: every block may carry `when`. A
//! heading or a paragraph is written as a text, or as
//! `(text: "…", when: Flag("x"))` when it is conditional.

use std::fmt;
use std::ops::Deref;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Block;
use crate::Text;
use crate::condition::Condition;

/// The text of a heading or a paragraph, and when it is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextBlock {
    /// What it says.
    pub text: Text,
    /// When it is shown; always, by default.
    pub when: Condition,
}

impl Deref for TextBlock {
    type Target = Text;

    fn deref(&self) -> &Text {
        &self.text
    }
}

impl From<Text> for TextBlock {
    fn from(text: Text) -> TextBlock {
        TextBlock {
            text,
            when: Condition::Always,
        }
    }
}

impl Block {
    /// When the block is shown (and, for an input, checked and required).
    pub fn when(&self) -> &Condition {
        match self {
            Block::Heading(t) | Block::Paragraph(t) => &t.when,
            Block::Notice(n) => &n.when,
            Block::Field(f) => &f.when,
            Block::Choice(c) => &c.when,
            Block::Checkbox(c) => &c.when,
            Block::Upload(u) => &u.when,
            Block::Captcha(c) => &c.when,
            Block::Code(c) => &c.when,
            Block::Button(b) => &b.when,
        }
    }
}

impl Serialize for TextBlock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'a> {
            text: &'a Text,
            when: &'a Condition,
        }
        match self.when {
            Condition::Always => self.text.serialize(serializer),
            _ => Shown {
                text: &self.text,
                when: &self.when,
            }
            .serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for TextBlock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextBlockVisitor)
    }
}

const FIELDS: &[&str] = &["text", "when", "fr", "en", "falc"];

struct TextBlockVisitor;

impl<'de> Visitor<'de> for TextBlockVisitor {
    type Value = TextBlock;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("un texte entre guillemets, (fr: \"…\", en: \"…\"), ou (text: \"…\", when: …)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<TextBlock, E> {
        Ok(Text::fr(v).into())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<TextBlock, E> {
        Ok(Text::fr(v).into())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextBlock, A::Error> {
        let mut text: Option<Text> = None;
        let mut when: Option<Condition> = None;
        let mut fr: Option<String> = None;
        let (mut en, mut falc): (Option<String>, Option<String>) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "text" => text = Some(map.next_value()?),
                "when" => when = Some(map.next_value()?),
                "fr" => fr = Some(map.next_value()?),
                "en" => en = Some(map.next_value()?),
                "falc" => falc = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let languages = fr.is_some() || en.is_some() || falc.is_some();
        let text = match (text, languages) {
            (Some(_), true) => {
                return Err(de::Error::custom(
                    "écrivez les langues dans `text: (fr: \"…\", en: \"…\")`, pas à côté de `text`",
                ));
            }
            (Some(text), false) => text,
            (None, _) => Text {
                fr: fr.ok_or_else(|| {
                    de::Error::missing_field(if when.is_some() { "text" } else { "fr" })
                })?,
                en,
                falc,
            },
        };
        Ok(TextBlock {
            text,
            when: when.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::ron_options;

    fn read(s: &str) -> Result<Block, String> {
        ron_options()
            .from_str::<Block>(s)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_heading_or_paragraph_is_written_three_ways() {
        let Ok(Block::Paragraph(p)) = read("Paragraph(\"Bonjour\")") else {
            panic!("plain text")
        };
        assert_eq!((p.fr.as_str(), &p.when), ("Bonjour", &Condition::Always));
        let Ok(Block::Heading(h)) = read("Heading((fr: \"Bonjour\", en: \"Hello\"))") else {
            panic!("translated text")
        };
        assert_eq!(h.text.en.as_deref(), Some("Hello"));
        let Ok(Block::Paragraph(p)) = read(
            "Paragraph((text: (fr: \"Bloqué\", en: \"Locked\"), when: CountAtLeast(\"essais\", 3)))",
        ) else {
            panic!("conditional text")
        };
        assert_eq!(p.when, Condition::CountAtLeast("essais".into(), 3));
        assert_eq!(p.text.en.as_deref(), Some("Locked"));
    }

    #[test]
    fn mistakes_are_refused() {
        assert!(read("Paragraph((txt: \"a\", when: Always))").is_err());
        assert!(read("Paragraph((when: Always))").is_err());
        assert!(read("Paragraph((text: \"a\", fr: \"b\"))").is_err());
    }

    #[test]
    fn it_writes_back_as_it_reads() {
        for text in [
            "Paragraph(\"Bonjour\")",
            "Paragraph((text: \"Bonjour\", when: Flag(\"x\")))",
        ] {
            let block = read(text).expect("reads");
            let written = ron::to_string(&block).expect("writes");
            let again = read(&written).expect("reads back");
            assert_eq!(format!("{again:?}"), format!("{block:?}"));
        }
    }
}
