//! Load + check + solve of every shipped scenario, of a generated 1,000-page
//! portal, and of a scenario built to explode the state space (bounded).
//! Run with `cargo bench -p dedale-core`; figures go in the README.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

use dedale_core::generate;
use dedale_core::solve::{Limits, check};

fn shipped() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "ron"));
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let name = p.file_stem()?.to_str()?.to_string();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("load+check+solve");
    group.sample_size(10);
    for (name, text) in shipped() {
        group.bench_function(&name, |b| {
            b.iter(|| check(&name, black_box(&text), Limits::default()).is_ok())
        });
    }
    let long = generate::long_portal(1000);
    group.bench_function("genere-1000-pages", |b| {
        b.iter(|| check("long", black_box(&long), Limits::default()).is_ok())
    });
    let explosive = generate::explosive(24);
    group.bench_function("explosion-bornee", |b| {
        b.iter(|| check("explosion", black_box(&explosive), Limits::default()).is_err())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
