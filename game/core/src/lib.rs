//! Dédale's core: the scenario format, its loader and checks, the engine that
//! plays a scenario, and the solver that proves what a scenario allows.
//!
//! It is pure: it is given text, a seed, a date and actions, and returns
//! scenarios, states, outcomes, events and the anonymous metrics built on them. It never reads files, the clock or
//! the browser, and never panics on any input, so the game, the command line
//! and tests all share it.

#![warn(missing_docs)]

pub mod condition;
pub mod debrief;
pub mod engine;
#[doc(hidden)]
pub mod generate;
mod lang;
pub mod load;
pub mod metrics;
pub mod model;
pub mod rules;
pub mod script;
pub mod solve;
mod text;

pub use lang::Lang;
pub use model::Switches;
pub use text::Text;
