// The analysis views in real Chromium: each view renders, filters change what a reader sees, URLs restore screens, CSV/PNG bytes, keyboard, reader, responsive, dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, open, ready, screenshot } from './harness.mjs';
import {
  allRows,
  VIEWS, summary, summaryChanged, rows, column, settle, download, readCsv,
  markFocusables, accessibleNames, overflowing, seriesPixels,
} from './util.mjs';

const FUTIAN = '福田区';
const LUOHU = '罗湖区';
const PROVENANCE = ['document', 'district', 'year', 'section', 'sentence'];

let browser, site;
before(async () => {
  browser = await launch();
  site = await serveDist();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

async function at(query, opts) {
  const r = await open(browser, site.url + query, opts);
  await ready(r.page);
  await settle(r.page);
  return r;
}

// The app writes the address bar after the frame that shows a change is painted.
const param = async (page, k) => {
  await settle(page);
  return new URL(page.url()).searchParams.get(k);
};
const heading = (page) => page.locator('#view-title').innerText();
const button = (page, name) => page.locator('section.view').getByRole('button', { name });
const tab = (page, view) => page.getByRole('navigation', { name: '视图' }).getByRole('button', { name: VIEWS[view].zh, exact: true });

/** Where the reader's sentence `id` is on screen (runs in the page): `ok` when it
 *  is wholly inside the viewport and its middle at the viewport's middle, or as
 *  near as the page's ends let it scroll. */
const sentencePlace = (id) => {
  const r = document.getElementById(`sent-${id}`).getBoundingClientRect();
  const end = document.scrollingElement.scrollHeight - innerHeight;
  const off = (r.top + r.bottom) / 2 - innerHeight / 2;
  const centred = Math.abs(off) <= 2 || scrollY <= 0 || scrollY >= end - 1;
  return { top: r.top, bottom: r.bottom, innerHeight, off, scrollY, end,
           ok: r.top >= 0 && r.bottom <= innerHeight && centred };
};

/** Waits until the reader has scrolled sentence `sid` to the middle of the screen. */
async function assertCentred(page, sid) {
  const shown = await page.waitForFunction(`(${sentencePlace})(${JSON.stringify(sid)}).ok`, null, { timeout: 10000 })
    .then(() => true, () => false);
  assert.ok(shown, `sentence ${sid} is not wholly on screen, centred: ${JSON.stringify(await page.evaluate(sentencePlace, sid))}`);
}

/** What each view must show once drawn. */
async function assertViewDrawn(page, view) {
  assert.equal((await heading(page)).trim(), VIEWS[view].zh);
  assert.equal(await tab(page, view).getAttribute('aria-current'), 'page');
  const s = await summary(page);
  assert.deepEqual([s.docs, s.sentences > 0, s.figures > 0], [5, true, true]);
  if (view === 'indicators') {
    await page.locator('section.view canvas[role=img]').waitFor();
    assert.match(await page.locator('section.view canvas').getAttribute('aria-label'), /地区生产总值/);
    assert.ok(await allRows(page, 'plotted') > 0);
    assert.ok(await page.getByRole('heading', { name: '目标与结果' }).isVisible());
  } else if (view === 'keywords') {
    // The word views wait for the text part.
    await page.locator('section.view ol.bars > li').first().waitFor();
    assert.ok(await page.locator('section.view canvas[role=img]').isVisible());
  } else if (view === 'contexts') {
    // Its table, like the word views, waits for the text part.
    await page.locator('section.view table.kwic').waitFor();
    assert.ok(await page.getByRole('searchbox', { name: /检索词/ }).isVisible());
    assert.ok(await page.locator('section.view table.kwic').isVisible());
  } else if (view === 'reader') {
    assert.ok(await page.locator('section.view .text .sentence').count() > 10);
    assert.ok(await page.getByRole('navigation', { name: '章节' }).isVisible());
    assert.match(await page.locator('section.view .repairs').innerText(), /修复/);
  } else if (view === 'figures') {
    assert.equal(await allRows(page, 'figures'), s.figures);
  }
}

test('each view renders from the seed bundle via ?view= with no console errors', async () => {
  for (const view of Object.keys(VIEWS)) {
    const { page, context, log } = await at(`?view=${view}`);
    await assertViewDrawn(page, view);
    assert.deepEqual(log.errors, [], view);
    await context.close();
  }
});

test('each view renders by clicking its tab, and the tab sets view= in the URL', async () => {
  const { page, context, log } = await at('');
  for (const view of ['keywords', 'contexts', 'reader', 'figures', 'indicators']) {
    await tab(page, view).click();
    await page.waitForFunction((t) => document.querySelector('#view-title')?.innerText.trim() === t, VIEWS[view].zh);
    await settle(page);
    await assertViewDrawn(page, view);
    assert.equal(await param(page, 'view'), view === 'indicators' ? null : view);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the district chip changes counts, URL, figures rows and the indicator table', async () => {
  const { page, context, log } = await at('?view=figures');
  const all = await summary(page);
  const allCount = await allRows(page, 'figures');
  const chip = page.getByRole('group', { name: '区' }).getByRole('button', { name: FUTIAN });
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  await chip.click();
  const fu = await summaryChanged(page, all);
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  assert.ok(fu.docs < all.docs && fu.sentences < all.sentences && fu.figures < all.figures, fu.text);
  assert.equal(await param(page, 'district'), FUTIAN);
  const fuRows = await allRows(page, 'figures');
  assert.equal(fuRows, fu.figures);
  assert.ok(fuRows < allCount);
  assert.deepEqual([...new Set(await column(page, 'figures', 1))], [FUTIAN]);

  // The indicator chart's table follows the same filter (福田区 has no GDP figure).
  await tab(page, 'indicators').click();
  await page.locator('section.view canvas').waitFor();
  assert.equal(await allRows(page, 'plotted'), 0);
  assert.ok(await page.getByText('当前筛选下没有这一指标的数字。').isVisible());
  await chip.click();
  await page.getByRole('group', { name: '区' }).getByRole('button', { name: LUOHU }).click();
  await settle(page);
  assert.equal(await param(page, 'district'), LUOHU);
  const lu = await column(page, 'plotted', 0);
  assert.ok(lu.length > 0);
  assert.deepEqual([...new Set(lu)], [LUOHU]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('year range, kind and document filters change counts and the URL', async () => {
  const { page, context, log } = await at('?view=figures');
  const all = await summary(page);
  const from = page.getByRole('spinbutton', { name: '起始年份' });
  await from.fill('2015');
  await from.press('Enter');
  const y = await summaryChanged(page, all);
  assert.equal(await param(page, 'from'), '2015');
  assert.ok(y.docs < all.docs, y.text);
  assert.equal(await allRows(page, 'figures'), y.figures);
  const to = page.getByRole('spinbutton', { name: '截止年份' });
  await to.fill('2015');
  await to.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2015');
  const y2 = await summary(page);
  assert.ok(y2.docs <= y.docs && y2.docs >= 1, y2.text);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.waitForFunction((t) => document.querySelector('.summary').innerText.trim() === t, all.text);
  assert.equal(await param(page, 'from'), null);
  assert.equal(await from.inputValue(), '');

  const kind = page.getByRole('combobox', { name: '类型' });
  await kind.selectOption('work_report');
  const k = await summaryChanged(page, all);
  assert.equal(await param(page, 'kind'), 'work_report');
  assert.equal(k.docs, 2, k.text);
  assert.equal(await allRows(page, 'figures'), k.figures);
  await kind.selectOption('');
  await summaryChanged(page, k);

  const doc = page.getByRole('combobox', { name: '文件' });
  const ids = await doc.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.equal(ids.length, 5);
  await doc.selectOption(ids[2]);
  const d = await summaryChanged(page, all);
  assert.equal(d.docs, 1);
  assert.equal(await param(page, 'doc'), ids[2]);
  assert.deepEqual([...new Set(await column(page, 'figures', 0))], d.figures ? [ids[2]] : []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('full-text search in traditional finds what simplified finds', async () => {
  const counts = {};
  for (const q of ['发展', '發展']) {
    const { page, context, log } = await at('?view=contexts');
    const all = await summary(page);
    const box = page.getByRole('searchbox', { name: /全文搜索/ });
    await box.fill(q);
    await box.press('Enter');
    counts[q] = await summaryChanged(page, all);
    assert.equal(await param(page, 'q'), q);
    assert.ok(counts[q].sentences > 0 && counts[q].sentences < all.sentences);
    // The concordance of the search text lists hits in either script.
    assert.ok(await allRows(page, 'kwic') >= counts[q].sentences);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
  assert.deepEqual(counts['發展'].text, counts['发展'].text);
});

test('a copied URL restores the same screen; Back and Forward work', async () => {
  const { page, context, log } = await at('');
  // Each step waits for its history entry: changes within one frame share one
  // (src/app/url.rs), and a busy machine may otherwise fold two steps together.
  const entry = (key) =>
    page.waitForFunction((k) => new URL(location.href).searchParams.has(k), key);
  await tab(page, 'figures').click();
  await entry('view');
  await page.getByRole('group', { name: '区' }).getByRole('button', { name: LUOHU }).click();
  await entry('district');
  await page.getByRole('combobox', { name: '类型' }).selectOption('work_report');
  await entry('kind');
  await page.locator('section.view').getByRole('combobox', { name: '指标' }).selectOption('gdp');
  await entry('indicator');
  await settle(page);
  await settle(page);
  const url = page.url();
  const screen = async (p) => ({
    summary: (await summary(p)).text,
    heading: await heading(p),
    rows: await allRows(p, 'figures'),
    count: await p.locator('section.view .count').innerText(),
    pressed: await p.locator('.filters .chip[aria-pressed=true]').allInnerTexts(),
    kind: await p.getByRole('combobox', { name: '类型' }).inputValue(),
    indicator: await p.locator('section.view select').inputValue(),
  });
  const here = await screen(page);
  assert.equal(here.indicator, 'gdp');
  assert.ok(here.rows > 0);
  const copy = await at(new URL(url).search, { width: 1000 });
  assert.deepEqual(await screen(copy.page), here);
  await copy.context.close();

  // Back: the indicator choice, the kind, then the district are undone in turn.
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('indicator'));
  await settle(page);
  assert.equal(await page.locator('section.view select').inputValue(), '');
  assert.ok(await allRows(page, 'figures') > here.rows);
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('kind'));
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('district'));
  await settle(page);
  assert.equal((await summary(page)).docs, 5);
  assert.equal((await heading(page)).trim(), '数字');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#view-title')?.innerText.trim() === '指标');
  for (let i = 0; i < 4; i++) await page.goForward();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('indicator') === 'gdp');
  await settle(page);
  assert.deepEqual(await screen(page), here);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('long tables draw a page of rows; "show more" adds one; a filter change starts again', async () => {
  const { page, context, log } = await at('?view=figures');
  const all = await summary(page);
  assert.ok(all.figures > 100, 'the seeds hold more than a page of figures');
  const table = page.locator('section.view table.figures');
  assert.equal(await rows(page, 'figures'), 100);
  assert.equal(await table.getAttribute('aria-rowcount'), String(all.figures + 1));
  assert.match(await page.locator('section.view p.more').innerText(), new RegExp(`显示 100 行，共 ${all.figures} 行`));
  await page.locator('section.view p.more').getByRole('button', { name: '显示更多' }).click();
  await settle(page);
  assert.equal(await rows(page, 'figures'), Math.min(200, all.figures));
  // The CSV holds every row of the selection, not only the pages drawn.
  const csv = readCsv((await download(page, button(page, /CSV/))).bytes);
  assert.equal(csv.data.length, all.figures);
  await page.getByRole('group', { name: '区' }).getByRole('button', { name: LUOHU }).click();
  const lu = await summaryChanged(page, all);
  assert.equal(await rows(page, 'figures'), Math.min(100, lu.figures));
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Checks a CSV download against what the view shows. */
function checkCsv({ bom, header, data }, { rowsOnScreen, provenance = true, districts }) {
  assert.deepEqual(bom, [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  if (provenance) assert.deepEqual(header.slice(0, 5), PROVENANCE);
  assert.ok(header.every((h) => /^[a-z0-9_]+$/.test(h)), `English column names: ${header}`);
  assert.equal(data.length, rowsOnScreen, 'one CSV row per table row');
  for (const r of data) assert.equal(r.length, header.length, `ragged row ${r}`);
  for (const r of data) {
    for (const cell of r) {
      assert.ok(!/^[=+@\t\r]/.test(cell) && !(/^-/.test(cell) && Number.isNaN(Number(cell))), `formula cell ${cell}`);
    }
  }
  if (districts) {
    const i = header.indexOf('district');
    assert.ok(i >= 0, 'district column');
    assert.deepEqual([...new Set(data.map((r) => r[i]))], districts);
  }
}

test('CSV downloads hold exactly the table\'s rows (every page), with BOM, header and provenance', async () => {
  const { page, context, log } = await at('?view=figures');
  const csvButton = () => button(page, /CSV/);
  let csv = readCsv((await download(page, csvButton())).bytes);
  checkCsv(csv, { rowsOnScreen: await allRows(page, 'figures') });
  assert.ok(csv.header.includes('quote') && csv.header.includes('indicator'));
  // Quotes with commas survive the round trip.
  const quotes = await column(page, 'figures', 8);
  assert.deepEqual(csv.data.map((r) => r[csv.header.indexOf('quote')]), quotes);

  await page.getByRole('group', { name: '区' }).getByRole('button', { name: FUTIAN }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('district'));
  await settle(page);
  csv = readCsv((await download(page, csvButton())).bytes);
  checkCsv(csv, { rowsOnScreen: await allRows(page, 'figures'), districts: [FUTIAN] });

  await page.goto(site.url + `?view=indicators&district=${encodeURIComponent(LUOHU)}`);
  await ready(page);
  await settle(page);
  const dl = await download(page, csvButton());
  assert.match(dl.name, /\.csv$/);
  csv = readCsv(dl.bytes);
  checkCsv(csv, { rowsOnScreen: await allRows(page, 'plotted'), districts: [LUOHU] });
  assert.deepEqual([...new Set(csv.data.map((r) => r[csv.header.indexOf('indicator')]))], ['gdp']);

  await page.goto(site.url + `?view=contexts&terms=${encodeURIComponent('发展')}&district=${encodeURIComponent(LUOHU)}`);
  await ready(page);
  await settle(page);
  const hits = await allRows(page, 'kwic');
  assert.ok(hits > 0);
  assert.match(await page.locator('section.view .count').innerText(), new RegExp(`^${hits} `));
  csv = readCsv((await download(page, csvButton())).bytes);
  checkCsv(csv, { rowsOnScreen: hits, districts: [LUOHU] });
  assert.ok(csv.data.every((r) => r[csv.header.indexOf('hit')] === '发展'));

  await page.goto(site.url + '?view=reader&read=002_c58925cecce76d80');
  await ready(page);
  await settle(page);
  csv = readCsv((await download(page, csvButton())).bytes);
  checkCsv(csv, { rowsOnScreen: await page.locator('section.view .text .sentence').count(), districts: [FUTIAN] });

  await page.goto(site.url + '?view=keywords');
  await ready(page);
  await settle(page);
  csv = readCsv((await download(page, csvButton())).bytes);
  // Top terms are counts over the selection, not sentences: their provenance is the
  // documents (districts, years) each term occurs in.
  checkCsv(csv, { rowsOnScreen: await page.locator('section.view ol.bars > li').count(), provenance: false });
  assert.deepEqual(csv.header, ['term', 'count', 'per_10k', 'docs', 'documents', 'districts', 'years']);
  const terms = await page.locator('section.view ol.bars button.term').allInnerTexts();
  assert.deepEqual(csv.data.map((r) => r[0]), terms);
  for (const r of csv.data) {
    assert.equal(r[4].split('; ').length, Number(r[3]), `${r[0]}: one document id per document counted`);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('chart download: the PNG is a PNG', async () => {
  for (const view of ['indicators', 'keywords']) {
    const { page, context, log } = await at(`?view=${view}`);
    const png = await download(page, button(page, /PNG/));
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.bytes.length > 2000);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test('keyboard: Tab reaches every control of the filter bar and each view, all named', async () => {
  const queries = {
    indicators: '', keywords: '?view=keywords', contexts: `?view=contexts&terms=${encodeURIComponent('创新')}`,
    reader: '?view=reader&read=002_c58925cecce76d80', figures: '?view=figures&indicator=gdp',
  };
  for (const [view, q] of Object.entries(queries)) {
    const { page, context } = await at(q);
    const controls = await markFocusables(page);
    assert.ok(controls.length > 10, view);
    const names = await accessibleNames(page, controls.length);
    const unnamed = controls.filter((_, i) => !names[i].name);
    assert.deepEqual(unnamed, [], `${view}: controls without an accessible name`);
    const seen = new Set();
    for (let i = 0; i < controls.length + 15 && seen.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const k = await page.evaluate(() => document.activeElement?.dataset?.kbd);
      if (k !== undefined) seen.add(Number(k));
    }
    const missed = controls.filter((_, i) => !seen.has(i));
    assert.deepEqual(missed, [], `${view}: controls Tab never reached`);
    await context.close();
  }
});

test('indicator view: choosing an indicator redraws the chart and the table; a point shows its details and opens the reader', async () => {
  const { page, context, log } = await at(`?district=${encodeURIComponent(LUOHU)}`);
  const canvas = page.locator('section.view canvas');
  const pixels = () => canvas.evaluate((c) => c.toDataURL());
  const before = await pixels();
  const quotesBefore = await column(page, 'plotted', 5);
  const select = page.locator('section.view').getByRole('combobox', { name: '指标' });
  assert.equal(await select.inputValue(), 'gdp');
  await select.selectOption('fixed_asset_investment');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('indicator') === 'fixed_asset_investment');
  await settle(page);
  assert.notEqual(await pixels(), before);
  assert.match(await canvas.getAttribute('aria-label'), /固定资产投资/);
  const quotes = await column(page, 'plotted', 5);
  assert.ok(quotes.length > 0);
  assert.notDeepEqual(quotes, quotesBefore);
  const values = await column(page, 'plotted', 3);

  // Hover: walk the pixels drawn in series colours until a tooltip appears.
  let found = null;
  for (const [x, y] of await seriesPixels(page)) {
    await page.mouse.move(x, y);
    const tip = page.getByRole('tooltip');
    if (await tip.count()) { found = { x, y, text: await tip.innerText() }; break; }
  }
  assert.ok(found, 'no chart point shows a tooltip');
  const row = quotes.findIndex((q) => found.text.includes(q));
  assert.ok(row >= 0, `tooltip quotes a table row: ${found.text}`);
  assert.ok(found.text.includes(values[row].split(' ')[0]), `tooltip shows the value ${values[row]}`);
  assert.match(found.text, /亿元/);

  // Clicking the point whose details are showing opens the reader at its sentence.
  await page.mouse.click(found.x, found.y);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'reader');
  const sid = await param(page, 'sentence');
  assert.ok(sid);
  const target = page.locator(`[id="sent-${sid}"]`);
  await target.waitFor();
  assert.match(await target.getAttribute('class'), /\btarget\b/);
  await assertCentred(page, sid);
  assert.ok(found.text.includes(await target.innerText()) || (await target.innerText()).length > 0);

  // And the table's quote button does the same.
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === null);
  await page.locator('section.view table.plotted tbody tr').last().getByRole('button').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'reader');
  const sid2 = await param(page, 'sentence');
  const t2 = page.locator(`[id="sent-${sid2}"]`);
  await t2.waitFor();
  assert.match(await t2.getAttribute('class'), /\btarget\b/);
  await assertCentred(page, sid2);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('reader: repaired and unknown characters are marked; the simplified switch; outline links', async () => {
  for (const doc of ['004_40461c7901b43e6a', '001_833012a21d5118d3']) {
    const { page, context, log } = await at(`?view=reader&read=${doc}`);
    const repairs = await page.locator('section.view .repairs').innerText();
    const [, recovered, unknown] = repairs.match(/复原 (\d+) 字 · 无法复原 (\d+) 字/).map(Number);
    assert.ok(recovered > 0, repairs);
    // Every unknown character the reader shows is one the counts announce.
    const shown = await page.locator('section.view .text .unknown').evaluateAll((els) => els.map((e) => e.textContent).join('').length);
    assert.ok(shown > 0 && shown <= unknown, `${shown} unknown characters shown, ${unknown} counted`);
    assert.ok(await page.locator('section.view .text .repaired').count() > 0, `${doc}: repaired marked`);
    assert.ok(await page.locator('section.view .text .unknown').count() > 0, `${doc}: unknown marked`);
    const text = page.locator('section.view .text');
    assert.equal(await text.getAttribute('lang'), 'zh-Hant');
    const own = await text.innerText();
    assert.match(own, /區/);
    const sw = page.getByRole('checkbox', { name: '简体显示' });
    await sw.check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('script') === 'simplified');
    await settle(page);
    const simp = await text.innerText();
    assert.equal(await text.getAttribute('lang'), 'zh-Hans');
    assert.notEqual(simp, own);
    assert.doesNotMatch(simp, /區/);
    assert.match(simp, /区/);

    // Outline: a link to a later section brings its first sentence into view, and the
    // screen (view, document) stays.
    const links = page.getByRole('navigation', { name: '章节' }).getByRole('link');
    assert.ok(await links.count() > 3);
    const link = links.nth(Math.min(5, (await links.count()) - 1));
    const href = await link.getAttribute('href');
    await link.click();
    await settle(page);
    assert.equal(await param(page, 'view'), 'reader');
    assert.equal(await param(page, 'read'), doc);
    const inView = await page.evaluate((id) => {
      const el = document.getElementById(id);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.top >= -2 && r.top < innerHeight;
    }, href.slice(1));
    assert.equal(inView, true, `outline ${href} scrolls to its sentence`);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

for (const width of [320, 375]) {
  test(`no sideways scrolling at ${width} px on any view`, async () => {
    const problems = [];
    for (const view of Object.keys(VIEWS)) {
      const q = view === 'contexts' ? `?view=contexts&terms=${encodeURIComponent('创新')}` : `?view=${view}`;
      const { page, context, log } = await at(q, { width, height: 740 });
      const sw = await page.evaluate(() => [document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]);
      if (sw[0] > sw[2] || sw[1] > sw[2]) problems.push(`${view}: scrollWidth ${sw[0]}/${sw[1]} > ${sw[2]}`);
      const out = await overflowing(page);
      if (out.length) problems.push(`${view}: cut off ${out.join(', ')}`);
      assert.deepEqual(log.errors, []);
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}

test('screenshots of every view at 375 px and 1280 px', async () => {
  for (const width of [375, 1280]) {
    for (const view of Object.keys(VIEWS)) {
      const q = view === 'contexts' ? `?view=contexts&terms=${encodeURIComponent('创新')}`
        : view === 'reader' ? '?view=reader&read=004_40461c7901b43e6a' : `?view=${view}`;
      const { page, context, log } = await at(q, { width, height: 800 });
      await screenshot(page, `view-${view}-${width}`);
      assert.deepEqual(log.errors, []);
      await context.close();
    }
  }
});

test('dark mode renders dark, chart included; reduced motion renders without errors', async () => {
  const { page, context, log } = await at('', { colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background, got ${bg}`);
  const corner = await page.locator('section.view canvas').evaluate((c) => [...c.getContext('2d').getImageData(2, 2, 1, 1).data]);
  assert.ok(corner[0] + corner[1] + corner[2] < 150, `dark chart background, got ${corner}`);
  const fg = await page.evaluate(() => getComputedStyle(document.querySelector('.summary')).color);
  assert.ok(fg.match(/\d+/g).slice(0, 3).map(Number).reduce((a, c) => a + c) > 300, `light text, got ${fg}`);
  await screenshot(page, 'view-indicators-1280-dark');
  assert.deepEqual(log.errors, []);
  await context.close();

  for (const view of Object.keys(VIEWS)) {
    const rm = await at(`?view=${view}`, { reducedMotion: 'reduce', colorScheme: 'dark' });
    assert.equal(await rm.page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
    await assertViewDrawn(rm.page, view);
    assert.deepEqual(rm.log.errors, []);
    await rm.context.close();
  }
});
