//! Checks of what a scenario computes and compares: derived facts, fields
//! that repeat another, counters, blocks shown under a condition. Run after
//! the structural checks of `checks.rs`, with the same positions.

use super::{Diagnostic, Locator, LogicProblem, Pos, Problem, Severity, What, nearest};
use crate::condition::{Condition, Effect};
use crate::model::{Block, Scenario, compute};

/// Runs every check of this file.
pub fn run(s: &Scenario, loc: &Locator) -> Vec<Diagnostic> {
    let mut c = Logic {
        s,
        loc,
        out: Vec::new(),
    };
    c.derived();
    c.repeats();
    c.counters();
    c.shown();
    c.out
}

struct Logic<'a> {
    s: &'a Scenario,
    loc: &'a Locator,
    out: Vec<Diagnostic>,
}

impl Logic<'_> {
    fn push(&mut self, (line, column): Pos, severity: Severity, problem: Problem) {
        self.out.push(Diagnostic {
            file: None,
            line,
            column,
            severity,
            problem,
        });
    }

    fn error(&mut self, pos: Pos, problem: LogicProblem) {
        self.push(pos, Severity::Error, Problem::Logic(problem));
    }

    fn def(&self, id: &str) -> Pos {
        self.loc.definition(id).unwrap_or((1, 1))
    }

    /// Every derived fact comes from a known fact, has a name of its own,
    /// and can be computed.
    fn derived(&mut self) {
        let s = self.s;
        let printed: Vec<&str> = s
            .persona
            .documents
            .iter()
            .flat_map(|d| d.lines.iter().filter_map(|l| l.fact.as_deref()))
            .collect();
        let mut known: Vec<&str> = printed.clone();
        for d in &s.persona.derived {
            if printed.contains(&d.id.as_str()) {
                self.error(self.def(&d.id), LogicProblem::DerivedClash(d.id.clone()));
            }
            let source = if known.contains(&d.from.as_str()) {
                s.fact(&d.from)
            } else {
                let hint = nearest(&d.from, known.iter().copied());
                let pos = self.loc.reference(&d.id, &d.from, &["from"]);
                let problem = Problem::Unknown(What::Fact, d.from.clone(), hint);
                self.push(pos, Severity::Error, problem);
                None
            };
            if let Some(Err(error)) = source.map(|v| compute(v, d.compute)) {
                let problem = LogicProblem::DerivedInvalid {
                    id: d.id.clone(),
                    error,
                };
                self.error(self.def(&d.id), problem);
            }
            known.push(&d.id);
        }
    }

    /// Every `same_as` names another text field of the same kind.
    fn repeats(&mut self) {
        let s = self.s;
        let fields = s
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .filter_map(|b| match b {
                Block::Field(f) => Some(f),
                _ => None,
            });
        for f in fields {
            let Some(other) = &f.same_as else { continue };
            let pos = self.loc.reference(&f.id, other, &["same_as"]);
            if *other == f.id {
                self.error(pos, LogicProblem::SameAsItself(f.id.clone()));
                continue;
            }
            match s.input(other) {
                None => {
                    let inputs = s
                        .pages
                        .iter()
                        .flat_map(|p| p.blocks.iter().filter_map(Block::input_id));
                    let hint = nearest(other, inputs);
                    let problem = Problem::Unknown(What::Input, other.clone(), hint);
                    self.push(pos, Severity::Error, problem);
                }
                Some((_, Block::Field(o))) if o.kind != f.kind => {
                    let problem = LogicProblem::SameAsKind {
                        field: f.id.clone(),
                        other: other.clone(),
                    };
                    self.error(pos, problem);
                }
                Some((_, Block::Field(_))) => {}
                Some(_) => {
                    let problem = LogicProblem::SameAsNotField {
                        field: f.id.clone(),
                        other: other.clone(),
                    };
                    self.error(pos, problem);
                }
            }
        }
    }

    /// Every counter a condition reads is counted somewhere, from 1 on.
    fn counters(&mut self) {
        let s = self.s;
        let counted: Vec<&str> = s
            .effects()
            .filter_map(|e| match e {
                Effect::Count(c) => Some(c.as_str()),
                _ => None,
            })
            .collect();
        for (owner, cond) in s.conditions() {
            let mut read: Vec<(String, u8)> = Vec::new();
            cond.visit(&mut |c| {
                if let Condition::CountAtLeast(counter, n) = c {
                    read.push((counter.clone(), *n));
                }
            });
            for (counter, n) in read {
                let pos = self.loc.reference(owner, &counter, &["CountAtLeast"]);
                if n == 0 {
                    self.error(pos, LogicProblem::CountZero(counter.clone()));
                }
                if !counted.contains(&counter.as_str()) {
                    let hint = nearest(&counter, counted.iter().copied());
                    let problem = LogicProblem::NeverCounted(counter, hint);
                    self.push(pos, Severity::Warning, Problem::Logic(problem));
                }
            }
        }
    }

    /// No block's `when` draws chance.
    fn shown(&mut self) {
        for page in &self.s.pages {
            for block in &page.blocks {
                let mut chance = false;
                block
                    .when()
                    .visit(&mut |c| chance |= matches!(c, Condition::Chance(_)));
                if chance {
                    let owner = block.input_id().unwrap_or(&page.id);
                    let pos = self.loc.reference(owner, "Chance", &["when"]);
                    self.error(pos, LogicProblem::ChanceInWhen);
                }
            }
        }
    }
}
