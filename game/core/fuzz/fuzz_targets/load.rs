//! Any bytes given to the loader, then to the solver and a short run: no panic, no hang.
#![no_main]

use dedale_core::engine::{Action, Session};
use dedale_core::solve::{check, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits { max_states: 2_000, max_combinations: 16, max_actions: 20_000 };
    if let Ok((scenario, _)) = check("fuzz.ron", text, limits) {
        let mut session = Session::new(&scenario, 0);
        session.act(Action::Hint);
        session.act(Action::Abandon);
    }
});
