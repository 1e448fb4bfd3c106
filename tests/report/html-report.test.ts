import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, renderReport } from '../../src/report/html-report.ts';
import type { VerifyResult } from '../../src/design/verify.ts';
import {
  COST_BENEFIT,
  EVIL_COST_BENEFIT,
  EVIL_LEVEL,
  EVIL_MEASURE,
  EVIL_NOTE,
  EVIL_OUTCOMES,
  EVIL_QUALITY_OF_LIFE,
  EVIL_REASON,
  EVIL_SITE,
  EVIL_SUMMARY,
  EVIL_TRIAL,
  EVIL_VERIFY,
  EVIL_VERIFY_PLAN,
  OUTCOMES,
  PLAN,
  QUALITY_OF_LIFE,
  SUMMARY,
  VERIFY,
  VERIFY_NO_LIST,
  VERIFY_UNVERIFIED,
} from './fixtures.ts';
import { PROVENANCE } from './provenance-fixtures.ts';
import { EVIL_FIDELITY, EVIL_META, EVIL_SITE_NAME, EVIL_STUDY, FIDELITY_SIX, META } from './evidence-fixtures.ts';
import { disclosureStatement } from '../../src/report/disclosure.ts';

const render = (lang: 'nb' | 'en' = 'nb', verify: VerifyResult = VERIFY, provenance = PROVENANCE) =>
  renderReport({ summary: SUMMARY, plan: PLAN, verify, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: COST_BENEFIT, metaAnalysis: META, fidelity: FIDELITY_SIX, lang, version: '0.1.0', provenance });

/** The <table> inside the <details> of the figure `id`, as rows of cell texts. */
function detailsTableRows(page: string, id = 'participants-by-site'): string[][] {
  const figure = new RegExp(`<figure id="${id}">[\\s\\S]*?</figure>`).exec(page)![0];
  const details = /<details>[\s\S]*?<\/details>/.exec(figure)![0];
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
    for (const [lang, verify] of [['nb', VERIFY], ['en', VERIFY_UNVERIFIED], ['nb', VERIFY_NO_LIST]] as const) {
      const { html } = await render(lang, verify);
      expect(html).not.toMatch(/\s(src|xlink:href|srcset|action|poster|data)\s*=/i);
      // Links only within the page (the contents), each to an element that is there.
      const links = [...html.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link).toMatch(/^#[a-z-]+$/);
        expect(html).toContain(`id="${link.slice(1)}"`);
      }
      expect(html).not.toMatch(/url\s*\(/i);
      expect(html).not.toMatch(/@import/i);
      // The only absolute URLs allowed are the SVG and XLink namespace names, which are never fetched.
      const urls = new Set([...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]));
      expect([...urls].sort()).toEqual(['http://www.w3.org/1999/xlink', 'http://www.w3.org/2000/svg']);
    }
  });

  it('escapes strings from input data everywhere, including inside the charts', async () => {
    const { html, charts } = await renderReport({ summary: EVIL_SUMMARY, plan: EVIL_VERIFY_PLAN, verify: EVIL_VERIFY, outcomes: EVIL_OUTCOMES, qualityOfLife: EVIL_QUALITY_OF_LIFE, costBenefit: EVIL_COST_BENEFIT, metaAnalysis: EVIL_META, fidelity: EVIL_FIDELITY, lang: 'en', version: '0.1.0' });
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
    // The new sections: warning, randomization, flow diagram and its table, baseline table.
    for (const evil of [EVIL_SITE, EVIL_REASON, EVIL_LEVEL, EVIL_MEASURE, '<script>x</script>.csv']) expect(html).not.toContain(evil);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;, allocation no. 1: recorded arm IPS, but the list says TVR.</li>');
    expect(html).toContain('(&lt;script&gt;x&lt;/script&gt;.csv; slots in the list: 1)');
    expect(html).toContain('<th scope="row" class="sub">&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; co</th>');
    expect(html).toContain('Analysed: &lt;svg onload=alert(3)&gt;, month 6');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    const flow = charts.find((c) => c.name === 'consort-flow')!.svg;
    expect(html).toContain(flow);
    expect(flow).not.toMatch(/<script|<img|<svg onload/i);
    expect(flow).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; co: 9');
    // The employment section: subgroup names and upstream notes, in the page and in the forest plot.
    expect(html).not.toContain(EVIL_NOTE);
    expect(html).toContain('Note: &lt;img src=x onerror=alert(4)&gt;.');
    const forest = charts.find((c) => c.name === 'subgroups')!.svg;
    expect(html).toContain(forest);
    expect(forest).not.toMatch(/<script|<img|<b>|<svg onload/i);
    expect(forest).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(forest).toContain('&lt;svg onload=alert(3)&gt;');
    // The questionnaire section and its chart: measure labels from the plan and the result.
    expect(html).toContain('&lt;svg onload=alert(3)&gt;: scale from 0 to 10, higher is better');
    const means = charts.find((c) => c.name === 'quality-of-life-means')!.svg;
    expect(html).toContain(means);
    expect(means).not.toMatch(/<script|<img|<b>|<svg onload/i);
    expect(means).toContain('&lt;svg onload=alert(3)&gt;');
    // The cost–benefit section: the reference wage's source and a scenario id from the plan.
    expect(html).toContain('Reference wage: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Scenario <code>&lt;script&gt;alert(6)&lt;/script&gt;</code>');
    for (const name of ['cost-benefit-acceptability', 'cost-benefit-tornado']) {
      const svg = charts.find((c) => c.name === name)!.svg;
      expect(html).toContain(svg);
      expect(svg).not.toMatch(/<script|alert\(6\)/);
    }
    // The evidence and fidelity sections: study names, countries, citations and site names from their files.
    expect(html).toContain('&lt;script&gt;alert(&quot;study&quot;)&lt;/script&gt;');
    expect(html).not.toContain(EVIL_STUDY);
    expect(html).not.toContain(EVIL_SITE_NAME);
    expect(html).toContain('&lt;svg onload=alert(1)&gt;');
    for (const name of ['evidence-forest', 'fidelity-items', 'fidelity-employment']) {
      const svg = charts.find((c) => c.name === name)!.svg;
      expect(html).toContain(svg);
      expect(svg).not.toMatch(/<script|<img|<svg onload/i);
    }
  });

  it('gives byte-identical output for identical input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2041-01-01T00:00:00Z'));
    const first = await render('nb', VERIFY_UNVERIFIED);
    vi.setSystemTime(new Date('2053-07-15T13:45:00Z'));
    const second = await render('nb', VERIFY_UNVERIFIED);
    expect(second.html).toBe(first.html);
    expect(second.charts).toEqual(first.charts);
    expect(first.html).not.toMatch(/20(41|53)/);
  });

  it('shows the chart numbers as a table with a 0 for an empty cell and totals', async () => {
    const rows = detailsTableRows((await render('nb')).html);
    expect(rows).toEqual([
      ['Forsøkssted', 'IPS', 'TVR', 'Totalt'],
      ['Hordaland', '101', '103', '204'],
      ['Sør-Trøndelag', '510', '507', '1\u202f017'],
      ['Østfold', '0', '13', '13'],
      ['Totalt', '611', '623', '1\u202f234'],
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
      '<tr><th scope="row"><code>participants.csv</code></th><td class="num">1\u202f234</td><td>Windows-1252</td><td>semikolon (;)</td><td>komma (,)</td><td>CRLF (Windows)</td><td>ja</td></tr>',
    );
    const en = (await render('en')).html;
    expect(en).toContain(
      '<tr><th scope="row"><code>employment.csv</code></th><td class="num">23,456</td><td>UTF-8</td><td>comma (,)</td><td>full stop (.)</td><td>LF (Linux, macOS)</td><td>no</td></tr>',
    );
  });

  it('lists warnings, or says there are none', async () => {
    expect((await render('en')).html).toContain('<li>3 participants to be analysed have no registry data at all.</li>');
    expect((await render('nb')).html).toContain('<li>3 deltakere som skal analyseres, har ingen registerdata i det hele tatt.</li>');
    const none = await renderReport({ summary: { ...SUMMARY, warnings: [] }, plan: PLAN, verify: VERIFY, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: COST_BENEFIT, lang: 'nb', version: '0.1.0' });
    expect(none.html).toContain('<p>Ingen advarsler.</p>');
    expect(none.html).not.toContain('<ul class="warnings">');
  });

  it('names the tool version in the footer and returns the chart it embeds', async () => {
    const { html, charts } = await renderReport({ summary: SUMMARY, plan: PLAN, verify: VERIFY, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: COST_BENEFIT, metaAnalysis: META, fidelity: FIDELITY_SIX, lang: 'en', version: '9.8.7' });
    expect(html).toContain('<footer>\n<p>Generated by ips-rct version 9.8.7.</p>\n</footer>');
    expect(charts.map((c) => c.name)).toEqual([
      'participants-by-site',
      'consort-flow',
      'employment-over-time',
      'time-to-first-job',
      'subgroups',
      'quality-of-life-means',
      'cost-benefit-acceptability',
      'cost-benefit-tornado',
      'evidence-forest',
      'fidelity-items',
      'fidelity-employment',
    ]);
    for (const chart of charts) expect(html).toContain(`<figure id="${chart.name}">\n<div class="chart">${chart.svg}</div>`);
  });

  it('puts the sections in order, each with its heading, in both languages', async () => {
    const headings = async (lang: 'nb' | 'en') => [...(await render(lang)).html.matchAll(/<h2 id="([^"]+)">([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(await headings('nb')).toEqual([
      ['summary', 'Sammendrag'],
      ['toc', 'Innhold'],
      ['methods', 'Forsøket og metodene'],
      ['participant-flow', 'Deltakernes vei gjennom forsøket'],
      ['baseline', 'Deltakerne ved start (tabell 1)'],
      ['employment', 'Arbeid'],
      ['quality-of-life', 'Livskvalitet og helse'],
      ['cost-benefit', 'Kostnader og nytte'],
      ['evidence', 'Resultatet sammenlignet med annen forskning'],
      ['fidelity', 'Modelltrofasthet (IPS-25)'],
      ['data-quality', 'Datakvalitet og kontroll'],
      ['provenance', 'Sporbarhet'],
    ]);
    expect(await headings('en')).toEqual([
      ['summary', 'Summary'],
      ['toc', 'Contents'],
      ['methods', 'The trial and its methods'],
      ['participant-flow', 'Participant flow'],
      ['baseline', 'Participants at baseline (Table 1)'],
      ['employment', 'Employment'],
      ['quality-of-life', 'Quality of life and health'],
      ['cost-benefit', 'Costs and benefits'],
      ['evidence', 'Evidence in context'],
      ['fidelity', 'Fidelity to the IPS model (IPS-25)'],
      ['data-quality', 'Data quality and checks'],
      ['provenance', 'Provenance'],
    ]);
    // A plan without costs: no cost–benefit section and no charts for it, and none in the contents.
    const none = await renderReport({ summary: SUMMARY, plan: PLAN, verify: VERIFY, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: { cost_benefit: null }, lang: 'en', version: '0.1.0' });
    expect(none.html).not.toContain('id="cost-benefit"');
    expect(none.html).not.toContain('href="#cost-benefit"');
    expect(none.charts.map((c) => c.name).filter((n) => n.startsWith('cost-benefit'))).toEqual([]);
    // Without provenance (a caller that has none): no provenance section, and no link to one.
    expect(none.html).not.toContain('id="provenance"');
    expect(none.html).not.toContain('href="#provenance"');
    // Without the evidence stages' results: no such sections; with files not delivered: the sections say so.
    for (const id of ['evidence', 'fidelity']) expect(none.html).not.toContain(`id="${id}"`);
    const undelivered = await renderReport({ summary: SUMMARY, plan: PLAN, verify: VERIFY, outcomes: OUTCOMES, qualityOfLife: QUALITY_OF_LIFE, costBenefit: COST_BENEFIT, metaAnalysis: null, fidelity: null, lang: 'en', version: '0.1.0' });
    expect(undelivered.html).toContain('<h2 id="evidence">Evidence in context</h2>\n<p>No evidence file was delivered');
    expect(undelivered.html).toContain('<h2 id="fidelity">Fidelity to the IPS model (IPS-25)</h2>\n<p>No fidelity ratings were delivered');
    expect(undelivered.html).toContain('href="#evidence"');
    expect(undelivered.charts.map((c) => c.name).filter((n) => n.startsWith('evidence') || n.startsWith('fidelity'))).toEqual([]);
  });

  it('lists every section after the summary in the contents, linked to its heading, in page order', async () => {
    for (const lang of ['nb', 'en'] as const) {
      const { html } = await render(lang);
      const nav = /<nav class="toc" aria-labelledby="toc">([\s\S]*?)<\/nav>/.exec(html)![1]!;
      const entries = [...nav.matchAll(/<li><a href="#([^"]+)">([^<]*)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
      const sections = [...html.matchAll(/<h2 id="([^"]+)">([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]]);
      expect(entries).toEqual(sections.slice(2));
      // The contents come right after the summary, before the first section they list.
      expect(html.indexOf('<nav class="toc"')).toBeGreaterThan(html.indexOf('id="summary"'));
      expect(html.indexOf('<nav class="toc"')).toBeLessThan(html.indexOf('id="methods"'));
    }
  });

  it('opens with the summary, after the warning when there is one, and says the primary result only there', async () => {
    expect((await render('en')).html).toMatch(/<main>\n<section class="key-result" aria-labelledby="summary">\n<h2 id="summary">Summary<\/h2>/);
    const unverified = (await render('nb', VERIFY_UNVERIFIED)).html;
    expect(unverified).toMatch(/<main>\n<div class="alert" role="alert">[\s\S]*?<\/div>\n<section class="key-result"/);
    // The old main-result box is folded into the summary.
    expect(unverified).not.toContain('id="key-result"');
    expect(unverified.match(/Etter 18 måneder var 37\u00a0% i IPS-gruppen i arbeid/g)).toHaveLength(1);
  });

  it('moves what was delivered and the allocation check to the data-quality section, with the small-numbers rule', async () => {
    const { html } = await render('en');
    const section = /<section aria-labelledby="data-quality">[\s\S]*?<\/section>/.exec(html)![0];
    for (const part of ['<h3 id="arms">', '<figure id="participants-by-site">', '<h3 id="files">', '<h3 id="warnings">', '<h3 id="verification">', '<table class="arm-counts">', '<h3 id="small-numbers">']) {
      expect(section).toContain(part);
    }
    expect(section).toContain(`<h3 id="small-numbers">The small-numbers rule</h3>\n${String(disclosureStatement(PLAN, 'en'))}</section>`);
    expect(section).toMatch(/<p>Numbers (that concern|based on) fewer than 3 people/);
    expect(html).not.toContain('id="randomization"');
  });

  it('differs between runs only in the day of the run', async () => {
    const a = (await render('nb', VERIFY, PROVENANCE)).html;
    const b = (await render('nb', VERIFY, { ...PROVENANCE, run_date: '2027-01-05' })).html;
    expect(a).toContain('<time datetime="2026-11-23">23. november 2026</time>');
    expect(b).toContain('<time datetime="2027-01-05">5. januar 2027</time>');
    expect(b.replace('<time datetime="2027-01-05">5. januar 2027</time>', '<time datetime="2026-11-23">23. november 2026</time>')).toBe(a);
  });

  it('warns at the top of the page only when the allocation went unverified', async () => {
    expect((await render('nb')).html).not.toContain('role="alert"');
    expect((await render('nb', { ...VERIFY_UNVERIFIED, randomization: { ...VERIFY_UNVERIFIED.randomization, allowed_unverified: false } })).html).not.toContain(
      'role="alert"',
    );
    for (const verify of [VERIFY_UNVERIFIED, VERIFY_NO_LIST]) {
      const { html } = await render('en', verify);
      expect(html).toMatch(/<main>\n<div class="alert" role="alert">\n<p><strong>⚠ Warning:<\/strong>/);
      expect(html.match(/role="alert"/g)).toHaveLength(1);
    }
  });

  it('shows the flow diagram numbers as a table, with screening rows when given', async () => {
    const rows = detailsTableRows((await render('en')).html, 'consort-flow');
    expect(rows.slice(0, 8)).toEqual([
      ['Step', 'IPS', 'TVR', 'Total'],
      ['Assessed for eligibility', '', '', '2,000'],
      ['Excluded', '', '', '766'],
      ['Did not meet the inclusion criteria', '', '', '512'],
      ['Declined to take part', '', '', '254'],
      ['Randomized', '611', '623', '1,234'],
      ['Withdrew consent', '4', '3', '7'],
      ['Registry data, month 6', '606', '619', '1,225'],
    ]);
    expect(rows).toContainEqual(['Questionnaire, at baseline', '590', '601', '1,191']);
    expect(rows).toContainEqual(['Analysed: Employment, month 18 (primary outcome)', '601', '615', '1,216']);
    expect(rows).toContainEqual(['Analysed: Belief that work is good for health, month 12', '466', '450', '916']);
    const nb = detailsTableRows((await render('nb', VERIFY_UNVERIFIED)).html, 'consort-flow');
    expect(nb[1]).toEqual(['Randomisert', '611', '623', '1\u202f234']);
    expect(nb).toContainEqual(['Analysert: Livskvalitet, måned 6', '511', '497', '1\u202f008']);
  });
});
