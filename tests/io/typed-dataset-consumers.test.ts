/**
 * Consumers of the typed registry columns: a missing amount is NaN in a Float64Array (from
 * ingest and the artifact) but null in a hand-built fixture, and both must count as
 * missing. Expected values are worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/io/dataset.ts';
import { employmentOverTime } from '../../src/outcomes/employment-over-time.ts';
import { ingestOk } from '../helpers/delivery.ts';

const plan = { ...ingestOk().plan, registry_months: { first: 0, last: 2 }, bootstrap_resamples: 50 };

/**
 * Months 0–2 of four participants. A (IPS) earns 100 + 200 + 300 = 600; B (IPS) has no
 * amount for month 1, so no complete earnings; C (TVR) earns 10 + 20 + 30 = 60; D (TVR) 0.
 */
function trial(earnings: ArrayLike<number | null>): Dataset {
  const four = <T>(xs: T[]) => xs;
  return {
    participants: {
      participant_id: four(['A', 'B', 'C', 'D']),
      site: four(['Oslo', 'Oslo', 'Oslo', 'Oslo']),
      arm: four(['IPS', 'IPS', 'TVR', 'TVR']),
      allocation_no: four([1, 2, 3, 4]),
      randomized_on: four(['2014-01-01', '2014-01-01', '2014-01-01', '2014-01-01']),
      age: four([30, 30, 30, 30]),
      sex: four<'F' | 'M' | null>(['F', 'F', 'F', 'F']),
      diagnosis: four<string | null>(['other', 'other', 'other', 'other']),
      education: four<string | null>(['primary', 'primary', 'primary', 'primary']),
      worked_last_5y: four<0 | 1 | null>([0, 0, 0, 0]),
      withdrawn: four<0 | 1>([0, 0, 0, 0]),
    },
    employment: {
      participant: Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]),
      month: Int16Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]),
      employed: Uint8Array.from([1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0]),
      earnings_nok: earnings as ArrayLike<number>,
    },
    questionnaires: { participant: new Int32Array(0), wave: new Int32Array(0), scores: {} },
  };
}

const AMOUNTS = [100, 200, 300, 50, null, 50, 10, 20, 30, 0, 0, 0];

describe('employmentOverTime on typed columns', () => {
  it('leaves out a participant whose amount is NaN, as one whose amount is null', () => {
    const typed = employmentOverTime(trial(Float64Array.from(AMOUNTS, (v) => v ?? Number.NaN)), plan);
    const plain = employmentOverTime(trial(AMOUNTS), plan);
    expect(typed.earnings.arms).toEqual({
      IPS: { n: 1, mean: 600, sd: null },
      TVR: { n: 2, mean: 30, sd: Math.sqrt(1800) },
    });
    expect(typed.earnings.difference.estimate).toBe(570);
    expect(typed).toEqual(plain);
    // Months employed do not depend on amounts: A 3, B 2 (IPS); C 3, D 0 (TVR).
    expect(typed.months_employed.arms.IPS).toEqual({ n: 2, mean: 2.5, sd: Math.SQRT1_2 });
  });
});
