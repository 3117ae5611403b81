//! The layout of each crate: dependencies between its top-level modules point
//! one way. A module that imports one that imports it back (the game's state
//! and its screens, the theme and the interface) is where a concept ends up
//! living in two places; this test names the cycle, module by module.
//!
//! It reads the sources as text: every `crate::name` path, including those in
//! `use crate::{a, b}` groups, is an edge from the file's top-level module to
//! `name` (test modules, `tests.rs` and `tests_*.rs`, left out: a test may use any module). Run it alone with `cargo test -p dedale-tests --test layout`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::root;

/// Top-level module → the top-level modules it names.
type Graph = BTreeMap<String, BTreeSet<String>>;

fn graph(src: &Path) -> Graph {
    let mut graph = Graph::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("inside src");
            let first = rel
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .unwrap_or_default();
            let module = first.trim_end_matches(".rs").to_string();
            if module == "lib" || module == "main" {
                continue;
            }
            // Tests may use any module: only the code they test must point one way.
            // Test files are `tests.rs`, or `tests_<what>.rs` beside it.
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            if stem == "tests" || stem.starts_with("tests_") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default();
            // Doc links name modules without depending on them.
            let code: String = code
                .lines()
                .map(|l| l.split("//").next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n");
            let names = graph.entry(module.clone()).or_default();
            for name in named_modules(&code) {
                if name != module {
                    names.insert(name);
                }
            }
        }
    }
    graph
}

/// The first segment after each `crate::`, and each item of a `crate::{…}` group.
fn named_modules(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group's items at its own level: `a::{B, C}, d` names `a` and `d`.
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.insert(ident(item.trim_start()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            names.insert(ident(item.trim_start()));
            names.retain(|n| !n.is_empty() && n != "self");
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

/// A cycle through the graph, if there is one, as the modules in order.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut found = path[i..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if graph.contains_key(next)
                && let Some(found) = visit(next, graph, path, done)
            {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn assert_acyclic(crate_src: &str) {
    let graph = graph(&root().join(crate_src));
    assert!(graph.len() > 3, "{crate_src}: modules found: {graph:?}");
    if let Some(found) = cycle(&graph) {
        panic!(
            "{crate_src}: these modules import each other in a circle: {}",
            found.join(" → ")
        );
    }
}

#[test]
fn the_game_has_no_import_cycle() {
    assert_acyclic("game/app/src");
}

#[test]
fn the_core_has_no_import_cycle() {
    assert_acyclic("game/core/src");
}

#[test]
fn the_command_line_has_no_import_cycle() {
    assert_acyclic("game/cli/src");
}

#[test]
fn a_cycle_is_found_and_named() {
    let mut graph = Graph::new();
    graph.insert("game".into(), ["screens".into()].into());
    graph.insert("screens".into(), ["game".into(), "theme".into()].into());
    graph.insert("theme".into(), BTreeSet::new());
    assert_eq!(
        cycle(&graph),
        Some(vec!["game".into(), "screens".into(), "game".into()])
    );
    graph.insert("game".into(), BTreeSet::new());
    assert_eq!(cycle(&graph), None);
}

#[test]
fn grouped_imports_count_as_edges() {
    let names = named_modules(
        "use crate::{catalog::{Catalog, Entry}, game::Game};\nlet x = crate::store::read();",
    );
    assert_eq!(names, ["catalog", "game", "store"].map(String::from).into());
}
