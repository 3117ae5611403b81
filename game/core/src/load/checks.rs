//! Structural checks run after parsing: ids unique and well formed, every
//! reference resolves, French everywhere and promised translations present,
//! facts that pass their own fields' rules. Each problem gets a position.

use std::collections::{BTreeSet, HashMap};

use super::{Diagnostic, Locator, Pos, Problem, Severity, What, nearest};
use crate::condition::{Condition, Effect};
use crate::engine::DEFAULT_TODAY;
use crate::model::{Block, EndingKind, Page, Scenario, Trigger};
use crate::{Lang, Text, rules};

/// DigComp 2.2 competence codes: five areas of two to six competences each.
const DIGCOMP: &[&str] = &[
    "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3", "3.4",
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4",
];

/// Runs every structural check.
pub fn run(s: &Scenario, loc: &Locator) -> Vec<Diagnostic> {
    let mut c = Checker {
        s,
        loc,
        out: Vec::new(),
        flags: BTreeSet::new(),
    };
    c.flags = s
        .effects()
        .filter_map(|e| match e {
            Effect::Set(f) => Some(f.clone()),
            _ => None,
        })
        .collect();
    c.meta();
    c.ids();
    c.texts();
    c.start_and_endings();
    for page in &s.pages {
        c.page(page);
    }
    for e in &s.endings {
        for p in &e.debrief.paragraphs {
            c.condition(&e.id, &p.when);
        }
    }
    for d in &s.persona.documents {
        c.condition(&d.id, &d.when);
    }
    c.out.sort_by_key(|d| (d.line, d.column));
    c.out.dedup();
    c.out
}

struct Checker<'a> {
    s: &'a Scenario,
    loc: &'a Locator,
    out: Vec<Diagnostic>,
    flags: BTreeSet<String>,
}

impl Checker<'_> {
    fn push(&mut self, (line, column): Pos, severity: Severity, problem: Problem) {
        self.out.push(Diagnostic {
            file: None,
            line,
            column,
            severity,
            problem,
        });
    }

    fn error(&mut self, pos: Pos, problem: Problem) {
        self.push(pos, Severity::Error, problem);
    }

    fn def(&self, id: &str) -> Pos {
        self.loc.definition(id).unwrap_or((1, 1))
    }

    fn meta(&mut self) {
        let m = &self.s.meta;
        if !crate::model::FORMATS.contains(&self.s.format) {
            let format = self.s.format.to_string();
            let pos = self.loc.atom(None, "format", &format).unwrap_or((1, 1));
            self.error(pos, Problem::Format(self.s.format));
        }
        if !m.languages.contains(&Lang::Fr) {
            self.error(self.def(&m.id), Problem::LanguagesWithoutFrench);
        }
        for code in &m.competences {
            if !DIGCOMP.contains(&code.as_str()) {
                let pos = self
                    .loc
                    .find(None, code, &["competences"])
                    .unwrap_or((1, 1));
                self.error(pos, Problem::BadCompetence(code.clone()));
            }
        }
    }

    /// Every id is well formed, and unique in its namespace.
    fn ids(&mut self) {
        let s = self.s;
        let mut spaces: Vec<(What, Vec<&str>)> = vec![
            (
                What::Target,
                s.pages
                    .iter()
                    .map(|p| p.id.as_str())
                    .chain(s.endings.iter().map(|e| e.id.as_str()))
                    .collect(),
            ),
            (
                What::Input,
                s.pages
                    .iter()
                    .flat_map(|p| p.blocks.iter().filter_map(Block::input_id))
                    .collect(),
            ),
            (
                What::Message,
                s.messages.iter().map(|m| m.id.as_str()).collect(),
            ),
            (
                What::Document,
                s.persona.documents.iter().map(|d| d.id.as_str()).collect(),
            ),
            (
                What::Dialogue,
                s.pages
                    .iter()
                    .flat_map(|p| p.dialogue.iter().map(|d| d.id.as_str()))
                    .collect(),
            ),
            (
                What::Line,
                s.pages
                    .iter()
                    .flat_map(|p| {
                        p.dialogue
                            .iter()
                            .flat_map(|d| d.lines.iter().map(|l| l.id.as_str()))
                    })
                    .collect(),
            ),
            (
                What::Incident,
                s.pages
                    .iter()
                    .flat_map(|p| p.incidents.iter().map(|i| i.id.as_str()))
                    .collect(),
            ),
        ];
        spaces.push((
            What::Switch,
            s.switches.iter().map(|w| w.id.as_str()).collect(),
        ));
        for w in &s.switches {
            spaces.push((
                What::Option,
                w.options.iter().map(|o| o.id.as_str()).collect(),
            ));
        }
        for page in &s.pages {
            spaces.push((
                What::Button,
                page.buttons().map(|b| b.id.as_str()).collect(),
            ));
            for block in &page.blocks {
                if let Block::Choice(c) = block {
                    spaces.push((
                        What::Option,
                        c.options.iter().map(|o| o.id.as_str()).collect(),
                    ));
                }
            }
        }
        let mut all: Vec<&str> = vec![s.meta.id.as_str()];
        for (what, ids) in spaces {
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for id in ids {
                all.push(id);
                let n = seen.entry(id).or_insert(0);
                *n += 1;
                if *n == 2 {
                    let pos = self
                        .loc
                        .definitions(id)
                        .get(1)
                        .copied()
                        .unwrap_or_else(|| self.def(id));
                    self.error(pos, Problem::Duplicate(what, id.to_string()));
                }
            }
        }
        for id in all {
            let ok = !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !ok {
                self.error(self.def(id), Problem::BadId(id.to_string()));
            }
        }
    }

    fn texts(&mut self) {
        let wanted: Vec<Lang> = self
            .s
            .meta
            .languages
            .iter()
            .copied()
            .filter(|l| *l != Lang::Fr)
            .collect();
        let mut missing = Vec::new();
        for (owner, text) in all_texts(self.s) {
            let pos = self
                .loc
                .find(self.loc.definition(owner), &text.fr, &[])
                .unwrap_or_else(|| self.def(owner));
            if text.fr.trim().is_empty() {
                missing.push((pos, Problem::NoFrench));
                continue;
            }
            for &lang in &wanted {
                if !text.has(lang) {
                    let excerpt: String = text.fr.chars().take(40).collect();
                    let excerpt = if text.fr.chars().count() > 40 {
                        format!("{excerpt}…")
                    } else {
                        excerpt
                    };
                    missing.push((pos, Problem::NoTranslation(lang, excerpt)));
                }
            }
        }
        for (pos, p) in missing {
            self.error(pos, p);
        }
    }

    fn start_and_endings(&mut self) {
        let s = self.s;
        if s.page(&s.start).is_none() {
            let pos = self.loc.find(None, &s.start, &["start"]).unwrap_or((1, 1));
            let hint = nearest(&s.start, s.pages.iter().map(|p| p.id.as_str()));
            self.error(pos, Problem::Unknown(What::Page, s.start.clone(), hint));
        }
        let at = s.endings.first().map_or((1, 1), |e| self.def(&e.id));
        for (kind, name) in [
            (EndingKind::Success, "Success"),
            (EndingKind::Abandon, "Abandon"),
        ] {
            if s.first_ending(kind).is_none() {
                self.error(at, Problem::NoEndingOfKind(name));
            }
        }
    }

    fn page(&mut self, page: &Page) {
        let s = self.s;
        if page.hints.len() > 3 {
            self.error(self.def(&page.id), Problem::TooManyHints(page.id.clone()));
        }
        for effect in &page.on_enter {
            self.effect(&page.id, effect);
        }
        for hint in &page.hints {
            if let Some(doc) = &hint.document {
                self.known(What::Document, &page.id, doc, &["document"]);
            }
        }
        for block in &page.blocks {
            self.block(page, block);
            self.condition(block.input_id().unwrap_or(&page.id), block.when());
        }
        for incident in &page.incidents {
            if let Trigger::Press(b) = &incident.on
                && page.button(b).is_none()
            {
                let hint = nearest(b, page.buttons().map(|b| b.id.as_str()));
                let pos = self.loc.reference(&incident.id, b, &["Press"]);
                self.error(pos, Problem::Unknown(What::Button, b.clone(), hint));
            }
            if let Some(goto) = &incident.goto {
                self.known(What::Target, &incident.id, goto, &["goto"]);
            }
            for e in &incident.effects {
                self.effect(&incident.id, e);
            }
            self.condition(&incident.id, &incident.when);
        }
        if let Some(t) = &page.timeout {
            self.known(What::Target, &page.id, &t.goto, &["goto"]);
        }
        for d in &page.dialogue {
            self.condition(&d.id, &d.when);
            for line in &d.lines {
                for e in &line.effects {
                    self.effect(&line.id, e);
                }
            }
        }
        let _ = s;
    }

    fn block(&mut self, page: &Page, block: &Block) {
        let s = self.s;
        match block {
            Block::Field(f) => {
                if f.must_match && f.expects.is_none() {
                    let pos = self
                        .loc
                        .atom(self.loc.definition(&f.id), "must_match", "true")
                        .unwrap_or_else(|| self.def(&f.id));
                    self.error(pos, Problem::MustMatchWithoutFact(f.id.clone()));
                }
                let Some(fact) = &f.expects else { return };
                // Every value the fact takes: on each document that prints
                // it (one per variant of the folder), else derived.
                let mut values: Vec<&str> = s
                    .persona
                    .documents
                    .iter()
                    .flat_map(|d| &d.lines)
                    .filter(|l| l.fact.as_deref() == Some(fact.as_str()))
                    .map(|l| l.value.as_str())
                    .collect();
                if values.is_empty() {
                    values.extend(s.fact(fact));
                }
                if values.is_empty() {
                    self.known(What::Fact, &f.id, fact, &["expects"]);
                }
                values.dedup();
                for value in values {
                    let today = s.meta.today.unwrap_or(DEFAULT_TODAY);
                    if let Err(e) = rules::check(&f.kind, value.trim(), today) {
                        let problem = Problem::FactInvalid {
                            fact: fact.clone(),
                            field: f.id.clone(),
                            fr: e.message(Lang::Fr),
                            en: e.message(Lang::En),
                        };
                        // At the value written in the folder, which is where the fix usually goes.
                        let pos = self
                            .loc
                            .find(None, value, &["value"])
                            .unwrap_or_else(|| self.def(&f.id));
                        self.error(pos, problem);
                    }
                }
            }
            Block::Choice(c) if c.options.is_empty() => {
                self.error(self.def(&c.id), Problem::NoOptions(c.id.clone()))
            }
            Block::Upload(u) => {
                let Some(doc_id) = &u.expects else { return };
                match s.document(doc_id) {
                    None => self.known(What::Document, &u.id, doc_id, &["expects"]),
                    Some(doc) => {
                        let fits = doc
                            .file
                            .as_ref()
                            .is_some_and(|f| u.accept.contains(&f.format) && f.size_kb <= u.max_kb);
                        if !fits {
                            let problem = Problem::UploadImpossible {
                                upload: u.id.clone(),
                                document: doc_id.clone(),
                            };
                            self.error(self.def(&u.id), problem);
                        }
                    }
                }
            }
            Block::Code(c) => match s.message(&c.message) {
                None => self.known(What::Message, &c.id, &c.message, &["message"]),
                Some(m) if !m.body.fr.contains("{code}") => {
                    self.error(self.def(&m.id), Problem::NoCodeInMessage(m.id.clone()));
                }
                Some(_) => {}
            },
            Block::Button(b) => {
                if b.goto.is_none() && b.next.is_empty() {
                    let pos = self.loc.reference(&page.id, &b.id, &["id"]);
                    self.error(pos, Problem::NoRoute(b.id.clone()));
                }
                for route in b.routes() {
                    self.known(What::Target, &page.id, &route.goto, &["goto"]);
                    self.condition(&page.id, &route.when);
                    for e in &route.effects {
                        self.effect(&page.id, e);
                    }
                }
            }
            _ => {}
        }
    }

    /// Reports `id` if it names no `what`, with the nearest id that does.
    fn known(&mut self, what: What, owner: &str, id: &str, keys: &[&str]) {
        let s = self.s;
        let candidates: Vec<&str> = match what {
            What::Page => s.pages.iter().map(|p| p.id.as_str()).collect(),
            What::Target => s
                .pages
                .iter()
                .map(|p| p.id.as_str())
                .chain(s.endings.iter().map(|e| e.id.as_str()))
                .collect(),
            What::Ending => s.endings.iter().map(|e| e.id.as_str()).collect(),
            What::Input => s
                .pages
                .iter()
                .flat_map(|p| p.blocks.iter().filter_map(Block::input_id))
                .collect(),
            What::Message => s.messages.iter().map(|m| m.id.as_str()).collect(),
            What::Document => s.persona.documents.iter().map(|d| d.id.as_str()).collect(),
            What::Fact => s
                .persona
                .documents
                .iter()
                .flat_map(|d| d.lines.iter().filter_map(|l| l.fact.as_deref()))
                .chain(s.persona.derived.iter().map(|d| d.id.as_str()))
                .collect(),
            What::Line => s
                .pages
                .iter()
                .flat_map(|p| {
                    p.dialogue
                        .iter()
                        .flat_map(|d| d.lines.iter().map(|l| l.id.as_str()))
                })
                .collect(),
            What::Flag => self.flags.iter().map(String::as_str).collect(),
            What::Switch => s.switches.iter().map(|w| w.id.as_str()).collect(),
            What::Option | What::Button | What::Dialogue | What::Incident => Vec::new(),
        };
        if candidates.contains(&id) {
            return;
        }
        let hint = nearest(id, candidates.iter().copied());
        let pos = self.loc.reference(owner, id, keys);
        let severity = if what == What::Flag {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.push(pos, severity, Problem::Unknown(what, id.to_string(), hint));
    }

    fn effect(&mut self, owner: &str, effect: &Effect) {
        if let Effect::Send(m) = effect {
            self.known(What::Message, owner, m, &["Send"]);
        }
    }

    fn condition(&mut self, owner: &str, cond: &Condition) {
        if cond.depth() > crate::engine::MAX_CONDITION_DEPTH {
            self.error(self.def(owner), Problem::TooDeep);
            return;
        }
        let mut found = Vec::new();
        cond.visit(&mut |c| found.push(c.clone()));
        for c in found {
            match &c {
                Condition::Flag(f) => self.known(What::Flag, owner, f, &["Flag"]),
                Condition::Answer(field, value) => {
                    self.known(What::Input, owner, field, &["Answer"]);
                    if let Some((_, Block::Choice(choice))) = self.s.input(field)
                        && !choice.options.iter().any(|o| &o.id == value)
                    {
                        let hint = nearest(value, choice.options.iter().map(|o| o.id.as_str()));
                        let pos = self.loc.reference(owner, value, &["Answer"]);
                        self.error(pos, Problem::Unknown(What::Option, value.clone(), hint));
                    }
                }
                Condition::Checked(f) => self.known(What::Input, owner, f, &["Checked"]),
                Condition::Matches(field, fact) => {
                    self.known(What::Input, owner, field, &["Matches"]);
                    self.known(What::Fact, owner, fact, &["Matches"]);
                }
                Condition::Uploaded(field, doc) => {
                    self.known(What::Input, owner, field, &["Uploaded"]);
                    self.known(What::Document, owner, doc, &["Uploaded"]);
                }
                Condition::Said(line) => self.known(What::Line, owner, line, &["Said"]),
                Condition::Switch(switch, option) => {
                    self.known(What::Switch, owner, switch, &["Switch"]);
                    if let Some(w) = self.s.switch(switch)
                        && !w.options.iter().any(|o| &o.id == option)
                    {
                        let hint = nearest(option, w.options.iter().map(|o| o.id.as_str()));
                        let pos = self.loc.reference(owner, option, &["Switch"]);
                        let problem = super::FeatureProblem::UnknownSwitchOption {
                            switch: switch.clone(),
                            option: option.clone(),
                            hint,
                        };
                        self.error(pos, Problem::Feature(problem));
                    }
                }
                Condition::Visited(page) => self.known(What::Page, owner, page, &["Visited"]),
                Condition::Chance(p) if *p > 100 => {
                    let anchor = self.loc.definition(owner);
                    let pos = self.loc.atom(anchor, "Chance", &p.to_string());
                    self.error(pos.unwrap_or_else(|| self.def(owner)), Problem::Chance(*p))
                }
                _ => {}
            }
        }
    }
}

/// Every text of the scenario with the id of what holds it.
pub(super) fn all_texts(s: &Scenario) -> Vec<(&str, &Text)> {
    let meta = s.meta.id.as_str();
    let mut v: Vec<(&str, &Text)> = vec![
        (meta, &s.meta.title),
        (meta, &s.meta.procedure),
        (meta, &s.meta.summary),
        (meta, &s.persona.situation),
        (meta, &s.persona.goal),
    ];
    for d in &s.persona.documents {
        v.push((&d.id, &d.title));
        v.extend(d.lines.iter().map(|l| (d.id.as_str(), &l.label)));
    }
    for w in &s.switches {
        v.push((&w.id, &w.label));
        v.extend(w.options.iter().map(|o| (w.id.as_str(), &o.label)));
    }
    for m in &s.messages {
        v.extend(m.subject.iter().map(|t| (m.id.as_str(), t)));
        v.push((&m.id, &m.body));
    }
    for p in &s.pages {
        v.extend(page_texts(p));
    }
    for e in &s.endings {
        v.push((&e.id, &e.title));
        v.push((&e.id, &e.debrief.what_happened));
        v.extend(e.debrief.remember.iter().map(|t| (e.id.as_str(), t)));
        v.push((&e.id, &e.debrief.help));
        v.extend(
            e.debrief
                .paragraphs
                .iter()
                .filter_map(|p| p.text.as_ref())
                .map(|t| (e.id.as_str(), t)),
        );
    }
    v
}

fn page_texts(p: &Page) -> Vec<(&str, &Text)> {
    let mut v: Vec<(&str, &Text)> = vec![(&p.id, &p.title)];
    for b in &p.blocks {
        match b {
            Block::Heading(t) | Block::Paragraph(t) => v.push((&p.id, &t.text)),
            Block::Notice(n) => v.push((&p.id, &n.text)),
            Block::Field(f) => {
                v.push((&f.id, &f.label));
                v.extend(f.help.iter().map(|t| (f.id.as_str(), t)));
            }
            Block::Choice(c) => {
                v.push((&c.id, &c.label));
                v.extend(c.options.iter().map(|o| (c.id.as_str(), &o.label)));
            }
            Block::Checkbox(c) => v.push((&c.id, &c.label)),
            Block::Upload(u) => v.push((&u.id, &u.label)),
            Block::Captcha(c) => v.push((&c.id, &c.label)),
            Block::Code(c) => v.push((&c.id, &c.label)),
            Block::Button(b) => v.push((&p.id, &b.label)),
        }
    }
    v.extend(p.hints.iter().map(|h| (p.id.as_str(), &h.text)));
    v.extend(p.incidents.iter().map(|i| (i.id.as_str(), &i.message)));
    v.extend(p.timeout.iter().map(|t| (p.id.as_str(), &t.message)));
    for d in &p.dialogue {
        v.push((&d.id, &d.says));
        for l in &d.lines {
            v.push((&l.id, &l.text));
            v.extend(l.reply.iter().map(|t| (l.id.as_str(), t)));
            v.extend(l.feedback.iter().map(|t| (l.id.as_str(), t)));
        }
    }
    v
}
