/**
 * The cost–benefit results as results.json carries them, under `cost_benefit`: the
 * employment effect in extra months of work, the break-even wage from two perspectives
 * (society; public budget), persistence scenarios, the bootstrap's uncertainty and one-way
 * sensitivity. Money is NOK in the plan's price year; wages are gross, per month. No NaN or
 * Infinity anywhere: a wage that does not exist is null, with a reason.
 */

import type { CostParameters, PersistenceScenario, SensitivityParameter } from '../io/plan-costs.ts';

export type { CostParameters, PersistenceScenario, SensitivityParameter };

/** Why a break-even wage is null. */
export type NoBreakEvenReason =
  /** The intervention gave no extra months of work (or fewer): no wage pays for it. */
  | 'no_employment_effect'
  /** The intervention costs no more than the control: it pays at any wage (when it adds work). */
  | 'no_extra_cost'
  /** Public budget: saved benefits alone cover the extra cost, whatever the wage. */
  | 'covered_without_wage'
  /** Public budget: neither income tax nor employer's contribution is set, so a wage brings in nothing. */
  | 'wage_brings_no_revenue';

/** A gross monthly wage at which benefits equal the extra cost, with its bootstrap spread. */
export interface BreakEvenWage {
  /** Null when no wage breaks even (see reason). */
  monthly_nok: number | null;
  /** 12 × monthly_nok. */
  annual_nok: number | null;
  /**
   * Percentile bootstrap interval of the monthly wage, [low, high]; high is null when more
   * than (1 − level)/2 of the resamples showed no effect (no wage breaks even there).
   * Null when monthly_nok is null.
   */
  ci: [number, number | null] | null;
  /** Median of the bootstrap distribution, resamples where any wage pays counting as 0 (null when over half have no break-even). */
  median_nok: number | null;
  reason: NoBreakEvenReason | null;
}

/** An estimate with a percentile bootstrap interval. */
export interface BootstrapEstimate {
  estimate: number;
  ci: [number, number] | null;
}

/** The employment effect over the window, per participant. */
export interface EmploymentEffect {
  /** Difference in the share employed, intervention − control, in each month 1 … window (null: an arm has no data that month). */
  monthly_difference: { month: number; difference: number | null }[];
  /** Σ over months of the difference, discounted: extra months in work per participant. */
  extra_months: BootstrapEstimate;
  /** The same, undiscounted. */
  extra_months_undiscounted: number;
  /** Months of the window where an arm has no registry data: they count as no difference. */
  months_without_data: number;
  /** Mean monthly difference over the last `last_effect_months` of the window: the size that persists in the scenarios. */
  last_effect: BootstrapEstimate;
}

/** One perspective in one scenario. */
export interface PerspectiveResult {
  break_even_wage: BreakEvenWage;
  /** Net present value per participant at the reference wage, NOK (benefits − extra cost). */
  npv_at_reference_wage: BootstrapEstimate;
}

/** One persistence scenario, both perspectives. */
export interface ScenarioResult {
  scenario: PersistenceScenario;
  /** Discounted extra months in work per participant, window plus the scenario's continuation. */
  extra_months: BootstrapEstimate;
  society: PerspectiveResult;
  public_budget: PerspectiveResult;
}

/** The probability that the intervention is a net gain, by wage (a cost-effectiveness acceptability curve). */
export interface AcceptabilityCurve {
  /** Gross monthly wages, NOK, increasing from 0. */
  monthly_wage: number[];
  /** Per scenario id: the share of bootstrap resamples with a positive net value at each wage. */
  society: Record<string, number[]>;
  public_budget: Record<string, number[]>;
}

/** One bar of the tornado chart: the society break-even wage over the window at a parameter's low and high value. */
export interface SensitivityBar {
  parameter: SensitivityParameter;
  low: number;
  high: number;
  /** Break-even monthly wage with the parameter at low / high (null: none breaks even). */
  break_even_at_low: number | null;
  break_even_at_high: number | null;
}

export interface CostBenefit {
  inputs: CostParameters;
  /** Cost per participant, intervention − control, NOK. */
  cost_difference: number;
  employment_effect: EmploymentEffect;
  /** Society perspective over the observation window (the trial's question). */
  break_even_wage: BreakEvenWage;
  scenarios: ScenarioResult[];
  acceptability: AcceptabilityCurve;
  sensitivity: SensitivityBar[];
  /** Bootstrap resamples (the plan's bootstrap_resamples), stratified by arm. */
  resamples: number;
}

export interface CostBenefitResult {
  /** Null when the plan has no cost section. */
  cost_benefit: CostBenefit | null;
}
