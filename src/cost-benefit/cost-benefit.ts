/**
 * The cost–benefit stage's findings: extra months in work from the registry, the break-even
 * wage for society and for the public budget, persistence scenarios, a bootstrap of it all
 * (stratified by arm, seeded) and one-way sensitivity. Aggregates only.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import type { CostParameters } from '../io/plan-costs.ts';
import { interventionArm } from '../outcomes/employment-over-time.ts';
import { ANALYSIS_STREAM } from '../outcomes/streams.ts';
import { runChunks } from '../parallel/pool.ts';
import { silentProgress, type Progress } from '../progress.ts';
import { chunkRange } from '../random/chunk-streams.ts';
import { subSeed } from '../random/rng.ts';
import { percentileInterval } from '../stats/bootstrap.ts';
import { BOOTSTRAP_CHUNK, bootstrapChunkCount, bootstrapTask, type BootstrapInput } from './bootstrap-chunks.ts';
import type { BootstrapEstimate, BreakEvenWage, CostBenefit, CostBenefitResult, ScenarioResult, SensitivityBar } from './cost-benefit-results.ts';
import { continuationMonths, discountedMonths, lastEffect, publicBreakEven, publicValuePerMonth, societyBreakEven, societyValuePerMonth, type BreakEven } from './model.ts';
import { armPatterns, monthlyDifferences, monthlyEmployment, patternFrequencies, sharesFromCounts } from './monthly-employment.ts';

/** Points of the acceptability curve: wages 0 … the grid's top in equal steps. */
const WAGE_GRID_POINTS = 61;

/** Everything the model needs from one data set (the trial, or a bootstrap resample). */
interface Effect {
  /** Discounted extra months over the window. */
  window: number;
  /** Mean difference over the last months of the window. */
  last: number;
}

/** How the analysis may run: never changes a result. */
export interface CostBenefitOptions {
  /** Threads for the bootstrap (1, the default: all on the calling thread). */
  threads?: number;
  /** Progress of the bootstrap, in resamples (label 'cost-benefit bootstrap'). */
  progress?: Progress;
}

/**
 * The cost–benefit analysis of the plan's cost section (null when the plan has none). The
 * bootstrap runs in chunks (bootstrap-chunks.ts) on `options.threads` threads, with the same
 * result for any number of threads.
 */
export async function analyseCostBenefit(
  dataset: Dataset, plan: AnalysisPlan, log: (line: string) => void = () => undefined, options: CostBenefitOptions = {},
): Promise<CostBenefitResult> {
  const p = plan.costs;
  if (p === null) return { cost_benefit: null };
  const W = p.window_months;
  const grid = monthlyEmployment(dataset, plan, W);
  const arms = { intervention: armPatterns(grid.intervention, W), control: armPatterns(grid.control, W) };
  const costDifference = p.cost_per_participant[interventionArm(plan)]! - p.cost_per_participant[plan.control_arm]!;
  const differences = monthlyDifferences(
    sharesFromCounts(arms.intervention, W, patternFrequencies(arms.intervention)),
    sharesFromCounts(arms.control, W, patternFrequencies(arms.control)),
  );
  const observed: Effect = { window: discountedMonths(differences, p.discount_rate), last: lastEffect(differences, p.last_effect_months) };

  log(`  bootstrap of the employment effect (${plan.bootstrap_resamples} resamples) ...`);
  const input: BootstrapInput = {
    seed: subSeed(plan.seed, ANALYSIS_STREAM.costBenefit),
    resamples: plan.bootstrap_resamples,
    window: W,
    discountRate: p.discount_rate,
    lastMonths: p.last_effect_months,
    ...arms,
  };
  const chunks = await runChunks(bootstrapTask, input, bootstrapChunkCount(input), {
    threads: options.threads ?? 1,
    label: 'cost-benefit bootstrap',
    progress: options.progress ?? silentProgress,
    units: (c) => chunkRange(input.resamples, BOOTSTRAP_CHUNK, c).to - chunkRange(input.resamples, BOOTSTRAP_CHUNK, c).from,
  });
  const replicates: Effect[] = chunks.flatMap((values) => Array.from({ length: values.length / 2 }, (_, r) => ({ window: values[2 * r]!, last: values[2 * r + 1]! })));

  // The months after the window are linear in the lasting effect: their discounted sum per unit of effect, once per scenario.
  const perUnit = new Map(p.persistence.map((s) => [s, continuationMonths(s, 1, W, p.discount_rate)]));
  const months = (e: Effect, s: CostParameters['persistence'][number]) => e.window + e.last * perUnit.get(s)!;
  const scenarios: ScenarioResult[] = p.persistence.map((scenario) => {
    const point = months(observed, scenario);
    const boot = replicates.map((e) => months(e, scenario));
    const perspective = (breakEven: (m: number) => BreakEven, value: (w: number) => number) => ({
      break_even_wage: breakEvenWage(breakEven(point), boot.map((m) => breakEven(m)), plan.confidence_level),
      npv_at_reference_wage: estimate(point * value(p.reference_wage.monthly_nok) - costDifference, boot.map((m) => m * value(p.reference_wage.monthly_nok) - costDifference), plan.confidence_level),
    });
    return {
      scenario,
      extra_months: estimate(point, boot, plan.confidence_level),
      society: perspective((m) => societyBreakEven(m, costDifference, p), (w) => societyValuePerMonth(w, p)),
      public_budget: perspective((m) => publicBreakEven(m, costDifference, p), (w) => publicValuePerMonth(w, p)),
    };
  });

  const windowScenario = scenarios[0]!;
  const cb: CostBenefit = {
    inputs: p,
    cost_difference: costDifference,
    employment_effect: {
      monthly_difference: differences.map((difference, k) => ({ month: k + 1, difference })),
      extra_months: windowScenario.extra_months,
      extra_months_undiscounted: discountedMonths(differences, 0),
      months_without_data: differences.filter((d) => d === null).length,
      last_effect: estimate(observed.last, replicates.map((e) => e.last), plan.confidence_level),
    },
    break_even_wage: windowScenario.society.break_even_wage,
    scenarios,
    acceptability: acceptability(p, costDifference, windowScenario, replicates.map((e) => p.persistence.map((s) => months(e, s)))),
    sensitivity: sensitivity(p, costDifference, observed, differences, windowScenario.extra_months),
    resamples: plan.bootstrap_resamples,
  };
  return { cost_benefit: cb };
}

/** A point estimate with the percentile interval of its replicates. */
function estimate(point: number, replicates: readonly number[], level: number): BootstrapEstimate {
  return { estimate: point, ci: replicates.length > 1 ? percentileInterval(replicates, level) : null };
}

/**
 * The break-even wage and its bootstrap spread. A resample where no wage pays (no effect)
 * counts as an infinitely high wage, so an interval end that falls among those is null; one
 * where any wage pays (no extra cost, or saved benefits cover it) counts as a wage of 0.
 */
function breakEvenWage(point: BreakEven, replicates: readonly BreakEven[], level: number): BreakEvenWage {
  if (point.wage === null) return { monthly_nok: null, annual_nok: null, ci: null, median_nok: null, reason: point.reason };
  const sorted = replicates.map(replicateWage).sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  const low = finiteQuantile(sorted, alpha);
  const high = finiteQuantile(sorted, 1 - alpha);
  return {
    monthly_nok: point.wage,
    annual_nok: 12 * point.wage,
    ci: low === null || sorted.length < 2 ? null : [low, high],
    median_nok: finiteQuantile(sorted, 0.5),
    reason: null,
  };
}

/** A resample's break-even wage on one scale: 0 when any wage pays, +Infinity when none does. */
function replicateWage(r: BreakEven): number {
  if (r.wage !== null) return r.wage;
  return r.reason === 'no_extra_cost' || r.reason === 'covered_without_wage' ? 0 : Infinity;
}

/** Type-7 quantile (as R's default) of sorted values that may end in +Infinity; null when it needs one. */
function finiteQuantile(sorted: readonly number[], prob: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * prob;
  const lo = sorted[Math.floor(h)]!;
  const hi = sorted[Math.ceil(h)]!;
  if (!Number.isFinite(lo)) return null;
  if (!Number.isFinite(hi)) return h === Math.floor(h) ? lo : null;
  return lo + (h - Math.floor(h)) * (hi - lo);
}

/**
 * The share of resamples with a positive net value at each wage, per scenario and
 * perspective. The wage grid runs from 0 to the larger of three reference wages and twice the
 * society break-even over the window (at most 20 reference wages), so the curve's rise shows.
 */
function acceptability(p: CostParameters, costDifference: number, windowScenario: ScenarioResult, months: readonly number[][]) {
  const ref = p.reference_wage.monthly_nok;
  const breakEven = windowScenario.society.break_even_wage.monthly_nok;
  const top = Math.min(20 * ref, Math.max(3 * ref, breakEven === null ? 0 : 2 * breakEven));
  const monthly_wage = Array.from({ length: WAGE_GRID_POINTS }, (_, k) => (top * k) / (WAGE_GRID_POINTS - 1));
  // Per scenario the resamples' months sorted: m · value − ΔC > 0 is monotone in m, so the share is one binary search per wage.
  const sorted = p.persistence.map((_, j) => Float64Array.from(months, (m) => m[j]!).sort());
  const curve = (value: (w: number) => number) => Object.fromEntries(p.persistence.map((s, j) => [
    s.id,
    monthly_wage.map((w) => countPaying(sorted[j]!, value(w), costDifference) / Math.max(1, months.length)),
  ]));
  return { monthly_wage, society: curve((w) => societyValuePerMonth(w, p)), public_budget: curve((w) => publicValuePerMonth(w, p)) };
}

/** How many of the sorted months m have m · value − cost > 0 (the same test as on each, by bisection). */
function countPaying(sorted: Float64Array, value: number, cost: number): number {
  const pays = (m: number) => m * value - cost > 0;
  // Monotone in m: rising for value ≥ 0 (those paying are at the top), falling for value < 0.
  const rising = value >= 0;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pays(sorted[mid]!) === rising) hi = mid;
    else lo = mid + 1;
  }
  return rising ? sorted.length - lo : lo;
}

/** One-way sensitivity of society's break-even wage over the window, one parameter at a time. */
function sensitivity(p: CostParameters, costDifference: number, observed: Effect, differences: readonly (number | null)[], extraMonths: BootstrapEstimate): SensitivityBar[] {
  const at = (months: number, cost: number, q: CostParameters) => societyBreakEven(months, cost, q).wage;
  const bar = (parameter: SensitivityBar['parameter'], [low, high]: [number, number], wage: (v: number) => number | null): SensitivityBar =>
    ({ parameter, low, high, break_even_at_low: wage(low), break_even_at_high: wage(high) });
  const bars: SensitivityBar[] = [];
  if (extraMonths.ci) bars.push(bar('employment_effect', extraMonths.ci, (m) => at(m, costDifference, p)));
  bars.push(bar('cost_difference', p.sensitivity.cost_difference, (c) => at(observed.window, c, p)));
  bars.push(bar('discount_rate', p.sensitivity.discount_rate, (r) => at(discountedMonths(differences, r), costDifference, p)));
  bars.push(bar('employer_contribution_rate', p.sensitivity.employer_contribution_rate, (e) => at(observed.window, costDifference, { ...p, employer_contribution_rate: e })));
  bars.push(bar('productivity_share', p.sensitivity.productivity_share, (s) => at(observed.window, costDifference, { ...p, productivity_share: s })));
  return bars;
}
