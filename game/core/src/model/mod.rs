//! The scenario format, version 1: what a trainer writes in a `.ron` file.
//!
//! Every struct refuses unknown fields so a misspelt key is an error with its
//! position, never silently ignored. `scenarios/README.md` documents each
//! element for trainers; its examples are checked by the test suite.

mod button;
mod derived;
mod ending;
mod fragment;
mod page;
mod persona;
mod shown;
mod switch;

pub use button::{Button, ButtonStyle, Route};
pub use derived::{DeriveError, compute};
pub use ending::{Debrief, Ending, EndingKind, Paragraph, Section};
pub use fragment::{Fragment, SharedParagraph};
pub use page::{
    Block, Captcha, Checkbox, Choice, CodeField, Dialogue, Field, Hint, Incident, IncidentKind,
    Line, Notice, OptionItem, Page, Posture, Timeout, Tone, Trigger, Upload,
};
pub use persona::{
    Compute, Derived, Device, DocLine, Document, DocumentKind, FileFormat, FileInfo, Link, Message,
    Persona,
};
pub use shown::TextBlock;
pub use switch::{MAX_COMBINATIONS, SettingError, Switch, SwitchOption, Switches};

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

use crate::condition::{Condition, Effect};
use crate::rules::Date;
use crate::{Lang, Text};

/// The latest format version; this engine reads it and every older one.
pub const FORMAT_VERSION: u32 = 2;

/// The format versions this engine reads: `1` as it always was, `2` with
/// downloads, letters, links in messages, incidents with effects, the
/// `Postponed` ending, debrief paragraphs, included fragments, trainer
/// switches and documents shown under a switch (`when`).
pub const FORMATS: [u32; 2] = [1, 2];

/// A whole simulated procedure.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version, `1` or `2`.
    pub format: u32,
    /// Format 2: fragment files whose pages, messages and shared debrief
    /// paragraphs this scenario uses (`["communs/aide-numerique.ron"]`);
    /// the caller of the loader reads them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// What the scenario is, for the choice screen and the metrics.
    pub meta: Meta,
    /// Who the player is or helps, and the folder of documents.
    pub persona: Persona,
    /// SMS and e-mails that the procedure sends to the persona's phone and mailbox.
    #[serde(default)]
    pub messages: Vec<Message>,
    /// Scores at the start, for the student mode.
    #[serde(default)]
    pub scores: Scores,
    /// Id of the first page.
    pub start: String,
    /// The portal's pages.
    pub pages: Vec<Page>,
    /// How it can end.
    pub endings: Vec<Ending>,
    /// Format 2: the variants a trainer sets before a session, shown on the
    /// scenario card; `Switch(..)` conditions read them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub switches: Vec<Switch>,
    #[serde(skip)]
    index: Index,
}

/// Metadata shown on the scenario card and recorded with metrics.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Stable identifier (letters, digits, `-`, `_`), used in metrics.
    pub id: String,
    /// Version of this scenario, raised when its content changes, so metrics from different versions are not mixed.
    pub version: String,
    /// Title on the scenario card.
    pub title: Text,
    /// The real procedure it imitates ("Demande de RSA").
    pub procedure: Text,
    /// Two or three sentences for the card and the briefing.
    pub summary: Text,
    /// Languages every text is given in; French is always one of them.
    pub languages: Vec<Lang>,
    /// Who it is written for.
    pub audience: Audience,
    /// Expected playing time, in minutes.
    pub duration_minutes: u16,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// DigComp 2.2 competence codes, such as `"2.1"` or `"4.2"`.
    pub competences: Vec<String>,
    /// The date in the story, so age and "not in the future" rules give the same answers every year.
    #[serde(default)]
    pub today: Option<Date>,
    /// The real-world facts the scenario is modelled on, with the date they were checked.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Who a scenario is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// People practising a procedure themselves (mode *Atelier*).
    Learner,
    /// Social-work students playing the professional (mode *Formation*).
    Student,
    /// Playable in both modes.
    Both,
}

impl Audience {
    /// The modes a scenario of this audience can be played in.
    pub fn modes(self) -> &'static [Mode] {
        match self {
            Audience::Learner => &[Mode::Atelier],
            Audience::Student => &[Mode::Formation],
            Audience::Both => &[Mode::Atelier, Mode::Formation],
        }
    }
}

/// How a session is played.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Mode {
    /// The player does the procedure themself; dialogues are skipped.
    #[default]
    Atelier,
    /// The player is the professional beside the persona; dialogues and postures count.
    Formation,
}

/// Difficulty shown on the scenario card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    /// A first procedure.
    Easy,
    /// A few obstacles.
    Medium,
    /// Many obstacles, for practised players.
    Hard,
}

/// Starting scores of the student mode, each kept between 0 and 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scores {
    /// Rights obtained for the person.
    #[serde(default)]
    pub droits: i32,
    /// Autonomy the person gained.
    #[serde(default = "half")]
    pub autonomie: i32,
}

fn half() -> i32 {
    50
}

impl Default for Scores {
    fn default() -> Self {
        Scores {
            droits: 0,
            autonomie: 50,
        }
    }
}

/// What a route or incident leads to.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    /// Another page of the portal.
    Page(&'a Page),
    /// The end of the scenario.
    Ending(&'a Ending),
}

/// Fast lookups by id, rebuilt after loading so the engine and the solver stay fast on large scenarios.
#[derive(Clone, Debug, Default)]
struct Index {
    pages: HashMap<String, usize>,
    endings: HashMap<String, usize>,
    inputs: HashMap<String, (usize, usize)>,
    derived: HashMap<String, String>,
    caps: HashMap<String, u8>,
    /// Whether a document has a `when`: facts then depend on the run's settings.
    variants: bool,
}

impl Scenario {
    /// Builds the lookup tables; the loader calls it, and so must anyone who builds a scenario in code.
    pub fn reindex(&mut self) {
        let mut index = Index::default();
        for (p, page) in self.pages.iter().enumerate() {
            index.pages.entry(page.id.clone()).or_insert(p);
            for (b, block) in page.blocks.iter().enumerate() {
                if let Some(id) = block.input_id() {
                    index.inputs.entry(id.to_string()).or_insert((p, b));
                }
            }
        }
        for (e, ending) in self.endings.iter().enumerate() {
            index.endings.entry(ending.id.clone()).or_insert(e);
        }
        for (id, value) in derived::all(self) {
            index.derived.entry(id).or_insert(value);
        }
        index.caps = self.counter_caps();
        index.variants = self.persona.documents.iter().any(|d| !d.when.is_always());
        self.index = index;
    }

    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&Page> {
        match self.index.pages.get(id) {
            Some(&i) => self.pages.get(i),
            None if self.index.pages.is_empty() => self.pages.iter().find(|p| p.id == id),
            None => None,
        }
    }

    /// The ending with this id.
    pub fn ending(&self, id: &str) -> Option<&Ending> {
        match self.index.endings.get(id) {
            Some(&i) => self.endings.get(i),
            None if self.index.endings.is_empty() => self.endings.iter().find(|e| e.id == id),
            None => None,
        }
    }

    /// A page or an ending: routes name either.
    pub fn target(&self, id: &str) -> Option<Target<'_>> {
        self.page(id)
            .map(Target::Page)
            .or_else(|| self.ending(id).map(Target::Ending))
    }

    /// The input block (field, choice, box, upload, captcha, code) with this id, and its page.
    pub fn input(&self, id: &str) -> Option<(&Page, &Block)> {
        let found = match self.index.inputs.get(id) {
            Some(&(p, b)) => Some((p, b)),
            None if self.index.inputs.is_empty() => {
                self.pages.iter().enumerate().find_map(|(p, page)| {
                    page.blocks
                        .iter()
                        .position(|bl| bl.input_id() == Some(id))
                        .map(|b| (p, b))
                })
            }
            None => None,
        }?;
        let page = self.pages.get(found.0)?;
        Some((page, page.blocks.get(found.1)?))
    }

    /// What the player reads for an input in a message, an error summary or
    /// the debrief: its label, or its id when no input has it (a record of an
    /// older version of the scenario). Every screen and the terminal name
    /// inputs through this one lookup.
    pub fn input_label(&self, id: &str, lang: Lang) -> String {
        self.input(id)
            .and_then(|(_, b)| b.label())
            .map_or_else(|| id.to_string(), |l| l.get(lang).to_string())
    }

    /// A page's title, or its id when the scenario has no such page.
    pub fn page_title(&self, id: &str, lang: Lang) -> String {
        self.page(id)
            .map_or_else(|| id.to_string(), |p| p.title.get(lang).to_string())
    }

    /// The incident with this id, wherever it is (ids are unique in a scenario).
    pub fn incident(&self, id: &str) -> Option<&Incident> {
        self.pages
            .iter()
            .flat_map(|p| &p.incidents)
            .find(|i| i.id == id)
    }

    /// The message with this id.
    pub fn message(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }

    /// The document of the folder with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.persona.documents.iter().find(|d| d.id == id)
    }

    /// The value of a fact, as printed on the document that holds it, or as
    /// computed when it is derived (see [`Derived`]), with every switch at its
    /// default; a fact only a variant's document gives has that document's
    /// value. The engine reads facts with the run's settings ([`Scenario::fact_with`]).
    pub fn fact(&self, id: &str) -> Option<&str> {
        self.printed_fact(id)
            .or_else(|| self.index.derived.get(id).map(String::as_str))
    }

    /// The value of a fact printed on a document (not a derived one), with
    /// every switch at its default, else on any document that gives it.
    pub fn printed_fact(&self, id: &str) -> Option<&str> {
        let lines = || {
            self.persona
                .documents
                .iter()
                .flat_map(|d| d.lines.iter().map(move |l| (d, l)))
                .filter(|(_, l)| l.fact.as_deref() == Some(id))
        };
        if !self.index.variants {
            return lines().next().map(|(_, l)| l.value.as_str());
        }
        let defaults = self.default_switches();
        lines()
            .find(|(d, _)| d.when.holds_with(&defaults))
            .or_else(|| lines().next())
            .map(|(_, l)| l.value.as_str())
    }

    /// Whether a document is in the persona's folder with these settings
    /// (its `when`, which only reads switches, holds).
    pub fn document_present(&self, document: &Document, switches: &Switches) -> bool {
        document.when.is_always() || document.when.holds_with(switches)
    }

    /// The value of a fact in a run with these settings: printed on a
    /// document present with them, or derived from such a fact. A fact only
    /// a missing document prints keeps that document's value: the portal
    /// still knows a password whose note the persona lost.
    pub fn fact_with(&self, id: &str, switches: &Switches) -> Option<Cow<'_, str>> {
        if !self.index.variants {
            return self.fact(id).map(Cow::Borrowed);
        }
        let printed = |id: &str| {
            let lines = |present: bool| {
                self.persona
                    .documents
                    .iter()
                    .filter(move |d| !present || self.document_present(d, switches))
                    .flat_map(|d| &d.lines)
                    .find(|l| l.fact.as_deref() == Some(id))
                    .map(|l| l.value.as_str())
            };
            lines(true).or_else(|| lines(false))
        };
        if let Some(v) = printed(id) {
            return Some(Cow::Borrowed(v));
        }
        derived::all_from(self, &printed)
            .into_iter()
            .find(|(d, _)| d == id)
            .map(|(_, v)| Cow::Owned(v))
    }

    /// The first ending of the given kind (abandoning leads to the first `Abandon` ending).
    pub fn first_ending(&self, kind: EndingKind) -> Option<&Ending> {
        self.endings.iter().find(|e| e.kind == kind)
    }

    /// The dialogue line with this id, with its dialogue and page.
    pub fn line(&self, id: &str) -> Option<(&Page, &Dialogue, &Line)> {
        self.pages.iter().find_map(|p| {
            p.dialogue
                .iter()
                .find_map(|d| d.lines.iter().find(|l| l.id == id).map(|l| (p, d, l)))
        })
    }

    /// The largest number a counter can reach: the largest any condition
    /// compares it with, since no condition can tell more apart. This keeps
    /// the states a scenario can reach finite, for the solver.
    pub fn counter_cap(&self, counter: &str) -> u8 {
        if self.index.pages.is_empty() {
            return self.counter_caps().get(counter).copied().unwrap_or(0);
        }
        self.index.caps.get(counter).copied().unwrap_or(0)
    }

    fn counter_caps(&self) -> HashMap<String, u8> {
        let mut caps: HashMap<String, u8> = HashMap::new();
        for (_, cond) in self.conditions() {
            cond.visit(&mut |c| {
                if let Condition::CountAtLeast(counter, n) = c {
                    let cap = caps.entry(counter.clone()).or_insert(0);
                    *cap = (*cap).max(*n);
                }
            });
        }
        caps
    }

    /// Every condition of the scenario, with the id of what holds it (a
    /// page for routes and blocks without an id, an input, an incident, a dialogue).
    pub fn conditions(&self) -> Vec<(&str, &Condition)> {
        let mut out: Vec<(&str, &Condition)> = Vec::new();
        for p in &self.pages {
            for b in p.buttons() {
                out.extend(b.next.iter().map(|r| (p.id.as_str(), &r.when)));
            }
            for b in &p.blocks {
                out.push((b.input_id().unwrap_or(p.id.as_str()), b.when()));
            }
            out.extend(p.incidents.iter().map(|i| (i.id.as_str(), &i.when)));
            out.extend(p.dialogue.iter().map(|d| (d.id.as_str(), &d.when)));
        }
        out
    }

    /// Every effect the scenario can apply, for checks.
    pub fn effects(&self) -> impl Iterator<Item = &Effect> {
        self.pages.iter().flat_map(|p| {
            p.on_enter
                .iter()
                .chain(
                    p.buttons()
                        .flat_map(|b| b.next.iter().flat_map(|r| &r.effects)),
                )
                .chain(p.buttons().flat_map(|b| &b.on_refused))
                .chain(
                    p.dialogue
                        .iter()
                        .flat_map(|d| d.lines.iter().flat_map(|l| &l.effects)),
                )
                .chain(p.incidents.iter().flat_map(|i| &i.effects))
        })
    }

    /// The link with this id in this message.
    pub fn link(&self, message: &str, link: &str) -> Option<&Link> {
        self.message(message)?.links.iter().find(|l| l.id == link)
    }
}
