// Dédale in a real browser: Debian's Chromium (headless, WebGL2 on the CPU)
// driven by playwright-core, against the build in web/dist served on loopback.
// The game draws on a canvas; the hidden page over it (#mirror: headings,
// labelled inputs, buttons) is what a screen reader reads and operates, and
// what these tests read. Screenshots go to out/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { root, serve, launch } from "./browser.mjs";
import {
  out, closeAll, open, mirror, seen, until, settle, key, shot, toLogin, folderValue, openRecord,
  type, tab, onPage, newestCode,
} from "./play.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let server;
let url;

before(async () => {
  ({ server, url } = await serve());
});

after(async () => {
  await closeAll();
  server?.kill();
});

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
  assert.ok((await page.evaluate(() => window.dedaleSounds)) >= 1, "the refused form's tone is played");
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

test("the RSA claim is played to its success ending with the keyboard and the mouse", async () => {
  const { context, page, problems } = await open();
  await page.goto(url);
  await toLogin(page);

  // Logging in: the NIR from the carte Vitale, the password from the folded note.
  await type(page, await folderValue(page, "N° de sécurité sociale"));
  await tab(page);
  await type(page, await folderValue(page, "Mot de passe"));
  await key(page, "Enter");

  // The code arrives by SMS: the player opens the phone with the mouse, reads it,
  // clicks back in the code field and types it.
  await onPage(page, "Vérification de votre identité");
  await until(page, "Code reçu par SMS");
  await page.mouse.click(1040, 82); // the « Téléphone » tab
  await settle(page);
  await page.mouse.click(1062, 194); // the MesAllocs text message, opened
  await settle(page);
  await shot(page, "10-telephone-code.png");
  const code = await newestCode(page);
  await page.mouse.click(285, 314);
  await settle(page);
  await type(page, code);
  await key(page, "Enter");

  await onPage(page, "Mon espace");
  await key(page, "Enter");
  await onPage(page, "Mes démarches");
  await tab(page);
  await key(page, "Enter");
  await onPage(page, "Demander le RSA");
  await key(page, "Enter");

  // Her situation: alone, no children, a tenant; radio buttons with Space, Tab between them.
  await onPage(page, "Votre situation");
  await key(page, "Space");
  await tab(page, 2);
  await key(page, "Space");
  await tab(page, 2);
  await key(page, "Space");
  await shot(page, "11-situation.png");
  await tab(page, 4);
  await key(page, "Enter");

  await onPage(page, "Votre logement");
  for (const [i, label] of ["Adresse", "Code postal", "Ville", "Loyer et charges du mois (en euros)"].entries()) {
    if (i > 0) await tab(page);
    await type(page, await folderValue(page, label));
  }
  await key(page, "Enter");

  await onPage(page, "Vos ressources des 3 derniers mois");
  for (const [i, label] of [
    "Net à payer (en euros)",
    "Total des sommes reçues en septembre 2026 (en euros)",
    "Total des sommes reçues en octobre 2026 (en euros)",
  ].entries()) {
    if (i > 0) await tab(page);
    await type(page, await folderValue(page, label));
  }
  await key(page, "Enter");

  // The bank: a slip on purpose (two digits swapped), the portal's error, then the right IBAN.
  await onPage(page, "Vos coordonnées bancaires");
  const lines = await page.$$eval("#mirror ul.document li", (items) => items.map((li) => li.textContent));
  const ribStart = lines.findIndex((l) => l === "Banque : Banque Fictive du Littoral");
  const holder = lines[ribStart + 1].split(" : ")[1];
  const iban = lines[ribStart + 2].split(" : ")[1];
  assert.match(iban, /^FR76/);
  await type(page, holder);
  await tab(page);
  const digits = iban.indexOf("7158");
  assert.ok(digits > 0, "the RIB's IBAN is the scenario's");
  await type(page, iban.slice(0, digits) + "7518" + iban.slice(digits + 4));
  await key(page, "Enter");
  await until(page, "Le formulaire contient");
  await until(page, "IBAN : ");
  await shot(page, "12-erreur-iban.png");
  // The error moved the focus back to the IBAN: select it all (Ctrl held over a frame, as
  // a hand does: bevy_egui reads the modifiers once per frame) and type it again.
  await page.keyboard.down("Control");
  await settle(page);
  await key(page, "a");
  await page.keyboard.up("Control");
  await settle(page);
  await type(page, iban);
  await key(page, "Enter");

  // The tax notice: the phone's photo first (refused), then the downloaded PDF.
  await onPage(page, "Vos justificatifs");
  await key(page, "Enter");
  await key(page, "Enter");
  await until(page, "Ce type de fichier n'est pas accepté");
  await shot(page, "13-photo-refusee.png");
  await key(page, "Enter");
  await tab(page, 2);
  await key(page, "Enter");
  await until(page, "Votre dernier avis d'impôt : avis_impot_2026.pdf");
  await tab(page);
  await key(page, "Enter");

  // The declaration: both boxes, then send; a network error may come first, as on real portals.
  await onPage(page, "Envoyer votre demande");
  await key(page, "Space");
  await tab(page);
  await key(page, "Space");
  await tab(page);
  await shot(page, "14-declaration.png");
  // 40 % of the presses meet it: press again while they do (ten in a row: 1 in 10 000).
  for (let attempt = 1; ; attempt++) {
    const met = await page.evaluate(() => window.dedaleIncidents());
    await key(page, "Enter");
    await page.waitForFunction(
      (n) => document.querySelector("#mirror h1")?.textContent === "Votre demande est envoyée" || window.dedaleIncidents() > n,
      met,
      { timeout: 15_000 },
    );
    if ((await page.locator("#mirror h1").textContent()) === "Votre demande est envoyée") break;
    await until(page, "Erreur réseau");
    await shot(page, `15-envoi-erreur-${attempt}.png`);
    assert.ok(attempt < 10, "ten network errors in a row");
  }
  // The acknowledgement: downloaded into the folder (the first button has the
  // keyboard), then the end.
  await onPage(page, "Votre demande est envoyée");
  await key(page, "Enter");
  await until(page, "Accusé de réception de la demande de RSA");
  await tab(page);
  await key(page, "Enter");
  await onPage(page, "Demande de RSA envoyée");
  await until(page, "MA-RSA-2026-");
  await shot(page, "16-bilan.png");
  const record = await page.evaluate(() => localStorage.getItem("dedale.sessions"));
  assert.ok(record?.includes('"demande_envoyee"'), "the finished session is kept with its ending");
  assert.deepEqual(problems, []);
  await context.close();
});

test("once loaded, the game starts again without any network", async (t) => {
  // A server of its own, stopped mid-test, as workshop Wi-Fi does.
  const own = await serve();
  t.after(() => own.server.kill());
  const { context, page, problems } = await open();
  await page.goto(own.url);
  await until(page, "S'entraîner aux démarches");
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith("dedale-")));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((p) => p.endsWith("dedale_bg.wasm")), `the .wasm is cached: ${cached}`);
  assert.ok(cached.some((p) => p.endsWith("dedale.js")), `the game's JavaScript is cached: ${cached}`);

  own.server.kill();
  await context.setOffline(true);
  await page.reload();
  await until(page, "S'entraîner aux démarches");
  await key(page, "Enter");
  await until(page, "Choisissez une démarche");
  await key(page, "Enter");
  await until(page, "Qui : Sandrine");
  await key(page, "Enter");
  await onPage(page, "Bienvenue sur MesAllocs");
  await shot(page, "17-hors-ligne.png");
  assert.deepEqual(problems, []);
  await context.close();
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

test("after a network error the keyboard stays on the button, so Enter tries again", async () => {
  const { context, page, problems } = await open();
  await page.goto(url);
  await until(page, "S'entraîner aux démarches");
  // A valid file opened is played at once: its briefing, whose main button has the focus.
  await page.locator("#open-file").setInputFiles(join(root, "tests", "e2e", "fixtures", "erreur-reseau.ron"));
  await until(page, "Qui : Awa Diallo");
  await key(page, "Enter");
  await onPage(page, "Envoi du formulaire");
  await key(page, "Space");
  await tab(page);
  for (let press = 1; press <= 3; press++) {
    await key(page, "Enter");
    await page.waitForFunction((n) => window.dedaleIncidents() >= n, press, { timeout: 10_000 }).catch(() => {});
    assert.equal(await page.evaluate(() => window.dedaleIncidents()), press, `Enter number ${press} sent the form again`);
  }
  await until(page, "Erreur réseau : réessayez.");
  await shot(page, "18-erreur-reseau.png");
  // The run of an opened file is recorded like any other, its incidents included.
  const record = await openRecord(page);
  assert.equal(record.header.scenario, "essai-erreur-reseau");
  assert.equal(record.events.filter((e) => e.event === "incident").length, 3);
  assert.deepEqual(problems, []);
  await context.close();
});

/** axe-core's violations on the page as it is now (every rule axe runs by default). */
async function violations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a screen-reader user plays the préfecture scenario through the hidden page alone, and axe finds nothing", async () => {
  const { context, page, problems } = await open();
  await page.goto(url);
  // Only what a screen reader finds: roles, names and labels; no canvas, no coordinates.
  const heading = (name) => page.getByRole("heading", { level: 1, name, exact: true });
  const arrive = (name, timeout = 60_000) => seen(page, heading(name).waitFor({ timeout }), name);
  const press = (name) => page.getByRole("button", { name, exact: true }).press("Enter");
  const focused = () => page.evaluate(() => document.activeElement?.id ?? "");

  await arrive("Dédale");
  assert.ok(await page.getByRole("radio", { name: "Français" }).isChecked(), "the language is a radio group");
  assert.deepEqual(await violations(page), [], "axe on the title");
  await press("Commencer");
  await arrive("Choisissez une démarche");
  await page
    .getByRole("region", { name: "Prendre rendez-vous à la préfecture" })
    .getByRole("button", { name: "Jouer cette démarche" })
    .press("Enter");
  await arrive("Prendre rendez-vous à la préfecture");
  assert.deepEqual(await violations(page), [], "axe on the briefing");
  await press("Commencer");

  // A portal page: a field and a button. A new page puts the keyboard on its heading.
  await arrive("Cherche : moteur de recherche");
  assert.equal(await focused(), "sd-titre", "the new page's heading has the keyboard");
  await page.getByLabel("Rechercher sur Internet").fill("rendez-vous préfecture Val-Fictif");
  assert.deepEqual(await violations(page), [], "axe on a portal page");
  await press("Rechercher");
  await arrive("Résultats de la recherche");
  await press("Prendre un rendez-vous – Préfecture du Val-Fictif");

  // A drop-down: sent empty, the form is refused; the error is said and the keyboard is on the list.
  await arrive("Préfecture du Val-Fictif : prendre un rendez-vous");
  await press("Rechercher un rendez-vous");
  const motif = page.getByLabel("Motif du rendez-vous");
  await seen(
    page,
    page.waitForFunction(() => document.getElementById("annonce")?.textContent.includes("Motif du rendez-vous")),
    "l'erreur dite par la zone d'annonce",
  );
  assert.match(await page.getByRole("status").textContent(), /Le formulaire contient 1 erreur/);
  assert.equal(await motif.getAttribute("aria-invalid"), "true");
  assert.equal(await focused(), "sd-motif", "the refused form puts the keyboard on the input in error");
  assert.deepEqual(await violations(page), [], "axe on a page with an error");
  await motif.selectOption({ label: "Première demande de titre de séjour" });
  // No free slot 60 % of the time, as in the real préfecture: search again while there is none.
  for (let attempt = 1; ; attempt++) {
    await press("Rechercher un rendez-vous");
    const none = heading("Aucun rendez-vous disponible");
    const slots = heading("Choisissez un rendez-vous");
    await seen(page, none.or(slots).waitFor({ timeout: 30_000 }), "la page après la recherche");
    if (await slots.count()) break;
    assert.ok(attempt < 20, "twenty searches without a slot");
    await press("Faire une nouvelle recherche");
    await arrive("Préfecture du Val-Fictif : prendre un rendez-vous");
  }

  // Radio buttons, then the captcha through its text alternative, sent with Enter.
  await page.getByRole("radio", { name: "Mardi 8 décembre 2026 à 14 h 30" }).press("Space");
  await seen(
    page,
    page.getByRole("radio", { name: "Mardi 8 décembre 2026 à 14 h 30", checked: true }).waitFor(),
    "le créneau coché",
  );
  await press("Continuer");
  await arrive("Vérification de sécurité");
  const alternative = await page.getByText("caractères à recopier :").textContent();
  const characters = alternative.split("caractères à recopier :")[1].replaceAll(" ", "");
  assert.equal(characters.length, 5, alternative);
  const captcha = page.getByLabel("Recopiez les 5 caractères de l'image");
  await captcha.fill(characters);
  await captcha.press("Enter");
  await arrive("Vos coordonnées");
  await shot(page, "19-page-cachee.png");

  // The other way: what is typed on the canvas is in the hidden page's input.
  await page.locator("#dedale").focus();
  await settle(page);
  await type(page, "KONE");
  await seen(
    page,
    page.waitForFunction(() => document.getElementById("sd-nom")?.value === "KONE"),
    "le nom tapé dans le jeu, dans la page cachée",
  );
  // The run went through the engine: its record has each page, in order.
  const record = await openRecord(page);
  const pages = record.events.filter((e) => e.event === "page_entered").map((e) => e.page);
  assert.deepEqual(pages.slice(0, 3), ["moteur", "resultats", "rdv_accueil"], JSON.stringify(pages));
  assert.ok(pages.includes("verification") && pages.at(-1) === "coordonnees", JSON.stringify(pages));
  // Idle, the game draws nothing: the hidden page adds no frame of its own.
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => window.dedaleFrames);
  await page.waitForTimeout(3000);
  assert.ok((await page.evaluate(() => window.dedaleFrames)) - before <= 2, "no frame while idle");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Alt+L reads the page aloud through the browser's speech, and the reading is counted without its text", async () => {
  const { context, page, problems } = await open();
  // The test page's own stub of the Web Speech API, not the game's: it keeps
  // what the game asked to be spoken.
  await page.addInitScript(() => {
    window.dedaleSpoken = [];
    const stub = {
      speak: (utterance) => window.dedaleSpoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate }),
      cancel: () => {},
      getVoices: () => [],
      speaking: false,
      pending: false,
      paused: false,
    };
    Object.defineProperty(window, "speechSynthesis", { value: stub, configurable: true });
  });
  await page.goto(url);
  await toLogin(page);
  await key(page, "Alt+L");
  await page.waitForFunction(() => window.dedaleSpoken.length > 0, null, { timeout: 10_000 }).catch(() => {});
  const spoken = await page.evaluate(() => window.dedaleSpoken);
  assert.equal(spoken.length, 1, "one reading for one press");
  assert.match(spoken[0].text, /Connexion à Mon espace\. /, "the page's title is read first, as a sentence");
  assert.match(spoken[0].text, /N° de sécurité sociale/, "then its fields' labels");
  assert.equal(spoken[0].lang, "fr-FR");
  assert.ok(Math.abs(spoken[0].rate - 0.9) < 1e-6, "a little slower than the voice's own pace by default");
  // The engine takes the reading in the next frame, and the run's record is rewritten then.
  await page
    .waitForFunction(
      () => (JSON.parse(localStorage.getItem("dedale.session-en-cours") ?? "null")?.events ?? []).some((e) => e.event === "read_aloud"),
      null,
      { timeout: 10_000 },
    )
    .catch(() => {});
  const record = await openRecord(page);
  const readings = record.events.filter((e) => e.event === "read_aloud");
  assert.equal(readings.length, 1, "the reading is in the run's record");
  assert.ok(!JSON.stringify(record).includes("Connexion à Mon espace"), "never the words read");
  assert.deepEqual(problems, []);
  await context.close();
});
