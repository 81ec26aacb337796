// In-browser speed benchmark: serves dist/, opens the app in headless Chromium and
// times "filter change → every visible view updated" for the indicators, keywords
// and figures views (plus contexts and reader), and navigation → first drawn chart.
// Prints p50/p95/max in ms; never fails on time (goal: p95 < 16 ms on the seeds).
//
//   node scripts/bench-browser.mjs [--changes 60] [--dist dist]
//
// Two figures per change, both measured inside the page with performance.now():
//   settled — from el.click() / select change to the first macrotask after it, when
//             Leptos's effects (microtasks) have updated the DOM and drawn the canvas;
//   frame   — from the click to the next animation frame after that (plus a task),
//             i.e. until the browser has had its chance to paint; includes waiting
//             for the frame, so it is bounded below by the display's frame timing.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { serve } from './serve.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const CHANGES = Number(arg('changes', 60));
const DIST = path.resolve(arg('dist', process.env.BAOGAO_DIST || 'dist'));
const VIEWS = ['indicators', 'keywords', 'figures', 'contexts', 'reader'];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};
const fmt = (v) => v.toFixed(1).padStart(7);

const site = await serve({ dir: DIST });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

// Navigation → first chart drawn (canvas sized and painted with something not
// background-coloured), several times; the first run includes compiling the wasm.
const firstChart = [];
for (let i = 0; i < 5; i++) {
  await page.goto(`${site.url}?bench=${i}`);
  const t = await page.waitForFunction(() => {
    const c = document.querySelector('section.view canvas');
    if (!c || c.width < 10 || c.height < 10) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let j = 0; j < d.length; j += 4 * 97) {
      if (d[j] < 200 && d[j + 1] < 200) return performance.now();
    }
    return false;
  }, null, { polling: 'raf', timeout: 30000 });
  firstChart.push(await t.jsonValue());
}
const nav = await page.evaluate(() => {
  const n = performance.getEntriesByType('navigation')[0];
  const bin = performance.getEntriesByType('resource').find((r) => r.name.endsWith('corpus.bin'));
  return { domContentLoaded: n.domContentLoadedEventEnd, corpus: bin ? bin.responseEnd : null };
});

console.log(`baogao browser benchmark — ${CHANGES} filter changes per view, Chromium headless, 1280×900`);
console.log(`navigation → first drawn chart: first ${firstChart[0].toFixed(0)} ms, then ${stats(firstChart.slice(1)).p50.toFixed(0)} ms (p50 of ${firstChart.length - 1}); corpus.bin fetched at ${nav.corpus?.toFixed(0)} ms`);
console.log('');
console.log('view          changes   settled p50    p95    max   |  frame p50    p95    max   (ms)');

const summaryRows = [];
const computeRows = [];
for (const view of VIEWS) {
  const q = view === 'contexts' ? `?view=contexts&terms=${encodeURIComponent('发展')}` : `?view=${view}`;
  await page.goto(site.url + q);
  await page.waitForSelector('.summary');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  await page.evaluate(() => performance.clearMeasures());
  const result = await page.evaluate(async (n) => {
    const chips = [...document.querySelectorAll('.filters .chip')];
    const docSelect = [...document.querySelectorAll('.filters select')].find((s) => s.options.length > 3 && s.options[1].value.includes('_'));
    const docs = [...docSelect.options].map((o) => o.value);
    const summary = () => document.querySelector('.summary').textContent;
    const settled = [], frame = [];
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const before = summary();
      let t0;
      if (i % 3 === 2) {
        // A document from the list (or all documents), as a reader would pick it.
        docSelect.value = docs[(Math.floor(i / 3) + 1) % docs.length];
        t0 = performance.now();
        docSelect.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        if (docSelect.value) { // back to all documents first, untimed
          docSelect.value = '';
          docSelect.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise((r) => setTimeout(r));
        }
        const chip = chips[i % chips.length];
        t0 = performance.now();
        chip.click();
      }
      await new Promise((r) => setTimeout(r));
      settled.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      frame.push(performance.now() - t0);
      if (summary() !== before) changed++;
    }
    return { settled, frame, changed };
  }, CHANGES);
  const s = stats(result.settled), f = stats(result.frame);
  summaryRows.push({ view, s, f });
  // The keyword statistics alone, as the app times them (dom::timed measures).
  const measures = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((e) => e.name.startsWith('baogao:')).map((e) => [e.name.slice(7), e.duration]));
  for (const name of [...new Set(measures.map(([n]) => n))]) {
    const d = measures.filter(([n]) => n === name).map(([, v]) => v);
    computeRows.push({ name: `${name} (${view})`, ...stats(d), n: d.length });
  }
  console.log(`${view.padEnd(12)} ${String(result.changed).padStart(3)}/${String(CHANGES).padEnd(3)}  ${fmt(s.p50)}${fmt(s.p95)}${fmt(s.max)}   |  ${fmt(f.p50)}${fmt(f.p95)}${fmt(f.max)}`);
}
console.log('');
console.log('computations in the browser, per call, as the app times them  p50    p95    max   (ms)');
for (const r of computeRows) {
  console.log(`  ${r.name.padEnd(28)} n=${String(r.n).padEnd(4)}                   ${fmt(r.p50)}${fmt(r.p95)}${fmt(r.max)}`);
}
const p95 = (name) => Math.max(0, ...computeRows.filter((r) => r.name.startsWith(`${name} `)).map((r) => r.p95));
const sum = p95('top_terms') + p95('trend') + p95('kwic');
console.log(`top terms + one trend + concordance: sum of p95s ${sum.toFixed(2)} ms (goal < 5 ms: ${sum < 5 ? 'met' : 'not met'})`);
console.log('');
const worst = Math.max(...summaryRows.map((r) => r.s.p95));
console.log(`goal: p95 < 16 ms (settled) — worst view p95 ${worst.toFixed(1)} ms: ${worst < 16 ? 'met' : 'not met'}`);
if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
await browser.close();
site.server.close();
