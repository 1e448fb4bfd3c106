/**
 * The PDF writer (src/report/pdf.ts): how it finds Chromium, the footer it asks for, the
 * dates it blanks, and, in a real Chromium, that printing fetches nothing even from a page
 * that asks for files on the network. The browser part is skipped where no Chromium is
 * installed, except in CI (IPS_RCT_REQUIRE_BROWSER=1).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/io/errors.ts';
import { ChromiumError, CHROMIUM_ENV, countPdfPages, EXIT_BROWSER, findChromium, footerTemplate, withoutDates, writePdf } from '../../src/report/pdf.ts';
import { tempDir } from '../helpers/cli.ts';

let chromiumPath: string | null = null;
try {
  chromiumPath = findChromium();
} catch {
  if (process.env.IPS_RCT_REQUIRE_BROWSER === '1') throw new Error('Chromium not found; install it with: apt-get install -y chromium (or set IPS_RCT_CHROMIUM)');
}

/** A folder holding an executable file `name` (a stand-in for a browser). */
function fakeExecutable(name: string): string {
  const dir = tempDir('ips-rct-bin-');
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\nexit 1\n');
  chmodSync(file, 0o755);
  return file;
}

describe('findChromium', () => {
  it('takes IPS_RCT_CHROMIUM first, then chromium or chromium-browser on PATH', () => {
    const chosen = fakeExecutable('my-chromium');
    const onPath = fakeExecutable('chromium');
    const browserOnPath = fakeExecutable('chromium-browser');
    const pathOf = (f: string) => f.slice(0, f.lastIndexOf('/'));
    expect(findChromium({ [CHROMIUM_ENV]: chosen, PATH: pathOf(onPath) })).toBe(chosen);
    expect(findChromium({ PATH: `/nonexistent:${pathOf(onPath)}` })).toBe(onPath);
    expect(findChromium({ PATH: pathOf(browserOnPath) })).toBe(browserOnPath);
  });

  it('names what to install when IPS_RCT_CHROMIUM points at nothing, in one line', () => {
    let error: unknown;
    try {
      findChromium({ [CHROMIUM_ENV]: '/nonexistent/chromium', PATH: '' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ChromiumError);
    const message = (error as Error).message;
    expect(message).toContain('IPS_RCT_CHROMIUM=/nonexistent/chromium');
    expect(message).toContain('apt-get install -y chromium');
    expect(message).not.toContain('\n');
  });

  it('has its own exit code, apart from contract, usage and internal errors', () => {
    expect(EXIT_BROWSER).toBe(4);
    expect(Object.values(EXIT)).not.toContain(EXIT_BROWSER);
    expect(new ChromiumError('x').exitCode).toBe(4);
  });
});

describe('footerTemplate', () => {
  it('asks Chromium for the page number and count, in the report language, in a readable size', () => {
    for (const [lang, words] of [['nb', /Side <span class="pageNumber"><\/span> av <span class="totalPages"><\/span>/], ['en', /Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/]] as const) {
      const t = footerTemplate(lang);
      expect(t).toMatch(words);
      expect(t).toContain('font-size: 8pt');
      expect(t).toContain('<span class="title"');
    }
  });
});

describe('withoutDates', () => {
  const pdf = "%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261123155905+00'00')\n/ModDate (D:20261123155905+00'00')>>\nendobj\n2 0 obj\n<</Note (D:20261123155905+00'00')>>\nendobj\ntrailer\n<</Size 3\n/Info 1 0 R>>\n%%EOF";

  it('blanks the information dictionary’s dates with spaces of the same length, and nothing else', () => {
    const out = withoutDates(Buffer.from(pdf, 'latin1')).toString('latin1');
    expect(out.length).toBe(pdf.length);
    expect(out).not.toContain('CreationDate');
    expect(out).not.toContain('ModDate');
    expect(out).toContain('/Producer (Skia/PDF m156)');
    // Another object's date-like string is left alone.
    expect(out).toContain("<</Note (D:20261123155905+00'00')>>");
    expect(out).toBe(pdf.replace(/\/(?:CreationDate|ModDate) \([^)]*\)/g, (m) => ' '.repeat(m.length)));
  });

  it('leaves a PDF without an information dictionary as it is', () => {
    const bare = '%PDF-1.4\ntrailer\n<</Size 1>>\n%%EOF';
    expect(withoutDates(Buffer.from(bare)).toString()).toBe(bare);
  });
});

describe.skipIf(chromiumPath === null)('writePdf in Chromium', () => {
  let server: Server;
  let port: number;
  const fetched: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      fetched.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('fetches nothing, even for a page with no CSP that asks for a style, an image, a font, a frame and a script', async () => {
    const dir = tempDir();
    const base = `http://127.0.0.1:${port}`;
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fetch test</title>
<link rel="stylesheet" href="${base}/style.css">
<style>@font-face { font-family: Remote; src: url(${base}/font.woff2); } body { font-family: Remote, sans-serif; background: url(${base}/background.png); } @import url(${base}/import.css);</style>
<script src="${base}/script.js"></script>
</head><body><h1>Page one</h1><img src="${base}/image.png" alt=""><iframe src="${base}/frame.html"></iframe>
<div style="break-before: page"><h1>Page two</h1></div></body></html>`;
    const html = join(dir, 'index.html');
    writeFileSync(html, page);
    const { pages } = await writePdf(html, join(dir, 'report.pdf'), { lang: 'en', executablePath: chromiumPath! });
    expect(fetched).toEqual([]);
    expect(pages).toBe(2);
    const bytes = readFileSync(join(dir, 'report.pdf'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(countPdfPages(bytes)).toBe(2);
    // Written through a temporary file that is gone.
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'report.pdf']);
  });

  it('fails with a ChromiumError, and writes no PDF, when the browser does not start', async () => {
    const dir = tempDir();
    const html = join(dir, 'index.html');
    writeFileSync(html, '<!doctype html><title>x</title><p>x</p>');
    mkdirSync(join(dir, 'out'));
    await expect(writePdf(html, join(dir, 'out', 'report.pdf'), { lang: 'nb', executablePath: fakeExecutable('chromium') })).rejects.toBeInstanceOf(ChromiumError);
    expect(existsSync(join(dir, 'out', 'report.pdf'))).toBe(false);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});
