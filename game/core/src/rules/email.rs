//! E-mail addresses, checked the pragmatic way portals do rather than by the
//! full RFC 5322 grammar: one @, a local part without spaces, a domain with
//! a dot and a real-looking extension. That catches the common slips
//! (missing @, `gmail..com`, `orange.f`, a space) without refusing unusual
//! but genuine addresses such as `prénom+caf@exemple.fr`.

use super::ErrorKind;

/// Characters never found in the addresses people actually use; most of
/// them are legal only inside quotes, which no portal accepts.
const FORBIDDEN_LOCAL: &[char] = &['(', ')', '<', '>', '[', ']', ',', ';', ':', '\\', '"'];

pub(super) fn check(input: &str) -> Result<String, ErrorKind> {
    let (local, domain) = input.trim().split_once('@').ok_or(ErrorKind::Email)?;
    if !local_ok(local) || !domain_ok(domain) {
        return Err(ErrorKind::Email);
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

fn local_ok(local: &str) -> bool {
    !local.is_empty()
        && local.split('.').all(|part| !part.is_empty())
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !FORBIDDEN_LOCAL.contains(&c))
}

fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let Some((tld, _)) = labels.split_last() else {
        return false;
    };
    labels.len() >= 2
        && labels.iter().all(|label| label_ok(label))
        && tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
}

/// A domain label: letters (accented ones included, for internationalised
/// domains), digits and inner hyphens.
fn label_ok(label: &str) -> bool {
    !label.is_empty()
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_addresses() {
        for ok in [
            "camille.martin@example.fr",
            "jean-pierre.dupont@orange.fr",
            "j.dupont+impots@gmail.com",
            "marie_2@laposte.net",
            "contact@mairie-saint-etienne.fr",
            "élodie@free.fr",
            "x@sub.domaine.gouv.fr",
            "o'brien@example.co.uk",
        ] {
            assert_eq!(check(ok), Ok(ok.to_string()), "{ok}");
        }
        assert_eq!(check("Camille@Example.FR"), Ok("Camille@example.fr".into()));
    }

    #[test]
    fn common_slips() {
        for bad in [
            "camille.martin",
            "camille.martin.example.fr",
            "camille@martin@example.fr",
            "@example.fr",
            "camille@",
            "camille@example",
            "camille@example.f",
            "camille@example..fr",
            "camille@.example.fr",
            "camille@example.fr.",
            "camille..martin@example.fr",
            ".camille@example.fr",
            "camille.@example.fr",
            "camille martin@example.fr",
            "camille@exa mple.fr",
            "camille@example.fr2",
            "camille@-example.fr",
            "camille@example_site.fr",
            "<camille@example.fr>",
            "camille,martin@example.fr",
        ] {
            assert_eq!(check(bad), Err(ErrorKind::Email), "{bad}");
        }
    }
}
