// Helpers for the view tests: what a reader sees (summary counts, table rows),
// file downloads, an RFC 4180 CSV parser, and accessible names through CDP.
import assert from 'node:assert/strict';
import fs from 'node:fs';

export const VIEWS = {
  indicators: { zh: '指标', en: 'Indicators' },
  keywords: { zh: '关键词', en: 'Keywords' },
  contexts: { zh: '语境', en: 'Contexts' },
  reader: { zh: '阅读', en: 'Reader' },
  figures: { zh: '数字', en: 'Figures' },
};

/** The summary line and its three numbers. */
export async function summary(page) {
  const text = (await page.locator('.summary').innerText()).trim();
  const m = text.match(/([\d,]+) (?:份报告|documents) · ([\d,]+) (?:句|sentences) · ([\d,]+) (?:个数字|figures)/);
  if (!m) throw new Error(`unreadable summary: ${text}`);
  const n = (s) => Number(s.replace(/,/g, ''));
  return { text, docs: n(m[1]), sentences: n(m[2]), figures: n(m[3]) };
}

/** Waits until the summary differs from `prev`. */
export async function summaryChanged(page, prev) {
  await page.waitForFunction((p) => document.querySelector('.summary')?.innerText.trim() !== p, prev.text ?? prev);
  return summary(page);
}

/** Rows in the body of the view's table `cls`. */
export async function rows(page, cls) {
  return page.locator(`section.view table.${cls} > tbody > tr`).count();
}

/**
 * Every row of table `cls`: long tables draw a page of rows at first, so this
 * presses "show more" until the table says it holds them all, then counts.
 */
export async function allRows(page, cls) {
  const more = page.locator('section.view p.more button');
  for (let i = 0; i < 1000 && await more.count() > 0; i++) await more.first().click();
  const n = await rows(page, cls);
  const declared = await page.locator(`section.view table.${cls}`).getAttribute('aria-rowcount');
  assert.equal(declared, null, `table.${cls} still declares ${declared} rows after showing all`);
  return n;
}

/** Text of column `col` (0-based) of every row of table `cls`. */
export async function column(page, cls, col) {
  return page.locator(`section.view table.${cls} > tbody > tr`).evaluateAll(
    (trs, c) => trs.map((tr) => tr.cells[c]?.innerText.trim()), col);
}

/** Waits briefly for the app to settle (effects run after a microtask, the
 *  reader scrolls in an animation frame). */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

/** Clicks `locator` and returns the bytes of the download it starts. */
export async function download(page, locator) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), locator.click()]);
  const failure = await dl.failure();
  if (failure) throw new Error(`download ${dl.suggestedFilename()} failed: ${failure}`);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text) {
  const out = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); out.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\n') throw new Error(`bare LF outside quotes at ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); out.push(row); }
  return out;
}

/** Decodes a CSV download: checks the BOM and returns header and data rows. */
export function readCsv(bytes) {
  const bom = [...bytes.subarray(0, 3)];
  const text = bytes.subarray(3).toString('utf8');
  const [header, ...data] = parseCsv(text);
  return { bom, text, header, data };
}

/** Marks every visible keyboard-focusable control in the page chrome, the filter
 *  bar and the current view with data-kbd=i; returns their descriptions. */
export async function markFocusables(page) {
  return page.evaluate(() => {
    const scopes = [...document.querySelectorAll('header.masthead, nav.views, .filters, section.view')];
    const sel = 'button, select, input, textarea, a[href], [tabindex]';
    const all = scopes.flatMap((s) => [...s.querySelectorAll(sel)]);
    const vis = all.filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0
      && getComputedStyle(e).visibility !== 'hidden');
    return vis.map((e, i) => {
      e.dataset.kbd = String(i);
      return `${e.tagName.toLowerCase()}${e.type ? `[${e.type}]` : ''} ${(e.innerText || e.value || '').slice(0, 30)}`;
    });
  });
}

/** The accessible name Chromium computes for each marked control. */
export async function accessibleNames(page, count) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const names = [];
  for (let i = 0; i < count; i++) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-kbd="${i}"]` });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const own = nodes.find((n) => !n.ignored) ?? nodes[0];
    names.push({ role: own?.role?.value, name: String(own?.name?.value ?? '').trim() });
  }
  await cdp.detach();
  return names;
}

/** Elements (outside scroll containers) whose box pokes out of the viewport. */
export async function overflowing(page) {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const scrolls = (e) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > w + 1 || r.left < -1) && !scrolls(e)
          && !e.classList.contains('visually-hidden');
      })
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 10);
  });
}

/** Viewport positions of pixels drawn in a series colour on the view's first
 *  canvas, one per 8 px cell: candidates for hovering a chart point. */
export async function seriesPixels(page) {
  return page.evaluate(() => {
    const c = document.querySelector('section.view canvas');
    c.scrollIntoView({ block: 'center' });
    const r = c.getBoundingClientRect();
    const dpr = c.width / r.width;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const palette = [[0, 114, 178], [230, 159, 0], [0, 158, 115], [204, 121, 167], [86, 180, 233], [213, 94, 0]];
    const cells = new Map();
    for (let y = 0; y < c.height; y += 1) {
      for (let x = 0; x < c.width; x += 1) {
        const i = (y * c.width + x) * 4;
        if (palette.some(([pr, pg, pb]) => Math.abs(d[i] - pr) + Math.abs(d[i + 1] - pg) + Math.abs(d[i + 2] - pb) < 12)) {
          const key = `${Math.floor(x / dpr / 8)},${Math.floor(y / dpr / 8)}`;
          if (!cells.has(key)) cells.set(key, [r.left + x / dpr, r.top + y / dpr]);
        }
      }
    }
    return [...cells.values()];
  });
}
