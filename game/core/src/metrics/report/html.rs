//! The report as one self-contained HTML page: inline CSS, SVG charts drawn
//! by hand, no script and no external resource, so it can be e-mailed,
//! opened offline and printed.

use std::fmt::Write;

use super::labels::{
    decimal, definitions, duration, incident, percent, plural, posture, sessions_read,
};
use super::svg::{bars, boxes, esc, stacked};
use super::{Report, ScenarioReport};
use crate::Lang;

/// Inlined in the page so the report needs no other file.
const STYLE: &str = include_str!("report.css");

pub fn render(r: &Report, lang: Lang) -> String {
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body><main>",
        if lang == Lang::En { "en" } else { "fr" },
        t("Rapport Dédale", "Dédale report")
    );
    let _ = write!(
        o,
        "<h1>{}</h1><p>{}</p>",
        t(
            "Rapport Dédale — mesures anonymes",
            "Dédale report — anonymous metrics"
        ),
        sessions_read(r.sessions, lang)
    );
    if r.sessions < super::MIN_GROUP {
        let _ = write!(
            o,
            "<p class=\"note\">{}</p>",
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
        let _ = write!(
            o,
            "<section><h2>{}</h2>",
            t("Compétences (DigComp 2.2)", "Competences (DigComp 2.2)")
        );
        let items: Vec<(String, Vec<(usize, &'static str)>)> = r
            .competences
            .iter()
            .map(|c| {
                (
                    c.code.clone(),
                    vec![
                        (c.without_help, "ok"),
                        (c.with_hints, "hint"),
                        (c.not_met, "un"),
                    ],
                )
            })
            .collect();
        legend(
            &mut o,
            &[
                ("ok", t("acquise sans aide", "met without help")),
                ("hint", t("acquise avec indices", "met with hints")),
                ("un", t("non acquise", "not met")),
            ],
        );
        o.push_str(&stacked(t("Compétences", "Competences"), &items));
        o.push_str("</section>");
    }
    let _ = write!(o, "<section><h2>{}</h2>", t("Groupes", "Groups"));
    if !r.groups.is_empty() {
        let rows: Vec<Vec<String>> = r
            .groups
            .iter()
            .map(|g| {
                vec![
                    g.group.clone(),
                    g.sessions.to_string(),
                    percent(g.completed, g.sessions, lang),
                    percent(g.succeeded, g.sessions, lang),
                    g.abandoned.to_string(),
                    duration(g.median_ms, lang),
                    decimal(g.hints_per_session, lang),
                    decimal(g.errors_per_session, lang),
                ]
            })
            .collect();
        table(
            &mut o,
            &[
                t("groupe", "group"),
                "sessions",
                t("terminées", "completed"),
                t("réussies", "succeeded"),
                t("abandons", "abandoned"),
                t("durée médiane", "median length"),
                t("indices / session", "hints / session"),
                t("erreurs / session", "errors / session"),
            ],
            &rows,
        );
    }
    if !r.small_groups.is_empty() {
        let _ = write!(
            o,
            "<p class=\"note\">{}</p>",
            esc(&super::labels::small_groups(&r.small_groups, lang))
        );
    }
    if r.groups.is_empty() && r.small_groups.is_empty() {
        let _ = write!(
            o,
            "<p>{}</p>",
            t(
                "Aucun code de groupe dans ces sessions.",
                "No group code in these sessions."
            )
        );
    }
    o.push_str("</section><footer><h2>");
    o.push_str(t("Définitions", "Definitions"));
    o.push_str("</h2><ul>");
    for d in definitions(lang) {
        let _ = write!(o, "<li>{}</li>", esc(d));
    }
    o.push_str("</ul></footer></main></body></html>\n");
    o
}

fn scenario(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let _ = write!(
        o,
        "<section><h2>{}, version {} — {}</h2>",
        esc(&s.scenario),
        esc(&s.version),
        plural(s.sessions, "session", "sessions")
    );
    let _ = write!(
        o,
        "<p>{} <strong>{}</strong> · {} <strong>{}</strong> · {} <strong>{}</strong>",
        t("Terminées :", "Completed:"),
        percent(s.completed, s.sessions, lang),
        t("réussies :", "succeeded:"),
        percent(s.succeeded, s.sessions, lang),
        t("abandonnées :", "abandoned:"),
        percent(s.abandoned, s.sessions, lang),
    );
    if let Some(q) = &s.duration {
        let _ = write!(
            o,
            "<br>{} {} (Q1 {} – Q3 {})",
            t(
                "Durée d'une session : médiane",
                "Length of a session: median"
            ),
            duration(q.median, lang),
            duration(q.q1, lang),
            duration(q.q3, lang)
        );
    }
    o.push_str("</p>");
    if s.content_hashes > 1 {
        let _ = write!(
            o,
            "<p class=\"note\">{}</p>",
            t(
                "Attention : plusieurs contenus différents sous cette version ; le fichier du scénario a été modifié sans changer sa version.",
                "Careful: several different contents under this version; the scenario file was edited without raising its version."
            )
        );
    }
    let unfinished = s.sessions.saturating_sub(s.completed + s.abandoned);
    legend(
        o,
        &[
            ("ok", t("réussies", "succeeded")),
            ("ko", t("échouées", "failed")),
            ("ab", t("abandonnées", "abandoned")),
            ("un", t("non terminées", "unfinished")),
        ],
    );
    o.push_str(&stacked(
        t("Issue des sessions", "How sessions ended"),
        &[(
            "sessions".into(),
            vec![
                (s.succeeded, "ok"),
                (s.failed, "ko"),
                (s.abandoned, "ab"),
                (unfinished, "un"),
            ],
        )],
    ));
    let _ = write!(
        o,
        "<h3>{}</h3>",
        t(
            "Points de friction (du plus bloquant au moins bloquant)",
            "Friction points (worst first)"
        )
    );
    if s.friction.is_empty() {
        let _ = write!(
            o,
            "<p>{}</p>",
            t(
                "Aucun : ni erreur, ni indice, ni abandon, ni temps mesuré.",
                "None: no error, hint, abandonment or measured time."
            )
        );
    } else {
        let items: Vec<(String, f64, String)> = s
            .friction
            .iter()
            .map(|f| (f.page.clone(), f.score, format!("{:.0}", f.score)))
            .collect();
        o.push_str(&bars(t("Score de friction", "Friction score"), &items));
        o.push_str("<ol class=\"friction\">");
        for f in &s.friction {
            let _ = write!(
                o,
                "<li><span class=\"score\">{:.0}</span> {}</li>",
                f.score,
                code_spans(&esc(&f.explain(lang)))
            );
        }
        o.push_str("</ol>");
    }
    let _ = write!(o, "<h3>{}</h3>", t("Temps par page", "Time per page"));
    let timed: Vec<(String, super::Quartiles)> = s
        .pages
        .iter()
        .filter_map(|p| p.time.filter(|q| q.max > 0).map(|q| (p.page.clone(), q)))
        .collect();
    if !timed.is_empty() {
        o.push_str(&boxes(t("Temps par page", "Time per page"), &timed, lang));
    }
    let rows: Vec<Vec<String>> = s
        .pages
        .iter()
        .map(|p| {
            let (med, q1, q3) = p.time.map_or(("—".into(), "—".into(), "—".into()), |q| {
                (
                    duration(q.median, lang),
                    duration(q.q1, lang),
                    duration(q.q3, lang),
                )
            });
            vec![
                p.page.clone(),
                p.visits.to_string(),
                med,
                q1,
                q3,
                p.errors.to_string(),
                p.hints.to_string(),
                p.abandons.to_string(),
            ]
        })
        .collect();
    table(
        o,
        &[
            "page",
            t("passages", "visits"),
            t("médiane", "median"),
            "Q1",
            "Q3",
            t("erreurs", "errors"),
            t("indices", "hints"),
            t("abandons", "abandons"),
        ],
        &rows,
    );
    if !s.fields.is_empty() {
        let _ = write!(o, "<h3>{}</h3>", t("Erreurs par champ", "Errors per field"));
        let items: Vec<(String, f64, String)> = s
            .fields
            .iter()
            .map(|f| (f.field.clone(), f.rate(), percent(f.errors, f.visits, lang)))
            .collect();
        o.push_str(&bars(
            t("Taux d'erreur par champ", "Error rate per field"),
            &items,
        ));
        let rows: Vec<Vec<String>> = s
            .fields
            .iter()
            .map(|f| {
                vec![
                    f.field.clone(),
                    f.page.clone(),
                    f.errors.to_string(),
                    percent(f.errors, f.visits, lang),
                    f.top_error
                        .as_ref()
                        .map_or(String::new(), |(k, n)| format!("{k} ({n})")),
                ]
            })
            .collect();
        table(
            o,
            &[
                t("champ", "field"),
                "page",
                t("erreurs", "errors"),
                t("taux", "rate"),
                t("erreur la plus fréquente", "most frequent error"),
            ],
            &rows,
        );
    }
    if !s.incidents.is_empty() {
        let _ = write!(o, "<h3>{}</h3>", t("Incidents rencontrés", "Incidents met"));
        let rows: Vec<Vec<String>> = s
            .incidents
            .iter()
            .map(|i| {
                vec![
                    i.incident.clone(),
                    incident(i.kind, lang).into(),
                    i.count.to_string(),
                ]
            })
            .collect();
        table(
            o,
            &["incident", t("type", "kind"), t("nombre", "count")],
            &rows,
        );
    }
    if let Some(f) = &s.formation {
        let _ = write!(
            o,
            "<h3>{}</h3><p>{} <strong>{}</strong> · {} <strong>{}</strong> ({} {})</p>",
            t("Formation", "Training"),
            t("Droits moyens :", "Average rights:"),
            decimal(f.droits, lang),
            t("autonomie moyenne :", "average autonomy:"),
            decimal(f.autonomie, lang),
            f.ended,
            t("sessions terminées", "sessions ended")
        );
        let items: Vec<(String, f64, String)> = f
            .postures
            .iter()
            .map(|(p, n)| (posture(*p, lang).to_string(), *n as f64, n.to_string()))
            .collect();
        o.push_str(&bars(t("Postures choisies", "Postures chosen"), &items));
        let rows: Vec<Vec<String>> = f
            .lines
            .iter()
            .map(|(l, n)| vec![l.clone(), n.to_string()])
            .collect();
        if !rows.is_empty() {
            table(o, &[t("réplique", "line"), t("choix", "chosen")], &rows);
        }
    }
    o.push_str("</section>");
}

/// `id` written between backticks becomes `<code>id</code>`.
fn code_spans(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

fn legend(o: &mut String, items: &[(&str, &str)]) {
    o.push_str("<p class=\"legend\">");
    for (class, name) in items {
        let _ = write!(
            o,
            "<span><span class=\"sw {class}\"></span>{}</span>",
            esc(name)
        );
    }
    o.push_str("</p>");
}

fn table(o: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    o.push_str("<table><thead><tr>");
    for h in headers {
        let _ = write!(o, "<th scope=\"col\">{}</th>", esc(h));
    }
    o.push_str("</tr></thead><tbody>");
    for r in rows {
        o.push_str("<tr>");
        for cell in r {
            let numeric = cell
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '—');
            let class = if numeric { " class=\"n\"" } else { "" };
            let _ = write!(o, "<td{class}>{}</td>", esc(cell));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
}
