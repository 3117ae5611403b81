//! Charts drawn by hand as inline SVG: no script, no library, nothing to
//! download, so the report opens offline and prints as it shows.
//! Every bar carries its number as text: colour is never the only cue.

use std::fmt::Write;

use super::Quartiles;
use super::labels::duration;
use crate::Lang;

const WIDTH: u32 = 720;
const LABEL: u32 = 210;
const ROW: u32 = 26;
const BAR_AREA: u32 = WIDTH - LABEL - 110;

/// Escapes text for HTML and SVG.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn open(o: &mut String, title: &str, rows: usize) -> u32 {
    let height = ROW * u32::try_from(rows).unwrap_or(u32::MAX / ROW / 2) + 10;
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}"><title>{}</title>"#,
        esc(title)
    );
    height
}

fn label(o: &mut String, y: u32, text: &str) {
    let short: String = text.chars().take(28).collect();
    let _ = write!(
        o,
        r#"<text x="{}" y="{}" text-anchor="end" class="lbl">{}</text>"#,
        LABEL - 8,
        y + 17,
        esc(&short)
    );
}

/// Horizontal bars: one per item, with its value written after the bar.
pub fn bars(title: &str, items: &[(String, f64, String)]) -> String {
    let mut o = String::new();
    open(&mut o, title, items.len());
    let max = items.iter().map(|i| i.1).fold(0.0f64, f64::max);
    for (i, (name, value, shown)) in items.iter().enumerate() {
        let y = 5 + ROW * u32::try_from(i).unwrap_or(0);
        label(&mut o, y, name);
        let w = if max > 0.0 {
            (value / max * f64::from(BAR_AREA)).round().max(1.0)
        } else {
            1.0
        };
        let _ = write!(
            o,
            r#"<rect x="{LABEL}" y="{}" width="{w}" height="{}" class="bar"/><text x="{}" y="{}" class="val">{}</text>"#,
            y + 4,
            ROW - 8,
            f64::from(LABEL) + w + 6.0,
            y + 17,
            esc(shown)
        );
    }
    o.push_str("</svg>");
    o
}

/// Box plots of durations: whiskers from shortest to longest, the box from Q1 to Q3, a bar at the median.
pub fn boxes(title: &str, items: &[(String, Quartiles)], lang: Lang) -> String {
    let mut o = String::new();
    open(&mut o, title, items.len());
    let max = items.iter().map(|i| i.1.max).max().unwrap_or(0).max(1) as f64;
    let x = |v: u64| f64::from(LABEL) + (v as f64 / max * f64::from(BAR_AREA)).round();
    for (i, (name, q)) in items.iter().enumerate() {
        let y = 5 + ROW * u32::try_from(i).unwrap_or(0);
        let mid = y + ROW / 2;
        label(&mut o, y, name);
        let _ = write!(
            o,
            r#"<line x1="{}" x2="{}" y1="{mid}" y2="{mid}" class="whisker"/><rect x="{}" y="{}" width="{}" height="{}" class="box"/><line x1="{m}" x2="{m}" y1="{}" y2="{}" class="median"/><text x="{}" y="{}" class="val">{}</text>"#,
            x(q.min),
            x(q.max),
            x(q.q1),
            y + 4,
            (x(q.q3) - x(q.q1)).max(1.0),
            ROW - 8,
            y + 2,
            y + ROW - 2,
            x(q.max) + 6.0,
            y + 17,
            esc(&duration(q.median, lang)),
            m = x(q.median),
        );
    }
    o.push_str("</svg>");
    o
}

/// Stacked bars: each row split into parts, each part with its class and number.
pub fn stacked(title: &str, items: &[(String, Vec<(usize, &'static str)>)]) -> String {
    let mut o = String::new();
    open(&mut o, title, items.len());
    for (i, (name, parts)) in items.iter().enumerate() {
        let y = 5 + ROW * u32::try_from(i).unwrap_or(0);
        label(&mut o, y, name);
        let total: usize = parts.iter().map(|p| p.0).sum();
        let mut left = f64::from(LABEL);
        for (n, class) in parts {
            if *n == 0 || total == 0 {
                continue;
            }
            let w = *n as f64 / total as f64 * f64::from(BAR_AREA);
            let _ = write!(
                o,
                r#"<rect x="{left:.1}" y="{}" width="{w:.1}" height="{}" class="{class}"/>"#,
                y + 4,
                ROW - 8
            );
            if w >= 18.0 {
                let _ = write!(
                    o,
                    r#"<text x="{:.1}" y="{}" text-anchor="middle" class="in">{n}</text>"#,
                    left + w / 2.0,
                    y + 17
                );
            }
            left += w;
        }
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{}" class="val">{total}</text>"#,
            left + 6.0,
            y + 17
        );
    }
    o.push_str("</svg>");
    o
}
