// A workshop with the real server: `dedale-cli serve` serves the game and
// collects its statements; a learner opens the workshop link, the trainer's
// dashboard shows the session live, then its report. The server is stopped
// in the middle and started again on the same data: no statement is lost or
// stored twice, counted on the server.
//
// The server is the dedale-cli the Rust tests built (scripts/test.sh runs
// them first); DEDALE_CLI names another.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root, launch } from "./browser.mjs";
import { until, key, shot, focusOn, runRecord, queued } from "./play.mjs";

const KEY = "atelier-e2e-7q4w";
const binary =
  process.env.DEDALE_CLI ?? join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "debug", "dedale-cli");

const running = [];
const contexts = [];
after(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  for (const s of running) s.kill();
});

/** Starts the server on `port` (0: any) with this data folder; resolves with its address. */
async function serve(data, port = 0) {
  assert.ok(existsSync(binary), `${binary} manque : lancez d'abord cargo test --workspace (ou DEDALE_CLI=…)`);
  const args = ["serve", "--dir", join(root, "web", "dist"), "--data", data, "--key", KEY, "--listen", `127.0.0.1:${port}`];
  const server = spawn(binary, args, { stdio: ["ignore", "pipe", "inherit"] });
  running.push(server);
  const url = await new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => {
      const match = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) resolve(match[0]);
    });
    server.on("exit", (code) => reject(new Error(`dedale-cli serve s'est arrêté (code ${code})`)));
  });
  return { server, url };
}

const auth = "Basic " + Buffer.from(`atelier:${KEY}`).toString("base64");

/** Every statement the server holds, following its `more` links. */
async function stored(url) {
  const all = [];
  let next = `${url}xapi/statements?limit=100`;
  while (next) {
    const response = await fetch(next, { headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3" } });
    assert.equal(response.status, 200);
    const page = await response.json();
    all.push(...page.statements);
    next = page.more ? new URL(page.more, url).href : null;
  }
  return all;
}


/** Waits until the browser's queue is empty and the server holds `n` statements or more. */
async function delivered(page, url, atLeast, timeout = 90_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const held = await stored(url).catch(() => []);
    if ((await queued(page)) === 0 && held.length >= atLeast) return held;
    if (Date.now() > end) throw new Error(`${held.length} statements on the server, ${await queued(page)} waiting`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

test("a workshop served by dedale-cli: the dashboard follows a learner live, a stopped server loses and doubles nothing", async () => {
  const data = mkdtempSync(join(tmpdir(), "dedale-atelier-"));
  let { server, url } = await serve(data);
  const port = new URL(url).port;

  const { context } = await launch();
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !/Failed to load resource|Failed to fetch|ERR_CONNECTION_REFUSED/.test(text)) problems.push(text);
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
  const session = (await runRecord(page)).header.session;
  await delivered(page, url, 4);

  // The trainer's dashboard, behind the same key: the session, live, on its page.
  // The trainer's own browser, which knows the workshop's key.
  const { context: trainer } = await launch("dedale-formateur-", { httpCredentials: { username: "atelier", password: KEY } });
  contexts.push(trainer);
  const board = trainer.pages()[0] ?? (await trainer.newPage());
  await board.goto(`${url}formateur`);
  await board.waitForFunction(
    (s) => document.getElementById("en-cours")?.textContent.includes(s.slice(0, 8)),
    session,
    { timeout: 30_000 },
  );
  const live = await board.locator("#en-cours").textContent();
  assert.match(live, /connexion/i, `the page the learner is on: ${live}`);
  assert.ok(await board.locator("#lien").textContent().then((l) => l.includes("#atelier=")), "the workshop link");
  assert.equal(await board.locator("svg").count() > 0, true, "its QR code");
  await shot(board, "21-tableau-de-bord.png");

  // The server stops: a wrong NIR is typed meanwhile, its statements wait in the browser.
  const before = (await stored(url)).length;
  server.kill();
  await new Promise((r) => server.on("exit", r));
  await page.keyboard.type("2 99 99 99 999 999 99", { delay: 20 });
  await key(page, "Enter");
  await until(page, "La clé du numéro de sécurité sociale est incorrecte");
  await page.waitForTimeout(1500);
  assert.ok((await queued(page)) > 0, "statements wait while the server is down");
  // A reload while they wait.
  // A reload while they wait: the page comes from the service worker's cache.
  await page.reload();
  await until(page, "Connexion à Mon espace");

  // Started again on the same data and port: everything arrives, once.
  ({ server, url } = await serve(data, port));
  const held = await delivered(page, url, before + 1);
  const ids = held.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, "no statement stored twice");
  const rec = await runRecord(page);
  const expected = 1 + rec.events.filter((e) => e.event !== "message_received" && e.event !== "ended").length;
  assert.equal(ids.length, expected, "every statement of the run so far, none lost");
  assert.ok(held.every((s) => s.actor.account?.name === session && !s.actor.mbox && !s.actor.name), "anonymous");

  // The learner gives up: the session ends, and the dashboard's report has it.
  await page.bringToFront();
  await focusOn(page, "Abandonner");
  await key(page, "Enter");
  await focusOn(page, "Oui, abandonner");
  await key(page, "Enter");
  await until(page, "Pour de vrai, où trouver de l'aide");
  await delivered(page, url, ids.length + 1);
  const report = await board.evaluate(async () => {
    const response = await fetch("/formateur/rapport.csv");
    return response.ok ? response.text() : `HTTP ${response.status}`;
  });
  assert.match(report, /rsa-mesallocs/, `the report counts the workshop's session: ${report.slice(0, 200)}`);
  await shot(page, "22-atelier-apprenant.png");
  assert.deepEqual(problems, []);
  await trainer.close();
  await context.close();
});
