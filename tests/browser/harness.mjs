// Shared set-up for the browser tests: serves dist/ (under any sub-path, with or
// without the strict CSP) and opens pages in the system's headless Chromium through
// playwright-core, recording console errors, page errors and every request URL.
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import fs from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(process.env.BAOGAO_DIST || 'dist');
export const OUT = path.resolve('tests/browser/out');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export async function serveDist(opts = {}) {
  return serve({ dir: DIST, ...opts });
}

/** Opens a page and records what a reader's browser would complain about. */
export async function open(browser, url, { width = 1280, height = 900, ...ctx } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, ...ctx });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(url);
  return { page, context, log };
}

/** Waits until the corpus is loaded and the views are drawn. */
export async function ready(page) {
  await page.waitForSelector('.summary', { timeout: 20000 });
}

export async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
