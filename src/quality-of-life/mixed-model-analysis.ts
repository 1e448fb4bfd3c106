/**
 * Sensitivity analysis 1: all follow-up waves in one linear mixed model, fixed effects
 * arm × wave, baseline score, site and the plan's covariates, a random intercept per
 * participant, REML (as `lmerTest::lmer(y ~ arm * wave + baseline + site + covariates +
 * (1 | id), REML = TRUE)`). It uses every answer a participant gave, so someone who
 * answered at 6 months but not at 12 still counts; it assumes answers are missing at
 * random given the earlier answers and the covariates.
 */
import { aliasedColumns, crossProducts, shiftedSums } from '../stats/cross-products.ts';
import { tInference } from '../stats/linear-model.ts';
import { fitRandomInterceptBy, type RandomInterceptFit } from '../stats/mixed-model.ts';
import type { FixedColumns } from './fixed-design.ts';
import type { MixedModelDifference } from './quality-of-life-results.ts';

/** The model's arm difference at each follow-up wave, and its variance components (plain data: it may come from a worker). */
export interface MixedModelAnalysis {
  /** [month, difference] for every month asked for, in their order. */
  byMonth: [number, MixedModelDifference][];
  participantVariance: number | null;
  residualVariance: number | null;
  converged: boolean;
}

/**
 * Fits the mixed model to the design's rows over the follow-up waves in `months` (the caller
 * leaves out waves where an arm has no answers: they carry no information on the arm
 * difference there). `values[w]` holds each design row's answer at plan wave `waves[w]`
 * (NaN = none; wave 0 is the baseline). Waves the model cannot estimate get a null
 * difference with a note.
 *
 * Columns are those of R's model.matrix for the formula above: (Intercept), arm, the wave
 * levels after the first, baseline, site, the covariates, then arm:wave; columns aliased
 * among the rows used are left out as lm and lmer do.
 */
export function mixedModelAnalysis(
  design: FixedColumns, level: number, waves: readonly number[], values: readonly Float64Array[], months: readonly number[],
): MixedModelAnalysis {
  const { k, intervention } = design;
  const baseline = values[0]!;
  const R = baseline.length;
  const empty = (note: string, nParticipants = 0, nObservations = 0): MixedModelDifference => ({
    estimate: null, se: null, ci: null, df: null, p: null, note, df_method: 'satterthwaite', n_participants: nParticipants, n_observations: nObservations,
  });
  const none = (note: string): MixedModelAnalysis => ({
    byMonth: months.map((m) => [m, empty(note)]), participantVariance: null, residualVariance: null, converged: false,
  });
  // Observations (row, wave) with an answer, in month order; complete cases need the baseline too.
  let answers = 0;
  let complete = 0;
  for (const month of months) {
    const col = values[waves.indexOf(month)]!;
    for (let r = 0; r < R; r++) {
      if (Number.isNaN(col[r]!)) continue;
      answers++;
      if (!Number.isNaN(baseline[r]!)) complete++;
    }
  }
  const obsRow = new Int32Array(complete);
  const obsWave = new Int32Array(complete);
  let at = 0;
  for (const month of months) {
    const w = waves.indexOf(month);
    const col = values[w]!;
    for (let r = 0; r < R; r++) {
      if (Number.isNaN(col[r]!) || Number.isNaN(baseline[r]!)) continue;
      obsRow[at] = r;
      obsWave[at++] = w;
    }
  }
  if (months.length === 0 || answers === 0) return none('no_answers');

  // A wave where, after complete cases, an arm has no row says nothing about the arm difference
  // there, and would make the arm × wave columns aliased in a way that moves one wave's effect
  // onto another's: such waves leave the model.
  const kept = months.filter((month) => {
    const w = waves.indexOf(month);
    let treated = 0;
    let control = 0;
    for (let o = 0; o < obsRow.length; o++) {
      if (obsWave[o] !== w) continue;
      if (intervention[obsRow[o]!]) treated++;
      else control++;
    }
    return treated > 0 && control > 0;
  });
  if (kept.length === 0) return none('not_estimable');
  const keptWaves = kept.map((month) => waves.indexOf(month));
  const levelOf = new Int32Array(waves.length).fill(-1);
  keptWaves.forEach((w, l) => {
    levelOf[w] = l;
  });
  let n = 0;
  for (let o = 0; o < obsRow.length; o++) if (levelOf[obsWave[o]!]! >= 0) n++;
  const used = new Int32Array(n);
  const participantOf = new Int32Array(n);
  for (let o = 0, i = 0; o < obsRow.length; o++) {
    if (levelOf[obsWave[o]!]! < 0) continue;
    used[i] = o;
    participantOf[i++] = obsRow[o]!;
  }
  const L = kept.length;
  // Columns (after the intercept): arm, wave dummies, baseline, fixed 1 … k − 1, arm × wave dummies.
  const K = 1 + (L - 1) + 1 + (k - 1) + (L - 1);
  // A row of the model matrix: everything but the baseline follows from the participant's
  // fixed pattern and the wave, so the cross-products for the aliasing check are summed per
  // (pattern, wave) pair, with the baseline's sums beside them.
  // The fixed patterns in raw units, so that a row costs one read per column.
  const raw = new Float64Array(design.patternCount * k);
  for (let q = 0; q < design.patternCount; q++) for (let j = 0; j < k; j++) raw[q * k + j] = design.patterns[q * k + j]! + design.shift[j]!;
  const fill = (r: number, l: number, b: number, out: Float64Array) => {
    const arm = intervention[r]!;
    const base = design.pattern[r]! * k;
    let c = 0;
    out[c++] = arm;
    for (let j = 1; j < L; j++) out[c++] = l === j ? 1 : 0;
    out[c++] = b;
    for (let j = 1; j < k; j++) out[c++] = raw[base + j]!;
    for (let j = 1; j < L; j++) out[c++] = l === j ? arm : 0;
  };
  const B = L; // the baseline's column
  const keyCount = design.patternCount * L;
  const count = new Float64Array(keyCount);
  const firstRow = new Int32Array(keyCount).fill(-1);
  const sumB = new Float64Array(keyCount);
  const y = new Float64Array(n);
  let treated = 0;
  let totalB = 0;
  used.forEach((o, i) => {
    const r = obsRow[o]!;
    totalB += baseline[r]!;
    y[i] = values[obsWave[o]!]![r]!;
    treated += intervention[r]!;
  });
  const meanB = n > 0 ? totalB / n : 0;
  let bb = 0;
  for (const o of used) {
    const r = obsRow[o]!;
    const key = design.pattern[r]! * L + levelOf[obsWave[o]!]!;
    const db = baseline[r]! - meanB;
    count[key]! += 1;
    sumB[key]! += db;
    bb += db * db;
    if (firstRow[key] === -1) firstRow[key] = r;
  }
  const row = new Float64Array(K);
  const rawRow = new Float64Array(K);
  const means = new Float64Array(K);
  for (let key = 0; key < keyCount; key++) {
    if (count[key] === 0) continue;
    fill(firstRow[key]!, key % L, meanB, row);
    for (let c = 0; c < K; c++) means[c]! += count[key]! * row[c]!;
  }
  for (let c = 0; c < K; c++) means[c] = c === B ? meanB : means[c]! / Math.max(1, n);
  const sums = shiftedSums(means);
  sums.n = n;
  for (let key = 0; key < keyCount; key++) {
    const m = count[key]!;
    if (m === 0) continue;
    fill(firstRow[key]!, key % L, meanB, row);
    for (let c = 0; c < K; c++) row[c] = row[c]! - means[c]!;
    fill(firstRow[key]!, key % L, meanB, rawRow);
    for (let i = 0; i < K; i++) {
      if (i === B) continue;
      sums.sum[i]! += m * row[i]!;
      sums.squares[i]! += m * rawRow[i]! * rawRow[i]!;
      for (let j = 0; j <= i; j++) if (j !== B) sums.cross[i * K + j]! += m * row[i]! * row[j]!;
    }
    for (let j = 0; j < K; j++) {
      if (j === B) continue;
      if (j > B) sums.cross[j * K + B]! += row[j]! * sumB[key]!;
      else sums.cross[B * K + j]! += row[j]! * sumB[key]!;
    }
    sums.sum[B]! += sumB[key]!;
  }
  sums.cross[B * K + B] = bb;
  for (const o of used) sums.squares[B]! += baseline[obsRow[o]!]! ** 2;
  const seenRow = new Uint8Array(R);
  let nParticipants = 0;
  for (const o of used) {
    const r = obsRow[o]!;
    if (!seenRow[r]) nParticipants++;
    seenRow[r] = 1;
  }
  if (treated === 0 || treated === n) return none('no_answers_in_arm');
  if (y.every((v) => v === y[0])) return none('no_variance');
  const all = Array.from({ length: K }, (_, c) => c);
  const drop = new Set(aliasedColumns(crossProducts(sums), all));
  const columns = all.filter((c) => !drop.has(c));
  const p = columns.length + 1;
  if (n <= p) return none('too_few_answers');

  // The model matrix [1, columns] row by row, never stored whole (n × p doubles at registry scale).
  const full = new Float64Array(K);
  const rowAt = (i: number, out: Float64Array) => {
    const o = used[i]!;
    const r = obsRow[o]!;
    fill(r, levelOf[obsWave[o]!]!, baseline[r]!, full);
    out[0] = 1;
    for (let a = 0; a < columns.length; a++) out[a + 1] = full[columns[a]!]!;
  };
  let fit: RandomInterceptFit;
  try {
    fit = fitRandomInterceptBy(rowAt, n, p, y, participantOf);
  } catch (e) {
    if (e instanceof RangeError) return none('not_estimable');
    throw e;
  }
  // Positions in the fit: 0 intercept, then `columns` in order. Column 0 is arm; the
  // interaction of wave level j (1 … L − 1) is column K − L + j.
  const armAt = columns.indexOf(0);
  const byMonth: [number, MixedModelDifference][] = [];
  for (const month of months) {
    const l = kept.indexOf(month);
    const interactionAt = l > 0 ? columns.indexOf(K - L + l) : -1;
    if (armAt < 0 || l < 0 || (l > 0 && interactionAt < 0)) {
      byMonth.push([month, empty('not_estimable', nParticipants, n)]);
      continue;
    }
    // Wave `month`'s arm difference: the arm coefficient plus that wave's interaction (none for the reference wave).
    const contrast = new Array<number>(p).fill(0);
    contrast[armAt + 1] = 1;
    if (l > 0) contrast[interactionAt + 1] = 1;
    const c = fit.contrast(contrast);
    const t = tInference(c.estimate, c.se, c.df, level);
    byMonth.push([month, {
      estimate: c.estimate, se: c.se, ci: t.ci, df: c.df, p: t.p, note: t.ci === null ? 'no_variance' : null,
      df_method: 'satterthwaite', n_participants: nParticipants, n_observations: n,
    }]);
  }
  return { byMonth, participantVariance: fit.groupVariance, residualVariance: fit.residualVariance, converged: fit.converged };
}
