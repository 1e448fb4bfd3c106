/**
 * The adjusted employment analysis at one timepoint: logistic regression of employment on
 * arm, site (the stratification variable) and the plan's covariates. Maximum likelihood;
 * when it separates or does not converge, Firth's penalized likelihood instead, and the
 * result says so. Also the standardized (g-computation) risk difference with a seeded
 * bootstrap interval.
 *
 * Participants with the same arm, site and covariates are one pattern (rowPatterns): the
 * maximum likelihood fits and the bootstrap work on patterns with their counts, which is the
 * same model as on the participants' rows (src/stats/logistic-patterns.ts) at a fraction of
 * the cost in a large trial. Firth's fits, needed only after separation, use the rows.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { designMatrix, type CellValue, type DesignMatrix } from '../stats/design-matrix.ts';
import { firthProfileInterval, fitFirth } from '../stats/firth.ts';
import {
  combineGComputationBootstrap,
  counterfactualsFromColumn,
  gComputationBootstrapChunk,
  gComputationChunkCount,
  standardizedRiskDifference,
  standardizedRiskDifferenceOfPatterns,
  warmStart,
  type GComputationBootstrapInput,
  type GComputationChunk,
  type StandardizedRiskDifference,
} from '../stats/g-computation.ts';
import { fitLogisticPatterns } from '../stats/logistic-patterns.ts';
import { lrTest, waldInterval, type LogisticFit, type Matrix } from '../stats/logistic-regression.ts';
import { chiSquareUpperTail } from '../stats/chi-square-tail.ts';
import { rowPatterns } from '../stats/row-patterns.ts';
import type { AdjustedOddsRatio, TimepointEmployment } from './employment-results.ts';
import { interventionArm } from './employment-over-time.ts';
import { armTerm, covariateTerm, siteLevels } from './model-columns.ts';
import { ANALYSIS_STREAM } from './streams.ts';
import { subSeed } from '../random/rng.ts';

type Adjusted = Pick<TimepointEmployment, 'adjusted_odds_ratio' | 'adjusted_risk_difference'>;

/** The adjusted analysis up to its bootstrap, which runs chunk by chunk (on a WorkerPool or inline). */
export interface PreparedAdjusted {
  readonly adjusted_odds_ratio: AdjustedOddsRatio;
  /** The bootstrap of the standardized risk difference, or null when there is none to run. */
  readonly bootstrap: { readonly input: GComputationBootstrapInput; readonly estimate: StandardizedRiskDifference; readonly confidence: number } | null;
}

/** The model's participants as patterns: rows of X with their counts, and each participant's row. */
interface ModelPatterns {
  readonly dm: DesignMatrix;
  /** Per kept pattern (row of dm.X): participants and employed. */
  readonly trials: number[];
  readonly successes: number[];
  /** Participants in the model, in dataset order, and the row of dm.X of each. */
  readonly participants: number[];
  readonly rowOf: number[];
}

/** Arm, site and covariate columns of the participants with a known outcome, collapsed into patterns. */
function modelPatterns(dataset: Dataset, plan: AnalysisPlan, status: Int8Array): ModelPatterns {
  const p = dataset.participants;
  const columns: Record<string, readonly CellValue[]> = { arm: p.arm, site: p.site };
  for (const c of plan.covariates) columns[c] = p[c as keyof typeof p] as readonly CellValue[];
  const known: number[] = [];
  for (let i = 0; i < status.length; i++) if (status[i] !== -1) known.push(i);
  const names = Object.keys(columns);
  const groups = rowPatterns(
    names.map((n) => columns[n]!),
    Int32Array.from(known),
  );
  const trials = new Array<number>(groups.count).fill(0);
  const successes = new Array<number>(groups.count).fill(0);
  for (const i of known) {
    trials[groups.patternOf[i]!]! += 1;
    successes[groups.patternOf[i]!]! += status[i]!;
  }
  const collapsed = Object.fromEntries(names.map((n) => [n, Array.from(groups.first, (i) => columns[n]![i])]));
  const terms = [armTerm(plan), { name: 'site', type: 'categorical' as const, levels: siteLevels(dataset) }, ...plan.covariates.map((c) => covariateTerm(c, plan))];
  const dm = designMatrix(collapsed, { terms, weights: trials });
  const rowOfPattern = new Int32Array(groups.count).fill(-1);
  dm.rows.forEach((pattern, row) => (rowOfPattern[pattern] = row));
  const participants: number[] = [];
  const rowOf: number[] = [];
  for (const i of known) {
    const row = rowOfPattern[groups.patternOf[i]!]!;
    if (row < 0) continue; // a covariate missing: not a complete case
    participants.push(i);
    rowOf.push(row);
  }
  return { dm, trials: dm.rows.map((q) => trials[q]!), successes: dm.rows.map((q) => successes[q]!), participants, rowOf };
}

/**
 * Adjusted odds ratio at `month` and everything its bootstrap needs; `status` is each
 * participant's outcome (1, 0, −1). The bootstrap's seed is the plan's, stream
 * adjustedRiskDifference + month.
 */
export function prepareAdjustedEmployment(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, month: number): PreparedAdjusted {
  const model = modelPatterns(dataset, plan, status);
  const { dm, trials, successes } = model;
  const armColumn = dm.columnNames.indexOf(`arm${interventionArm(plan)}`);
  const n = trials.reduce((s, m) => s + m, 0);
  const events = successes.reduce((s, v) => s + v, 0);
  if (armColumn < 0 || n === 0 || events === 0 || events === n) {
    const note = armColumn < 0 ? 'arm_not_estimable' : 'all_outcomes_equal';
    return { adjusted_odds_ratio: nullOddsRatio(dm, n, note), bootstrap: null };
  }
  // The participants' own rows, for Firth's fits (only after separation or non-convergence).
  const rows = () => ({ x: model.rowOf.map((r) => dm.X[r]!), y: model.participants.map((i) => status[i]!) });
  let ml: LogisticFit | null = null;
  const adjusted_odds_ratio = orNull(
    () => {
      ml = fitLogisticPatterns(dm.X, successes, trials);
      return adjustedOddsRatio(dm, ml, model, armColumn, plan.confidence_level, rows);
    },
    () => nullOddsRatio(dm, n, 'model_not_converged'),
  );
  const cf = counterfactualsFromColumn(dm.X, armColumn);
  const estimate = orNull<StandardizedRiskDifference | null>(
    () => {
      const fit = ml ?? fitLogisticPatterns(dm.X, successes, trials);
      if (!fit.separation && fit.converged) return standardizedRiskDifferenceOfPatterns(cf, trials, fit);
      // as the bootstrap's rule for a resample: Firth after separation or non-convergence
      const { x, y } = rows();
      const firth = fitFirth(x, y);
      if (!firth.converged) throw new RangeError('Firth fit did not converge');
      return standardizedRiskDifference(x, y, armColumn, firth);
    },
    () => null,
  );
  if (estimate === null) return { adjusted_odds_ratio, bootstrap: null };
  const k = dm.columnNames.length;
  const flat = (m: Matrix) => {
    const out = new Float64Array(m.length * k);
    m.forEach((row, p) => out.set(row, p * k));
    return out;
  };
  const armOf = Uint8Array.from(dm.X, (row) => row[armColumn]!);
  const units: [number[], number[]] = [[], []];
  model.participants.forEach((i, u) => {
    const row = model.rowOf[u]!;
    units[armOf[row] === 1 ? 0 : 1].push(2 * row + status[i]!);
  });
  const input: GComputationBootstrapInput = {
    k,
    patterns: dm.X.length,
    x: flat(dm.X),
    treated: flat(cf.treated),
    control: flat(cf.control),
    armOf,
    units: [Int32Array.from(units[0]), Int32Array.from(units[1])],
    resamples: plan.bootstrap_resamples,
    seed: subSeed(plan.seed, ANALYSIS_STREAM.adjustedRiskDifference + month),
    onSeparation: 'firth',
    start: warmStart(ml),
  };
  if (input.units[0].length === 0 || input.units[1].length === 0) return { adjusted_odds_ratio, bootstrap: null };
  return { adjusted_odds_ratio, bootstrap: { input, estimate, confidence: plan.confidence_level } };
}

/** The standardized risk difference with its interval from the bootstrap chunks' results (chunk order). */
export function finishAdjustedRiskDifference(prepared: PreparedAdjusted, chunks: readonly GComputationChunk[]): TimepointEmployment['adjusted_risk_difference'] {
  const b = prepared.bootstrap;
  if (!b) return null;
  return orNull(
    () => {
      const boot = combineGComputationBootstrap(b.estimate, b.input, chunks, b.confidence);
      return {
        estimate: boot.estimate.difference,
        ci: [boot.lower, boot.upper],
        p: null,
        method: 'g_computation_bootstrap_percentile',
        correction: boot.estimate.method === 'firth' ? 'firth' : null,
        note: boot.estimate.note,
        resamples: boot.used,
        failed_resamples: boot.failed,
      };
    },
    () => null,
  );
}

/**
 * Adjusted odds ratio and standardized risk difference at `month`, the bootstrap run on the
 * calling thread (the outcomes stage runs it on a WorkerPool: the same numbers).
 */
export function adjustedEmployment(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, month: number): Adjusted {
  const prepared = prepareAdjustedEmployment(dataset, plan, status, month);
  const input = prepared.bootstrap?.input;
  const chunks = input ? Array.from({ length: gComputationChunkCount(input) }, (_, c) => gComputationBootstrapChunk(input, c)) : [];
  return { adjusted_odds_ratio: prepared.adjusted_odds_ratio, adjusted_risk_difference: finishAdjustedRiskDifference(prepared, chunks) };
}

/**
 * The model's result, or the fallback when even Firth's method cannot be fitted (complete
 * separation by arm can defeat it): one timepoint must not stop the whole analysis.
 */
function orNull<T>(compute: () => T, fallback: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof RangeError) return fallback();
    throw err;
  }
}

function adjustedOddsRatio(dm: DesignMatrix, ml: LogisticFit, model: ModelPatterns, armColumn: number, level: number, rows: () => { x: number[][]; y: number[] }): AdjustedOddsRatio {
  const n = ml.nobs;
  const base = { n, terms: dm.columnNames, correction: null, note: null };
  const dropArm = (m: Matrix) => m.map((row) => row.filter((_, j) => j !== armColumn));
  if (!ml.separation && ml.converged) {
    const w = waldInterval(ml, armColumn, level);
    const lr = lrTest(ml, fitLogisticPatterns(dropArm(dm.X), model.successes, model.trials));
    return { ...base, estimate: w.oddsRatio, ci: [w.lower, w.upper], p: lr.p, method: 'wald_interval_lr_test', model: 'maximum_likelihood', separation: false, converged: true };
  }
  // Firth: profile penalized-likelihood interval and penalized likelihood-ratio test
  // (Heinze & Schemper 2002), as R's logistf reports them.
  const { x, y } = rows();
  const firth = fitFirth(x, y);
  const profile = firthProfileInterval(x, y, firth, armColumn, level);
  const firthReduced = fitFirth(dropArm(x), y);
  const statistic = Math.max(0, 2 * (firth.penalizedLogLik - firthReduced.penalizedLogLik));
  return {
    ...base,
    estimate: Math.exp(firth.coefficients[armColumn]!),
    ci: [Math.exp(profile.lower), Math.exp(profile.upper)],
    p: chiSquareUpperTail(statistic, 1),
    method: 'profile_penalized_likelihood',
    model: 'firth',
    separation: ml.separation,
    converged: firth.converged,
  };
}

function nullOddsRatio(dm: DesignMatrix, n: number, note: string): AdjustedOddsRatio {
  return {
    estimate: null,
    ci: null,
    p: null,
    method: 'wald_interval_lr_test',
    correction: null,
    note,
    model: 'maximum_likelihood',
    separation: false,
    converged: false,
    n,
    terms: dm.columnNames,
  };
}
