/**
 * The primary questionnaire comparison: ANCOVA of the follow-up score on arm, baseline
 * score, site and the plan's covariates (Vickers & Altman 2001, BMJ 323:1123; EMA 2015,
 * Guideline on adjustment for baseline covariates), fitted by least squares as R's
 * `lm(y ~ arm + baseline + site + covariates)` on complete cases.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { interventionArm } from '../outcomes/employment-over-time.ts';
import { armTerm, covariateTerm } from '../outcomes/model-columns.ts';
import { designMatrix, type CellValue, type DesignMatrix, type TermSpec } from '../stats/design-matrix.ts';
import { fitLinear, linearContrast } from '../stats/linear-model.ts';
import type { MeanDifference } from './quality-of-life-results.ts';

/** Model columns for the participants `rows`: arm, site, the covariates, plus named numeric columns given per row of `rows`. */
export function modelFrame(dataset: Dataset, rows: readonly number[], numeric: Record<string, readonly (number | null)[]>): Record<string, readonly CellValue[]> {
  const p = dataset.participants;
  const pick = <T>(col: readonly T[]) => rows.map((i) => col[i]!);
  return {
    arm: pick(p.arm),
    site: pick(p.site),
    age: pick(p.age),
    sex: pick(p.sex),
    diagnosis: pick(p.diagnosis),
    education: pick(p.education),
    worked_last_5y: pick(p.worked_last_5y),
    ...numeric,
  };
}

/** Terms of the ANCOVA after arm: baseline score, site, then the plan's covariates. */
export function adjustmentTerms(plan: AnalysisPlan, sites: readonly string[]): TermSpec[] {
  return [{ name: 'baseline', type: 'numeric' }, { name: 'site', type: 'categorical', levels: sites }, ...plan.covariates.map((c) => covariateTerm(c, plan))];
}

/** Column of the intervention arm's coefficient in a design made with armTerm. */
export function armColumn(design: DesignMatrix, plan: AnalysisPlan): number {
  return design.columnNames.indexOf(`arm${interventionArm(plan)}`);
}

/** The ANCOVA's adjusted difference, with the number of participants in the model. */
export interface AncovaFit extends MeanDifference {
  n: number;
  terms: string[];
}

/**
 * ANCOVA at one follow-up wave: `followUp` and `baseline` are the scores of the participants
 * `rows` (analysed participants, any arm). Participants without a follow-up answer, a
 * baseline answer or a covariate are left out (complete cases). The arm difference is
 * intervention − control with a t interval on the residual df at the plan's level.
 */
export function ancovaDifference(
  dataset: Dataset, plan: AnalysisPlan, sites: readonly string[], rows: readonly number[],
  followUp: readonly (number | null)[], baseline: readonly (number | null)[],
): AncovaFit {
  const terms = [armTerm(plan), ...adjustmentTerms(plan, sites)];
  const names = terms.map((t) => t.name);
  const answered = rows.map((_, k) => k).filter((k) => followUp[k] !== null);
  const frame = modelFrame(dataset, answered.map((k) => rows[k]!), {
    baseline: answered.map((k) => baseline[k]!),
  });
  const empty = (note: string, n = 0): AncovaFit => ({ estimate: null, se: null, ci: null, df: null, p: null, note, n, terms: names });
  const design = designMatrix(frame, { terms });
  const n = design.rows.length;
  const y = design.rows.map((r) => followUp[answered[r]!]!);
  if (design.singleLevelTerms.includes('arm') || n === 0) return empty(n === 0 ? 'no_answers' : 'no_answers_in_arm', n);
  const column = armColumn(design, plan);
  if (column < 0) return empty('not_estimable', n);
  if (n <= design.columnNames.length) return empty('too_few_answers', n);
  let fit: ReturnType<typeof fitLinear>;
  try {
    fit = fitLinear(design.X, y);
  } catch (e) {
    // designMatrix's aliasing check and the QR's differ in arithmetic: a column at the edge can pass one and not the other.
    if (e instanceof RangeError) return empty('not_estimable', n);
    throw e;
  }
  const c = linearContrast(fit, unit(design.columnNames.length, column), plan.confidence_level);
  if (c.ci === null) return { estimate: c.estimate, se: c.se, ci: null, df: c.df, p: null, note: 'no_variance', n, terms: names };
  return { estimate: c.estimate, se: c.se, ci: c.ci, df: c.df, p: c.p, note: null, n, terms: names };
}

/** The contrast vector that picks coefficient `j` of `p`. */
export function unit(p: number, j: number): number[] {
  const L = new Array<number>(p).fill(0);
  L[j] = 1;
  return L;
}
