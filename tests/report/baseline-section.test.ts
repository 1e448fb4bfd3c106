import { describe, expect, it } from 'vitest';
import { baselineSection } from '../../src/report/baseline-section.ts';
import { disclosureFootnote } from '../../src/report/disclosure.ts';
import type { BaselineTable, ContinuousVariable } from '../../src/design/baseline.ts';
import { BASELINE, BASELINE_EDGES, EVIL_LEVEL, EVIL_VERIFY, EVIL_VERIFY_PLAN, PLAN } from './fixtures.ts';

const BASELINE_AGE_IPS = (BASELINE.variables[0] as ContinuousVariable).arms.IPS!;

/** Rows of the baseline table as cell texts (header row included). */
function rows(section: string): string[][] {
  const table = /<table class="baseline">[\s\S]*?<\/table>/.exec(section)![0];
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));
}
const rowsOf = (section: string, label: string) => rows(section).filter((r) => r[0] === label);

describe('baselineSection', () => {
  const nb = String(baselineSection(BASELINE, PLAN, 'nb'));
  const en = String(baselineSection(BASELINE, PLAN, 'en'));

  it('heads each arm with its n and marks the control arm', () => {
    expect(rows(en)[0]).toEqual(['Characteristic', 'IPS<br>n = 607', 'TVR (control)<br>n = 620', 'Standardized difference']);
    expect(rows(nb)[0]).toEqual(['Kjennetegn', 'IPS<br>n = 607', 'TVR (kontrollgruppe)<br>n = 620', 'Standardisert forskjell']);
    expect(nb).toContain('Tabellen beskriver de 1\u202f227 deltakerne som ble randomisert og ikke trakk samtykket');
  });

  it('gives continuous variables as mean (SD) and median [quartiles], with missing when any', () => {
    expect(rows(en).slice(1, 5)).toEqual([
      ['Age (years)', '', '', '-0.06'],
      ['Mean (SD)', '38.4 (10.9)', '39.1 (11.2)', ''],
      ['Median [middle half]', '37.0 [29.5–47.0]', '38.0 [30.0–48.3]', ''],
      // Two missing in IPS is below the small-cell threshold of 3: the producer hid it (and n).
      ['Missing', ':', '0', ''],
    ]);
    expect(rows(nb)[1]).toEqual(['Alder (år)', '', '', '\u22120,06']);
    expect(rows(nb)[2]).toEqual(['Gjennomsnitt (SD)', '38,4 (10,9)', '39,1 (11,2)', '']);
  });

  it('gives categories as n (%) with translated level names and a missing row', () => {
    expect(rowsOf(nb, 'Kvinne')).toEqual([['Kvinne', '330 (54,4\u00a0%)', '328 (52,9\u00a0%)', '']]);
    expect(rowsOf(en, 'Male')).toEqual([['Male', '277 (45.6%)', '292 (47.1%)', '']]);
    expect(rowsOf(en, 'Upper secondary school')).toHaveLength(1);
    expect(rowsOf(en, 'Yes')).toHaveLength(1);
    expect(rowsOf(nb, 'Nei')).toHaveLength(1);
    expect(rowsOf(en, 'Missing')).toHaveLength(5);
    // A level the plan adds without a translation is shown as the plan spells it.
    expect(rowsOf(nb, 'spiseforstyrrelse')).toEqual([['spiseforstyrrelse', ':', '38 (6,1\u00a0%)', '']]);
  });

  it('shows suppressed counts as ":" (Statistics Norway’s symbol), not as "<3", and explains both reasons in the report’s footnote', () => {
    // The small count and its partner (which may be large) look the same: the result does
    // not say which is which, and "<3" would be false for the partner.
    expect(rowsOf(en, 'Bipolar disorder')).toEqual([['Bipolar disorder', ':', '12 (1.9%)', '']]);
    expect(rowsOf(en, 'spiseforstyrrelse')).toEqual([['spiseforstyrrelse', ':', '38 (6.1%)', '']]);
    expect(en).not.toContain('&lt;3');
    expect(rows(en).flat()).not.toContain('hidden');
    expect(en).toContain(`<li>${disclosureFootnote(3, 'en')}</li>`);
    expect(en).toContain('<li>: not shown, because the number concerns fewer than 3 people, or because such a small number could otherwise be worked out from it');
    expect(nb).toContain('<li>: tallet vises ikke, fordi det gjelder færre enn 3 personer, eller fordi');
    expect(rows(nb).flat()).not.toContain('skjult');
  });

  it('flags an imbalanced variable in words, not colour alone, and explains the flag', () => {
    expect(rows(en).find((r) => r[0] === 'Education')).toEqual(['Education', '', '', '0.15 <strong class="flag">⚠ imbalanced</strong>']);
    expect(rows(nb).find((r) => r[0] === 'Utdanning')![3]).toBe('0,15 <strong class="flag">⚠ ubalanse</strong>');
    expect(rows(en).find((r) => r[0] === 'Sex')![3]).toBe('0.03');
    expect(en).toContain('<li>⚠ imbalanced: the difference is larger than 0.1, or the arms share no values at all.</li>');
    expect((en.match(/⚠ imbalanced<\/strong>/g) ?? []).length).toBe(1);
  });

  it('explains the standardized difference for a non-statistician, without a significance test', () => {
    expect(nb).toContain('Forskjeller over 0,1 er verdt å se nærmere på');
    expect(nb).toContain('Tallet er ikke en signifikanstest');
    expect(nb).toContain('CONSORT-retningslinjene fraråder å teste dem');
    expect(en).toContain('a positive difference means a higher mean in IPS than in TVR');
    expect(en).not.toMatch(/p\s*[=<]/);
    // Notes for symbols the table does not use are left out.
    expect(en).not.toContain('∞');
  });

  it('shows a withheld SMD as hidden, without a flag, and says why in a note', () => {
    expect(rows(en).find((r) => r[0] === 'Diagnosis')).toEqual(['Diagnosis', '', '', ':']);
    expect(rows(nb).find((r) => r[0] === 'Diagnose')).toEqual(['Diagnose', '', '', ':']);
    expect(en).toContain(
      '<li>: in the column “Standardized difference”: the difference is not shown when any number for the characteristic is hidden, because the hidden numbers could otherwise be worked out from it.</li>',
    );
    expect(nb).toContain('<li>: i kolonnen «Standardisert forskjell»: forskjellen vises ikke når noen av tallene');
    // A withheld SMD is not "no data": no dash note for it.
    expect(en).not.toContain('<li>–:');
  });

  it('writes ∞ for arms with no overlap, a dash without data, and hides a too-small summary', () => {
    const s = String(baselineSection(BASELINE_EDGES, PLAN, 'en'));
    const r = rows(s);
    expect(r.find((x) => x[0] === 'Paid work in the last 5 years')![3]).toBe('∞ <strong class="flag">⚠ imbalanced</strong>');
    expect(r.find((x) => x[0] === 'Education')![3]).toBe('–');
    expect(r.find((x) => x[0] === 'Age (years)')![3]).toBe(':');
    expect(r.find((x) => x[0] === 'Mean (SD)')).toEqual(['Mean (SD)', ':', '39.1 (11.2)', '']);
    expect(r.find((x) => x[0] === 'Median [middle half]')).toEqual(['Median [middle half]', ':', '38.0 [30.0–48.3]', '']);
    // 605 missing of 607 would give the hidden n = 2 away: the producer hid both.
    expect(rowsOf(s, 'Missing')[0]).toEqual(['Missing', ':', '0', '']);
    expect(s).not.toContain('605');
    // The minimum for a summary (10), not the small-cell threshold (3).
    expect(s).toContain(
      '<li>: in the rows for mean and median: mean, SD, median and quartiles are not shown for an arm in which fewer than 10 people have a value, because together these numbers can reveal each person’s value.</li>',
    );
    expect(s).toContain('<li>∞: the arms share no values, so the difference cannot be given as a number.</li>');
    expect(s).toContain('<li>–: too few data in one of the arms to compute the difference.</li>');
  });

  it('prints n and missing as the producer gives them: a summary hidden for size keeps counts at or above the threshold', () => {
    const age = BASELINE_EDGES.variables[0] as ContinuousVariable;
    const table: BaselineTable = {
      ...BASELINE_EDGES,
      variables: [
        {
          ...age,
          arms: { ...age.arms, IPS: { ...age.arms.IPS!, n: 7, missing: 600, missing_suppressed: false } },
        },
      ],
    };
    const s = String(baselineSection(table, PLAN, 'en'));
    expect(rowsOf(s, 'Mean (SD)')).toEqual([['Mean (SD)', ':', '39.1 (11.2)', '']]);
    expect(rowsOf(s, 'Missing')).toEqual([['Missing', '600', '0', '']]);
    // No count is hidden, so only the summary note.
    expect(s).toContain('<li>: in the rows for mean and median:');
    expect(s).not.toContain(disclosureFootnote(3, 'en'));
    // The report does not second-guess the producer: a missing count it shows is printed.
    const shown: BaselineTable = {
      ...BASELINE,
      variables: [{ ...age, smd: 0.01, smd_note: null, imbalanced: false, arms: { ...age.arms, IPS: { ...BASELINE_AGE_IPS, n: 598, missing: 9, missing_suppressed: false } } }],
    };
    expect(rowsOf(String(baselineSection(shown, PLAN, 'en')), 'Missing')).toEqual([['Missing', '9', '0', '']]);
  });

  it('escapes level names from the plan', () => {
    const s = String(baselineSection(EVIL_VERIFY.baseline, EVIL_VERIFY_PLAN, 'en'));
    expect(s).not.toContain(EVIL_LEVEL);
    expect(s).toContain('<th scope="row" class="level">&lt;b&gt;bold&lt;/b&gt;</th>');
  });
});
