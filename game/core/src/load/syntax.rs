//! RON's parse errors, said in French for trainers (and in English).

use ron::error::Error;

use super::suggest::nearest;
use super::{Locator, Pos, Problem};

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
        Error::ExpectedDifferentStructName { expected, found } => (
            format!("`{expected}` s'écrit avec deux parenthèses : `{expected}(({found}: …))` (la seconde ouvre la description)"),
            format!("`{expected}` takes two parentheses: `{expected}(({found}: …))` (the second opens the description)"),
        ),
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
        Error::ExpectedIdentifier => ("nom de clé ou de valeur attendu".into(), "expected a key or value name".into()),
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
        Error::InvalidValueForType { expected, found } => (
            format!("valeur inattendue ({found}) : il fallait {expected}"),
            format!("unexpected value ({found}): expected {expected}"),
        ),
        Error::Message(m) => (format!("valeur invalide : {m}"), format!("invalid value: {m}")),
        other => (format!("erreur de syntaxe RON : {other}"), format!("RON syntax error: {other}")),
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
        "PasswordPolicy" => "une règle de mot de passe",
        other => return format!(" dans `{other}`"),
    };
    format!(" dans {place}")
}
