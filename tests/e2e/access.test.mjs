// Accessibility in a real browser: a phone held upright (360×740), text at
// 200 % on a laptop, and the keyboard alone. Every control the keyboard
// reaches must be inside the window (the game reports its focus to the page
// as window.dedaleFocus); the screenshots in out/ are there to be looked at:
// no clipped or overlapping text, the address bar's domain whole.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./browser.mjs";
import { closeAll, open, until, key, shot, type, focusOn, focused, settle, mirror, newestCode } from "./play.mjs";

let server;
let url;

before(async () => {
  ({ server, url } = await serve());
});

after(async () => {
  await closeAll();
  server?.kill();
});

/** A fresh browser whose game starts with this text size, in a window of this size. */
async function openAt(viewport, textScale) {
  const opened = await open();
  await opened.page.setViewportSize(viewport);
  await opened.page.addInitScript((scale) => {
    if (!localStorage.getItem("dedale.reglages")) {
      localStorage.setItem("dedale.reglages", JSON.stringify({ text_scale: scale }));
    }
  }, textScale);
  return opened;
}

for (const [name, viewport, scale] of [
  ["telephone", { width: 360, height: 740 }, 1],
  ["texte-200", { width: 1280, height: 800 }, 2],
]) {
  test(`every screen fits ${viewport.width}×${viewport.height} at ${scale * 100} % text, the desk as tabs`, async () => {
    const { context, page, problems } = await openAt(viewport, scale);
    await page.goto(url);
    await until(page, "S'entraîner aux démarches");
    await page.waitForTimeout(500);
    await shot(page, `petit-${name}-01-titre.png`);
    // The title's main button has the focus, and is on screen.
    assert.ok((await focused(page)).inside, "the title's button is on screen");
    await key(page, "Enter");
    await until(page, "Choisissez une démarche");
    await shot(page, `petit-${name}-02-choix.png`);
    await key(page, "Enter");
    await until(page, "Qui : Sandrine");
    await shot(page, `petit-${name}-03-briefing.png`);
    await focusOn(page, "Commencer");
    await key(page, "Enter");
    await until(page, "Bienvenue sur MesAllocs");
    await page.waitForTimeout(300);
    await shot(page, `petit-${name}-04-portail.png`);
    await focusOn(page, "Dossier");
    await key(page, "Enter");
    await shot(page, `petit-${name}-05-dossier.png`);
    await focusOn(page, "Téléphone");
    await key(page, "Enter");
    await shot(page, `petit-${name}-06-telephone.png`);
    await focusOn(page, "Abandonner");
    await key(page, "Enter");
    await focusOn(page, "Oui, abandonner");
    await key(page, "Enter");
    await until(page, "Pour de vrai, où trouver de l'aide");
    await page.waitForTimeout(300);
    await shot(page, `petit-${name}-07-bilan.png`);
    await focusOn(page, "Choisir une autre démarche");
    await key(page, "Enter");
    await until(page, "Choisissez une démarche");
    // Back up from the first card's button to « Retour », at the top.
    await focusOn(page, "Retour", { back: true });
    await key(page, "Enter");
    await until(page, "S'entraîner aux démarches");
    await focusOn(page, "Espace formateur");
    await key(page, "Enter");
    await until(page, "Espace formateur");
    await page.waitForTimeout(300);
    await shot(page, `petit-${name}-08-formateur.png`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** Waits (5 s at most) for the game's focus to be on the control named `name`. */
async function focusIs(page, name, why) {
  let label = "";
  for (let i = 0; i < 25 && label !== name; i++) {
    ({ label } = await focused(page));
    if (label !== name) await page.waitForTimeout(200);
  }
  assert.equal(label, name, why);
}

/** The captcha's characters, as the mirror spells them for a screen reader. */
async function captcha(page) {
  const text = await mirror(page);
  const spelled = text.match(/caractères à recopier : ((?:\S )*\S)/);
  assert.ok(spelled, `the mirror spells the captcha: ${text}`);
  return spelled[1].replace(/ /g, "");
}

/** A value of the folder, as the mirror lists the documents ("Label : value"). */
async function inFolder(page, label) {
  const lines = await page.$$eval("#mirror ul.document li", (items) => items.map((li) => li.textContent));
  const line = lines.find((l) => l.startsWith(label));
  assert.ok(line, `« ${label} » figure dans le dossier`);
  return line.slice(line.indexOf(" : ") + 3).trim();
}

test("the préfecture appointment is booked with the keyboard alone at 200 % text, every focused control on screen", async () => {
  const { context, page, problems } = await openAt({ width: 1280, height: 800 }, 2);
  await page.goto(url);
  await until(page, "S'entraîner aux démarches");
  await key(page, "Enter");
  await until(page, "Choisissez une démarche");
  // The first card (the RSA claim) has the focus; the préfecture is the next one.
  await focusOn(page, /Jouer cette démarche/, { max: 60, fresh: true });
  await key(page, "Enter");
  await until(page, "Qui : Mariam");
  await focusOn(page, "Commencer");
  await key(page, "Enter");

  // The search engine: the first field has the focus on arrival.
  await until(page, "Rechercher sur Internet");
  await type(page, "rendez-vous préfecture Val-Fictif");
  await key(page, "Enter");
  await until(page, "Prendre un rendez-vous – Préfecture du Val-Fictif");
  await focusOn(page, "Prendre un rendez-vous – Préfecture du Val-Fictif");
  await key(page, "Enter");

  // The drop-down, as a native <select>: it has the focus, the arrows choose, Enter opens and picks.
  await until(page, "Motif du rendez-vous");
  await focusIs(page, "Motif du rendez-vous", "the list has the focus on arrival");
  await key(page, "Enter");
  await key(page, "ArrowDown");
  await key(page, "Enter");
  await until(page, "Première demande de titre de séjour");
  await focusIs(page, "Motif du rendez-vous", "the focus stays on the list once chosen");
  await focusOn(page, "Rechercher un rendez-vous");
  await key(page, "Enter");
  // No free slot, some days: search again until there is one.
  for (let tries = 0; tries < 10; tries++) {
    await settle(page);
    const text = await mirror(page);
    if (text.includes("Rendez-vous disponibles")) break;
    await focusOn(page, "Faire une nouvelle recherche");
    await key(page, "Enter");
    await until(page, "Motif du rendez-vous");
    await focusOn(page, "Rechercher un rendez-vous");
    await key(page, "Enter");
  }
  await until(page, "Rendez-vous disponibles");
  await focusOn(page, "Mardi 8 décembre 2026 à 14 h 30");
  await key(page, "Space");
  await focusOn(page, "Continuer");
  await key(page, "Enter");

  await until(page, "Recopiez les 5 caractères de l'image");
  await focusOn(page, "Recopiez les 5 caractères de l'image");
  await type(page, await captcha(page));
  await key(page, "Enter");

  await until(page, "Téléphone portable");
  const values = {
    Nom: await inFolder(page, "Nom"),
    Prénom: await inFolder(page, "Prénom"),
    "Date de naissance": await inFolder(page, "Date de naissance"),
    "Adresse e-mail": await inFolder(page, "Mon adresse e-mail"),
    "Téléphone portable": await inFolder(page, "Mon numéro de portable"),
  };
  for (const [field, value] of Object.entries(values)) {
    await focusOn(page, new RegExp(`^${field}$`));
    await type(page, value);
  }
  await focusOn(page, "Recevoir le code de confirmation");
  await key(page, "Enter");
  await until(page, "Confirmer le rendez-vous");
  const code = await newestCode(page);
  await focusOn(page, /code/i);
  await type(page, code);
  await focusOn(page, "Confirmer le rendez-vous");
  await key(page, "Enter");
  await until(page, "Pour de vrai, où trouver de l'aide");
  await shot(page, "clavier-200-succes.png");
  assert.match(await mirror(page), /réussi|obtenu/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the FALC setting shows the scenario's FALC texts and the interface's own", async () => {
  const { context, page, problems } = await open();
  await page.addInitScript(() => {
    if (!localStorage.getItem("dedale.reglages")) {
      localStorage.setItem("dedale.reglages", JSON.stringify({ lang: "Falc" }));
    }
  });
  await page.goto(url);
  await until(page, "Apprendre à faire ses démarches sur Internet");
  await page.waitForTimeout(500);
  await key(page, "Enter");
  await until(page, "Choisissez une démarche");
  await key(page, "Enter");
  // The briefing, in easy-to-read French: short sentences, one idea each.
  await until(page, "Elle n'a pas d'enfant. Elle loue un petit appartement à Calais.");
  assert.ok(!(await mirror(page)).includes("sans enfant, dans un petit appartement"), "not the ordinary French");
  await shot(page, "falc-briefing.png");
  await focusOn(page, "Commencer");
  await key(page, "Enter");
  await until(page, "Vous voyez aussi quand elles sont payées.");
  await shot(page, "falc-portail.png");
  assert.deepEqual(problems, []);
  await context.close();
});
