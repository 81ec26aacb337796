// The app shell: mounts under a sub-path, stays on its own host, switches language,
// and shows an error view when the corpus bundle is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveDist, open, ready, screenshot, DIST } from './harness.mjs';

let browser, site;
before(async () => {
  browser = await launch();
  site = await serveDist({ prefix: '/news/2026/widget/' });
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

test('mounts under a sub-path with no console errors and no foreign requests', async () => {
  const { page, log, context } = await open(browser, site.url);
  await ready(page);
  assert.match(await page.locator('h1').innerText(), /报告/);
  assert.deepEqual(log.errors, []);
  const foreign = log.requests.filter((u) => !u.startsWith('http://127.0.0.1:'));
  assert.deepEqual(foreign, []);
  assert.ok(log.requests.some((u) => u.startsWith(site.url) && u.endsWith('corpus.bin')));
  // The first view needs figures, not words: the text part is not fetched.
  assert.ok(!log.requests.some((u) => u.endsWith('corpus-text.bin')));
  await page.getByRole('button', { name: '关键词' }).click();
  await page.locator('section.view ol.bars li').first().waitFor();
  assert.ok(log.requests.some((u) => u.endsWith('corpus-text.bin')));
  assert.deepEqual(log.errors, []);
  await screenshot(page, 'shell-1280');
  await context.close();
});

test('the language switch changes the visible text and the URL', async () => {
  const { page, context } = await open(browser, site.url, { width: 375, height: 800 });
  await ready(page);
  const before = await page.locator('body').innerText();
  assert.match(before, /指标/);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Indicators' }).waitFor();
  const after = await page.locator('body').innerText();
  assert.match(after, /documents · /);
  assert.doesNotMatch(after, /指标/);
  await page.waitForURL(/[?&]lang=en/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await screenshot(page, 'shell-375-en');
  await page.goBack();
  await page.getByRole('button', { name: '指标' }).waitFor();
  await context.close();
});

test('a missing bundle shows an error view, not a blank page', async () => {
  const tmp = fs.mkdtempSync('/tmp/baogao-nobundle-');
  for (const f of fs.readdirSync(DIST)) {
    if (f !== 'corpus.bin') fs.copyFileSync(path.join(DIST, f), path.join(tmp, f));
  }
  fs.writeFileSync(path.join(tmp, 'corpus.bin'), 'BAOGAO\0\0\x07\0\0\0truncated');
  const { serve } = await import('../../scripts/serve.mjs');
  const bad = await serve({ dir: tmp });
  const { page, context } = await open(browser, bad.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /version 7/);
  await context.close();
  fs.rmSync(path.join(tmp, 'corpus.bin'));
  const { page: p2, context: c2 } = await open(browser, bad.url);
  await p2.getByRole('alert').waitFor();
  assert.match(await p2.getByRole('alert').innerText(), /404/);
  await c2.close();
  bad.server.close();
  fs.rmSync(tmp, { recursive: true });
});
