//! The report as plain text, for a terminal or an e-mail.

use std::fmt::Write;

use super::labels::{
    Labels, capitalized, decimal, duration, incident, labels, percent, posture, sessions_read,
};
use super::{Report, ScenarioReport};
use crate::Lang;

pub fn render(r: &Report, lang: Lang) -> String {
    let l = labels(lang);
    let mut o = String::new();
    let _ = writeln!(o, "{}", l.heading());
    let _ = writeln!(o, "{}", sessions_read(r.sessions, lang));
    if r.sessions < super::MIN_GROUP {
        let _ = writeln!(o, "{}", l.few_sessions());
    }
    for s in &r.scenarios {
        scenario(&mut o, s, lang);
    }
    competences(&mut o, r, l);
    groups(&mut o, r, lang);
    heading(&mut o, l.definitions_title);
    for d in l.definitions {
        let _ = writeln!(o, "  - {d}");
    }
    o
}

fn heading(o: &mut String, title: &str) {
    let _ = writeln!(o, "\n═══ {title} ═══");
}

fn competences(o: &mut String, r: &Report, l: &Labels) {
    if r.competences.is_empty() {
        return;
    }
    heading(o, &l.competences_heading());
    for c in &r.competences {
        let figures = [
            (l.without_help, c.without_help.to_string()),
            (l.with_hints, c.with_hints.to_string()),
            (l.not_met, c.not_met.to_string()),
        ];
        row(o, &c.code, &l.session.of(c.sessions), " — ", &figures);
    }
}

/// "  atelier-A : 7 sessions · terminées 6 (86 %) · …": who, how many
/// sessions, then each figure after its name.
fn row(o: &mut String, who: &str, sessions: &str, then: &str, figures: &[(&str, String)]) {
    let figures: Vec<String> = figures.iter().map(|(w, v)| format!("{w} {v}")).collect();
    let _ = writeln!(o, "  {who} : {sessions}{then}{}", figures.join(" · "));
}

fn groups(o: &mut String, r: &Report, lang: Lang) {
    let l = labels(lang);
    heading(o, l.groups);
    for g in &r.groups {
        let share = |n: usize| format!("{n} ({})", percent(n, g.sessions, lang));
        let figures = [
            (l.completed, share(g.completed)),
            (l.succeeded, share(g.succeeded)),
            (l.abandoned, g.abandoned.to_string()),
            (l.median_length, duration(g.median_ms, lang)),
            (l.hints_per_session, decimal(g.hints_per_session, lang)),
            (l.errors_per_session, decimal(g.errors_per_session, lang)),
        ];
        row(o, &g.group, &l.session.of(g.sessions), " · ", &figures);
    }
    if !r.small_groups.is_empty() {
        let _ = writeln!(
            o,
            "  {}",
            super::labels::small_groups(&r.small_groups, lang)
        );
    }
    if r.groups.is_empty() && r.small_groups.is_empty() {
        let _ = writeln!(o, "  {}", l.no_group_code);
    } else if r.ungrouped > 0 {
        let _ = writeln!(
            o,
            "  {} {}",
            l.session.of(r.ungrouped),
            l.without_group_code
        );
    }
}

fn scenario(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let l = labels(lang);
    heading(
        o,
        &format!(
            "{} — {}",
            l.scenario_version(&s.scenario, &s.version),
            l.session.of(s.sessions)
        ),
    );
    let _ = writeln!(
        o,
        "{} {} ({}) · {} {} ({}) · {} {} ({})",
        l.lead(&capitalized(l.completed)),
        s.completed,
        percent(s.completed, s.sessions, lang),
        l.lead(l.succeeded),
        s.succeeded,
        percent(s.succeeded, s.sessions, lang),
        l.lead(l.abandoned),
        s.abandoned,
        percent(s.abandoned, s.sessions, lang),
    );
    if s.postponed > 0 {
        let _ = writeln!(
            o,
            "{} {} ({})",
            l.lead(&capitalized(l.postponed)),
            s.postponed,
            percent(s.postponed, s.sessions, lang),
        );
    }
    if let Some(q) = &s.duration {
        let _ = writeln!(o, "{}", l.session_length(q, lang));
    }
    if s.content_hashes > 1 {
        let _ = writeln!(o, "{}", l.several_contents);
    }
    friction(o, s, lang);
    pages(o, s, lang);
    fields(o, s, lang);
    hints_and_abandons(o, s, lang);
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
    list(o, &l.lead(l.incidents), &incidents);
    settings(o, s, lang);
    formation(o, s, lang);
}

/// Sessions by the trainer's switches they were played with.
fn settings(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let l = labels(lang);
    let rows: Vec<String> = s
        .settings
        .iter()
        .map(|row| {
            let share = |n: usize| format!("{n} ({})", percent(n, row.sessions, lang));
            format!(
                "  {}{} {} · {} {} · {} {}",
                row.text(),
                l.colon,
                l.session.of(row.sessions),
                l.succeeded,
                share(row.succeeded),
                l.abandoned,
                share(row.abandoned),
            )
        })
        .collect();
    list(o, &l.lead(l.switches), &rows);
}

fn friction(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let l = labels(lang);
    let _ = writeln!(o, "\n{}", l.lead(l.friction_points));
    if s.friction.is_empty() {
        let _ = writeln!(o, "  {}", l.no_friction);
    }
    for (i, f) in s.friction.iter().enumerate() {
        let _ = writeln!(o, "  {:>2}. [{:>3.0}] {}", i + 1, f.score, f.explain(lang));
    }
}

fn pages(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let l = labels(lang);
    let _ = writeln!(o, "\n{}", l.lead(l.time_per_page));
    let mut rows = vec![vec![
        l.page.to_string(),
        l.visit.many.into(),
        l.median.into(),
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
}

fn fields(o: &mut String, s: &ScenarioReport, lang: Lang) {
    if s.fields.is_empty() {
        return;
    }
    let l = labels(lang);
    let _ = writeln!(o, "\n{}", l.lead(l.errors_per_field));
    let mut rows = vec![vec![
        format!("{} ({})", l.field, l.page),
        l.error.many.into(),
        l.rate.into(),
        l.top_error.into(),
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

fn hints_and_abandons(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let l = labels(lang);
    let hinted: Vec<String> = s
        .pages
        .iter()
        .filter(|p| p.hints > 0)
        .map(|p| {
            format!(
                "  {} : {}, {} ({})",
                p.page,
                l.hint.of(p.hints),
                l.session.of(p.hint_sessions),
                percent(p.hint_sessions, p.sessions, lang)
            )
        })
        .collect();
    list(o, &l.lead(l.hints_per_page), &hinted);
    let abandons: Vec<String> = s
        .pages
        .iter()
        .filter(|p| p.abandons > 0)
        .map(|p| format!("  {} : {}", p.page, p.abandons))
        .collect();
    list(o, &l.lead(l.abandons_per_page), &abandons);
}

fn formation(o: &mut String, s: &ScenarioReport, lang: Lang) {
    let Some(f) = &s.formation else {
        return;
    };
    let l = labels(lang);
    let _ = writeln!(
        o,
        "\n{} ({} {}) : {} {} · {} {}",
        l.training,
        f.ended,
        l.sessions_ended,
        l.average_rights,
        decimal(f.droits, lang),
        l.average_autonomy,
        decimal(f.autonomie, lang)
    );
    let postures: Vec<String> = f
        .postures
        .iter()
        .map(|(p, n)| format!("{} {n}", posture(*p, lang)))
        .collect();
    let _ = writeln!(o, "  {} {}", l.lead(l.postures), postures.join(" · "));
    let lines: Vec<String> = f.lines.iter().map(|(l, n)| format!("{l} {n}")).collect();
    if !lines.is_empty() {
        let _ = writeln!(o, "  {} {}", l.lead(l.lines_chosen), lines.join(" · "));
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
