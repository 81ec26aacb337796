// Newsroom embeds: the demo article on one origin embeds two views of the app served
// from another; the frames take their content's height through embed.js; messages
// from elsewhere are ignored; embed mode shows one view without the app's
// navigation, in the URL's theme; the Embed dialog writes the snippet. The app is
// served with the strict CSP and the article with the same policy plus the app's
// origin for frames and the resizer script; nothing may violate either.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, screenshot } from './harness.mjs';
import { STRICT_CSP } from '../../scripts/serve.mjs';

let browser, app, host, appOrigin;
before(async () => {
  browser = await launch();
  app = await serveDist({ prefix: '/tools/baogao/', csp: STRICT_CSP });
  appOrigin = new URL(app.url).origin;
  // The article's own policy: the strict one, plus the app's origin for its frames
  // and for embed.js ('self' for frames too: as shipped, the demo embeds the app
  // beside it, which then runs under this policy).
  const hostCsp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${appOrigin}; style-src 'self'; frame-src 'self' ${appOrigin}`;
  host = await serveDist({ prefix: '/news/', csp: hostCsp });
});
after(async () => {
  await browser?.close();
  app?.server.close();
  host?.server.close();
});

/** A page whose console errors, page errors and CSP violations (in every frame) are logged. */
async function openLogged(url, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation in ${location.href}: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, context, errors };
}

const frameHeights = (page) => page.$$eval('iframe.baogao', (fs) => fs.map((f) => f.getBoundingClientRect().height));

/** Waits until frame i has a reported height and returns its inner Playwright frame. */
async function settled(page, i) {
  const el = page.locator('iframe.baogao').nth(i);
  await el.scrollIntoViewIfNeeded();
  const frame = await (await el.elementHandle()).contentFrame();
  await page.waitForFunction((i) => {
    const f = document.querySelectorAll('iframe.baogao')[i];
    return f.style.height !== '' && parseFloat(f.style.height) > 200;
  }, i, { timeout: 20000 });
  await frame.waitForSelector('.summary', { timeout: 20000 });
  // Content height and frame height agree (the frame follows the content).
  await page.waitForFunction((i) => {
    const f = document.querySelectorAll('iframe.baogao')[i];
    return f.style.height !== '600px';
  }, i);
  let last;
  for (let k = 0; k < 50; k++) {
    const outer = (await frameHeights(page))[i];
    const inner = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      content: document.documentElement.getBoundingClientRect().height,
    }));
    last = { outer, ...inner };
    if (Math.abs(outer - inner.scroll) <= 3 && Math.abs(outer - inner.content) <= 3) return { frame, ...last };
    await page.waitForTimeout(100);
  }
  assert.fail(`frame ${i} never took its content's height: ${JSON.stringify(last)}`);
}

test('the demo article on another origin: frames load and take their content height', async () => {
  const url = `${host.url}embed-demo.html?app=${encodeURIComponent(app.url)}`;
  const { page, context, errors } = await openLogged(url, { width: 390, height: 844 });
  const results = [];
  for (const i of [0, 1]) results.push(await settled(page, i));
  assert.ok(results[0].frame.url().startsWith(`${app.url}?embed=1&view=indicators`), results[0].frame.url());
  assert.ok(results[1].frame.url().startsWith(`${app.url}?embed=1&view=keywords`), results[1].frame.url());
  for (const r of results) {
    assert.ok(r.outer > 200, `frame height ${r.outer}`);
    assert.notEqual(Math.round(r.outer), 600);
  }
  // Embedded views show no app navigation.
  assert.equal(await results[0].frame.locator('nav.views, .masthead, .filters').count(), 0);
  assert.equal(await results[1].frame.locator('html').getAttribute('lang'), 'en');
  await screenshot(page, 'embed-demo-390');

  // Messages that do not come from the app's frames change nothing: from the
  // article itself (wrong origin), and from the app's frame with a bad height.
  const before = await frameHeights(page);
  await page.evaluate(() => {
    window.postMessage({ type: 'baogao:height', height: 999 }, '*');
  });
  await results[0].frame.evaluate(() => {
    for (const height of ['1200', NaN, Infinity, -5, 1e9, null]) {
      parent.postMessage({ type: 'baogao:height', height }, '*');
    }
    parent.postMessage({ type: 'other', height: 1234 }, '*');
  });
  await page.waitForTimeout(500);
  assert.deepEqual(await frameHeights(page), before);

  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo article as shipped embeds the app beside it', async () => {
  const { page, context, errors } = await openLogged(`${host.url}embed-demo.html`, { width: 1024, height: 768 });
  for (const i of [0, 1]) {
    const r = await settled(page, i);
    assert.ok(r.frame.url().startsWith(host.url), r.frame.url());
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed mode: one view, compact header, theme from the URL, no navigation', async () => {
  const { page, context, errors } = await openLogged(`${app.url}?view=figures&lang=en&embed=1&theme=dark`, { width: 600, height: 700 });
  await page.waitForSelector('.embed-head .summary', { timeout: 20000 });
  assert.equal(await page.locator('nav.views, .masthead, .filters').count(), 0);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.match(await page.locator('body').getAttribute('class'), /\bembed\b/);
  const link = page.locator('.embed-head a');
  assert.match(await link.innerText(), /open the full explorer/);
  assert.equal(await link.getAttribute('href'), `${app.url}?lang=en&view=figures`);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener');
  assert.match(await page.locator('.embed-head strong').innerText(), /Figures/);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(22, 22, 21)');
  await screenshot(page, 'embed-figures-dark');
  await page.goto(`${app.url}?embed=1&theme=light&indicator=gdp`);
  await page.waitForSelector('.embed-head', { timeout: 20000 });
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
  // A change inside an embed replaces its history entry: the article's Back button
  // must not step through the embed's states.
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: '增速' }).click();
  await page.waitForURL(/measure=growth/);
  assert.equal(await page.evaluate(() => history.length), entries);
  await page.goto(`${app.url}?view=figures`);
  await page.waitForSelector('.summary', { timeout: 20000 });
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  assert.equal(await page.locator('nav.views').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Embed dialog writes the snippet for the current view', async () => {
  const { page, context, errors } = await openLogged(`${app.url}?view=keywords&lang=en`);
  await page.waitForSelector('.summary', { timeout: 20000 });
  await page.getByRole('button', { name: /Embed|嵌入/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const code = await dialog.locator('textarea').inputValue();
  const src = `${app.url}?lang=en&amp;view=keywords&amp;embed=1`;
  assert.equal(code,
    `<iframe src="${src}" title="baogao · Keywords" loading="lazy" width="100%" height="600" style="border:0"></iframe>\n` +
    `<script src="${app.url}embed.js" async></script>`);
  assert.equal(await dialog.locator('textarea').getAttribute('readonly'), '');
  assert.match(await dialog.innerText(), /height="600"/);
  await dialog.getByRole('button', { name: /Copy|Copied/ }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});
