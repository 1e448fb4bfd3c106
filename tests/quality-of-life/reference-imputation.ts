/**
 * The chained-equations imputation written the plain way, row by row, for checking the fast
 * one in src/quality-of-life/imputation.ts: the design from designMatrix, the aliased columns
 * from findAliasedColumns, each wave's draw from drawNormImputation (mice's norm: QR
 * least squares, one chi-square, p normals, one normal per missing row, all from rng.normal).
 * It is the algorithm the pipeline used before the fast version; same rounds, same order.
 */
import type { Dataset } from '../../src/io/dataset.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { armTerm, covariateTerm } from '../../src/outcomes/model-columns.ts';
import { IMPUTATION_ITERATIONS } from '../../src/quality-of-life/imputation.ts';
import type { MeasureScores } from '../../src/quality-of-life/scores.ts';
import type { Rng } from '../../src/random/rng.ts';
import { drawNormImputation } from '../../src/stats/bayesian-regression-draw.ts';
import { designMatrix, findAliasedColumns } from '../../src/stats/design-matrix.ts';

/** values[w][k]: participant rows[k]'s answer at wave w, observed or imputed (null: a wave too sparse to impute). */
export function referenceImputation(
  dataset: Dataset, plan: AnalysisPlan, sites: readonly string[], rows: readonly number[], scores: MeasureScores, rng: Rng,
): (number | null)[][] {
  const W = scores.waves.length;
  const observed = scores.waves.map((_, w) => rows.map((i) => (Number.isNaN(scores.values[w]![i]!) ? null : scores.values[w]![i]!)));
  const current = observed.map((col) => [...col]);
  const imputable = observed.map((col) => col.filter((v) => v !== null).length >= 2);
  const p = dataset.participants;
  const pick = <T>(col: readonly T[]) => rows.map((i) => col[i]!);
  const fixed = designMatrix(
    { arm: pick(p.arm), site: pick(p.site), age: pick(p.age), sex: pick(p.sex), diagnosis: pick(p.diagnosis), education: pick(p.education), worked_last_5y: pick(p.worked_last_5y) },
    { terms: [armTerm(plan), { name: 'site', type: 'categorical', levels: sites }, ...plan.covariates.map((c) => covariateTerm(c, plan))] },
  );
  for (let w = 0; w < W; w++) {
    if (!imputable[w]) continue;
    const pool = observed[w]!.filter((v): v is number => v !== null);
    current[w] = observed[w]!.map((v) => v ?? pool[rng.int(0, pool.length - 1)]!);
  }
  const targets = scores.waves.map((_, w) => w).filter((w) => imputable[w] && observed[w]!.some((v) => v === null));
  const seen = scores.waves.map((_, w) => rows.map((_, k) => k).filter((k) => observed[w]![k] !== null));
  const unseen = scores.waves.map((_, w) => rows.map((_, k) => k).filter((k) => observed[w]![k] === null));
  const others = scores.waves.map((_, w) => scores.waves.map((_, v) => v).filter((v) => v !== w && imputable[v]));
  const predictors = (w: number, k: number) => [...fixed.X[k]!, ...others[w]!.map((v) => current[v]![k]!)];
  const keep = new Map(targets.map((w) => {
    const drop = new Set(findAliasedColumns(seen[w]!.map((k) => predictors(w, k)), fixed.columnNames.length + others[w]!.length));
    return [w, (row: number[]) => row.filter((_, j) => !drop.has(j))];
  }));
  for (let round = 0; round < IMPUTATION_ITERATIONS; round++) {
    for (const w of targets) {
      const select = keep.get(w)!;
      const xSeen = seen[w]!.map((k) => select(predictors(w, k)));
      if (xSeen.length <= xSeen[0]!.length) continue;
      const draws = drawNormImputation(xSeen, seen[w]!.map((k) => observed[w]![k]!), unseen[w]!.map((k) => select(predictors(w, k))), rng);
      unseen[w]!.forEach((k, j) => {
        current[w]![k] = draws[j]!;
      });
    }
  }
  return current.map((col, w) => (imputable[w] ? col : observed[w]!));
}
