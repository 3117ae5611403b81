//! The interface's strings as data: Fluent files (`locales/<lang>/*.ftl`)
//! that a translator or a FALC writer edits without knowing Rust, checked and
//! turned into plain Rust tables at build time. Shared by the build script
//! (`build/main.rs`), which writes the tables, and the test
//! `tests/locales.rs`, which checks the shipped files and this checker.
//!
//! Only the Fluent *syntax* is read here (`fluent-syntax`): the game carries
//! no Fluent runtime, whose locale and plural machinery would weigh on the web
//! build's first download. What the game needs of Fluent is small and checked
//! here: text, variables (`{ $n }`, written `{n}` in the tables and replaced
//! at run time), and counts (`{ $n -> [0] … [one] … *[other] … }`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use fluent_syntax::ast;
use fluent_syntax::parser;

/// The languages, by folder name; French first: every other language is
/// checked against it, key by key.
pub const LANGS: [&str; 3] = ["fr", "en", "falc"];

/// One file of each language, and the Rust it becomes.
pub struct Part {
    /// File name in each language's folder.
    pub file: &'static str,
    /// What it becomes.
    pub kind: Kind,
    /// Prefix of its statics (`TRAINER` gives `TRAINER_FR`); empty for the root.
    pub statics: &'static str,
    /// Its field in the root struct (empty for the root itself).
    pub field: &'static str,
}

/// The shape of a part's table.
pub enum Kind {
    /// A struct with one field per message (`abandon-help` gives `abandon_help`).
    Struct(&'static str),
    /// A list of (code, text): the message `competence-2-1` gives `("2.1", "…")`.
    Table {
        /// What every message id starts with; the rest, `-` read as `.`, is the code.
        prefix: &'static str,
    },
}

/// The files of every language. The first is the root: its struct holds the others.
pub const PARTS: [Part; 3] = [
    Part {
        file: "dedale.ftl",
        kind: Kind::Struct("Strings"),
        statics: "",
        field: "",
    },
    Part {
        file: "trainer.ftl",
        kind: Kind::Struct("TrainerStrings"),
        statics: "TRAINER",
        field: "trainer",
    },
    Part {
        file: "digcomp.ftl",
        kind: Kind::Table {
            prefix: "competence-",
        },
        statics: "DIGCOMP",
        field: "digcomp",
    },
];

/// One file's text and where it is, as messages name it.
pub struct Source {
    /// Index in [`LANGS`].
    pub lang: usize,
    /// Index in [`PARTS`].
    pub part: usize,
    /// The path shown in messages (`game/app/locales/en/dedale.ftl`).
    pub path: String,
    /// Its text.
    pub text: String,
}

/// Reads every file of every language under `root` (the `locales` folder);
/// `shown` is how messages name that folder.
pub fn read(root: &Path, shown: &str) -> Result<Vec<Source>, Vec<String>> {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for (lang, code) in LANGS.iter().enumerate() {
        for (part, p) in PARTS.iter().enumerate() {
            let path = format!("{shown}/{code}/{}", p.file);
            match std::fs::read_to_string(root.join(code).join(p.file)) {
                Ok(text) => sources.push(Source {
                    lang,
                    part,
                    path,
                    text,
                }),
                Err(e) => errors.push(format!(
                    "{path} : fichier illisible ({e}) ; chaque langue a ses fichiers {} / cannot read the file; every language has its own",
                    PARTS.map(|p| p.file).join(", ")
                )),
            }
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// A message's value as the game uses it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A text, its variables written `{n}`.
    Text(String),
    /// The forms for none, one and more (`dedale_core::debrief::count`).
    Count([String; 3]),
}

/// One message of a file.
struct Message {
    id: String,
    line: usize,
    doc: Vec<String>,
    value: Value,
    vars: BTreeSet<String>,
}

/// One file, read.
struct File {
    path: String,
    doc: Vec<String>,
    messages: Vec<Message>,
}

/// Every file, checked: the tables the game is built with.
pub struct Tables {
    /// By language, then part.
    files: Vec<Vec<File>>,
}

// Read by the test `tests/locales.rs`, not by the build script.
#[cfg_attr(not(test), allow(dead_code))]
impl Tables {
    /// The value of a message, for tests.
    pub fn get(&self, lang: &str, part: usize, id: &str) -> Option<&Value> {
        let l = LANGS.iter().position(|c| *c == lang)?;
        let file = self.files.get(l)?.get(part)?;
        file.messages.iter().find(|m| m.id == id).map(|m| &m.value)
    }

    /// How many messages each part has (the same in every language).
    pub fn len(&self, part: usize) -> usize {
        self.files[0][part].messages.len()
    }
}

/// Reads and checks every source: each parses, holds only what the game can
/// show, and has exactly the messages of French, with no variable French
/// does not have. The errors say where (`file:line:column`) and what to do,
/// in French then English.
pub fn check(sources: &[Source]) -> Result<Tables, Vec<String>> {
    let mut errors = Vec::new();
    let mut files: Vec<Vec<Option<File>>> = LANGS
        .iter()
        .map(|_| PARTS.iter().map(|_| None).collect())
        .collect();
    for s in sources {
        files[s.lang][s.part] = Some(parse(s, &mut errors));
    }
    let mut missing = Vec::new();
    for (l, parts) in files.iter().enumerate() {
        for (p, f) in parts.iter().enumerate() {
            if f.is_none() {
                missing.push(format!(
                    "locales/{}/{} : fichier manquant / missing file",
                    LANGS[l], PARTS[p].file
                ));
            }
        }
    }
    if !missing.is_empty() {
        errors.extend(missing);
        return Err(errors);
    }
    let files: Vec<Vec<File>> = files
        .into_iter()
        .map(|parts| parts.into_iter().flatten().collect())
        .collect();
    for (p, part) in PARTS.iter().enumerate() {
        let french = &files[0][p];
        if let Kind::Table { prefix } = part.kind {
            for m in &french.messages {
                if matches!(m.value, Value::Count(_)) {
                    errors.push(format!(
                        "{}:{} : `{}` doit être un simple texte / must be a plain text",
                        french.path, m.line, m.id
                    ));
                }
                if code(&m.id, prefix).is_none() {
                    errors.push(format!(
                        "{}:{} : `{}` n'est pas de la forme `{prefix}1-1` / is not of the form `{prefix}1-1`",
                        french.path, m.line, m.id
                    ));
                }
            }
        }
        for other in files.iter().skip(1).map(|parts| &parts[p]) {
            compare(french, other, &mut errors);
        }
    }
    if errors.is_empty() {
        Ok(Tables { files })
    } else {
        Err(errors)
    }
}

/// The code of a table's message id: `competence-2-1` is `2.1`.
fn code(id: &str, prefix: &str) -> Option<String> {
    let rest = id.strip_prefix(prefix)?;
    let ok = !rest.is_empty()
        && rest
            .split('-')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| rest.replace('-', "."))
}

/// Another language's file against French: the same messages, the same
/// shapes, no variable French lacks.
fn compare(french: &File, other: &File, errors: &mut Vec<String>) {
    let theirs: BTreeMap<&str, &Message> =
        other.messages.iter().map(|m| (m.id.as_str(), m)).collect();
    let ours: BTreeMap<&str, &Message> =
        french.messages.iter().map(|m| (m.id.as_str(), m)).collect();
    for m in &french.messages {
        let Some(t) = theirs.get(m.id.as_str()) else {
            errors.push(format!(
                "{} : message `{}` manquant ; ajoutez-le, traduit de {}:{} / missing message `{}`; add it, translated from {}:{}",
                other.path, m.id, french.path, m.line, m.id, french.path, m.line
            ));
            continue;
        };
        let (count_fr, count_t) = (
            matches!(m.value, Value::Count(_)),
            matches!(t.value, Value::Count(_)),
        );
        if count_fr != count_t {
            let (fr, en) = if count_fr {
                (
                    "doit donner les formes [0], [one] et *[other]",
                    "must give the forms [0], [one] and *[other]",
                )
            } else {
                ("doit être un simple texte", "must be a plain text")
            };
            errors.push(format!(
                "{}:{} : `{}` {fr}, comme en français ({}:{}) / {en}, as in French",
                other.path, t.line, t.id, french.path, m.line
            ));
        }
        for v in t.vars.difference(&m.vars) {
            let known: Vec<String> = m.vars.iter().map(|v| format!("${v}")).collect();
            let known = if known.is_empty() {
                "aucune".to_string()
            } else {
                known.join(", ")
            };
            errors.push(format!(
                "{}:{} : la variable `${v}` de `{}` n'existe pas en français ({}:{}, variables : {known}) ; le jeu ne la remplacerait pas / variable `${v}` is not in French: the game would not replace it",
                other.path, t.line, t.id, french.path, m.line
            ));
        }
    }
    for t in &other.messages {
        if !ours.contains_key(t.id.as_str()) {
            errors.push(format!(
                "{}:{} : message `{}` absent du français ({}) ; retirez-le, ou ajoutez-le d'abord en français / message `{}` is not in French; remove it, or add it to French first",
                other.path, t.line, t.id, french.path, t.id
            ));
        }
    }
}

/// Line and column (from 1) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Where a slice of `text` starts in it (the parser's identifiers are slices
/// of the source, and its messages have no position of their own).
fn offset_of(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// Words Rust keeps for itself, which a message id must not become.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "yield",
];

/// Parses one file into its messages; every problem goes to `errors`.
fn parse(s: &Source, errors: &mut Vec<String>) -> File {
    let text = s.text.as_str();
    let resource = match parser::parse(text) {
        Ok(r) => r,
        Err((r, errs)) => {
            for e in errs {
                // Where the broken message starts, and where the parser gave up in it.
                let start = e.slice.as_ref().map_or(e.pos.start, |r| r.start);
                let (line, col) = line_col(text, start);
                let (stop, stop_col) = line_col(text, e.pos.start);
                errors.push(format!(
                    "{}:{line}:{col} : erreur de syntaxe Fluent dans ce message, ligne {stop} colonne {stop_col} ({e}) ; voir https://projectfluent.org/fluent/guide/ / Fluent syntax error",
                    s.path
                ));
            }
            r
        }
    };
    let mut file = File {
        path: s.path.clone(),
        doc: Vec::new(),
        messages: Vec::new(),
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::ResourceComment(c) => {
                file.doc.extend(c.content.iter().map(|l| l.to_string()));
            }
            ast::Entry::Term(t) => {
                let (line, col) = line_col(text, offset_of(text, t.id.name));
                errors.push(format!(
                    "{}:{line}:{col} : terme `-{}` : le jeu ne lit pas les termes de Fluent ; écrivez le mot dans chaque message / Fluent terms are not supported; write the word in each message",
                    s.path, t.id.name
                ));
            }
            ast::Entry::Message(m) => {
                let (line, col) = line_col(text, offset_of(text, m.id.name));
                let at = format!("{}:{line}:{col}", s.path);
                let id = m.id.name.to_string();
                if let Some(first) = seen.insert(id.clone(), line) {
                    errors.push(format!(
                        "{at} : message `{id}` déjà écrit ligne {first} ; gardez-en un seul / message `{id}` already written on line {first}; keep only one"
                    ));
                    continue;
                }
                let field = id.replace('-', "_");
                if KEYWORDS.contains(&field.as_str()) {
                    errors.push(format!(
                        "{at} : `{id}` est un mot réservé de Rust ; choisissez un autre nom / `{id}` is a Rust keyword; choose another name"
                    ));
                }
                if !m.attributes.is_empty() {
                    errors.push(format!(
                        "{at} : `{id}` a des attributs (`.nom = …`) que le jeu ne lit pas ; faites-en des messages / attributes are not supported; make them messages"
                    ));
                }
                let Some(pattern) = m.value else {
                    errors.push(format!(
                        "{at} : `{id}` n'a pas de texte ; écrivez-le après `=` / `{id}` has no text; write it after `=`"
                    ));
                    continue;
                };
                let mut vars = BTreeSet::new();
                let mut problems = Vec::new();
                let value = value(&pattern, &mut vars, &mut problems);
                let empty = match &value {
                    Value::Text(t) => t.trim().is_empty(),
                    Value::Count(forms) => forms.iter().any(|f| f.trim().is_empty()),
                };
                if empty {
                    problems.push("texte vide ; écrivez-le / empty text; write it".into());
                }
                errors.extend(problems.iter().map(|p| format!("{at} : `{id}` : {p}")));
                let doc = m
                    .comment
                    .map(|c| c.content.iter().map(|l| l.to_string()).collect())
                    .unwrap_or_default();
                file.messages.push(Message {
                    id,
                    line,
                    doc,
                    value,
                    vars,
                });
            }
            _ => {}
        }
    }
    file
}

/// A message's value: a count when it is one select on a variable, else a text.
fn value(
    pattern: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    problems: &mut Vec<String>,
) -> Value {
    if let [
        ast::PatternElement::Placeable {
            expression: ast::Expression::Select { selector, variants },
        },
    ] = pattern.elements.as_slice()
    {
        if let ast::InlineExpression::VariableReference { id } = selector {
            vars.insert(id.name.to_string());
        } else {
            problems.push(
                "le choix doit porter sur une variable, `{ $n -> …` / the select must be on a variable"
                    .into(),
            );
        }
        let mut forms: [Option<String>; 3] = [None, None, None];
        for v in variants {
            let slot = match (&v.key, v.default) {
                (ast::VariantKey::NumberLiteral { value: "0" }, false) => Some(0),
                (ast::VariantKey::Identifier { name: "one" }, false) => Some(1),
                (ast::VariantKey::Identifier { name: "other" }, true) => Some(2),
                _ => None,
            };
            match slot {
                Some(i) => forms[i] = Some(text(&v.value, vars, problems)),
                None => problems.push(
                    "un nombre se décline en trois formes exactement : [0], [one] et *[other] / a count has exactly three forms: [0], [one] and *[other]"
                        .into(),
                ),
            }
        }
        let [Some(zero), Some(one), Some(other)] = forms else {
            problems.push(
                "il manque une des formes [0], [one] ou *[other] / one of the forms [0], [one] or *[other] is missing"
                    .into(),
            );
            return Value::Count(Default::default());
        };
        return Value::Count([zero, one, other]);
    }
    Value::Text(text(pattern, vars, problems))
}

/// A pattern as the game writes it: text, and `{n}` for the variable `$n`.
fn text(
    pattern: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    problems: &mut Vec<String>,
) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    vars.insert(id.name.to_string());
                    let _ = write!(out, "{{{}}}", id.name);
                }
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value })
                    if !value.contains('\\') =>
                {
                    out.push_str(value)
                }
                ast::Expression::Inline(ast::InlineExpression::NumberLiteral { value }) => {
                    out.push_str(value)
                }
                _ => problems.push(
                    "le jeu ne lit entre accolades que des variables (`{ $n }`), un texte (`{ \"{\" }`) ou, seul dans le message, un nombre décliné (`{ $n -> … }`) / only variables, string literals and, alone in a message, a count are supported"
                        .into(),
                ),
            },
        }
    }
    out
}

/// The static holding `part` in language `lang`: `FR`, `TRAINER_EN`…
fn static_name(part: &Part, lang: &str) -> String {
    let lang = lang.to_uppercase();
    if part.statics.is_empty() {
        lang
    } else {
        format!("{}_{lang}", part.statics)
    }
}

/// Doc comment lines, indented.
fn doc(out: &mut String, lines: &[String], indent: &str) {
    for l in lines {
        let _ = writeln!(out, "{indent}///{}{l}", if l.is_empty() { "" } else { " " });
    }
}

/// The Rust of the tables: one struct per part (its doc and its fields' from
/// the French file's comments), and one static per part and language.
pub fn rust(t: &Tables) -> String {
    let mut out = String::from(
        "// Written by game/app/build/main.rs from game/app/locales/*/*.ftl:\n// edit those files, not this one.\n\n",
    );
    for (p, part) in PARTS.iter().enumerate() {
        let Kind::Struct(name) = part.kind else {
            continue;
        };
        let french = &t.files[0][p];
        doc(&mut out, &french.doc, "");
        let _ = writeln!(out, "#[allow(missing_docs)]\npub struct {name} {{");
        for m in &french.messages {
            doc(&mut out, &m.doc, "    ");
            let ty = match m.value {
                Value::Text(_) => "&'static str",
                Value::Count(_) => "[&'static str; 3]",
            };
            let _ = writeln!(out, "    pub {}: {ty},", m.id.replace('-', "_"));
        }
        if p == 0 {
            for child in PARTS.iter().skip(1) {
                let ty = match child.kind {
                    Kind::Struct(name) => format!("&'static {name}"),
                    Kind::Table { .. } => "&'static [(&'static str, &'static str)]".into(),
                };
                let _ = writeln!(out, "    pub {}: {ty},", child.field);
            }
        }
        out.push_str("}\n\n");
    }
    for (l, lang) in LANGS.iter().enumerate() {
        for (p, part) in PARTS.iter().enumerate() {
            let file = &t.files[l][p];
            let name = static_name(part, lang);
            let _ = writeln!(out, "/// `{}`.", file.path);
            match part.kind {
                Kind::Struct(ty) => {
                    let _ = writeln!(out, "pub static {name}: {ty} = {ty} {{");
                    for m in &file.messages {
                        let field = m.id.replace('-', "_");
                        match &m.value {
                            Value::Text(s) => {
                                let _ = writeln!(out, "    {field}: {s:?},");
                            }
                            Value::Count([a, b, c]) => {
                                let _ = writeln!(out, "    {field}: [{a:?}, {b:?}, {c:?}],");
                            }
                        }
                    }
                    if p == 0 {
                        for child in PARTS.iter().skip(1) {
                            let reference = match child.kind {
                                Kind::Struct(_) => "&",
                                Kind::Table { .. } => "",
                            };
                            let _ = writeln!(
                                out,
                                "    {}: {reference}{},",
                                child.field,
                                static_name(child, lang)
                            );
                        }
                    }
                    out.push_str("};\n\n");
                }
                Kind::Table { prefix } => {
                    let _ = writeln!(out, "pub static {name}: &[(&str, &str)] = &[");
                    for m in &file.messages {
                        if let (Some(code), Value::Text(s)) = (code(&m.id, prefix), &m.value) {
                            let _ = writeln!(out, "    ({code:?}, {s:?}),");
                        }
                    }
                    out.push_str("];\n\n");
                }
            }
        }
    }
    out
}
