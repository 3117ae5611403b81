//! Buttons and links, and the routes they lead by.

use serde::{Deserialize, Serialize};

use crate::Text;
use crate::condition::{Condition, Effect};

/// A button or a link.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Button {
    /// Identifier, unique on its page.
    pub id: String,
    /// What it says.
    pub label: Text,
    /// How it looks.
    #[serde(default)]
    pub style: ButtonStyle,
    /// Whether pressing it checks the page's inputs first. By default buttons do
    /// and links (`style: Link`) do not, as on real portals.
    #[serde(default)]
    pub validate: Option<bool>,
    /// Where it leads, when it leads to one place.
    #[serde(default)]
    pub goto: Option<String>,
    /// Where it leads, by conditions tried in order; the first that holds wins.
    #[serde(default)]
    pub next: Vec<Route>,
    /// Effects applied each time the page's checks refuse a press of this
    /// button (a wrong password): `[Count("essais")]` counts wrong tries.
    #[serde(default)]
    pub on_refused: Vec<Effect>,
    /// When it is shown (and, for an input, checked); always, by default.
    #[serde(default)]
    pub when: Condition,
}

impl Button {
    /// Whether pressing it checks the page's inputs first.
    pub fn validates(&self) -> bool {
        self.validate.unwrap_or(self.style != ButtonStyle::Link)
    }

    /// The routes in the order they are tried: `next`, then `goto` as the last, unconditional one.
    pub fn routes(&self) -> impl Iterator<Item = Route> + '_ {
        self.next
            .iter()
            .cloned()
            .chain(self.goto.iter().map(|g| Route {
                when: Condition::Always,
                goto: g.clone(),
                effects: Vec::new(),
            }))
    }
}

/// How a button looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ButtonStyle {
    /// The main action of the page.
    #[default]
    Primary,
    /// Another action.
    Secondary,
    /// A text link.
    Link,
}

/// A way out of a page, taken when its condition holds.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// When this route is taken; always, by default.
    #[serde(default)]
    pub when: Condition,
    /// A page or an ending.
    pub goto: String,
    /// Effects applied when it is taken.
    #[serde(default)]
    pub effects: Vec<Effect>,
}
