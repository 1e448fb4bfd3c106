/**
 * The questionnaire analyses on small trials built for the purpose: a wave with no answers
 * in one arm, a measure with no variance, a participant with only a baseline, nothing
 * missing, and reproducibility from the seed.
 */
import { describe, expect, it } from 'vitest';
import { analyseQualityOfLife } from '../../src/quality-of-life/quality-of-life.ts';
import type { QualityOfLifeResult } from '../../src/quality-of-life/quality-of-life-results.ts';
import { createRng } from '../../src/random/rng.ts';
import { ingestOk, planWith } from '../helpers/delivery.ts';

interface Answer {
  qol: number | null;
  depression: number | null;
}
/** A participant's answers at waves 0, 6, 12 (null: no row for the wave). */
type Answers = [Answer | null, Answer | null, Answer | null];

/** A trial of 2 × `n` participants in two sites; `answers(arm, k)` gives each one's questionnaire. */
function trial(n: number, answers: (arm: 'IPS' | 'TVR', k: number, rng: ReturnType<typeof createRng>) => Answers, planChanges: Record<string, unknown> = {}): Promise<QualityOfLifeResult> {
  const rng = createRng(7);
  const people = (['IPS', 'TVR'] as const).flatMap((arm) => Array.from({ length: n }, (_, k) => ({ arm, k })));
  const participants = [
    'participant_id,site,arm,allocation_no,randomized_on,age,sex,diagnosis,education,worked_last_5y,withdrawn',
    ...people.map((p, i) => `Q${i},${i % 2 ? 'Bergen' : 'Oslo'},${p.arm},${Math.floor(i / 2) + 1},2014-01-01,${20 + ((i * 7) % 40)},${i % 3 ? 'F' : 'M'},depression,secondary,1,0`),
  ].join('\n');
  const employment = ['participant_id,month,employed,earnings_nok', ...people.map((_, i) => `Q${i},0,0,0`)].join('\n');
  const cell = (v: number | null) => (v === null ? '' : String(v));
  const questionnaires = [
    'participant_id,wave,qol,depression',
    ...people.flatMap((p, i) =>
      answers(p.arm, p.k, rng).flatMap((a, w) => (a === null ? [] : [`Q${i},${[0, 6, 12][w]},${cell(a.qol)},${cell(a.depression)}`])),
    ),
  ].join('\n');
  const plan = planWith({ covariates: ['age'], imputations: 5, ...planChanges });
  const { dataset, plan: p } = ingestOk({ participants, employment, questionnaires, plan });
  return analyseQualityOfLife(dataset, p);
}

/** Plausible answers: a stable level, an IPS gain at follow-up, noise; some waves missing. */
const typical = (arm: 'IPS' | 'TVR', k: number, rng: ReturnType<typeof createRng>): Answers => {
  const level = 5 + rng.normal();
  const at = (gain: number): Answer => ({
    qol: Math.round(10 * Math.min(10, Math.max(0, level + gain + 0.7 * rng.normal()))) / 10,
    depression: Math.round(Math.min(27, Math.max(0, 14 - 1.5 * level - 2 * gain + 2 * rng.normal()))),
  });
  const gain = arm === 'IPS' ? 0.6 : 0;
  return [at(0), k % 5 === 0 ? null : at(gain / 2), k % 4 === 0 ? null : at(gain)];
};

const row = (r: QualityOfLifeResult, measure: string, month: number) => r.quality_of_life.find((x) => x.measure === measure && x.month === month)!;

describe('questionnaire analyses: edge cases', () => {
  it('a wave with no answers in one arm: no difference there, with a note, and the other wave still analysed', async () => {
    const r = await trial(30, (arm, k, rng) => {
      const a = typical(arm, k, rng);
      return arm === 'TVR' ? [a[0], a[1], null] : a;
    });
    const w12 = row(r, 'qol', 12);
    expect(w12.arms.TVR).toMatchObject({ n: 0, missing: 30, share_missing: 1, mean: null, sd: null, ci: null });
    expect(w12.difference).toMatchObject({ estimate: null, ci: null, p: null, p_adjusted: null, note: 'no_answers_in_arm', reading: null });
    expect(w12.mixed_model).toMatchObject({ estimate: null, note: 'no_answers_in_arm' });
    expect(w12.multiple_imputation).toMatchObject({ estimate: null, note: 'no_answers_in_arm' });
    expect(w12.hedges_g!.estimate).toBeNull();
    const w6 = row(r, 'qol', 6);
    expect(w6.difference!.estimate).toBeTypeOf('number');
    expect(w6.mixed_model!.estimate).toBeTypeOf('number');
    expect(w6.multiple_imputation!.estimate).toBeTypeOf('number');
    // Only tests that exist enter the correction: two measures at wave 6.
    const adjusted = r.quality_of_life.filter((x) => x.difference?.p_adjusted !== null && x.difference !== null);
    expect(adjusted.map((x) => `${x.measure}@${x.month}`)).toEqual(['qol@6', 'depression@6']);
  });

  it('a measure with no variance gives no interval, no p and no g, and breaks nothing else', async () => {
    const r = await trial(30, (arm, k, rng) => typical(arm, k, rng).map((a) => (a === null ? null : { ...a, depression: 9 })) as Answers);
    for (const month of [6, 12]) {
      const d = row(r, 'depression', month);
      expect(d.difference).toMatchObject({ ci: null, p: null, p_adjusted: null, note: 'no_variance', reading: null });
      expect(d.arms.IPS!.sd).toBe(0);
      expect(d.arms.IPS!.ci).toBeNull();
      expect(d.hedges_g).toMatchObject({ estimate: null, ci: null });
      expect(d.mixed_model).toMatchObject({ estimate: null, note: 'no_variance' });
      expect(d.multiple_imputation!.ci).toBeNull();
      expect(row(r, 'qol', month).difference!.p).toBeTypeOf('number');
    }
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('participants with only a baseline count as missing at follow-up and is imputed, not analysed by ANCOVA', async () => {
    const only = (arm: 'IPS' | 'TVR', k: number, rng: ReturnType<typeof createRng>): Answers => {
      const a = typical(arm, k, rng);
      return k < 3 ? [a[0], null, null] : [a[0], a[1] ?? a[0], a[2] ?? a[0]];
    };
    const r = await trial(25, only);
    const w12 = row(r, 'qol', 12);
    expect(w12.arms.IPS).toMatchObject({ n: 22, missing: 3, counts_suppressed: false });
    expect(w12.difference!.n).toBe(44);
    expect(w12.multiple_imputation!.n).toBe(50);
    expect(w12.mixed_model!.n_participants).toBe(44);
  });

  it('with nothing missing, the imputed analysis is the ANCOVA itself', async () => {
    const r = await trial(20, (arm, k, rng) => typical(arm, 1, rng));
    const d = row(r, 'qol', 12);
    expect(d.multiple_imputation!.estimate).toBeCloseTo(d.difference!.estimate!, 12);
    expect(d.multiple_imputation!.se).toBeCloseTo(d.difference!.se!, 12);
    expect(d.multiple_imputation!.riv).toBe(0);
  });

  it('is reproducible from the seed, and only the imputations depend on it', async () => {
    const a = await trial(30, typical);
    expect(JSON.stringify(await trial(30, typical))).toBe(JSON.stringify(a));
    const b = await trial(30, typical, { seed: 2 });
    expect(row(b, 'qol', 12).difference).toEqual(row(a, 'qol', 12).difference);
    expect(row(b, 'qol', 12).mixed_model).toEqual(row(a, 'qol', 12).mixed_model);
    expect(row(b, 'qol', 12).multiple_imputation!.estimate).not.toBe(row(a, 'qol', 12).multiple_imputation!.estimate);
  });

  it('Benjamini–Hochberg when the plan asks for it', async () => {
    const holm = await trial(30, typical);
    const bh = await trial(30, typical, { multiplicity: 'benjamini-hochberg' });
    const ps = holm.quality_of_life.filter((x) => !x.baseline).map((x) => x.difference!.p!);
    const sorted = [...ps].sort((x, y) => x - y);
    // The largest p is its own BH-adjusted value; Holm never adjusts below BH.
    const largest = bh.quality_of_life.find((x) => x.difference?.p === sorted[sorted.length - 1])!;
    expect(largest.difference!.p_adjusted).toBe(sorted[sorted.length - 1]);
    bh.quality_of_life.filter((x) => !x.baseline).forEach((x, k) => {
      const h = holm.quality_of_life.filter((y) => !y.baseline)[k]!;
      expect(h.difference!.p_adjusted!).toBeGreaterThanOrEqual(x.difference!.p_adjusted!);
    });
    expect(bh.quality_of_life_methods.multiplicity).toBe('benjamini-hochberg');
  });
});

describe('questionnaire analyses: what could mislead or reveal', () => {
  it('the mixed model does not report a wave where one arm has no complete row', async () => {
    // IPS answers at 6 months come only from participants without a baseline answer, so after
    // complete cases the model holds no IPS row at 6 months.
    const r = await trial(30, (arm, k, rng) => {
      const a = typical(arm, k, rng);
      if (arm === 'TVR') return a;
      return k % 2 === 0 ? [null, a[1] ?? a[0], null] : [a[0], null, a[2] ?? a[0]];
    });
    expect(row(r, 'qol', 6).mixed_model).toMatchObject({ estimate: null, note: 'not_estimable' });
    expect(row(r, 'qol', 12).mixed_model!.estimate).toBeTypeOf('number');
  });

  it('hides answer counts and withholds g under the small-cell rule', async () => {
    // Threshold 5: TVR has 3 baseline answers out of 30, so its counts, its baseline mean and g go.
    const r = await trial(30, (arm, k, rng) => {
      const a = typical(arm, k, rng);
      return arm === 'TVR' && k >= 3 ? [null, a[1], a[2]] : a;
    }, { small_cell_threshold: 5 });
    const base = row(r, 'qol', 0).arms.TVR!;
    expect(base).toMatchObject({ n: null, missing: null, share_missing: null, counts_suppressed: true, mean: null, suppressed: true });
    expect(row(r, 'qol', 12).hedges_g).toMatchObject({ estimate: null, ci: null, pooled_baseline_sd: null });
    expect(row(r, 'qol', 0).arms.IPS!.counts_suppressed).toBe(false);
  });
});
