// The browser half of ./scripts/scale: serves a dist/ (with whatever corpus.bin it
// holds) and measures, in headless Chromium,
//   - load time: navigation to the selection summary, and to the first painted
//     canvas drawing, per view;
//   - filter-change latency: a district chip toggled, or the document select
//     changed, measured from the event's dispatch to the first frame rendered after
//     the DOM update (the next requestAnimationFrame, then a message posted from it,
//     which runs once that frame is done), p50 and p95.
//
//   node scripts/scale.mjs --dist DIR [--changes 20] [--views indicators,keywords]
import { serve } from './serve.mjs';
import { launch } from '../tests/browser/harness.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const dir = arg('dist', 'dist');
const changes = Number(arg('changes', 20));
const views = arg('views', 'indicators,keywords').split(',');

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (xs) => xs.length
  ? `p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`
  : 'no samples';

const site = await serve({ dir });
const browser = await launch();
const all = [];
try {
  for (const view of views) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const proto = CanvasRenderingContext2D.prototype;
      for (const name of ['fillRect', 'fill', 'stroke', 'fillText']) {
        const orig = proto[name];
        proto[name] = function (...a) {
          if (window.__draw === undefined) {
            window.__draw = performance.now();
            requestAnimationFrame(() => { window.__paint = performance.now(); });
          }
          return orig.apply(this, a);
        };
      }
      const mo = new MutationObserver(() => {
        if (document.querySelector('.summary')) {
          window.__summary = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e}`));
    await page.goto(`${site.url}?view=${view}`);
    await page.waitForSelector('.summary', { timeout: 300000 });
    // The word views draw once the text part has arrived too.
    await page.waitForFunction(() => window.__paint !== undefined, null, { timeout: 300000, polling: 100 })
      .catch(() => {});
    await page.waitForTimeout(300);
    const load = await page.evaluate(() => ({ summary: window.__summary, paint: window.__paint ?? null }));
    console.log(`${view}: loaded (summary shown) in ${load.summary.toFixed(0)} ms` +
      (load.paint ? `, first chart painted at ${load.paint.toFixed(0)} ms` : ', no chart drawn'));

    const samples = await page.evaluate(async (n) => {
      // The first frame rendered after everything queued so far.
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(0);
      }));
      // Resolves on the first DOM mutation (or after 10 s), then after that frame.
      const changed = () => new Promise((resolve) => {
        const mo = new MutationObserver(() => { mo.disconnect(); clearTimeout(t); resolve(); });
        const t = setTimeout(() => { mo.disconnect(); resolve(); }, 10000);
        mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      const time = async (act) => {
        const t0 = performance.now();
        const done = changed();
        act();
        await done;
        await frame();
        return performance.now() - t0;
      };
      const chips = [...document.querySelectorAll('.filters .chip')];
      const selects = [...document.querySelectorAll('.filters select')];
      const docSel = selects.sort((a, b) => b.options.length - a.options.length)[0];
      const out = { chip: [], doc: [] };
      for (let i = 0; i < n; i++) {
        const chip = chips[Math.floor(i / 2) % chips.length];
        out.chip.push(await time(() => chip.click())); // on, then off again
        await frame();
      }
      for (let i = 0; i < n && docSel; i++) {
        const v = i % 2 === 0 ? docSel.options[1 + ((i / 2) % (docSel.options.length - 1))].value : '';
        out.doc.push(await time(() => {
          docSel.value = v;
          docSel.dispatchEvent(new Event('change', { bubbles: true }));
        }));
        await frame();
      }
      return out;
    }, changes);
    console.log(`${view}: district chip toggle: ${fmt(samples.chip)}`);
    console.log(`${view}: document select:      ${fmt(samples.doc)}`);
    all.push(...samples.chip, ...samples.doc);
    await context.close();
  }
  console.log(`all filter changes: ${fmt(all)} (goal p95 < 100 ms)`);
} finally {
  await browser.close();
  site.server.close();
}
