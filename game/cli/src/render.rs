//! Draws the engine's state as text for the terminal.

use dedale_core::debrief::{self, Debrief};
use dedale_core::engine::{Answer, Feedback, Session};
use dedale_core::model::{Block, Device, Tone};
use dedale_core::{Lang, rules};

/// The current page, as the simulated browser shows it.
pub fn page(session: &Session<'_>, lang: Lang) -> String {
    let s = session.scenario();
    let st = session.state();
    let Some(page) = s.page(&st.page) else {
        return String::new();
    };
    let mut out = String::new();
    let lock = if page.address.starts_with("https://") {
        "🔒"
    } else {
        "⚠ "
    };
    out.push_str(&format!(
        "\n┌─ {lock} {}\n│ {}\n├{}\n",
        page.address,
        page.title.get(lang).to_uppercase(),
        "─".repeat(60)
    ));
    if let Some(i) = st.incident.as_deref().and_then(|id| s.incident(id)) {
        out.push_str(&format!("│ ⚠ {}\n", i.message.get(lang)));
    }
    if !st.errors.is_empty() {
        out.push_str(&format!(
            "│ ✖ {}\n",
            lang.pick(
                "Le formulaire contient des erreurs :",
                "The form has errors:"
            )
        ));
        for e in &st.errors {
            let label = s.input_label(&e.field, lang);
            out.push_str(&format!("│   – {label} : {}\n", e.kind.message(lang)));
        }
    }
    for block in session.visible_blocks() {
        out.push_str(&self::block(session, block, lang));
    }
    out.push_str(&format!("└{}\n", "─".repeat(60)));
    for d in session.open_dialogues() {
        out.push_str(&format!(
            "💬 {} : « {} »\n",
            s.persona.name,
            d.says.get(lang)
        ));
        for l in &d.lines {
            out.push_str(&format!("   [dire {}] {}\n", l.id, l.text.get(lang)));
        }
    }
    let unread = st.unread();
    if unread > 0 {
        out.push_str(&format!(
            "{} {unread}\n",
            lang.pick("📨 Messages non lus :", "📨 Unread messages:")
        ));
    }
    out
}

fn block(session: &Session<'_>, block: &Block, lang: Lang) -> String {
    let st = session.state();
    let value = |id: &str| match st.answers.get(id) {
        Some(Answer::Text(t)) => t.clone(),
        Some(Answer::Option(o)) => o.clone(),
        Some(Answer::Checked(true)) => "x".into(),
        Some(Answer::Document(d)) => d.clone(),
        _ => String::new(),
    };
    let error = |id: &str| {
        st.errors
            .iter()
            .filter(|e| e.field == id)
            .map(|e| format!("│     ✖ {}\n", e.kind.message(lang)))
            .collect::<String>()
    };
    match block {
        Block::Heading(t) => format!("│ ## {}\n", t.get(lang)),
        Block::Paragraph(t) => format!("│ {}\n", t.get(lang)),
        Block::Notice(n) => {
            let tag = match n.tone {
                Tone::Info => lang.pick("ℹ Information", "ℹ Information"),
                Tone::Warning => lang.pick("⚠ Attention", "⚠ Warning"),
                Tone::Error => lang.pick("✖ Erreur", "✖ Error"),
                Tone::Success => lang.pick("✔ Succès", "✔ Success"),
            };
            format!("│ [{tag}] {}\n", n.text.get(lang))
        }
        Block::Field(f) => {
            let star = if f.required { " *" } else { "" };
            let help = f
                .help
                .as_ref()
                .map_or(String::new(), |h| format!("│     ({})\n", h.get(lang)));
            let shown = if f.secret {
                "•".repeat(value(&f.id).chars().count())
            } else {
                value(&f.id)
            };
            let mut line = format!(
                "│ [{}] {}{star} : [{shown}]\n{help}",
                f.id,
                f.label.get(lang)
            );
            // A confirmation repeats a password: the rules are shown once, beside the first.
            if let (rules::FieldKind::Password(policy), None) = (&f.kind, &f.same_as) {
                for (rule, ok) in rules::password_checklist(policy, &value(&f.id), lang) {
                    line.push_str(&format!("│     {} {rule}\n", if ok { "✔" } else { "○" }));
                }
            }
            line + &error(&f.id)
        }
        Block::Choice(c) => {
            let chosen = value(&c.id);
            let mut line = format!("│ [{}] {}\n", c.id, c.label.get(lang));
            for o in &c.options {
                let mark = if o.id == chosen { "(•)" } else { "( )" };
                line.push_str(&format!("│     {mark} {} — {}\n", o.id, o.label.get(lang)));
            }
            line + &error(&c.id)
        }
        Block::Checkbox(c) => {
            let mark = if value(&c.id) == "x" { "[x]" } else { "[ ]" };
            format!("│ {mark} [{}] {}\n", c.id, c.label.get(lang)) + &error(&c.id)
        }
        Block::Upload(u) => {
            let accepted: Vec<&str> = u.accept.iter().map(|f| f.name()).collect();
            let file = value(&u.id);
            let file = if file.is_empty() {
                lang.pick("aucun fichier", "no file").to_string()
            } else {
                file
            };
            format!(
                "│ [{}] 📎 {} ({}, {} Ko max) : {file}\n",
                u.id,
                u.label.get(lang),
                accepted.join(", "),
                u.max_kb
            ) + &error(&u.id)
        }
        Block::Captcha(c) => {
            let drawn = st.captchas.get(&c.id).cloned().unwrap_or_default();
            let spaced: String = drawn.chars().map(|ch| format!("{ch} ")).collect();
            format!(
                "│ [{}] {} : ╳ {spaced}╳ → [{}]\n",
                c.id,
                c.label.get(lang),
                value(&c.id)
            ) + &error(&c.id)
        }
        Block::Code(c) => {
            format!("│ [{}] {} : [{}]\n", c.id, c.label.get(lang), value(&c.id)) + &error(&c.id)
        }
        Block::Button(b) => format!("│ < {} >  (appuyer {})\n", b.label.get(lang), b.id),
    }
}

/// What an action did, as lines to print.
pub fn feedback(session: &Session<'_>, feedback: &[Feedback], lang: Lang) -> String {
    let s = session.scenario();
    let st = session.state();
    let mut out = String::new();
    for f in feedback {
        match f {
            Feedback::Invalid(errors) => {
                for e in errors {
                    out.push_str(&format!("  ✖ {} : {}\n", e.field, e.kind.message(lang)));
                }
            }
            Feedback::Received(id) => {
                if let Some(m) = s.message(id) {
                    let device = match m.device {
                        Device::Phone => lang.pick("📱 Nouveau SMS de", "📱 New text from"),
                        Device::Mail => lang.pick("✉ Nouveau courriel de", "✉ New e-mail from"),
                        Device::Post => lang.pick(
                            "📬 Nouveau courrier dans la boîte aux lettres, de",
                            "📬 New letter in the letterbox, from",
                        ),
                    };
                    out.push_str(&format!("  {device} {} (lire {id})\n", m.from));
                }
            }
            Feedback::Incident(id) => {
                // The page drawn next shows the incident it holds; any other
                // (one that ended the session, or that another followed) is told here.
                let on_page = st.ending.is_none() && st.incident.as_deref() == Some(id);
                match s.incident(id).filter(|_| !on_page) {
                    Some(i) => out.push_str(&match lang {
                        Lang::En => format!("  ⚠ Incident \"{id}\": {}\n", i.message.get(lang)),
                        _ => format!("  ⚠ Incident « {id} » : {}\n", i.message.get(lang)),
                    }),
                    None => out.push_str(&format!(
                        "  ⚠ {} : {id}\n",
                        lang.pick("Incident", "Incident")
                    )),
                }
            }
            Feedback::Timeout(page) => {
                let default = lang.pick(
                    "Session expirée par inactivité.",
                    "Session expired after inactivity.",
                );
                let message = s
                    .page(page)
                    .and_then(|p| p.timeout.as_ref())
                    .map_or(default, |t| t.message.get(lang));
                out.push_str(&format!("  ⏱ {message}\n"));
            }
            Feedback::Hint { level } => {
                let hint = s
                    .page(&st.page)
                    .and_then(|p| p.hints.get(usize::from(*level).saturating_sub(1)));
                if let Some(h) = hint {
                    out.push_str(&format!(
                        "  💡 {} {level}/3 : {}\n",
                        lang.pick("Indice", "Hint"),
                        h.text.get(lang)
                    ));
                    if let Some(doc) = h.document.as_deref().and_then(|d| s.document(d)) {
                        out.push_str(&format!(
                            "     → {} : {}\n",
                            lang.pick("Regardez", "Look at"),
                            doc.title.get(lang)
                        ));
                    }
                }
            }
            Feedback::Reply(line) => {
                if let Some(reply) = s.line(line).and_then(|(_, _, l)| l.reply.as_ref()) {
                    out.push_str(&format!(
                        "  💬 {} : « {} »\n",
                        s.persona.name,
                        reply.get(lang)
                    ));
                }
            }
            Feedback::Ended(_) => out.push_str(&ending(session, lang)),
            Feedback::Refused(r) => out.push_str(&format!("  ⛔ {}\n", r.message(lang))),
            Feedback::Downloaded(id) => {
                if let Some(d) = s.document(id) {
                    out.push_str(&format!(
                        "  ⬇ {} « {} » {} (ouvrir {id})\n",
                        lang.pick("Fichier téléchargé :", "File downloaded:"),
                        d.title.get(lang),
                        lang.pick(
                            "— dans le dossier, rubrique « Téléchargements »",
                            "— in the folder, under “Downloads”"
                        ),
                    ));
                }
            }
            Feedback::Accepted | Feedback::Page(_) => {}
        }
    }
    out
}

fn ending(session: &Session<'_>, lang: Lang) -> String {
    match debrief::debrief(session.scenario(), session.state(), lang) {
        Some(d) => self::debrief(&d, lang),
        None => String::new(),
    }
}

/// The debrief of a finished run, in the order the game's screen shows it.
pub fn debrief(d: &Debrief, lang: Lang) -> String {
    let w = debrief::words(lang);
    let mut out = format!("\n═══ {} ═══\n{}\n", d.title, w.ending(d.kind));
    if let Some(receipt) = &d.receipt {
        out.push_str(&format!("{} {receipt}\n", w.receipt));
    }
    let scores = d.score_lines(lang);
    if !scores.is_empty() {
        out.push_str(&format!("\n{}{}\n", w.scores, w.colon));
        for line in scores {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push_str(&format!(
        "\n{}{}\n{}\n",
        w.what_happened, w.colon, d.what_happened
    ));
    out.push_str(&format!("\n{}{}\n", w.remember, w.colon));
    for r in &d.remember {
        out.push_str(&format!("  • {r}\n"));
    }
    out.push_str(&format!("\n{}{}\n{}\n", w.help_for_real, w.colon, d.help));
    if !d.notes.is_empty() {
        out.push_str(&format!("\n{}{}\n", w.your_choices, w.colon));
        for n in &d.notes {
            out.push_str(&format!("  • {n}\n"));
        }
    }
    out.push_str(&format!(
        "\n{}{} {}\n",
        w.timeline,
        w.colon,
        d.counts_line(lang)
    ));
    for m in &d.timeline {
        out.push_str(&format!("  {}  {}  {}\n", m.when(), m.icon, m.text));
    }
    out
}

/// A document of the folder, as printed.
pub fn document(session: &Session<'_>, id: &str, lang: Lang) -> String {
    let Some(d) = session.scenario().document(id) else {
        return String::new();
    };
    let mut out = format!("  ┌─ 📄 {}\n", d.title.get(lang));
    for l in &d.lines {
        out.push_str(&format!("  │ {} : {}\n", l.label.get(lang), l.value));
    }
    out + "  └─\n"
}

/// A received message, with its code.
pub fn message(session: &Session<'_>, id: &str, lang: Lang) -> String {
    let s = session.scenario();
    let Some(m) = s.message(id) else {
        return String::new();
    };
    let code = session
        .state()
        .code_of(id)
        .map(|(c, _)| c.to_string())
        .unwrap_or_default();
    let subject = m
        .subject
        .as_ref()
        .map_or(String::new(), |t| format!("  │ {}\n", t.get(lang)));
    let links: String = m
        .links
        .iter()
        .map(|l| format!("  │ 🔗 {}  (suivre {} {})\n", l.text, m.id, l.id))
        .collect();
    format!(
        "  ┌─ {} {}\n{subject}  │ {}\n{links}  └─\n",
        lang.pick("De :", "From:"),
        m.from,
        m.body.get(lang).replace("{code}", &code)
    )
}

/// The folder as the terminal lists it: the papers, then the downloaded files under their own heading.
pub fn folder(session: &Session<'_>, lang: Lang) -> String {
    let st = session.state();
    let docs = &session.scenario().persona.documents;
    let line = |d: &dedale_core::model::Document| {
        format!("  📄 {} — {} (ouvrir {})\n", d.id, d.title.get(lang), d.id)
    };
    let mut out: String = docs.iter().filter(|d| !d.hidden).map(line).collect();
    let downloaded: Vec<_> = st
        .downloads
        .iter()
        .filter_map(|id| docs.iter().find(|d| &d.id == id))
        .collect();
    if !downloaded.is_empty() {
        out.push_str(&format!(
            "  {}\n",
            lang.pick("⬇ Téléchargements :", "⬇ Downloads:")
        ));
        out.extend(downloaded.into_iter().map(|d| format!("  {}", line(d))));
    }
    out
}
