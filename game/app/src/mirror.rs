//! The screen as text, for the page's ARIA live region: a canvas is invisible
//! to screen readers, so the browser build mirrors what the game shows —
//! page title, fields with labels and errors, messages, hints, the debrief.
//! Browser tests read it too. Pure, so it is tested natively.

use dedale_core::Lang;
use dedale_core::debrief::{Debrief, debrief, words};
use dedale_core::engine::{Answer, Feedback};
use dedale_core::metrics::report::Report;
use dedale_core::model::{Block, Device, Mode};

use crate::catalog::Catalog;
use crate::game::Play;
use crate::i18n::{falc_note, strings};
use crate::screen::Screen;

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The mirror's HTML as the words a voice reads: each heading, paragraph and
/// list item a sentence of its own, so the voice pauses between them.
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
        if tag.starts_with('/') && matches!(name, "h1" | "h2" | "h3" | "p" | "li") || name == "br" {
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

/// The current screen as simple HTML (headings, paragraphs, lists).
pub fn html(
    screen: Screen,
    play: Option<&Play>,
    catalog: &Catalog,
    report: &Report,
    lang: Lang,
) -> String {
    let s = strings(lang);
    match (screen, play) {
        (Screen::Trainer, _) => {
            let t = s.trainer;
            let mut out = format!("<h1>{}</h1><p>{}</p>", esc(t.title), esc(t.intro));
            if report.sessions == 0 {
                out.push_str(&format!("<p>{}</p>", esc(t.empty)));
            }
            for line in report.text(lang).lines().filter(|l| !l.trim().is_empty()) {
                out.push_str(&format!("<p>{}</p>", esc(line)));
            }
            out
        }
        (Screen::Loading, _) => format!("<h1>Dédale</h1><p>{}</p>", esc(s.loading)),
        (Screen::Title, _) => format!(
            "<h1>Dédale</h1><p>{}</p><p>{}</p>",
            esc(s.tagline),
            esc(s.start)
        ),
        (Screen::Choice, _) => {
            let mut out = format!("<h1>{}</h1><ul>", esc(s.choose_title));
            for e in &catalog.entries {
                match &e.scenario {
                    Ok(sc) => out.push_str(&format!(
                        "<li>{} — {}</li>",
                        esc(sc.meta.title.get(lang)),
                        esc(sc.meta.summary.get(lang))
                    )),
                    Err(problems) => {
                        out.push_str(&format!(
                            "<li>{} : {}<ul>",
                            esc(&e.file),
                            esc(s.invalid_scenario)
                        ));
                        for p in problems {
                            out.push_str(&format!("<li class=\"probleme\">{}</li>", esc(p)));
                        }
                        out.push_str("</ul></li>");
                    }
                }
            }
            out + "</ul>"
        }
        (Screen::Briefing, Some(p)) => format!(
            "<h1>{}</h1>{}<p>{} : {}</p><p>{}</p><p>{}</p>",
            esc(p.scenario.meta.title.get(lang)),
            falc_note(lang, &p.scenario)
                .map(|n| format!("<p>{}</p>", esc(n)))
                .unwrap_or_default(),
            esc(s.who),
            esc(&p.scenario.persona.name),
            esc(p.scenario.persona.situation.get(lang)),
            esc(p.scenario.persona.goal.get(lang))
        ),
        (Screen::Playing, Some(p)) => playing(p, lang),
        (Screen::Debrief, Some(p)) => debrief(&p.scenario, &p.state, lang)
            .map(|d| debrief_html(&d, lang))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The debrief in the order the screen shows it, scores and timeline included.
fn debrief_html(d: &Debrief, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("<h1>{}</h1><p>{}</p>", esc(&d.title), esc(w.ending(d.kind)));
    if let Some(r) = &d.receipt {
        out.push_str(&format!("<p>{} {}</p>", esc(w.receipt), esc(r)));
    }
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
    let mut out = format!(
        "<h1>{}</h1><p class=\"adresse\">{}</p>",
        esc(page.title.get(lang)),
        esc(&page.address)
    );
    if let Some(i) = st
        .incident
        .as_deref()
        .and_then(|id| p.scenario.incident(id))
    {
        out.push_str(&format!(
            "<p role=\"alert\">{}</p>",
            esc(i.message.get(lang))
        ));
    }
    if !st.errors.is_empty() {
        out.push_str(&format!(
            "<p role=\"alert\">{}</p><ul>",
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
        out.push_str("</ul>");
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
    out.push_str("<ul>");
    // Only what the portal shows now (a block's `when`), as the page draws it.
    for (_, block) in st.visible_blocks(&p.scenario, page) {
        let line = match block {
            Block::Heading(t) | Block::Paragraph(t) => esc(t.get(lang)),
            Block::Notice(n) => esc(n.text.get(lang)),
            Block::Button(b) => format!("[{}]", esc(b.label.get(lang))),
            Block::Choice(c) => {
                // Every option, by its label, the chosen one marked: a screen-reader
                // user hears the appointment slots a sighted player sees.
                let chosen = match st.answers.get(&c.id) {
                    Some(Answer::Option(o)) => Some(o.as_str()),
                    _ => None,
                };
                let options: String = c
                    .options
                    .iter()
                    .map(|o| {
                        let mark = if chosen == Some(o.id.as_str()) {
                            format!(" ({})", esc(s.chosen))
                        } else {
                            String::new()
                        };
                        format!("<li>{}{mark}</li>", esc(o.label.get(lang)))
                    })
                    .collect();
                format!("{}<ul>{options}</ul>", esc(c.label.get(lang)))
            }
            Block::Captcha(c) => {
                // The text alternative RGAA asks of a captcha: its characters, one by one.
                let drawn = st.captchas.get(&c.id).map_or("", String::as_str);
                let spelled: Vec<String> = drawn.chars().map(String::from).collect();
                format!(
                    "{} — {} {}",
                    esc(c.label.get(lang)),
                    esc(s.captcha_alt),
                    esc(&spelled.join(" "))
                )
            }
            other => {
                let label = other.label().map_or("", |l| l.get(lang));
                let id = other.input_id().unwrap_or_default();
                let value = match st.answers.get(id) {
                    Some(Answer::Checked(true)) => " : ✔".into(),
                    Some(Answer::Document(d)) => p
                        .scenario
                        .document(d)
                        .and_then(|d| d.file.as_ref())
                        .map_or_else(String::new, |f| format!(" : {}", esc(&f.name))),
                    _ => String::new(),
                };
                format!("{}{value}", esc(label))
            }
        };
        out.push_str(&format!("<li>{line}</li>"));
    }
    out.push_str("</ul>");
    // Messages received, newest first, with their codes: what the phone and mailbox show.
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
            Some(format!(
                "<li class=\"message\">{device} — {} : {}</li>",
                esc(&m.from),
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
    if st.mode == Mode::Formation {
        let w = words(lang);
        out.push_str(&format!(
            "<p>{} ; {}</p>",
            esc(&w.score(w.rights, st.droits)),
            esc(&w.score(w.autonomy, st.autonomie))
        ));
    }
    // The folder: what the papers say, as a sighted player reads them on the desk.
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
            "<h3>{}</h3><ul class=\"document\">",
            esc(d.title.get(lang))
        ));
        for l in &d.lines {
            out.push_str(&format!(
                "<li>{} : {}</li>",
                esc(l.label.get(lang)),
                esc(&l.value)
            ));
        }
        out.push_str("</ul>");
    }
    out
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
            Lang::Fr,
        );
        assert!(html.contains("<h1>Connexion à Mon espace</h1>"), "{html}");
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
                Lang::Fr,
            )
        };
        play.state.page = "rdv_accueil".into();
        play.state
            .answers
            .insert("motif".into(), Answer::Option("premiere_demande".into()));
        let page = mirror(&play);
        assert!(
            page.contains("<li>Première demande de titre de séjour (choisi)</li>")
                && page.contains("<li>Renouvellement de titre de séjour</li>"),
            "{page}"
        );
        assert!(!page.contains("premiere_demande"), "no raw id: {page}");
        play.state.page = "verification".into();
        play.state.captchas.insert("captcha".into(), "K7PX2".into());
        let page = mirror(&play);
        assert!(page.contains("caractères à recopier : K 7 P X 2"), "{page}");
    }

    #[test]
    fn the_briefing_tells_in_plain_french_that_the_scenario_lacks_it() {
        // A scenario written before FALC: French and English only.
        let mut play = crate::game::shipped_play(1, Vec::new());
        std::sync::Arc::make_mut(&mut play.scenario)
            .meta
            .languages
            .retain(|l| *l != Lang::Falc);
        let briefing = |lang| {
            html(
                Screen::Briefing,
                Some(&play),
                &Catalog::default(),
                &Report::default(),
                lang,
            )
        };
        let note = crate::i18n::strings(Lang::Falc).falc_missing;
        assert!(briefing(Lang::Falc).contains(note));
        assert!(!briefing(Lang::Fr).contains(note));
        let mut falc = play.clone();
        std::sync::Arc::make_mut(&mut falc.scenario)
            .meta
            .languages
            .push(Lang::Falc);
        let given = html(
            Screen::Briefing,
            Some(&falc),
            &Catalog::default(),
            &Report::default(),
            Lang::Falc,
        );
        assert!(
            !given.contains(note),
            "a scenario that gives FALC needs no note"
        );
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
            Lang::Fr,
        );
        assert!(html.contains("<h2>Ce qui s'est passé</h2>"), "{html}");
        assert!(html.contains("<h2>Votre parcours</h2>"), "{html}");
        assert!(
            html.contains("<p>Aucune erreur de saisie, 1 indice, aucun incident.</p>"),
            "{html}"
        );
        assert!(html.contains("<li>00:00 Page « "), "{html}");
    }
}
