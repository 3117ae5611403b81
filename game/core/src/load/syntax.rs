//! RON's parse errors, said in French for trainers (and in English).

use ron::error::Error;

use super::suggest::nearest;
use super::{Locator, Pos, Problem};
use crate::rules::{NOT_DD_MM_YYYY, NOT_IN_CALENDAR};

/// A quote problem behind a parse error, told as such: RON reads on from a
/// missing closing quote, or stops at a straight quote inside a text, and then
/// stumbles on the next word, which it reports as a missing comma or parenthesis.
pub fn quotes(text: &str, error: &Error, at: Pos) -> Option<(Pos, Problem)> {
    let loc = Locator::new(text);
    if matches!(error, Error::Eof | Error::ExpectedStringEnd)
        && let Some(start) = loc.unclosed_text()
    {
        return Some((start, Problem::UnclosedText { until: None }));
    }
    // The error stands on a word written right after a closing quote.
    let here = text
        .lines()
        .nth(at.0.saturating_sub(1))?
        .chars()
        .nth(at.1.saturating_sub(1))?;
    if !here.is_alphanumeric() {
        return None;
    }
    let (start, several_lines, until) = loc.text_ending_at(at)?;
    if several_lines {
        Some((start, Problem::UnclosedText { until: Some(until) }))
    } else {
        Some(((at.0, at.1.saturating_sub(1).max(1)), Problem::QuoteInText))
    }
}

/// French and English explanations of a RON error.
pub fn explain(error: &Error) -> (String, String) {
    match error {
        // A text's languages: `(fr: "…", en: "…")`.
        Error::NoSuchStructField { expected, found, .. } if *expected == ["fr", "en", "falc"] => (
            format!("langue `{found}` inconnue dans un texte : les langues possibles sont `fr`, `en` et `falc`"),
            format!("unknown language `{found}` in a text: possible languages are `fr`, `en` and `falc`"),
        ),
        Error::MissingStructField { field: "fr", .. } => (
            "ce texte n'a pas de français : écrivez (fr: \"…\", en: \"…\") ; le français est obligatoire".into(),
            "this text has no French: write (fr: \"…\", en: \"…\"); French is required".into(),
        ),
        Error::NoSuchStructField { expected, found, outer } => {
            let place = outer.as_deref().map(describe).unwrap_or_default();
            let hint = nearest(found, expected.iter().copied());
            let list = expected.join("`, `");
            match hint {
                Some(h) => (
                    format!("clé `{found}` inconnue{place} ; vouliez-vous dire `{h}` ? (clés possibles : `{list}`)"),
                    format!("unknown key `{found}`; did you mean `{h}`? (possible keys: `{list}`)"),
                ),
                None => (
                    format!("clé `{found}` inconnue{place} : les clés possibles sont `{list}`"),
                    format!("unknown key `{found}`: possible keys are `{list}`"),
                ),
            }
        }
        Error::MissingStructField { field, outer } => {
            let place = outer.as_deref().map(describe).unwrap_or_default();
            (
                format!("il manque la clé `{field}`{place} : ajoutez `{field}: …` avant la parenthèse fermante"),
                format!("missing key `{field}`: add `{field}: …` before the closing parenthesis"),
            )
        }
        Error::DuplicateStructField { field, .. } => (
            format!("la clé `{field}` est écrite deux fois : gardez-en une seule"),
            format!("key `{field}` is written twice: keep only one"),
        ),
        Error::NoSuchEnumVariant { expected, found, .. } => {
            let list = expected.join("`, `");
            match nearest(found, expected.iter().copied()) {
                Some(h) => (
                    format!("`{found}` inconnu ; vouliez-vous dire `{h}` ? (possibles : `{list}`)"),
                    format!("unknown `{found}`; did you mean `{h}`? (possible: `{list}`)"),
                ),
                None => (
                    format!("`{found}` inconnu : les valeurs possibles sont `{list}`"),
                    format!("unknown `{found}`: possible values are `{list}`"),
                ),
            }
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            let name = written(expected);
            if found.starts_with(|c: char| c.is_lowercase()) {
                (
                    format!("`{name}` s'écrit avec deux parenthèses : `{name}(({found}: …))` (la seconde ouvre la description)"),
                    format!("`{name}` takes two parentheses: `{name}(({found}: …))` (the second opens the description)"),
                )
            } else {
                let place = describe(expected);
                (
                    format!("`{found}` inattendu ici :{place}, écrivez seulement la parenthèse `(`, sans nom devant"),
                    format!("unexpected `{found}` here: write only the parenthesis `(`, with no name before it"),
                )
            }
        }
        Error::ExpectedComma => (
            "virgule attendue : séparez les éléments par des virgules (ou un guillemet fermant manque plus haut)".into(),
            "expected a comma between elements (or a closing quote is missing above)".into(),
        ),
        Error::ExpectedString | Error::ExpectedStringEnd => (
            "texte attendu entre guillemets droits, par exemple \"Bonjour\" (un guillemet fermant manque peut-être)".into(),
            "expected a text between straight double quotes, such as \"Hello\" (a closing quote may be missing)".into(),
        ),
        Error::ExpectedArray => ("liste attendue, entre crochets : [ … ]".into(), "expected a list in brackets: [ … ]".into()),
        Error::ExpectedArrayEnd => (
            "crochet fermant `]` attendu (ou une virgule manque entre deux éléments)".into(),
            "expected a closing `]` (or a comma is missing between two elements)".into(),
        ),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => (
            "parenthèse ouvrante `(` attendue".into(),
            "expected an opening `(`".into(),
        ),
        Error::ExpectedStructLikeEnd => (
            "parenthèse fermante `)` attendue (ou une virgule manque)".into(),
            "expected a closing `)` (or a comma is missing)".into(),
        ),
        Error::ExpectedInteger | Error::IntegerOutOfBounds => (
            "nombre entier attendu (sans guillemets), dans les limites permises".into(),
            "expected a whole number (without quotes), within the allowed range".into(),
        ),
        Error::ExpectedBoolean => ("`true` ou `false` attendu".into(), "expected `true` or `false`".into()),
        Error::ExpectedIdentifier => (
            "nom attendu ici, sans guillemets : un nom de clé (comme `title`) ou de valeur (comme `Success` ou `Fr`)".into(),
            "expected a name here, without quotes: a key name (such as `title`) or a value name (such as `Success` or `Fr`)".into(),
        ),
        Error::Eof => (
            "le fichier s'arrête trop tôt : une parenthèse ou un crochet n'est pas fermé".into(),
            "the file ends too early: a parenthesis or bracket is not closed".into(),
        ),
        Error::TrailingCharacters => (
            "texte en trop après la fin du scénario : retirez-le".into(),
            "extra text after the end of the scenario: remove it".into(),
        ),
        Error::ExceededRecursionLimit => (
            "imbrication trop profonde : le fichier n'est pas un scénario valide".into(),
            "nesting too deep: the file is not a valid scenario".into(),
        ),
        Error::UnclosedBlockComment | Error::UnclosedLineComment => (
            "commentaire non fermé : fermez-le avec `*/`".into(),
            "unclosed comment: close it with `*/`".into(),
        ),
        Error::InvalidValueForType { expected, found } => {
            let (found_fr, found_en) = found_words(found);
            let (expected_fr, expected_en) = expected_words(expected);
            (
                format!("{found_fr} ne convient pas ici : il faut {expected_fr}"),
                format!("{found_en} does not fit here: write {expected_en}"),
            )
        }
        Error::ExpectedDifferentLength { expected, found } => {
            // serde says "tuple variant Condition::Matches with 2 elements": keep what the trainer wrote.
            let name = expected
                .split_whitespace()
                .find_map(|w| w.rsplit_once("::").map(|(_, v)| v.to_string()));
            let wanted = expected.split_whitespace().find(|w| w.chars().all(|c| c.is_ascii_digit()));
            match (name, wanted) {
                (Some(name), Some(n)) => (
                    format!("`{name}` attend {n} valeurs entre ses parenthèses, séparées par des virgules ; il y en a {found}"),
                    format!(
                        "`{name}` takes {n} values in its parentheses, separated by commas; {}",
                        if *found == 1 { "there is 1".to_string() } else { format!("there are {found}") }
                    ),
                ),
                _ => (
                    format!("nombre de valeurs incorrect entre ces parenthèses (il y en a {found}) : vérifiez la référence"),
                    format!("wrong number of values in these parentheses ({found}): check the reference"),
                ),
            }
        }
        Error::Message(m) => {
            if let Some(date) = m.strip_prefix(NOT_DD_MM_YYYY) {
                (
                    format!("« {date} » n'est pas une date écrite jj/mm/aaaa : écrivez par exemple \"14/07/1990\""),
                    format!("\"{date}\" is not a date written dd/mm/yyyy: write for example \"14/07/1990\""),
                )
            } else if let Some(date) = m.strip_prefix(NOT_IN_CALENDAR) {
                (
                    format!("« {date} » n'existe pas dans le calendrier : vérifiez le jour et le mois"),
                    format!("\"{date}\" is not in the calendar: check the day and the month"),
                )
            } else {
                (
                    "valeur refusée à cet endroit : vérifiez-la dans la référence (scenarios/README.md)".into(),
                    format!("value refused here ({m}): check it in the reference (scenarios/README.md)"),
                )
            }
        }
        Error::UnexpectedChar(c) => {
            let shown = match c {
                '\n' | '\r' => "le retour à la ligne".to_string(),
                c => format!("`{c}`"),
            };
            let shown_en = match c {
                '\n' | '\r' => "the line break".to_string(),
                c => format!("`{c}`"),
            };
            (
                format!("{shown} n'a rien à faire ici : une virgule, une parenthèse ou un guillemet est peut-être en trop ou manque juste avant"),
                format!("{shown_en} does not belong here: a comma, parenthesis or quote may be extra or missing just before"),
            )
        }
        Error::InvalidIntegerDigit { digit, .. } => (
            format!("`{digit}` dans un nombre : un nombre s'écrit avec les chiffres 0 à 9 seulement, sans guillemets"),
            format!("`{digit}` in a number: a number is written with the digits 0 to 9 only, without quotes"),
        ),
        Error::SuggestRawIdentifier(name) | Error::InvalidIdentifier(name) => (
            format!("`{name}` ne peut pas être un nom : ici s'écrit un nom de clé ou de valeur, en lettres, comme `title` ou `Success`"),
            format!("`{name}` cannot be a name: a key or value name goes here, in letters, such as `title` or `Success`"),
        ),
        Error::InvalidEscape(_) => (
            "`\\` suivi d'un caractère inconnu dans un texte : écrivez `\\\\` pour une barre oblique inversée, et les guillemets français « » pour citer".into(),
            "`\\` followed by an unknown character in a text: write `\\\\` for a backslash, and French quotes « » to quote".into(),
        ),
        Error::ExpectedMapColon => (
            "deux-points `:` attendu entre la clé et sa valeur".into(),
            "expected a colon `:` between the key and its value".into(),
        ),
        Error::ExpectedOptionEnd => (
            "parenthèse fermante `)` attendue".into(),
            "expected a closing `)`".into(),
        ),
        Error::ExpectedFloat | Error::FloatUnderscore | Error::UnderscoreAtBeginning => (
            "nombre attendu, écrit avec des chiffres et sans guillemets".into(),
            "expected a number, written with digits and without quotes".into(),
        ),
        Error::ExpectedChar | Error::ExpectedByteLiteral | Error::ExpectedByteString => (
            "texte attendu entre guillemets droits, par exemple \"Bonjour\"".into(),
            "expected a text between straight double quotes, such as \"Hello\"".into(),
        ),
        Error::ExpectedAttribute | Error::ExpectedAttributeEnd | Error::NoSuchExtension(_) => (
            "les réglages `#![…]` de RON ne servent pas dans un scénario : retirez cette ligne".into(),
            "RON settings `#![…]` have no use in a scenario: remove this line".into(),
        ),
        other => (
            "écriture inattendue à cet endroit : vérifiez la ponctuation (virgules, parenthèses, guillemets) autour de cette position".into(),
            format!("RON syntax error: {other}"),
        ),
    }
}

/// What RON found where something else was expected, in plain words.
fn found_words(found: &str) -> (String, String) {
    let quoted = found
        .split_once('`')
        .and_then(|(_, rest)| rest.rsplit_once('`'))
        .map(|(v, _)| v);
    let number = [
        "the unsigned integer",
        "the signed integer",
        "the floating point number",
    ];
    if let Some(v) = quoted
        && number.iter().any(|p| found.starts_with(p))
    {
        return (format!("le nombre `{v}`"), format!("the number `{v}`"));
    }
    if let Some(v) = quoted
        && found.starts_with("the boolean")
    {
        return (format!("`{v}`"), format!("`{v}`"));
    }
    if let Some(s) = found.strip_prefix("the string ") {
        return (format!("le texte {s}"), format!("the text {s}"));
    }
    let (fr, en) = match found {
        // RON reads a bare name (a text without its quotes) as a unit value.
        "a unit value" => ("un nom sans guillemets", "a bare name without quotes"),
        "an optional value" => ("`Some(…)` ou `None`", "`Some(…)` or `None`"),
        "a sequence" => ("une liste `[ … ]`", "a list `[ … ]`"),
        "a map" => ("des accolades `{ … }`", "braces `{ … }`"),
        _ if found.starts_with("the byte string") => {
            ("un texte précédé de `b`", "a text preceded by `b`")
        }
        _ if found.starts_with("the UTF-8 character") => (
            "un caractère entre apostrophes",
            "a character in single quotes",
        ),
        _ => ("cette valeur", "this value"),
    };
    (fr.into(), en.into())
}

/// What the format expected, from serde's description of the type.
fn expected_words(expected: &str) -> (String, String) {
    let (fr, en) = match expected {
        e if e.starts_with("un texte") => (
            "un texte entre guillemets, ou (fr: \"…\", en: \"…\")",
            "a text in quotes, or (fr: \"…\", en: \"…\")",
        ),
        "a string" | "a borrowed string" | "a character" => {
            ("un texte entre guillemets", "a text in quotes")
        }
        "a boolean" => ("`true` ou `false`", "`true` or `false`"),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => (
            "un nombre entier, sans guillemets",
            "a whole number, without quotes",
        ),
        "f32" | "f64" => ("un nombre, sans guillemets", "a number, without quotes"),
        "a sequence" => (
            "une liste entre crochets `[ … ]`",
            "a list in brackets `[ … ]`",
        ),
        e if e.contains("dd/mm/yyyy") => (
            "une date écrite jj/mm/aaaa, entre guillemets, comme \"14/07/1990\"",
            "a date written dd/mm/yyyy, in quotes, such as \"14/07/1990\"",
        ),
        e if e.starts_with("struct ") || e.starts_with("tuple") || e.starts_with("unit") => (
            "un élément entre parenthèses `( … )`",
            "an element in parentheses `( … )`",
        ),
        e if e.starts_with("enum ") || e.contains("variant") => (
            "un nom de valeur, comme `Success` (voir la référence)",
            "a value name, such as `Success` (see the reference)",
        ),
        _ => (
            "une autre valeur (voir la référence)",
            "another value (see the reference)",
        ),
    };
    (fr.into(), en.into())
}

/// The name a trainer writes for a type of the format: `Password`, not the
/// engine's `PasswordPolicy`.
fn written(type_name: &str) -> &str {
    match type_name {
        "PasswordPolicy" => "Password",
        "CodeField" => "Code",
        other => other,
    }
}

/// Where the key was, in the words of the reference page.
fn describe(outer: &str) -> String {
    let place = match outer {
        "Scenario" => "le scénario",
        "Meta" => "`meta`",
        "Persona" => "`persona`",
        "Document" => "un document",
        "DocLine" => "une ligne de document",
        "FileInfo" => "un fichier (`file`)",
        "Message" => "un message",
        "Page" => "une page",
        "Field" => "un champ (`Field`)",
        "Choice" => "une question (`Choice`)",
        "OptionItem" => "une réponse (`options`)",
        "Checkbox" => "une case (`Checkbox`)",
        "Upload" => "un envoi (`Upload`)",
        "Captcha" => "un captcha",
        "CodeField" => "un champ de code (`Code`)",
        "Button" => "un bouton",
        "Route" => "une suite (`next`)",
        "Hint" => "un indice",
        "Incident" => "un incident",
        "Timeout" => "un délai (`timeout`)",
        "Dialogue" => "un dialogue",
        "Line" => "une réplique",
        "Ending" => "une fin",
        "Debrief" => "un bilan (`debrief`)",
        "Notice" => "un encadré (`Notice`)",
        "Scores" => "`scores`",
        "PasswordPolicy" => "une règle de mot de passe (`Password`)",
        "Date" => "`Date(…)`",
        "Number" => "`Number(…)`",
        other => return format!(" dans `{}`", written(other)),
    };
    format!(" dans {place}")
}
