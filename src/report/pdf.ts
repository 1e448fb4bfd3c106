/**
 * The report as PDF: headless Chromium (Debian's `chromium` package, driven by
 * playwright-core, which downloads no browser) prints the written `index.html` to A4 with
 * the print stylesheet (`print-style.ts`) and a page-number footer.
 *
 * Nothing is fetched: the page's own Content-Security-Policy allows no requests, the browser
 * context is offline with scripts off, every request other than the page's own file and
 * `data:` URLs is aborted, and Chromium starts with background networking disabled.
 *
 * The PDF is written atomically (temporary file, then rename); a failure leaves no PDF.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { escapeHtml } from './escape.ts';
import type { Lang } from './texts.ts';

/** File name of the PDF in the run folder, beside index.html. */
export const PDF_FILE = 'report.pdf';

/** Environment variable naming the Chromium executable to use. */
export const CHROMIUM_ENV = 'IPS_RCT_CHROMIUM';

/** Exit code for "the browser needed for --pdf is missing or failed" (0–3 are taken; see the README). */
export const EXIT_BROWSER = 4;

/** What to do about a missing or broken browser, appended to every ChromiumError message. */
const REMEDY = `install Debian's chromium package (apt-get install -y chromium) or set ${CHROMIUM_ENV} to a Chromium executable`;

/**
 * Chromium is missing, would not start, or could not print the page (exit 4). Not a bug in
 * the analysis and not a fault in the data: the machine lacks a working browser.
 */
export class ChromiumError extends Error {
  readonly exitCode = EXIT_BROWSER;
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumError';
  }
}

/** Arguments for headless Chromium: no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-pings',
  '--metrics-recording-only',
] as const;

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium executable: `$IPS_RCT_CHROMIUM` if set (it must then exist), else the first
 * `chromium` or `chromium-browser` on PATH, else /usr/bin/chromium.
 * Throws a ChromiumError naming what to install when none is found.
 * @example findChromium({ PATH: '/usr/bin' }) // '/usr/bin/chromium' (where Debian's package is installed)
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[CHROMIUM_ENV];
  if (chosen !== undefined && chosen !== '') {
    if (isExecutableFile(chosen)) return chosen;
    throw new ChromiumError(`${CHROMIUM_ENV}=${chosen} is not an executable file: ${REMEDY}`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  if (isExecutableFile('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new ChromiumError(`Chromium, needed for --pdf, was not found: ${REMEDY}`);
}

/** The footer's words per language (Chromium fills the page number and the page count). */
const FOOTER_WORDS: Record<Lang, { page: string; of: string }> = {
  nb: { page: 'Side', of: 'av' },
  en: { page: 'Page', of: 'of' },
};

/**
 * Chromium's footer template: the document title on the left, "Page X of Y" on the right,
 * in 8 pt black. Our words are escaped; the title and numbers are filled in as text by
 * Chromium. The template has its own tiny default font size, so it is set here.
 */
export function footerTemplate(lang: Lang): string {
  const w = FOOTER_WORDS[lang];
  return (
    '<div style="font-family: system-ui, -apple-system, \'Segoe UI\', Roboto, \'Helvetica Neue\', Arial, sans-serif; font-size: 8pt; color: #000; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between; gap: 8mm;">' +
    '<span class="title" style="overflow: hidden; text-overflow: ellipsis; white-space: nowrap;"></span>' +
    `<span style="white-space: nowrap;">${escapeHtml(w.page)} <span class="pageNumber"></span> ${escapeHtml(w.of)} <span class="totalPages"></span></span>` +
    '</div>'
  );
}

/** A4 margins; the same as the print stylesheet's `@page` rule, so both agree. */
export const PDF_MARGIN = { top: '15mm', right: '15mm', bottom: '18mm', left: '15mm' } as const;

/** Options of writePdf. */
export interface PdfOptions {
  /** Report language, for the footer's words. */
  lang: Lang;
  /** Chromium executable (default: findChromium()). */
  executablePath?: string;
}

/** First line of an error's message, so a browser failure stays a one-line error. */
function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n').find((l) => l.trim() !== '') ?? message).trim();
}

/**
 * Prints the HTML file `htmlFile` to `pdfFile` (A4, backgrounds, footer with page numbers,
 * tagged and with an outline of the headings) and returns its number of pages. Atomic: the
 * PDF appears whole or not at all. The clock Chromium stamps in is blanked (`withoutDates`).
 * Throws a ChromiumError when the browser is missing, will not start, or cannot print.
 */
export async function writePdf(htmlFile: string, pdfFile: string, options: PdfOptions): Promise<{ pages: number }> {
  const executablePath = options.executablePath ?? findChromium();
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new ChromiumError('the playwright-core package, which drives Chromium for --pdf, is not installed: run npm ci');
  }
  let browser: import('playwright-core').Browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  } catch (err) {
    throw new ChromiumError(`Chromium at ${executablePath} did not start (${firstLine(err)}): ${REMEDY}`);
  }
  let pdf: Buffer;
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false, serviceWorkers: 'block' });
    const pageUrl = pathToFileURL(htmlFile).href;
    // Belt and braces beside the page's CSP: only the page itself and data: URLs load.
    await context.route(
      (url) => url.href !== pageUrl && url.protocol !== 'data:',
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load' });
    pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(options.lang),
      margin: PDF_MARGIN,
      tagged: true,
      outline: true,
    });
  } catch (err) {
    throw new ChromiumError(`Chromium could not print ${htmlFile} to PDF (${firstLine(err)}): ${REMEDY}`);
  } finally {
    await browser.close().catch(() => undefined);
  }
  const bytes = withoutDates(pdf);
  await writeFileAtomic(pdfFile, bytes);
  return { pages: countPdfPages(bytes) };
}

/**
 * The PDF with the creation and modification dates in its document information dictionary
 * replaced by spaces of the same length, so the same page gives the same bytes (the run's
 * time is in manifest.json). Same length keeps every byte offset in the cross-reference
 * table valid, and a dictionary may hold any amount of white space. A PDF whose information
 * dictionary cannot be found (another Chromium, say) is returned unchanged.
 * @example withoutDates(Buffer.from('1 0 obj\n<</CreationDate (D:20261123155905+00\'00\')>>\nendobj\ntrailer\n<</Info 1 0 R>>')).toString()
 * // '1 0 obj\n<<                                       >>\nendobj\ntrailer\n<</Info 1 0 R>>'
 */
export function withoutDates(pdf: Uint8Array): Buffer {
  const out = Buffer.from(pdf);
  const text = out.toString('latin1');
  const info = [...text.matchAll(/\/Info\s+(\d+)\s+0\s+R/g)].at(-1);
  if (!info) return out;
  const start = text.search(new RegExp(`(^|[\\r\\n])${info[1]}\\s+0\\s+obj\\b`));
  if (start < 0) return out;
  const end = text.indexOf('endobj', start);
  if (end < 0) return out;
  const dict = text.slice(start, end);
  for (const m of dict.matchAll(/\/(?:CreationDate|ModDate)\s*\(D:[0-9Z+\-']*\)/g)) out.fill(0x20, start + m.index, start + m.index + m[0].length);
  return out;
}

/**
 * Number of pages in a PDF Chromium wrote: its `/Type /Page` objects (not the `/Pages`
 * tree nodes). Enough for Chromium's uncompressed object dictionaries; not a PDF parser.
 * @example countPdfPages(Buffer.from('<< /Type /Pages >> << /Type /Page >> << /Type /Page >>')) // 2
 */
export function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}
