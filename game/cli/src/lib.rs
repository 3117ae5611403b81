//! The trainer's terminal drawing of the engine's state, as a library: the
//! `dedale-cli` binary prints with it, and the game's tests compare its
//! debrief with the one the game shows for the same run.

#![warn(missing_docs)]

pub mod render;
