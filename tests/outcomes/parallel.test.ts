/**
 * Resampling on worker threads gives the single-threaded results exactly: the whole outcomes
 * result on the shipped sample (bootstrap, randomization tests, everything else) compared
 * with 1, 2 and 3 threads, with workers started before the run so that they take chunks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/io/ingest.ts';
import { analyseEmployment } from '../../src/outcomes/outcomes.ts';
import { WorkerPool } from '../../src/parallel/pool.ts';
import { SAMPLE } from '../helpers/cli.ts';

const raw = (f: string) => readFileSync(join(SAMPLE, f));
const { dataset, plan } = ingest({ plan: raw('analysis-plan.json'), participants: raw('participants.csv'), employment: raw('employment.csv'), questionnaires: raw('questionnaires.csv') });
// a permuted-blocks design too, so both ways of redrawing run in workers
const plans = [
  { ...plan, bootstrap_resamples: 400, permutations: 600 },
  { ...plan, bootstrap_resamples: 150, permutations: 300, randomization: { ...plan.randomization, method: 'permuted_blocks' as const, block_sizes: [2, 4] } },
];

describe('analyseEmployment on worker threads', () => {
  it.each(plans.map((p, k) => [k, p] as const))('gives the single-threaded result with 2 and 3 threads (plan %i)', async (_, p) => {
    const single = await analyseEmployment(dataset, p);
    for (const threads of [2, 3]) {
      const pool = new WorkerPool(threads);
      await pool.started();
      const progress: number[] = [];
      const parallel = await analyseEmployment(dataset, p, undefined, { pool, progress: (_l, done) => progress.push(done) });
      await pool.close();
      expect(parallel).toEqual(single);
      expect(progress.length).toBeGreaterThan(0);
    }
    // the resampled numbers are there (not all null)
    expect(single.employment.every((e) => e.adjusted_risk_difference !== null && e.randomization_test !== null)).toBe(true);
  });
});
