//! `dedale-cli graph`: the scenario as a Graphviz or Mermaid graph.

use std::path::Path;

use dedale_core::Lang;
use dedale_core::condition::Condition;
use dedale_core::model::{EndingKind, Scenario, Trigger};

struct Edge {
    from: String,
    to: String,
    label: String,
    kind: EdgeKind,
}

#[derive(PartialEq)]
enum EdgeKind {
    Button,
    Incident,
    Timeout,
}

/// Prints the graph on stdout.
pub fn run(file: &Path, dot: bool, lang: Lang) -> Result<bool, String> {
    let scenario = crate::load(file, lang)?;
    let edges = edges(&scenario, lang);
    println!(
        "{}",
        if dot {
            to_dot(&scenario, &edges, lang)
        } else {
            to_mermaid(&scenario, &edges, lang)
        }
    );
    Ok(true)
}

fn edges(s: &Scenario, lang: Lang) -> Vec<Edge> {
    let mut out = Vec::new();
    for page in &s.pages {
        for button in page.buttons() {
            for route in button.routes() {
                let mut label = button.label.get(lang).to_string();
                if route.when != Condition::Always {
                    label = format!("{label} [{}]", condition(&route.when));
                }
                out.push(Edge {
                    from: page.id.clone(),
                    to: route.goto.clone(),
                    label,
                    kind: EdgeKind::Button,
                });
            }
        }
        for incident in &page.incidents {
            if let Some(goto) = &incident.goto {
                let on = match &incident.on {
                    Trigger::Enter => String::new(),
                    Trigger::Press(b) => format!(" {b}"),
                };
                let mut label = format!("⚠ {}{on}", incident.id);
                if incident.when != Condition::Always {
                    label = format!("{label} [{}]", condition(&incident.when));
                }
                out.push(Edge {
                    from: page.id.clone(),
                    to: goto.clone(),
                    label,
                    kind: EdgeKind::Incident,
                });
            }
        }
        if let Some(t) = &page.timeout {
            let label = format!("⏱ {} min", t.minutes);
            out.push(Edge {
                from: page.id.clone(),
                to: t.goto.clone(),
                label,
                kind: EdgeKind::Timeout,
            });
        }
    }
    out
}

/// A short, readable form of a condition for edge labels.
fn condition(c: &Condition) -> String {
    match c {
        Condition::Always => "toujours".into(),
        Condition::Flag(f) => format!("drapeau {f}"),
        Condition::Answer(f, v) => format!("{f} = {v}"),
        Condition::Checked(f) => format!("{f} cochée"),
        Condition::Matches(f, fact) => format!("{f} = fait {fact}"),
        Condition::Uploaded(f, d) => format!("{f} ← {d}"),
        Condition::Said(l) => format!("dit {l}"),
        Condition::Visited(p) => format!("vu {p}"),
        Condition::CountAtLeast(c, n) => format!("{c} ≥ {n}"),
        Condition::Downloaded(d) => format!("téléchargé {d}"),
        Condition::Incident(i) => format!("incident {i}"),
        Condition::Switch(s, o) => format!("réglage {s} = {o}"),
        Condition::Chance(p) => format!("{p} %"),
        Condition::Not(c) => format!("non ({})", condition(c)),
        Condition::All(cs) => cs.iter().map(condition).collect::<Vec<_>>().join(" et "),
        Condition::Any(cs) => cs.iter().map(condition).collect::<Vec<_>>().join(" ou "),
    }
}

fn colour(kind: EndingKind) -> (&'static str, &'static str) {
    // (fill, border): green success, red failure, grey abandonment.
    match kind {
        EndingKind::Success => ("#d4edda", "#1e7e34"),
        EndingKind::Failure => ("#f8d7da", "#a71d2a"),
        EndingKind::Abandon => ("#e2e3e5", "#4a4f55"),
        EndingKind::Postponed => ("#e8e0f5", "#4b2a7a"),
    }
}

fn quote(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn to_dot(s: &Scenario, edges: &[Edge], lang: Lang) -> String {
    let mut out = format!(
        "digraph \"{}\" {{\n  rankdir=TB;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"sans-serif\"];\n",
        quote(&s.meta.id)
    );
    for p in &s.pages {
        let extra = if p.id == s.start { ", penwidth=3" } else { "" };
        out.push_str(&format!(
            "  \"{}\" [label=\"{}\\n{}\"{extra}];\n",
            quote(&p.id),
            quote(p.title.get(lang)),
            quote(&p.id)
        ));
    }
    for e in &s.endings {
        let (fill, border) = colour(e.kind);
        out.push_str(&format!(
            "  \"{}\" [shape=doubleoctagon, fillcolor=\"{fill}\", color=\"{border}\", label=\"{} ({})\\n{}\"];\n",
            quote(&e.id),
            quote(e.title.get(lang)),
            e.kind.code(),
            quote(&e.id)
        ));
    }
    for e in edges {
        let style = match e.kind {
            EdgeKind::Button => "solid",
            EdgeKind::Incident => "dashed",
            EdgeKind::Timeout => "dotted",
        };
        out.push_str(&format!(
            "  \"{}\" -> \"{}\" [label=\"{}\", style={style}];\n",
            quote(&e.from),
            quote(&e.to),
            quote(&e.label)
        ));
    }
    out.push('}');
    out
}

fn mermaid_text(s: &str) -> String {
    s.replace('"', "#quot;").replace('|', "#124;")
}

fn to_mermaid(s: &Scenario, edges: &[Edge], lang: Lang) -> String {
    let node = |id: &str| format!("n_{}", id.replace('-', "_"));
    let mut out = String::from("flowchart TD\n");
    for p in &s.pages {
        out.push_str(&format!(
            "  {}[\"{}<br/><small>{}</small>\"]\n",
            node(&p.id),
            mermaid_text(p.title.get(lang)),
            p.id
        ));
    }
    for e in &s.endings {
        out.push_str(&format!(
            "  {}([\"{} ({})\"])\n",
            node(&e.id),
            mermaid_text(e.title.get(lang)),
            e.kind.code()
        ));
    }
    for e in edges {
        let arrow = match e.kind {
            EdgeKind::Button => "-->",
            EdgeKind::Incident | EdgeKind::Timeout => "-.->",
        };
        out.push_str(&format!(
            "  {} {arrow}|\"{}\"| {}\n",
            node(&e.from),
            mermaid_text(&e.label),
            node(&e.to)
        ));
    }
    for e in &s.endings {
        let (fill, border) = colour(e.kind);
        out.push_str(&format!(
            "  style {} fill:{fill},stroke:{border},stroke-width:2px\n",
            node(&e.id)
        ));
    }
    out.push_str(&format!("  style {} stroke-width:4px\n", node(&s.start)));
    out
}
