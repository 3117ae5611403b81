// What the browser tests and the bench share: web/dist served on a free loopback
// port by web/serve.py, and Debian's Chromium started the way this machine allows
// (headless, no sandbox, no network of its own, WebGL2 on the CPU by SwiftShader).

import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Serves `dir` (web/dist by default); resolves once serve.py prints its address. */
export async function serve(dir = join(root, "web", "dist")) {
  const server = spawn("python3", [join(root, "web", "serve.py"), "--port", "0", "--dir", dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => {
      const match = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) resolve(match[0]);
    });
    server.on("exit", (code) => reject(new Error(`serve.py s'est arrêté (code ${code})`)));
  });
  return { server, url };
}

/** A fresh Chromium profile in a temporary folder, so no run sees another's storage (`options`: Playwright's, such as httpCredentials). */
export async function launch(prefix = "dedale-chromium-", options = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless", "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ],
  });
  return { context, userDataDir };
}
