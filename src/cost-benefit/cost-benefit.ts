/**
 * The cost–benefit stage's findings: extra months in work from the registry, the break-even
 * wage for society and for the public budget, persistence scenarios, a bootstrap of it all
 * (stratified by arm, seeded) and one-way sensitivity. Aggregates only.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import type { CostParameters } from '../io/plan-costs.ts';
import { interventionArm } from '../outcomes/employment-over-time.ts';
import { ANALYSIS_STREAM, analysisRng } from '../outcomes/streams.ts';
import { percentileInterval } from '../stats/bootstrap.ts';
import type { BootstrapEstimate, BreakEvenWage, CostBenefit, CostBenefitResult, ScenarioResult, SensitivityBar } from './cost-benefit-results.ts';
import { continuationMonths, discountedMonths, publicBreakEven, publicValuePerMonth, societyBreakEven, societyValuePerMonth, type BreakEven } from './model.ts';
import { monthlyDifferences, monthlyEmployment, monthlyShares, type ArmMonths } from './monthly-employment.ts';

/** Points of the acceptability curve: wages 0 … the grid's top in equal steps. */
const WAGE_GRID_POINTS = 61;

/** Everything the model needs from one data set (the trial, or a bootstrap resample). */
interface Effect {
  differences: (number | null)[];
  /** Discounted extra months over the window. */
  window: number;
  /** Mean difference over the last months of the window. */
  last: number;
}

/** The cost–benefit analysis of the plan's cost section (null when the plan has none). */
export function analyseCostBenefit(dataset: Dataset, plan: AnalysisPlan, log: (line: string) => void = () => undefined): CostBenefitResult {
  const p = plan.costs;
  if (p === null) return { cost_benefit: null };
  const W = p.window_months;
  const arms = monthlyEmployment(dataset, plan, W);
  const costDifference = p.cost_per_participant[interventionArm(plan)]! - p.cost_per_participant[plan.control_arm]!;
  const effect = (rows?: { intervention: Int32Array; control: Int32Array }): Effect => {
    const differences = monthlyDifferences(monthlyShares(arms.intervention, W, rows?.intervention), monthlyShares(arms.control, W, rows?.control));
    return { differences, window: discountedMonths(differences, p.discount_rate), last: lastEffect(differences, p.last_effect_months) };
  };
  const observed = effect();

  log(`  bootstrap of the employment effect (${plan.bootstrap_resamples} resamples) ...`);
  const rng = analysisRng(plan.seed, ANALYSIS_STREAM.costBenefit);
  const draw = (arm: ArmMonths) => Int32Array.from({ length: arm.participants }, () => rng.int(0, arm.participants - 1));
  const replicates: Effect[] = [];
  for (let b = 0; b < plan.bootstrap_resamples; b++) {
    replicates.push(effect({ intervention: draw(arms.intervention), control: draw(arms.control) }));
  }

  const months = (e: Effect, s: CostParameters['persistence'][number]) => e.window + continuationMonths(s, e.last, W, p.discount_rate);
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
      monthly_difference: observed.differences.map((difference, k) => ({ month: k + 1, difference })),
      extra_months: windowScenario.extra_months,
      extra_months_undiscounted: discountedMonths(observed.differences, 0),
      months_without_data: observed.differences.filter((d) => d === null).length,
      last_effect: estimate(observed.last, replicates.map((e) => e.last), plan.confidence_level),
    },
    break_even_wage: windowScenario.society.break_even_wage,
    scenarios,
    acceptability: acceptability(p, costDifference, windowScenario, replicates.map((e) => p.persistence.map((s) => months(e, s)))),
    sensitivity: sensitivity(p, costDifference, observed, windowScenario.extra_months),
    resamples: plan.bootstrap_resamples,
  };
  return { cost_benefit: cb };
}

/** Mean of the last `count` months' differences (months without data left out; 0 when none has data). */
function lastEffect(differences: readonly (number | null)[], count: number): number {
  const known = differences.slice(-count).filter((d): d is number => d !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 0;
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
  const curve = (value: (w: number) => number) => Object.fromEntries(p.persistence.map((s, j) => [
    s.id,
    monthly_wage.map((w) => months.filter((m) => m[j]! * value(w) - costDifference > 0).length / Math.max(1, months.length)),
  ]));
  return { monthly_wage, society: curve((w) => societyValuePerMonth(w, p)), public_budget: curve((w) => publicValuePerMonth(w, p)) };
}

/** One-way sensitivity of society's break-even wage over the window, one parameter at a time. */
function sensitivity(p: CostParameters, costDifference: number, observed: Effect, extraMonths: BootstrapEstimate): SensitivityBar[] {
  const at = (months: number, cost: number, q: CostParameters) => societyBreakEven(months, cost, q).wage;
  const bar = (parameter: SensitivityBar['parameter'], [low, high]: [number, number], wage: (v: number) => number | null): SensitivityBar =>
    ({ parameter, low, high, break_even_at_low: wage(low), break_even_at_high: wage(high) });
  const bars: SensitivityBar[] = [];
  if (extraMonths.ci) bars.push(bar('employment_effect', extraMonths.ci, (m) => at(m, costDifference, p)));
  bars.push(bar('cost_difference', p.sensitivity.cost_difference, (c) => at(observed.window, c, p)));
  bars.push(bar('discount_rate', p.sensitivity.discount_rate, (r) => at(discountedMonths(observed.differences, r), costDifference, p)));
  bars.push(bar('employer_contribution_rate', p.sensitivity.employer_contribution_rate, (e) => at(observed.window, costDifference, { ...p, employer_contribution_rate: e })));
  bars.push(bar('productivity_share', p.sensitivity.productivity_share, (s) => at(observed.window, costDifference, { ...p, productivity_share: s })));
  return bars;
}
