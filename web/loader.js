// Loads Dédale with a real progress bar (the .wasm is compiled as it streams
// in, its bytes counted), says clearly when the browser cannot run it, registers the
// service worker that keeps the game playable offline, passes scenario and
// session files opened or dropped by a trainer to the game, and downloads
// the files the trainer exports.

const text = document.getElementById("loader-text");
const bar = document.getElementById("loader-bar");

function problem(message) {
  document.getElementById("loader").classList.add("hidden");
  document.getElementById("problem-text").textContent = message;
  document.getElementById("problem").classList.remove("hidden");
}

function mb(bytes) {
  return (bytes / 1e6).toLocaleString("fr-FR", { maximumFractionDigits: 1 }) + " Mo";
}

function supported() {
  if (typeof WebAssembly !== "object") {
    problem("Ce navigateur ne sait pas exécuter WebAssembly. Mettez-le à jour, ou utilisez un navigateur récent (Firefox, Chrome, Edge, Safari).");
    return false;
  }
  const gl = document.createElement("canvas").getContext("webgl2");
  if (!gl) {
    problem("Ce navigateur ou cet ordinateur ne permet pas WebGL2, dont le jeu a besoin pour dessiner. Activez l'accélération graphique dans les réglages du navigateur, ou essayez un autre navigateur.");
    return false;
  }
  return true;
}

// The .wasm goes to the browser's compiler as it arrives (streaming
// compilation: compiling overlaps the download), through a counter that moves
// the progress bar. A repeat visit, served by the service worker, hands the
// compiler the cached response itself, so the browser can also reuse the
// machine code it kept from the last visit (its wasm code cache).
async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} : erreur ${response.status}`);
  if (navigator.serviceWorker?.controller || !response.body) {
    text.textContent = "Démarrage…";
    return response;
  }
  const total = Number(response.headers.get("x-uncompressed-length") || response.headers.get("content-length") || 0);
  let received = 0;
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        received += chunk.length;
        if (total > 0) {
          const percent = Math.min(100, Math.round((received * 100) / total));
          bar.value = percent;
          text.textContent = `Chargement du jeu : ${percent} % (${mb(received)} sur ${mb(total)})`;
        } else {
          bar.removeAttribute("value");
          text.textContent = `Chargement du jeu : ${mb(received)}`;
        }
        controller.enqueue(chunk);
      },
      flush() {
        text.textContent = "Démarrage…";
      },
    }),
  );
  return new Response(counted, { headers: { "Content-Type": "application/wasm" } });
}

// Each time the page is hidden or shown again (another tab, a closed lid), the game's
// clock must not count the time away: it looks at this count and at document.hidden.
window.dedaleVisibilityChanges = 0;
document.addEventListener("visibilitychange", () => {
  window.dedaleVisibilityChanges += 1;
});

// Wakes the game (it only runs a frame when something happens): a focus event on
// its canvas does, and gives the keyboard back to the game.
function wake() {
  const canvas = document.getElementById("dedale");
  canvas.blur();
  canvas.focus();
}

// The dyslexia font is downloaded only when a player chooses it (it costs
// nothing to first play); the game takes it from window.dedaleFont.
let fontAsked = false;
window.dedaleFetchFont = () => {
  if (fontAsked) return;
  fontAsked = true;
  fetch("fonts/OpenDyslexic-Regular.otf")
    .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((buffer) => {
      window.dedaleFont = new Uint8Array(buffer);
      wake();
    })
    .catch((error) => {
      fontAsked = false;
      console.warn("Police OpenDyslexic indisponible :", error);
    });
};

// Scenario files opened or dropped by a trainer wait here until the game takes them.
// The game only runs a frame when something happens (or every few seconds): a focus
// event on its canvas wakes it at once, and gives the keyboard back to the game.
window.dedaleFiles = [];
function queue(file) {
  file.text().then((content) => {
    window.dedaleFiles.push({ name: file.name, text: content });
    wake();
  });
}
document.getElementById("open-file").addEventListener("change", (event) => {
  for (const file of event.target.files) queue(file);
  event.target.value = "";
});
const drop = document.getElementById("drop");
window.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.remove("hidden");
});
window.addEventListener("dragleave", (event) => {
  if (event.relatedTarget === null) drop.classList.add("hidden");
});
window.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.add("hidden");
  for (const file of event.dataTransfer.files) queue(file);
});
window.dedaleOpenFile = () => document.getElementById("open-file").click();

// The trainer's exports: each file is offered as a download.
window.dedaleDownload = (name, type, content) => {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

// Bevy ends its start-up by throwing a control-flow exception that is not an error.
const controlFlow = (error) => String(error).includes("Using exceptions for control flow");

/**
 * Once the game's first screen is there (its text mirror filled): the loader
 * goes, and the canvas gets a focus event, since the game listens to the
 * keyboard once it has one (keyboard players need no click). Should the game
 * stop before (an error in its first frames, which no promise reports), the
 * player is told what to do rather than left with « Démarrage… ».
 */
function onFirstScreen() {
  const loader = document.getElementById("loader");
  const stopped = (event) => {
    if (loader.classList.contains("hidden") || controlFlow(event.message ?? event.error)) return;
    problem(`Le jeu s'est arrêté pendant son démarrage : ${event.message ?? event.reason ?? event}. Rechargez la page ; si cela recommence, essayez un autre navigateur.`);
  };
  window.addEventListener("error", stopped);
  const mirror = document.getElementById("mirror");
  const observer = new MutationObserver(() => {
    if (!mirror.textContent) return;
    observer.disconnect();
    window.removeEventListener("error", stopped);
    loader.classList.add("hidden");
    const canvas = document.getElementById("dedale");
    canvas.blur();
    canvas.focus();
  });
  observer.observe(mirror, { childList: true, subtree: true, characterData: true });
}

async function start() {
  if (!supported()) return;
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    navigator.serviceWorker.register("sw.js").catch(() => {});
  }
  try {
    const [wasm, game] = await Promise.all([download("dedale_bg.wasm"), import("./dedale.js")]);
    // The loader stays until the game has drawn: compiling goes on while the bar fills.
    onFirstScreen();
    await game.default({ module_or_path: wasm });
  } catch (error) {
    if (controlFlow(error)) return;
    problem(`Le jeu n'a pas pu démarrer : ${error}. Rechargez la page ; si cela recommence, essayez un autre navigateur.`);
  }
}

start();
