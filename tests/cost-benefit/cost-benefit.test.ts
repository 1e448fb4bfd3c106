/**
 * The cost–benefit model on a trial small enough to compute by hand: four participants per
 * arm over three months, every month observed.
 *
 *   IPS employed in months 1, 2, 3:  2/4, 3/4, 3/4      TVR: 1/4, 1/4, 2/4
 *   δ = 0.25, 0.50, 0.25;  undiscounted ΔM = 1.0 extra month per participant
 *   ΔC = 100 000 − 40 000 = 60 000 NOK;  e = 0.10, π = 1, t = 0.25, b = 5 000 NOK
 */
import { describe, expect, it } from 'vitest';
import { analyseCostBenefit } from '../../src/cost-benefit/cost-benefit.ts';
import type { CostBenefit } from '../../src/cost-benefit/cost-benefit-results.ts';
import { BOOTSTRAP_CHUNK, bootstrapChunk, bootstrapChunkCount, type BootstrapInput } from '../../src/cost-benefit/bootstrap-chunks.ts';
import { continuationMonths, discountedMonths } from '../../src/cost-benefit/model.ts';
import { armPatterns, monthlyEmployment, monthlyShares, patternFrequencies, sharesFromCounts } from '../../src/cost-benefit/monthly-employment.ts';
import { createRng } from '../../src/random/rng.ts';
import { ingestOk, planWith } from '../helpers/delivery.ts';

const IPS = [[1, 1, 1], [1, 1, 1], [0, 1, 1], [0, 0, 0]];
const TVR = [[1, 1, 1], [0, 0, 1], [0, 0, 0], [0, 0, 0]];

/** The small trial analysed with cost parameters `costs` (merged over the defaults below). */
async function analyse(costs: Record<string, unknown> = {}, ips = IPS, tvr = TVR, plan: Record<string, unknown> = {}): Promise<CostBenefit | null> {
  const people = [...ips.map((m) => ({ arm: 'IPS', m })), ...tvr.map((m) => ({ arm: 'TVR', m }))];
  const participants = [
    'participant_id,site,arm,allocation_no,randomized_on,age,sex,diagnosis,education,worked_last_5y,withdrawn',
    ...people.map((p, i) => `C${i},Oslo,${p.arm},${i + 1},2014-01-01,30,F,depression,secondary,1,0`),
  ].join('\n');
  const employment = ['participant_id,month,employed,earnings_nok', ...people.flatMap((p, i) => p.m.map((e, k) => `C${i},${k + 1},${e},`))].join('\n');
  const planText = planWith({
    bootstrap_resamples: 300,
    costs: {
      price_year: 2016,
      cost_per_participant: { IPS: 100000, TVR: 40000 },
      window_months: 3,
      discount_rate: 0,
      employer_contribution_rate: 0.1,
      productivity_share: 1,
      income_tax_rate: 0.25,
      benefits_saved_per_month: 5000,
      reference_wage: { monthly_nok: 30000, source: 'test' },
      last_effect_months: 2,
      persistence: [{ kind: 'constant', years: 1 }, { kind: 'decay', years: 1, annual_decay: 0.5 }],
      ...costs,
    },
    ...plan,
  });
  const { dataset, plan: p } = ingestOk({ participants, employment, questionnaires: 'participant_id,wave,qol,depression', plan: planText });
  return (await analyseCostBenefit(dataset, p)).cost_benefit;
}

describe('break-even wage, computed by hand', () => {
  it('society and public budget over the window, undiscounted', async () => {
    const cb = (await analyse())!;
    expect(cb.employment_effect.monthly_difference.map((d) => d.difference)).toEqual([0.25, 0.5, 0.25]);
    expect(cb.employment_effect.extra_months.estimate).toBeCloseTo(1, 14);
    expect(cb.cost_difference).toBe(60000);
    // society: 60 000 / (1.0 · 1.10 · 1) = 54 545.45…
    expect(cb.break_even_wage.monthly_nok).toBeCloseTo(60000 / 1.1, 8);
    expect(cb.break_even_wage.annual_nok).toBeCloseTo((12 * 60000) / 1.1, 7);
    // public budget: (60 000 / 1.0 − 5 000) / (0.25 + 0.10) = 157 142.857…
    expect(cb.scenarios[0]!.public_budget.break_even_wage.monthly_nok).toBeCloseTo(55000 / 0.35, 8);
    // NPV at 30 000 NOK: society 1.0 · 30 000 · 1.1 − 60 000 = −27 000; public 1.0 · (30 000 · 0.35 + 5 000) − 60 000 = −44 500
    expect(cb.scenarios[0]!.society.npv_at_reference_wage.estimate).toBeCloseTo(-27000, 8);
    expect(cb.scenarios[0]!.public_budget.npv_at_reference_wage.estimate).toBeCloseTo(-44500, 8);
  });

  it('discounts monthly at (1 + r)^(−m/12)', async () => {
    const cb = (await analyse({ discount_rate: 0.04 }))!;
    // ΔM = 0.25·1.04^(−1/12) + 0.5·1.04^(−2/12) + 0.25·1.04^(−3/12) = 0.99348718598058…
    expect(cb.employment_effect.extra_months.estimate).toBeCloseTo(0.9934871859805815, 14);
    expect(cb.employment_effect.extra_months_undiscounted).toBeCloseTo(1, 14);
    expect(cb.break_even_wage.monthly_nok).toBeCloseTo(54903.0277543214, 7);
    expect(cb.scenarios[0]!.public_budget.break_even_wage.monthly_nok).toBeCloseTo(158266.65865643873, 7);
  });

  it('persistence: the last two months\' mean effect (0.375) continues after the window', async () => {
    const cb = (await analyse())!;
    expect(cb.employment_effect.last_effect.estimate).toBeCloseTo(0.375, 14);
    const [, constant, decay] = cb.scenarios;
    // constant 1 year: 1.0 + 12 · 0.375 = 5.5 months; break-even 60 000 / (5.5 · 1.1)
    expect(constant!.scenario).toEqual({ id: 'constant_1y', kind: 'constant', years: 1 });
    expect(constant!.extra_months.estimate).toBeCloseTo(5.5, 12);
    expect(constant!.society.break_even_wage.monthly_nok).toBeCloseTo(60000 / (5.5 * 1.1), 8);
    // halving each year: 1.0 + Σ_{k=1..12} 0.375 · 0.5^(k/12) = 1.0 + 3.15321632720733
    expect(decay!.scenario.id).toBe('decay_50pct_1y');
    expect(decay!.extra_months.estimate).toBeCloseTo(4.1532163272073315, 12);
  });

  it('discounting at rate 0 equals the undiscounted sum', async () => {
    const d = [0.1, -0.05, null, 0.3];
    expect(discountedMonths(d, 0)).toBe(0.1 - 0.05 + 0.3);
    expect(continuationMonths({ id: 'c', kind: 'constant', years: 2 }, 0.2, 18, 0)).toBeCloseTo(24 * 0.2, 13);
    expect(discountedMonths(d, 0.04)).toBeLessThan(discountedMonths(d, 0));
  });

  it('doubling the cost difference doubles the break-even wage', async () => {
    const base = (await analyse())!;
    const doubled = (await analyse({ cost_per_participant: { IPS: 160000, TVR: 40000 } }))!;
    expect(doubled.cost_difference).toBe(2 * base.cost_difference);
    expect(doubled.break_even_wage.monthly_nok).toBeCloseTo(2 * base.break_even_wage.monthly_nok!, 8);
    doubled.scenarios.forEach((s, k) => expect(s.society.break_even_wage.monthly_nok).toBeCloseTo(2 * base.scenarios[k]!.society.break_even_wage.monthly_nok!, 8));
  });

  it('a zero or negative effect breaks even at no wage, and never prints a negative one', async () => {
    for (const tvr of [IPS, [[1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1]]]) {
      const cb = (await analyse({}, IPS, tvr))!;
      expect(cb.break_even_wage).toEqual({ monthly_nok: null, annual_nok: null, ci: null, median_nok: null, reason: 'no_employment_effect' });
      for (const s of cb.scenarios) for (const p of [s.society, s.public_budget]) expect(p.break_even_wage.monthly_nok).toBeNull();
      for (const b of cb.sensitivity) {
        for (const w of [b.break_even_at_low, b.break_even_at_high]) expect(w === null || w > 0).toBe(true);
      }
      expect(JSON.stringify(cb)).not.toMatch(/NaN|Infinity|null,null\]/);
    }
  });

  it('an intervention that costs no more pays at any wage; saved benefits can cover the cost alone', async () => {
    expect((await analyse({ cost_per_participant: { IPS: 40000, TVR: 40000 } }))!.break_even_wage.reason).toBe('no_extra_cost');
    const covered = (await analyse({ benefits_saved_per_month: 70000 }))!;
    expect(covered.scenarios[0]!.public_budget.break_even_wage.reason).toBe('covered_without_wage');
    expect(covered.break_even_wage.monthly_nok).toBeCloseTo(60000 / 1.1, 8);
  });

  it('the bootstrap is reproducible for a seed, and the seed matters', async () => {
    const a = (await analyse());
    expect(JSON.stringify((await analyse()))).toBe(JSON.stringify(a));
    const b = (await analyse({}, IPS, TVR, { seed: 99 }));
    expect(b!.employment_effect.extra_months.estimate).toBe(a!.employment_effect.extra_months.estimate);
    expect(JSON.stringify(b!.acceptability)).not.toBe(JSON.stringify(a!.acceptability));
  });

  it('sensitivity: each bar moves the break-even wage as the formula says', async () => {
    const cb = (await analyse())!;
    const bar = (p: string) => cb.sensitivity.find((b) => b.parameter === p)!;
    expect(bar('cost_difference')).toMatchObject({ low: 45000, high: 75000 });
    expect(bar('cost_difference').break_even_at_low).toBeCloseTo(45000 / 1.1, 8);
    expect(bar('productivity_share').break_even_at_low).toBeCloseTo(60000 / (1.1 * 0.5), 8);
    expect(bar('employer_contribution_rate').break_even_at_low).toBeCloseTo(60000, 8);
    expect(bar('discount_rate').break_even_at_low).toBeCloseTo(60000 / 1.1, 8);
    const effect = bar('employment_effect');
    expect(effect.low).toBeLessThan(1);
    expect(effect.high).toBeGreaterThan(1);
  });

  it('the acceptability curve rises from 0 at wage 0 to the share of resamples with an effect', async () => {
    const cb = (await analyse())!;
    const curve = cb.acceptability.society.window!;
    expect(cb.acceptability.monthly_wage[0]).toBe(0);
    expect(curve[0]).toBe(0);
    curve.forEach((p, k) => k > 0 && expect(p).toBeGreaterThanOrEqual(curve[k - 1]!));
    expect(Object.keys(cb.acceptability.public_budget)).toEqual(['window', 'constant_1y', 'decay_50pct_1y']);
  });

  it('is skipped when the plan has no costs', async () => {
    expect((await analyse({}, IPS, TVR, { costs: {} }))).toBeNull();
  });
});

describe('the plan\'s cost section', () => {
  it('fills in the documented defaults', async () => {
    const plan = planWith({ costs: { price_year: 2016, cost_per_participant: { IPS: 110000, TVR: 30000 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } } });
    const costs = ingestOk({ plan }).plan.costs!;
    expect(costs).toMatchObject({
      currency: 'NOK', window_months: 12, discount_rate: 0.04, employer_contribution_rate: 0.141, productivity_share: 1,
      income_tax_rate: 0.25, benefits_saved_per_month: 0, last_effect_months: 6,
    });
    expect(costs.persistence.map((s) => s.id)).toEqual(['window', 'constant_1y', 'constant_3y', 'constant_5y', 'decay_30pct_10y']);
    expect(costs.sensitivity).toEqual({ cost_difference: [60000, 100000], discount_rate: [0, 0.06], employer_contribution_rate: [0, 0.141], productivity_share: [0.5, 1] });
  });
});

describe('the break-even wage\'s spread', () => {
  it('counts resamples where saved benefits alone cover the cost as a wage of 0, not as no break-even', async () => {
    // Public budget: (60 000 / ΔM − 59 000) / 0.35; every resample with ΔM above 60/59 needs no wage at all.
    const cb = (await analyse({ benefits_saved_per_month: 59000 }, IPS, TVR, { bootstrap_resamples: 400 }))!;
    const pub = cb.scenarios[0]!.public_budget.break_even_wage;
    expect(pub.monthly_nok).toBeCloseTo(1000 / 0.35, 8);
    expect(pub.ci![0]).toBe(0);
    expect(pub.median_nok).not.toBeNull();
    expect(pub.median_nok!).toBeLessThan(10 * pub.monthly_nok!);
  });

  it('a plan with broken arms or a window before the registry starts is refused, not crashed on', async () => {
    const costs = { price_year: 2016, cost_per_participant: { IPS: 1, TVR: 1 }, reference_wage: { monthly_nok: 1, source: 'x' } };
    expect(() => ingestOk({ plan: planWith({ arms: ['IPS'], costs }) })).toThrow(/contract/i);
    expect(() => ingestOk({ plan: planWith({ registry_months: { first: 7, last: 12 }, timepoints: [12], primary_timepoint: 12, costs }) })).toThrow(/contract/i);
  });
});

describe('the bootstrap in chunks', () => {
  /** A larger trial: 60 + 50 participants over 6 months, statuses from a fixed generator, some months unobserved. */
  function bigTrial(resamples: number) {
    const rng = createRng(11);
    const month = (p: number) => (rng.uniform() < 0.1 ? null : rng.uniform() < p ? 1 : 0);
    const ips = Array.from({ length: 60 }, () => Array.from({ length: 6 }, () => month(0.4)));
    const tvr = Array.from({ length: 50 }, () => Array.from({ length: 6 }, () => month(0.25)));
    const people = [...ips.map((m) => ({ arm: 'IPS', m })), ...tvr.map((m) => ({ arm: 'TVR', m }))];
    const participants = [
      'participant_id,site,arm,allocation_no,randomized_on,age,sex,diagnosis,education,worked_last_5y,withdrawn',
      ...people.map((p, i) => `C${i},Oslo,${p.arm},${i + 1},2014-01-01,30,F,depression,secondary,1,0`),
    ].join('\n');
    const employment = ['participant_id,month,employed,earnings_nok', ...people.flatMap((p, i) => p.m.flatMap((e, k) => (e === null ? [] : [`C${i},${k + 1},${e},`])))].join('\n');
    const plan = planWith({
      bootstrap_resamples: resamples,
      costs: { price_year: 2016, cost_per_participant: { IPS: 100000, TVR: 40000 }, window_months: 6, reference_wage: { monthly_nok: 30000, source: 'test' }, last_effect_months: 3 },
    });
    return ingestOk({ participants, employment, questionnaires: 'participant_id,wave,qol,depression', plan });
  }

  it('gives the same resamples whichever order the chunks run in, and leaves the input as it was', () => {
    const { dataset, plan } = bigTrial(350);
    const W = plan.costs!.window_months;
    const grid = monthlyEmployment(dataset, plan, W);
    const input: BootstrapInput = {
      seed: 123, resamples: 350, window: W, discountRate: 0.04, lastMonths: 3,
      intervention: armPatterns(grid.intervention, W), control: armPatterns(grid.control, W),
    };
    const before = JSON.stringify(input, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
    const n = bootstrapChunkCount(input);
    expect(n).toBe(Math.ceil(350 / BOOTSTRAP_CHUNK));
    const inOrder = Array.from({ length: n }, (_, c) => bootstrapChunk(input, c));
    const reversed = Array.from({ length: n }, (_, c) => n - 1 - c).map((c) => [c, bootstrapChunk(input, c)] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    expect(reversed).toEqual(inOrder);
    expect(inOrder.reduce((s, c) => s + c.length / 2, 0)).toBe(350);
    expect(new Set(Array.from(inOrder[0]!.filter((_, i) => i % 2 === 0))).size).toBeGreaterThan(50);
    expect(JSON.stringify(input, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(before);
  });

  it('counts distinct month rows as the participants themselves: the same shares', () => {
    const { dataset, plan } = bigTrial(10);
    const grid = monthlyEmployment(dataset, plan, 6);
    for (const arm of [grid.intervention, grid.control]) {
      const patterns = armPatterns(arm, 6);
      expect(patterns.patternCount).toBeLessThan(arm.participants);
      expect(sharesFromCounts(patterns, 6, patternFrequencies(patterns))).toEqual(monthlyShares(arm, 6));
      // A resample's rows (repeats allowed) give the same shares either way.
      const rows = Int32Array.from({ length: arm.participants }, (_, j) => (j * 7) % arm.participants);
      const count = new Float64Array(patterns.patternCount);
      for (const r of rows) count[patterns.pattern[r]!]! += 1;
      expect(sharesFromCounts(patterns, 6, count)).toEqual(monthlyShares(arm, 6, rows));
    }
  });

  it('gives the same analysis on 1 and 3 threads', async () => {
    const { dataset, plan } = bigTrial(450);
    const one = await analyseCostBenefit(dataset, plan, () => undefined, { threads: 1 });
    const three = await analyseCostBenefit(dataset, plan, () => undefined, { threads: 3 });
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(one.cost_benefit!.employment_effect.extra_months.ci).not.toBeNull();
  });
});
