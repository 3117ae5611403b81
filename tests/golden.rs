//! Golden tests of error messages: each broken file in `tests/golden/` has the
//! exact report a trainer sees, in French (`.fr.txt`) and English (`.en.txt`).
//! Run with `UPDATE_GOLDEN=1` to write them after a deliberate change, then read the diff.
//! Cases are read as bytes, as `dedale-cli` reads them: some are not UTF-8 on purpose.

mod common;

use dedale_core::Lang;
use dedale_core::load::decode;
use dedale_core::solve::{Limits, check};

#[test]
fn broken_files_give_their_golden_reports() {
    let dir = common::root().join("tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "golden cases exist");
    let update = std::env::var("UPDATE_GOLDEN").is_ok();
    for file in files {
        let name = format!(
            "tests/golden/{}",
            file.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        let bytes = std::fs::read(&file).expect("reads golden case");
        let checked = decode(&name, &bytes).and_then(|text| check(&name, text, Limits::default()));
        let report = match checked {
            Err(report) => report,
            Ok((_, report)) => panic!(
                "{name} should be refused; warnings: {}",
                report.render(Lang::Fr)
            ),
        };
        for (lang, ext) in [(Lang::Fr, "fr.txt"), (Lang::En, "en.txt")] {
            let expected_path = file.with_extension(ext);
            let actual = report.render(lang);
            if update {
                std::fs::write(&expected_path, &actual).expect("writes golden file");
                continue;
            }
            let expected = common::read(&expected_path);
            assert_eq!(
                actual, expected,
                "{name} ({ext}) changed; run with UPDATE_GOLDEN=1 and review"
            );
        }
    }
}
