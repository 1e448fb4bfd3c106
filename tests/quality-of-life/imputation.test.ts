/**
 * The imputation's fast chained equations against the plain row-by-row algorithm (mice's
 * norm method through drawNormImputation), and the chunking: the same completed data sets
 * and pooled results whatever order the chunks run in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/io/dataset.ts';
import { ingest } from '../../src/io/ingest.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { siteLevels } from '../../src/outcomes/model-columns.ts';
import { ancovaTerms } from '../../src/quality-of-life/ancova.ts';
import { fixedDesign, waveValues, type FixedDesign } from '../../src/quality-of-life/fixed-design.ts';
import {
  completeMeasure, imputationChunk, imputationChunkCount, imputationInput, imputationKey, imputationRows, type ImputationInput, type NormalSource,
} from '../../src/quality-of-life/imputation.ts';
import { analysedByArm, measureScores } from '../../src/quality-of-life/scores.ts';
import { createRngFromKey } from '../../src/random/rng.ts';
import { SAMPLE } from '../helpers/cli.ts';
import { referenceImputation } from './reference-imputation.ts';

/** One rng.normal() per variate: the stream drawNormImputation consumes. */
const oneByOne: NormalSource = (rng, out, count) => {
  for (let i = 0; i < count; i++) out[i] = rng.normal();
};

let dataset: Dataset;
let plan: AnalysisPlan;
let design: FixedDesign;
let rows: number[];
let input: ImputationInput;

beforeAll(() => {
  const raw = (f: string) => readFileSync(join(SAMPLE, f));
  ({ dataset, plan } = ingest({ plan: raw('analysis-plan.json'), participants: raw('participants.csv'), employment: raw('employment.csv'), questionnaires: raw('questionnaires.csv') }));
  plan = { ...plan, imputations: 3 };
  const analysed = [...analysedByArm(dataset, plan).values()].flat().sort((a, b) => a - b);
  rows = imputationRows(dataset, plan, analysed);
  design = fixedDesign(dataset, plan, siteLevels(dataset), rows);
  input = imputationInput(design, plan, ancovaTerms(plan), plan.measures.map((m) => ({
    name: m.column,
    values: measureScores(dataset, plan, m.column).values.map((col) => waveValues(design, col)),
    analyse: [1, 2],
  })));
});

describe('chained equations from cross-products', () => {
  it('complete the same data sets as the row-by-row algorithm, given the same variates', () => {
    for (const [m, measure] of input.measures.entries()) {
      const scores = measureScores(dataset, plan, measure.name);
      for (let k = 0; k < 2; k++) {
        const key = imputationKey(plan.seed, measure.name, k);
        const fast = completeMeasure(input, input.measures[m]!, createRngFromKey(key), oneByOne);
        const slow = referenceImputation(dataset, plan, siteLevels(dataset), rows, scores, createRngFromKey(key));
        let imputed = 0;
        slow.forEach((col, w) => col.forEach((v, r) => {
          expect(v).not.toBeNull();
          // Rounding differs (cross-products against QR), nothing else: 10 rounds later about 1e-14 of the scale.
          expect(Math.abs(fast[w]![r]! - v!)).toBeLessThan(1e-11 * (1 + Math.abs(v!)));
          if (Number.isNaN(measure.observed[w]![r]!)) imputed++;
        }));
        expect(imputed).toBeGreaterThan(100);
      }
    }
  });

  it('keep every observed answer and impute within a plausible range', () => {
    const m = input.measures[0]!;
    const completed = completeMeasure(input, m, createRngFromKey('x'), (rng, out, count) => {
      for (let i = 0; i < count; i++) out[i] = rng.normal();
    });
    completed.forEach((col, w) => col.forEach((v, r) => {
      const o = m.observed[w]![r]!;
      if (!Number.isNaN(o)) expect(v).toBe(o);
      else expect(Math.abs(v - m.shift[w]!)).toBeLessThan(15);
    }));
  });
});

describe('imputation chunks', () => {
  const snapshot = (x: unknown) => JSON.stringify(x, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

  it('give the same results in order, reversed or interleaved, and leave the input as it was', () => {
    const before = snapshot(input);
    const n = imputationChunkCount(input);
    expect(n).toBe(plan.measures.length * 3);
    const inOrder = Array.from({ length: n }, (_, c) => imputationChunk(input, c));
    const reversed: typeof inOrder = new Array(n);
    for (let c = n - 1; c >= 0; c--) reversed[c] = imputationChunk(input, c);
    const interleaved: typeof inOrder = new Array(n);
    for (const c of [...Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 1), ...Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 0)]) {
      interleaved[c] = imputationChunk(input, c);
    }
    expect(reversed).toEqual(inOrder);
    expect(interleaved).toEqual(inOrder);
    expect(snapshot(input)).toBe(before);
    // Different imputations of a measure differ; each chunk is one (measure, imputation).
    expect(inOrder[0]!.fits[0]!.estimate).not.toBe(inOrder[1]!.fits[0]!.estimate);
    expect(inOrder.map((r) => [r.measure, r.imputation])).toEqual(Array.from({ length: n }, (_, c) => [Math.floor(c / 3), c % 3]));
  });

  it("draw a measure's imputations from keys of its own name, so other measures do not move them", () => {
    const alone = imputationInput(design, plan, ancovaTerms(plan), [{
      name: plan.measures[2]!.column,
      values: measureScores(dataset, plan, plan.measures[2]!.column).values.map((col) => waveValues(design, col)),
      analyse: [1, 2],
    }]);
    expect(imputationChunk(alone, 1).fits).toEqual(imputationChunk(input, 2 * 3 + 1).fits);
  });
});
