//! French postal codes: five digits, the first two usually the department
//! (2A/2B Corsica uses 20, overseas 97). No code starts with 00.

use super::ErrorKind;

pub(super) fn check(input: &str) -> Result<String, ErrorKind> {
    let code = input.trim();
    let five_digits = code.len() == 5 && code.chars().all(|c| c.is_ascii_digit());
    if !five_digits || code.starts_with("00") {
        return Err(ErrorKind::PostalCode);
    }
    Ok(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule() {
        for ok in ["75011", "01000", "20000", "97411", "98000", " 69003 "] {
            assert_eq!(check(ok), Ok(ok.trim().to_string()), "{ok}");
        }
        for bad in [
            "7501",
            "750011",
            "75 011",
            "00100",
            "2A000",
            "75O11",
            "７５０１１",
            "Paris",
        ] {
            assert_eq!(check(bad), Err(ErrorKind::PostalCode), "{bad}");
        }
    }
}
