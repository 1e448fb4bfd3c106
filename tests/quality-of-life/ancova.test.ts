/**
 * The ANCOVA from pattern sums and cross-products against the plain route, designMatrix
 * (R's model.matrix with droplevels and its aliasing) and fitLinear (lm's QR), on the
 * shipped sample and on subsets built to make levels disappear and columns alias.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/io/dataset.ts';
import { ingest } from '../../src/io/ingest.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { interventionArm } from '../../src/outcomes/employment-over-time.ts';
import { armTerm, siteLevels } from '../../src/outcomes/model-columns.ts';
import { adjustmentTerms, ancovaDifference, ancovaTerms, type AncovaFit } from '../../src/quality-of-life/ancova.ts';
import { fixedDesign, waveValues, type FixedDesign } from '../../src/quality-of-life/fixed-design.ts';
import { imputationRows } from '../../src/quality-of-life/imputation.ts';
import { analysedByArm, measureScores } from '../../src/quality-of-life/scores.ts';
import { designMatrix } from '../../src/stats/design-matrix.ts';
import { fitLinear, linearContrast } from '../../src/stats/linear-model.ts';
import { SAMPLE } from '../helpers/cli.ts';

let dataset: Dataset;
let plan: AnalysisPlan;
let design: FixedDesign;

beforeAll(() => {
  const raw = (f: string) => readFileSync(join(SAMPLE, f));
  ({ dataset, plan } = ingest({ plan: raw('analysis-plan.json'), participants: raw('participants.csv'), employment: raw('employment.csv'), questionnaires: raw('questionnaires.csv') }));
  const analysed = [...analysedByArm(dataset, plan).values()].flat().sort((a, b) => a - b);
  design = fixedDesign(dataset, plan, siteLevels(dataset), imputationRows(dataset, plan, analysed));
});

/** lm(y ~ arm + baseline + site + covariates) through designMatrix and fitLinear, on the design's rows where `keep`. */
function plainAncova(followUp: Float64Array, baseline: Float64Array): { estimate: number; se: number; df: number; n: number } | string {
  const p = dataset.participants;
  const rows = Array.from(design.rows).map((i, r) => ({ i, r })).filter(({ r }) => !Number.isNaN(followUp[r]!) && !Number.isNaN(baseline[r]!));
  const pick = <T>(col: readonly T[]) => rows.map(({ i }) => col[i]!);
  const d = designMatrix(
    { arm: pick(p.arm), site: pick(p.site), age: pick(p.age), sex: pick(p.sex), diagnosis: pick(p.diagnosis), education: pick(p.education), worked_last_5y: pick(p.worked_last_5y), baseline: rows.map(({ r }) => baseline[r]!) },
    { terms: [armTerm(plan), ...adjustmentTerms(plan, siteLevels(dataset))] },
  );
  if (d.singleLevelTerms.includes('arm')) return 'no_answers_in_arm';
  const column = d.columnNames.indexOf(`arm${interventionArm(plan)}`);
  if (column < 0) return 'not_estimable';
  if (d.rows.length <= d.columnNames.length) return 'too_few_answers';
  const fit = fitLinear(d.X, d.rows.map((k) => followUp[rows[k]!.r]!));
  const L = d.columnNames.map((_, j) => (j === column ? 1 : 0));
  const c = linearContrast(fit, L, 0.95);
  return { estimate: c.estimate, se: c.se, df: c.df, n: d.rows.length };
}

const same = (fit: AncovaFit, plain: ReturnType<typeof plainAncova>) => {
  if (typeof plain === 'string') {
    expect(fit.note).toBe(plain);
    expect(fit.estimate).toBeNull();
    return;
  }
  expect(fit.note).toBeNull();
  expect(Math.abs(fit.estimate! - plain.estimate)).toBeLessThan(1e-11 * Math.max(1, Math.abs(plain.estimate)));
  expect(Math.abs(fit.se! - plain.se) / plain.se).toBeLessThan(1e-11);
  expect(fit.df).toBe(plain.df);
  expect(fit.n).toBe(plain.n);
};

describe('ANCOVA from cross-products', () => {
  it('equals designMatrix + fitLinear on every measure and wave of the sample', () => {
    for (const m of plan.measures) {
      const values = measureScores(dataset, plan, m.column).values.map((col) => waveValues(design, col));
      for (const w of [1, 2]) same(ancovaDifference(design, 0.95, ancovaTerms(plan), values[w]!, values[0]!), plainAncova(values[w]!, values[0]!));
    }
  });

  it('equals them when the reference site, a covariate level or an arm is missing among the answers', () => {
    const values = measureScores(dataset, plan, 'qol').values.map((col) => waveValues(design, col));
    const p = dataset.participants;
    const sites = siteLevels(dataset);
    const without = (drop: (i: number) => boolean) => values[2]!.map((v, r) => (drop(design.rows[r]!) ? NaN : v));
    const cases = [
      without((i) => p.site[i] === sites[0]), // the reference site: another site becomes the reference
      without((i) => p.site[i] !== sites[0] && p.site[i] !== sites[1]), // two sites left
      without((i) => p.education[i] === 'higher'),
      without((i) => p.education[i] !== 'higher' || p.site[i] !== sites[2]), // one site and one education level: their columns aliased
      without((i) => p.arm[i] === plan.control_arm), // one arm
      without((i) => i % 40 !== 0), // fewer answers than columns
    ];
    for (const followUp of cases) same(ancovaDifference(design, 0.95, ancovaTerms(plan), followUp, values[0]!), plainAncova(followUp, values[0]!));
  });

  it('gives a constant follow-up no interval, and a perfect fit the QR answer, as lm', () => {
    const values = measureScores(dataset, plan, 'qol').values.map((col) => waveValues(design, col));
    const constant = ancovaDifference(design, 0.95, ancovaTerms(plan), values[1]!.map((v) => (Number.isNaN(v) ? v : 4)), values[0]!);
    expect(constant).toMatchObject({ estimate: 0, se: 0, ci: null, p: null, note: 'no_variance' });
    // y = 2 + 0.5·baseline + arm exactly: the normal equations decline, the QR fits (lm's SE ~1e-16 too).
    const exact = values[0]!.map((b, r) => 2 + 0.5 * b + (design.intervention[r] ? 1 : 0));
    const fit = ancovaDifference(design, 0.95, ancovaTerms(plan), exact, values[0]!);
    expect(fit.estimate).toBeCloseTo(1, 12);
    expect(fit.se!).toBeLessThan(1e-12);
  });
});
