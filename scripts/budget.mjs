// The size and speed budgets of dist/ (issue 7), run by ./scripts/test after the
// build. Prints raw and gzip sizes of every file the first view transfers — the
// page, the files it links (boot script, wasm-bindgen glue, wasm, stylesheet, icon)
// and the corpus bundle — and fails when
//   - their gzip total (node zlib, level 9) is over 300 KB, or
//   - the wasm alone is over 200 KB gzipped. The sentence is about what
//     the first view transfers, gzip-compressed, so the wasm's share is measured
//     the same way; its raw size is printed beside it. The text part of the bundle
//     (corpus-text.bin) is not counted: the first view does not fetch it (a
//     browser test checks that), the keyword, context and reader views do.
// Then it loads the page in headless Chromium a few times and prints the time from
// navigation to the first drawn chart (the first <canvas> drawing, painted), or to
// the selection summary while no view draws a canvas. Time is printed, not enforced
// (goal: under 1 s on localhost).
//
//   node scripts/budget.mjs [--dist dist] [--runs 5] [--no-browser]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from './serve.mjs';

const KB = 1024;
const TOTAL_GZ_MAX = 300 * KB;
const WASM_GZ_MAX = 200 * KB;

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const dist = path.resolve(arg('dist', 'dist'));
const runs = Number(arg('runs', 5));

/** The files the first view of dist/ transfers, in load order. */
export function firstViewFiles(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = ['index.html'];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) {
    const rel = m[1].replace(/^\.\//, '').split(/[?#]/)[0];
    if (/^[a-z]+:|^\//i.test(rel)) continue; // foreign or absolute: not ours
    if (!files.includes(rel)) files.push(rel);
  }
  files.push('corpus.bin'); // fetched by the app on start
  return files;
}

export function sizes(dir) {
  return firstViewFiles(dir).map((f) => {
    const body = fs.readFileSync(path.join(dir, f));
    const gz = zlib.gzipSync(body, { level: 9 }).length;
    return { file: f, raw: body.length, gz };
  });
}

const kb = (n) => (n / KB).toFixed(1).padStart(8);

function table(rows) {
  const w = Math.max(...rows.map((r) => r.file.length), 5);
  const line = (a, b, c) => `${a.padEnd(w)}  ${b.padStart(11)}  ${c.padStart(11)}`;
  console.log(line('file', 'raw KB', 'gzip-9 KB'));
  for (const r of rows) console.log(line(r.file, kb(r.raw), kb(r.gz)));
  const raw = rows.reduce((s, r) => s + r.raw, 0);
  const gz = rows.reduce((s, r) => s + r.gz, 0);
  console.log(line('total', kb(raw), kb(gz)));
  return { raw, gz };
}

/** Milliseconds from navigation to the first painted canvas drawing (or summary). */
export async function firstChartTimes(dir, n, query = '') {
  const { launch } = await import('../tests/browser/harness.mjs');
  const site = await serve({ dir });
  const browser = await launch();
  const out = [];
  try {
    for (let i = 0; i < n; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // Records the first drawing call on any 2D canvas and the frame that paints it.
      await context.addInitScript(() => {
        const proto = CanvasRenderingContext2D.prototype;
        for (const name of ['fillRect', 'fill', 'stroke', 'fillText', 'drawImage', 'putImageData']) {
          const orig = proto[name];
          proto[name] = function (...a) {
            if (window.__baogaoDraw === undefined) {
              window.__baogaoDraw = performance.now();
              requestAnimationFrame(() => { window.__baogaoPaint = performance.now(); });
            }
            return orig.apply(this, a);
          };
        }
      });
      // And the moment the selection summary enters the page.
      await context.addInitScript(() => {
        const mo = new MutationObserver(() => {
          if (document.querySelector('.summary')) {
            window.__baogaoSummary = performance.now();
            mo.disconnect();
          }
        });
        mo.observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await page.goto(site.url + query);
      await page.waitForSelector('.summary', { timeout: 20000 });
      const summary = await page.evaluate(() => window.__baogaoSummary);
      let chart = null;
      try {
        await page.waitForFunction(() => window.__baogaoPaint !== undefined, null, { timeout: 5000 });
        chart = await page.evaluate(() => window.__baogaoPaint);
      } catch {
        chart = null;
      }
      out.push({ chart, summary });
      await context.close();
    }
  } finally {
    await browser.close();
    site.server.close();
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`budgets of ${dist}: first view gzip total <= ${TOTAL_GZ_MAX / KB} KB, wasm gzip <= ${WASM_GZ_MAX / KB} KB`);
  const rows = sizes(dist);
  const total = table(rows);
  const wasm = rows.filter((r) => r.file.endsWith('.wasm'));
  const wasmRaw = wasm.reduce((s, r) => s + r.raw, 0);
  const wasmGz = wasm.reduce((s, r) => s + r.gz, 0);
  console.log(`wasm: ${(wasmRaw / KB).toFixed(1)} KB raw, ${(wasmGz / KB).toFixed(1)} KB gzip (budget on gzip)`);
  const failures = [];
  if (total.gz > TOTAL_GZ_MAX) {
    failures.push(`first view is ${(total.gz / KB).toFixed(1)} KB gzipped, over ${TOTAL_GZ_MAX / KB} KB`);
  }
  if (wasmGz > WASM_GZ_MAX) {
    failures.push(`wasm is ${(wasmGz / KB).toFixed(1)} KB gzipped, over ${WASM_GZ_MAX / KB} KB`);
  }

  if (!process.argv.includes('--no-browser')) {
    const times = await firstChartTimes(dist, runs);
    const charts = times.map((t) => t.chart).filter((t) => t !== null);
    const summaries = times.map((t) => t.summary);
    if (charts.length) {
      console.log(`first drawn chart: median ${median(charts).toFixed(0)} ms, max ${Math.max(...charts).toFixed(0)} ms over ${charts.length} loads (goal < 1000 ms, not enforced)`);
    } else {
      console.log('first drawn chart: no canvas drawn on the first view');
    }
    console.log(`selection summary shown: median ${median(summaries).toFixed(0)} ms over ${summaries.length} loads`);
  }
  if (failures.length) {
    for (const f of failures) console.error(`budget: FAIL: ${f}`);
    process.exit(1);
  }
  console.log('budget: ok');
}
