//! A fragment: pages, messages and debrief paragraphs written once and
//! included by several scenarios (a common login page, a common "where to
//! get help"). The loader reads the fragments a scenario names in `include`
//! through its caller, and merges them in.

use serde::{Deserialize, Serialize};

use super::{Message, Page, Section};
use crate::Text;

/// A fragment file: `Fragment(format: 2, pages: [...], messages: [...], paragraphs: [...])`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    /// Format version, `2`.
    pub format: u32,
    /// Pages added to the scenario's own.
    #[serde(default)]
    pub pages: Vec<Page>,
    /// Messages added to the scenario's own.
    #[serde(default)]
    pub messages: Vec<Message>,
    /// Debrief paragraphs that endings use with `(shared: "id")`.
    #[serde(default)]
    pub paragraphs: Vec<SharedParagraph>,
}

/// A debrief paragraph written once, for several scenarios.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedParagraph {
    /// Identifier, named by `(shared: "…")` in an ending's `paragraphs`.
    pub id: String,
    /// The part of the debrief it goes in, unless the ending says otherwise.
    #[serde(default)]
    pub section: Section,
    /// The text.
    pub text: Text,
}
