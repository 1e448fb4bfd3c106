import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, renderReport } from '../../src/report/html-report.ts';
import { EVIL_PLAN, EVIL_SUMMARY, EVIL_TRIAL, PLAN, SUMMARY } from './fixtures.ts';

const render = (lang: 'nb' | 'en' = 'nb') => renderReport({ summary: SUMMARY, plan: PLAN, lang, version: '0.1.0' });

/** The <table> inside the chart's <details>, as rows of cell texts. */
function detailsTableRows(page: string): string[][] {
  const details = /<details>[\s\S]*?<\/details>/.exec(page)![0];
  return [...details.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!),
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('renderReport', () => {
  it('is a self-contained HTML5 page in the requested language', async () => {
    const { html } = await render('nb');
    expect(html.startsWith('<!doctype html>\n<html lang="nb">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}">`);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('<title>Analyserapport for IPS-forsøket i seks fylker</title>');
    expect(html).not.toMatch(/<script/i);
    expect((await render('en')).html).toContain('<html lang="en">');
  });

  it('references no external resource', async () => {
    for (const lang of ['nb', 'en'] as const) {
      const { html } = await render(lang);
      expect(html).not.toMatch(/\s(src|href|xlink:href|srcset|action|poster|data)\s*=/i);
      expect(html).not.toMatch(/url\s*\(/i);
      expect(html).not.toMatch(/@import/i);
      // The only absolute URLs allowed are the SVG and XLink namespace names, which are never fetched.
      const urls = new Set([...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]));
      expect([...urls].sort()).toEqual(['http://www.w3.org/1999/xlink', 'http://www.w3.org/2000/svg']);
    }
  });

  it('escapes strings from input data everywhere, including inside the chart', async () => {
    const { html, charts } = await renderReport({ summary: EVIL_SUMMARY, plan: EVIL_PLAN, lang: 'en', version: '0.1.0' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b ');
    expect(html).not.toContain('<i>');
    expect(html).toContain('<h1>Analysis report for Trial &quot;A&amp;B&quot; &lt;i&gt;x&lt;/i&gt;</h1>');
    expect(html).toContain('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
    expect(html).toContain('&lt;b onmouseover=&quot;x&quot;&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;');
    expect(html).not.toContain('<b onmouseover');
    const svg = charts[0]!.svg;
    expect(html).toContain(svg);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(EVIL_TRIAL).toMatch(/["&<]/);
  });

  it('gives byte-identical output for identical input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    const first = await render();
    vi.setSystemTime(new Date('2031-07-15T13:45:00Z'));
    const second = await render();
    expect(second.html).toBe(first.html);
    expect(second.charts).toEqual(first.charts);
    expect(first.html).not.toMatch(/20(20|31)/);
  });

  it('shows the chart numbers as a table with a 0 for an empty cell and totals', async () => {
    const rows = detailsTableRows((await render('nb')).html);
    expect(rows).toEqual([
      ['Forsøkssted', 'IPS', 'TVR', 'Totalt'],
      ['Hordaland', '101', '103', '204'],
      ['Sør-Trøndelag', '510', '507', '1\u00a0017'],
      ['Østfold', '0', '13', '13'],
      ['Totalt', '611', '623', '1\u00a0234'],
    ]);
  });

  it('shows randomized and withdrawn per arm, marking the control arm', async () => {
    const { html } = await render('en');
    expect(html).toContain('<tr><th scope="row">IPS</th><td class="num">611</td><td class="num">4</td></tr>');
    expect(html).toContain('<tr><th scope="row">TVR (control)</th><td class="num">623</td><td class="num">3</td></tr>');
    expect(html).toContain('<tfoot><tr><th scope="row">Total</th><td class="num">1,234</td><td class="num">7</td></tr></tfoot>');
  });

  it('describes each file dialect in words of the report language', async () => {
    const nb = (await render('nb')).html;
    expect(nb).toContain(
      '<tr><th scope="row"><code>participants.csv</code></th><td class="num">1\u00a0234</td><td>Windows-1252</td><td>semikolon (;)</td><td>komma (,)</td><td>CRLF (Windows)</td><td>ja</td></tr>',
    );
    const en = (await render('en')).html;
    expect(en).toContain(
      '<tr><th scope="row"><code>employment.csv</code></th><td class="num">23,456</td><td>UTF-8</td><td>comma (,)</td><td>full stop (.)</td><td>LF (Linux, macOS)</td><td>no</td></tr>',
    );
  });

  it('lists warnings, or says there are none', async () => {
    expect((await render('en')).html).toContain('<li>3 participants to be analysed have no registry data at all.</li>');
    expect((await render('nb')).html).toContain('<li>3 deltakere som skal analyseres, har ingen registerdata i det hele tatt.</li>');
    const none = await renderReport({ summary: { ...SUMMARY, warnings: [] }, plan: PLAN, lang: 'nb', version: '0.1.0' });
    expect(none.html).toContain('<p>Ingen advarsler.</p>');
    expect(none.html).not.toContain('<ul class="warnings">');
  });

  it('names the tool version in the footer and returns the chart it embeds', async () => {
    const { html, charts } = await renderReport({ summary: SUMMARY, plan: PLAN, lang: 'en', version: '9.8.7' });
    expect(html).toContain('<footer>\n<p>Generated by ips-rct version 9.8.7.</p>\n</footer>');
    expect(charts.map((c) => c.name)).toEqual(['participants-by-site']);
    expect(html).toContain(charts[0]!.svg);
  });
});
