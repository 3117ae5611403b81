//! Error messages speak the trainer's language and the format's words: loads a
//! corpus of broken files — every golden case, and mutations of the shipped
//! scenarios and of the goldens (a token replaced by a value of another kind,
//! a character dropped or added) — and fails on any English word in a French
//! message, and on any name of the engine's internal types in any message.

mod common;

use dedale_core::Lang;
use dedale_core::load::{Report, decode, load};
use dedale_core::solve::{Limits, check};

/// Common English words no French message holds. Words shared with French
/// ("a", "an", "but", "or", "identifier", "date", "type", "option", "page"…) are left out.
const ENGLISH: &[&str] = &[
    "expected",
    "expecting",
    "found",
    "is",
    "not",
    "invalid",
    "unexpected",
    "string",
    "the",
    "must",
    "missing",
    "unknown",
    "integer",
    "struct",
    "variant",
    "enum",
    "field",
    "should",
    "cannot",
    "boolean",
    "tuple",
    "sequence",
    "attribute",
    "while",
    "with",
    "of",
    "written",
    "real",
    "calendar",
    "error",
    "closing",
    "opening",
    "comma",
    "value",
    "end",
    "unit",
    "float",
    "bytes",
    "byte",
    "digit",
    "escape",
    "character",
    "length",
    "elements",
    "key",
    "text",
    "failed",
    "formatting",
    "trailing",
    "characters",
    "in",
    "to",
    "and",
];

/// The engine's type names that the format never shows a trainer: a message
/// names what the trainer wrote instead (`Password`, `Code`, an answer…).
const INTERNAL: &[&str] = &[
    "PasswordPolicy",
    "CodeField",
    "OptionItem",
    "ErrorKind",
    "FieldKind",
    "Audience",
    "ButtonStyle",
    "DocumentKind",
    "EndingKind",
    "IncidentKind",
    "Tone",
    "Trigger",
    "Posture",
    "Difficulty",
    "Device",
    "Target",
    "Mode",
    "Condition",
    "Effect",
    "String",
    "Option",
    "Vec",
    "u8",
    "u16",
    "u32",
    "i32",
    "usize",
];

/// The message without what it quotes from the file: `code`, « text », "text".
fn own_words(message: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in message.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '`' => closing = Some('`'),
                '«' => closing = Some('»'),
                '"' => closing = Some('"'),
                _ => out.push(c),
            },
        }
    }
    out
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// Every leak in a report's messages, as `message — word`.
fn leaks(report: &Report) -> Vec<String> {
    let mut found = Vec::new();
    for d in &report.diagnostics {
        let fr = d.problem.message(Lang::Fr);
        let own = own_words(&fr);
        for w in words(&own) {
            if ENGLISH.contains(&w.to_lowercase().as_str()) {
                found.push(format!("{fr} — anglais : {w}"));
            }
        }
        for lang in [Lang::Fr, Lang::En] {
            let message = d.problem.message(lang);
            for w in words(&message) {
                if INTERNAL.contains(&w) {
                    found.push(format!("{message} — type interne : {w}"));
                }
            }
            if message.contains("::") {
                found.push(format!("{message} — chemin Rust"));
            }
        }
    }
    found
}

/// A small deterministic generator (xorshift), so a failure replays.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % (n.max(1) as u64)).unwrap_or(0)
    }
}

/// The tokens of a RON source: strings, numbers, names, as byte ranges.
fn tokens(src: &str) -> Vec<(usize, usize)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        if b == b'"' {
            i += 1;
            while let Some(&c) = bytes.get(i) {
                i += 1;
                if c == b'\\' {
                    i += 1;
                } else if c == b'"' {
                    break;
                }
            }
            out.push((start, i.min(bytes.len())));
        } else if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            while bytes
                .get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
            {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Values of every kind, to put where another kind is expected.
const REPLACEMENTS: &[&str] = &[
    "\"texte\"",
    "\"\"",
    "\"14/07/1990\"",
    "\"2026-12-01\"",
    "\"31/02/2026\"",
    "12",
    "-3",
    "300",
    "99999999999999999999",
    "1.5",
    "true",
    "Inconnu",
    "Some(\"x\")",
    "None",
    "()",
    "(a: 1)",
    "[]",
    "[1, 2]",
    "'c'",
    "b\"x\"",
    "Password(min_length: 8)",
    "Date(min: 3)",
    "Number(\"3\")",
    "Matches(\"a\")",
    "Chance(\"x\")",
    "Chance(1, 2)",
    "Press",
    "Field(id: \"x\")",
    "\"a\\q\"",
    "0x1F",
];

/// Mistakes written on purpose: (what the small scenario says, what a trainer writes instead).
const TARGETED: &[(&str, &str)] = &[
    ("kind: Nir", "kind: Password(min_length: 8)"),
    ("kind: Nir", "kind: Password((min_lenght: 8))"),
    ("kind: Nir", "kind: Date(min: 3)"),
    ("kind: Nir", "kind: Number(\"3\")"),
    ("kind: Nir", "kind: Number(min: \"3\")"),
    ("Code((id: \"otp\"", "Code(id: \"otp\""),
    ("Field((id: \"nir\"", "Field(id: \"nir\""),
    ("meta: (", "meta: Persona("),
    ("when: Chance(50)", "when: Matches(\"iban\")"),
    ("when: Chance(50)", "when: Chance(\"50\")"),
    ("when: Chance(50)", "when: Chance(50, 2)"),
    ("when: Chance(50)", "when: Chance(-5)"),
    ("on: Press(\"ok\")", "on: Press"),
    ("on: Press(\"ok\")", "on: \"ok\""),
    ("today: \"23/11/2026\"", "today: \"2026-12-01\""),
    ("today: \"23/11/2026\"", "today: \"31/02/2026\""),
    ("today: \"23/11/2026\"", "today: 23/11/2026"),
    ("size_kb: 80", "size_kb: \"80\""),
    ("size_kb: 80", "size_kb: 80ko"),
    ("size_kb: 80", "size_kb: 8.5"),
    ("required: true", "required: oui"),
    ("required: true", "required: \"true\""),
    ("languages: [Fr]", "languages: Fr"),
    ("languages: [Fr]", "languages: [\"fr\"]"),
    ("competences: [\"2.1\"]", "competences: \"2.1\""),
    ("droits: 5", "droits: \"5\""),
    ("title: \"Connexion\"", "title: (en: \"Login\")"),
    (
        "title: \"Connexion\"",
        "title: (fr: \"Connexion\", de: \"Anmelden\")",
    ),
    ("title: \"Connexion\"", "title: Connexion"),
    ("\"Votre code : {code}\"", "\"Votre code : \\{code}\""),
    ("format: 1", "format: \"1\""),
    ("format: 1", "#![enable(unwrap_newtypes)]\n    format: 1"),
];

/// Mutations of one source: tokens replaced, characters dropped or added.
fn mutations(src: &str, dice: &mut Dice, count: usize) -> Vec<String> {
    let toks = tokens(src);
    let mut out = Vec::new();
    for n in 0..count {
        let mut text = src.to_string();
        match n % 3 {
            0 | 1 => {
                if let Some(&(a, b)) = toks.get(dice.below(toks.len())) {
                    let with = REPLACEMENTS[dice.below(REPLACEMENTS.len())];
                    text.replace_range(a..b, with);
                }
            }
            _ => {
                let at = dice.below(text.len());
                if text.is_char_boundary(at) && text.is_char_boundary(at + 1) {
                    if dice.below(2) == 0 {
                        text.remove(at);
                    } else {
                        let add = ['"', '(', ')', ',', '[', ']', ':', '/', '\\', '#', '\''];
                        text.insert(at, add[dice.below(add.len())]);
                    }
                }
            }
        }
        out.push(text);
    }
    out
}

#[test]
fn no_english_and_no_internal_type_name_in_messages() {
    let mut all = Vec::new();
    let golden = common::root().join("tests/golden");
    let mut cases: Vec<_> = std::fs::read_dir(&golden)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    cases.sort();
    let mut bases = Vec::new();
    for file in &cases {
        let bytes = std::fs::read(file).expect("reads golden case");
        let name = file.display().to_string();
        match decode(&name, &bytes).and_then(|text| check(&name, text, Limits::default())) {
            Err(report) => all.extend(leaks(&report)),
            Ok((_, report)) => all.extend(leaks(&report)),
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            bases.push(text.to_string());
        }
    }
    for file in common::scenario_files() {
        bases.push(common::read(&file));
    }
    // Mistakes a trainer makes, on the small scenario of the goldens.
    let mini = common::read(&golden.join("sans-abandon.ron"));
    for (from, to) in TARGETED {
        assert!(mini.contains(from), "{from} is in the small scenario");
        if let Err(report) = load("cible.ron", &mini.replacen(from, to, 1)) {
            all.extend(leaks(&report));
        }
    }
    let mut dice = Dice(0x2545_F491_4F6C_DD1D);
    let mut refused = 0;
    for base in &bases {
        for text in mutations(base, &mut dice, 200) {
            if let Err(report) = load("mutation.ron", &text) {
                refused += 1;
                all.extend(leaks(&report));
            }
        }
    }
    assert!(refused > 1000, "the corpus holds broken files ({refused})");
    all.sort();
    all.dedup();
    assert!(
        all.is_empty(),
        "{} messages leak English or internal names:\n{}",
        all.len(),
        all.join("\n")
    );
}
