/**
 * Multiple imputation of one measure's missing answers by chained equations (van Buuren &
 * Groothuis-Oudshoorn 2011, J Stat Softw 45(3); van Buuren 2018, Flexible Imputation of
 * Missing Data, 2nd ed., §4.5), each wave imputed by Bayesian linear regression (mice's
 * "norm" method) on arm, site, the plan's covariates and the measure's other waves.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { createRngFromKey, type Rng } from '../random/rng.ts';
import { drawNormImputation } from '../stats/bayesian-regression-draw.ts';
import { designMatrix, findAliasedColumns } from '../stats/design-matrix.ts';
import { armTerm, covariateTerm } from '../outcomes/model-columns.ts';
import { modelFrame } from './ancova.ts';
import type { MeasureScores } from './scores.ts';

/**
 * Rounds of chained equations before a data set is taken. mice's default is 5; the chains
 * here start from random draws of observed answers and have only a few waves to cycle
 * through, and 10 rounds leave no trend in the imputed means on the sample trial.
 */
export const IMPUTATION_ITERATIONS = 10;

/** The key of imputation `k`'s generator: by measure name, so adding a measure changes no other's draws. */
export function imputationKey(seed: number, measure: string, k: number): string {
  return `ips-rct imputation v1\n${seed}\n${measure}\n${k}`;
}

/** The participants the imputation model can use: analysed, with arm, site and every covariate known. */
export function imputationRows(dataset: Dataset, plan: AnalysisPlan, analysed: readonly number[]): number[] {
  const p = dataset.participants;
  return analysed.filter((i) => plan.covariates.every((c) => p[c as 'age' | 'sex' | 'diagnosis' | 'education' | 'worked_last_5y'][i] !== null));
}

/**
 * One completed data set: values[w][k] is participant rows[k]'s answer at wave w, observed or
 * imputed. Waves nobody answered stay null (there is nothing to impute them from) and are
 * left out as predictors. `rng` is the data set's own generator.
 */
export function imputeMeasure(
  dataset: Dataset, plan: AnalysisPlan, sites: readonly string[], rows: readonly number[], scores: MeasureScores, rng: Rng,
): (number | null)[][] {
  const W = scores.waves.length;
  const observed = scores.waves.map((_, w) => rows.map((i) => scores.values[w]![i] ?? null));
  const current = observed.map((col) => [...col]);
  const imputable = observed.map((col) => col.filter((v) => v !== null).length >= 2);

  // Fixed predictors (intercept, arm, site, covariates), shared by every wave's model.
  const fixed = designMatrix(modelFrame(dataset, rows, {}), {
    terms: [armTerm(plan), { name: 'site', type: 'categorical', levels: sites }, ...plan.covariates.map((c) => covariateTerm(c, plan))],
  });
  if (fixed.rows.length !== rows.length) throw new RangeError('imputeMeasure: a row lacks a predictor (pass imputationRows)');

  // Start from draws of the wave's observed answers, as mice does.
  for (let w = 0; w < W; w++) {
    if (!imputable[w]) continue;
    const pool = observed[w]!.filter((v): v is number => v !== null);
    current[w] = observed[w]!.map((v) => v ?? pool[rng.int(0, pool.length - 1)]!);
  }
  for (let round = 0; round < IMPUTATION_ITERATIONS; round++) {
    for (let w = 0; w < W; w++) {
      if (!imputable[w] || observed[w]!.every((v) => v !== null)) continue;
      const others = scores.waves.map((_, v) => v).filter((v) => v !== w && imputable[v]);
      const x = rows.map((_, k) => [...fixed.X[k]!, ...others.map((v) => current[v]![k]!)]);
      const seen = rows.map((_, k) => k).filter((k) => observed[w]![k] !== null);
      const unseen = rows.map((_, k) => k).filter((k) => observed[w]![k] === null);
      // Columns aliased among the answered (e.g. an arm nobody of answered at this wave) carry no information.
      const drop = new Set(findAliasedColumns(seen.map((k) => x[k]!), x[0]!.length));
      const keep = (row: number[]) => row.filter((_, j) => !drop.has(j));
      if (seen.length <= x[0]!.length - drop.size) continue; // too few answers to fit: keep the starting draws
      const draws = drawNormImputation(seen.map((k) => keep(x[k]!)), seen.map((k) => observed[w]![k]!), unseen.map((k) => keep(x[k]!)), rng);
      unseen.forEach((k, j) => {
        current[w]![k] = draws[j]!;
      });
    }
  }
  return current.map((col, w) => (imputable[w] ? col : observed[w]!));
}

/** The m completed data sets of a measure, each from its own keyed generator. */
export function multiplyImpute(
  dataset: Dataset, plan: AnalysisPlan, sites: readonly string[], rows: readonly number[], scores: MeasureScores, measure: string,
): (number | null)[][][] {
  return Array.from({ length: plan.imputations }, (_, k) =>
    imputeMeasure(dataset, plan, sites, rows, scores, createRngFromKey(imputationKey(plan.seed, measure, k))),
  );
}
