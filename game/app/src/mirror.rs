//! The screen as HTML for assistive technologies: a canvas is invisible to
//! screen readers, and AccessKit has no web adapter yet, so the browser build
//! keeps a hidden page over the canvas that mirrors what the game shows —
//! real headings, labels, inputs, lists, radio buttons, boxes and buttons —
//! and that can be *operated*: each control carries, in `data-do` and
//! `data-id`, the action the game's own control would take, which
//! [`command`] turns back into the game's message (the `semdom` module
//! wires it in the browser). Typed values are never written into the HTML
//! (the page sets them on the inputs, see [`values`]), so typing rebuilds
//! nothing. Browser tests read it too. Pure, so it is tested natively.

use dedale_core::Lang;
use dedale_core::debrief::{Debrief, debrief, words};
use dedale_core::engine::{Action, Answer, Feedback};
use dedale_core::metrics::report::Report;
use dedale_core::model::{Block, Device, Mode};
use dedale_core::rules;

use crate::catalog::Catalog;
use crate::game::Play;
use crate::i18n::{Strings, falc_note, strings};
use crate::screen::Screen;
use crate::settings::Settings;

/// Escapes text for HTML (text and attribute values).
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The mirror's HTML as the words a voice reads: each heading, paragraph,
/// list item, label and button a sentence of its own, so the voice pauses
/// between them.
pub fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[start + 1..start + len];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        let block = matches!(
            name,
            "h1" | "h2" | "h3" | "p" | "li" | "label" | "legend" | "button" | "summary" | "option"
        );
        if tag.starts_with('/') && block || name == "br" {
            let kept = out.trim_end().len();
            out.truncate(kept);
            let ends = kept == 0 || out.ends_with(['.', '!', '?', ':', '…']);
            out.push_str(if ends { " " } else { ". " });
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// The HTML id of an input of the portal (the first radio button of a group
/// adds `-0`, the next `-1`…).
pub fn dom_id(field: &str) -> String {
    format!("sd-{}", esc(field))
}

/// The id of the current screen's main heading, which takes the keyboard when
/// the screen or the portal's page changes under a screen-reader user.
pub const HEADING_ID: &str = "sd-titre";

/// What a control of the hidden page asks the game to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An engine action, as the portal, folder, phone or dialogue would send it.
    Act(Action),
    /// Give the game's keyboard focus to this input, so the canvas shows where
    /// the screen-reader user is.
    Focus(String),
    /// Go to this screen (title, choice, briefing's start).
    Go(Screen),
    /// Start the catalog's scenario at this index.
    Play(usize),
    /// Start the run's scenario again.
    Replay,
    /// The title's language.
    Lang(Lang),
    /// The title's mode.
    Mode(Mode),
}

/// The command of a DOM event on a control of the hidden page: `event` is the
/// DOM event's type (`click`, `input`, `change`, `enter`: Enter pressed in a
/// text input, `focusin`), `verb`, `id` and `arg` the control's `data-do`,
/// `data-id` and `data-arg`, `value` and `checked` its state after the event.
/// `None` when the event means nothing for the game.
pub fn command(
    event: &str,
    verb: &str,
    id: &str,
    arg: &str,
    value: &str,
    checked: bool,
) -> Option<Command> {
    let act = |a: Action| Some(Command::Act(a));
    let (id, arg) = (id.to_string(), arg.to_string());
    match (event, verb) {
        ("focusin", "fill" | "choose" | "tick" | "upload") => Some(Command::Focus(id)),
        ("input", "fill") => act(Action::Fill {
            field: id,
            value: value.to_string(),
        }),
        // Enter in a text input sends the form, as on a real site: `data-arg` is
        // the page's first checking button, as the game's own Enter presses.
        ("enter", "fill") if !arg.is_empty() => act(Action::Press { button: arg }),
        ("change", "choose") if !value.is_empty() => act(Action::Choose {
            field: id,
            option: value.to_string(),
        }),
        ("change", "tick") => act(Action::Tick { field: id, checked }),
        ("change", "lang") => match value {
            "fr" => Some(Command::Lang(Lang::Fr)),
            "en" => Some(Command::Lang(Lang::En)),
            "falc" => Some(Command::Lang(Lang::Falc)),
            _ => None,
        },
        ("change", "mode") => match value {
            "atelier" => Some(Command::Mode(Mode::Atelier)),
            "formation" => Some(Command::Mode(Mode::Formation)),
            _ => None,
        },
        ("click", "press") => act(Action::Press { button: id }),
        ("click", "upload") => act(Action::Upload {
            field: id,
            document: arg,
        }),
        // A document or message is opened when its disclosure opens (`checked`:
        // it was open already, and this click closes it).
        ("click", "open") if !checked => act(Action::OpenDocument { document: id }),
        ("click", "read") if !checked => act(Action::ReadMessage { message: id }),
        ("click", "link") => act(Action::FollowLink {
            message: id,
            link: arg,
        }),
        ("click", "say") => act(Action::Say { line: id }),
        ("click", "wait") => act(Action::Wait {
            seconds: arg.parse().ok()?,
        }),
        ("click", "hint") => act(Action::Hint),
        ("click", "extend") => act(Action::ExtendTime),
        ("click", "back") => act(Action::Back),
        ("click", "start") => Some(Command::Go(Screen::Choice)),
        ("click", "title") => Some(Command::Go(Screen::Title)),
        ("click", "begin") => Some(Command::Go(Screen::Playing)),
        ("click", "play") => Some(Command::Play(arg.parse().ok()?)),
        ("click", "replay") => Some(Command::Replay),
        _ => None,
    }
}

/// A button of the hidden page. Its HTML id, made of what it does, lets the
/// keyboard stay on it when the page is rebuilt (a hint's counter changed).
fn button(verb: &str, id: &str, arg: &str, text: &str) -> String {
    let (id, arg) = (esc(id), esc(arg));
    format!(
        "<button type=\"button\" id=\"sd-{verb}-{id}-{arg}\" data-do=\"{verb}\" data-id=\"{id}\" data-arg=\"{arg}\">{}</button>",
        esc(text)
    )
}

/// The current screen as HTML that can be operated (headings, paragraphs,
/// lists, inputs and buttons). Typed values are not in it: see [`values`].
pub fn html(
    screen: Screen,
    play: Option<&Play>,
    catalog: &Catalog,
    report: &Report,
    settings: &Settings,
) -> String {
    let lang = settings.lang;
    let s = strings(lang);
    let h1 = |text: &str| format!("<h1 id=\"{HEADING_ID}\" tabindex=\"-1\">{}</h1>", esc(text));
    match (screen, play) {
        (Screen::Trainer, _) => {
            let t = s.trainer;
            let mut out = format!("{}<p>{}</p>", h1(t.title), esc(t.intro));
            if report.sessions == 0 {
                out.push_str(&format!("<p>{}</p>", esc(t.empty)));
            }
            for line in report.text(lang).lines().filter(|l| !l.trim().is_empty()) {
                out.push_str(&format!("<p>{}</p>", esc(line)));
            }
            out
        }
        (Screen::Loading, _) => format!("{}<p>{}</p>", h1("Dédale"), esc(s.loading)),
        (Screen::Title, _) => title(s, settings, h1("Dédale")),
        (Screen::Choice, _) => {
            let mut out = format!(
                "{}<p>{}</p>",
                h1(s.choose_title),
                button("title", "", "", s.back)
            );
            for (i, e) in catalog.entries.iter().enumerate() {
                match &e.scenario {
                    Ok(sc) => {
                        let m = &sc.meta;
                        out.push_str(&format!(
                            "<section aria-labelledby=\"sd-scenario-{i}\"><h2 id=\"sd-scenario-{i}\">{}</h2><p>{}</p><p>{}</p><p>{} {}</p><p>{}</p></section>",
                            esc(m.title.get(lang)),
                            esc(m.procedure.get(lang)),
                            esc(m.summary.get(lang)),
                            m.duration_minutes,
                            esc(s.minutes),
                            button("play", "", &i.to_string(), s.play),
                        ));
                    }
                    Err(problems) => {
                        out.push_str(&format!(
                            "<h2>{}</h2><p>{}</p><ul>",
                            esc(&e.file),
                            esc(s.invalid_scenario)
                        ));
                        for p in problems {
                            out.push_str(&format!("<li class=\"probleme\">{}</li>", esc(p)));
                        }
                        out.push_str("</ul>");
                    }
                }
            }
            out
        }
        (Screen::Briefing, Some(p)) => {
            let mut out = format!(
                "{}{}<h2>{} : {}</h2><p>{}</p><h2>{}</h2><p>{}</p><h2>{}</h2><ul>",
                h1(p.scenario.meta.title.get(lang)),
                falc_note(lang, &p.scenario)
                    .map(|n| format!("<p>{}</p>", esc(n)))
                    .unwrap_or_default(),
                esc(s.who),
                esc(&p.scenario.persona.name),
                esc(p.scenario.persona.situation.get(lang)),
                esc(s.goal),
                esc(p.scenario.persona.goal.get(lang)),
                esc(s.folder),
            );
            for d in p.scenario.persona.documents.iter().filter(|d| !d.hidden) {
                out.push_str(&format!("<li>{}</li>", esc(d.title.get(lang))));
            }
            out + &format!(
                "</ul><p>{}</p><p>{} {}</p>",
                esc(s.folder_help),
                button("start", "", "", s.back),
                button("begin", "", "", s.begin)
            )
        }
        (Screen::Playing, Some(p)) => playing(p, lang),
        (Screen::Debrief, Some(p)) => debrief(&p.scenario, &p.state, lang)
            .map(|d| debrief_html(&d, lang))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The title: what the game is, start, then the language and the mode.
fn title(s: &Strings, settings: &Settings, h1: String) -> String {
    let (lang, mode) = (settings.lang, settings.mode);
    let radio = |group: &str, value: &str, text: &str, on: bool| {
        format!(
            "<div><input type=\"radio\" id=\"sd-{group}-{value}\" name=\"sd-{group}\" value=\"{value}\" data-do=\"{group}\"{}><label for=\"sd-{group}-{value}\">{}</label></div>",
            if on { " checked" } else { "" },
            esc(text)
        )
    };
    format!(
        "{h1}<p>{}</p><p>{}</p><fieldset><legend>{}</legend>{}{}{}</fieldset><fieldset><legend>{}</legend>{}{}</fieldset>",
        esc(s.tagline),
        button("start", "", "", s.start),
        esc(s.language),
        radio("lang", "fr", "Français", lang == Lang::Fr),
        radio("lang", "en", "English", lang == Lang::En),
        radio("lang", "falc", s.falc, lang == Lang::Falc),
        esc(s.mode),
        radio("mode", "atelier", s.mode_atelier, mode == Mode::Atelier),
        radio(
            "mode",
            "formation",
            s.mode_formation,
            mode == Mode::Formation
        ),
    )
}

/// The debrief in the order the screen shows it, scores and timeline included,
/// then the way on (play again, another procedure).
fn debrief_html(d: &Debrief, lang: Lang) -> String {
    let (s, w) = (strings(lang), words(lang));
    let mut out = format!(
        "<h1 id=\"{HEADING_ID}\" tabindex=\"-1\">{}</h1><p>{}</p>",
        esc(&d.title),
        esc(w.ending(d.kind))
    );
    if let Some(r) = &d.receipt {
        out.push_str(&format!("<p>{} {}</p>", esc(w.receipt), esc(r)));
    }
    out.push_str(&format!(
        "<p>{} {}</p>",
        button("replay", "", "", s.replay),
        button("start", "", "", s.other_scenario)
    ));
    if d.scores.is_some() {
        out.push_str(&format!("<h2>{}</h2><ul>", esc(w.scores)));
        for line in d.score_lines(lang) {
            out.push_str(&format!("<li>{}</li>", esc(&line)));
        }
        out.push_str("</ul>");
    }
    out.push_str(&format!(
        "<h2>{}</h2><p>{}</p><h2>{}</h2><ul>",
        esc(w.what_happened),
        esc(&d.what_happened),
        esc(w.remember)
    ));
    for r in &d.remember {
        out.push_str(&format!("<li>{}</li>", esc(r)));
    }
    out.push_str(&format!(
        "</ul><h2>{}</h2><p>{}</p>",
        esc(w.help_for_real),
        esc(&d.help)
    ));
    if !d.notes.is_empty() {
        out.push_str(&format!("<h2>{}</h2><ul>", esc(w.your_choices)));
        for n in &d.notes {
            out.push_str(&format!("<li>{}</li>", esc(n)));
        }
        out.push_str("</ul>");
    }
    out.push_str(&format!(
        "<h2>{}</h2><p>{}</p><ol>",
        esc(w.timeline),
        esc(&d.counts_line(lang))
    ));
    for m in &d.timeline {
        out.push_str(&format!("<li>{} {}</li>", m.when(), esc(&m.text)));
    }
    out + "</ol>"
}

/// An input's label, with "(obligatoire)" when it must be answered, as the portal shows it.
fn label_text(s: &Strings, text: &str, required: bool) -> String {
    if required {
        format!("{} ({})", esc(text), esc(s.required))
    } else {
        esc(text)
    }
}

/// The errors of one input, beside it, with the id its `aria-describedby` points at.
fn errors_of(p: &Play, field: &str, lang: Lang) -> String {
    let messages: Vec<String> = p
        .state
        .errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| esc(&e.kind.message(lang)))
        .collect();
    if messages.is_empty() {
        return String::new();
    }
    format!(
        "<p id=\"{}-erreur\" class=\"erreur-champ\">✖ {}</p>",
        dom_id(field),
        messages.join(" ; ")
    )
}

/// The attributes an input of the portal shares: its error state, what
/// describes it (help, error), and whether it must be answered.
fn input_attributes(p: &Play, field: &str, described: &[String], required: bool) -> String {
    let invalid = p.state.errors.iter().any(|e| e.field == field);
    let mut ids: Vec<String> = described.to_vec();
    if invalid {
        ids.push(format!("{}-erreur", dom_id(field)));
    }
    let mut out = String::new();
    if !ids.is_empty() {
        out.push_str(&format!(" aria-describedby=\"{}\"", ids.join(" ")));
    }
    if invalid {
        out.push_str(" aria-invalid=\"true\"");
    }
    if required {
        out.push_str(" aria-required=\"true\"");
    }
    out
}

/// A labelled text input bound to an engine input: `input` events send `Fill`,
/// Enter presses `submit` (the page's first checking button), as in the game.
fn text_input(
    p: &Play,
    field: &str,
    label: &str,
    secret: bool,
    described: &[String],
    required: bool,
    submit: &str,
) -> String {
    let id = dom_id(field);
    format!(
        "<label for=\"{id}\">{label}</label><input id=\"{id}\" type=\"{}\" autocomplete=\"off\" spellcheck=\"false\" data-do=\"fill\" data-id=\"{}\" data-arg=\"{}\"{}>",
        if secret { "password" } else { "text" },
        esc(field),
        esc(submit),
        input_attributes(p, field, described, required)
    )
}

/// One block of the portal's page.
fn block(p: &Play, block: &Block, submit: &str, lang: Lang) -> String {
    let s = strings(lang);
    let st = &p.state;
    match block {
        Block::Heading(t) => format!("<h2>{}</h2>", esc(t.get(lang))),
        Block::Paragraph(t) => format!("<p>{}</p>", esc(t.get(lang))),
        Block::Notice(n) => format!("<p class=\"notice\">{}</p>", esc(n.text.get(lang))),
        Block::Field(f) => {
            let mut described = Vec::new();
            let mut extra = String::new();
            if let Some(help) = &f.help {
                described.push(format!("{}-aide", dom_id(&f.id)));
                extra.push_str(&format!(
                    "<p id=\"{}-aide\">{}</p>",
                    dom_id(&f.id),
                    esc(help.get(lang))
                ));
            }
            // The password's rules (not whether the typed one meets them: that
            // would rebuild the page at each key).
            if let (rules::FieldKind::Password(policy), None) = (&f.kind, &f.same_as) {
                described.push(format!("{}-regles", dom_id(&f.id)));
                extra.push_str(&format!("<ul id=\"{}-regles\">", dom_id(&f.id)));
                for (rule, _) in rules::password_checklist(policy, "", lang) {
                    extra.push_str(&format!("<li>{}</li>", esc(&rule)));
                }
                extra.push_str("</ul>");
            }
            format!(
                "<div class=\"champ\">{}{extra}{}</div>",
                text_input(
                    p,
                    &f.id,
                    &label_text(s, f.label.get(lang), f.required),
                    f.secret,
                    &described,
                    f.required,
                    submit
                ),
                errors_of(p, &f.id, lang)
            )
        }
        Block::Choice(c) => {
            // Every option, by its label, the chosen one selected.
            let chosen = match st.answers.get(&c.id) {
                Some(Answer::Option(o)) => Some(o.as_str()),
                _ => None,
            };
            let id = dom_id(&c.id);
            let errors = errors_of(p, &c.id, lang);
            let label = label_text(s, c.label.get(lang), c.required);
            if c.list {
                let mut options = String::new();
                if chosen.is_none() {
                    options.push_str(&format!("<option value=\"\">{}</option>", esc(s.choose)));
                }
                for o in &c.options {
                    options.push_str(&format!(
                        "<option value=\"{}\"{}>{}</option>",
                        esc(&o.id),
                        if chosen == Some(o.id.as_str()) {
                            " selected"
                        } else {
                            ""
                        },
                        esc(o.label.get(lang))
                    ));
                }
                format!(
                    "<div class=\"champ\"><label for=\"{id}\">{label}</label><select id=\"{id}\" data-do=\"choose\" data-id=\"{}\"{}>{options}</select>{errors}</div>",
                    esc(&c.id),
                    input_attributes(p, &c.id, &[], c.required)
                )
            } else {
                let mut radios = String::new();
                for (i, o) in c.options.iter().enumerate() {
                    radios.push_str(&format!(
                        "<div><input type=\"radio\" id=\"{id}-{i}\" name=\"{id}\" value=\"{}\" data-do=\"choose\" data-id=\"{}\"{}{}><label for=\"{id}-{i}\">{}</label></div>",
                        esc(&o.id),
                        esc(&c.id),
                        if chosen == Some(o.id.as_str()) {
                            " checked"
                        } else {
                            ""
                        },
                        if i == 0 {
                            input_attributes(p, &c.id, &[], false)
                        } else {
                            String::new()
                        },
                        esc(o.label.get(lang))
                    ));
                }
                format!("<fieldset><legend>{label}</legend>{radios}{errors}</fieldset>")
            }
        }
        Block::Checkbox(c) => {
            let id = dom_id(&c.id);
            let checked = st.answers.get(&c.id) == Some(&Answer::Checked(true));
            format!(
                "<div class=\"champ\"><input type=\"checkbox\" id=\"{id}\" data-do=\"tick\" data-id=\"{}\"{}{}><label for=\"{id}\">{}</label>{}</div>",
                esc(&c.id),
                if checked { " checked" } else { "" },
                input_attributes(p, &c.id, &[], c.required),
                label_text(s, c.label.get(lang), c.required),
                errors_of(p, &c.id, lang)
            )
        }
        Block::Upload(u) => {
            // Like the game's file dialog: a button per file of the person's folder.
            let chosen = match st.answers.get(&u.id) {
                Some(Answer::Document(d)) => p
                    .scenario
                    .document(d)
                    .and_then(|d| d.file.as_ref())
                    .map(|f| f.name.clone()),
                _ => None,
            };
            let accepted: Vec<&str> = u.accept.iter().map(|f| f.name()).collect();
            let rules = s
                .upload_rules
                .replace("{formats}", &accepted.join(", "))
                .replace("{max}", &(u.max_kb / 1024).max(1).to_string());
            let mut files = String::new();
            for d in &p.scenario.persona.documents {
                let Some(f) = &d.file else { continue };
                let text = format!(
                    "{} : {} ({}, {} Ko)",
                    s.choose_file,
                    f.name,
                    f.format.name(),
                    f.size_kb
                );
                files.push_str(&format!(
                    "<li>{}</li>",
                    button("upload", &u.id, &d.id, &text)
                ));
            }
            format!(
                "<fieldset><legend>{}</legend><p>{}</p><p>{} : {}</p><p>{}</p><ul>{files}</ul>{}</fieldset>",
                label_text(s, u.label.get(lang), u.required),
                esc(&rules),
                esc(u.label.get(lang)),
                esc(chosen.as_deref().unwrap_or(s.no_file)),
                esc(s.your_files),
                errors_of(p, &u.id, lang)
            )
        }
        Block::Captcha(c) => {
            // The text alternative RGAA asks of a captcha: its characters, one by one.
            let drawn = st.captchas.get(&c.id).map_or("", String::as_str);
            let spelled: Vec<String> = drawn.chars().map(String::from).collect();
            let alt = format!("{}-alternative", dom_id(&c.id));
            format!(
                "<div class=\"champ\"><p id=\"{alt}\">{} — {} {}</p>{}{}</div>",
                esc(c.label.get(lang)),
                esc(s.captcha_alt),
                esc(&spelled.join(" ")),
                text_input(
                    p,
                    &c.id,
                    &label_text(s, c.label.get(lang), true),
                    false,
                    std::slice::from_ref(&alt),
                    true,
                    submit
                ),
                errors_of(p, &c.id, lang)
            )
        }
        Block::Code(c) => format!(
            "<div class=\"champ\">{}{}</div>",
            text_input(
                p,
                &c.id,
                &label_text(s, c.label.get(lang), true),
                false,
                &[],
                true,
                submit
            ),
            errors_of(p, &c.id, lang)
        ),
        Block::Button(b) => format!("<p>{}</p>", button("press", &b.id, "", b.label.get(lang))),
    }
}

/// The words of the page being played, as the "listen to the page" button reads them.
pub fn page_words(p: &Play, lang: Lang) -> String {
    plain(&playing(p, lang))
}

fn playing(p: &Play, lang: Lang) -> String {
    let s = strings(lang);
    let st = &p.state;
    let Some(page) = p.scenario.page(&st.page) else {
        return String::new();
    };
    // The address bar: whether the site is secure, and its domain whole, as text.
    let secure = page.address.starts_with("https://");
    let (scheme, host, path) = split_address(&page.address);
    let mut out = format!(
        "<h1 id=\"{HEADING_ID}\" tabindex=\"-1\">{}</h1><p class=\"adresse\">{} — {}<strong>{}</strong>{}</p>",
        esc(page.title.get(lang)),
        esc(if secure { s.secure } else { s.not_secure }),
        esc(scheme),
        esc(host),
        esc(path)
    );
    // Before the page's session expires: told first, with the button that gives more time.
    if let Some(left) = st.timeout_warning(&p.scenario) {
        out.push_str(&format!(
            "<div class=\"expiration\"><h2>{}</h2><p>{}</p><p>{}</p></div>",
            esc(s.timeout_title),
            esc(&timeout_help(s, left)),
            button("extend", "", "", s.timeout_more)
        ));
    }
    let hints = page.hints.len();
    let used = st.hints.get(&st.page).copied().map_or(0, usize::from);
    out.push_str("<p>");
    if !st.history.is_empty() {
        out.push_str(&button("back", "", "", s.browser_back));
        out.push(' ');
    }
    if used < hints {
        out.push_str(&button(
            "hint",
            "",
            "",
            &format!("{} ({used}/{hints})", s.hint),
        ));
    }
    out.push_str("</p>");
    if let Some(i) = st
        .incident
        .as_deref()
        .and_then(|id| p.scenario.incident(id))
    {
        out.push_str(&format!(
            "<p class=\"incident\">{}</p>",
            esc(i.message.get(lang))
        ));
    }
    if !st.errors.is_empty() {
        out.push_str(&format!(
            "<div class=\"erreurs\"><p>{}</p><ul>",
            esc(&s.form_errors(st.errors.len()))
        ));
        for e in &st.errors {
            let label = p.scenario.input_label(&e.field, lang);
            out.push_str(&format!(
                "<li class=\"erreur\">{} : {}</li>",
                esc(&label),
                esc(&e.kind.message(lang))
            ));
        }
        out.push_str("</ul></div>");
    }
    for f in &p.last {
        if let Feedback::Hint { level } = f
            && let Some(h) = page.hints.get(usize::from(*level).saturating_sub(1))
        {
            out.push_str(&format!(
                "<p class=\"indice\">{} {level} : {}</p>",
                esc(s.hint),
                esc(h.text.get(lang))
            ));
        }
    }
    // Only what the portal shows now (a block's `when`), as the page draws it.
    let submit = submit_button(p);
    for (_, b) in st.visible_blocks(&p.scenario, page) {
        out.push_str(&block(p, b, &submit, lang));
    }
    desk(p, lang, out)
}

/// The session-expiry warning's text, with the minutes left, as the game's dialog shows it.
fn timeout_help(s: &Strings, left_ms: u64) -> String {
    let minutes = left_ms.div_ceil(60_000).max(1);
    crate::i18n::fill(s.timeout_help, &[("n", &minutes.to_string())])
}

/// The page's first checking button: what Enter in a text input presses, in the game too.
fn submit_button(p: &Play) -> String {
    p.state
        .shown(&p.scenario)
        .into_iter()
        .find_map(|b| match b {
            Block::Button(b) if b.validates() => Some(b.id.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Beside the portal: messages received, the dialogue (mode *Formation*), the folder.
fn desk(p: &Play, lang: Lang, mut out: String) -> String {
    let s = strings(lang);
    let st = &p.state;
    // Messages received, newest first, with their codes: what the phone and mailbox show.
    // Each opens like a disclosure, which reads it (as opening it on the phone does).
    let received: Vec<String> = st
        .inbox
        .iter()
        .rev()
        .filter_map(|r| {
            let m = p.scenario.message(&r.message)?;
            let device = match m.device {
                Device::Phone => s.phone,
                Device::Mail => s.mail,
                Device::Post => s.post,
            };
            let body = m
                .body
                .get(lang)
                .replace("{code}", r.code.as_deref().unwrap_or(""));
            let subject = m
                .subject
                .as_ref()
                .map_or_else(String::new, |x| format!(" — {}", x.get(lang)));
            let verb = if r.read { "opened" } else { "read" };
            let links: String = m
                .links
                .iter()
                .map(|l| button("link", &m.id, &l.id, &l.text))
                .collect();
            Some(format!(
                "<li class=\"message\"><details id=\"sd-message-{0}\"><summary id=\"sd-message-{0}-titre\" data-do=\"{verb}\" data-id=\"{0}\">{device} — {1}{2}</summary><p>{3}</p>{links}</details></li>",
                esc(&r.message),
                esc(&m.from),
                esc(&subject),
                esc(&body)
            ))
        })
        .collect();
    if !received.is_empty() {
        out.push_str(&format!(
            "<h2>{} / {}</h2><ul>{}</ul>",
            esc(s.phone),
            esc(s.mail),
            received.join("")
        ));
    }
    if let Some(ms) = st.next_arrival_in_ms() {
        out.push_str(&format!(
            "<p>{} {}</p>",
            esc(s.letter_on_its_way),
            button(
                "wait",
                "",
                &ms.div_ceil(1000).min(u64::from(u32::MAX)).to_string(),
                s.wait_for_letter
            )
        ));
    }
    if st.mode == Mode::Formation {
        let w = words(lang);
        out.push_str(&format!(
            "<h2>{}</h2><p>{} ; {}</p>",
            esc(s.dialogue),
            esc(&w.score(w.rights, st.droits)),
            esc(&w.score(w.autonomy, st.autonomie))
        ));
        let persona = &p.scenario.persona.name;
        if let Some((_, _, line)) = p.last.iter().find_map(|f| match f {
            Feedback::Reply(line) => p.scenario.line(line),
            _ => None,
        }) {
            out.push_str(&format!(
                "<p>{} : « {} »</p>",
                esc(s.you),
                esc(line.text.get(lang))
            ));
            if let Some(r) = &line.reply {
                out.push_str(&format!(
                    "<p>{} : « {} »</p>",
                    esc(persona),
                    esc(r.get(lang))
                ));
            }
        }
        if let Some(session) = p.session() {
            for d in session.open_dialogues() {
                out.push_str(&format!(
                    "<p>{} : « {} »</p><ul>",
                    esc(persona),
                    esc(d.says.get(lang))
                ));
                for line in &d.lines {
                    out.push_str(&format!(
                        "<li>{}</li>",
                        button("say", &line.id, "", line.text.get(lang))
                    ));
                }
                out.push_str("</ul>");
            }
        }
    }
    // The folder: what the papers say, each opened like a disclosure (which
    // opens it on the desk too). A hidden document (a receipt to download) is
    // in the folder only once downloaded.
    out.push_str(&format!("<h2>{}</h2>", esc(s.folder)));
    // A hidden document (a receipt to download) is in the folder only once
    // downloaded; one the trainer's switches leave out, never.
    let in_folder = p
        .scenario
        .persona
        .documents
        .iter()
        .filter(|d| st.in_folder(d));
    for d in in_folder {
        out.push_str(&format!(
            "<details id=\"sd-document-{0}\"><summary id=\"sd-document-{0}-titre\" data-do=\"open\" data-id=\"{0}\">{1}</summary><ul class=\"document\">",
            esc(&d.id),
            esc(d.title.get(lang))
        ));
        for l in &d.lines {
            out.push_str(&format!(
                "<li>{} : {}</li>",
                esc(l.label.get(lang)),
                esc(&l.value)
            ));
        }
        out.push_str("</ul></details>");
    }
    out
}

/// What the page's live region says after a change: an incident, the form's
/// errors, a hint, a message that arrived. Empty when nothing needs saying.
pub fn announcement(screen: Screen, play: Option<&Play>, lang: Lang) -> String {
    let (Screen::Playing, Some(p)) = (screen, play) else {
        return String::new();
    };
    let s = strings(lang);
    let st = &p.state;
    let mut said = Vec::new();
    if let Some(left) = st.timeout_warning(&p.scenario) {
        said.push(format!("{} {}", s.timeout_title, timeout_help(s, left)));
    }
    if let Some(i) = st
        .incident
        .as_deref()
        .and_then(|id| p.scenario.incident(id))
    {
        said.push(i.message.get(lang).to_string());
    }
    if !st.errors.is_empty() {
        let listed: Vec<String> = st
            .errors
            .iter()
            .map(|e| {
                format!(
                    "{} : {}",
                    p.scenario.input_label(&e.field, lang),
                    e.kind.message(lang)
                )
            })
            .collect();
        said.push(format!(
            "{} {}",
            s.form_errors(st.errors.len()),
            listed.join(" ; ")
        ));
    }
    let page = p.scenario.page(&st.page);
    for f in &p.last {
        match f {
            Feedback::Hint { level } => {
                if let Some(h) =
                    page.and_then(|pg| pg.hints.get(usize::from(*level).saturating_sub(1)))
                {
                    said.push(format!("{} {level} : {}", s.hint, h.text.get(lang)));
                }
            }
            Feedback::Received(id) => {
                if let Some(m) = p.scenario.message(id) {
                    let device = match m.device {
                        Device::Phone => s.phone,
                        Device::Mail => s.mail,
                        Device::Post => s.post,
                    };
                    said.push(format!("{device} — {}", m.from));
                }
            }
            _ => {}
        }
    }
    said.join(" ")
}

/// The values typed into the current page's text inputs, by HTML id: the page
/// sets them on its inputs (never into the HTML), so what the player typed on
/// the canvas is in the hidden page too.
pub fn values(screen: Screen, play: Option<&Play>) -> Vec<(String, String)> {
    let (Screen::Playing, Some(p)) = (screen, play) else {
        return Vec::new();
    };
    p.state
        .shown(&p.scenario)
        .into_iter()
        .filter(|b| matches!(b, Block::Field(_) | Block::Captcha(_) | Block::Code(_)))
        .filter_map(|b| b.input_id())
        .map(|id| (dom_id(id), p.state.text(id).unwrap_or_default().to_string()))
        .collect()
}

/// Where the player is, to know when the screen or the portal's page changed.
pub fn place(screen: Screen, play: Option<&Play>) -> String {
    match (screen, play) {
        (Screen::Playing, Some(p)) => format!("{screen:?}:{}", p.state.page),
        _ => format!("{screen:?}"),
    }
}

/// An address as the bar shows it: the scheme (`https://`), the domain, and
/// the rest (path, query), which alone may be shortened.
pub fn split_address(address: &str) -> (&str, &str, &str) {
    let (scheme, rest) = match address.find("://") {
        Some(i) => address.split_at(i + 3),
        None => ("", address),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(end);
    (scheme, host, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_voice_reads_each_block_as_a_sentence() {
        assert_eq!(
            plain("<h1>Connexion</h1><p>Votre code :</p><ul><li>A &amp; B</li><li>Fin.</li></ul>"),
            "Connexion. Votre code : A & B. Fin."
        );
        assert_eq!(plain("texte <b>gras"), "texte gras");
        assert_eq!(plain("coupé <p"), "coupé");
        assert_eq!(
            plain("<label for=\"x\">Nom</label><input id=\"x\"><button>Envoyer</button>"),
            "Nom. Envoyer."
        );
    }

    #[test]
    fn the_mirror_shows_errors_codes_and_escapes_text() {
        use dedale_core::engine::Action;
        let play = crate::game::shipped_play(
            5,
            vec![
                Action::Press {
                    button: "se_connecter".into(),
                },
                Action::Fill {
                    field: "nir".into(),
                    value: "<b>1</b>".into(),
                },
                Action::Press {
                    button: "se_connecter".into(),
                },
            ],
        );
        let html = html(
            Screen::Playing,
            Some(&play),
            &Catalog::default(),
            &Report::default(),
            &Settings::default(),
        );
        assert!(
            html.contains("<h1 id=\"sd-titre\" tabindex=\"-1\">Connexion à Mon espace</h1>"),
            "{html}"
        );
        assert!(html.contains("class=\"erreur\""), "{html}");
        assert!(
            !html.contains("<b>1</b>"),
            "typed text never goes into the mirror"
        );
        assert!(
            !html.contains("Accusé de réception de la demande de RSA"),
            "a receipt not downloaded yet is not in the folder"
        );
    }

    #[test]
    fn the_mirror_names_every_option_and_spells_the_captcha() {
        let mut play = crate::game::shipped_play_of(1, 5, Vec::new());
        let mirror = |play: &Play| {
            html(
                Screen::Playing,
                Some(play),
                &Catalog::default(),
                &Report::default(),
                &Settings::default(),
            )
        };
        play.state.page = "rdv_accueil".into();
        play.state
            .answers
            .insert("motif".into(), Answer::Option("premiere_demande".into()));
        let page = mirror(&play);
        assert!(
            page.contains(
                "<option value=\"premiere_demande\" selected>Première demande de titre de séjour</option>"
            ) && page.contains(">Renouvellement de titre de séjour</option>"),
            "{page}"
        );
        assert!(
            !page.contains(">premiere_demande<"),
            "no raw id is shown: {page}"
        );
        play.state.page = "verification".into();
        play.state.captchas.insert("captcha".into(), "K7PX2".into());
        let page = mirror(&play);
        assert!(page.contains("caractères à recopier : K 7 P X 2"), "{page}");
    }

    #[test]
    fn the_briefing_tells_in_plain_french_that_the_scenario_lacks_it() {
        // The shipped scenarios give FALC texts: a copy without them needs the note.
        let play = crate::game::shipped_play(1, Vec::new());
        let briefing = |play: &Play, lang| {
            html(
                Screen::Briefing,
                Some(play),
                &Catalog::default(),
                &Report::default(),
                &Settings {
                    lang,
                    ..Settings::default()
                },
            )
        };
        let note = crate::i18n::strings(Lang::Falc).falc_missing;
        assert!(
            !briefing(&play, Lang::Falc).contains(note),
            "a scenario that gives FALC needs no note"
        );
        let mut lacking = play.clone();
        std::sync::Arc::make_mut(&mut lacking.scenario)
            .meta
            .languages
            .retain(|l| *l != Lang::Falc);
        assert!(briefing(&lacking, Lang::Falc).contains(note));
        assert!(!briefing(&lacking, Lang::Fr).contains(note));
    }

    #[test]
    fn the_mirror_reads_the_whole_debrief() {
        use dedale_core::engine::Action;
        let play = crate::game::shipped_play(
            5,
            vec![
                Action::Press {
                    button: "se_connecter".into(),
                },
                Action::Hint,
                Action::Abandon,
            ],
        );
        let html = html(
            Screen::Debrief,
            Some(&play),
            &Catalog::default(),
            &Report::default(),
            &Settings::default(),
        );
        assert!(html.contains("<h2>Ce qui s'est passé</h2>"), "{html}");
        assert!(html.contains("<h2>Votre parcours</h2>"), "{html}");
        assert!(
            html.contains("<p>Aucune erreur de saisie, 1 indice, aucun incident.</p>"),
            "{html}"
        );
        assert!(html.contains("<li>00:00 Page « "), "{html}");
    }

    #[test]
    fn the_portal_page_has_labelled_controls_that_act_and_no_typed_value() {
        use dedale_core::engine::Action;
        let play = crate::game::shipped_play(
            5,
            vec![
                Action::Press {
                    button: "se_connecter".into(),
                },
                Action::Fill {
                    field: "nir".into(),
                    value: "2 84 05".into(),
                },
            ],
        );
        let html = html(
            Screen::Playing,
            Some(&play),
            &Catalog::default(),
            &Report::default(),
            &Settings::default(),
        );
        // A label tied to its input, the input typed as what the engine expects of it.
        assert!(
            html.contains("<label for=\"sd-nir\">Numéro de sécurité sociale (obligatoire)</label><input id=\"sd-nir\" type=\"text\""),
            "{html}"
        );
        assert!(
            html.contains("data-do=\"fill\" data-id=\"nir\" data-arg=\"se_connecter\""),
            "{html}"
        );
        assert!(
            html.contains("type=\"password\""),
            "the password is a password input: {html}"
        );
        assert!(
            html.contains(
                "<button type=\"button\" id=\"sd-press-se_connecter-\" data-do=\"press\" data-id=\"se_connecter\""
            ),
            "{html}"
        );
        assert!(html.contains(&format!("<h1 id=\"{HEADING_ID}\" tabindex=\"-1\">")));
        assert!(
            html.contains("<strong>www.mesallocs.example</strong>"),
            "the domain, whole: {html}"
        );
        assert!(
            !html.contains("2 84 05"),
            "typed text never goes into the HTML"
        );
        assert_eq!(
            values(Screen::Playing, Some(&play)).first(),
            Some(&("sd-nir".to_string(), "2 84 05".to_string())),
            "it is set on the input instead"
        );
    }

    #[test]
    fn an_error_is_tied_to_its_input_and_said_in_the_live_region() {
        use dedale_core::engine::Action;
        let play = crate::game::shipped_play(
            5,
            vec![
                Action::Press {
                    button: "se_connecter".into(),
                },
                Action::Press {
                    button: "se_connecter".into(),
                },
            ],
        );
        let html = html(
            Screen::Playing,
            Some(&play),
            &Catalog::default(),
            &Report::default(),
            &Settings::default(),
        );
        assert!(
            html.contains("aria-describedby=\"sd-nir-aide sd-nir-erreur\" aria-invalid=\"true\""),
            "{html}"
        );
        assert!(
            html.contains("<p id=\"sd-nir-erreur\" class=\"erreur-champ\">✖ "),
            "{html}"
        );
        let said = announcement(Screen::Playing, Some(&play), Lang::Fr);
        assert!(said.starts_with("Le formulaire contient"), "{said}");
        assert!(said.contains("Numéro de sécurité sociale : "), "{said}");
        assert_eq!(announcement(Screen::Title, None, Lang::Fr), "");
    }

    #[test]
    fn the_session_expiry_warning_and_its_button_are_in_the_page() {
        let mut play = crate::game::shipped_play(1, Vec::new());
        // The income page closes the session after 15 minutes without any action.
        play.state.page = "ressources".into();
        let page = |play: &Play| {
            html(
                Screen::Playing,
                Some(play),
                &Catalog::default(),
                &Report::default(),
                &Settings::default(),
            )
        };
        assert!(!page(&play).contains("data-do=\"extend\""));
        play.state.idle_ms = 15 * 60_000 - 90_000;
        let warned = page(&play);
        assert!(warned.contains("data-do=\"extend\""), "{warned}");
        assert!(
            announcement(Screen::Playing, Some(&play), Lang::Fr)
                .starts_with(crate::i18n::strings(Lang::Fr).timeout_title),
            "said at once"
        );
    }

    #[test]
    fn the_title_offers_start_language_and_mode() {
        let settings = Settings {
            lang: Lang::En,
            mode: Mode::Formation,
            ..Settings::default()
        };
        let html = html(
            Screen::Title,
            None,
            &Catalog::default(),
            &Report::default(),
            &settings,
        );
        assert!(html.contains("data-do=\"start\""), "{html}");
        assert!(
            html.contains("value=\"en\" data-do=\"lang\" checked"),
            "{html}"
        );
        assert!(
            html.contains("value=\"formation\" data-do=\"mode\" checked"),
            "{html}"
        );
        assert!(html.contains("<legend>Language</legend>"), "{html}");
    }

    #[test]
    fn each_control_sends_what_the_game_control_sends() {
        use dedale_core::engine::Action;
        let act = |a: Action| Some(Command::Act(a));
        assert_eq!(
            command("input", "fill", "nir", "se_connecter", "1 84", false),
            act(Action::Fill {
                field: "nir".into(),
                value: "1 84".into()
            })
        );
        assert_eq!(
            command("enter", "fill", "nir", "se_connecter", "", false),
            act(Action::Press {
                button: "se_connecter".into()
            })
        );
        assert_eq!(command("enter", "fill", "nir", "", "", false), None);
        assert_eq!(
            command("change", "choose", "motif", "", "renouvellement", false),
            act(Action::Choose {
                field: "motif".into(),
                option: "renouvellement".into()
            })
        );
        assert_eq!(
            command("change", "choose", "motif", "", "", false),
            None,
            "the list's « Choisir » line is no option"
        );
        assert_eq!(
            command("change", "tick", "cgu", "", "on", true),
            act(Action::Tick {
                field: "cgu".into(),
                checked: true
            })
        );
        assert_eq!(
            command("click", "upload", "avis", "avis_pdf", "", false),
            act(Action::Upload {
                field: "avis".into(),
                document: "avis_pdf".into()
            })
        );
        assert_eq!(
            command("click", "open", "vitale", "", "", false),
            act(Action::OpenDocument {
                document: "vitale".into()
            })
        );
        assert_eq!(
            command("click", "open", "vitale", "", "", true),
            None,
            "closing a document is not opening it"
        );
        assert_eq!(
            command("click", "wait", "", "3600", "", false),
            act(Action::Wait { seconds: 3600 })
        );
        assert_eq!(command("click", "wait", "", "beaucoup", "", false), None);
        assert_eq!(
            command("focusin", "fill", "nir", "", "", false),
            Some(Command::Focus("nir".into()))
        );
        assert_eq!(command("focusin", "press", "ok", "", "", false), None);
        assert_eq!(
            command("click", "play", "", "1", "", false),
            Some(Command::Play(1))
        );
        assert_eq!(
            command("change", "lang", "", "", "falc", true),
            Some(Command::Lang(Lang::Falc))
        );
        assert_eq!(
            command("click", "begin", "", "", "", false),
            Some(Command::Go(Screen::Playing))
        );
        assert_eq!(
            command("click", "extend", "", "", "", false),
            act(Action::ExtendTime)
        );
        assert_eq!(command("click", "nimporte", "", "", "", false), None);
    }
}
