//! Generated scenarios for benchmarks and limit tests: a long portal, and one
//! built to explode the solver's state space. Not for players.

use std::fmt::Write;

const HEADER: &str = r#"Scenario(
    format: 1,
    meta: (id: "genere", version: "1", title: "Portail généré", procedure: "Essai", summary: "Scénario généré.",
           languages: [Fr], audience: Both, duration_minutes: 60, difficulty: Hard, competences: ["1.1"], today: "23/11/2026"),
    persona: (name: "Camille Martin", situation: "Essai.", goal: "Aller au bout.", documents: [
        (id: "vitale", kind: CarteVitale, title: "Carte Vitale", lines: [(label: "N°", value: "2 95 10 99 126 111 93", fact: "nir")]),
    ]),
"#;

const ENDINGS: &str = r#"    endings: [
        (id: "fin_ok", kind: Success, title: "Fini", receipt: "G-{n}", debrief: (what_happened: "Fini.", remember: ["Rien."], help: "Personne.")),
        (id: "fin_ko", kind: Failure, title: "Raté", debrief: (what_happened: "Raté.", remember: ["Rien."], help: "Personne.")),
        (id: "abandon", kind: Abandon, title: "Abandon", debrief: (what_happened: "Arrêt.", remember: ["Rien."], help: "Personne.")),
    ],
)
"#;

/// A portal of `pages` pages in a row: each asks a NIR and a question; every
/// fifth page branches on the answer and both branches meet again.
pub fn long_portal(pages: usize) -> String {
    let pages = pages.max(1);
    let mut s = String::from(HEADER);
    s.push_str("    start: \"p0\",\n    pages: [\n");
    for i in 0..pages {
        let next = if i + 1 == pages {
            "fin_ok".to_string()
        } else {
            format!("p{}", i + 1)
        };
        let routes = if i % 5 == 4 && i + 1 < pages {
            format!(
                "next: [(when: Answer(\"q{i}\", \"non\"), goto: \"{next}\", effects: [Set(\"detour{i}\")]), (goto: \"{next}\")]"
            )
        } else {
            format!("goto: \"{next}\"")
        };
        let _ = writeln!(
            s,
            "        (id: \"p{i}\", address: \"https://portail.example/{i}\", title: \"Étape {i}\", blocks: [\n            \
             Field((id: \"nir{i}\", label: \"NIR\", kind: Nir, expects: \"nir\")),\n            \
             Choice((id: \"q{i}\", label: \"Question\", options: [(id: \"oui\", label: \"Oui\"), (id: \"non\", label: \"Non\")])),\n            \
             Button((id: \"ok\", label: \"Suivant\", {routes})),\n            \
             Button((id: \"stop\", label: \"Refuser\", validate: false, goto: \"fin_ko\", style: Link)),\n        ]),"
        );
    }
    s.push_str("    ],\n");
    s.push_str(ENDINGS);
    s
}

/// One page with `boxes` boxes whose every combination leads somewhere else:
/// 2^boxes states, to check that the solver stops at its bound and says so.
pub fn explosive(boxes: usize) -> String {
    let mut s = String::from(HEADER);
    s.push_str("    start: \"p\",\n    pages: [\n        (id: \"p\", address: \"https://portail.example/\", title: \"Cases\", blocks: [\n");
    for i in 0..boxes {
        let _ = writeln!(
            s,
            "            Checkbox((id: \"c{i}\", label: \"Case {i}\")),"
        );
    }
    s.push_str("            Button((id: \"ok\", label: \"Valider\", next: [\n");
    for i in 0..boxes {
        let _ = writeln!(
            s,
            "                (when: All([Checked(\"c{i}\"), Not(Flag(\"f{i}\"))]), goto: \"p\", effects: [Set(\"f{i}\")]),"
        );
    }
    s.push_str("                (goto: \"fin_ok\"),\n            ])),\n        ]),\n    ],\n");
    s.push_str(ENDINGS);
    s
}
