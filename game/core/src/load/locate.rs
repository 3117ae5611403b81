//! Finds where an id or a text stands in the source, so a problem found after
//! parsing (an unknown page, a missing translation) still gets its line and column.
//!
//! RON's parser gives no positions for values, so this scans the string literals
//! once, remembering for each the identifier that came before it (`goto`, `id`,
//! `Answer`…). Columns count Unicode characters from 1, like RON's own errors.

/// A string literal of the source.
#[derive(Clone, Debug)]
struct Literal {
    value: String,
    key: String,
    line: usize,
    column: usize,
    /// Just after the closing quote (or the end of the source if there is none).
    end: Pos,
    /// Whether it has its closing quote.
    closed: bool,
    /// A number or a boolean rather than a string: `format: 2`, `Chance(150)`, `must_match: true`.
    number: bool,
}

/// Positions of the source's string literals.
#[derive(Clone, Debug, Default)]
pub struct Locator {
    literals: Vec<Literal>,
}

/// A line and a column, both counted from 1.
pub type Pos = (usize, usize);

impl Locator {
    /// Scans the source once.
    pub fn new(source: &str) -> Locator {
        let mut literals = Vec::new();
        let mut chars = source.chars().peekable();
        let (mut line, mut column) = (1usize, 1usize);
        let mut key = String::new();
        let mut ident = String::new();
        let advance = |c: char, line: &mut usize, column: &mut usize| {
            if c == '\n' {
                *line += 1;
                *column = 1;
            } else {
                *column += 1;
            }
        };
        while let Some(c) = chars.next() {
            let start = (line, column);
            advance(c, &mut line, &mut column);
            match c {
                '/' if chars.peek() == Some(&'/') => {
                    for c in chars.by_ref() {
                        advance(c, &mut line, &mut column);
                        if c == '\n' {
                            break;
                        }
                    }
                }
                '/' if chars.peek() == Some(&'*') => {
                    let mut depth = 0usize;
                    let mut prev = c;
                    for c in chars.by_ref() {
                        advance(c, &mut line, &mut column);
                        match (prev, c) {
                            ('/', '*') => depth += 1,
                            ('*', '/') => {
                                depth = depth.saturating_sub(1);
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        prev = if prev == '*' && c == '/' { ' ' } else { c };
                    }
                }
                '"' => {
                    let mut value = String::new();
                    let mut closed = false;
                    while let Some(c) = chars.next() {
                        advance(c, &mut line, &mut column);
                        match c {
                            '"' => {
                                closed = true;
                                break;
                            }
                            '\\' => {
                                if let Some(e) = chars.next() {
                                    advance(e, &mut line, &mut column);
                                    value.push(match e {
                                        'n' => '\n',
                                        't' => '\t',
                                        other => other,
                                    });
                                }
                            }
                            other => value.push(other),
                        }
                    }
                    if !ident.is_empty() {
                        key = std::mem::take(&mut ident);
                    }
                    literals.push(Literal {
                        value,
                        key: key.clone(),
                        line: start.0,
                        column: start.1,
                        end: (line, column),
                        closed,
                        number: false,
                    });
                }
                c if c.is_alphanumeric() || c == '_' => {
                    let mut word = String::from(c);
                    while let Some(&n) = chars.peek() {
                        if !(n.is_alphanumeric() || n == '_') {
                            break;
                        }
                        word.push(n);
                        advance(n, &mut line, &mut column);
                        chars.next();
                    }
                    if word.chars().all(|c| c.is_ascii_digit()) || word == "true" || word == "false"
                    {
                        literals.push(Literal {
                            value: word,
                            key: std::mem::take(&mut ident),
                            line: start.0,
                            column: start.1,
                            end: (line, column),
                            closed: true,
                            number: true,
                        });
                    } else {
                        ident = word;
                    }
                }
                ',' | '[' | ']' => key.clear(),
                _ => {}
            }
        }
        Locator { literals }
    }

    /// The string literals, numbers left out.
    fn strings(&self) -> impl Iterator<Item = &Literal> {
        self.literals.iter().filter(|l| !l.number)
    }

    /// Where `id` is defined: the first `id: "…"` with this value.
    pub fn definition(&self, id: &str) -> Option<Pos> {
        self.strings()
            .find(|l| l.key == "id" && l.value == id)
            .map(|l| (l.line, l.column))
    }

    /// Every place `id` is defined, in the order of the file (a duplicate is the second).
    pub fn definitions(&self, id: &str) -> Vec<Pos> {
        self.strings()
            .filter(|l| l.key == "id" && l.value == id)
            .map(|l| (l.line, l.column))
            .collect()
    }

    /// The first literal with this value after `anchor` (or anywhere), preferring one
    /// written after one of `keys`.
    pub fn find(&self, anchor: Option<Pos>, value: &str, keys: &[&str]) -> Option<Pos> {
        let after = |l: &&Literal| anchor.is_none_or(|a| (l.line, l.column) >= a);
        let keyed = |l: &&Literal| keys.is_empty() || keys.contains(&l.key.as_str());
        let same = |l: &&Literal| l.value == value;
        let pos = |l: &Literal| (l.line, l.column);
        self.strings()
            .filter(after)
            .filter(same)
            .find(keyed)
            .or_else(|| self.strings().filter(after).find(same))
            .or_else(|| self.strings().filter(same).find(keyed))
            .or_else(|| self.strings().find(same))
            .map(pos)
    }

    /// Where the number or boolean `value` written after `key` stands (`format: 2`,
    /// `Chance(150)`, `must_match: true`), preferring the first one after `anchor`.
    pub fn atom(&self, anchor: Option<Pos>, key: &str, value: &str) -> Option<Pos> {
        let after = |l: &&Literal| anchor.is_none_or(|a| (l.line, l.column) >= a);
        let this = |l: &&Literal| l.number && l.key == key && l.value == value;
        self.literals
            .iter()
            .filter(after)
            .find(this)
            .or_else(|| self.literals.iter().find(this))
            .map(|l| (l.line, l.column))
    }

    /// The string literal whose closing quote is just before `pos`: its start,
    /// whether it runs over several lines, and the line it ends on.
    pub(crate) fn text_ending_at(&self, pos: Pos) -> Option<(Pos, bool, usize)> {
        self.strings()
            .find(|l| l.closed && l.end == pos)
            .map(|l| ((l.line, l.column), l.end.0 > l.line, l.end.0))
    }

    /// The first string literal left without its closing quote.
    pub(crate) fn unclosed_text(&self) -> Option<Pos> {
        self.strings()
            .find(|l| !l.closed)
            .map(|l| (l.line, l.column))
    }

    /// Where a reference made inside the definition of `owner` stands.
    pub fn reference(&self, owner: &str, value: &str, keys: &[&str]) -> Pos {
        self.find(self.definition(owner), value, keys)
            .or_else(|| self.definition(owner))
            .unwrap_or((1, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_inside_their_owner() {
        let src = "(\n  start: \"b\",\n  pages: [\n    (id: \"a\", next: [(goto: \"b\")]), // \"b\"\n    (id: \"b\", goto: \"c\"),\n  ],\n)";
        let loc = Locator::new(src);
        assert_eq!(loc.definition("b"), Some((5, 10)));
        assert_eq!(loc.reference("a", "b", &["goto"]), (4, 29));
        assert_eq!(loc.reference("b", "c", &["goto"]), (5, 21));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let loc = Locator::new("(title: \"Étape\", id: \"é\")");
        assert_eq!(loc.definition("é"), Some((1, 22)));
    }
}
