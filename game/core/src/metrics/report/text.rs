//! The report as plain text, for a terminal or an e-mail.

use std::fmt::Write;

use super::labels::{
    decimal, definitions, duration, incident, percent, plural, posture, sessions_read,
};
use super::{Report, ScenarioReport};
use crate::Lang;

pub fn render(r: &Report, lang: Lang) -> String {
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        t(
            "Rapport Dédale — mesures anonymes",
            "Dédale report — anonymous metrics"
        )
    );
    let _ = writeln!(o, "{}", sessions_read(r.sessions, lang));
    if r.sessions < super::MIN_GROUP {
        let _ = writeln!(
            o,
            "{}",
            t(
                "Attention : moins de 5 sessions ; un chiffre peut désigner une personne, lisez-les avec prudence.",
                "Careful: fewer than 5 sessions; a figure may point at one person, read them with care."
            )
        );
    }
    for s in &r.scenarios {
        scenario(&mut o, s, lang);
    }
    if !r.competences.is_empty() {
        heading(
            &mut o,
            t("Compétences (DigComp 2.2)", "Competences (DigComp 2.2)"),
        );
        for c in &r.competences {
            let _ = writeln!(
                o,
                "  {} : {} — {} {} · {} {} · {} {}",
                c.code,
                plural(c.sessions, "session", "sessions"),
                t("sans aide", "without help"),
                c.without_help,
                t("avec indices", "with hints"),
                c.with_hints,
                t("non acquise", "not met"),
                c.not_met
            );
        }
    }
    heading(&mut o, t("Groupes", "Groups"));
    for g in &r.groups {
        let _ = writeln!(
            o,
            "  {} : {} · {} {} ({}) · {} {} ({}) · {} {} · {} {} · {} {} · {} {}",
            g.group,
            plural(g.sessions, "session", "sessions"),
            t("terminées", "completed"),
            g.completed,
            percent(g.completed, g.sessions, lang),
            t("réussies", "succeeded"),
            g.succeeded,
            percent(g.succeeded, g.sessions, lang),
            t("abandonnées", "abandoned"),
            g.abandoned,
            t("durée médiane", "median length"),
            duration(g.median_ms, lang),
            t("indices par session", "hints per session"),
            decimal(g.hints_per_session, lang),
            t("erreurs par session", "errors per session"),
            decimal(g.errors_per_session, lang),
        );
    }
    if !r.small_groups.is_empty() {
        let _ = writeln!(
            o,
            "  {}",
            super::labels::small_groups(&r.small_groups, lang)
        );
    }
    if r.groups.is_empty() && r.small_groups.is_empty() {
        let _ = writeln!(
            o,
            "  {}",
            t(
                "Aucun code de groupe dans ces sessions.",
                "No group code in these sessions."
            )
        );
    } else if r.ungrouped > 0 {
        let _ = writeln!(
            o,
            "  {} {}",
            plural(r.ungrouped, "session", "sessions"),
            t("sans code de groupe.", "without a group code.")
        );
    }
    heading(&mut o, t("Définitions", "Definitions"));
    for d in definitions(lang) {
        let _ = writeln!(o, "  - {d}");
    }
    o
}

fn heading(o: &mut String, title: &str) {
    let _ = writeln!(o, "\n═══ {title} ═══");
}

fn scenario(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    heading(
        o,
        &format!(
            "{}, version {} — {}",
            s.scenario,
            s.version,
            plural(s.sessions, "session", "sessions")
        ),
    );
    let _ = writeln!(
        o,
        "{} {} ({}) · {} {} ({}) · {} {} ({})",
        t("Terminées :", "Completed:"),
        s.completed,
        percent(s.completed, s.sessions, lang),
        t("réussies :", "succeeded:"),
        s.succeeded,
        percent(s.succeeded, s.sessions, lang),
        t("abandonnées :", "abandoned:"),
        s.abandoned,
        percent(s.abandoned, s.sessions, lang),
    );
    if let Some(q) = &s.duration {
        let _ = writeln!(
            o,
            "{} {} (Q1 {} – Q3 {})",
            t(
                "Durée d'une session : médiane",
                "Length of a session: median"
            ),
            duration(q.median, lang),
            duration(q.q1, lang),
            duration(q.q3, lang)
        );
    }
    if s.content_hashes > 1 {
        let _ = writeln!(
            o,
            "{}",
            t(
                "Attention : plusieurs contenus différents sous cette version ; le fichier du scénario a été modifié sans changer sa version.",
                "Careful: several different contents under this version; the scenario file was edited without raising its version."
            )
        );
    }
    let _ = writeln!(
        o,
        "\n{}",
        t(
            "Points de friction (du plus bloquant au moins bloquant) :",
            "Friction points (worst first):"
        )
    );
    if s.friction.is_empty() {
        let _ = writeln!(
            o,
            "  {}",
            t(
                "aucun : ni erreur, ni indice, ni abandon, ni temps mesuré.",
                "none: no error, hint, abandonment or measured time."
            )
        );
    }
    for (i, f) in s.friction.iter().enumerate() {
        let _ = writeln!(o, "  {:>2}. [{:>3.0}] {}", i + 1, f.score, f.explain(lang));
    }
    let _ = writeln!(o, "\n{}", t("Temps par page :", "Time per page:"));
    let mut rows = vec![vec![
        t("page", "page").to_string(),
        t("passages", "visits").into(),
        t("médiane", "median").into(),
        "Q1 – Q3".into(),
    ]];
    for p in &s.pages {
        let (med, range) = p.time.map_or(("—".into(), "—".into()), |q| {
            (
                duration(q.median, lang),
                format!("{} – {}", duration(q.q1, lang), duration(q.q3, lang)),
            )
        });
        rows.push(vec![p.page.clone(), p.visits.to_string(), med, range]);
    }
    table(o, &rows);
    if !s.fields.is_empty() {
        let _ = writeln!(o, "\n{}", t("Erreurs par champ :", "Errors per field:"));
        let mut rows = vec![vec![
            t("champ (page)", "field (page)").to_string(),
            t("erreurs", "errors").into(),
            t("taux", "rate").into(),
            t("erreur la plus fréquente", "most frequent error").into(),
        ]];
        for f in &s.fields {
            let top = f
                .top_error
                .as_ref()
                .map_or(String::new(), |(k, n)| format!("{k} ({n})"));
            rows.push(vec![
                format!("{} ({})", f.field, f.page),
                f.errors.to_string(),
                percent(f.errors, f.visits, lang),
                top,
            ]);
        }
        table(o, &rows);
    }
    let hinted: Vec<String> = s
        .pages
        .iter()
        .filter(|p| p.hints > 0)
        .map(|p| {
            format!(
                "  {} : {}, {} ({})",
                p.page,
                plural(p.hints, t("indice", "hint"), t("indices", "hints")),
                plural(p.hint_sessions, "session", "sessions"),
                percent(p.hint_sessions, p.sessions, lang)
            )
        })
        .collect();
    list(o, t("Indices par page :", "Hints per page:"), &hinted);
    let abandons: Vec<String> = s
        .pages
        .iter()
        .filter(|p| p.abandons > 0)
        .map(|p| format!("  {} : {}", p.page, p.abandons))
        .collect();
    list(
        o,
        t("Abandons par page :", "Abandonments per page:"),
        &abandons,
    );
    let incidents: Vec<String> = s
        .incidents
        .iter()
        .map(|i| {
            format!(
                "  {} ({}) : {}",
                i.incident,
                incident(i.kind, lang),
                i.count
            )
        })
        .collect();
    list(o, t("Incidents rencontrés :", "Incidents met:"), &incidents);
    if let Some(f) = &s.formation {
        let _ = writeln!(
            o,
            "\n{} ({} {}) : {} {} · {} {}",
            t("Formation", "Training"),
            f.ended,
            t("sessions terminées", "sessions ended"),
            t("droits moyens", "average rights"),
            decimal(f.droits, lang),
            t("autonomie moyenne", "average autonomy"),
            decimal(f.autonomie, lang)
        );
        let postures: Vec<String> = f
            .postures
            .iter()
            .map(|(p, n)| format!("{} {n}", posture(*p, lang)))
            .collect();
        let _ = writeln!(
            o,
            "  {} {}",
            t("Postures :", "Postures:"),
            postures.join(" · ")
        );
        let lines: Vec<String> = f.lines.iter().map(|(l, n)| format!("{l} {n}")).collect();
        if !lines.is_empty() {
            let _ = writeln!(
                o,
                "  {} {}",
                t("Répliques choisies :", "Lines chosen:"),
                lines.join(" · ")
            );
        }
    }
}

fn list(o: &mut String, title: &str, rows: &[String]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n{title}");
    for r in rows {
        let _ = writeln!(o, "{r}");
    }
}

/// Left-aligned columns, two spaces apart.
fn table(o: &mut String, rows: &[Vec<String>]) {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in rows {
        let mut line = String::from(" ");
        for (c, cell) in r.iter().enumerate() {
            let w = widths.get(c).copied().unwrap_or(0);
            let _ = write!(line, " {cell:<w$} ");
        }
        let _ = writeln!(o, "{}", line.trim_end());
    }
}
