// Live collection in a real browser: the game opened from a workshop link
// (`/#atelier=KEY`) sends each xAPI statement as it happens to the page's own
// origin, `/xapi/statements`. Here a small collector in Node stands in for
// `dedale-cli serve`: it serves web/dist and takes POSTed statements with the
// workshop's key and the xAPI version header, storing each id once and counting
// how often each arrives. The connection is cut (503, then offline) and the
// page reloaded meanwhile: no statement may be lost, none may arrive twice.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, extname, normalize } from "node:path";
import { root, launch } from "./browser.mjs";
import { out, until, key, runRecord, queued } from "./play.mjs";

const dist = join(root, "web", "dist");
const KEY = "k7m2p9x4";

const TYPES = {
  ".wasm": "application/wasm",
  ".js": "text/javascript",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ron": "text/plain; charset=utf-8",
  ".otf": "font/otf",
};

/** The fake collector: web/dist and POST /xapi/statements; `mode` "up" or "down" (503). */
async function collector() {
  const state = { mode: "up", stored: new Map(), arrivals: new Map(), answers: [] };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/xapi/statements") {
      const answer = (status, body = "") => {
        state.answers.push(status);
        res.writeHead(status, { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" });
        res.end(body);
      };
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      if (state.mode === "down") return answer(503);
      const expected = "Basic " + Buffer.from(`atelier:${KEY}`).toString("base64");
      if (req.headers.authorization !== expected) return answer(401);
      if (req.headers["x-experience-api-version"] !== "1.0.3") return answer(400, '"version header missing"');
      if (req.method === "GET") return answer(200, JSON.stringify({ statements: [], more: "" }));
      if (req.method !== "POST") return answer(405);
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return answer(400, '"unreadable"');
      }
      const statements = Array.isArray(body) ? body : [body];
      for (const s of statements) {
        const seen = state.stored.get(s.id);
        if (seen !== undefined && seen !== JSON.stringify(s)) return answer(409, '"id reused"');
      }
      for (const s of statements) {
        state.stored.set(s.id, JSON.stringify(s));
        state.arrivals.set(s.id, (state.arrivals.get(s.id) ?? 0) + 1);
      }
      return answer(200, JSON.stringify(statements.map((s) => s.id)));
    }
    const path = normalize(join(dist, url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname)));
    if (!path.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const bytes = await readFile(path);
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream", "Cache-Control": "no-cache" });
      res.end(bytes);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, state, url: `http://127.0.0.1:${server.address().port}/` };
}

/** The statement ids of a session record, as the core derives them (dedale_core::metrics::xapi). */
function statementIds(record) {
  const n = 1 + record.events.filter((e) => e.event !== "message_received" && e.event !== "ended").length;
  return Array.from({ length: n }, (_, i) => {
    const b = createHash("sha256").update(`${record.header.session}:${i}`).digest().subarray(0, 16);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  });
}

const browsers = [];
const servers = [];
after(async () => {
  await Promise.all(browsers.map((c) => c.close().catch(() => {})));
  for (const s of servers) s.close();
});

/** Waits until the collector holds every statement of the run so far, and the queue is empty. */
async function allArrived(page, state, timeout = 90_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const rec = await runRecord(page);
    const ids = rec ? statementIds(rec) : [];
    const missing = ids.filter((id) => !state.stored.has(id));
    if (ids.length > 0 && missing.length === 0 && (await queued(page)) === 0) return ids;
    if (Date.now() > end) {
      throw new Error(`${missing.length} of ${ids.length} statements never arrived; ${await queued(page)} waiting`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("a workshop link sends each statement as it happens; cut, offline and reloaded, none is lost or sent twice", async () => {
  const { server, state, url } = await collector();
  servers.push(server);
  const { context } = await launch();
  browsers.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  // The requests refused or cut on purpose are logged by the browser itself; anything else fails.
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(text)) problems.push(text);
  });

  await page.goto(`${url}#atelier=${KEY}`);
  await until(page, "S'entraîner aux démarches");
  await page.waitForTimeout(500);
  await key(page, "Enter");
  await until(page, "Choisissez une démarche");
  await key(page, "Enter");
  await until(page, "Qui : Sandrine");
  await key(page, "Enter");
  await until(page, "Bienvenue sur MesAllocs");
  await key(page, "Enter");
  await until(page, "Connexion à Mon espace");
  const first = await allArrived(page, state);
  assert.ok(first.length >= 4, `the first statements arrived as they happened: ${first.length}`);
  const session = (await runRecord(page)).header.session;
  const stored = [...state.stored.values()].map((s) => JSON.parse(s));
  assert.ok(stored.every((s) => s.actor.account.name === session && !s.actor.mbox && !s.actor.name), "anonymous actor");

  // The collector answers 503: the wrong NIR's statements wait in the browser's storage.
  state.mode = "down";
  const typed = "2 99 99 99 999 999 99";
  await page.keyboard.type(typed, { delay: 20 });
  await key(page, "Enter");
  await until(page, "La clé du numéro de sécurité sociale est incorrecte");
  for (let i = 0; i < 100 && !state.answers.includes(503); i++) await page.waitForTimeout(100);
  assert.ok(state.answers.includes(503), "the game tried while the collector was down");
  const down = await queued(page);
  assert.ok(down > 0, "statements wait in localStorage");

  // Reloaded while they wait: they are read back and kept.
  await page.reload();
  await until(page, "Connexion à Mon espace");
  assert.ok((await queued(page)) >= down, "the queue survived the reload");

  // Offline now (the page keeps working from its service worker): more events wait too.
  await context.setOffline(true);
  state.mode = "up";
  await page.keyboard.type("1", { delay: 20 });
  await key(page, "Enter");
  await page.waitForTimeout(1500);
  const offline = await queued(page);
  assert.ok(offline > down, `more statements wait while offline: ${offline} > ${down}`);

  // Back online: everything arrives, once.
  await context.setOffline(false);
  const ids = await allArrived(page, state);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...state.stored.keys()].sort(), [...ids].sort(), "the collector holds exactly the run's statements");
  const twice = [...state.arrivals].filter(([, n]) => n !== 1);
  assert.deepEqual(twice, [], "no statement arrived twice");
  assert.ok(!state.answers.includes(401) && !state.answers.includes(400) && !state.answers.includes(409), `answers: ${state.answers}`);
  const all = [...state.stored.values()].join("\n");
  assert.ok(!all.includes(typed.replaceAll(" ", "").slice(0, 8)) && !all.includes("99 99"), "no typed value is sent");
  // The statements are the export's: the same ids, in the same order.
  const order = [...state.stored.keys()];
  assert.deepEqual(order, ids, "in order");

  await page.screenshot({ path: join(out, "20-collecte.png") });
  assert.deepEqual(problems, []);
  await context.close();
});
