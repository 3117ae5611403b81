#!/usr/bin/env python3
"""Regenerates game/app/fonts/: egui's four built-in fonts (the ones bevy_egui's
`default_fonts` feature embeds, 1.4 MB) cut down to the characters Dédale
draws, so the browser build downloads a few tens of kilobytes instead.

    pip install fonttools      # once
    scripts/subset-fonts.py    # after adding a character the fonts lack

Run it when `cargo test -p dedale --test fonts` says a character has no
glyph. The characters kept are:

- the text any player may type or a scenario may hold: ASCII, Latin-1
  (French accents, « », non-breaking space), Latin Extended-A (œ Œ and the
  other European accented letters), Romanian ș ț, typographic punctuation
  (’ “ ” … – — thin and narrow non-breaking spaces), € → −;
- every non-ASCII character written in the game's sources (game/app/src,
  game/core/src, tests and comments left out) and in the shipped scenarios
  (scenarios/*.ron): the emoji and symbols the interface draws;
- ◻, which egui draws for a character no font has (so a gap shows).

Each font keeps only what it draws in egui's fallback order (proportional:
Ubuntu-Light, NotoEmoji, emoji-icon-font; monospace: Hack, then the same),
so the game looks exactly as with the full fonts. Hinting and the layout
tables (kerning) are kept: egui 0.36 hints and shapes with them (without
the hinting instructions the fonts would be 45 KB smaller in brotli, and
the text less crisp on low-resolution screens).

The source fonts come from the epaint_default_fonts crate at the version of
egui's epaint in Cargo.lock: from the cargo registry if there, else
downloaded from crates.io.
"""

import glob
import io
import os
import re
import shutil
import tarfile
import urllib.request

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "game", "app", "fonts")

# The same scan as game/app/tests/fonts.rs: keep both in step.
SOURCES = ["game/app/src", "game/core/src"]
# Written for the terminal, HTML files or SVG, never drawn by egui.
NOT_DRAWN = ["game/core/src/metrics/report/text.rs", "game/core/src/metrics/report/html.rs",
             "game/core/src/metrics/report/svg.rs"]

BASE = (
    list(range(0x20, 0x7F))  # ASCII
    + list(range(0xA0, 0x100))  # Latin-1: French accents, « », NBSP
    + list(range(0x100, 0x180))  # Latin Extended-A: œ Œ, European names
    + list(range(0x218, 0x21C))  # Romanian Ș ș Ț ț
    + list(range(0x2000, 0x200B))  # spaces (thin, hair…)
    + list(range(0x2010, 0x2028))  # dashes, quotes ‘ ’ “ ” „, • …
    + [0x202F, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122, 0x2190, 0x2192, 0x2212]
    + [0x25FB]  # ◻ egui's replacement character
)


def drawn_chars():
    """Non-ASCII characters of the sources, the interface's texts and the shipped scenarios."""
    chars = set()
    for top in SOURCES:
        for path in sorted(glob.glob(os.path.join(ROOT, top, "**", "*.rs"), recursive=True)):
            rel = os.path.relpath(path, ROOT)
            if os.path.basename(path) == "tests.rs" or rel in NOT_DRAWN:
                continue
            with open(path, encoding="utf-8") as f:
                for line in f:
                    stripped = line.strip()
                    if stripped.startswith("#[cfg(test)]"):
                        break
                    if stripped.startswith("//"):
                        continue
                    chars.update(ch for ch in line if ord(ch) > 0x7E)
    # The interface's words, in every language (comments left out).
    for path in sorted(glob.glob(os.path.join(ROOT, "game", "app", "locales", "*", "*.ftl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    chars.update(ch for ch in line if ord(ch) > 0x7E)
    for path in sorted(glob.glob(os.path.join(ROOT, "scenarios", "*.ron"))):
        with open(path, encoding="utf-8") as f:
            chars.update(ch for ch in f.read() if ord(ch) > 0x7E)
    return {ord(ch) for ch in chars}


def source_dir():
    """epaint_default_fonts' fonts folder, at the version of egui's epaint in
    Cargo.lock (they are released together): from the cargo registry when an
    older build fetched it, else downloaded from crates.io."""
    with open(os.path.join(ROOT, "Cargo.lock")) as f:
        version = re.search(r'name = "epaint"\nversion = "([^"]+)"', f.read()).group(1)
    name = f"epaint_default_fonts-{version}"
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = glob.glob(os.path.join(home, "registry", "src", "*", name, "fonts"))
    if found:
        return found[0]
    cache = os.path.join(os.path.expanduser("~/.cache"), "dedale", name)
    if not os.path.isdir(os.path.join(cache, name, "fonts")):
        url = f"https://static.crates.io/crates/epaint_default_fonts/{name}.crate"
        print(f"downloading {url}")
        with urllib.request.urlopen(url) as response:
            data = response.read()
        os.makedirs(cache, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as crate:
            crate.extractall(cache, filter="data")
    return os.path.join(cache, name, "fonts")


def main():
    src = source_dir()
    wanted = set(BASE) | drawn_chars()
    cmaps = {name: set(TTFont(os.path.join(src, name + ".ttf")).getBestCmap())
             for name in ["Hack-Regular", "Ubuntu-Light", "NotoEmoji-Regular", "emoji-icon-font"]}
    # What each font must draw: what reaches it in egui's fallback order.
    keep = {}
    keep["Ubuntu-Light"] = wanted & cmaps["Ubuntu-Light"]
    keep["NotoEmoji-Regular"] = (wanted - cmaps["Ubuntu-Light"]) & cmaps["NotoEmoji-Regular"]
    keep["emoji-icon-font"] = (wanted - cmaps["Ubuntu-Light"] - cmaps["NotoEmoji-Regular"]) & cmaps["emoji-icon-font"]
    keep["Hack-Regular"] = wanted & cmaps["Hack-Regular"]
    missing = wanted - set().union(*keep.values())
    if missing:
        print("no font has: " + " ".join(f"U+{c:04X} {chr(c)}" for c in sorted(missing)))

    os.makedirs(OUT, exist_ok=True)
    for name, codes in keep.items():
        options = subset.Options()
        options.glyph_names = False
        options.name_IDs = ["*"]  # keep the names (copyright, licence)
        options.name_languages = ["*"]
        # Device metrics for GDI-era rasterisers: egui (skrifa) does not read them.
        options.drop_tables += ["hdmx", "VDMX"]
        # The source's timestamp, not today's: the same input gives the same files.
        font = TTFont(os.path.join(src, name + ".ttf"), recalcTimestamp=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(codes))
        subsetter.subset(font)
        out = os.path.join(OUT, name + ".ttf")
        font.save(out)
        print(f"{name}.ttf: {len(codes)} characters, {os.path.getsize(out)} bytes "
              f"(was {os.path.getsize(os.path.join(src, name + '.ttf'))})")
    for licence in ["UFL.txt", "OFL.txt", "Hack-Regular.txt", "emoji-icon-font-mit-license.txt"]:
        shutil.copy(os.path.join(src, licence), os.path.join(OUT, licence))


if __name__ == "__main__":
    main()
