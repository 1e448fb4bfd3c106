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
  const targets = scores.waves.map((_, w) => w).filter((w) => imputable[w] && observed[w]!.some((v) => v === null));
  const seen = scores.waves.map((_, w) => rows.map((_, k) => k).filter((k) => observed[w]![k] !== null));
  const unseen = scores.waves.map((_, w) => rows.map((_, k) => k).filter((k) => observed[w]![k] === null));
  const others = scores.waves.map((_, w) => scores.waves.map((_, v) => v).filter((v) => v !== w && imputable[v]));
  // Columns aliased among a wave's answered rows (e.g. an arm nobody answered in at this
  // wave) carry no information on it; found once, as imputed values never make a column aliased.
  const predictors = (w: number, k: number) => [...fixed.X[k]!, ...others[w]!.map((v) => current[v]![k]!)];
  const keep = new Map(targets.map((w) => {
    const drop = new Set(findAliasedColumns(seen[w]!.map((k) => predictors(w, k)), fixed.columnNames.length + others[w]!.length));
    return [w, (row: number[]) => row.filter((_, j) => !drop.has(j))];
  }));
  for (let round = 0; round < IMPUTATION_ITERATIONS; round++) {
    for (const w of targets) {
      const select = keep.get(w)!;
      const xSeen = seen[w]!.map((k) => select(predictors(w, k)));
      if (xSeen.length <= xSeen[0]!.length) continue; // too few answers to fit: keep the starting draws
      const draws = drawNormImputation(xSeen, seen[w]!.map((k) => observed[w]![k]!), unseen[w]!.map((k) => select(predictors(w, k))), rng);
      unseen[w]!.forEach((k, j) => {
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
