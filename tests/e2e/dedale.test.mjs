// Dédale in a real browser: Debian's Chromium (headless, WebGL2 on the CPU)
// driven by playwright-core, against the build in web/dist served on loopback.
// The game draws on a canvas; the page's text mirror (#mirror) is what a
// screen reader reads, and what these tests read. Screenshots go to out/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(here, "out");
mkdirSync(out, { recursive: true });

let server;
let url;

before(async () => {
  server = spawn("python3", [join(root, "web", "serve.py"), "--port", "0", "--dir", join(root, "web", "dist")]);
  url = await new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => {
      const match = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) resolve(match[0]);
    });
    server.on("exit", (code) => reject(new Error(`le serveur s'est arrêté (${code})`)));
  });
});

after(() => server?.kill());

async function open() {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "dedale-chromium-")), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless", "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Counts the game's frames, so a test waits for the game to have drawn what a key did
  // (software WebGL makes a frame slow, and egui moves the focus in the frame after Tab).
  await page.addInitScript(() => {
    window.dedaleFrames = 0;
    const request = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) =>
      request((time) => {
        window.dedaleFrames++;
        callback(time);
      });
  });
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  return { context, page, problems };
}

const mirror = (page) => page.locator("#mirror").textContent();

/** On a wait that fails, a screenshot says what the player saw. */
async function seen(page, waiting, what) {
  try {
    await waiting;
  } catch (error) {
    const name = `echec-${what.replace(/[^\p{L}\d]+/gu, "-").slice(0, 40)}.png`;
    await page.screenshot({ path: join(out, name) }).catch(() => {});
    throw new Error(`« ${what} » n'est pas apparu (capture : out/${name}) : ${error.message}`);
  }
}

async function until(page, text, timeout = 60_000) {
  await seen(
    page,
    page.waitForFunction((t) => document.getElementById("mirror")?.textContent.includes(t), text, { timeout }),
    text,
  );
}

/** Waits until the game has drawn two more frames (or 5 s went by: it may have nothing to draw). */
async function settle(page) {
  const now = await page.evaluate(() => window.dedaleFrames);
  await page.waitForFunction((n) => window.dedaleFrames >= n + 2, now, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(100);
}

async function key(page, name, times = 1) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(name);
    await settle(page);
  }
}

async function shot(page, name) {
  await page.screenshot({ path: join(out, name) });
}

/** From the title to the RSA portal's login page, with the keyboard only. */
async function toLogin(page) {
  await until(page, "S'entraîner aux démarches");
  await page.waitForTimeout(500);
  await shot(page, "01-titre.png");
  await key(page, "Enter");
  await until(page, "Choisissez une démarche");
  // Each screen gives the keyboard focus to its main control: here the first card's button.
  await key(page, "Enter");
  await until(page, "Qui : Sandrine");
  await key(page, "Enter");
  await until(page, "Bienvenue sur MesAllocs");
  await key(page, "Enter");
  await until(page, "Connexion à Mon espace");
}

/** A value printed in the folder, read from the mirror's document lists ("Label : value"). */
async function folderValue(page, label) {
  const lines = await page.$$eval("#mirror ul.document li", (items) => items.map((li) => li.textContent));
  const line = lines.find((l) => l.startsWith(label));
  assert.ok(line, `« ${label} » figure dans le dossier`);
  return line.slice(line.indexOf(" : ") + 3).trim();
}

/** The anonymous record of the run under way, as the game keeps it in localStorage. */
async function openRecord(page) {
  const text = await page.evaluate(() => localStorage.getItem("dedale.session-en-cours"));
  assert.ok(text, "the run's record is kept as it happens");
  return JSON.parse(text);
}

test("a wrong NIR shows the portal's error; a reload resumes and loses no event; the trainer reads the session", async () => {
  const { context, page, problems } = await open();
  await page.goto(url);
  await toLogin(page);
  const nir = await folderValue(page, "N° de sécurité sociale");
  // One digit of the key wrong: the mistake the portal's check is there for.
  const wrong = nir.slice(0, -1) + (nir.endsWith("9") ? "0" : "9");
  await page.keyboard.type(wrong, { delay: 30 });
  await key(page, "Enter");
  await until(page, "La clé du numéro de sécurité sociale est incorrecte");
  await shot(page, "02-erreur-nir.png");
  const before = await openRecord(page);
  assert.ok(before.events.some((e) => e.event === "field_error" && e.field === "nir"));
  assert.ok(!JSON.stringify(before).includes(wrong.replaceAll(" ", "").slice(0, 6)), "no typed value in the record");

  await page.reload();
  await until(page, "Connexion à Mon espace");
  await shot(page, "03-apres-rechargement.png");
  const after = await openRecord(page);
  assert.equal(after.header.session, before.header.session, "the same session goes on");
  assert.deepEqual(after.events.slice(0, before.events.length), before.events, "no event lost");

  // The trainer opens that record as an exported file: the report and its exports.
  const exported = join(mkdtempSync(join(tmpdir(), "dedale-jsonl-")), "seance.jsonl");
  writeFileSync(exported, JSON.stringify(after) + "\n");
  await page.locator("#open-file").setInputFiles(exported);
  await until(page, "Espace formateur");
  await until(page, "1 session");
  await page.waitForTimeout(500);
  await shot(page, "04-espace-formateur.png");

  // Export with the mouse: the four files are downloaded.
  const downloads = [];
  page.on("download", (d) => downloads.push(d));
  await page.mouse.click(305, 546);
  await settle(page);
  for (let i = 0; i < 100 && downloads.length < 4; i++) await page.waitForTimeout(200);
  await shot(page, "05-exporte.png");
  const saved = {};
  for (const d of downloads) {
    saved[d.suggestedFilename()] = join(out, d.suggestedFilename());
    await d.saveAs(saved[d.suggestedFilename()]);
  }
  const names = Object.keys(saved);
  for (const ext of [".jsonl", ".csv", ".json", ".html"]) {
    assert.ok(names.some((n) => n.endsWith(ext)), `an export ends in ${ext}: ${names}`);
  }
  const html = names.find((n) => n.endsWith(".html"));
  assert.match(readFileSync(saved[html], "utf8"), /<svg/);
  const report = await context.newPage();
  await report.goto("file://" + saved[html]);
  await report.screenshot({ path: join(out, "06-rapport-html.png"), fullPage: true });
  await report.close();
  assert.deepEqual(problems, []);
  await context.close();
});

/** Types text into the focused field, the way a person does, then lets the game settle. */
async function type(page, text) {
  await page.keyboard.type(text, { delay: 25 });
  await settle(page);
}

/** Moves the keyboard focus forward `times` times, one frame each. */
async function tab(page, times = 1) {
  await key(page, "Tab", times);
}

/** Waits for the portal page (or the debrief) whose title is `title`. */
async function onPage(page, title, timeout = 60_000) {
  await seen(
    page,
    page.waitForFunction((t) => document.querySelector("#mirror h1")?.textContent === t, title, { timeout }),
    title,
  );
  await page.waitForTimeout(400);
}

/** The values the scenario's persona has in her folder, read as a player reads the papers. */
const papers = (page) => ({
  get: (label) => folderValue(page, label),
});

test("a broken scenario file opened by a trainer shows its error with the line", async () => {
  const { context, page, problems } = await open();
  await page.goto(url);
  await until(page, "S'entraîner aux démarches");
  const good = readFileSync(join(root, "game", "core", "tests", "fixtures", "mini.ron"), "utf8");
  const broken = join(mkdtempSync(join(tmpdir(), "dedale-ron-")), "faute.ron");
  writeFileSync(broken, good.replace('goto: "banque"', 'goto: "banqe"'));
  await page.locator("#open-file").setInputFiles(broken);
  await until(page, "faute.ron:58:59");
  assert.match(await mirror(page), /page ou fin `banqe` inconnue ; vouliez-vous dire `banque` \?/);
  await shot(page, "07-fichier-errone.png");
  assert.deepEqual(problems, []);
  await context.close();
});
