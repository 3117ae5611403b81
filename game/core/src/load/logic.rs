//! Problems with what a scenario computes and compares: derived facts,
//! fields that repeat another (`same_as`), counters, blocks shown under a
//! condition. Kept apart from `problem.rs` so each part reads on its own.

use crate::model::DeriveError;

/// A problem with a derived fact, a comparison, a counter or a block's `when`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogicProblem {
    /// A derived fact's name is already the name of a fact.
    DerivedClash(String),
    /// A derived fact cannot be computed from its source.
    DerivedInvalid {
        /// The derived fact.
        id: String,
        /// Why.
        error: DeriveError,
    },
    /// A field's `same_as` names the field itself.
    SameAsItself(String),
    /// A field's `same_as` names an input that is not a `Field`.
    SameAsNotField {
        /// The field with `same_as`.
        field: String,
        /// The input it names.
        other: String,
    },
    /// A condition reads a counter no effect counts; the nearest counted one.
    NeverCounted(String, Option<String>),
    /// `CountAtLeast(_, 0)`, which always holds.
    CountZero(String),
    /// `Chance` in a block's `when`: what a page shows cannot be drawn at random.
    ChanceInWhen,
    /// A field repeats another of a different kind.
    SameAsKind {
        /// The field with `same_as`.
        field: String,
        /// The field it repeats.
        other: String,
    },
}

impl LogicProblem {
    /// The message in French.
    pub fn fr(&self) -> String {
        match self {
            LogicProblem::DerivedClash(id) => format!(
                "le fait calculé `{id}` porte le nom d'un fait déjà imprimé sur un document : choisissez un autre nom"
            ),
            LogicProblem::DerivedInvalid { id, error } => {
                let why = match error {
                    DeriveError::Nothing => "`Last(0)` ou `First(0)` ne garde rien : écrivez 1 ou plus".to_string(),
                    DeriveError::TooShort { wanted, has } => format!(
                        "la valeur d'origine n'a que {has} caractère{} (sans les espaces), moins que les {wanted} demandés",
                        if *has > 1 { "s" } else { "" }
                    ),
                    DeriveError::NotADate => {
                        "`PlusDays` ne s'applique qu'à une date écrite jj/mm/aaaa, par exemple 14/07/2026".to_string()
                    }
                    DeriveError::OutOfRange => "la date obtenue sort des années 1 à 9999".to_string(),
                };
                format!("le fait calculé `{id}` ne peut pas être calculé : {why}")
            }
            LogicProblem::NeverCounted(c, hint) => {
                let also = hint
                    .as_ref()
                    .map(|h| format!(" ; vouliez-vous dire `{h}` ?"))
                    .unwrap_or_default();
                format!(
                    "le compteur `{c}` n'est jamais augmenté : aucun effet `Count(\"{c}\")` dans le scénario{also}"
                )
            }
            LogicProblem::CountZero(c) => {
                format!("`CountAtLeast(\"{c}\", 0)` est toujours vrai : comptez à partir de 1")
            }
            LogicProblem::ChanceInWhen => "`Chance` ne peut pas décider si un bloc s'affiche (la page changerait à chaque affichage) : utilisez un drapeau posé par un effet, ou un incident".into(),
            LogicProblem::SameAsItself(f) => format!(
                "le champ `{f}` se répète lui-même (`same_as: \"{f}\"`) : nommez le champ qu'il confirme"
            ),
            LogicProblem::SameAsNotField { field, other } => format!(
                "le champ `{field}` répète `{other}`, qui n'est pas un champ de saisie (`Field`) : `same_as` ne compare que deux champs"
            ),
            LogicProblem::SameAsKind { field, other } => format!(
                "le champ `{field}` répète `{other}` mais n'a pas le même type (`kind`) : donnez-lui le même type que `{other}`"
            ),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            LogicProblem::DerivedClash(id) => format!(
                "derived fact `{id}` has the name of a fact printed on a document: choose another name"
            ),
            LogicProblem::DerivedInvalid { id, error } => {
                let why = match error {
                    DeriveError::Nothing => {
                        "`Last(0)` or `First(0)` keeps nothing: write 1 or more".to_string()
                    }
                    DeriveError::TooShort { wanted, has } => format!(
                        "the source value has only {has} character{} (spaces left out), fewer than the {wanted} asked for",
                        if *has == 1 { "" } else { "s" }
                    ),
                    DeriveError::NotADate => {
                        "`PlusDays` applies only to a date written dd/mm/yyyy, such as 14/07/2026"
                            .to_string()
                    }
                    DeriveError::OutOfRange => {
                        "the date falls outside the years 1 to 9999".to_string()
                    }
                };
                format!("derived fact `{id}` cannot be computed: {why}")
            }
            LogicProblem::NeverCounted(c, hint) => {
                let also = hint
                    .as_ref()
                    .map(|h| format!("; did you mean `{h}`?"))
                    .unwrap_or_default();
                format!(
                    "counter `{c}` is never raised: no `Count(\"{c}\")` effect in the scenario{also}"
                )
            }
            LogicProblem::CountZero(c) => {
                format!("`CountAtLeast(\"{c}\", 0)` always holds: count from 1")
            }
            LogicProblem::ChanceInWhen => "`Chance` cannot decide whether a block is shown (the page would change each time it is drawn): use a flag set by an effect, or an incident".into(),
            LogicProblem::SameAsItself(f) => format!(
                "field `{f}` repeats itself (`same_as: \"{f}\"`): name the field it confirms"
            ),
            LogicProblem::SameAsNotField { field, other } => format!(
                "field `{field}` repeats `{other}`, which is not a text field (`Field`): `same_as` compares two fields only"
            ),
            LogicProblem::SameAsKind { field, other } => format!(
                "field `{field}` repeats `{other}` but has another `kind`: give it the same kind as `{other}`"
            ),
        }
    }
}
