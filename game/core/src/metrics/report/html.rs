//! The report as one self-contained HTML page: inline CSS, SVG charts drawn
//! by hand, no script and no external resource, so it can be e-mailed,
//! opened offline and printed.

use std::fmt::Write;

use super::labels::{
    Forms, Labels, capitalized, decimal, duration, incident, labels, percent, posture,
    sessions_read,
};
use super::svg::{bars, boxes, esc, stacked};
use super::{Report, ScenarioReport};
use crate::Lang;

/// Inlined in the page so the report needs no other file.
const STYLE: &str = include_str!("report.css");

pub fn render(r: &Report, lang: Lang) -> String {
    let l = labels(lang);
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body><main>",
        if lang == Lang::En { "en" } else { "fr" },
        l.title
    );
    let _ = write!(
        o,
        "<h1>{}</h1><p>{}</p>",
        l.heading(),
        sessions_read(r.sessions, lang)
    );
    if r.sessions < super::MIN_GROUP {
        note(&mut o, &l.few_sessions());
    }
    for s in &r.scenarios {
        scenario(&mut o, s, lang);
    }
    competences(&mut o, r, l);
    groups(&mut o, r, lang);
    o.push_str("</section><footer><h2>");
    o.push_str(l.definitions_title);
    o.push_str("</h2><ul>");
    for d in l.definitions {
        let _ = write!(o, "<li>{}</li>", esc(d));
    }
    o.push_str("</ul></footer></main></body></html>\n");
    o
}

/// A warning set apart from the figures.
fn note(o: &mut String, text: &str) {
    let _ = write!(o, "<p class=\"note\">{}</p>", esc(text));
}

fn competences(o: &mut String, r: &Report, l: &Labels) {
    if r.competences.is_empty() {
        return;
    }
    let _ = write!(o, "<section><h2>{}</h2>", l.competences_heading());
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
        o,
        &[
            ("ok", &format!("{} {}", l.met, l.without_help)),
            ("hint", &format!("{} {}", l.met, l.with_hints)),
            ("un", l.not_met),
        ],
    );
    o.push_str(&stacked(l.competences, &items));
    o.push_str("</section>");
}

/// The groups' section, left open for the definitions that close the page.
fn groups(o: &mut String, r: &Report, lang: Lang) {
    let l = labels(lang);
    let _ = write!(o, "<section><h2>{}</h2>", l.groups);
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
        // A column heading is short: "indices / session" for "indices par session".
        let per_session = |words: &Forms| format!("{} / {}", words.many, l.session.one);
        table(
            o,
            &[
                l.group,
                l.session.many,
                l.completed,
                l.succeeded,
                l.group_abandons,
                l.median_length,
                &per_session(&l.hint),
                &per_session(&l.error),
            ],
            &rows,
        );
    }
    if !r.small_groups.is_empty() {
        note(o, &super::labels::small_groups(&r.small_groups, lang));
    }
    if r.groups.is_empty() && r.small_groups.is_empty() {
        let _ = write!(o, "<p>{}</p>", l.no_group_code);
    }
}

/// One scenario's section: each part below draws one kind of figure.
fn scenario(o: &mut String, s: &ScenarioReport, lang: Lang) {
    summary(o, s, lang);
    outcomes(o, s, labels(lang));
    friction(o, s, lang);
    pages(o, s, lang);
    fields(o, s, lang);
    incidents(o, s, lang);
    settings(o, s, lang);
    formation(o, s, lang);
    o.push_str("</section>");
}

/// The heading, how many sessions ended how, and how long they lasted.
fn summary(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let l = labels(lang);
    let _ = write!(
        o,
        "<section><h2>{} — {}</h2>",
        esc(&l.scenario_version(&s.scenario, &s.version)),
        l.session.of(s.sessions)
    );
    let _ = write!(
        o,
        "<p>{} <strong>{}</strong> · {} <strong>{}</strong> · {} <strong>{}</strong>",
        l.lead(&capitalized(l.completed)),
        percent(s.completed, s.sessions, lang),
        l.lead(l.succeeded),
        percent(s.succeeded, s.sessions, lang),
        l.lead(l.abandoned),
        percent(s.abandoned, s.sessions, lang),
    );
    if s.postponed > 0 {
        let _ = write!(
            o,
            " · {} <strong>{}</strong>",
            l.lead(l.postponed),
            percent(s.postponed, s.sessions, lang),
        );
    }
    if let Some(q) = &s.duration {
        let _ = write!(o, "<br>{}", l.session_length(q, lang));
    }
    o.push_str("</p>");
    if s.content_hashes > 1 {
        note(o, l.several_contents);
    }
}

/// How the sessions ended, as one stacked bar; postponed sessions (a
/// letter awaited) get their own part only when there are some.
fn outcomes(o: &mut String, s: &ScenarioReport, l: &Labels) {
    let unfinished = s
        .sessions
        .saturating_sub(s.completed + s.abandoned + s.postponed);
    let mut keys = vec![("ok", l.succeeded), ("ko", l.failed), ("ab", l.abandoned)];
    let mut parts = vec![(s.succeeded, "ok"), (s.failed, "ko"), (s.abandoned, "ab")];
    if s.postponed > 0 {
        keys.push(("pp", l.postponed));
        parts.push((s.postponed, "pp"));
    }
    keys.push(("un", l.unfinished));
    parts.push((unfinished, "un"));
    legend(o, &keys);
    o.push_str(&stacked(l.outcomes, &[(l.session.many.into(), parts)]));
}

/// The pages ranked by friction, with the reasons of each.
fn friction(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let l = labels(lang);
    let _ = write!(o, "<h3>{}</h3>", l.friction_points);
    if s.friction.is_empty() {
        let _ = write!(o, "<p>{}</p>", capitalized(l.no_friction));
        return;
    }
    let items: Vec<(String, f64, String)> = s
        .friction
        .iter()
        .map(|f| (f.page.clone(), f.score, format!("{:.0}", f.score)))
        .collect();
    o.push_str(&bars(l.friction_score, &items));
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

/// Time per page as box plots, then every page's figures in a table.
fn pages(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let l = labels(lang);
    let _ = write!(o, "<h3>{}</h3>", l.time_per_page);
    let timed: Vec<(String, super::Quartiles)> = s
        .pages
        .iter()
        .filter_map(|p| p.time.filter(|q| q.max > 0).map(|q| (p.page.clone(), q)))
        .collect();
    if !timed.is_empty() {
        o.push_str(&boxes(l.time_per_page, &timed, lang));
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
    let headers = [
        l.page,
        l.visit.many,
        l.median,
        "Q1",
        "Q3",
        l.error.many,
        l.hint.many,
        l.page_abandons,
    ];
    table(o, &headers, &rows);
}

/// The fields that refused values: their error rates as bars, then a table.
fn fields(o: &mut String, s: &ScenarioReport, lang: Lang) {
    if s.fields.is_empty() {
        return;
    }
    let l = labels(lang);
    let _ = write!(o, "<h3>{}</h3>", l.errors_per_field);
    let items: Vec<(String, f64, String)> = s
        .fields
        .iter()
        .map(|f| (f.field.clone(), f.rate(), percent(f.errors, f.visits, lang)))
        .collect();
    o.push_str(&bars(l.error_rate_per_field, &items));
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
    let headers = [l.field, l.page, l.error.many, l.rate, l.top_error];
    table(o, &headers, &rows);
}

/// Sessions by the trainer's switches they were played with.
fn settings(o: &mut String, s: &ScenarioReport, lang: Lang) {
    if s.settings.is_empty() {
        return;
    }
    let l = labels(lang);
    let _ = write!(o, "<h3>{}</h3>", esc(l.switches));
    let rows: Vec<Vec<String>> = s
        .settings
        .iter()
        .map(|row| {
            vec![
                row.text(),
                row.sessions.to_string(),
                percent(row.succeeded, row.sessions, lang),
                percent(row.abandoned, row.sessions, lang),
            ]
        })
        .collect();
    table(
        o,
        &[l.switches, l.session.many, l.succeeded, l.abandoned],
        &rows,
    );
}

fn incidents(o: &mut String, s: &ScenarioReport, lang: Lang) {
    if s.incidents.is_empty() {
        return;
    }
    let l = labels(lang);
    let _ = write!(o, "<h3>{}</h3>", l.incidents);
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
    table(o, &[l.incident, l.kind, l.count], &rows);
}

/// Average scores, postures chosen and dialogue lines of *Formation* sessions.
fn formation(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let Some(f) = &s.formation else {
        return;
    };
    let l = labels(lang);
    let _ = write!(
        o,
        "<h3>{}</h3><p>{} <strong>{}</strong> · {} <strong>{}</strong> ({} {})</p>",
        l.training,
        l.lead(&capitalized(l.average_rights)),
        decimal(f.droits, lang),
        l.lead(l.average_autonomy),
        decimal(f.autonomie, lang),
        f.ended,
        l.sessions_ended
    );
    let items: Vec<(String, f64, String)> = f
        .postures
        .iter()
        .map(|(p, n)| (posture(*p, lang).to_string(), *n as f64, n.to_string()))
        .collect();
    o.push_str(&bars(l.postures_chosen, &items));
    let rows: Vec<Vec<String>> = f
        .lines
        .iter()
        .map(|(l, n)| vec![l.clone(), n.to_string()])
        .collect();
    if !rows.is_empty() {
        table(o, &[l.line, l.chosen], &rows);
    }
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
