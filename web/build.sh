#!/usr/bin/env bash
# Builds Dédale for the browser into web/dist: cargo (wasm32, size-tuned
# `web` profile) → wasm-bindgen (the CLI at the exact version of Cargo.lock,
# installed when missing) → wasm-opt (when a recent enough binaryen is
# installed; `--no-opt` skips it) → page, service worker, precompressed
# copies. Prints the sizes. The shipped scenarios are in the .wasm
# (game/app/src/catalog.rs): no separate copy to download.
set -euo pipefail
cd "$(dirname "$0")/.."

# --no-opt: no wasm-opt (CI). --opt-npm: wasm-opt from the npm package
# `binaryen` (pinned; its JavaScript build takes several minutes) when no
# recent native binaryen is installed: what the release and the benchmark use.
opt=auto
[ "${1:-}" = "--no-opt" ] && opt=no
[ "${1:-}" = "--opt-npm" ] && opt=npm
binaryen_npm=132.0.0

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
# DEDALE_EMPTY=1 builds, the same way, the empty Bevy + bevy_egui app that
# web/bench.sh compares the game with (web/empty), into web/empty/dist.
if [ "${DEDALE_EMPTY:-0}" = 1 ]; then
  cargo_args=(--manifest-path web/empty/Cargo.toml --bin dedale-empty)
  wasm_name=dedale-empty
  dist=web/empty/dist
else
  cargo_args=(-p dedale --bin dedale)
  wasm_name=dedale
  dist=web/dist
fi

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  echo "== rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
if ! command -v wasm-bindgen >/dev/null || ! wasm-bindgen --version | grep -q " $version\$"; then
  echo "== cargo install wasm-bindgen-cli --version $version"
  # Not --locked: one of its locked dependencies is missing from the registry (see ../shared/BUILD.md).
  cargo install wasm-bindgen-cli --version "$version"
fi

echo "== cargo build --target wasm32-unknown-unknown --profile web"
# --target-dir: web/empty is a workspace of its own, which would build elsewhere.
cargo build "${cargo_args[@]}" --target wasm32-unknown-unknown --profile web --target-dir "$target_dir"

rm -rf "$dist"
mkdir -p "$dist"
echo "== wasm-bindgen $version"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir "$dist" --out-name dedale \
  "$target_dir/wasm32-unknown-unknown/web/$wasm_name.wasm"

wasm_opt=""
if [ "$opt" != no ] && command -v wasm-opt >/dev/null; then
  binaryen=$(wasm-opt --version | grep -oE '[0-9]+' | head -1)
  if [ "$binaryen" -ge 116 ]; then
    wasm_opt=wasm-opt
  else
    echo "== the installed binaryen $binaryen is too old for wasm-bindgen's output (116 or later, see ../shared/BUILD.md)"
  fi
fi
if [ -z "$wasm_opt" ] && [ "$opt" = npm ]; then
  prefix="$HOME/.cache/dedale/binaryen-$binaryen_npm"
  if [ ! -x "$prefix/node_modules/.bin/wasm-opt" ]; then
    echo "== npm install binaryen@$binaryen_npm"
    npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "binaryen@$binaryen_npm"
  fi
  wasm_opt="$prefix/node_modules/.bin/wasm-opt"
fi
if [ -n "$wasm_opt" ]; then
  echo "== wasm-opt -Oz ($wasm_opt)"
  "$wasm_opt" -Oz --strip-debug --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    -o "$dist/dedale_bg.opt.wasm" "$dist/dedale_bg.wasm"
  mv "$dist/dedale_bg.opt.wasm" "$dist/dedale_bg.wasm"
else
  echo "== wasm-opt skipped"
fi

cp web/index.html web/loader.js web/favicon.svg "$dist/"
# Fetched only when a player chooses it (theme/fonts.rs), with its licence.
mkdir -p "$dist/fonts"
cp game/app/fonts/OpenDyslexic-Regular.otf game/app/fonts/OpenDyslexic-LICENSE.txt "$dist/fonts/"
python3 - "$dist" <<'PY'
import hashlib, json, os, sys
dist = sys.argv[1]
files = ["./", "index.html", "loader.js", "favicon.svg", "dedale.js", "dedale_bg.wasm"]
digest = hashlib.sha256()
for name in files[1:]:
    with open(os.path.join(dist, name), "rb") as f:
        digest.update(f.read())
with open("web/sw.js") as f:
    sw = f.read().replace("__VERSION__", digest.hexdigest()[:16]).replace("__FILES__", json.dumps(files))
with open(os.path.join(dist, "sw.js"), "w") as f:
    f.write(sw)
PY

echo "== precompress (gzip, and brotli with Node's zlib)"
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.html; do
  gzip -9 -k -f "$f"
done
if [ "${DEDALE_BROTLI:-1}" = 1 ] && command -v node >/dev/null; then
  # Brotli at quality 11 takes about a minute on the .wasm; DEDALE_BROTLI=0 skips it.
  node - "$dist" <<'JS'
const { readdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const zlib = require("node:zlib");
const dist = process.argv[2];
const files = readdirSync(dist).map((n) => join(dist, n))
  .filter((f) => /\.(wasm|js|html)$/.test(f));
for (const f of files) {
  const data = readFileSync(f);
  writeFileSync(f + ".br", zlib.brotliCompressSync(data, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  } }));
}
JS
fi

echo "== sizes (raw, gzip, brotli)"
for f in "$dist"/dedale_bg.wasm "$dist"/dedale.js; do
  raw=$(stat -c %s "$f"); gz=$(stat -c %s "$f.gz"); br=$( [ -f "$f.br" ] && stat -c %s "$f.br" || echo "-")
  printf '%-28s %12s %12s %12s\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
