// What the browser tests share: a fresh Chromium for each test, waits on the
// game's text mirror (#mirror, what a screen reader reads) and on its frames,
// the keyboard, screenshots in out/, and the game's own report of its
// keyboard focus (window.dedaleFocus) to find a control by its name.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "./browser.mjs";

export const out = join(dirname(fileURLToPath(import.meta.url)), "out");
mkdirSync(out, { recursive: true });

// A failed test leaves its browser open: close them all, or node waits for them.
const browsers = [];
export async function closeAll() {
  await Promise.all(browsers.map((c) => c.close().catch(() => {})));
}

export async function open() {
  const { context } = await launch();
  browsers.push(context);
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
    // Counts the sounds the game starts with the page's Web Audio (sound.rs, in the browser).
    window.dedaleSounds = 0;
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (...args) {
      window.dedaleSounds++;
      return start.apply(this, args);
    };
    // The incidents met so far in the run under way, from the game's saved run.
    window.dedaleIncidents = () =>
      (JSON.parse(localStorage.getItem("dedale.partie") ?? "null")?.state.events ?? []).filter((e) => e.event === "incident").length;
  });
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  return { context, page, problems };
}

export const mirror = (page) => page.locator("#mirror").textContent();

/** On a wait that fails, a screenshot says what the player saw. */
export async function seen(page, waiting, what) {
  try {
    await waiting;
  } catch (error) {
    const name = `echec-${what.replace(/[^\p{L}\d]+/gu, "-").slice(0, 40)}.png`;
    await page.screenshot({ path: join(out, name) }).catch(() => {});
    throw new Error(`« ${what} » n'est pas apparu (capture : out/${name}) : ${error.message}`);
  }
}

export async function until(page, text, timeout = 60_000) {
  await seen(
    page,
    page.waitForFunction((t) => document.getElementById("mirror")?.textContent.includes(t), text, { timeout }),
    text,
  );
}

/** The game's count of updates (web.rs), to wait for the ones after an input. */
export const updates = (page) => page.evaluate(() => window.dedaleUpdates ?? 0);

/**
 * Waits until the game has finished what was just done: an update after
 * `since` (read before the input), and no further frame asked for (a Tab's
 * focus lands in the frame after the key, a scroll moves over several). At
 * most 5 s: it may have had nothing to do.
 */
export async function settle(page, since) {
  const from = since ?? (await updates(page));
  await page
    .waitForFunction((n) => (window.dedaleUpdates ?? 0) > n && !window.dedaleBusy, from, { timeout: 5000 })
    .catch(() => {});
  await page.waitForTimeout(50);
}

export async function key(page, name, times = 1) {
  for (let i = 0; i < times; i++) {
    const since = await updates(page);
    await page.keyboard.press(name);
    await settle(page, since);
  }
}

export async function shot(page, name) {
  await page.screenshot({ path: join(out, name) });
}

/** From the title to the RSA portal's login page, with the keyboard only. */
export async function toLogin(page) {
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
export async function folderValue(page, label) {
  const lines = await page.$$eval("#mirror ul.document li", (items) => items.map((li) => li.textContent));
  const line = lines.find((l) => l.startsWith(label));
  assert.ok(line, `« ${label} » figure dans le dossier`);
  return line.slice(line.indexOf(" : ") + 3).trim();
}

/** The anonymous record of the run under way, as the game keeps it in localStorage. */
export async function openRecord(page) {
  const text = await page.evaluate(() => localStorage.getItem("dedale.session-en-cours"));
  assert.ok(text, "the run's record is kept as it happens");
  return JSON.parse(text);
}


/** Types text into the focused field, the way a person does, then lets the game settle. */
export async function type(page, text) {
  const since = await updates(page);
  await page.keyboard.type(text, { delay: 25 });
  await settle(page, since);
}

/** Moves the keyboard focus forward `times` times, one frame each. */
export async function tab(page, times = 1) {
  await key(page, "Tab", times);
}

/** Waits for the portal page (or the debrief) whose title is `title`. */
export async function onPage(page, title, timeout = 60_000) {
  await seen(
    page,
    page.waitForFunction((t) => document.querySelector("#mirror h1")?.textContent === t, title, { timeout }),
    title,
  );
  await page.waitForTimeout(400);
}

/** The newest code the phone or the mailbox received, as the mirror lists the messages. */
export async function newestCode(page) {
  const messages = await page.$$eval("#mirror li.message", (items) => items.map((li) => li.textContent));
  const code = messages.map((m) => m.match(/\b\d{6}\b/)?.[0]).find(Boolean);
  assert.ok(code, `a code among the messages: ${messages}`);
  return code;
}


/** The game's keyboard focus: its name, and whether it is wholly inside the window. */
export async function focused(page) {
  const f = await page.evaluate(() => window.dedaleFocus ?? null);
  if (!f || f.x === undefined) return { label: f?.label ?? "", inside: false, f };
  const inside = f.x >= -1 && f.y >= -1 && f.x + f.w <= f.vw + 1 && f.y + f.h <= f.vh + 1;
  return { label: f.label, inside, f };
}

/**
 * Presses Tab until the focused control's name matches `name` (a string it
 * contains, or a RegExp; `fresh`: not the one focused now), checking that every control focused on the way is
 * inside the window, as a keyboard player needs to see where they are.
 */
export async function focusOn(page, name, { max = 40, back = false, fresh = false } = {}) {
  const matches = (label) => (typeof name === "string" ? label.includes(name) : name.test(label));
  if (!fresh) {
    const { label, inside } = await focused(page);
    if (matches(label) && inside) return label;
  }
  const seenLabels = [];
  for (let i = 0; i < max; i++) {
    await key(page, back ? "Shift+Tab" : "Tab");
    let { label, inside, f } = await focused(page);
    // A control brought into view scrolls there smoothly: give it a moment.
    for (let wait = 0; wait < 15 && !inside && f?.x !== undefined; wait++) {
      await page.waitForTimeout(200);
      ({ label, inside, f } = await focused(page));
    }
    seenLabels.push(label);
    // A focus with no place is no control drawn (between two screens): only a drawn one must be on screen.
    if (!inside && f?.x !== undefined) {
      const name = `echec-focus-${label.replace(/[^\p{L}\d]+/gu, "-").slice(0, 40)}.png`;
      await page.screenshot({ path: join(out, name) }).catch(() => {});
      assert.fail(`« ${label} » a le focus hors de la fenêtre (capture : out/${name}) : ${JSON.stringify(f)}`);
    }
    if (matches(label)) return label;
  }
  throw new Error(`« ${name} » jamais atteint avec Tab ; vus : ${seenLabels.join(" | ")}`);
}

/** The run's anonymous record as the game keeps it in localStorage, or null before a run. */
export const runRecord = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("dedale.session-en-cours") ?? "null"));

/** How many statements wait in the browser for the workshop's collector. */
export const queued = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("dedale.collecte-file") ?? "{}").waiting?.length ?? 0);
