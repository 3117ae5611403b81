//! Which blocks of a page are shown now: those whose `when` holds. The one
//! place that decides it, for the game's portal and its screen-reader mirror,
//! `dedale-cli play`, the page's checks and the solver. A hidden block is not
//! drawn, not checked and not required; a hidden button cannot be pressed.

use super::{ForcedDice, Session, State, eval};
use crate::model::{Block, Page, Scenario};

impl State {
    /// The blocks of `page` shown in this state, with their place in the
    /// page (a stable id for the screen). A `when` never draws chance: the
    /// checks refuse `Chance` there, and it counts as not holding.
    pub fn visible_blocks<'s>(
        &self,
        scenario: &Scenario,
        page: &'s Page,
    ) -> Vec<(usize, &'s Block)> {
        let mut never = ForcedDice::new(Vec::new());
        page.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| eval::holds(scenario, self, b.when(), &mut never, 0))
            .collect()
    }

    /// The blocks of the current page shown in this state.
    pub fn shown<'s>(&self, scenario: &'s Scenario) -> Vec<&'s Block> {
        scenario
            .page(&self.page)
            .map(|p| {
                self.visible_blocks(scenario, p)
                    .into_iter()
                    .map(|(_, b)| b)
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl<'s> Session<'s> {
    /// The blocks of the current page shown now.
    pub fn visible_blocks(&self) -> Vec<&'s Block> {
        self.state.shown(self.scenario)
    }
}
