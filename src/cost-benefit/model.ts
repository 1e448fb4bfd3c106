/**
 * The break-even model's formulas, pure and per participant. ΔM is the discounted number of
 * extra months in work, ΔC the extra program cost (NOK), w a gross monthly wage (NOK).
 *
 *   discount(m) = (1 + r)^(−m/12)                         month m after randomization
 *   ΔM          = Σ_{m=1..W} δ_m · discount(m)             δ_m: share employed, intervention − control
 *   society:      one month in work is worth w · (1 + e) · π      (labour cost × productivity share)
 *                 break-even w* = ΔC / (ΔM · (1 + e) · π)
 *   public budget: one month brings w · (t + e) + b               (income tax, employer's contribution, benefits saved)
 *                 break-even w* = (ΔC / ΔM − b) / (t + e)
 *   NPV(w)      = ΔM · value of a month at w − ΔC
 *
 * Costs fall at randomization (undiscounted). Benefit payments are transfers: they count for
 * the public budget, not for society (Drummond et al., Methods for the Economic Evaluation of
 * Health Care Programmes, 4th ed., 2015, ch. 4; Boardman et al., Cost–Benefit Analysis, 5th ed.).
 */
import type { CostParameters, PersistenceScenario } from '../io/plan-costs.ts';
import type { NoBreakEvenReason } from './cost-benefit-results.ts';

/** The discount factor of month m (months after randomization) at annual rate r. */
export function discountFactor(month: number, annualRate: number): number {
  return (1 + annualRate) ** (-month / 12);
}

/** Σ δ_m · discount(m) over months 1 … differences.length (δ at index m − 1; null counts as 0). */
export function discountedMonths(differences: readonly (number | null)[], annualRate: number): number {
  let sum = 0;
  differences.forEach((d, k) => {
    if (d !== null) sum += d * discountFactor(k + 1, annualRate);
  });
  return sum;
}

/** Mean of the last `count` months' differences (months without data left out; 0 when none has data). */
export function lastEffect(differences: readonly (number | null)[], count: number): number {
  const known = differences.slice(-count).filter((d): d is number => d !== null);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 0;
}

/**
 * Discounted extra months after the window under a scenario, per participant: the effect
 * `lastEffect` (a share) continues for `years` after month `window`, constant or shrinking
 * by `annual_decay` a year (monthly, (1 − a)^(k/12) in the k-th month after the window).
 */
export function continuationMonths(scenario: PersistenceScenario, lastEffect: number, window: number, annualRate: number): number {
  if (scenario.kind === 'window') return 0;
  let sum = 0;
  for (let k = 1; k <= 12 * scenario.years; k++) {
    const size = scenario.kind === 'decay' ? (1 - scenario.annual_decay) ** (k / 12) : 1;
    sum += lastEffect * size * discountFactor(window + k, annualRate);
  }
  return sum;
}

/** The value to society of one month in work at gross wage w: w · (1 + e) · π. */
export function societyValuePerMonth(wage: number, p: Pick<CostParameters, 'employer_contribution_rate' | 'productivity_share'>): number {
  return wage * (1 + p.employer_contribution_rate) * p.productivity_share;
}

/** What one month in work at gross wage w brings the public budget: w · (t + e) + b. */
export function publicValuePerMonth(wage: number, p: Pick<CostParameters, 'employer_contribution_rate' | 'income_tax_rate' | 'benefits_saved_per_month'>): number {
  return wage * (p.income_tax_rate + p.employer_contribution_rate) + p.benefits_saved_per_month;
}

/** A break-even monthly wage, or why there is none. */
export type BreakEven = { wage: number; reason: null } | { wage: null; reason: NoBreakEvenReason };

/** Society's break-even wage ΔC / (ΔM · (1 + e) · π). */
export function societyBreakEven(extraMonths: number, costDifference: number, p: Pick<CostParameters, 'employer_contribution_rate' | 'productivity_share'>): BreakEven {
  if (!(extraMonths > 0)) return { wage: null, reason: 'no_employment_effect' };
  if (!(costDifference > 0)) return { wage: null, reason: 'no_extra_cost' };
  return { wage: costDifference / (extraMonths * (1 + p.employer_contribution_rate) * p.productivity_share), reason: null };
}

/** The public budget's break-even wage (ΔC / ΔM − b) / (t + e). */
export function publicBreakEven(
  extraMonths: number, costDifference: number, p: Pick<CostParameters, 'employer_contribution_rate' | 'income_tax_rate' | 'benefits_saved_per_month'>,
): BreakEven {
  if (!(extraMonths > 0)) return { wage: null, reason: 'no_employment_effect' };
  if (!(costDifference > 0)) return { wage: null, reason: 'no_extra_cost' };
  const needed = costDifference / extraMonths - p.benefits_saved_per_month;
  if (needed <= 0) return { wage: null, reason: 'covered_without_wage' };
  const rate = p.income_tax_rate + p.employer_contribution_rate;
  if (!(rate > 0)) return { wage: null, reason: 'wage_brings_no_revenue' };
  return { wage: needed / rate, reason: null };
}
