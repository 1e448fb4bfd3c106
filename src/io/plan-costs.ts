/**
 * The plan's `costs` section: the cost–benefit model's parameters, validated, with their
 * defaults filled in. An absent or empty section means no cost–benefit analysis.
 */
import { message } from './messages.ts';
import { isFiniteNumber, isInt, isObject, type Add, type UnknownKeys } from './plan-checks.ts';

/** How long the employment effect lasts after the observation window. */
export type PersistenceScenario =
  /** The effect ends with the window (what the trial observed). */
  | { id: string; kind: 'window' }
  /** The effect continues for `years` at its size at the end of the window. */
  | { id: string; kind: 'constant'; years: number }
  /** The effect continues for `years`, shrinking by `annual_decay` (a fraction) per year. */
  | { id: string; kind: 'decay'; years: number; annual_decay: number };

/** Parameters the one-way sensitivity analysis varies. */
export type SensitivityParameter = 'employment_effect' | 'cost_difference' | 'discount_rate' | 'employer_contribution_rate' | 'productivity_share';

/** The plan's cost section after defaults: every input of the model, echoed in results.json. */
export interface CostParameters {
  currency: 'NOK';
  /** Price year of every amount. */
  price_year: number;
  /** Program cost per participant in each arm, NOK. */
  cost_per_participant: Record<string, number>;
  /** Months after randomization counted (1 … window_months). */
  window_months: number;
  /** Annual discount rate (0.04 = 4 %), applied monthly as (1 + r)^(−m/12). */
  discount_rate: number;
  /** Employer's social-security contribution as a fraction of the gross wage. */
  employer_contribution_rate: number;
  /** Share of the labour cost (gross wage plus employer's contribution) counted as value created. */
  productivity_share: number;
  /** Average income tax on the wage (public-budget perspective). */
  income_tax_rate: number;
  /** Benefit payments saved per extra month in work, NOK (a transfer: public budget only). */
  benefits_saved_per_month: number;
  /** The wage the net present value is computed at, and where the figure comes from. */
  reference_wage: { monthly_nok: number; source: string };
  /** The effect "at the end of the window" is the mean difference over this many last months. */
  last_effect_months: number;
  /** Scenarios after the window; the first is always { id: 'window', kind: 'window' }. */
  persistence: PersistenceScenario[];
  /** [low, high] of each varied parameter (the employment effect is varied over its bootstrap interval). */
  sensitivity: Record<Exclude<SensitivityParameter, 'employment_effect'>, [number, number]>;
}

/** The cost section as written in the plan: everything but costs, price year and reference wage may be left out. */
export type CostSectionFile = Partial<Omit<CostParameters, 'currency' | 'persistence' | 'sensitivity'>> & {
  currency?: 'NOK';
  persistence?: ({ id?: string; kind: 'constant'; years: number } | { id?: string; kind: 'decay'; years: number; annual_decay: number })[];
  sensitivity?: Partial<CostParameters['sensitivity']>;
};

/**
 * Defaults. Discount rate: the Ministry of Finance's 4 % for the first 40 years (circular
 * R-109/2021). Employer's contribution: 14.1 %, the rate of zone I. Productivity share 1:
 * the labour cost is the value of the work. Income tax 25 %: an assumption, to be set by the
 * plan. No benefits saved unless the plan says so.
 */
export const COST_DEFAULTS = {
  discount_rate: 0.04,
  employer_contribution_rate: 0.141,
  productivity_share: 1,
  income_tax_rate: 0.25,
  benefits_saved_per_month: 0,
  last_effect_months: 6,
  persistence: [
    { kind: 'constant', years: 1 },
    { kind: 'constant', years: 3 },
    { kind: 'constant', years: 5 },
    { kind: 'decay', years: 10, annual_decay: 0.3 },
  ],
  sensitivity: {
    discount_rate: [0, 0.06],
    employer_contribution_rate: [0, 0.141],
    productivity_share: [0.5, 1],
  },
  /** The cost difference is varied ±25 % by default. */
  costDifferenceSpread: 0.25,
} as const;

const SCENARIO_ID = /^[a-z0-9_]{1,40}$/;
/** The largest amount accepted, NOK: far above any program cost, and far from overflow. */
const MAX_AMOUNT = 1e9;

function isAmount(x: unknown): x is number {
  return isFiniteNumber(x) && x >= 0 && x <= MAX_AMOUNT;
}
/** Where each sensitivity range must lie (the same bounds as the parameter itself; productivity above 0). */
const SENSITIVITY_BOUNDS: Record<string, [number, number]> = {
  discount_rate: [0, 0.2],
  employer_contribution_rate: [0, 0.5],
  productivity_share: [0, 2],
};

/** A scenario's default id: constant_3y, decay_30pct_10y. */
function scenarioId(s: { kind: 'constant' | 'decay'; years: number; annual_decay?: number }): string {
  return s.kind === 'constant' ? `constant_${s.years}y` : `decay_${String(100 * s.annual_decay!).replace('.', '_')}pct_${s.years}y`;
}

/**
 * Validates the plan's `costs` (null when absent or empty: no cost–benefit analysis) and fills
 * in defaults. `arms`, `controlArm` and `registry` (the plan's registry_months) come from the rest of the plan (null when those
 * fields are themselves invalid: the checks that need them are skipped).
 */
export function validateCosts(
  raw: unknown, arms: string[] | null, controlArm: string | null, registry: { first: number; last: number } | null, add: Add, unknownKeys: UnknownKeys,
): CostParameters | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    add('costs', message.planObject, raw);
    return null;
  }
  if (Object.keys(raw).length === 0) return null;
  const lastRegistryMonth = registry?.last ?? null;
  const firstRegistryMonth = registry?.first ?? null;
  unknownKeys(raw, 'costs', [
    'currency', 'price_year', 'cost_per_participant', 'window_months', 'discount_rate', 'employer_contribution_rate', 'productivity_share',
    'income_tax_rate', 'benefits_saved_per_month', 'reference_wage', 'last_effect_months', 'persistence', 'sensitivity',
  ]);
  const before = { count: 0 };
  const fail: Add = (field, rule, found) => {
    before.count++;
    add(field, rule, found);
  };

  if (raw.currency !== undefined && raw.currency !== 'NOK') fail('costs.currency', message.oneOf(['NOK']), raw.currency);
  if (!isInt(raw.price_year, 1990) || (raw.price_year as number) > 2100) fail('costs.price_year', message.planPriceYear, raw.price_year);

  const costs = raw.cost_per_participant;
  if (!isObject(costs)) fail('costs.cost_per_participant', message.planCostPerArm, costs);
  else if (arms) {
    unknownKeys(costs, 'costs.cost_per_participant', arms);
    for (const arm of arms) if (!isAmount(costs[arm])) fail(`costs.cost_per_participant.${arm}`, message.planNonNegativeAmount, costs[arm]);
  }

  const rate = (key: string, max: number, dflt: number): number => {
    const v = raw[key] ?? dflt;
    if (!isFiniteNumber(v) || v < 0 || v > max) fail(`costs.${key}`, message.planFractionRange(max), raw[key]);
    return v as number;
  };
  const discount_rate = rate('discount_rate', 0.2, COST_DEFAULTS.discount_rate);
  const employer_contribution_rate = rate('employer_contribution_rate', 0.5, COST_DEFAULTS.employer_contribution_rate);
  const income_tax_rate = rate('income_tax_rate', 0.9, COST_DEFAULTS.income_tax_rate);
  const productivity_share = rate('productivity_share', 2, COST_DEFAULTS.productivity_share);
  if (productivity_share === 0) fail('costs.productivity_share', message.planFractionRange(2), raw.productivity_share);

  const benefits = raw.benefits_saved_per_month ?? COST_DEFAULTS.benefits_saved_per_month;
  if (!isAmount(benefits)) fail('costs.benefits_saved_per_month', message.planNonNegativeAmount, raw.benefits_saved_per_month);

  const window = raw.window_months ?? lastRegistryMonth;
  if (!isInt(window, 1) || (lastRegistryMonth !== null && (window as number) > lastRegistryMonth)) {
    fail('costs.window_months', message.planWindow(lastRegistryMonth), raw.window_months);
  }
  // The window is months 1 … W after randomization, so the registry must start by month 1.
  if (firstRegistryMonth !== null && firstRegistryMonth > 1) fail('costs.window_months', message.planWindowStart(firstRegistryMonth), raw.window_months);
  const lastEffect = raw.last_effect_months ?? Math.min(COST_DEFAULTS.last_effect_months, isInt(window, 1) ? window : 1);
  if (!isInt(lastEffect, 1) || (isInt(window, 1) && lastEffect > window)) fail('costs.last_effect_months', message.planLastEffect, raw.last_effect_months);

  const ref = raw.reference_wage;
  if (!isObject(ref) || !isAmount(ref.monthly_nok) || ref.monthly_nok <= 0 || typeof ref.source !== 'string' || ref.source.trim() === '' || ref.source.length > 300) {
    fail('costs.reference_wage', message.planReferenceWage, ref);
  } else unknownKeys(ref, 'costs.reference_wage', ['monthly_nok', 'source']);

  const persistence: PersistenceScenario[] = [{ id: 'window', kind: 'window' }];
  const scenarios = raw.persistence ?? COST_DEFAULTS.persistence;
  if (!Array.isArray(scenarios)) fail('costs.persistence', message.planPersistence, scenarios);
  else {
    scenarios.forEach((s: unknown, i) => {
      const at = `costs.persistence[${i}]`;
      if (!isObject(s)) return fail(at, message.planPersistence, s);
      unknownKeys(s, at, ['id', 'kind', 'years', 'annual_decay']);
      if (!isInt(s.years, 1) || s.years > 50) return fail(`${at}.years`, message.planScenarioYears, s.years);
      let scenario: PersistenceScenario;
      if (s.kind === 'constant') scenario = { id: '', kind: 'constant', years: s.years };
      else if (s.kind === 'decay') {
        if (!isFiniteNumber(s.annual_decay) || s.annual_decay <= 0 || s.annual_decay >= 1) return fail(`${at}.annual_decay`, message.planDecay, s.annual_decay);
        scenario = { id: '', kind: 'decay', years: s.years, annual_decay: s.annual_decay };
      } else return fail(`${at}.kind`, message.oneOf(['constant', 'decay']), s.kind);
      if (s.id !== undefined && (typeof s.id !== 'string' || !SCENARIO_ID.test(s.id))) return fail(`${at}.id`, message.planScenarioId, s.id);
      scenario.id = (s.id as string | undefined) ?? scenarioId(scenario as { kind: 'constant' | 'decay'; years: number; annual_decay?: number });
      if (persistence.some((p) => p.id === scenario.id)) return fail(`${at}.id`, message.duplicate, scenario.id);
      persistence.push(scenario);
    });
  }

  const sens = raw.sensitivity ?? {};
  const sensitivity: Record<string, [number, number]> = Object.fromEntries(
    Object.entries(COST_DEFAULTS.sensitivity).map(([k, [low, high]]) => [k, [low, high]]),
  );
  if (arms && controlArm && isObject(costs) && arms.every((a) => isFiniteNumber(costs[a]))) {
    const intervention = arms.find((a) => a !== controlArm)!;
    const difference = (costs[intervention] as number) - (costs[controlArm] as number);
    const a = (1 - COST_DEFAULTS.costDifferenceSpread) * difference;
    const b = (1 + COST_DEFAULTS.costDifferenceSpread) * difference;
    sensitivity.cost_difference = [Math.min(a, b), Math.max(a, b)];
  }
  if (!isObject(sens)) fail('costs.sensitivity', message.planObject, sens);
  else {
    unknownKeys(sens, 'costs.sensitivity', ['cost_difference', 'discount_rate', 'employer_contribution_rate', 'productivity_share']);
    for (const [key, range] of Object.entries(sens)) {
      const [low, high] = Array.isArray(range) && range.length === 2 ? (range as unknown[]) : [];
      const [min, max] = SENSITIVITY_BOUNDS[key] ?? [-Infinity, Infinity];
      const inBounds = isFiniteNumber(low) && isFiniteNumber(high) && low >= min && high <= max && (key !== 'productivity_share' || low > 0);
      if (!inBounds || low > high) fail(`costs.sensitivity.${key}`, message.planRange, range);
      else sensitivity[key] = [low, high];
    }
  }
  if (before.count > 0 || arms === null) return null;
  return {
    currency: 'NOK',
    price_year: raw.price_year as number,
    cost_per_participant: Object.fromEntries(arms!.map((a) => [a, (costs as Record<string, number>)[a]!])),
    window_months: window as number,
    discount_rate,
    employer_contribution_rate,
    productivity_share,
    income_tax_rate,
    benefits_saved_per_month: benefits as number,
    reference_wage: { monthly_nok: (ref as { monthly_nok: number }).monthly_nok, source: (ref as { source: string }).source },
    last_effect_months: lastEffect as number,
    persistence,
    sensitivity: sensitivity as CostParameters['sensitivity'],
  };
}
