//! The trainers' reference (`scenarios/README.md`) cannot drift from the code:
//! every ```` ```ron Type ```` block parses as that type with the loader's options,
//! every ```` ```ron Scenario ```` block loads, checks and solves, and every
//! ```` ```text script ```` block parses as a script, and the scripts that name
//! their file (`# scenarios/x.scripts/…`) pass on the reference's scenario `x`.

mod common;

use dedale_core::Lang;
use dedale_core::condition::{Condition, Effect};
use dedale_core::load::ron_options;
use dedale_core::model::*;
use dedale_core::rules::{FieldKind, PasswordPolicy};
use dedale_core::solve::{Limits, check_with};

/// The fragments of the reference (```` ```ron Fragment communs/x.ron ````),
/// by the name its scenarios include them with.
fn fragments(md: &str) -> std::collections::BTreeMap<String, String> {
    blocks(md)
        .into_iter()
        .filter_map(|(_, info, body)| {
            let name = info.strip_prefix("ron Fragment ")?.trim().to_string();
            Some((name, body))
        })
        .collect()
}

/// What the reference's scenarios include: its own fragments.
fn includes(
    fragments: &std::collections::BTreeMap<String, String>,
) -> impl Fn(&str) -> Option<(String, String)> + '_ {
    |name: &str| fragments.get(name).map(|t| (name.to_string(), t.clone()))
}

fn parse_as(kind: &str, text: &str) -> Result<(), String> {
    fn p<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), String> {
        ron_options()
            .from_str::<T>(text)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    match kind {
        "Meta" => p::<Meta>(text),
        "Persona" => p::<Persona>(text),
        "Document" => p::<Document>(text),
        "DocLine" => p::<DocLine>(text),
        "Derived" => p::<Derived>(text),
        "Compute" => p::<Compute>(text),
        "FileInfo" => p::<FileInfo>(text),
        "FileFormat" => p::<FileFormat>(text),
        "DocumentKind" => p::<DocumentKind>(text),
        "Message" => p::<Message>(text),
        "Page" => p::<Page>(text),
        "Block" => p::<Block>(text),
        "Notice" => p::<Notice>(text),
        "Field" => p::<Field>(text),
        "FieldKind" => p::<FieldKind>(text),
        "PasswordPolicy" => p::<PasswordPolicy>(text),
        "Choice" => p::<Choice>(text),
        "OptionItem" => p::<OptionItem>(text),
        "Checkbox" => p::<Checkbox>(text),
        "Upload" => p::<Upload>(text),
        "Captcha" => p::<Captcha>(text),
        "CodeField" => p::<CodeField>(text),
        "Button" => p::<Button>(text),
        "Route" => p::<Route>(text),
        "Condition" => p::<Condition>(text),
        "Effect" => p::<Effect>(text),
        "Hint" => p::<Hint>(text),
        "Incident" => p::<Incident>(text),
        "Trigger" => p::<Trigger>(text),
        "Timeout" => p::<Timeout>(text),
        "Dialogue" => p::<Dialogue>(text),
        "Line" => p::<Line>(text),
        "Posture" => p::<Posture>(text),
        "Ending" => p::<Ending>(text),
        "Debrief" => p::<Debrief>(text),
        "Scores" => p::<Scores>(text),
        "Link" => p::<Link>(text),
        "Paragraph" => p::<Paragraph>(text),
        "Section" => p::<Section>(text),
        "SharedParagraph" => p::<SharedParagraph>(text),
        "Fragment" => p::<Fragment>(text),
        "Switch" => p::<Switch>(text),
        other => Err(format!("unknown type `{other}` in the info string")),
    }
}

/// A ```` ```ron Falc ```` block: a text whose French breaks the FALC rules
/// `check` applies and whose `falc` version follows them.
fn falc_example(text: &str) -> Result<(), String> {
    let text: dedale_core::Text = ron_options().from_str(text).map_err(|e| e.to_string())?;
    let falc = text.falc.as_deref().ok_or("the example has no `falc`")?;
    let found = dedale_core::load::falc_problems(falc);
    if !found.is_empty() {
        return Err(format!("the FALC version breaks the rules: {found:?}"));
    }
    if dedale_core::load::falc_problems(&text.fr).is_empty() {
        return Err("the French version already follows the FALC rules: show a contrast".into());
    }
    Ok(())
}

/// Fenced blocks: (line of the fence, info string, body).
fn blocks(md: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String, String)> = None;
    for (i, line) in md.lines().enumerate() {
        let trimmed = line.trim_start();
        match (&mut current, trimmed.strip_prefix("```")) {
            (None, Some(info)) => current = Some((i + 1, info.trim().to_string(), String::new())),
            (Some(_), Some(_)) => out.extend(current.take()),
            (Some((_, _, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

#[test]
fn every_example_of_the_reference_is_valid() {
    let path = common::root().join("scenarios/README.md");
    let md = common::read(&path);
    let mut checked = 0;
    let mut errors = Vec::new();
    let fragments = fragments(&md);
    let read = includes(&fragments);
    for (line, info, body) in blocks(&md) {
        let mut words = info.split_whitespace();
        let result = match (words.next(), words.next()) {
            (Some("ron"), Some("Scenario")) => {
                match check_with("exemple.ron", &body, &read, Limits::default()) {
                    Ok(_) => Ok(()),
                    Err(report) => Err(report.render(Lang::Fr)),
                }
            }
            (Some("ron"), Some("Fragment")) => {
                dedale_core::load::check_fragment("fragment.ron", &body)
                    .map(|_| ())
                    .map_err(|r| r.render(Lang::Fr))
            }
            (Some("ron"), Some("Falc")) => falc_example(&body),
            (Some("ron"), Some(kind)) => parse_as(kind, &body),
            (Some("ron"), None) => {
                Err("a ```ron block must name its type, e.g. ```ron Page".into())
            }
            (Some("text"), Some("script")) => {
                dedale_core::script::parse(&body).map(|_| ()).map_err(|e| {
                    e.iter()
                        .map(|e| format!("ligne {} : {}", e.line, e.fr))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
            }
            _ => continue,
        };
        checked += 1;
        if let Err(e) = result {
            errors.push(format!("scenarios/README.md:{line}: ```{info}: {e}"));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
    assert!(
        checked >= 30,
        "the reference has an example for each element ({checked} found)"
    );
}

/// Every script of the reference that names its file (`# scenarios/x.scripts/y.txt`)
/// plays without a problem on the reference's scenario `x`, as `check` would play it.
#[test]
fn every_script_of_the_reference_passes_on_its_scenario() {
    let md = common::read(&common::root().join("scenarios/README.md"));
    let fragments = fragments(&md);
    let read = includes(&fragments);
    let mut scenarios = std::collections::BTreeMap::new();
    let mut scripts = Vec::new();
    for (line, info, body) in blocks(&md) {
        match info.as_str() {
            "ron Scenario" => {
                let scenario = dedale_core::load::load_with_includes("exemple.ron", &body, &read)
                    .map(|(s, _)| s)
                    .expect("loads");
                scenarios.insert(scenario.meta.id.clone(), scenario);
            }
            "text script" => {
                let named = body
                    .lines()
                    .next()
                    .and_then(|l| l.strip_prefix("# scenarios/"))
                    .and_then(|l| l.split_once(".scripts/"))
                    .map(|(id, _)| id.to_string());
                if let Some(id) = named {
                    scripts.push((line, id, body));
                }
            }
            _ => {}
        }
    }
    assert!(scripts.len() >= 4, "the tutorial's scripts are found");
    let mut errors = Vec::new();
    for (line, id, body) in scripts {
        let Some(scenario) = scenarios.get(&id) else {
            errors.push(format!(
                "scenarios/README.md:{line}: no scenario `{id}` in the reference"
            ));
            continue;
        };
        for p in dedale_core::script::check(scenario, &body, dedale_core::engine::Settings::new(1))
        {
            errors.push(format!("scenarios/README.md:{}: {}", line + p.line, p.fr));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The reference shows the shipped fragment as it is: the game and the
/// trainers read the same text.
#[test]
fn the_shipped_fragment_is_the_one_the_reference_shows() {
    let md = common::read(&common::root().join("scenarios/README.md"));
    let shown = fragments(&md);
    let shipped = common::read(&common::root().join("scenarios/communs/aide-numerique.ron"));
    let body = shipped
        .lines()
        .skip_while(|l| l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        shown.get("communs/aide-numerique.ron").map(|s| s.trim()),
        Some(body.trim())
    );
}
