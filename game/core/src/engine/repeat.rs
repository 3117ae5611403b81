//! A field that repeats another (`same_as`): a confirmation on the same page,
//! or a password chosen on an earlier page and typed again to log in. Only
//! the answers in the state are compared; nothing is recorded but the error
//! code, like every refusal.

use super::Session;
use crate::model::{Block, Field};
use crate::rules::{self, ErrorKind};

impl Session<'_> {
    /// The error of a field whose valid value `normal` must repeat another
    /// field's, if it does not. On the same page a confirmation is checked
    /// only once the first field holds a valid value (that field shows its
    /// own error first); from another page the value must be there and the
    /// same, or the portal answers as a login does, vaguely.
    pub(super) fn repeat_error(&self, field: &Field, normal: &str) -> Option<ErrorKind> {
        let other_id = field.same_as.as_deref()?;
        let Some((page, Block::Field(other))) = self.scenario.input(other_id) else {
            return None;
        };
        let same_page = page.id == self.state.page;
        let Some(first) = self.state.text(other_id) else {
            return (!same_page).then_some(ErrorKind::Mismatch);
        };
        if same_page && rules::check(&other.kind, first.trim(), self.state.today).is_err() {
            return None;
        }
        if self.same_value(other_id, first.trim(), normal) {
            return None;
        }
        Some(if same_page {
            ErrorKind::MismatchConfirmation
        } else {
            ErrorKind::Mismatch
        })
    }
}
