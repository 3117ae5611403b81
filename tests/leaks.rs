//! Searching the exports of a record for typed values: the rule is described
//! at the top of `anonymity.rs`.

#![allow(dead_code)]

use std::collections::BTreeSet;

use dedale_core::metrics::csv_export::{self, Delimiter, HEADERS};
use dedale_core::metrics::{EventKind, Record, jsonl, xapi};
use serde_json::Value;

/// The three exports of one record (CSV with both separators).
pub fn exports(rec: &Record) -> Vec<String> {
    let one = std::slice::from_ref(rec);
    vec![
        jsonl::write(one),
        csv_export::write(one, Delimiter::Semicolon),
        csv_export::write(one, Delimiter::Comma),
        xapi::write(one),
    ]
}

/// Every number the engine computed for this record, as exports may print them.
fn numbers(rec: &Record) -> BTreeSet<u64> {
    let mut n: BTreeSet<u64> = rec.events.iter().map(|e| e.at_ms).collect();
    n.insert(u64::from(rec.header.format));
    n.insert(rec.duration_ms());
    for e in &rec.events {
        if let EventKind::HintUsed { level, .. } = e.kind {
            n.insert(u64::from(level));
        }
    }
    if let Some(o) = &rec.outcome {
        n.extend([o.droits, o.autonomie].map(|v| u64::try_from(v).unwrap_or(0)));
    }
    n
}

/// The text of the exports of a record with numbers checked and computed values masked.
pub fn searchable(rec: &Record) -> String {
    let allowed = numbers(rec);
    let mut strings = Vec::new();
    let mut check_number = |v: u64, what: &str| {
        assert!(
            allowed.contains(&v),
            "{what}: the number {v} was not computed by the engine"
        );
    };
    for line in jsonl::write(std::slice::from_ref(rec)).lines() {
        walk(
            &serde_json::from_str(line).expect("JSON line"),
            &mut strings,
            &mut check_number,
        );
    }
    walk(
        &serde_json::from_str(&xapi::write(std::slice::from_ref(rec))).expect("xAPI"),
        &mut strings,
        &mut check_number,
    );
    let csv = csv_export::write(std::slice::from_ref(rec), Delimiter::Semicolon);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    for row in reader.records() {
        let row = row.expect("CSV row");
        for (i, cell) in row.iter().enumerate() {
            match HEADERS[i] {
                "temps_ms" | "niveau" if !cell.is_empty() => {
                    check_number(cell.parse().expect("a number"), "CSV")
                }
                _ => strings.push(cell.to_string()),
            }
        }
    }
    let h = &rec.header;
    let masked: Vec<String> = strings
        .into_iter()
        .map(|s| {
            let s = s
                .replace(&h.session, "·")
                .replace(&h.content_hash, "·")
                .replace(&h.day, "·");
            let s = s.replace(&xapi::registration(&h.session), "·");
            if is_uuid_or_duration(&s) {
                "·".into()
            } else {
                s
            }
        })
        .collect();
    masked.join("\n").to_lowercase()
}

/// The first secret, or fragment of one, found in the exports of a record.
pub fn find_leak(
    rec: &Record,
    whole: &[String],
    fragments: &BTreeSet<[char; 4]>,
) -> Option<String> {
    let text = searchable(rec);
    if let Some(secret) = whole.iter().find(|w| text.contains(w.as_str())) {
        return Some(format!("`{secret}`"));
    }
    let windows = windows(&text);
    let f = fragments.iter().find(|f| windows.contains(*f))?;
    Some(format!("fragment `{}`", f.iter().collect::<String>()))
}

/// Every 4-character window of a text.
pub fn windows(text: &str) -> std::collections::HashSet<[char; 4]> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).map(|w| [w[0], w[1], w[2], w[3]]).collect()
}

fn is_uuid_or_duration(s: &str) -> bool {
    let uuid = s.len() == 36 && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
    let duration = s.starts_with("PT")
        && s.ends_with('S')
        && s[2..s.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.');
    uuid || duration
}

fn walk(v: &Value, strings: &mut Vec<String>, number: &mut impl FnMut(u64, &str)) {
    match v {
        Value::String(s) => strings.push(s.clone()),
        Value::Number(n) => number(
            n.as_u64().expect("whole, non-negative numbers only"),
            "JSON",
        ),
        Value::Array(a) => a.iter().for_each(|x| walk(x, strings, number)),
        Value::Object(m) => {
            for (k, x) in m {
                strings.push(k.clone());
                walk(x, strings, number);
            }
        }
        Value::Bool(_) | Value::Null => {}
    }
}
