// Benchmark of Dédale's web build, in Debian's headless Chromium (not run by
// CI: the figures depend on the machine; see docs/benchmarks.md).
//
//   node tests/e2e/bench.mjs [DIST_DIR [EMPTY_DIST_DIR]]   (or web/bench.sh)
//   RUNS=3 node tests/e2e/bench.mjs /tmp/dist web/empty/dist
//
// With a second directory (an empty Bevy + bevy_egui app built the same way,
// web/empty), it measures that one too and prints the game's figures as
// ratios to it, which hold better than raw times on a noisy machine.
//
// Measures:
//   1. the bytes a first visit needs, raw, gzip -9 and brotli 11, each file
//      compressed on its own as a server would;
//   2. the time from navigation to the title screen, and to the first portal
//      page reached with the keyboard (median of RUNS browsers, each with a
//      fresh profile, so every run is a first visit: nothing cached);
//   3. the CPU the whole browser burns while the player sits on that page, and
//      how many frames the game draws meanwhile;
//   4. a repeat visit: the same browser opens the game again (the service
//      worker and the browser's caches now hold it), time to the title.
// Progress goes to stderr; the results (a table, then a Markdown block to
// paste into docs/benchmarks.md) go to stdout.

import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, statSync, existsSync } from "node:fs";
import { cpus, totalmem, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import { root, serve as serveDir, launch } from "./browser.mjs";

const dist = resolve(process.argv[2] ?? join(root, "web", "dist"));
const emptyDist = process.argv[3] ? resolve(process.argv[3]) : null;
const RUNS = Number(process.env.RUNS ?? 5);

const TITLE = "S'entraîner aux démarches"; // in the title screen's mirror
const PORTAL = "Bienvenue sur MesAllocs"; // in the mirror of the portal's first page
const PRESS_GAP_MS = 150; // deliberate pause after each screen change, as a quick player
const MAX_PRESSES = 8; // title → … → portal takes 3 or 4; more means the keyboard is ignored
const SETTLE_MS = 2_000; // let the page's last start-up work finish before the idle window
const IDLE_MS = 10_000;

const log = (...args) => console.error(...args);

// ---------------------------------------------------------------- sizes

/** The files of a first visit, in the order of build.sh's service worker list (plus sw.js itself). */
function firstPlayFiles(dist) {
  // The shipped scenarios are inside the .wasm (game/app/src/catalog.rs).
  const files = ["index.html", "loader.js", "favicon.svg", "dedale.js", "dedale_bg.wasm", "sw.js"];
  const missing = files.filter((file) => !existsSync(join(dist, file)));
  if (missing.length) throw new Error(`${dist} lacks ${missing.join(", ")}: is it a web/build.sh output?`);
  return files;
}

function sizes(dist) {
  return firstPlayFiles(dist).map((file) => {
    const bytes = readFileSync(join(dist, file));
    const t0 = performance.now();
    const gzip = gzipSync(bytes, { level: 9 }).length;
    // Otherwise node's defaults (generic mode, lgwin 22); the size hint lets the
    // encoder plan for the whole file as it would for one read from disk.
    const brotli = brotliCompressSync(bytes, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
    if (bytes.length > 1e6) log(`  compressed ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // What serve.py would send to a browser that accepts both encodings.
    const served = [".br", ".gz", ""].map((ext) => join(dist, file + ext)).find((path) => existsSync(path));
    return { file, raw: bytes.length, gzip, brotli, served: statSync(served).size, servedAs: served.slice(join(dist, file).length) || "raw" };
  });
}

// ---------------------------------------------------------------- server

async function serve(dist) {
  const served = await serveDir(dist);
  process.on("exit", () => served.server.kill());
  return served;
}

// ---------------------------------------------------------------- CPU of the browser

const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100;
  } catch {
    return 100;
  }
})();

/** pid → { ppid, ticks (utime + stime), type } for every process, from /proc. */
function processes() {
  const table = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // comm (field 2) may hold spaces and parentheses: split after its last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Chromium's children rewrite their argv into one space-separated string.
      const cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8");
      const type = cmdline.match(/--type=(\S+)/)?.[1] ?? "browser";
      // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
      table.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), type, cmdline });
    } catch {
      // The process ended while we read /proc.
    }
  }
  return table;
}

/**
 * CPU ticks of the Chromium started for userDataDir and all its descendants
 * (zygotes, renderer, GPU process, utilities), by process type. Playwright
 * starts Chromium as a child of this node process; the profile directory tells
 * it apart from the server and from any other browser.
 */
function browserTicks(userDataDir) {
  const table = processes();
  const tree = new Set(
    [...table].filter(([, p]) => p.ppid === process.pid && p.cmdline.includes(`--user-data-dir=${userDataDir}`)).map(([pid]) => pid),
  );
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, p] of table) {
      if (!tree.has(pid) && tree.has(p.ppid)) {
        tree.add(pid);
        grown = true;
      }
    }
  }
  const ticks = new Map();
  for (const pid of tree) ticks.set(pid, table.get(pid));
  return ticks;
}

/**
 * CPU seconds between two snapshots, in total and by process type. A process
 * born in between counts from zero (its whole life is in the window); one that
 * died in between is lost, which only happens with short-lived utilities.
 */
function cpuBetween(before, after) {
  const byType = {};
  let total = 0;
  for (const [pid, p] of after) {
    const seconds = (p.ticks - (before.get(pid)?.ticks ?? 0)) / CLK_TCK;
    byType[p.type] = (byType[p.type] ?? 0) + seconds;
    total += seconds;
  }
  return { total, byType };
}

// ---------------------------------------------------------------- one browser, one first visit

/** One first visit, then a repeat visit; `full`: also to the portal and idle there (the empty app has neither). */
async function run(url, index, full = true) {
  const { context, userDataDir } = await launch("dedale-bench-");
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(String(error)));
    const wasm = {};
    page.on("response", async (response) => {
      // The first visit's, from the network: not the repeat visit's, from the service worker.
      if (!response.url().endsWith("/dedale_bg.wasm") || response.fromServiceWorker() || wasm.encoding) return;
      wasm.encoding = response.headers()["content-encoding"] ?? "identity";
      wasm.bytes = (await response.request().sizes().catch(() => ({}))).responseBodySize;
    });

    // Stamp, in the page, the moment the mirror first shows each screen: a
    // MutationObserver fires in the same task as the change, whereas node only
    // sees it on its next poll.
    await page.addInitScript(
      ([title, portal]) => {
        const marks = (window.__bench = {});
        const watch = () => {
          const mirror = document.getElementById("mirror");
          const check = () => {
            const text = mirror.textContent;
            if (marks.title === undefined && text.includes(title)) marks.title = performance.now();
            if (marks.portal === undefined && text.includes(portal)) marks.portal = performance.now();
          };
          new MutationObserver(check).observe(mirror, { childList: true, subtree: true, characterData: true });
          check();
        };
        document.addEventListener("DOMContentLoaded", watch, { once: true });
        // A frame is a task that issues WebGL draw calls: count the first draw
        // of each task (the flag clears once the task is over).
        marks.frames = 0;
        let drawing = false;
        for (const name of ["drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced"]) {
          const draw = WebGL2RenderingContext.prototype[name];
          WebGL2RenderingContext.prototype[name] = function (...args) {
            if (!drawing) {
              drawing = true;
              marks.frames++;
              setTimeout(() => (drawing = false));
            }
            return draw.apply(this, args);
          };
        }
      },
      [TITLE, PORTAL],
    );

    const t0 = performance.now();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench.title !== undefined, null, { timeout: 120_000, polling: "raf" });
    const toTitle = performance.now() - t0;
    if (!full) {
      const again = await repeatVisit(page, url);
      log(`  run ${index + 1}/${RUNS} (empty app): title ${ms(toTitle)}, repeat visit ${ms(again)}`);
      return { toTitle, again, problems };
    }

    // The loader focuses the canvas when the first screen is drawn; Enter on
    // each screen moves to the next one. Press, wait for the screen to change
    // (the game's answer, measured), pause like a player (deliberate, subtracted).
    // A press that changes nothing within 5 s was not taken: press again.
    const mirror = () => page.evaluate(() => document.getElementById("mirror").textContent);
    let presses = 0;
    let ignored = 0;
    let waited = 0; // pauses so far
    let answered = 0; // node time of the last screen change
    let pausesBefore = 0; // pauses that came before that change
    const steps = [];
    while (!(await page.evaluate(() => window.__bench.portal !== undefined))) {
      if (presses === MAX_PRESSES) throw new Error(`no "${PORTAL}" after ${presses} presses of Enter; mirror: ${(await mirror()).slice(0, 300)}`);
      const before = await mirror();
      const pressed = performance.now();
      await page.keyboard.press("Enter");
      presses++;
      try {
        await page.waitForFunction((b) => document.getElementById("mirror").textContent !== b, before, { timeout: 5_000, polling: "raf" });
      } catch {
        ignored++;
        continue;
      }
      answered = performance.now();
      pausesBefore = waited;
      steps.push(answered - pressed);
      await page.waitForTimeout(PRESS_GAP_MS);
      waited += PRESS_GAP_MS;
    }
    // The portal is the screen of the last change; the pause after it is not counted.
    const toPortal = answered - t0 - pausesBefore;
    const marks = await page.evaluate(() => window.__bench);

    // Idle on the page: nothing pressed, nothing moved.
    await page.waitForTimeout(SETTLE_MS);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const taskDuration = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
    const before = browserTicks(userDataDir);
    const task0 = await taskDuration();
    const frames0 = await page.evaluate(() => window.__bench.frames);
    const i0 = performance.now();
    await page.waitForTimeout(IDLE_MS);
    const after = browserTicks(userDataDir);
    const task1 = await taskDuration();
    const frames1 = await page.evaluate(() => window.__bench.frames);
    const idle = (performance.now() - i0) / 1000;
    const cpu = cpuBetween(before, after);

    const again = await repeatVisit(page, url);

    // The user agent says 156.0.0.0 (reduced on purpose); the protocol gives the build.
    const version = (await cdp.send("Browser.getVersion")).product.replace(/^\D*/, "");
    const result = {
      toTitle,
      toPortal,
      again,
      pageTitle: marks.title,
      pagePortal: marks.portal - pausesBefore,
      presses,
      ignored,
      steps,
      pauses: pausesBefore,
      cpuPercent: (cpu.total / idle) * 100,
      cpuByType: Object.fromEntries(Object.entries(cpu.byType).map(([type, s]) => [type, (s / idle) * 100])),
      mainPercent: ((task1 - task0) / idle) * 100,
      framesPerSecond: (frames1 - frames0) / idle,
      processes: after.size,
      wasm,
      version,
      problems,
    };
    log(
      `  run ${index + 1}/${RUNS}: title ${ms(toTitle)}, portal ${ms(toPortal)} (${presses} presses${ignored ? `, ${ignored} ignored` : ""}), ` +
        `idle CPU ${pct(result.cpuPercent)} (${after.size} processes), main thread ${pct(result.mainPercent)}, ` +
        `${result.framesPerSecond.toFixed(1)} frames/s, repeat visit ${ms(again)}` +
        (problems.length ? `, ${problems.length} console errors` : ""),
    );
    return result;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** RUNS visits of the build in `dir`, served by serve.py, each in a fresh browser (`full`: see `run`). */
async function visitsOf(dir, full) {
  const { server, url } = await serve(dir);
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await run(url, i, full));
  } finally {
    server.kill();
  }
  return runs;
}

/**
 * The same browser opens the game again, as a player coming back the next
 * day: its service worker (installed during the first visit) answers, and
 * the browser may reuse the code it compiled. Time from navigation to title.
 */
async function repeatVisit(page, url) {
  // The service worker has installed its cache (it takes the page over once ready).
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30_000 });
  // The run left on the portal would be resumed: a player coming back after it ended sees the title.
  await page.evaluate(() => localStorage.removeItem("dedale.partie"));
  const t0 = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__bench?.title !== undefined, null, { timeout: 120_000, polling: "raf" });
  return performance.now() - t0;
}

// ---------------------------------------------------------------- formatting

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (value) => `${Math.round(value)} ms`;
const pct = (value) => `${value.toFixed(1)} %`;
const bytes = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
const share = (part, whole) => `${bytes(part)} (${((part * 100) / whole).toFixed(1)} %)`;

/** Plain text table, columns padded; numbers right-aligned. */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const markdown = (header, rows) =>
  [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

// ---------------------------------------------------------------- main

async function main() {
  if (!existsSync(dist)) throw new Error(`${dist} does not exist: build it with web/build.sh`);
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()[0].toFixed(2)} at start`;

  log(`== sizes of ${dist} (gzip -9, brotli 11: a while for the .wasm)`);
  const files = sizes(dist);
  const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli, served: t.served + f.served }), { raw: 0, gzip: 0, brotli: 0, served: 0 });
  const total = sum(files);

  const visits = `${RUNS} first visit${RUNS === 1 ? "" : "s"}`;
  log(`== ${visits} in headless Chromium`);
  const runs = await visitsOf(dist, true);
  let empty = null;
  if (emptyDist) {
    log(`== the empty Bevy + bevy_egui app in ${emptyDist}: sizes, then ${visits}`);
    const emptyTotal = sum(sizes(emptyDist));
    empty = { total: emptyTotal, runs: await visitsOf(emptyDist, false) };
  }

  const sizeHeader = ["file", "raw", "gzip -9", "brotli 11", "served by serve.py"];
  const sizeRows = [...files, { file: "total, first play", ...total, servedAs: "" }].map((f) => [
    f.file, bytes(f.raw), share(f.gzip, f.raw), share(f.brotli, f.raw), `${bytes(f.served)}${f.servedAs ? ` (${f.servedAs})` : ""}`,
  ]);

  const pick = (key) => runs.map((r) => r[key]);
  const range = (values, format) => `${format(median(values))} (${format(Math.min(...values))} – ${format(Math.max(...values))})`;
  const types = [...new Set(runs.flatMap((r) => Object.keys(r.cpuByType)))].sort();
  const stepCount = Math.max(...runs.map((r) => r.steps.length));
  const timeRows = [
    ["navigation → title screen (node)", range(pick("toTitle"), ms)],
    ["  same, stamped in the page (from navigation start)", range(pick("pageTitle"), ms)],
    [`navigation → first portal page, minus ${PRESS_GAP_MS} ms pauses (node)`, range(pick("toPortal"), ms)],
    ["  same, stamped in the page", range(pick("pagePortal"), ms)],
    ["  Enter presses, per run (ignored ones)", runs.map((r) => `${r.presses}${r.ignored ? ` (${r.ignored})` : ""}`).join(", ")],
    ...Array.from({ length: stepCount }, (_, i) => [`  press ${i + 1} → next screen`, range(runs.map((r) => r.steps[i] ?? NaN).filter((v) => !Number.isNaN(v)), ms)]),
    [`idle on the portal page, ${IDLE_MS / 1000} s: CPU of all Chromium processes (% of one core)`, range(pick("cpuPercent"), pct)],
    ...types.map((type) => [`  ${type}`, range(runs.map((r) => r.cpuByType[type] ?? 0), pct)]),
    ["  main thread busy (CDP TaskDuration)", range(pick("mainPercent"), pct)],
    ["  frames drawn per second", range(pick("framesPerSecond"), (v) => v.toFixed(1))],
    ["repeat visit (same browser, service worker) → title screen", range(pick("again"), ms)],
    [".wasm as the page received it", `${runs[0].wasm.encoding ?? "?"}, ${runs[0].wasm.bytes !== undefined ? bytes(runs[0].wasm.bytes) + " bytes" : "?"}`],
  ];
  const problems = [...new Set(runs.flatMap((r) => r.problems))];
  const ratioRows = [];
  if (empty) {
    // "game / empty = ratio", the ratio in bold where the issue sets a bound on it.
    const ratio = (label, game, alone, format, bold = "") =>
      [label, `${format(game)} / ${format(alone)} = ${bold}${(game / alone).toFixed(2)}${bold}`];
    const emptyMedian = (key) => median(empty.runs.map((r) => r[key]));
    ratioRows.push(
      ratio("brotli bytes to first play: game / empty app", total.brotli, empty.total.brotli, bytes, "**"),
      ratio("time to title (medians): game / empty app", median(pick("toTitle")), emptyMedian("toTitle"), ms, "**"),
      ratio("repeat visit to title (medians): game / empty app", median(pick("again")), emptyMedian("again"), ms),
      ["frames per second idle on the portal page (game)", range(pick("framesPerSecond"), (v) => v.toFixed(1))],
    );
    problems.push(...new Set(empty.runs.flatMap((r) => r.problems.map((p) => `(empty app) ${p}`))));
  }

  const context = [
    `date ${date}, Chromium ${runs[0].version} (headless, SwiftShader WebGL), DIST ${dist}`,
    `${machine}; ${visits}, each with a fresh profile: median (min – max)`,
  ];
  console.log(`\n${context.join("\n")}\n`);
  console.log(table(sizeHeader, sizeRows));
  console.log();
  console.log(table(["measure", "median (min – max)"], timeRows));
  if (ratioRows.length) {
    console.log();
    console.log(table(["against the empty Bevy + bevy_egui app", "figures"], ratioRows.map(([a, b]) => [a, b.replaceAll("**", "")])));
  }
  if (problems.length) console.log(`\nconsole errors:\n${problems.map((p) => `  ${p}`).join("\n")}`);

  console.log("\n---- Markdown for docs/benchmarks.md ----\n");
  console.log(`Measured on ${date} with \`tests/e2e/bench.mjs ${dist}\`, Chromium ${runs[0].version}`);
  console.log(`(headless, WebGL on SwiftShader, i.e. on the CPU), ${machine}.\n`);
  console.log(markdown(sizeHeader, sizeRows.map(([file, ...rest]) => [`\`${file}\``.replace("`total, first play`", "**total, first play**"), ...rest])));
  console.log();
  console.log(markdown([visits, "median (min – max)"], timeRows.map(([label, value]) => [label.replace(/^ {2}/, "&nbsp;&nbsp;"), value])));
  if (ratioRows.length) {
    console.log();
    console.log(markdown(["against the empty Bevy + bevy_egui app (web/empty)", "figures"], ratioRows));
  }
}

main().catch((error) => {
  log(error);
  process.exit(1);
});
