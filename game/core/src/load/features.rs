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

/// Every condition of the scenario with the id of what holds it: routes,
/// incidents, dialogues and debrief paragraphs.
fn conditions(s: &Scenario) -> Vec<(&str, &Condition)> {
    let mut v: Vec<(&str, &Condition)> = Vec::new();
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
