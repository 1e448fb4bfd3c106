/**
 * The report in a real browser (Debian's Chromium through playwright-core): it opens with
 * no console errors and makes no request beyond its own file, its sections are there, the
 * flow diagram's text, drawn in the machine's real font, stays inside its boxes, and the
 * columns of the subgroup plot and the cost–benefit tornado do not run into each other.
 * Skipped where no Chromium is installed, except in CI (IPS_RCT_REQUIRE_BROWSER=1), where a
 * missing browser fails.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/html-report.ts';
import { cli, SAMPLE, tempDir } from '../helpers/cli.ts';
import { COST_BENEFIT, OUTCOMES, PLAN, QUALITY_OF_LIFE, SUMMARY, VERIFY, VERIFY_UNVERIFIED } from '../report/fixtures.ts';
import { EVIDENCE, FIDELITY_SIX, META, metaFixture } from '../report/evidence-fixtures.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.IPS_RCT_REQUIRE_BROWSER === '1') {
  throw new Error(`Chromium not found at ${CHROMIUM}; install it with: apt-get install -y chromium`);
}

/** Opens `file` and records console errors, page errors and every request made. */
async function open(browser: Browser, file: string): Promise<{ page: Page; url: string; errors: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, errors, requests };
}

/** Lines of the flow diagram whose rendered box is not inside any of the diagram's boxes. */
function textOutsideBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('#consort-flow svg')!;
    const boxes = [...svg.querySelectorAll('g.mark-rect.role-mark path')].map((p) => p.getBoundingClientRect());
    const texts = [...svg.querySelectorAll('g.mark-text.role-mark text')].filter((t) => (t.textContent ?? '').trim() !== '');
    if (boxes.length === 0 || texts.length === 0) return ['(no boxes or no text found)'];
    const inside = (t: DOMRect, b: DOMRect) => t.left >= b.left && t.right <= b.right && t.top >= b.top && t.bottom <= b.bottom;
    return texts.filter((t) => !boxes.some((b) => inside(t.getBoundingClientRect(), b))).map((t) => t.textContent ?? '');
  });
}

/**
 * Pairs of texts in the subgroup plot that overlap on the page (a name running into the
 * counts, say): the plot's columns are placed by set widths, so real text widths matter.
 */
function overlappingForestTexts(page: Page, figure = 'subgroups'): Promise<string[]> {
  return page.evaluate((figure) => {
    const texts = [...document.querySelectorAll(`#${figure} svg g.mark-text.role-mark text`)].filter((t) => (t.textContent ?? '').trim() !== '');
    const boxes = texts.map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
    if (boxes.length === 0) return ['(no text found)'];
    const out: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const overlap = a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom;
        if (overlap) out.push(`${a.text} | ${b.text}`);
      }),
    );
    return out;
  }, figure);
}

/** The ids of the page's sections, in order. */
function sectionIds(page: Page): Promise<string[]> {
  return page.locator('main > section > h2').evaluateAll((hs) => hs.map((h) => h.id));
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
    it(`opens (${lang}) with no console errors and no network requests, and shows every section`, async () => {
      const dir = lang === 'nb' ? out : tempDir();
      if (lang === 'en') expect(cli(['run', '--data', SAMPLE, '--out', dir, '--lang', 'en', '--quiet']).code).toBe(0);
      const { page, url, errors, requests } = await open(browser, join(dir, 'index.html'));
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('svg').count()).toBeGreaterThan(0);
      expect(await page.locator('h1').innerText()).toContain('IPS');
      expect(await sectionIds(page)).toEqual(['summary', 'methods', 'participant-flow', 'baseline', 'employment', 'quality-of-life', 'cost-benefit', 'evidence', 'fidelity', 'data-quality', 'provenance']);
      expect(await page.locator('#consort-flow svg').isVisible()).toBe(true);
      for (const id of ['employment-over-time', 'time-to-first-job', 'subgroups', 'quality-of-life-means', 'cost-benefit-acceptability', 'cost-benefit-tornado']) {
        expect(await page.locator(`#${id} svg`).isVisible()).toBe(true);
      }
      expect(await overlappingForestTexts(page, 'cost-benefit-tornado')).toEqual([]);
      expect(await page.locator('table.qol').isVisible()).toBe(true);
      expect(await page.locator('table.results').isVisible()).toBe(true);
      expect(await overlappingForestTexts(page)).toEqual([]);
      expect(await page.locator('table.baseline tbody').count()).toBe(5);
      expect(await page.locator('table.arm-counts').isVisible()).toBe(true);
      expect(await textOutsideBoxes(page)).toEqual([]);
      if (process.env.IPS_RCT_SCREENSHOT) await page.screenshot({ path: `${process.env.IPS_RCT_SCREENSHOT}-${lang}.png`, fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    });
  }

  it('shows the warning for an unverified allocation first in the page, and keeps diagram text in its boxes', async () => {
    for (const [lang, verify] of [['en', VERIFY_UNVERIFIED], ['nb', VERIFY]] as const) {
      const file = join(tempDir(), 'index.html');
      writeFileSync(file, (await renderReport({ summary: SUMMARY, plan: PLAN, verify, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: COST_BENEFIT, lang, version: '0.1.0' })).html);
      const { page, url, errors, requests } = await open(browser, file);
      const alert = page.getByRole('alert');
      if (verify.randomization.allowed_unverified) {
        expect(await alert.isVisible()).toBe(true);
        expect(await alert.innerText()).toMatch(/^⚠ Warning: It could not be confirmed/);
        expect(await alert.locator('li').count()).toBe(10);
        // Before everything else in <main>.
        expect(await page.locator('main > :first-child').getAttribute('role')).toBe('alert');
      } else {
        expect(await alert.count()).toBe(0);
      }
      expect(await textOutsideBoxes(page)).toEqual([]);
      await page.close();
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    }
  });

  it('shows the main result near the top and the employment section with its figures and tables', async () => {
    for (const lang of ['nb', 'en'] as const) {
      const file = join(tempDir(), 'index.html');
      writeFileSync(file, (await renderReport({ summary: SUMMARY, plan: PLAN, verify: VERIFY, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: COST_BENEFIT, lang, version: '0.1.0' })).html);
      const { page, url, errors, requests } = await open(browser, file);
      // The main result comes first in <main> when there is no warning.
      expect(await page.locator('main > :first-child').getAttribute('class')).toBe('key-result');
      const keyResult = await page.locator('section.key-result').innerText();
      expect(keyResult).toContain(lang === 'nb' ? 'Etter 18 måneder var 37\u00a0% i IPS-gruppen i arbeid, mot 27\u00a0% i TVR-gruppen' : 'After 18 months, 37% of the IPS group were employed');
      const section = page.locator('section[aria-labelledby="employment"]');
      expect(await section.isVisible()).toBe(true);
      expect(await section.locator('table.results tbody tr').count()).toBe(4 + 4 + 6 + 5 + 3);
      for (const id of ['employment-over-time', 'time-to-first-job', 'subgroups']) {
        const figure = page.locator(`#${id}`);
        expect(await figure.locator('svg').isVisible()).toBe(true);
        // The folded table opens and holds rows.
        await figure.locator('summary').click();
        expect(await figure.locator('details table').isVisible()).toBe(true);
        expect(await figure.locator('details tbody tr').count()).toBeGreaterThan(3);
      }
      expect(await overlappingForestTexts(page)).toEqual([]);
      // The questionnaire section: the table fits the page (its reading column is not scrolled
      // out of sight), and the chart's numbers unfold.
      const qol = page.locator('section[aria-labelledby="quality-of-life"]');
      expect(await qol.locator('table.qol tbody tr').count()).toBe(5 * 3);
      expect(await qol.locator('table.qol').evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
      const means = page.locator('#quality-of-life-means');
      expect(await means.locator('svg').isVisible()).toBe(true);
      await means.locator('summary').click();
      expect(await means.locator('details tbody tr').count()).toBe(5 * 4);
      await qol.locator('details summary').last().click();
      expect(await qol.locator('table.qol-sensitivity').isVisible()).toBe(true);
      // The cost–benefit section: the lead in its box, the scenario table within the page's
      // width, both figures with their numbers, the tornado's columns apart, and the inputs.
      const cb = page.locator('section[aria-labelledby="cost-benefit"]');
      expect(await cb.locator('.key-result strong').innerText()).toContain(lang === 'nb' ? 'omtrent kr\u00a047\u202f000 i måneden' : 'about NOK\u00a047,000 a month');
      expect(await cb.locator('table.cost-benefit tbody tr').count()).toBe(5);
      expect(await cb.locator('table.cost-benefit').evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
      for (const id of ['cost-benefit-acceptability', 'cost-benefit-tornado']) {
        const figure = page.locator(`#${id}`);
        expect(await figure.locator('svg').isVisible()).toBe(true);
        await figure.locator('summary').click();
        expect(await figure.locator('details tbody tr').count()).toBeGreaterThanOrEqual(5);
      }
      expect(await overlappingForestTexts(page, 'cost-benefit-tornado')).toEqual([]);
      await cb.locator('aside.cheers summary').click();
      expect(await cb.locator('table.cb-inputs tbody tr').count()).toBe(22);
      if (process.env.IPS_RCT_SCREENSHOT) await page.screenshot({ path: `${process.env.IPS_RCT_SCREENSHOT}-employment-${lang}.png`, fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    }
  });
});

describe.skipIf(!haveBrowser)('the evidence and fidelity sections in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  it('shows the evidence and fidelity sections after costs: the forest plot’s columns apart, the heat map and the scatter with their numbers', async () => {
    for (const lang of ['nb', 'en'] as const) {
      const file = join(tempDir(), 'index.html');
      const report = await renderReport({ summary: SUMMARY, plan: PLAN, verify: VERIFY, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: COST_BENEFIT, metaAnalysis: META, fidelity: FIDELITY_SIX, lang, version: '0.1.0' });
      writeFileSync(file, report.html);
      const { page, url, errors, requests } = await open(browser, file);
      expect(await sectionIds(page)).toEqual(['summary', 'methods', 'participant-flow', 'baseline', 'employment', 'quality-of-life', 'cost-benefit', 'evidence', 'fidelity', 'data-quality']);
      const evidence = page.locator('section[aria-labelledby="evidence"]');
      expect(await evidence.locator('.ev-lead').innerText()).toContain(lang === 'nb' ? '12 av de 14 studiene i evidensfilen er syntetiske' : '12 of the 14 studies in the evidence file are synthetic');
      const forest = page.locator('#evidence-forest');
      expect(await forest.locator('svg').isVisible()).toBe(true);
      expect(await overlappingForestTexts(page, 'evidence-forest')).toEqual([]);
      await forest.locator('summary').click();
      expect(await forest.locator('details tbody tr').count()).toBe(13);
      expect(await forest.locator('details tr.this-trial').count()).toBe(1);
      expect(await evidence.locator('table.evidence').first().evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
      for (const id of ['fidelity-items', 'fidelity-employment']) {
        const figure = page.locator(`#${id}`);
        expect(await figure.locator('svg').isVisible()).toBe(true);
        await figure.locator('summary').click();
        expect(await figure.locator('details tbody tr').count()).toBe(6);
      }
      expect(await page.locator('section[aria-labelledby="fidelity"] p.caution').isVisible()).toBe(true);
      // A long study name is cut before it reaches the next column.
      const long = metaFixture({ rows: EVIDENCE.studies.map((r, i) => (i === 2 ? { ...r, study: 'Individual Placement and Support versus enhanced vocational rehabilitation in Norwegian counties' } : r)) });
      await page.setContent((await renderReport({ summary: SUMMARY, plan: PLAN, verify: VERIFY, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: COST_BENEFIT, metaAnalysis: long, lang, version: '0.1.0' })).html);
      expect(await overlappingForestTexts(page, 'evidence-forest')).toEqual([]);
      if (process.env.IPS_RCT_SCREENSHOT) await page.screenshot({ path: `${process.env.IPS_RCT_SCREENSHOT}-evidence-${lang}.png`, fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    }
  });
});
