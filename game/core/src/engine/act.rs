//! Every action but pressing a button.

use super::eval::add_score;
use super::{Action, Answer, Dice, EventKind, Feedback, FieldError, Outcome, Refusal, Session};
use crate::model::{Block, Dialogue, EndingKind, Mode};
use crate::rules::ErrorKind;

/// Longest text kept from one input: enough for any real field, bounded for hostile callers.
const MAX_INPUT_CHARS: usize = 500;

/// Longest element id kept from a read-aloud: ids are short, and a hostile
/// caller must not grow the record without bound.
const MAX_READ_ALOUD_CHARS: usize = 100;

impl Session<'_> {
    pub(super) fn perform(&mut self, action: Action, dice: &mut dyn Dice, out: &mut Outcome) {
        let touches_portal = matches!(
            action,
            Action::Fill { .. }
                | Action::Choose { .. }
                | Action::Tick { .. }
                | Action::Upload { .. }
                | Action::Press { .. }
                | Action::Back
                | Action::FollowLink { .. }
        );
        // Read-aloud, like a hint, a document or a message, stays off the portal.
        if touches_portal {
            self.state.idle_ms = 0;
        }
        match action {
            Action::Fill { field, value } => self.fill(&field, &value, out),
            Action::Choose { field, option } => self.choose(&field, &option, out),
            Action::Tick { field, checked } => self.tick(&field, checked, out),
            Action::Upload { field, document } => self.upload(&field, &document, out),
            Action::Press { button } => self.press(&button, dice, out),
            Action::OpenDocument { document } => self.open_document(&document, out),
            Action::ReadMessage { message } => self.read_message(&message, out),
            Action::Hint => self.hint(out),
            Action::Back => self.back(out),
            Action::Wait { seconds } => self.wait(seconds, dice, out),
            Action::Say { line } => self.say(&line, dice, out),
            Action::FollowLink { message, link } => self.follow(&message, &link, dice, out),
            Action::Abandon => self.abandon(out),
            Action::ReadAloud { what } => self.read_aloud(&what, out),
            Action::ExtendTime => self.extend_time(out),
        }
    }

    /// The input with this id shown on the current page.
    fn input_here(&self, id: &str) -> Option<&Block> {
        self.visible_blocks()
            .into_iter()
            .find(|b| b.input_id() == Some(id))
    }

    fn store(&mut self, field: &str, answer: Answer, out: &mut Outcome) {
        self.state.answers.insert(field.to_string(), answer);
        self.state.errors.retain(|e| e.field != field);
        out.feedback.push(Feedback::Accepted);
    }

    fn fill(&mut self, field: &str, value: &str, out: &mut Outcome) {
        match self.input_here(field) {
            Some(Block::Field(_) | Block::Captcha(_) | Block::Code(_)) => {
                let value: String = value.chars().take(MAX_INPUT_CHARS).collect();
                self.store(field, Answer::Text(value), out);
            }
            Some(_) => out
                .feedback
                .push(Feedback::Refused(Refusal::WrongInput(field.into()))),
            None => out
                .feedback
                .push(Feedback::Refused(Refusal::NoSuchInput(field.into()))),
        }
    }

    fn choose(&mut self, field: &str, option: &str, out: &mut Outcome) {
        match self.input_here(field) {
            Some(Block::Choice(c)) if c.options.iter().any(|o| o.id == option) => {
                self.store(field, Answer::Option(option.to_string()), out);
            }
            Some(Block::Choice(_)) => {
                out.feedback
                    .push(Feedback::Refused(Refusal::NoSuchOption(option.into())));
            }
            Some(_) => out
                .feedback
                .push(Feedback::Refused(Refusal::WrongInput(field.into()))),
            None => out
                .feedback
                .push(Feedback::Refused(Refusal::NoSuchInput(field.into()))),
        }
    }

    fn tick(&mut self, field: &str, checked: bool, out: &mut Outcome) {
        match self.input_here(field) {
            Some(Block::Checkbox(_)) => self.store(field, Answer::Checked(checked), out),
            Some(_) => out
                .feedback
                .push(Feedback::Refused(Refusal::WrongInput(field.into()))),
            None => out
                .feedback
                .push(Feedback::Refused(Refusal::NoSuchInput(field.into()))),
        }
    }

    /// Portals check a file's type and size as soon as it is picked.
    fn upload(&mut self, field: &str, document: &str, out: &mut Outcome) {
        let upload = match self.input_here(field) {
            Some(Block::Upload(u)) => u.clone(),
            Some(_) => {
                return out
                    .feedback
                    .push(Feedback::Refused(Refusal::WrongInput(field.into())));
            }
            None => {
                return out
                    .feedback
                    .push(Feedback::Refused(Refusal::NoSuchInput(field.into())));
            }
        };
        let Some(doc) = self.folder_document(document) else {
            return out
                .feedback
                .push(Feedback::Refused(Refusal::NoSuchDocument(document.into())));
        };
        let accepted = || upload.accept.iter().map(|f| f.name().to_string()).collect();
        let error = match &doc.file {
            None => Some(ErrorKind::UploadType {
                accepted: accepted(),
            }),
            Some(file) if !upload.accept.contains(&file.format) => Some(ErrorKind::UploadType {
                accepted: accepted(),
            }),
            Some(file) if file.size_kb > upload.max_kb => Some(ErrorKind::UploadSize {
                max_kb: upload.max_kb,
            }),
            Some(_) => None,
        };
        match error {
            Some(kind) => self.refuse(
                vec![FieldError {
                    field: field.to_string(),
                    kind,
                }],
                out,
            ),
            None => self.store(field, Answer::Document(document.to_string()), out),
        }
    }

    /// Shows refused values and records each mistake by kind.
    pub(super) fn refuse(&mut self, errors: Vec<FieldError>, out: &mut Outcome) {
        for e in &errors {
            self.event(
                out,
                EventKind::FieldError {
                    field: e.field.clone(),
                    error: e.kind.code().to_string(),
                },
            );
            self.state.errors.retain(|old| old.field != e.field);
        }
        self.state.errors.extend(errors.iter().cloned());
        out.feedback.push(Feedback::Invalid(errors));
    }

    /// A document that is in the folder now (a hidden one once downloaded).
    fn folder_document(&self, id: &str) -> Option<&crate::model::Document> {
        self.scenario
            .document(id)
            .filter(|d| self.state.in_folder(d))
    }

    fn open_document(&mut self, document: &str, out: &mut Outcome) {
        if self.folder_document(document).is_none() {
            return out
                .feedback
                .push(Feedback::Refused(Refusal::NoSuchDocument(document.into())));
        }
        self.event(
            out,
            EventKind::DocumentOpened {
                document: document.to_string(),
            },
        );
        out.feedback.push(Feedback::Accepted);
    }

    fn read_message(&mut self, message: &str, out: &mut Outcome) {
        let mut found = false;
        for r in self.state.inbox.iter_mut().filter(|r| r.message == message) {
            r.read = true;
            found = true;
        }
        if !found {
            return out
                .feedback
                .push(Feedback::Refused(Refusal::NoSuchMessage(message.into())));
        }
        self.event(
            out,
            EventKind::MessageRead {
                message: message.to_string(),
            },
        );
        out.feedback.push(Feedback::Accepted);
    }

    fn read_aloud(&mut self, what: &str, out: &mut Outcome) {
        let what = what.chars().take(MAX_READ_ALOUD_CHARS).collect();
        self.event(out, EventKind::ReadAloud { what });
        out.feedback.push(Feedback::Accepted);
    }

    /// More time on a page with an inactivity timeout; nothing elsewhere.
    fn extend_time(&mut self, out: &mut Outcome) {
        if self.state.timeout_in_ms(self.scenario).is_some() {
            self.state.idle_ms = 0;
            let page = self.state.page.clone();
            self.event(out, EventKind::TimeExtended { page });
        }
        out.feedback.push(Feedback::Accepted);
    }

    fn hint(&mut self, out: &mut Outcome) {
        let page = self.state.page.clone();
        let available = self.scenario.page(&page).map_or(0, |p| p.hints.len());
        let used = self.state.hints.get(&page).copied().unwrap_or(0);
        if usize::from(used) >= available {
            return out.feedback.push(Feedback::Refused(Refusal::NoMoreHints));
        }
        let level = used.saturating_add(1);
        self.state.hints.insert(page.clone(), level);
        self.event(out, EventKind::HintUsed { page, level });
        out.feedback.push(Feedback::Hint { level });
    }

    fn back(&mut self, out: &mut Outcome) {
        let Some(previous) = self.state.history.pop() else {
            return out.feedback.push(Feedback::Refused(Refusal::NoBack));
        };
        let from = self.state.page.clone();
        self.event(out, EventKind::Back { from: from.clone() });
        self.event(out, EventKind::PageLeft { page: from });
        self.show(&previous, out);
    }

    fn wait(&mut self, seconds: u32, dice: &mut dyn Dice, out: &mut Outcome) {
        let ms = u64::from(seconds) * 1000;
        self.state.clock_ms = self.state.clock_ms.saturating_add(ms);
        self.state.idle_ms = self.state.idle_ms.saturating_add(ms);
        self.deliver_due(out);
        let due = self.state.timeout_in_ms(self.scenario) == Some(0);
        let Some(timeout) = self
            .scenario
            .page(&self.state.page)
            .and_then(|p| p.timeout.clone())
            .filter(|_| due)
        else {
            return out.feedback.push(Feedback::Accepted);
        };
        let page = self.state.page.clone();
        self.clear_page_answers();
        self.event(out, EventKind::Timeout { page: page.clone() });
        out.feedback.push(Feedback::Timeout(page));
        self.go(&timeout.goto, dice, out);
    }

    /// Dialogues of the current page waiting for an answer (mode *Formation* only).
    pub fn open_dialogues(&self) -> Vec<&Dialogue> {
        if self.state.mode != Mode::Formation || self.state.ending.is_some() {
            return Vec::new();
        }
        let Some(page) = self.scenario.page(&self.state.page) else {
            return Vec::new();
        };
        let mut never = super::ForcedDice::new(Vec::new());
        page.dialogue
            .iter()
            .filter(|d| !self.state.answered.contains(&d.id) && self.holds(&d.when, &mut never))
            .collect()
    }

    fn say(&mut self, line_id: &str, _dice: &mut dyn Dice, out: &mut Outcome) {
        let found = self.open_dialogues().into_iter().find_map(|d| {
            d.lines
                .iter()
                .find(|l| l.id == line_id)
                .map(|l| (d.id.clone(), l.clone()))
        });
        let Some((dialogue, line)) = found else {
            return out
                .feedback
                .push(Feedback::Refused(Refusal::NoSuchLine(line_id.into())));
        };
        self.state.droits = add_score(self.state.droits, line.droits);
        self.state.autonomie = add_score(self.state.autonomie, line.autonomie);
        self.state.said.insert(line.id.clone());
        self.state.answered.insert(dialogue);
        self.event(
            out,
            EventKind::Posture {
                line: line.id.clone(),
                posture: line.posture,
            },
        );
        out.feedback.push(Feedback::Reply(line.id.clone()));
        self.apply(&line.effects, out);
    }

    /// Follows a link of a received message: the browser opens its page, as
    /// a link on a page would (the back button returns to where the player was).
    fn follow(&mut self, message: &str, link: &str, dice: &mut dyn Dice, out: &mut Outcome) {
        let received = self.state.inbox.iter().any(|r| r.message == message);
        let Some(target) = self
            .scenario
            .link(message, link)
            .filter(|_| received)
            .map(|l| l.page.clone())
        else {
            return out
                .feedback
                .push(Feedback::Refused(Refusal::NoSuchLink(link.into())));
        };
        self.event(
            out,
            EventKind::LinkFollowed {
                message: message.to_string(),
                link: link.to_string(),
            },
        );
        self.go(&target, dice, out);
    }

    fn abandon(&mut self, out: &mut Outcome) {
        let Some(ending) = self.scenario.first_ending(EndingKind::Abandon) else {
            return out
                .feedback
                .push(Feedback::Refused(Refusal::BrokenRoute("abandon".into())));
        };
        let id = ending.id.clone();
        self.event(
            out,
            EventKind::Abandoned {
                page: self.state.page.clone(),
            },
        );
        self.end(&id, out);
    }

    pub(super) fn clear_page_answers(&mut self) {
        let Some(page) = self.scenario.page(&self.state.page) else {
            return;
        };
        for id in page.blocks.iter().filter_map(|b| b.input_id()) {
            self.state.answers.remove(id);
        }
    }
}
