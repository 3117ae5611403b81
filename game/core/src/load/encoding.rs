//! Bytes to text: a scenario file must be UTF-8. When it is not, the trainer
//! learns where the first unreadable byte is and how to save the file again.
//!
//! The core reads no file: the caller gives the bytes it read.

use super::{Diagnostic, Report, Severity};
use crate::load::Problem;

/// How a file that is not UTF-8 was most likely written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16, what some editors call « Unicode » (it starts with a byte-order mark).
    Utf16,
    /// Not text at all: an image, a PDF, a word-processor document…
    Binary,
    /// Text in an older encoding (Windows-1252, ISO-8859-1); the byte is likely this character.
    Legacy(Option<char>),
}

/// The text of a scenario file, or the report saying it is not UTF-8.
/// Scans the bytes once: answers at once even for a large binary file.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Report> {
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let bad = error.valid_up_to();
    let prefix = bytes
        .get(..bad)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    let byte = bytes.get(bad).copied().unwrap_or(0);
    let encoding = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Encoding::Utf16
    } else if bytes.iter().take(8192).any(|&b| b == 0) || looks_binary(bytes) {
        Encoding::Binary
    } else {
        Encoding::Legacy(windows_1252(byte))
    };
    let line = prefix.matches('\n').count() + 1;
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    let column = prefix.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
    // The source kept for the excerpt: for a text in another encoding, the text
    // up to the end of the bad line, unreadable bytes shown as �; none for the
    // others, whose first line means nothing to a reader.
    let rest = bytes.get(bad..).unwrap_or(&[]);
    let end = rest
        .iter()
        .take(4096)
        .position(|&b| b == b'\n')
        .unwrap_or(rest.len().min(4096));
    let mut source = String::new();
    if let Encoding::Legacy(_) = encoding {
        source.push_str(prefix);
        source.push_str(&String::from_utf8_lossy(rest.get(..end).unwrap_or(&[])));
    }
    Err(Report {
        file: file.to_string(),
        source,
        diagnostics: vec![Diagnostic {
            file: None,
            line,
            column,
            severity: Severity::Error,
            problem: Problem::NotUtf8 { byte, encoding },
        }],
        includes: Vec::new(),
    })
}

/// Whether the start of the file is mostly bytes no text file has.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(512)).unwrap_or(&[]);
    let odd = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    odd * 10 > head.len()
}

/// The character a byte stands for in Windows-1252, if it is a letter or a
/// sign a French text would hold.
fn windows_1252(byte: u8) -> Option<char> {
    match byte {
        0x80 => Some('€'),
        0x85 => Some('…'),
        0x8C => Some('Œ'),
        0x92 => Some('’'),
        0x93 => Some('“'),
        0x94 => Some('”'),
        0x96 => Some('–'),
        0x97 => Some('—'),
        0x9C => Some('œ'),
        0xAB | 0xBB | 0xB0 | 0xC0..=0xFF => Some(char::from(byte)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(bytes: &[u8]) -> (usize, usize, Problem) {
        let report = decode("f.ron", bytes).expect_err("not UTF-8");
        let d = report.diagnostics.first().cloned().expect("one problem");
        (d.line, d.column, d.problem)
    }

    #[test]
    fn utf8_passes_through() {
        assert_eq!(decode("f.ron", "(é)".as_bytes()).ok(), Some("(é)"));
    }

    #[test]
    fn the_first_bad_byte_is_placed_in_characters() {
        let (line, column, problem) = place(b"(\n  title: \"D\xc3\xa9j\xe0\",\n)");
        assert_eq!((line, column), (2, 14));
        assert_eq!(
            problem,
            Problem::NotUtf8 {
                byte: 0xE0,
                encoding: Encoding::Legacy(Some('à'))
            }
        );
    }

    #[test]
    fn utf16_and_binary_are_named() {
        let (.., p) = place(&[0xFF, 0xFE, b'(', 0]);
        assert!(matches!(
            p,
            Problem::NotUtf8 {
                encoding: Encoding::Utf16,
                ..
            }
        ));
        let (line, column, p) = place(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert_eq!((line, column), (1, 1));
        assert!(matches!(
            p,
            Problem::NotUtf8 {
                encoding: Encoding::Binary,
                ..
            }
        ));
    }
}
