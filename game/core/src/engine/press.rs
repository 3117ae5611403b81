//! Pressing a button: checking the page, incidents, routes, arriving on a
//! page and ending.

use super::{
    Answer, Dice, EventKind, Feedback, FieldError, Outcome, Reached, Refusal, Session, dice,
};
use crate::model::{Block, Target, Trigger};
use crate::rules::{self, ErrorKind};

/// Incidents that send the player elsewhere on arrival may chain; past this many, the player stays.
const MAX_REDIRECTS: usize = 8;

impl Session<'_> {
    /// Why pressing this button now would be refused before anything is
    /// tried: the session has ended, the page has no such button, or a
    /// required dialogue waits for an answer (the button is blocked). `None`
    /// when the press would go ahead (to the page's checks, incidents and routes).
    pub fn cannot_press(&self, button_id: &str) -> Option<Refusal> {
        if self.state.ending.is_some() {
            return Some(Refusal::Ended);
        }
        let has_button = self
            .visible_blocks()
            .iter()
            .any(|b| matches!(b, Block::Button(button) if button.id == button_id));
        if !has_button {
            return Some(Refusal::NoSuchButton(button_id.into()));
        }
        self.open_dialogues()
            .into_iter()
            .find(|d| d.required)
            .map(|d| Refusal::AnswerFirst(d.id.clone()))
    }

    pub(super) fn press(&mut self, button_id: &str, dice: &mut dyn Dice, out: &mut Outcome) {
        let Some(page) = self.scenario.page(&self.state.page) else {
            return;
        };
        if let Some(refusal) = self.cannot_press(button_id) {
            return out.feedback.push(Feedback::Refused(refusal));
        }
        let Some(button) = page.button(button_id) else {
            return;
        };
        if button.validates() {
            let errors = self.validate();
            if !errors.is_empty() {
                self.refuse(errors, out);
                self.apply(&button.on_refused, out);
                // What on_refused hid (a form replaced by « compte bloqué ») shows no error.
                let shown = self.visible_blocks();
                let shows = |id: &str| shown.iter().any(|b| b.input_id() == Some(id));
                return self.state.errors.retain(|e| shows(&e.field));
            }
        }
        self.state.errors.clear();
        let trigger = Trigger::Press(button_id.to_string());
        for incident in page.incidents.iter().filter(|i| i.on == trigger) {
            if self.holds(&incident.when, dice) {
                return self.incident(incident, dice, out);
            }
        }
        let route = button.routes().find(|r| self.holds(&r.when, dice));
        let Some(route) = route else {
            return out
                .feedback
                .push(Feedback::Refused(Refusal::NoRoute(button_id.into())));
        };
        self.apply(&route.effects, out);
        self.go(&route.goto, dice, out);
    }

    /// Checks every input of the current page; valid text is kept normalised.
    fn validate(&mut self) -> Vec<FieldError> {
        let Some(page) = self.scenario.page(&self.state.page) else {
            return Vec::new();
        };
        let mut errors = Vec::new();
        for (_, block) in self.state.visible_blocks(self.scenario, page) {
            let Some(id) = block.input_id() else { continue };
            if let Some(kind) = self.check_input(block) {
                errors.push(FieldError {
                    field: id.to_string(),
                    kind,
                });
                if matches!(block, Block::Captcha(_)) {
                    let fresh = dice::captcha(self.state.draws());
                    self.state.captchas.insert(id.to_string(), fresh);
                    self.state.answers.remove(id);
                }
            }
        }
        errors
    }

    /// The error of one input, normalising a valid text answer in place.
    fn check_input(&mut self, block: &Block) -> Option<ErrorKind> {
        let id = block.input_id()?;
        let answer = self.state.answers.get(id).cloned();
        let typed = match &answer {
            Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
            _ => None,
        };
        match block {
            Block::Field(f) => {
                let Some(typed) = typed else {
                    return f.required.then_some(ErrorKind::Required);
                };
                match rules::check(&f.kind, &typed, self.state.today) {
                    Err(kind) => Some(kind),
                    Ok(normal) => {
                        let fact = f
                            .expects
                            .as_deref()
                            .and_then(|e| self.scenario.fact_with(e, &self.state.switches));
                        if let (true, Some(fact)) = (f.must_match, fact)
                            && !self.same_value(id, &normal, &fact)
                        {
                            return Some(ErrorKind::Mismatch);
                        }
                        if let Some(error) = self.repeat_error(f, &normal) {
                            return Some(error);
                        }
                        self.state
                            .answers
                            .insert(id.to_string(), Answer::Text(normal));
                        None
                    }
                }
            }
            Block::Choice(c) => match answer {
                Some(Answer::Option(_)) => None,
                _ => c.required.then_some(ErrorKind::ChoiceRequired),
            },
            Block::Checkbox(c) => (c.required && answer != Some(Answer::Checked(true)))
                .then_some(ErrorKind::ConsentRequired),
            Block::Upload(u) => match answer {
                Some(Answer::Document(_)) => None,
                _ => u.required.then_some(ErrorKind::Required),
            },
            Block::Captcha(_) => {
                let expected = self.state.captchas.get(id)?;
                let ok = typed.is_some_and(|t| t.replace(' ', "").eq_ignore_ascii_case(expected));
                (!ok).then_some(ErrorKind::CaptchaWrong)
            }
            Block::Code(c) => {
                let Some(typed) = typed else {
                    return Some(ErrorKind::Required);
                };
                let Some((code, sent)) = self.state.code_of(&c.message) else {
                    return Some(ErrorKind::CodeWrong);
                };
                if typed.replace(' ', "") != code {
                    return Some(ErrorKind::CodeWrong);
                }
                let age = self.state.clock_ms.saturating_sub(sent);
                let expired = c.valid_minutes.is_some_and(|m| age > u64::from(m) * 60_000);
                expired.then_some(ErrorKind::CodeExpired)
            }
            Block::Heading(_) | Block::Paragraph(_) | Block::Notice(_) | Block::Button(_) => None,
        }
    }

    fn incident(
        &mut self,
        incident: &crate::model::Incident,
        dice: &mut dyn Dice,
        out: &mut Outcome,
    ) {
        self.happened(incident, out);
        if incident.clear_answers {
            self.clear_page_answers();
        }
        match &incident.goto {
            Some(goto) => {
                self.go(goto, dice, out);
                // The page it sends to shows its message, unless that page had
                // an incident of its own on arrival: the latest one is shown.
                if self.state.ending.is_none() && self.state.incident.is_none() {
                    self.state.incident = Some(incident.id.clone());
                }
            }
            None => self.state.incident = Some(incident.id.clone()),
        }
    }

    /// Records that an incident happened, shows it and applies its effects.
    fn happened(&mut self, incident: &crate::model::Incident, out: &mut Outcome) {
        self.event(
            out,
            EventKind::Incident {
                incident: incident.id.clone(),
                kind: incident.kind,
            },
        );
        out.feedback.push(Feedback::Incident(incident.id.clone()));
        self.apply(&incident.effects, out);
    }

    /// Leaves the current page for a page or an ending.
    pub(super) fn go(&mut self, goto: &str, dice: &mut dyn Dice, out: &mut Outcome) {
        match self.scenario.target(goto) {
            Some(Target::Ending(e)) => self.end(&e.id, out),
            Some(Target::Page(_)) => {
                let from = std::mem::replace(&mut self.state.page, goto.to_string());
                self.event(out, EventKind::PageLeft { page: from.clone() });
                self.state.history.push(from);
                self.arrive(goto, dice, out);
            }
            None => out
                .feedback
                .push(Feedback::Refused(Refusal::BrokenRoute(goto.into()))),
        }
    }

    /// Arrives on a page: shows it, applies its effects, then tries its arrival
    /// incidents. An incident that sends the player on is shown on the page it
    /// sends to (as an incident on a button is), unless that page has its own.
    pub(super) fn arrive(&mut self, page_id: &str, dice: &mut dyn Dice, out: &mut Outcome) {
        let mut current = page_id.to_string();
        let mut sent_by: Option<String> = None;
        for _ in 0..MAX_REDIRECTS {
            let Some(page) = self.scenario.page(&current) else {
                return out
                    .feedback
                    .push(Feedback::Refused(Refusal::BrokenRoute(current)));
            };
            self.show(&current, out);
            self.state.incident = sent_by.take();
            self.apply(&page.on_enter, out);
            let fired = page
                .incidents
                .iter()
                .filter(|i| i.on == Trigger::Enter)
                .find(|i| self.holds(&i.when, dice));
            let Some(incident) = fired else { return };
            self.happened(incident, out);
            self.state.incident = Some(incident.id.clone());
            let next = match &incident.goto {
                None => return,
                Some(next) => next.clone(),
            };
            sent_by = Some(incident.id.clone());
            match self.scenario.target(&next) {
                Some(Target::Ending(e)) => return self.end(&e.id, out),
                Some(Target::Page(_)) => {
                    self.event(
                        out,
                        EventKind::PageLeft {
                            page: current.clone(),
                        },
                    );
                    self.state
                        .history
                        .push(std::mem::replace(&mut current, next));
                }
                None => {
                    return out
                        .feedback
                        .push(Feedback::Refused(Refusal::BrokenRoute(next)));
                }
            }
        }
    }

    /// Shows a page as it is: no effects, no incidents (also used by "back").
    pub(super) fn show(&mut self, page_id: &str, out: &mut Outcome) {
        self.state.page = page_id.to_string();
        self.state.visited.insert(page_id.to_string());
        self.state.errors.clear();
        self.state.incident = None;
        self.state.idle_ms = 0;
        self.event(
            out,
            EventKind::PageEntered {
                page: page_id.to_string(),
            },
        );
        out.feedback.push(Feedback::Page(page_id.to_string()));
        let captchas: Vec<String> = self
            .scenario
            .page(page_id)
            .map(|p| {
                p.blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Captcha(c) => Some(c.id.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        for id in captchas {
            let drawn = dice::captcha(self.state.draws());
            self.state.captchas.insert(id.clone(), drawn);
            self.state.answers.remove(&id);
        }
    }

    /// Ends the session on this ending.
    pub(super) fn end(&mut self, ending_id: &str, out: &mut Outcome) {
        let Some(ending) = self.scenario.ending(ending_id) else {
            return out
                .feedback
                .push(Feedback::Refused(Refusal::BrokenRoute(ending_id.into())));
        };
        let receipt = ending
            .receipt
            .as_ref()
            .map(|r| r.replace("{n}", &dice::digits(self.state.draws(), 8)));
        self.event(
            out,
            EventKind::PageLeft {
                page: self.state.page.clone(),
            },
        );
        self.event(
            out,
            EventKind::Ended {
                ending: ending.id.clone(),
                kind: ending.kind,
            },
        );
        self.state.ending = Some(Reached {
            ending: ending.id.clone(),
            kind: ending.kind,
            receipt,
        });
        out.feedback.push(Feedback::Ended(ending.id.clone()));
    }
}
