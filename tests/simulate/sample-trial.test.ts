/**
 * The synthetic trial generator. Counts are computed here from the CSV text with papaparse,
 * never from the generator's internals, so a test passes only if the files say it.
 * Published figures: Reme et al., Scand J Work Environ Health 2019;45(1):33-41 (abstract):
 * 410 randomized; employed 36.6 % vs 27.1 % at 12 months and 37.4 % vs 27.1 % at 18 months,
 * which is 83/227 vs 49/181 and 85/227 vs 49/181 (see /work/shared/reference).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/io/plan.ts';
import { DEFAULT_FIDELITY_BANDS } from '../../src/fidelity/bands.ts';
import { checkFidelityCsv } from '../../src/fidelity/fidelity-csv.ts';
import { summarizeSiteFidelity } from '../../src/fidelity/site-fidelity.ts';
import { checkEvidenceCsv } from '../../src/meta-analysis/evidence-csv.ts';
import { apportion } from '../../src/simulate/apportion.ts';
import { simulateTrial, type SamplePlan, type TrialFile } from '../../src/simulate/sample-trial.ts';
import { sha256 } from '../../src/io/hash.ts';
import { runSimulate, SAMPLE_SEED } from '../../pipeline/simulate.ts';
import { SAMPLE, tempDir } from '../helpers/cli.ts';

const FILE_NAMES = ['participants.csv', 'employment.csv', 'questionnaires.csv', 'allocation.csv', 'evidence.csv', 'fidelity.csv', 'analysis-plan.json'];

/** The shipped sample's plan as written. */
const samplePlan = (): SamplePlan => JSON.parse(readFileSync(join(SAMPLE, 'analysis-plan.json'), 'utf8')) as SamplePlan;
const PARTICIPANT_COLUMNS = [
  'participant_id', 'site', 'arm', 'allocation_no', 'randomized_on', 'age', 'sex', 'diagnosis', 'education', 'worked_last_5y', 'withdrawn',
];

type Row = Record<string, string>;
interface Trial {
  participants: Row[];
  employment: Row[];
  questionnaires: Row[];
  header: Record<'participants' | 'employment' | 'questionnaires', string[]>;
}

function parse(text: string): { header: string[]; rows: Row[] } {
  const r = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return { header: r.meta.fields ?? [], rows: r.data };
}

function readTrial(dir: string): Trial {
  const p = parse(readFileSync(join(dir, 'participants.csv'), 'utf8'));
  const e = parse(readFileSync(join(dir, 'employment.csv'), 'utf8'));
  const q = parse(readFileSync(join(dir, 'questionnaires.csv'), 'utf8'));
  return {
    participants: p.rows,
    employment: e.rows,
    questionnaires: q.rows,
    header: { participants: p.header, employment: e.header, questionnaires: q.header },
  };
}

function analysed(t: Trial, arm: string): Set<string> {
  return new Set(t.participants.filter((p) => p.arm === arm && p.withdrawn === '0').map((p) => p.participant_id!));
}

/** Analysed participants of `arm` employed in `month`, and the arm's analysed count. */
function employedAt(t: Trial, arm: string, month: number): { employed: number; n: number } {
  const ids = analysed(t, arm);
  const employed = t.employment.filter((r) => ids.has(r.participant_id!) && r.month === String(month) && r.employed === '1').length;
  return { employed, n: ids.size };
}

function expectPublishedCounts(t: Trial): void {
  const count = (arm: string, withdrawn?: string) =>
    t.participants.filter((p) => p.arm === arm && (withdrawn === undefined || p.withdrawn === withdrawn)).length;
  expect(t.participants).toHaveLength(410);
  expect([count('IPS'), count('TVR')]).toEqual([229, 181]);
  expect([count('IPS', '1'), count('TVR', '1')]).toEqual([2, 0]);
  expect(employedAt(t, 'IPS', 12)).toEqual({ employed: 83, n: 227 });
  expect(employedAt(t, 'TVR', 12)).toEqual({ employed: 49, n: 181 });
  expect(employedAt(t, 'IPS', 18)).toEqual({ employed: 85, n: 227 });
  expect(employedAt(t, 'TVR', 18)).toEqual({ employed: 49, n: 181 });
}

describe('the shipped sample (data-samples/)', () => {
  const regenerated = tempDir('ips-rct-sim-');
  let sample: Trial;
  beforeAll(async () => {
    await runSimulate({ out: regenerated, n: 410, seed: SAMPLE_SEED });
    sample = readTrial(SAMPLE);
  });

  it('is byte-identical to a fresh run with the sample seed', () => {
    for (const name of FILE_NAMES) {
      expect(readFileSync(join(regenerated, name)).equals(readFileSync(join(SAMPLE, name))), name).toBe(true);
    }
    expect(readdirSync(regenerated).sort()).toEqual([...FILE_NAMES].sort());
  });

  it('has the published arm sizes, withdrawals and employment at 12 and 18 months', () => {
    expectPublishedCounts(sample);
  });

  it('has plausible employment at randomization and at 6 months', () => {
    const rate = (arm: string, month: number) => {
      const { employed, n } = employedAt(sample, arm, month);
      return employed / n;
    };
    expect(rate('IPS', 0)).toBeLessThanOrEqual(0.05);
    expect(rate('TVR', 0)).toBeLessThanOrEqual(0.05);
    expect(rate('IPS', 6)).toBeGreaterThanOrEqual(0.25);
    expect(rate('IPS', 6)).toBeLessThanOrEqual(0.3);
    expect(rate('TVR', 6)).toBeGreaterThanOrEqual(0.18);
    expect(rate('TVR', 6)).toBeLessThanOrEqual(0.22);
  });

  it('gives every analysed participant registry months 0..18 exactly once, and the withdrawn nothing', () => {
    const months = new Map<string, string[]>();
    for (const r of sample.employment) months.set(r.participant_id!, [...(months.get(r.participant_id!) ?? []), r.month!]);
    const all = Array.from({ length: 19 }, (_, m) => String(m));
    for (const p of sample.participants) {
      if (p.withdrawn === '1') expect(months.has(p.participant_id!)).toBe(false);
      else expect(months.get(p.participant_id!)).toEqual(all);
    }
    expect(months.size).toBe(408);
    const withdrawn = new Set(sample.participants.filter((p) => p.withdrawn === '1').map((p) => p.participant_id));
    expect(sample.questionnaires.filter((q) => withdrawn.has(q.participant_id!))).toEqual([]);
  });

  it('has earnings only in employed months, in whole kroner within 1 000–60 000, a few unreported', () => {
    const employed = sample.employment.filter((r) => r.employed === '1');
    for (const r of sample.employment) if (r.employed === '0') expect(r.earnings_nok).toBe('0');
    const reported = employed.filter((r) => r.earnings_nok !== '').map((r) => Number(r.earnings_nok));
    for (const v of reported) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(1000);
      expect(v).toBeLessThanOrEqual(60000);
    }
    const sorted = reported.slice().sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(median).toBeGreaterThan(11_000);
    expect(median).toBeLessThan(17_000);
    expect(employed.length - reported.length).toBeGreaterThan(0);
    expect((employed.length - reported.length) / employed.length).toBeLessThan(0.03);
  });

  it('keeps questionnaire answers within the plan ranges, with growing missingness', () => {
    const plan = samplePlan();
    expect(sample.header.questionnaires).toEqual(['participant_id', 'wave', ...plan.measures.map((m) => m.column)]);
    for (const q of sample.questionnaires) {
      expect(['0', '6', '12']).toContain(q.wave);
      for (const m of plan.measures) {
        const cell = q[m.column]!;
        if (cell === '') continue;
        const v = Number(cell);
        expect(v, `${m.column}=${cell}`).toBeGreaterThanOrEqual(m.min);
        expect(v, `${m.column}=${cell}`).toBeLessThanOrEqual(m.max);
        const decimals = m.column === 'qol' || m.column === 'functioning' ? /^\d+(\.\d)?$/ : /^\d+$/;
        expect(cell).toMatch(decimals);
      }
    }
    const answered = (wave: string) => sample.questionnaires.filter((q) => q.wave === wave).length;
    const missing = (wave: string) => 1 - answered(wave) / 408;
    expect(missing('0')).toBeGreaterThan(0.02);
    expect(missing('0')).toBeLessThan(missing('6'));
    expect(missing('6')).toBeLessThan(missing('12'));
    expect(missing('12')).toBeGreaterThan(0.3);
  });

  it('shows IPS better at 12 months on the first four measures and on work belief at 6 and 12', () => {
    const ips = analysed(sample, 'IPS');
    const mean = (wave: string, column: string, inIps: boolean) => {
      const xs = sample.questionnaires
        .filter((q) => q.wave === wave && q[column] !== '' && ips.has(q.participant_id!) === inIps)
        .map((q) => Number(q[column]));
      return xs.reduce((a, x) => a + x, 0) / xs.length;
    };
    for (const m of samplePlan().measures) {
      const waves = m.column === 'work_belief' ? ['6', '12'] : ['12'];
      for (const w of waves) {
        const better = m.higher_is_better ? mean(w, m.column, true) - mean(w, m.column, false) : mean(w, m.column, false) - mean(w, m.column, true);
        expect(better, `${m.column} at ${w}`).toBeGreaterThan(0);
      }
    }
  });

  it('writes participants in the contract format', () => {
    expect(sample.header.participants).toEqual(PARTICIPANT_COLUMNS);
    const plan = samplePlan();
    for (const p of sample.participants) {
      expect(p.participant_id).toMatch(/^P\d{4}$/);
      expect(Number(p.age)).toBeGreaterThanOrEqual(18);
      expect(Number(p.age)).toBeLessThanOrEqual(65);
      expect(['F', 'M']).toContain(p.sex);
      expect(plan.diagnosis_levels).toContain(p.diagnosis);
      expect(['primary', 'secondary', 'higher', '']).toContain(p.education);
      expect(['0', '1', '']).toContain(p.worked_last_5y);
      expect(['0', '1']).toContain(p.withdrawn);
    }
    expect(new Set(sample.participants.map((p) => p.participant_id)).size).toBe(410);
    const ages = sample.participants.map((p) => Number(p.age));
    expect(ages.reduce((a, x) => a + x, 0) / ages.length).toBeCloseTo(36, -1);
  });

  it('has six sites, at least two with ø/æ/å, whose allocation lists and dates run in order', () => {
    const sites = [...new Set(sample.participants.map((p) => p.site!))];
    expect(sites).toHaveLength(6);
    expect(sites.filter((s) => /[æøåÆØÅ]/.test(s)).length).toBeGreaterThanOrEqual(2);
    const sizes = sites.map((s) => sample.participants.filter((p) => p.site === s).length);
    expect(new Set(sizes).size).toBeGreaterThan(1);
    for (const site of sites) {
      const rows = sample.participants.filter((p) => p.site === site).sort((a, b) => Number(a.allocation_no) - Number(b.allocation_no));
      expect(rows.map((p) => Number(p.allocation_no))).toEqual(rows.map((_, k) => k + 1));
      const dates = rows.map((p) => p.randomized_on!);
      expect(dates).toEqual(dates.slice().sort());
      for (const d of dates) {
        expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
        expect(d >= '2013-03-01' && d <= '2015-06-30').toBe(true);
      }
    }
  });

  it('is UTF-8 without a byte-order mark, LF line ends, and never an 11-digit number', () => {
    for (const name of FILE_NAMES) {
      const bytes = readFileSync(join(SAMPLE, name));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), name).toBe(false);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      expect(text.includes('\r'), name).toBe(false);
      expect(text.endsWith('\n'), name).toBe(true);
      expect(/\d{11}/.test(text), name).toBe(false);
    }
  });

  it('takes every arm from its allocation list, whose hash and seed the plan records', () => {
    const plan = samplePlan();
    const list = readFileSync(join(SAMPLE, 'allocation.csv'));
    expect(plan.randomization?.sha256).toBe(sha256(list));
    expect(plan.randomization?.seed).toMatch(new RegExp(`^${SAMPLE_SEED}-\\d+$`));
    expect(plan.randomization?.method).toBe('simple');
    const slots = parse(list.toString('utf8')).rows;
    const listed = new Map(slots.map((r) => [`${r.site}#${r.allocation_no}`, r.arm]));
    for (const p of sample.participants) expect(listed.get(`${p.site}#${p.allocation_no}`)).toBe(p.arm);
    // Every site has spare slots, as a real list does.
    for (const st of plan.randomization!.strata!) {
      expect(st.slots).toBeGreaterThan(sample.participants.filter((p) => p.site === st.name).length);
    }
  });

  it('ships a plan that passes the plan validation and says it is synthetic', () => {
    const raw = JSON.parse(readFileSync(join(SAMPLE, 'analysis-plan.json'), 'utf8'));
    const { plan, violations } = validatePlan(raw, 'analysis-plan.json');
    expect(violations).toEqual([]);
    expect(plan?.seed).toBe(SAMPLE_SEED);
    expect(raw.$comment).toMatch(/synthetic/i);
  });
});

describe('the sample’s evidence and fidelity files', () => {
  const sites = () => [...new Set(readTrial(SAMPLE).participants.map((p) => p.site!))];

  it('has a fidelity.csv that passes its contract: one complete IPS-25 review per site, totals within the published 97–109', () => {
    const check = checkFidelityCsv(readFileSync(join(SAMPLE, 'fidelity.csv')), sites());
    expect(check.violations).toEqual([]);
    const summary = summarizeSiteFidelity(check.ratings, DEFAULT_FIDELITY_BANDS);
    expect(summary.map((s) => s.site).sort()).toEqual(sites().sort());
    for (const s of summary) {
      expect(s.complete).toBe(true);
      expect(s.total!).toBeGreaterThanOrEqual(97);
      expect(s.total!).toBeLessThanOrEqual(109);
    }
  });

  it('has an evidence.csv that passes its contract, says which rows are synthetic, and does not list this trial', () => {
    const plan = samplePlan();
    const check = checkEvidenceCsv(readFileSync(join(SAMPLE, 'evidence.csv')), { moderators: plan.meta_analysis!.moderators!, trialName: plan.trial.name });
    expect(check.violations).toEqual([]);
    for (const row of check.studies) {
      if (row.source === 'published') expect(row.citation, row.study).toMatch(/\d{4}/);
      else expect(row.study).toMatch(/^Synthetic study \d+$/);
    }
    expect(check.studies.some((s) => s.events_intervention === 85 && s.n_intervention === 227)).toBe(false);
  });

  it('writes the same evidence file for any seed and size, and rates only the sites a small trial has', async () => {
    const dir = tempDir('ips-rct-sim-');
    await runSimulate({ out: dir, n: 10, seed: 7 });
    expect(readFileSync(join(dir, 'evidence.csv')).equals(readFileSync(join(SAMPLE, 'evidence.csv')))).toBe(true);
    const small = [...new Set(readTrial(dir).participants.map((p) => p.site!))];
    expect(checkFidelityCsv(readFileSync(join(dir, 'fidelity.csv')), small).violations).toEqual([]);
  });
});

describe('simulate with other seeds and sizes', () => {
  it('gives different data but the same published counts with another seed', async () => {
    const dir = tempDir('ips-rct-sim-');
    await runSimulate({ out: dir, n: 410, seed: 7 });
    for (const name of ['participants.csv', 'employment.csv', 'questionnaires.csv']) {
      expect(readFileSync(join(dir, name)).equals(readFileSync(join(SAMPLE, name))), name).toBe(false);
    }
    expectPublishedCounts(readTrial(dir));
  });

  it('scales to 2000 participants keeping the arm split and employment rates roughly', async () => {
    const dir = tempDir('ips-rct-sim-');
    await runSimulate({ out: dir, n: 2000, seed: 11 });
    const t = readTrial(dir);
    expect(t.participants).toHaveLength(2000);
    expect(t.participants[0]!.participant_id).toBe('P0001');
    // Other sizes are simply 1:1 randomized (only n = 410 is held to the published split):
    // 5 standard errors of a fair split is 0.056.
    const ips = t.participants.filter((p) => p.arm === 'IPS').length;
    expect(Math.abs(ips / 2000 - 0.5)).toBeLessThan(0.056);
    const at12 = employedAt(t, 'IPS', 12);
    expect(at12.employed / at12.n).toBeCloseTo(83 / 227, 2);
    const tvr18 = employedAt(t, 'TVR', 18);
    expect(tvr18.employed / tvr18.n).toBeCloseTo(49 / 181, 2);
    expect(t.employment).toHaveLength(19 * (2000 - t.participants.filter((p) => p.withdrawn === '1').length));
  });

  it('streams chunks that end at line ends, and is the same through any sink', async () => {
    const text: Record<TrialFile, string> = { participants: '', employment: '', questionnaires: '' };
    await simulateTrial({ n: 3000, seed: 3 }, {
      write(file, chunk) {
        expect(chunk.endsWith('\n')).toBe(true);
        text[file] += chunk;
      },
    });
    const dir = tempDir('ips-rct-sim-');
    await runSimulate({ out: dir, n: 3000, seed: 3 });
    expect(text.employment).toBe(readFileSync(join(dir, 'employment.csv'), 'utf8'));
    expect(text.participants).toBe(readFileSync(join(dir, 'participants.csv'), 'utf8'));
  });

  it('refuses a bad size or seed and leaves no file behind', async () => {
    const dir = tempDir('ips-rct-sim-');
    await expect(runSimulate({ out: dir, n: 5, seed: 1 })).rejects.toThrow(RangeError);
    await expect(runSimulate({ out: dir, n: 410, seed: -1 })).rejects.toThrow(RangeError);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'participants.csv'))).toBe(false);
  });
});

describe('apportion', () => {
  it('splits a total exactly, largest remainders first, ties to the earlier part', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(410, [229, 181])).toEqual([229, 181]);
    expect(apportion(1000, [229, 181])).toEqual([559, 441]);
    expect(apportion(227, [62, 21, 23, 121])).toEqual([62, 21, 23, 121]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
});
