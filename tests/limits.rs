//! Hostile and huge input gets a clear answer, never a hang, a panic or a stack overflow.

use dedale_core::generate;
use dedale_core::load::{Encoding, MAX_BYTES, Problem, decode, load};
use dedale_core::solve::{Limits, check, problems, solve};

#[test]
fn a_ten_megabyte_file_is_refused_at_once() {
    let big = "/".repeat(10 * 1024 * 1024);
    let report = load("gros.ron", &big).expect_err("too big");
    assert!(matches!(
        report.diagnostics[0].problem,
        Problem::TooLarge { max: MAX_BYTES, .. }
    ));
}

#[test]
fn bytes_that_are_not_utf8_are_placed_whatever_their_size() {
    // Four megabytes of noise (a xorshift), and the same size of text with one bad byte at its end.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..4 * 1024 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()[0]
        })
        .collect();
    let report = decode("bruit.ron", &noise).expect_err("not text");
    assert!(matches!(
        report.diagnostics[0].problem,
        Problem::NotUtf8 { .. }
    ));
    let mut text = "é\n".repeat(2 * 1024 * 1024 / 3).into_bytes();
    let lines = text.len() / 3;
    text.extend_from_slice(b"ab\xe9");
    let report = decode("long.ron", &text).expect_err("one bad byte");
    let d = &report.diagnostics[0];
    assert_eq!((d.line, d.column), (lines + 1, 3));
    assert_eq!(
        d.problem,
        Problem::NotUtf8 {
            byte: 0xE9,
            encoding: Encoding::Legacy(Some('é'))
        }
    );
}

#[test]
fn nesting_thousands_deep_is_an_error_not_a_stack_overflow() {
    for open in ["(", "[", "Some(", "Not("] {
        let deep = format!("Scenario(format: 1, meta: {}", open.repeat(5000));
        let report = load("profond.ron", &deep).expect_err("refused");
        assert!(matches!(
            report.diagnostics[0].problem,
            Problem::Syntax { .. }
        ));
    }
}

#[test]
fn deeply_nested_conditions_are_refused_by_the_checks() {
    let mut cond = String::from("Flag(\"x\")");
    for _ in 0..40 {
        cond = format!("Not({cond})");
    }
    let text = generate::long_portal(2).replace(
        "goto: \"p1\"))",
        &format!("next: [(when: {cond}, goto: \"p1\"), (goto: \"p1\")]))"),
    );
    let report = load("conditions.ron", &text).expect_err("refused");
    let refused = |d: &dedale_core::load::Diagnostic| {
        d.problem == Problem::TooDeep || matches!(d.problem, Problem::Syntax { .. })
    };
    assert!(report.diagnostics.iter().any(refused), "{report}");
}

#[test]
fn an_exploding_state_space_gives_a_bounded_answer() {
    let text = generate::explosive(24);
    let scenario = load("explosion.ron", &text).expect("loads");
    let explorations = solve(&scenario, Limits::default());
    assert!(explorations.iter().all(|e| e.bounded));
    let found = problems(&scenario, &explorations);
    assert!(
        matches!(found.first(), Some((Problem::Bounded(_), true))),
        "{found:?}"
    );
    assert!(check("explosion.ron", &text, Limits::default()).is_err());
}

#[test]
fn a_thousand_page_portal_is_proven_whole() {
    let text = generate::long_portal(1000);
    let (scenario, report) = check("long.ron", &text, Limits::default()).expect("valid");
    assert!(report.diagnostics.is_empty());
    assert_eq!(scenario.pages.len(), 1000);
}
