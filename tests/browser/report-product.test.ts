/**
 * The report as a product, in a real browser (Debian's Chromium through playwright-core),
 * from real CLI runs on a copy of the sample (few resamples): one run in Bokmål with
 * --pdf, one in English, and one on a delivery whose site names are HTML injections.
 *
 * - The page opens from file:// with no console errors and requests nothing but itself.
 * - Every chart written to charts/ is drawn in the page, as a non-empty inline SVG.
 * - Site names `<script>…` and `"><img … onerror=…>` show as text: nothing runs, no image is
 *   made (checked with the page's CSP bypassed, so escaping alone is tested).
 * - Screenshots of the first screen (1280×800) in both languages go to
 *   test-artifacts/screenshots/ for a person to look at.
 * - Printed, the folded tables open and their toggles go.
 * - --pdf writes report.pdf of more than one page, byte for byte the same when printed again;
 *   without a working Chromium the command exits 4 with one line naming what to install,
 *   and leaves no PDF.
 *
 * Skipped where no Chromium is installed, except in CI (IPS_RCT_REQUIRE_BROWSER=1).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_ENV, countPdfPages, findChromium, PDF_FILE, writePdf } from '../../src/report/pdf.ts';
import { ROOT, sampleCopy, tempDir } from '../helpers/cli.ts';

let chromiumPath: string | null = null;
try {
  chromiumPath = findChromium();
} catch {
  if (process.env.IPS_RCT_REQUIRE_BROWSER === '1') throw new Error('Chromium not found; install it with: apt-get install -y chromium (or set IPS_RCT_CHROMIUM)');
}

/** Where the screenshots go (git-ignored); CI prints the path. */
const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');

const SCRIPT_SITE = '<script>alert(1)</script>';
const IMG_SITE = '"><img src=x onerror=alert(1)>';

type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `ips-rct args…` in a child process without blocking, so runs can overlap. */
function cliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/ips-rct.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Quotes a CSV field when it needs it. */
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A copy of the sample whose sites Oslo and Hordaland are renamed to HTML injections in
 * participants.csv, allocation.csv, fidelity.csv and the plan's strata. The list's published hash and
 * seed are dropped from the plan (they are of the original list), so it still verifies.
 */
function hostileCopy(): string {
  const dir = sampleCopy();
  const rename: Record<string, string> = { Oslo: SCRIPT_SITE, Hordaland: IMG_SITE };
  for (const file of ['participants.csv', 'allocation.csv', 'fidelity.csv']) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const site = lines[0]!.split(',').indexOf('site');
    const renamed = lines.map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(',');
      const to = rename[cells[site]!];
      if (to !== undefined) cells[site] = csvField(to);
      return cells.join(',');
    });
    writeFileSync(join(dir, file), renamed.join('\n'));
  }
  const planPath = join(dir, 'analysis-plan.json');
  const plan = JSON.parse(readFileSync(planPath, 'utf8'));
  for (const stratum of plan.randomization.strata) stratum.name = rename[stratum.name] ?? stratum.name;
  delete plan.randomization.sha256;
  delete plan.randomization.seed;
  writeFileSync(planPath, JSON.stringify(plan, null, 2));
  return dir;
}

/** Opens `file` in a fresh context and records console errors and warnings, page errors, requests and dialogs. */
async function open(browser: Browser, file: string, options: { bypassCSP?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: options.bypassCSP ?? false });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, url, errors, requests, dialogs };
}

/** Chart names written to the run folder's charts/ (one `<name>.svg` each). */
function chartNames(out: string): string[] {
  return readdirSync(join(out, 'charts'))
    .filter((f) => f.endsWith('.svg'))
    .map((f) => f.slice(0, -'.svg'.length))
    .sort();
}

describe.skipIf(chromiumPath === null)('the report as a product, in Chromium', () => {
  let browser: Browser;
  const out = { nb: tempDir(), en: tempDir(), hostile: tempDir() };
  const runs: Partial<Record<keyof typeof out, CliResult>> = {};

  beforeAll(async () => {
    const data = sampleCopy();
    const hostile = hostileCopy();
    const [nb, en, bad] = await Promise.all([
      cliAsync(['run', '--data', data, '--out', out.nb, '--lang', 'nb', '--pdf']),
      cliAsync(['run', '--data', data, '--out', out.en, '--lang', 'en', '--quiet']),
      cliAsync(['run', '--data', hostile, '--out', out.hostile, '--lang', 'en', '--quiet']),
    ]);
    Object.assign(runs, { nb, en, hostile: bad });
    browser = await chromium.launch({ executablePath: chromiumPath!, args: [...CHROMIUM_ARGS] });
  });
  afterAll(async () => browser?.close());

  it('runs the pipeline in both languages and on the hostile delivery', () => {
    for (const [name, run] of Object.entries(runs)) expect(run!.code, `${name}: ${run!.stderr}`).toBe(0);
  });

  for (const lang of ['nb', 'en'] as const) {
    it(`opens from file:// (${lang}) with no console error and no request but the page itself`, async () => {
      const { context, page, url, errors, requests } = await open(browser, join(out[lang], 'index.html'));
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await context.close();
      expect(errors).toEqual([]);
      expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
      expect(requests).toContain(url);
    });

    it(`draws every chart written to charts/ (${lang}) as a non-empty inline SVG`, async () => {
      const names = chartNames(out[lang]);
      expect(names.length).toBeGreaterThanOrEqual(8);
      const { context, page } = await open(browser, join(out[lang], 'index.html'));
      const figures = await page.locator('main figure').evaluateAll((fs) =>
        fs.map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return {
            id: f.id,
            svgs: f.querySelectorAll('svg').length,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            // Vega draws each mark as a `g.role-mark` group; count what is drawn inside them.
            drawn: svg ? svg.querySelectorAll('g.role-mark > :is(path, rect, line, circle, text, g)').length : 0,
            withShape: svg ? [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('d') ?? '').length > 2).length : 0,
          };
        }),
      );
      await context.close();
      expect(figures.map((f) => f.id).sort()).toEqual(names);
      for (const f of figures) {
        expect(f.svgs, f.id).toBe(1);
        expect(f.width, f.id).toBeGreaterThan(100);
        expect(f.height, f.id).toBeGreaterThan(50);
        expect(f.drawn, f.id).toBeGreaterThan(3);
        expect(f.withShape, f.id).toBeGreaterThan(0);
      }
    });

    it(`writes a screenshot of the first screen, 1280×800 (${lang})`, async () => {
      const { context, page } = await open(browser, join(out[lang], 'index.html'));
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `report-first-screen-${lang}.png`);
      rmSync(path, { force: true });
      const png = await page.screenshot({ path, fullPage: false });
      await context.close();
      // PNG signature, and the width and height from its header.
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
      expect(existsSync(path)).toBe(true);
    });
  }

  it('shows site names that are HTML as text: nothing runs, no image is made, the text is there', async () => {
    // The CSP would stop a script anyway; bypassing it leaves escaping as the only guard.
    const { context, page, errors, dialogs } = await open(browser, join(out.hostile, 'index.html'), { bypassCSP: true });
    const found = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      onerror: document.querySelectorAll('[onerror]').length,
      text: document.body.innerText,
      svgText: [...document.querySelectorAll('svg text')].map((t) => t.textContent ?? ''),
    }));
    await context.close();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(found.scripts).toBe(0);
    expect(found.images).toBe(0);
    expect(found.onerror).toBe(0);
    // Literally, in the tables (the site table, the subgroup table)…
    expect(found.text).toContain(SCRIPT_SITE);
    expect(found.text).toContain(IMG_SITE);
    // …and in the charts' own text.
    expect(found.svgText).toContain(IMG_SITE);
    expect(found.svgText.some((t) => t.startsWith('<script>'))).toBe(true);
  });

  it('prints the folded tables open and hides their toggles', async () => {
    const { context, page } = await open(browser, join(out.nb, 'index.html'));
    const figure = page.locator('#employment-over-time');
    expect(await figure.locator('details table').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await figure.locator('details table').isVisible()).toBe(true);
    expect(await figure.locator('details summary').isVisible()).toBe(false);
    expect(await page.locator('details table').evaluateAll((ts) => ts.filter((t) => t.getBoundingClientRect().height === 0).length)).toBe(0);
    await context.close();
  });

  it('--pdf writes report.pdf of more than one page, atomically, and the same bytes when printed again', async () => {
    expect(runs.nb!.stderr).toMatch(/report\.pdf: \d+ pages in \d+ ms/);
    expect(runs.nb!.stderr).toContain(`PDF: ${join(out.nb, PDF_FILE)}`);
    const pdf = readFileSync(join(out.nb, PDF_FILE));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-8).toString()).toContain('%%EOF');
    const pages = countPdfPages(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(runs.nb!.stderr).toContain(`report.pdf: ${pages} pages`);
    // No clock in the file: printing the same page again gives the same bytes.
    expect(pdf.toString('latin1')).not.toMatch(/\/CreationDate|\/ModDate/);
    const again = join(tempDir(), PDF_FILE);
    await writePdf(join(out.nb, 'index.html'), again, { lang: 'nb', executablePath: chromiumPath! });
    expect(readFileSync(again).equals(pdf)).toBe(true);
    // No temporary file left beside it.
    expect(readdirSync(out.nb).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The English run was not asked for a PDF.
    expect(existsSync(join(out.en, PDF_FILE))).toBe(false);
  });

  it('without a working Chromium, --pdf exits 4 with one line naming what to install, and leaves no PDF', async () => {
    // Not found: noticed before any stage runs, so the earlier run's files stay as they were.
    const missing = tempDir();
    cpSync(out.en, missing, { recursive: true });
    const before = readdirSync(missing).sort();
    const notFound = await cliAsync(['report', '--out', missing, '--pdf'], { [CHROMIUM_ENV]: join(missing, 'no-such-chromium') });
    expect(notFound.code).toBe(4);
    expect(notFound.stderr.trim().split('\n')).toHaveLength(1);
    expect(notFound.stderr).toContain('apt-get install -y chromium');
    expect(notFound.stderr).toContain(CHROMIUM_ENV);
    expect(readdirSync(missing).sort()).toEqual(before);
    expect(existsSync(join(missing, PDF_FILE))).toBe(false);

    // Found but will not start: the report stage fails and, like any failed stage, leaves
    // none of its outputs (no PDF, no temporary file) and no manifest.
    const broken = tempDir();
    cpSync(out.nb, broken, { recursive: true });
    const fails = await cliAsync(['report', '--out', broken, '--pdf', '--quiet'], { [CHROMIUM_ENV]: '/bin/false' });
    expect(fails.code).toBe(4);
    expect(fails.stderr.trim().split('\n')).toHaveLength(1);
    expect(fails.stderr).toMatch(/^ips-rct: Chromium at \/bin\/false did not start .*apt-get install -y chromium/);
    for (const gone of [PDF_FILE, 'index.html', 'manifest.json']) expect(existsSync(join(broken, gone)), gone).toBe(false);
    expect(readdirSync(broken, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);

    // A rerun without --pdf removes the PDF an earlier run left.
    const stale = tempDir();
    cpSync(out.nb, stale, { recursive: true });
    expect(existsSync(join(stale, PDF_FILE))).toBe(true);
    expect((await cliAsync(['report', '--out', stale, '--quiet'])).code).toBe(0);
    expect(existsSync(join(stale, PDF_FILE))).toBe(false);
  });
});
