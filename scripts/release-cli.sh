#!/usr/bin/env bash
# Builds the trainers' command-line tool `dedale-cli` in release and packs it,
# ready to use without Rust, with the scenario guide and the shipped scenarios:
#
#   dist/dedale-cli-VERSION-TARGET.tar.gz
#     dedale-cli-VERSION-TARGET/
#       dedale-cli            (dedale-cli.exe for Windows)
#       README.md             the scenario guide (scenarios/README.md)
#       scenarios/            the shipped scenarios and their playthrough scripts
#
# Usage:
#   scripts/release-cli.sh                                   # for this machine
#   scripts/release-cli.sh --target x86_64-pc-windows-gnu    # for Windows, from Linux
#
# Nothing is downloaded: cargo builds --offline and --locked from the crates
# already fetched (on a fresh clone, run `cargo fetch` once beforehand).
# Cross-building for Windows needs the Rust target and the MinGW linker,
# installed beforehand by whoever prepares the machine:
#   rustup target add x86_64-pc-windows-gnu
#   apt-get install gcc-mingw-w64-x86-64        (Debian, Ubuntu)
# The script checks both and says what is missing rather than installing it.
set -euo pipefail
cd "$(dirname "$0")/.."

host="$(rustc -vV | sed -n 's/^host: //p')"
target="$host"
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="${2:?--target needs a target triple, e.g. x86_64-pc-windows-gnu}"; shift 2 ;;
    --target=*) target="${1#--target=}"; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# The workspace version, from [workspace.package] in Cargo.toml.
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\(.*\)"/\1/p' Cargo.toml)"
[ -n "$version" ] || { echo "no version found in Cargo.toml [workspace.package]" >&2; exit 1; }

exe=""
case "$target" in *windows*) exe=".exe" ;; esac

build=(cargo build --release --locked --offline -p dedale-cli)
out="${CARGO_TARGET_DIR:-target}/release"
if [ "$target" != "$host" ]; then
  if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    echo "The Rust target $target is not installed. Install it once with:" >&2
    echo "  rustup target add $target" >&2
    exit 1
  fi
  if [ "$target" = x86_64-pc-windows-gnu ] && ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
    echo "The MinGW linker x86_64-w64-mingw32-gcc is missing. On Debian or Ubuntu:" >&2
    echo "  apt-get install gcc-mingw-w64-x86-64" >&2
    exit 1
  fi
  build+=(--target "$target")
  out="${CARGO_TARGET_DIR:-target}/$target/release"
fi

echo "== ${build[*]}"
"${build[@]}"

name="dedale-cli-$version-$target"
stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/scenarios"
cp "$out/dedale-cli$exe" "$stage/"
cp scenarios/README.md "$stage/README.md"
for ron in scenarios/*.ron; do
  cp "$ron" "$stage/scenarios/"
  scripts="${ron%.ron}.scripts"
  [ -d "$scripts" ] && cp -r "$scripts" "$stage/scenarios/"
done

# The packed tool checks the packed scenarios and plays their scripts (host builds only).
if [ "$target" = "$host" ]; then
  echo "== check of the packed scenarios with the packed tool"
  (cd "$stage" && "./dedale-cli$exe" check scenarios/)
fi

tar -C dist --sort=name --owner=0 --group=0 --numeric-owner -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"
echo "== dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1))"
