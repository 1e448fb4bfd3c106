/**
 * The primary questionnaire comparison: ANCOVA of the follow-up score on arm, baseline
 * score, site and the plan's covariates (Vickers & Altman 2001, BMJ 323:1123; EMA 2015,
 * Guideline on adjustment for baseline covariates), fitted by least squares as R's
 * `lm(y ~ arm + baseline + site + covariates)` on complete cases.
 *
 * The fit goes through one pass of centred cross-products (fitLinearCrossProducts), which
 * the imputed data sets reuse; where their conditioning could cost digits it falls back to
 * the QR of the rows, as lm.
 */
import type { AnalysisPlan } from '../io/plan.ts';
import { covariateTerm } from '../outcomes/model-columns.ts';
import { aliasedColumns, crossProducts, shiftedSums, type CrossProducts } from '../stats/cross-products.ts';
import type { TermSpec } from '../stats/design-matrix.ts';
import { fitLinearColumns, fitLinearCrossProducts, linearContrast, type LinearFit } from '../stats/linear-model.ts';
import { fixedValue, patternCrossProducts, setFixedSums, type FixedColumns } from './fixed-design.ts';
import type { MeanDifference } from './quality-of-life-results.ts';

/** Terms of the ANCOVA after arm: baseline score, site, then the plan's covariates. */
export function adjustmentTerms(plan: AnalysisPlan, sites: readonly string[]): TermSpec[] {
  return [{ name: 'baseline', type: 'numeric' }, { name: 'site', type: 'categorical', levels: sites }, ...plan.covariates.map((c) => covariateTerm(c, plan))];
}

/** The ANCOVA's term names, R style: arm, baseline, site, the plan's covariates. */
export function ancovaTerms(plan: AnalysisPlan): string[] {
  return ['arm', 'baseline', 'site', ...plan.covariates];
}

/** The ANCOVA's adjusted difference, with the number of participants in the model. */
export interface AncovaFit extends MeanDifference {
  n: number;
  terms: string[];
}

/**
 * ANCOVA at one follow-up wave over the design's rows: `followUp` and `baseline` hold the
 * scores per design row (NaN = no answer). Rows without both are left out (complete cases;
 * the design's rows already have every covariate). The arm difference is intervention −
 * control with a t interval on the residual df at `level`. Notes as before: 'no_answers',
 * 'no_answers_in_arm' (one arm left), 'not_estimable' (the arm column aliased, or no fit),
 * 'too_few_answers' (n ≤ p), 'no_variance' (a perfect fit: estimate without interval).
 */
export function ancovaDifference(design: FixedColumns, level: number, terms: string[], followUp: Float64Array, baseline: Float64Array): AncovaFit {
  const { k, patterns, patternCount, pattern, shift } = design;
  const complete: number[] = [];
  let sumB = 0;
  let sumY = 0;
  for (let r = 0; r < followUp.length; r++) {
    const y = followUp[r]!;
    const b = baseline[r]!;
    if (Number.isNaN(y) || Number.isNaN(b)) continue;
    complete.push(r);
    sumB += b;
    sumY += y;
  }
  const n = complete.length;
  const shiftB = n > 0 ? sumB / n : 0;
  const shiftY = n > 0 ? sumY / n : 0;
  // Per pattern: rows, Σ(b − b̄), Σ(y − ȳ); then the fixed columns' products with them pattern by pattern.
  const count = new Float64Array(patternCount);
  const sb = new Float64Array(patternCount);
  const sy = new Float64Array(patternCount);
  let bb = 0;
  let by = 0;
  let yy = 0;
  let rawB = 0;
  let rawY = 0;
  let totalB = 0;
  let totalY = 0;
  let treated = 0;
  for (const r of complete) {
    const p = pattern[r]!;
    const db = baseline[r]! - shiftB;
    const dy = followUp[r]! - shiftY;
    count[p]! += 1;
    sb[p]! += db;
    sy[p]! += dy;
    bb += db * db;
    by += db * dy;
    yy += dy * dy;
    rawB += baseline[r]! ** 2;
    rawY += followUp[r]! ** 2;
    totalB += db;
    totalY += dy;
    treated += design.intervention[r]!;
  }
  const K = k + 2;
  const sums = shiftedSums([...shift, shiftB, shiftY]);
  setFixedSums(sums, patternCrossProducts(design, count, n), k);
  sums.squares[k] = rawB;
  sums.squares[k + 1] = rawY;
  for (let p = 0; p < patternCount; p++) {
    const wb = sb[p]!;
    const wy = sy[p]!;
    if (wb === 0 && wy === 0) continue;
    for (let j = 0; j < k; j++) {
      const v = patterns[p * k + j]!;
      sums.cross[k * K + j]! += v * wb;
      sums.cross[(k + 1) * K + j]! += v * wy;
    }
  }
  sums.sum[k] = totalB;
  sums.sum[k + 1] = totalY;
  sums.cross[k * K + k] = bb;
  sums.cross[(k + 1) * K + k] = by;
  sums.cross[(k + 1) * K + (k + 1)] = yy;
  return ancovaFromCrossProducts(crossProducts(sums), treated, level, terms, (columns) => {
    // QR fallback: [1, columns] column-major and y, in raw units.
    const p = columns.length + 1;
    const xs = new Float64Array(n * p);
    const ys = new Float64Array(n);
    complete.forEach((r, i) => {
      xs[i] = 1;
      columns.forEach((c, a) => {
        xs[(a + 1) * n + i] = c < k ? fixedValue(design, r, c) : baseline[r]!;
      });
      ys[i] = followUp[r]!;
    });
    return { x: xs, y: ys };
  });
}

/**
 * The ANCOVA from cross-products of the columns [fixed 0 … k − 1, baseline k, follow-up k + 1]
 * over its rows (the model order is arm, baseline, site, covariates). `treated` counts rows of
 * the intervention arm; `rowsFor(columns)` gives [1, columns] (column-major) and y for the QR
 * fallback. With `interval` false the interval and p are left out (null).
 */
export function ancovaFromCrossProducts(
  cp: CrossProducts, treated: number, level: number, terms: string[],
  rowsFor: (columns: readonly number[]) => { x: Float64Array; y: Float64Array }, interval = true,
): AncovaFit {
  const n = cp.n;
  const k = cp.k - 2;
  const empty = (note: string): AncovaFit => ({ estimate: null, se: null, ci: null, df: null, p: null, note, n, terms });
  if (n === 0) return empty('no_answers');
  if (treated === 0 || treated === n) return empty('no_answers_in_arm');
  const order = [0, k];
  for (let j = 1; j < k; j++) order.push(j);
  const aliased = new Set(aliasedColumns(cp, order));
  if (aliased.has(0)) return empty('not_estimable');
  const kept = order.filter((_, a) => !aliased.has(a));
  if (n <= kept.length + 1) return empty('too_few_answers');
  let fit: LinearFit | null = fitLinearCrossProducts(cp, kept, k + 1);
  if (fit === null) {
    const { x, y } = rowsFor(kept);
    try {
      fit = fitLinearColumns(x, n, kept.length + 1, y);
    } catch (e) {
      // The aliasing check and the QR differ in arithmetic: a column at the edge can pass one and not the other.
      if (e instanceof RangeError) return empty('not_estimable');
      throw e;
    }
  }
  if (!interval) {
    // Estimate, SE and df only (what Rubin's rules pool): no quantile or p to compute.
    const se = Math.sqrt(Math.max(0, fit.vcov[1]![1]!));
    const ok = se > 0 && fit.dfResidual > 0;
    return { estimate: fit.coefficients[1]!, se, ci: null, df: fit.dfResidual, p: null, note: ok ? null : 'no_variance', n, terms };
  }
  const c = linearContrast(fit, unit(kept.length + 1, 1), level);
  if (c.ci === null) return { estimate: c.estimate, se: c.se, ci: null, df: c.df, p: null, note: 'no_variance', n, terms };
  return { estimate: c.estimate, se: c.se, ci: c.ci, df: c.df, p: c.p, note: null, n, terms };
}

/** The contrast vector that picks coefficient `j` of `p`. */
export function unit(p: number, j: number): number[] {
  const L = new Array<number>(p).fill(0);
  L[j] = 1;
  return L;
}
