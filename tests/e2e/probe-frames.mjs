import { serve, launch } from "./browser.mjs";
const dir = process.argv[2];
const { server, url } = await serve(dir);
const { context } = await launch("probe-");
const page = context.pages()[0] ?? (await context.newPage());
await page.addInitScript(() => {
  window.__raf = 0; window.__draws = 0; window.__timeouts = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => { window.__raf++; return raf(cb); };
  const st = window.setTimeout.bind(window);
  window.setTimeout = (cb, ms, ...a) => { window.__timeouts++; return st(cb, ms, ...a); };
  for (const P of [WebGL2RenderingContext.prototype]) {
    for (const f of ["drawElements", "drawArrays", "drawElementsInstanced", "drawArraysInstanced"]) {
      const o = P[f]; P[f] = function (...a) { window.__draws++; return o.apply(this, a); };
    }
  }
});
await page.goto(url);
await page.waitForFunction(() => (document.getElementById("mirror")?.textContent ?? "").length > 10, null, { timeout: 60000 }).catch(() => {});
await page.waitForTimeout(3000);
const count = async (label) => {
  const a = await page.evaluate(() => [window.__raf, window.__draws, window.__timeouts]);
  await page.waitForTimeout(10000);
  const b = await page.evaluate(() => [window.__raf, window.__draws, window.__timeouts]);
  console.log(label, "raf/s", (b[0]-a[0])/10, "draws/s", (b[1]-a[1])/10, "timeouts/s", (b[2]-a[2])/10);
};
await count("title");
for (let i = 0; i < 3; i++) { await page.keyboard.press("Enter"); await page.waitForTimeout(1500); }
await page.screenshot({ path: "/tmp/probe/portal.png" });
await count("portal (field focused)");
await page.keyboard.press("Tab"); await page.waitForTimeout(300);
await page.keyboard.press("Tab"); await page.waitForTimeout(300);
await page.screenshot({ path: "/tmp/probe/portal2.png" });
await count("portal (after 2 Tab)");
await context.close(); server.kill();
