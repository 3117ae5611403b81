//! The report as CSV: one figure a row (`section;scénario;version;élément;mesure;valeur`),
//! the long shape a pivot table or a chart in a spreadsheet starts from.

use super::{Report, ScenarioReport};
use crate::metrics::csv_export::Delimiter;

/// Column headers of the report's CSV.
pub const HEADERS: [&str; 6] = [
    "section",
    "scénario",
    "version",
    "élément",
    "mesure",
    "valeur",
];

/// The report as CSV rows.
pub fn write_csv(r: &Report, delimiter: Delimiter) -> String {
    let mut rows: Vec<[String; 6]> = Vec::new();
    let mut push =
        |section: &str, s: Option<&ScenarioReport>, item: &str, what: &str, v: String| {
            let (id, version) = s.map_or((String::new(), String::new()), |s| {
                (s.scenario.clone(), s.version.clone())
            });
            rows.push([section.into(), id, version, item.into(), what.into(), v]);
        };
    push("total", None, "", "sessions", r.sessions.to_string());
    for s in &r.scenarios {
        let sc = Some(s);
        push("scénario", sc, "", "sessions", s.sessions.to_string());
        push("scénario", sc, "", "terminées", s.completed.to_string());
        push("scénario", sc, "", "réussies", s.succeeded.to_string());
        push("scénario", sc, "", "échouées", s.failed.to_string());
        push("scénario", sc, "", "abandonnées", s.abandoned.to_string());
        if s.postponed > 0 {
            push("scénario", sc, "", "reportées", s.postponed.to_string());
        }
        push("scénario", sc, "", "contenus", s.content_hashes.to_string());
        if let Some(q) = &s.duration {
            push("scénario", sc, "", "durée_médiane_ms", q.median.to_string());
            push("scénario", sc, "", "durée_q1_ms", q.q1.to_string());
            push("scénario", sc, "", "durée_q3_ms", q.q3.to_string());
        }
        for row in &s.settings {
            let item = row.text();
            push("réglage", sc, &item, "sessions", row.sessions.to_string());
            push("réglage", sc, &item, "réussies", row.succeeded.to_string());
            push(
                "réglage",
                sc,
                &item,
                "abandonnées",
                row.abandoned.to_string(),
            );
        }
        for (i, f) in s.friction.iter().enumerate() {
            push("friction", sc, &f.page, "rang", (i + 1).to_string());
            push("friction", sc, &f.page, "score", format!("{:.1}", f.score));
        }
        for p in &s.pages {
            push("page", sc, &p.page, "passages", p.visits.to_string());
            push("page", sc, &p.page, "sessions", p.sessions.to_string());
            if let Some(q) = &p.time {
                push("page", sc, &p.page, "temps_médian_ms", q.median.to_string());
                push("page", sc, &p.page, "temps_q1_ms", q.q1.to_string());
                push("page", sc, &p.page, "temps_q3_ms", q.q3.to_string());
            }
            push("page", sc, &p.page, "erreurs", p.errors.to_string());
            push("page", sc, &p.page, "indices", p.hints.to_string());
            push(
                "page",
                sc,
                &p.page,
                "sessions_avec_indice",
                p.hint_sessions.to_string(),
            );
            push("page", sc, &p.page, "abandons", p.abandons.to_string());
            push("page", sc, &p.page, "expirations", p.timeouts.to_string());
            push("page", sc, &p.page, "retours", p.backs.to_string());
        }
        for f in &s.fields {
            push("champ", sc, &f.field, "page", f.page.clone());
            push("champ", sc, &f.field, "erreurs", f.errors.to_string());
            push("champ", sc, &f.field, "taux", format!("{:.3}", f.rate()));
            if let Some((k, n)) = &f.top_error {
                push("champ", sc, &f.field, "erreur_fréquente", k.clone());
                push(
                    "champ",
                    sc,
                    &f.field,
                    "erreur_fréquente_nombre",
                    n.to_string(),
                );
            }
        }
        for i in &s.incidents {
            push("incident", sc, &i.incident, "nombre", i.count.to_string());
        }
        if let Some(f) = &s.formation {
            push(
                "formation",
                sc,
                "",
                "sessions_terminées",
                f.ended.to_string(),
            );
            push(
                "formation",
                sc,
                "",
                "droits_moyens",
                format!("{:.1}", f.droits),
            );
            push(
                "formation",
                sc,
                "",
                "autonomie_moyenne",
                format!("{:.1}", f.autonomie),
            );
            for (p, n) in &f.postures {
                let name = p.map_or("aucune".to_string(), |p| format!("{p:?}"));
                push("posture", sc, &name, "choix", n.to_string());
            }
            for (l, n) in &f.lines {
                push("réplique", sc, l, "choix", n.to_string());
            }
        }
    }
    for c in &r.competences {
        push(
            "compétence",
            None,
            &c.code,
            "sessions",
            c.sessions.to_string(),
        );
        push(
            "compétence",
            None,
            &c.code,
            "sans_aide",
            c.without_help.to_string(),
        );
        push(
            "compétence",
            None,
            &c.code,
            "avec_indices",
            c.with_hints.to_string(),
        );
        push(
            "compétence",
            None,
            &c.code,
            "non_acquise",
            c.not_met.to_string(),
        );
    }
    for g in &r.groups {
        push("groupe", None, &g.group, "sessions", g.sessions.to_string());
        push(
            "groupe",
            None,
            &g.group,
            "terminées",
            g.completed.to_string(),
        );
        push(
            "groupe",
            None,
            &g.group,
            "réussies",
            g.succeeded.to_string(),
        );
        push(
            "groupe",
            None,
            &g.group,
            "abandonnées",
            g.abandoned.to_string(),
        );
        push(
            "groupe",
            None,
            &g.group,
            "durée_médiane_ms",
            g.median_ms.to_string(),
        );
    }
    for g in &r.small_groups {
        push(
            "groupe",
            None,
            g,
            "non_détaillé",
            format!("moins de {} sessions", super::MIN_GROUP),
        );
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter.byte())
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(HEADERS);
    for row in &rows {
        let _ = w.write_record(row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}
