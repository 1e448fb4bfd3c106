/**
 * The report in a real browser (Debian's Chromium through playwright-core): it opens with
 * no console errors and makes no request beyond its own file. Skipped where no Chromium is
 * installed, except in CI (IPS_RCT_REQUIRE_BROWSER=1), where a missing browser fails.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, SAMPLE, tempDir } from '../helpers/cli.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.IPS_RCT_REQUIRE_BROWSER === '1') {
  throw new Error(`Chromium not found at ${CHROMIUM}; install it with: apt-get install -y chromium`);
}

describe.skipIf(!haveBrowser)('the report page in Chromium', () => {
  let browser: Browser;
  const out = tempDir();
  beforeAll(async () => {
    expect(cli(['run', '--data', SAMPLE, '--out', out, '--quiet']).code).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  for (const lang of ['nb', 'en'] as const) {
    it(`opens (${lang}) with no console errors and no network requests`, async () => {
      const dir = lang === 'nb' ? out : tempDir();
      if (lang === 'en') expect(cli(['run', '--data', SAMPLE, '--out', dir, '--lang', 'en', '--quiet']).code).toBe(0);
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(join(dir, 'index.html')).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('svg').count()).toBeGreaterThan(0);
      expect(await page.locator('h1').innerText()).toContain('IPS');
      if (process.env.IPS_RCT_SCREENSHOT) await page.screenshot({ path: `${process.env.IPS_RCT_SCREENSHOT}-${lang}.png`, fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    });
  }
});
