//! Chance. The engine draws every random outcome through [`Dice`] so the
//! same seed gives the same run, and the solver can force each branch.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Decides whether something that happens `percent` times in a hundred happens now.
pub trait Dice {
    /// Rolls.
    fn roll(&mut self, percent: u8) -> bool;
}

impl Dice for ChaCha8Rng {
    fn roll(&mut self, percent: u8) -> bool {
        percent >= 100 || (percent > 0 && self.random_range(0u8..100) < percent)
    }
}

/// The session's generator for a seed.
pub(crate) fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// Dice whose outcomes are given in advance, then "no" (or "yes" for certainties); it records every roll.
#[derive(Clone, Debug, Default)]
pub struct ForcedDice {
    forced: Vec<bool>,
    rolls: Vec<(u8, bool)>,
}

impl ForcedDice {
    /// Dice that answer `forced` in order, then the default.
    pub fn new(forced: Vec<bool>) -> ForcedDice {
        ForcedDice {
            forced,
            rolls: Vec::new(),
        }
    }

    /// Every roll made so far: its chance and its outcome.
    pub fn rolls(&self) -> &[(u8, bool)] {
        &self.rolls
    }
}

impl Dice for ForcedDice {
    fn roll(&mut self, percent: u8) -> bool {
        let outcome = match self.forced.get(self.rolls.len()) {
            Some(&forced) => forced,
            None => percent >= 100,
        };
        let outcome = if percent == 0 {
            false
        } else if percent >= 100 {
            true
        } else {
            outcome
        };
        self.rolls.push((percent, outcome));
        outcome
    }
}

/// Draws `n` decimal digits, for codes and receipts.
pub(crate) fn digits(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0u8..10)))
        .collect()
}

/// Draws a captcha: letters and digits that cannot be confused (no 0/O, 1/l/I).
pub(crate) fn captcha(rng: &mut ChaCha8Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    (0..5)
        .map(|_| {
            let i = rng.random_range(0..ALPHABET.len());
            char::from(ALPHABET.get(i).copied().unwrap_or(b'A'))
        })
        .collect()
}
