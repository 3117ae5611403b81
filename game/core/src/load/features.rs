//! Checks of the features format 2 adds: a format 1 file that uses one is
//! told to write `format: 2`; downloads name hidden documents, links name
//! pages, debrief paragraphs have a text, letters take some time. Their
//! problems carry their own messages ([`FeatureProblem`]).

use std::collections::BTreeSet;

use super::{Diagnostic, Locator, Pos, Problem, Severity, What, nearest};
use crate::condition::{Condition, Effect};
use crate::model::{Device, EndingKind, Scenario};

/// A problem with a feature of format 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeatureProblem {
    /// A format 2 feature in a format 1 file: its name as written.
    NeedsFormat2(&'static str),
    /// `Download(..)` names a document that is in the folder from the start.
    NotHidden(String),
    /// A hidden document no `Download(..)` brings.
    NeverDownloaded(String),
    /// Two links of one message share an id.
    DuplicateLink(String),
    /// A debrief paragraph with both or neither of `text` and `shared`: its ending.
    ParagraphText(String),
    /// A letter that arrives at once.
    LetterAtOnce(String),
    /// An included fragment the caller cannot give.
    IncludeMissing(String),
    /// A fragment whose format is not 2.
    FragmentFormat(u32),
    /// A shared paragraph no fragment defines; the nearest one.
    UnknownShared(String, Option<String>),
    /// `Switch(..)` names an option its switch does not have; the nearest one.
    UnknownSwitchOption {
        /// The switch.
        switch: String,
        /// The option written.
        option: String,
        /// The nearest option of the switch.
        hint: Option<String>,
    },
    /// A switch with fewer than two options: nothing to choose.
    SwitchOptions(String),
    /// A document's `when` reads something else than switches.
    DocumentWhen(String),
    /// Two documents that can be in the folder together print different
    /// values for one fact: the fact, and the two documents.
    FactTwice {
        /// The fact.
        fact: String,
        /// The first document.
        first: String,
        /// The second document.
        second: String,
    },
}

impl FeatureProblem {
    pub(super) fn fr(&self) -> String {
        match self {
            FeatureProblem::NeedsFormat2(what) => format!(
                "{what} demande le format 2 : écrivez `format: 2` en tête du fichier (voir « Migration » dans la référence)"
            ),
            FeatureProblem::NotHidden(d) => format!(
                "`Download(\"{d}\")` : le document `{d}` est déjà dans le dossier au départ ; ajoutez `hidden: true` à ce document pour qu'il n'arrive qu'au téléchargement"
            ),
            FeatureProblem::NeverDownloaded(d) => format!(
                "le document `{d}` est caché (`hidden: true`) mais aucun effet `Download(\"{d}\")` ne l'apporte : le joueur ne le verra jamais"
            ),
            FeatureProblem::DuplicateLink(l) => format!(
                "le lien `{l}` est écrit deux fois dans ce message : donnez à chaque lien un identifiant unique"
            ),
            FeatureProblem::ParagraphText(e) => format!(
                "un paragraphe du bilan de la fin `{e}` doit avoir soit `text: (fr: \"…\")`, soit `shared: \"…\"`, pas les deux ni aucun"
            ),
            FeatureProblem::LetterAtOnce(m) => format!(
                "le courrier `{m}` arrive dès son envoi : ajoutez `after_minutes: 3` (par exemple) pour qu'il mette un peu de temps, comme une lettre"
            ),
            FeatureProblem::IncludeMissing(f) => format!(
                "fragment `{f}` introuvable : vérifiez son nom, écrit depuis le dossier du scénario (par exemple \"communs/aide-numerique.ron\")"
            ),
            FeatureProblem::FragmentFormat(v) => format!(
                "un fragment s'écrit au format 2 (ici {v}) : écrivez `Fragment(format: 2, …)`"
            ),
            FeatureProblem::UnknownShared(id, Some(h)) => {
                format!("paragraphe partagé `{id}` inconnu ; vouliez-vous dire `{h}` ?")
            }
            FeatureProblem::UnknownShared(id, None) => format!(
                "paragraphe partagé `{id}` inconnu : aucun fragment inclus (`include`) ne le définit"
            ),
            FeatureProblem::UnknownSwitchOption {
                switch,
                option,
                hint: Some(h),
            } => format!(
                "option `{option}` inconnue pour le réglage `{switch}` ; vouliez-vous dire `{h}` ?"
            ),
            FeatureProblem::UnknownSwitchOption {
                switch,
                option,
                hint: None,
            } => format!(
                "option `{option}` inconnue pour le réglage `{switch}` : vérifiez l'orthographe ou ajoutez-la aux `options` du réglage"
            ),
            FeatureProblem::SwitchOptions(w) => format!(
                "le réglage `{w}` a moins de deux options : donnez-lui au moins deux `options` (la première est celle par défaut), ou retirez-le"
            ),
            FeatureProblem::DocumentWhen(d) => format!(
                "le `when` du document `{d}` ne peut lire que des réglages (`Switch`, avec `Not`, `All`, `Any`) : le dossier est fixé pour toute la partie ; pour un document qui arrive en cours de partie, utilisez `hidden: true` et `Download`"
            ),
            FeatureProblem::FactTwice {
                fact,
                first,
                second,
            } => format!(
                "le fait `{fact}` a deux valeurs différentes, sur les documents `{first}` et `{second}`, qui peuvent être dans le dossier ensemble : donnez-leur des `when` qui s'excluent (`Switch(\"foyer\", \"seule\")` et `Switch(\"foyer\", \"couple\")`) ou la même valeur"
            ),
        }
    }

    pub(super) fn en(&self) -> String {
        match self {
            FeatureProblem::NeedsFormat2(what) => format!(
                "{what} needs format 2: write `format: 2` at the top of the file (see “Migration” in the reference)"
            ),
            FeatureProblem::NotHidden(d) => format!(
                "`Download(\"{d}\")`: document `{d}` is in the folder from the start; add `hidden: true` to it so that it only arrives when downloaded"
            ),
            FeatureProblem::NeverDownloaded(d) => format!(
                "document `{d}` is hidden (`hidden: true`) but no `Download(\"{d}\")` effect brings it: the player will never see it"
            ),
            FeatureProblem::DuplicateLink(l) => {
                format!("link `{l}` is written twice in this message: give each link a unique id")
            }
            FeatureProblem::ParagraphText(e) => format!(
                "a debrief paragraph of ending `{e}` needs either `text: (fr: \"…\")` or `shared: \"…\"`, not both nor neither"
            ),
            FeatureProblem::LetterAtOnce(m) => format!(
                "letter `{m}` arrives as soon as it is sent: add `after_minutes: 3` (for example) so that it takes some time, like a letter"
            ),
            FeatureProblem::IncludeMissing(f) => format!(
                "fragment `{f}` not found: check its name, written from the scenario's folder (such as \"communs/aide-numerique.ron\")"
            ),
            FeatureProblem::FragmentFormat(v) => format!(
                "a fragment is written in format 2 (here {v}): write `Fragment(format: 2, …)`"
            ),
            FeatureProblem::UnknownShared(id, Some(h)) => {
                format!("unknown shared paragraph `{id}`; did you mean `{h}`?")
            }
            FeatureProblem::UnknownShared(id, None) => format!(
                "unknown shared paragraph `{id}`: no included fragment (`include`) defines it"
            ),
            FeatureProblem::UnknownSwitchOption {
                switch,
                option,
                hint: Some(h),
            } => format!("unknown option `{option}` for switch `{switch}`; did you mean `{h}`?"),
            FeatureProblem::UnknownSwitchOption {
                switch,
                option,
                hint: None,
            } => format!(
                "unknown option `{option}` for switch `{switch}`: check the spelling or add it to the switch's `options`"
            ),
            FeatureProblem::SwitchOptions(w) => format!(
                "switch `{w}` has fewer than two options: give it at least two `options` (the first is the default), or remove it"
            ),
            FeatureProblem::DocumentWhen(d) => format!(
                "the `when` of document `{d}` can only read switches (`Switch`, with `Not`, `All`, `Any`): the folder is fixed for the whole run; for a document that arrives during the run, use `hidden: true` and `Download`"
            ),
            FeatureProblem::FactTwice {
                fact,
                first,
                second,
            } => format!(
                "fact `{fact}` has two different values, on documents `{first}` and `{second}`, which can be in the folder together: give them `when`s that exclude each other (`Switch(\"foyer\", \"seule\")` and `Switch(\"foyer\", \"couple\")`) or the same value"
            ),
        }
    }
}

/// Runs the checks of format 2's features.
pub(super) fn run(s: &Scenario, loc: &Locator) -> Vec<Diagnostic> {
    let mut c = Features {
        s,
        loc,
        out: Vec::new(),
    };
    if s.format < 2 {
        c.format_1();
    }
    c.downloads();
    c.messages();
    c.conditions();
    c.switches();
    c.facts();
    c.out
}

struct Features<'a> {
    s: &'a Scenario,
    loc: &'a Locator,
    out: Vec<Diagnostic>,
}

impl Features<'_> {
    fn push(&mut self, (line, column): Pos, severity: Severity, problem: Problem) {
        self.out.push(Diagnostic {
            file: None,
            line,
            column,
            severity,
            problem,
        });
    }

    fn def(&self, id: &str) -> Pos {
        self.loc.definition(id).unwrap_or((1, 1))
    }

    fn feature(&mut self, pos: Pos, what: FeatureProblem, severity: Severity) {
        self.push(pos, severity, Problem::Feature(what));
    }

    /// Every format 2 feature a format 1 file uses, once each.
    fn format_1(&mut self) {
        let s = self.s;
        let mut used: Vec<(&'static str, Pos)> = Vec::new();
        let mut note = |what: &'static str, pos: Pos| {
            if !used.iter().any(|(w, _)| *w == what) {
                used.push((what, pos));
            }
        };
        if let Some(first) = s.include.first() {
            let pos = self.loc.find(None, first, &["include"]).unwrap_or((1, 1));
            note("`include`", pos);
        }
        for d in s.persona.documents.iter().filter(|d| d.hidden) {
            note("`hidden: true`", self.def(&d.id));
        }
        for m in &s.messages {
            if m.device == Device::Post {
                note("`device: Post`", self.def(&m.id));
            }
            if m.after_minutes > 0 {
                note("`after_minutes`", self.def(&m.id));
            }
            if !m.links.is_empty() {
                note("`links`", self.def(&m.id));
            }
        }
        for i in s.pages.iter().flat_map(|p| &p.incidents) {
            if !i.effects.is_empty() {
                note("`effects` d'un incident", self.def(&i.id));
            }
        }
        if let Some(w) = s.switches.first() {
            note("`switches`", self.def(&w.id));
        }
        for d in s.persona.documents.iter().filter(|d| !d.when.is_always()) {
            note("`when` d'un document", self.def(&d.id));
        }
        for e in &s.endings {
            if e.kind == EndingKind::Postponed {
                note("`kind: Postponed`", self.def(&e.id));
            }
            if !e.debrief.paragraphs.is_empty() {
                note("`paragraphs`", self.def(&e.id));
            }
        }
        for e in s.effects() {
            if let Effect::Download(d) = e {
                note(
                    "`Download`",
                    self.loc.find(None, d, &["Download"]).unwrap_or((1, 1)),
                );
            }
        }
        for (_, cond) in conditions(s) {
            cond.visit(&mut |c| match c {
                Condition::Downloaded(d) => note(
                    "`Downloaded`",
                    self.loc.find(None, d, &["Downloaded"]).unwrap_or((1, 1)),
                ),
                Condition::Incident(i) => note(
                    "`Incident`",
                    self.loc.find(None, i, &["Incident"]).unwrap_or((1, 1)),
                ),
                Condition::Switch(w, _) => note(
                    "`Switch`",
                    self.loc.find(None, w, &["Switch"]).unwrap_or((1, 1)),
                ),
                _ => {}
            });
        }
        for (what, pos) in used {
            self.feature(pos, FeatureProblem::NeedsFormat2(what), Severity::Error);
        }
    }

    /// `Download(..)` names a hidden document; every hidden document is downloaded somewhere.
    fn downloads(&mut self) {
        let s = self.s;
        let mut downloaded = BTreeSet::new();
        for e in s.effects() {
            let Effect::Download(d) = e else { continue };
            downloaded.insert(d.as_str());
            let pos = self.loc.find(None, d, &["Download"]).unwrap_or((1, 1));
            match s.document(d) {
                None => {
                    let hint = nearest(d, s.persona.documents.iter().map(|d| d.id.as_str()));
                    self.push(
                        pos,
                        Severity::Error,
                        Problem::Unknown(What::Document, d.clone(), hint),
                    );
                }
                Some(doc) if !doc.hidden => {
                    self.feature(pos, FeatureProblem::NotHidden(d.clone()), Severity::Warning)
                }
                Some(_) => {}
            }
        }
        for d in s.persona.documents.iter().filter(|d| d.hidden) {
            if !downloaded.contains(d.id.as_str()) {
                let problem = FeatureProblem::NeverDownloaded(d.id.clone());
                self.feature(self.def(&d.id), problem, Severity::Warning);
            }
        }
    }

    /// Links lead to pages and have unique ids in their message; letters take time.
    fn messages(&mut self) {
        let s = self.s;
        for m in &s.messages {
            let mut seen = BTreeSet::new();
            for l in &m.links {
                if !seen.insert(l.id.as_str()) {
                    let pos = self.loc.reference(&m.id, &l.id, &["id"]);
                    self.feature(
                        pos,
                        FeatureProblem::DuplicateLink(l.id.clone()),
                        Severity::Error,
                    );
                }
                if s.page(&l.page).is_none() {
                    let hint = nearest(&l.page, s.pages.iter().map(|p| p.id.as_str()));
                    let pos = self.loc.reference(&m.id, &l.page, &["page"]);
                    self.push(
                        pos,
                        Severity::Error,
                        Problem::Unknown(What::Page, l.page.clone(), hint),
                    );
                }
            }
            if m.device == Device::Post && m.after_minutes == 0 {
                let problem = FeatureProblem::LetterAtOnce(m.id.clone());
                self.feature(self.def(&m.id), problem, Severity::Warning);
            }
        }
    }

    /// Every switch has options to choose from; documents' `when`s read only switches.
    fn switches(&mut self) {
        let s = self.s;
        for w in s.switches.iter().filter(|w| w.options.len() < 2) {
            let problem = FeatureProblem::SwitchOptions(w.id.clone());
            self.feature(self.def(&w.id), problem, Severity::Error);
        }
        for d in &s.persona.documents {
            if !d.when.only_switches() {
                let pos = self.def(&d.id);
                self.feature(
                    pos,
                    FeatureProblem::DocumentWhen(d.id.clone()),
                    Severity::Error,
                );
            }
        }
    }

    /// A fact has one value in every run: two documents that print it
    /// with different values are never in the folder together.
    fn facts(&mut self) {
        let s = self.s;
        let mut lines: Vec<(&str, &str, &Condition)> = Vec::new();
        for d in &s.persona.documents {
            for l in &d.lines {
                if let Some(f) = &l.fact {
                    lines.push((f, &l.value, &d.when));
                }
            }
        }
        let mut told: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
        for (i, (fact, value, when)) in lines.iter().enumerate() {
            for (other_fact, other_value, other_when) in lines.iter().skip(i + 1) {
                if fact != other_fact || same_fact(value, other_value) {
                    continue;
                }
                if exclusive(s, when, other_when) == Some(true) {
                    continue;
                }
                let docs = |v: &str| {
                    s.persona
                        .documents
                        .iter()
                        .find(|d| {
                            d.lines
                                .iter()
                                .any(|l| l.fact.as_deref() == Some(fact) && l.value == v)
                        })
                        .map(|d| d.id.as_str())
                        .unwrap_or_default()
                };
                let (first, second) = (docs(value), docs(other_value));
                if !told.insert((fact, first, second)) {
                    continue;
                }
                let pos = self
                    .loc
                    .find(self.loc.definition(second), other_value, &["value"])
                    .unwrap_or_else(|| self.def(second));
                let problem = FeatureProblem::FactTwice {
                    fact: fact.to_string(),
                    first: first.to_string(),
                    second: second.to_string(),
                };
                self.feature(pos, problem, Severity::Error);
            }
        }
    }

    /// `Downloaded(..)` and `Incident(..)` name a document and an incident of the scenario.
    fn conditions(&mut self) {
        let s = self.s;
        let incidents: Vec<&str> = s
            .pages
            .iter()
            .flat_map(|p| p.incidents.iter().map(|i| i.id.as_str()))
            .collect();
        let mut found = Vec::new();
        for (owner, cond) in conditions(s) {
            cond.visit(&mut |c| found.push((owner.to_string(), c.clone())));
        }
        for (owner, c) in found {
            let (what, id, key, known): (What, &String, &str, Vec<&str>) = match &c {
                Condition::Downloaded(d) => (
                    What::Document,
                    d,
                    "Downloaded",
                    s.persona.documents.iter().map(|d| d.id.as_str()).collect(),
                ),
                Condition::Incident(i) => (What::Incident, i, "Incident", incidents.clone()),
                _ => continue,
            };
            if known.contains(&id.as_str()) {
                continue;
            }
            let hint = nearest(id, known.iter().copied());
            let pos = self.loc.reference(&owner, id, &[key]);
            self.push(
                pos,
                Severity::Error,
                Problem::Unknown(what, id.clone(), hint),
            );
        }
    }
}

/// Most settings tried to tell whether two documents' `when`s exclude each other.
const MAX_SETTINGS_TRIED: usize = 4096;

/// Whether no setting of the switches puts both conditions true; `None` when
/// the switches they read have too many combinations to try them all.
fn exclusive(s: &Scenario, a: &Condition, b: &Condition) -> Option<bool> {
    let mut read: Vec<String> = Vec::new();
    for c in [a, b] {
        c.visit(&mut |c| {
            if let Condition::Switch(w, _) = c
                && !read.contains(w)
            {
                read.push(w.clone());
            }
        });
    }
    let switches: Vec<&crate::model::Switch> = read.iter().filter_map(|w| s.switch(w)).collect();
    let count = switches
        .iter()
        .try_fold(1usize, |n, w| n.checked_mul(w.options.len().max(1)))
        .filter(|n| *n <= MAX_SETTINGS_TRIED)?;
    let mut settings = s.default_switches();
    for mut i in 0..count {
        for w in &switches {
            let n = w.options.len().max(1);
            if let Some(o) = w.options.get(i % n) {
                settings.insert(w.id.clone(), o.id.clone());
            }
            i /= n;
        }
        if a.holds_with(&settings) && b.holds_with(&settings) {
            return Some(false);
        }
    }
    Some(true)
}

/// A value as a fact is compared: spaces left out, case ignored (an IBAN
/// printed in groups on the RIB and in one block on a letter is one value).
fn same_fact(a: &str, b: &str) -> bool {
    let norm = |v: &str| -> String {
        v.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    norm(a) == norm(b)
}

/// Every condition of the scenario with the id of what holds it: routes,
/// incidents, dialogues, debrief paragraphs and documents.
fn conditions(s: &Scenario) -> Vec<(&str, &Condition)> {
    let mut v: Vec<(&str, &Condition)> = Vec::new();
    v.extend(s.persona.documents.iter().map(|d| (d.id.as_str(), &d.when)));
    for p in &s.pages {
        for b in p.buttons() {
            v.extend(b.next.iter().map(|r| (p.id.as_str(), &r.when)));
        }
        v.extend(p.incidents.iter().map(|i| (i.id.as_str(), &i.when)));
        v.extend(p.dialogue.iter().map(|d| (d.id.as_str(), &d.when)));
    }
    for e in &s.endings {
        v.extend(
            e.debrief
                .paragraphs
                .iter()
                .map(|p| (e.id.as_str(), &p.when)),
        );
    }
    v
}
