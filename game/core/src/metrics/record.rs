//! One session's record: a header that says nothing about the person, the
//! events with their time offsets, and how it ended.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Lang;
use crate::engine::{Event, EventKind, State};
use crate::model::{EndingKind, Mode, Scenario, Switches};
use crate::rules::Date;

/// Version of the record format, written in every header so a later reader can migrate.
pub const FORMAT: u32 = 1;

/// Longest group code kept: enough for "BTS-ASS-2026-groupe-B", too short for a sentence.
pub const MAX_GROUP_CHARS: usize = 32;

/// A whole session, as exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Who played what, without saying who.
    pub header: Header,
    /// What happened, in order.
    pub events: Vec<Event>,
    /// How it ended, once it has.
    #[serde(default)]
    pub outcome: Option<Outcome>,
}

/// The session's header: only what a trainer needs to sort sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Record format, [`FORMAT`].
    pub format: u32,
    /// 32 hex digits drawn from a random source by the caller: never derived
    /// from the device, the time or the person, so two sessions of the same
    /// person cannot be linked.
    pub session: String,
    /// Scenario id.
    pub scenario: String,
    /// Scenario version.
    pub version: String,
    /// SHA-256 of the scenario's source text, in hex: tells apart two files
    /// that kept the same version number after an edit.
    pub content_hash: String,
    /// The scenario's DigComp codes, so the report needs no scenario file.
    #[serde(default)]
    pub competences: Vec<String>,
    /// *Atelier* or *Formation*.
    pub mode: Mode,
    /// Language the run was started in (`fr`, `en`, `falc`). The player may
    /// change it during the run (the desk's settings); the record keeps the
    /// first, as the header keeps the mode: a header is made once per run.
    #[serde(with = "lang_code")]
    pub lang: Lang,
    /// The day, `YYYY-MM-DD`: coarse on purpose, no hour.
    pub day: String,
    /// The code the trainer typed for the group, letters, digits, `-` and `_` only.
    #[serde(default)]
    pub group: Option<String>,
    /// The trainer's switches for the run (switch id → option id, ids of the
    /// scenario only), so the report can compare settings. Records written
    /// before switches existed have none.
    #[serde(default, skip_serializing_if = "Switches::is_empty")]
    pub switches: Switches,
}

impl Header {
    /// The header of a new session, made in one place so the game, the CLI
    /// and the tests write the same one. `session_id` comes from a proper
    /// random source of the caller (never the device, the time or the person);
    /// `day` is today's date; `group` is what the trainer typed, cleaned by
    /// [`sanitise_group`]. The game makes it when a run starts and keeps it
    /// for the whole run ([`Record::of_state`]).
    pub fn new(
        scenario: &Scenario,
        source: &str,
        mode: Mode,
        session_id: [u8; 16],
        day: Date,
        lang: Lang,
        group: Option<&str>,
    ) -> Header {
        Header {
            format: FORMAT,
            session: hex(&session_id),
            scenario: scenario.meta.id.clone(),
            version: scenario.meta.version.clone(),
            content_hash: content_hash(source),
            competences: scenario.meta.competences.clone(),
            mode,
            lang,
            day: iso_day(day),
            group: group.and_then(sanitise_group),
            switches: scenario.default_switches(),
        }
    }
}

/// How the session ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Ending id.
    pub ending: String,
    /// Success, failure or abandonment.
    pub kind: EndingKind,
    /// *Droits* score at the end, 0 to 100 (meaningful in *Formation*).
    pub droits: i32,
    /// *Autonomie* score at the end, 0 to 100 (meaningful in *Formation*).
    pub autonomie: i32,
    /// Length of the session on its own clock.
    pub duration_ms: u64,
}

impl Record {
    /// The record of a session so far (or finished), under a new header
    /// ([`Header::new`], with the session's mode).
    pub fn from_session(
        scenario: &Scenario,
        source: &str,
        state: &State,
        session_id: [u8; 16],
        day: Date,
        lang: Lang,
        group: Option<&str>,
    ) -> Record {
        let header = Header::new(scenario, source, state.mode, session_id, day, lang, group);
        Record::of_state(header, state)
    }

    /// The record of a session under a header made earlier: the game keeps
    /// one header for a whole run and rewrites the record as events come.
    /// The header takes the run's switches from the state.
    pub fn of_state(mut header: Header, state: &State) -> Record {
        if !state.switches.is_empty() {
            header.switches = state.switches.clone();
        }
        let outcome = state.ending.as_ref().map(|end| Outcome {
            ending: end.ending.clone(),
            kind: end.kind,
            droits: state.droits,
            autonomie: state.autonomie,
            duration_ms: state.clock_ms,
        });
        Record {
            header,
            events: state.events.clone(),
            outcome,
        }
    }

    /// Length of the session: its outcome's, or the last event's time.
    pub fn duration_ms(&self) -> u64 {
        self.outcome.as_ref().map_or_else(
            || self.events.last().map_or(0, |e| e.at_ms),
            |o| o.duration_ms,
        )
    }

    /// Closes a session interrupted by a crash or a closed tab: it becomes
    /// "abandoned at page X", the page last entered. Returns whether it changed.
    pub fn close_interrupted(&mut self) -> bool {
        let closed = self.outcome.is_some()
            || self.events.iter().any(|e| {
                matches!(
                    e.kind,
                    EventKind::Abandoned { .. } | EventKind::Ended { .. }
                )
            });
        if closed {
            return false;
        }
        let Some(page) = self.events.iter().rev().find_map(|e| match &e.kind {
            EventKind::PageEntered { page } => Some(page.clone()),
            _ => None,
        }) else {
            return false;
        };
        let at_ms = self.duration_ms();
        self.events.push(Event {
            at_ms,
            kind: EventKind::PageLeft { page: page.clone() },
        });
        self.events.push(Event {
            at_ms,
            kind: EventKind::Abandoned { page },
        });
        true
    }

    /// Checks what a reader cannot trust in a file: the session id's shape,
    /// the day, the group code and the format. Returns what is wrong, in French.
    pub fn validate(&self) -> Result<(), String> {
        let h = &self.header;
        if h.format != FORMAT {
            return Err(format!(
                "format d'enregistrement {} inconnu (ce programme lit le format {FORMAT}) : mettez Dédale à jour",
                h.format
            ));
        }
        if h.session.len() != 32 || !h.session.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("l'identifiant de session doit faire 32 chiffres hexadécimaux".into());
        }
        if parse_iso_day(&h.day).is_none() {
            return Err(format!(
                "le jour « {} » n'est pas une date AAAA-MM-JJ",
                clip(&h.day)
            ));
        }
        if let Some(g) = &h.group
            && sanitise_group(g).as_deref() != Some(g.as_str())
        {
            return Err(
                "le code de groupe ne doit contenir que lettres, chiffres, - et _ (32 au plus)"
                    .into(),
            );
        }
        Ok(())
    }
}

/// Keeps only `[A-Za-z0-9-_]`, at most [`MAX_GROUP_CHARS`]; `None` if nothing
/// is left. A group code is meant to be "BTS-2026-B", never a name or a
/// sentence, so anything else is dropped rather than recorded.
pub fn sanitise_group(typed: &str) -> Option<String> {
    let kept: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(MAX_GROUP_CHARS)
        .collect();
    (!kept.is_empty()).then_some(kept)
}

/// SHA-256 of the scenario's source text, in lowercase hex.
pub fn content_hash(source: &str) -> String {
    hex(&Sha256::digest(source.as_bytes()))
}

/// Lowercase hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// `YYYY-MM-DD`, the form spreadsheets and xAPI read.
pub fn iso_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// Reads `YYYY-MM-DD` back; `None` unless it is a real date.
pub fn parse_iso_day(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A bad value quoted in a message, shortened so a message never grows with hostile input.
fn clip(s: &str) -> String {
    s.chars().take(20).collect()
}

/// `Lang` as its short code (`fr`) in files.
mod lang_code {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::Lang;

    pub fn serialize<S: Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(lang.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Lang::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom("langue inconnue : fr, en ou falc"))
    }
}
