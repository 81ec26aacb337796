// Where a filter change spends its time: serves dist/, opens one view in headless
// Chromium, records a CPU profile (Chrome DevTools Protocol) over N filter changes
// and prints the functions with the most self time, plus the share spent in
// style/layout (not JavaScript). A diagnostic beside bench-browser.mjs.
//
//   node scripts/profile-browser.mjs [--view figures] [--changes 40] [--dist dist] [--top 25]
import path from 'node:path';
import { serve } from './serve.mjs';
import { launch } from '../tests/browser/harness.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const VIEW = arg('view', 'figures');
const CHANGES = Number(arg('changes', 40));
const TOP = Number(arg('top', 25));
const DIST = path.resolve(arg('dist', process.env.BAOGAO_DIST || 'dist'));

const site = await serve({ dir: DIST });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const q = VIEW === 'contexts' ? `?view=contexts&terms=${encodeURIComponent('发展')}` : `?view=${VIEW}`;
await page.goto(site.url + q);
await page.waitForSelector('.summary', { timeout: 300000 });
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const wall = await page.evaluate(async (n) => {
  const chips = [...document.querySelectorAll('.filters .chip')];
  let busy = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    chips[i % chips.length].click();
    await new Promise((r) => setTimeout(r));
    busy += performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  }
  return busy;
}, CHANGES);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const f = n.callFrame;
  const key = `${f.functionName || "(anonymous)"} ${f.url ? path.basename(f.url) + ":" + (f.lineNumber + 1) : ""}`.trim();
  const d = (dt[i + 1] ?? 0) / 1000;
  self.set(key, (self.get(key) || 0) + d);
  total += d;
});
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]);
console.log(`${VIEW}: ${CHANGES} chip toggles, ${(wall / CHANGES).toFixed(1)} ms settled per change on average; profile ${total.toFixed(0)} ms`);
for (const [k, v] of rows.slice(0, TOP)) {
  console.log(`${(v / CHANGES).toFixed(2).padStart(7)} ms/change  ${k}`);
}

// The same changes again under a trace: time in style, layout, paint and script,
// as the browser's own timeline counts them (top-level events of the renderer).
const changes = () => page.evaluate(async (n) => {
  const chips = [...document.querySelectorAll('.filters .chip')];
  for (let i = 0; i < n; i++) {
    chips[i % chips.length].click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  }
}, CHANGES);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
await changes();
await cdp.send('Tracing.end');
await done;
const wanted = ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'FunctionCall', 'RunMicrotasks', 'ParseHTML', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'Commit', 'HitTest'];
const sums = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !wanted.includes(e.name)) continue;
  sums.set(e.name, (sums.get(e.name) || 0) + e.dur / 1000);
}
console.log('timeline (ms per change; script events include what they call):');
for (const [k, v] of [...sums.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(`${(v / CHANGES).toFixed(2).padStart(7)} ms/change  ${k}`);
}
await browser.close();
site.server.close();
