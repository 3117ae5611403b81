//! The numéro allocataire the CAF gives each household: seven digits,
//! printed on every letter and on the caf.fr account page.

use super::{ErrorKind, strip_separators};

/// A plausible numéro allocataire, as the solver types it.
pub(super) const SAMPLE: &str = "2468013";

pub(super) fn check(input: &str) -> Result<String, ErrorKind> {
    let digits = strip_separators(input);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(ErrorKind::CafCharacters);
    }
    if digits.len() != 7 {
        return Err(ErrorKind::CafLength);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule() {
        assert_eq!(check("2468013"), Ok("2468013".into()));
        assert_eq!(check("246 80 13"), Ok("2468013".into()));
        assert_eq!(check("0012345"), Ok("0012345".into()));
        assert_eq!(check("246801"), Err(ErrorKind::CafLength));
        assert_eq!(check("24680131"), Err(ErrorKind::CafLength));
        assert_eq!(check("246801A"), Err(ErrorKind::CafCharacters));
        assert_eq!(check("n° 2468013"), Err(ErrorKind::CafCharacters));
        assert_eq!(check("２４６８０１３"), Err(ErrorKind::CafCharacters));
    }
}
