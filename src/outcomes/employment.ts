/**
 * Employment at each timepoint of the plan: per arm rates, the unadjusted risk
 * difference, risk ratio and odds ratio with their test, the randomization test, and
 * worst- and best-case bounds for missing outcomes. The adjusted model is added by
 * adjusted-employment.ts. Intervention minus (or over) control throughout.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { associationTest } from '../stats/association-test.ts';
import { newcombeDifference } from '../stats/newcombe.ts';
import { oddsRatio, riskRatio, type RatioResult } from '../stats/two-by-two.ts';
import { employmentStatus } from './employment-status.ts';
import { armRates, interventionArm } from './employment-over-time.ts';
import type { ArmRate, Effect, TimepointEmployment } from './employment-results.ts';
import { prepareRandomizationTest, type RandomizationTestInput } from './randomization-test.ts';
import { ANALYSIS_STREAM, analysisSeed } from './streams.ts';

/** The parts of a timepoint's result that need neither a model nor resampling. */
export type UnadjustedTimepoint = Omit<TimepointEmployment, 'adjusted_odds_ratio' | 'adjusted_risk_difference' | 'randomization_test'>;

/**
 * Unadjusted employment results at one plan timepoint, with each participant's outcome there
 * (1, 0, −1 unknown) and the randomization test ready to run (null when the observed
 * difference is undefined); its seed is the plan's, stream randomizationTest + month.
 */
export function unadjustedEmployment(dataset: Dataset, plan: AnalysisPlan, month: number): { status: Int8Array; result: UnadjustedTimepoint; randomization: RandomizationTestInput | null } {
  const status = employmentStatus(dataset, plan, month);
  const randomization = prepareRandomizationTest(dataset, plan, status, analysisSeed(plan.seed, ANALYSIS_STREAM.randomizationTest, month));
  return { status, result: unadjustedTimepoint(dataset, plan, month, status), randomization };
}

function unadjustedTimepoint(dataset: Dataset, plan: AnalysisPlan, month: number, status: Int8Array): UnadjustedTimepoint {
  const arms = armRates(dataset, plan, status);
  const t = arms[interventionArm(plan)]!;
  const c = arms[plan.control_arm]!;
  const level = plan.confidence_level;
  const both = t.n > 0 && c.n > 0;
  const test = both ? associationTest(t.employed, t.n, c.employed, c.n) : null;
  const p = test?.p ?? null;
  return {
    month,
    primary: month === plan.primary_timepoint,
    definition: plan.employment_definition,
    analysis_set: 'complete_case',
    arms,
    risk_difference: both ? differenceEffect(t.employed, t.n, c.employed, c.n, level, p) : noData('newcombe_hybrid_score'),
    risk_ratio: both ? ratioEffect(riskRatio(t.employed, t.n, c.employed, c.n, level), 'log_scale_wald', p) : noData('log_scale_wald'),
    odds_ratio: both ? ratioEffect(oddsRatio(t.employed, t.n, c.employed, c.n, level), 'woolf', p) : noData('woolf'),
    test: test ? { method: test.method, statistic: test.statistic, p: test.p } : { method: 'fisher_exact', statistic: null, p: 1 },
    missing_bounds: missingBounds(t, c, level),
  };
}

/** Newcombe's hybrid score interval for the risk difference. */
function differenceEffect(x1: number, n1: number, x2: number, n2: number, level: number, p: number | null): Effect {
  const d = newcombeDifference(x1, n1, x2, n2, level);
  return { estimate: d.estimate, ci: d.ci, p, method: 'newcombe_hybrid_score', correction: null, note: null };
}

function ratioEffect(r: RatioResult, method: string, p: number | null): Effect {
  return { estimate: r.estimate, ci: r.ci, p, method, correction: r.correction, note: r.note };
}

function noData(method: string): Effect {
  return { estimate: null, ci: null, p: null, method, correction: null, note: 'no_data' };
}

/**
 * With outcomes missing in either arm: the risk difference if every missing intervention
 * participant was not employed and every missing control was (worst case for the
 * intervention), and the reverse (best case).
 */
function missingBounds(t: ArmRate, c: ArmRate, level: number): TimepointEmployment['missing_bounds'] {
  if (t.missing === 0 && c.missing === 0) return null;
  const nt = t.n + t.missing;
  const nc = c.n + c.missing;
  if (nt === 0 || nc === 0) return null;
  return {
    worst_case: differenceEffect(t.employed, nt, c.employed + c.missing, nc, level, null),
    best_case: differenceEffect(t.employed + t.missing, nt, c.employed, nc, level, null),
  };
}
