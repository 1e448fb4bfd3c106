import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/io/errors.ts';
import { sha256 } from '../../src/io/hash.ts';
import { installedVersions } from '../../src/io/package-versions.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { RNG_INFO } from '../../src/random/rng.ts';
import { reportProvenance, runDate } from '../../src/report/provenance.ts';
import { formatDay, provenanceSection } from '../../src/report/provenance-section.ts';
import type { Lang } from '../../src/report/texts.ts';
import { EVIL_SITE, LIST_SHA256, PLAN, VERIFY, VERIFY_NO_LIST, VERIFY_UNVERIFIED } from './fixtures.ts';
import { PROVENANCE } from './provenance-fixtures.ts';

const section = (lang: Lang, plan: AnalysisPlan = PLAN, verify = VERIFY, provenance = PROVENANCE) => String(provenanceSection(provenance, plan, verify, '0.1.0', lang));
const cells = (tr: string) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<\/?(code|small)[^>]*>/g, '').replace('<br>', ' | '));
const tableRows = (html: string) => [.../<table class="provenance">[\s\S]*?<\/table>/.exec(html)![0].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!));
const facts = (html: string) => Object.fromEntries([...html.matchAll(/<dt>([^<]*)<\/dt><dd>([\s\S]*?)<\/dd>/g)].map((m) => [m[1]!, m[2]!]));

describe('runDate', () => {
  it('takes the day from SOURCE_DATE_EPOCH when it is set', () => {
    const now = new Date('2031-07-15T23:59:00Z');
    expect(runDate({ SOURCE_DATE_EPOCH: '1795392000' }, now)).toBe('2026-11-23');
    // The last second of a day is still that day, in UTC.
    expect(runDate({ SOURCE_DATE_EPOCH: String(1795392000 + 86399) }, now)).toBe('2026-11-23');
    expect(runDate({ SOURCE_DATE_EPOCH: '0' }, now)).toBe('1970-01-01');
  });

  it('takes today (UTC) from the clock when SOURCE_DATE_EPOCH is not set or empty', () => {
    const now = new Date('2026-11-23T23:30:00-02:00'); // 01:30 on the 24th in UTC
    expect(runDate({}, now)).toBe('2026-11-24');
    expect(runDate({ SOURCE_DATE_EPOCH: '' }, now)).toBe('2026-11-24');
  });

  it('refuses a malformed SOURCE_DATE_EPOCH instead of ignoring it', () => {
    for (const bad of ['yesterday', '1795392000.5', '-1', ' 1795392000', '1e9', '999999999999']) {
      expect(() => runDate({ SOURCE_DATE_EPOCH: bad })).toThrow(UsageError);
    }
    expect(() => runDate({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC.*\(found: "yesterday"\)/);
  });
});

describe('reportProvenance', () => {
  it('takes the hashes from the ingest record, the plan by its file name, and the versions that ran', () => {
    const inputs = [{ file: 'participants.csv', bytes: 12, sha256: sha256('a') }];
    const p = reportProvenance({ inputs, plan_file: '/some/where/delivery-2026-11/analysis-plan.json', plan_sha256: sha256('plan') }, { SOURCE_DATE_EPOCH: '1795392000' });
    expect(p).toEqual({
      inputs,
      plan: { file: 'analysis-plan.json', sha256: sha256('plan') },
      node_version: process.version,
      packages: installedVersions(),
      random_generator: { ...RNG_INFO },
      run_date: '2026-11-23',
    });
    expect(p.packages.vega).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('formatDay', () => {
  it('writes the day out in each language', () => {
    expect(formatDay('2026-11-23', 'nb')).toBe('23. november 2026');
    expect(formatDay('2026-11-23', 'en')).toBe('23 November 2026');
    expect(formatDay('2027-01-05', 'nb')).toBe('5. januar 2027');
  });

  it('refuses anything that is not a calendar date', () => {
    for (const bad of ['2026-02-30', '23.11.2026', '2026-11-23T10:00']) expect(() => formatDay(bad, 'en')).toThrow(RangeError);
  });
});

describe('provenanceSection', () => {
  it('lists every input file with its size and SHA-256, then the plan and the allocation list', () => {
    expect(tableRows(section('nb'))).toEqual([
      ['Fil', 'Fingeravtrykk (SHA-256)'],
      ['participants.csv | Deltakere, 45\u202f678 byte', PROVENANCE.inputs[0]!.sha256],
      ['employment.csv | Registerdata om arbeid, 1\u202f234\u202f567 byte', PROVENANCE.inputs[1]!.sha256],
      ['questionnaires.csv | Spørreskjemasvar, 98\u202f765 byte', PROVENANCE.inputs[2]!.sha256],
      ['analysis-plan.json | Analyseplan', PROVENANCE.plan.sha256],
      ['allocation.csv | Trekningsliste', LIST_SHA256],
    ]);
    const fromSeed = { ...VERIFY, randomization: { ...VERIFY.randomization, verification: { ...VERIFY.randomization.verification, list: { ...VERIFY.randomization.verification.list!, source: 'seed' as const } } } };
    expect(tableRows(section('en', PLAN, fromSeed)).at(-1)).toEqual(['allocation.csv | Allocation list, regenerated from the seed in the plan', LIST_SHA256]);
    const none = section('en', PLAN, VERIFY_NO_LIST);
    expect(tableRows(none)).toHaveLength(5);
    expect(none).toContain('<p>No allocation list was supplied.</p>');
  });

  it('names the optional evidence and fidelity files among the inputs when they were delivered', () => {
    const hash = (c: string) => c.repeat(64);
    const withEvidence = {
      ...PROVENANCE,
      inputs: [...PROVENANCE.inputs, { file: 'evidence.csv', bytes: 2048, sha256: hash('e') }, { file: 'fidelity.csv', bytes: 3000, sha256: hash('f') }],
    };
    const rows = tableRows(section('en', PLAN, VERIFY, withEvidence));
    expect(rows.slice(4, 6)).toEqual([
      ['evidence.csv | Earlier studies (evidence file), 2,048 bytes', hash('e')],
      ['fidelity.csv | Fidelity ratings, 3,000 bytes', hash('f')],
    ]);
  });

  it('gives the seeds, the generator, the versions, the allocation check and the day of the run', () => {
    const plan: AnalysisPlan = { ...PLAN, randomization: { ...PLAN.randomization, seed: '20130901-0' } };
    expect(facts(section('en', plan))).toEqual({
      'Seed of the random draws': `${PLAN.seed}. The bootstrap, the randomization test and the multiple imputation use random draws; the same seed gives exactly the same results.`,
      'Seed of the allocation list': '<code>20130901-0</code>',
      'Random number generator': 'xoroshiro128plus from the package pure-rand 8.4.2 (algorithm version 1)',
      Software: 'ips-rct 0.1.0 on Node.js 20.20.0',
      Packages: 'arquero 8.0.3, pure-rand 8.4.2, vega 6.4.0, vega-lite 6.4.3',
      'Allocation check': 'Confirmed: the groups match the allocation list.',
      'Date of the run': '<time datetime="2026-11-23">23 November 2026</time>',
    });
    const nb = facts(section('nb', PLAN, VERIFY_UNVERIFIED));
    expect(nb).not.toHaveProperty('Trekningslistens startverdi');
    expect(nb['Kontroll av loddtrekningen']).toBe('Ikke bekreftet: kontrollen fant avvik (antall: 15). Se delen «Datakvalitet og kontroll».');
    expect(nb['Dato for kjøringen']).toBe('<time datetime="2026-11-23">23. november 2026</time>');
    expect(facts(section('en', PLAN, VERIFY_NO_LIST))['Allocation check']).toBe('Not checked: no allocation list was supplied.');
  });

  it('quotes the plan’s data-sharing statement in the report language, or says the plan does not state one', () => {
    const plan: AnalysisPlan = {
      ...PLAN,
      data_sharing: { nb: 'Avidentifiserte data fås ved søknad til NORCE; koden ligger på github.com/example/ips-rct.', en: 'De-identified data on application to NORCE; the code is at github.com/example/ips-rct.' },
    };
    expect(section('nb', plan)).toContain('<h3 id="data-sharing">Tilgang til data og analysekode</h3>\n<p>Avidentifiserte data fås ved søknad til NORCE; koden ligger på github.com/example/ips-rct.</p>');
    expect(section('en', plan)).toContain('<p>De-identified data on application to NORCE; the code is at github.com/example/ips-rct.</p>');
    expect(section('nb')).toContain('<p>Analyseplanen sier ikke hvor de avidentifiserte dataene og analysekoden kan fås.</p>');
    expect(section('en', { ...PLAN, data_sharing: null })).toContain('<p>The analysis plan does not state where the de-identified data and the analysis code can be obtained.</p>');
  });

  it('escapes the statement, file names and seeds from the input', () => {
    const plan: AnalysisPlan = {
      ...PLAN,
      data_sharing: { nb: EVIL_SITE, en: '<a href="https://example.org">data</a> & code' },
      randomization: { ...PLAN.randomization, seed: '<img src=x>' },
    };
    const provenance = { ...PROVENANCE, inputs: [{ ...PROVENANCE.inputs[0]!, file: '<b>participants</b>.csv' }], plan: { ...PROVENANCE.plan, file: 'plan"<i>.json' } };
    const en = section('en', plan, VERIFY, provenance);
    expect(en).not.toMatch(/<a |<img|<b>|<i>/);
    expect(en).toContain('<p>&lt;a href=&quot;https://example.org&quot;&gt;data&lt;/a&gt; &amp; code</p>');
    expect(en).toContain('<th scope="row"><code>&lt;b&gt;participants&lt;/b&gt;.csv</code><br><small>45,678 bytes</small></th>');
    expect(en).toContain('<code>plan&quot;&lt;i&gt;.json</code>');
    expect(en).toContain('<code>&lt;img src=x&gt;</code>');
    expect(section('nb', plan, VERIFY, provenance)).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});
