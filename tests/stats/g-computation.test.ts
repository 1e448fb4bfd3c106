/**
 * g-computation of the standardized risk difference against R 4.2:
 * mean(predict(fit, within(d, arm <- "IPS"), type = "response")) −
 * mean(predict(fit, within(d, arm <- "TVR"), type = "response")) on the complete cases of the
 * trial data (tests/fixtures/logistic/reference.R). The bootstrap's random draws cannot be
 * matched to R's generator; it is checked for repeatability, for its bookkeeping, and
 * against R's own stratified bootstrap of the same estimator within Monte Carlo error.
 */
import { describe, expect, it } from 'vitest';
import { chunkRng } from '../../src/random/chunk-streams.ts';
import type { Rng } from '../../src/random/rng.ts';
import { designMatrix, findAliasedColumns } from '../../src/stats/design-matrix.ts';
import { fitFirth } from '../../src/stats/firth.ts';
import { fitLogistic } from '../../src/stats/logistic-regression.ts';
import {
  bootstrapStandardizedRiskDifference,
  counterfactualsFromColumn,
  G_COMPUTATION_CHUNK,
  standardizedRiskDifference,
} from '../../src/stats/g-computation.ts';
import { TRIAL_TERMS, trialColumns } from '../fixtures/logistic/trial-data.ts';

function expectRel(actual: readonly number[], expected: readonly number[], rel = 1e-9): void {
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(rel * Math.abs(expected[i]!)));
}

const columns = trialColumns();
const main = designMatrix(columns, { response: 'employed', terms: TRIAL_TERMS });
const inter = designMatrix(columns, { response: 'employed', terms: TRIAL_TERMS, interaction: { a: 'arm', b: 'site' } });
const interCf = { treated: inter.counterfactual('arm', 'IPS'), control: inter.counterfactual('arm', 'TVR') };
let rngOfChunk: Rng | null = null;

describe('standardizedRiskDifference', () => {
  it('matches R for arm + site + age + sex', () => {
    // R: c(p1, p0, p1 - p0) for fit1
    const expected = [0.49129499329300474, 0.37454006556662917, 0.11675492772637558];
    const byColumn = standardizedRiskDifference(main.X, main.y!, 1);
    expectRel([byColumn.riskTreated, byColumn.riskControl, byColumn.difference], expected);
    expect(byColumn.method).toBe('ml');
    expect(byColumn.note).toBeNull();
    const byDesign = standardizedRiskDifference(main.X, main.y!, { treated: main.counterfactual('arm', 'IPS'), control: main.counterfactual('arm', 'TVR') });
    expectRel([byDesign.difference], [expected[2]!]);
  });

  it('matches R with an arm × site interaction', () => {
    const fit = fitLogistic(inter.X, inter.y!);
    const rd = standardizedRiskDifference(inter.X, inter.y!, interCf, fit);
    // R: c(q1, q0, q1 - q0) for fit2
    expectRel([rd.riskTreated, rd.riskControl, rd.difference], [0.49182149897530431, 0.37561485042398585, 0.11620664855131846]);
  });

  it('matches R when a site has one arm only (R: "prediction from a rank-deficient fit")', () => {
    const extra = { site: ['E', 'E', 'E', 'E', 'E', 'E'], arm: new Array(6).fill('IPS'), age: [30, 41, 52, 25, 36, 47], sex: ['F', 'M', 'M', 'F', 'M', 'F'], employed: [1, 0, 1, 1, 0, 0] };
    const cols = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, [...v, ...extra[k as keyof typeof extra]]]));
    const terms = [TRIAL_TERMS[0], { name: 'site', type: 'categorical', levels: ['A', 'B', 'C', 'D', 'E'] }, TRIAL_TERMS[2], TRIAL_TERMS[3]] as const;
    const d = designMatrix(cols, { response: 'employed', terms, interaction: { a: 'arm', b: 'site' } });
    const rd = standardizedRiskDifference(d.X, d.y!, { treated: d.counterfactual('arm', 'IPS'), control: d.counterfactual('arm', 'TVR') });
    // R: c(r1, r0, r1 - r0) for fit3, whose NA coefficient predict() treats as 0
    expectRel([rd.riskTreated, rd.riskControl, rd.difference], [0.49186312065889576, 0.37619819166172142, 0.11566492899717434]);
  });

  it('standardizes a Firth fit as well (base R firth_newton, reference.R)', () => {
    const rd = standardizedRiskDifference(main.X, main.y!, 1, fitFirth(main.X, main.y!));
    expectRel([rd.riskTreated, rd.riskControl, rd.difference], [0.49101467409818539, 0.37814511084619296, 0.11286956325199243], 1e-8);
    expect(rd.method).toBe('firth');
  });

  it('gives risks 0 and a difference of exactly 0 when nobody has the outcome', () => {
    const x = main.X.slice(0, 20);
    const rd = standardizedRiskDifference(x, new Array(20).fill(0), 1);
    expect(rd).toEqual({ riskTreated: 0, riskControl: 0, difference: 0, method: 'none', separation: false, note: 'no_events' });
    const all = standardizedRiskDifference(x, new Array(20).fill(1), 1);
    expect([all.riskTreated, all.difference, all.note]).toEqual([1, 0, 'all_events']);
  });

  it('refuses an arm column that is not 0/1', () => {
    expect(() => counterfactualsFromColumn(main.X, 5)).toThrow(/0\/1/);
  });
});

describe('bootstrapStandardizedRiskDifference', () => {
  it('agrees with R\'s stratified bootstrap of the same estimator within Monte Carlo error, and repeats for a seed', () => {
    const b = bootstrapStandardizedRiskDifference(main.X, main.y!, 1, { resamples: 2000, seed: 20240611 });
    expectRel([b.estimate.difference], [0.11675492772637558]);
    expect(b.used).toBe(2000);
    expect(b.failed).toBe(0);
    expect(b.stratified).toBe(true);
    // R, set.seed(1), 2000 resamples within arm, glm refitted each time:
    // sd 0.06921495, quantile(rd, c(.025, .975)) = -0.02061224, 0.2559528; the delta-method se is 0.0682.
    // Monte Carlo error of each limit is about 0.004 per run.
    const mean = b.replicates.reduce((s, v) => s + v, 0) / b.used;
    const sd = Math.sqrt(b.replicates.reduce((s, v) => s + (v - mean) ** 2, 0) / (b.used - 1));
    expect(Math.abs(sd - 0.06921495)).toBeLessThan(0.007);
    expect(Math.abs(b.lower - -0.02061224)).toBeLessThan(0.02);
    expect(Math.abs(b.upper - 0.2559528)).toBeLessThan(0.02);
    const again = bootstrapStandardizedRiskDifference(main.X, main.y!, 1, { resamples: 200, seed: 20240611 });
    expect(again.replicates).toEqual(b.replicates.slice(0, 200));
  });

  it('gives the replicates of refitting each resample with fitLogistic, fitFirth and standardizedRiskDifference', () => {
    // The resamples drawn as the bootstrap draws them (chunks of G_COMPUTATION_CHUNK, chunk c
    // from chunkRng(seed, c), within arm, treated first), each fitted plainly on its
    // materialized rows: aliased columns dropped, Firth after separation. The bootstrap fits
    // counts per pattern from the full-data estimate instead of rows from R's start: the same
    // maximum, reached by the same convergence criterion, so equal to far below Monte Carlo error.
    // With arm × site and a site E of two, resamples are rank deficient, separated or both.
    const extra = { site: ['E', 'E'], arm: ['IPS', 'TVR'], age: [30, 41], sex: ['F', 'M'], employed: [1, 0] };
    const cols = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, [...v, ...extra[k as keyof typeof extra]]]));
    const terms = [TRIAL_TERMS[0], { name: 'site', type: 'categorical', levels: ['A', 'B', 'C', 'D', 'E'] }, TRIAL_TERMS[2], TRIAL_TERMS[3]] as const;
    const d = designMatrix(cols, { response: 'employed', terms, interaction: { a: 'arm', b: 'site' } });
    const cf = { treated: d.counterfactual('arm', 'IPS'), control: d.counterfactual('arm', 'TVR') };
    const y = d.y!;
    const resamples = 150;
    const b = bootstrapStandardizedRiskDifference(d.X, y, cf, { resamples, seed: 77 });
    const arms = [0, 1].map((t) => d.X.flatMap((row, i) => (row[1] === 1 - t ? [i] : [])));
    const expected: number[] = [];
    for (let r = 0; r < resamples; r++) {
      const rng = r % G_COMPUTATION_CHUNK === 0 ? chunkRng(77, r / G_COMPUTATION_CHUNK) : rngOfChunk!;
      rngOfChunk = rng;
      const idx = arms.flatMap((group) => group.map(() => group[rng.int(0, group.length - 1)]!));
      const aliased = findAliasedColumns(idx.map((i) => d.X[i]!), d.X[0]!.length);
      const select = (m: number[][]) => idx.map((i) => m[i]!.filter((_, j) => !aliased.includes(j)));
      const [xs, ys] = [select(d.X), idx.map((i) => y[i]!)];
      const ml = fitLogistic(xs, ys);
      const fit = ml.separation || !ml.converged ? fitFirth(xs, ys) : ml;
      expected.push(standardizedRiskDifference(xs, ys, { treated: select(cf.treated), control: select(cf.control) }, fit).difference);
    }
    expect(b.rankDeficient).toBeGreaterThan(10);
    expect(b.firthRefits).toBeGreaterThan(10);
    expect(b.replicates).toHaveLength(resamples);
    const worst = Math.max(...b.replicates.map((v, r) => Math.abs(v - expected[r]!)));
    expect(worst).toBeLessThan(1e-9);
  });

  it('refits separated resamples with Firth (or keeps them) and counts them', () => {
    // With arm × site, site D's cells hold about 10 people; some resamples have nobody (or
    // everybody) employed in one of them: quasi-complete separation.
    const firth = bootstrapStandardizedRiskDifference(inter.X, inter.y!, interCf, { resamples: 300, seed: 5 });
    const keep = bootstrapStandardizedRiskDifference(inter.X, inter.y!, interCf, { resamples: 300, seed: 5, onSeparation: 'keep' });
    expect(firth.firthRefits).toBeGreaterThan(0);
    expect(keep.separatedKept).toBe(firth.firthRefits); // same seed, same resamples
    expect(keep.firthRefits).toBe(0);
    expect(firth.failed).toBe(0);
    expect(firth.used).toBe(300);
    expect(firth.replicates.every(Number.isFinite)).toBe(true);
    expect(firth.lower).toBeLessThan(firth.estimate.difference);
    expect(firth.upper).toBeGreaterThan(firth.estimate.difference);
  });

  it('leaves out columns aliased in a resample (a small site drawn empty) and counts the resamples', () => {
    // A site E of two people, one per arm: a resample misses both (siteE then all 0) with
    // probability about (1 − 1/101)¹⁰¹ · (1 − 1/101)¹⁰¹ ≈ 0.13.
    const extra = { site: ['E', 'E'], arm: ['IPS', 'TVR'], age: [30, 41], sex: ['F', 'M'], employed: [1, 0] };
    const cols = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, [...v, ...extra[k as keyof typeof extra]]]));
    const terms = [TRIAL_TERMS[0], { name: 'site', type: 'categorical', levels: ['A', 'B', 'C', 'D', 'E'] }, TRIAL_TERMS[2], TRIAL_TERMS[3]] as const;
    const d = designMatrix(cols, { response: 'employed', terms });
    const b = bootstrapStandardizedRiskDifference(d.X, d.y!, 1, { resamples: 200, seed: 11 });
    expect(b.rankDeficient).toBeGreaterThan(10);
    expect(b.rankDeficient).toBeLessThan(50);
    expect(b.failed).toBe(0);
    expect(b.used).toBe(200);
  });

  it('gives a degenerate interval [0, 0] when nobody has the outcome', () => {
    const x = main.X.slice(0, 40);
    const b = bootstrapStandardizedRiskDifference(x, new Array(40).fill(0), 1, { resamples: 50, seed: 1 });
    expect([b.lower, b.upper, b.estimate.difference]).toEqual([0, 0, 0]);
    expect(b.allOutcomesEqual).toBe(50);
  });

  it('refuses data without both arms', () => {
    const x = main.X.filter((r) => r[1] === 1).slice(0, 10);
    expect(() => bootstrapStandardizedRiskDifference(x, new Array(10).fill(0), 1, { resamples: 10, seed: 1 })).toThrow(/both arms/);
  });
});
