//! "Did you mean…?" for misspelt ids and keys.

/// The candidate closest to `word`, if close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        if c == word {
            continue;
        }
        let score = strsim::normalized_damerau_levenshtein(&word.to_lowercase(), &c.to_lowercase());
        if score >= 0.6 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_page_finds_its_page() {
        assert_eq!(
            nearest("paiemment", ["accueil", "paiement", "recap"]),
            Some("paiement".into())
        );
        assert_eq!(nearest("zzz", ["accueil", "paiement"]), None);
    }
}
