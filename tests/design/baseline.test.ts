/**
 * The baseline table on a small hand-built trial. Expected statistics come from R 4.2
 * (base R), printed with sprintf('%.17g', …); `yd` is the Yang & Dalton SMD written with
 * solve() as in tests/stats/smd.test.ts:
 *   yd <- function(cT, cC) {
 *     keep <- (cT + cC) > 0; cT <- cT[keep]; cC <- cC[keep]
 *     T <- (cT / sum(cT))[-1]; C <- (cC / sum(cC))[-1]
 *     cv <- function(p) { m <- -outer(p, p); diag(m) <- p * (1 - p); m }
 *     S <- (cv(T) + cv(C)) / 2; d <- T - C
 *     sqrt(drop(t(d) %*% solve(S, d)))
 *   }
 * and `bin` the two-level SMD: bin <- function(pt, pc) abs(pt - pc) / sqrt((pt * (1 - pt) + pc * (1 - pc)) / 2)
 */
import { describe, expect, it } from 'vitest';
import {
  baselineTable,
  suppressSmallCells,
  type BaselineTable,
  type CategoricalVariable,
  type ContinuousVariable,
} from '../../src/design/baseline.ts';
import type { ParticipantsTable } from '../../src/io/dataset.ts';
import { validatePlan, type AnalysisPlan } from '../../src/io/plan.ts';

type Row = [arm: string, age: number | null, sex: 'F' | 'M' | null, diagnosis: string | null, education: string | null, worked: 0 | 1 | null, withdrawn?: 1];

/** IPS (treatment): 9 analysed + 1 withdrawn; TVR (control): 8 analysed + 1 withdrawn. */
const ROWS: Row[] = [
  ['IPS', 23, 'F', 'depression', 'primary', 1],
  ['IPS', 35, 'F', 'depression', 'secondary', 1],
  ['IPS', 41, 'M', 'depression', 'secondary', 0],
  ['IPS', 29, 'F', 'depression', 'secondary', 1],
  ['IPS', 52, 'M', 'anxiety', 'secondary', 0],
  ['IPS', 38, 'F', 'anxiety', 'secondary', 1],
  ['IPS', 30, 'F', 'anxiety', 'higher', 0],
  ['IPS', 44, 'M', 'psychosis', 'higher', 0],
  ['IPS', null, 'F', 'psychosis', 'higher', 0],
  ['IPS', 70, 'M', 'bipolar', 'primary', 1, 1],
  ['TVR', 27, 'F', 'depression', 'secondary', 1],
  ['TVR', 33, 'F', 'depression', 'secondary', 1],
  ['TVR', 48, 'M', 'depression', 'secondary', 0],
  ['TVR', 36, 'F', 'anxiety', 'secondary', 1],
  ['TVR', 25, 'M', 'anxiety', 'higher', 0],
  ['TVR', 40, 'F', 'anxiety', 'higher', 1],
  ['TVR', 31, null, null, 'higher', 0],
  ['TVR', null, 'F', null, 'higher', null],
  ['TVR', 16, 'F', 'other', 'primary', 0, 1],
];

function table(rows: Row[]): ParticipantsTable {
  return {
    participant_id: rows.map((_, i) => `P${i + 1}`),
    site: rows.map(() => 'Agder'),
    arm: rows.map((r) => r[0]),
    allocation_no: rows.map((_, i) => i + 1),
    randomized_on: rows.map(() => '2014-01-10'),
    age: rows.map((r) => r[1]),
    sex: rows.map((r) => r[2]),
    diagnosis: rows.map((r) => r[3]),
    education: rows.map((r) => r[4]),
    worked_last_5y: rows.map((r) => r[5]),
    withdrawn: rows.map((r) => r[6] ?? 0),
  };
}

function plan(smallCell: number): AnalysisPlan {
  const { plan: p, violations } = validatePlan(
    {
      trial: { name: 'Baseline test' },
      arms: ['IPS', 'TVR'],
      control_arm: 'TVR',
      stratification: 'site',
      timepoints: [6],
      primary_timepoint: 6,
      registry_months: { first: 0, last: 6 },
      employment_definition: 'employed_in_month',
      covariates: [],
      diagnosis_levels: ['depression', 'anxiety', 'bipolar', 'psychosis', 'other'],
      questionnaire_waves: [0],
      measures: [],
      multiplicity: 'holm',
      confidence_level: 0.95,
      bootstrap_resamples: 10,
      permutations: 10,
      seed: 1,
      small_cell_threshold: smallCell,
      report_language: 'nb',
    },
    'analysis-plan.json',
  );
  expect(violations).toEqual([]);
  return p!;
}

/** Ages of 12 (IPS) and 10 (TVR) participants: enough for a summary at the minimum of 10. */
const AGE_IPS = [23, 35, 41, 29, 52, 38, 30, 44, 47, 26, 33, 58];
const AGE_TVR = [27, 33, 48, 36, 25, 40, 31, 45, 29, 39];

/** A trial that differs only in age: every other characteristic the same for everyone. */
function ageTable(ips: readonly (number | null)[], tvr: readonly (number | null)[]): ParticipantsTable {
  const row = (arm: string) => (age: number | null): Row => [arm, age, 'F', 'depression', 'higher', 1];
  return table([...ips.map(row('IPS')), ...tvr.map(row('TVR'))]);
}
const nulls = (k: number) => new Array<null>(k).fill(null);

/** Every published count (a level's n, a continuous n or missing) from 1 to below the threshold. */
function smallCounts(t: BaselineTable): number[] {
  const counts = t.variables.flatMap((v) =>
    v.kind === 'continuous' ? Object.values(v.arms).flatMap((s) => [s.n, s.missing]) : v.levels.flatMap((l) => Object.values(l.arms).map((c) => c.n)),
  );
  return counts.filter((n): n is number => n !== null && n > 0 && n < t.small_cell_threshold);
}

const continuous = (t: BaselineTable, name: string) => t.variables.find((v) => v.variable === name) as ContinuousVariable;
const categorical = (t: BaselineTable, name: string) => t.variables.find((v) => v.variable === name) as CategoricalVariable;
/** n per row (levels then missing) of one arm; null where suppressed. */
const column = (v: CategoricalVariable, arm: string) => v.levels.map((l) => l.arms[arm]!.n);

describe('baselineTable', () => {
  const t = baselineTable(table(ROWS), plan(3));

  it('describes randomized, not withdrawn participants, arms and variables in plan order', () => {
    expect(t.population).toBe('randomized_not_withdrawn');
    expect(t.arms).toEqual({ IPS: 9, TVR: 8 });
    expect(Object.keys(t.arms)).toEqual(['IPS', 'TVR']);
    expect(t.imbalance_threshold).toBe(0.1);
    expect(t.small_cell_threshold).toBe(3);
    expect(t.min_n_for_summary).toBe(10);
    expect(baselineTable(table(ROWS), plan(12)).min_n_for_summary).toBe(12);
    expect(t.variables.map((v) => [v.variable, v.kind])).toEqual([
      ['age', 'continuous'],
      ['sex', 'categorical'],
      ['diagnosis', 'categorical'],
      ['education', 'categorical'],
      ['worked_last_5y', 'categorical'],
    ]);
  });

  it('summarizes age as R does (mean, sd, type-7 quartiles) and gives its SMD', () => {
    const age = continuous(baselineTable(ageTable([...AGE_IPS, ...nulls(3)], AGE_TVR), plan(3)), 'age');
    // a <- c(23, 35, 41, 29, 52, 38, 30, 44, 47, 26, 33, 58); mean(a); sd(a); quantile(a, c(.25, .5, .75))
    expect(age.arms.IPS).toEqual({
      n: 12,
      missing: 3,
      mean: 38,
      sd: expect.closeTo(10.744977685158096, 13),
      median: 36.5,
      q1: 29.75,
      q3: 44.75,
      suppressed: false,
      missing_suppressed: false,
    });
    // b <- c(27, 33, 48, 36, 25, 40, 31, 45, 29, 39); mean(b); sd(b); quantile(b, c(.25, .5, .75))
    expect(age.arms.TVR).toEqual({
      n: 10,
      missing: 0,
      mean: 35.299999999999997,
      sd: expect.closeTo(7.6746335417399569, 13), // 1 ulp from R: the sum runs in another order
      median: 34.5,
      q1: 29.5,
      q3: 39.75,
      suppressed: false,
      missing_suppressed: false,
    });
    // (mean(a) - mean(b)) / sqrt((var(a) + var(b)) / 2)
    expect(age.smd).toBeCloseTo(0.28917591936678239, 14);
    expect(age).toMatchObject({ smd_method: 'pooled_sd', smd_note: null, imbalanced: true });
  });

  it('lists every allowed level in order, empty ones kept, then always a missing row', () => {
    expect(categorical(t, 'sex').levels.map((l) => [l.level, l.missing])).toEqual([['F', false], ['M', false], ['', true]]);
    expect(categorical(t, 'diagnosis').levels.map((l) => l.level)).toEqual(['depression', 'anxiety', 'bipolar', 'psychosis', 'other', '']);
    expect(categorical(t, 'education').levels.map((l) => l.level)).toEqual(['primary', 'secondary', 'higher', '']);
    expect(categorical(t, 'worked_last_5y').levels.map((l) => l.level)).toEqual(['1', '0', '']);
    // IPS has no missing sex: the row is there with n 0
    expect(categorical(t, 'sex').levels[2]!.arms.IPS).toEqual({ n: 0, fraction: 0, suppressed: false });
  });

  it('gives categorical SMDs equal to R (on non-missing values) when nothing is hidden', () => {
    const open = baselineTable(table(ROWS), plan(1));
    // yd(c(6, 3), c(5, 2))
    expect(categorical(open, 'sex').smd).toBeCloseTo(0.10314212462587934, 14);
    // yd(c(4, 3, 0, 2, 0), c(3, 3, 0, 0, 0)): psychosis empty in TVR only is kept
    expect(categorical(open, 'diagnosis').smd).toBeCloseTo(0.77109960095605967, 14);
    // yd(c(1, 5, 3), c(0, 4, 4))
    expect(categorical(open, 'education').smd).toBeCloseTo(0.56407607481776634, 14);
    // yd(c(4, 5), c(4, 3))
    expect(categorical(open, 'worked_last_5y').smd).toBeCloseTo(0.25607375986579206, 14);
    for (const v of open.variables.slice(1)) expect(v).toMatchObject({ smd_method: 'yang_dalton', smd_note: null, imbalanced: true });
  });

  it('withholds the SMD and its flag of a variable with any hidden count or summary', () => {
    // Every variable of the small trial has something hidden at threshold 3 (age: 8 and 7
    // values, below the minimum of 10), so no SMD is published, nor its imbalance flag.
    for (const v of t.variables) expect(v, v.variable).toMatchObject({ smd: null, smd_note: 'suppressed', imbalanced: null });
  });

  it('withholds the SMD that would pin two hidden cells (IPS F 29, M 1)', () => {
    const rows: Row[] = [
      ...Array.from({ length: 29 }, (): Row => ['IPS', 30, 'F', 'depression', 'higher', 1]),
      ['IPS', 30, 'M', 'depression', 'higher', 1],
      ...Array.from({ length: 30 }, (_, i): Row => ['TVR', 30, i < 15 ? 'F' : 'M', 'depression', 'higher', 1]),
    ];
    // M = 1 is hidden, and F = 29 as its partner; bin(29 / 30, 15 / 30) = 1.2422991131825594
    // would give F back (it is the only split of 30 with that SMD).
    const sex = categorical(baselineTable(table(rows), plan(3)), 'sex');
    expect(column(sex, 'IPS')).toEqual([null, null, 0]);
    expect(sex).toMatchObject({ smd: null, smd_note: 'suppressed', imbalanced: null });
    expect(categorical(baselineTable(table(rows), plan(1)), 'sex').smd).toBeCloseTo(1.2422991131825594, 14);
  });

  it('lets suppressed come first: no_overlap would say a hidden cell is the whole arm', () => {
    const rows: Row[] = [
      ['IPS', 30, 'F', 'depression', 'higher', 1],
      ['IPS', 30, 'F', 'depression', 'higher', 1],
      ...Array.from({ length: 5 }, (): Row => ['TVR', 30, 'M', 'depression', 'higher', 1]),
    ];
    expect(categorical(baselineTable(table(rows), plan(1)), 'sex')).toMatchObject({ smd: null, smd_note: 'no_overlap' });
    expect(categorical(baselineTable(table(rows), plan(3)), 'sex')).toMatchObject({ smd: null, smd_note: 'suppressed', imbalanced: null });
  });

  it('suppresses counts 0 < n < 3, and one more cell when only one was hidden', () => {
    expect(column(categorical(t, 'sex'), 'IPS')).toEqual([6, 3, 0]);
    expect(column(categorical(t, 'sex'), 'TVR')).toEqual([5, null, null]); // two small cells: nothing more
    // psychosis 2 hidden, so the smallest other non-zero cell (anxiety 3) too
    expect(column(categorical(t, 'diagnosis'), 'IPS')).toEqual([4, null, 0, null, 0, 0]);
    // missing 2 hidden; depression and anxiety tie at 3: the first is hidden
    expect(column(categorical(t, 'diagnosis'), 'TVR')).toEqual([null, 3, 0, 0, 0, null]);
    expect(column(categorical(t, 'education'), 'IPS')).toEqual([null, 5, null, 0]);
    expect(column(categorical(t, 'education'), 'TVR')).toEqual([0, 4, 4, 0]);
    expect(column(categorical(t, 'worked_last_5y'), 'TVR')).toEqual([4, null, null]);
    const hidden = categorical(t, 'worked_last_5y').levels[1]!.arms.TVR;
    expect(hidden).toEqual({ n: null, fraction: null, suppressed: true });
  });

  it('gives fractions of all arm participants (missing included), summing to 1 without suppression', () => {
    const open = baselineTable(table(ROWS), plan(1));
    for (const v of open.variables) {
      if (v.kind !== 'categorical') continue;
      for (const arm of ['IPS', 'TVR']) {
        const cells = v.levels.map((l) => l.arms[arm]!);
        expect(cells.every((c) => !c.suppressed)).toBe(true);
        expect(cells.reduce((s, c) => s + c.fraction!, 0)).toBeCloseTo(1, 15);
        expect(cells.reduce((s, c) => s + c.n!, 0)).toBe(open.arms[arm]);
      }
    }
    expect(categorical(open, 'sex').levels[1]!.arms.TVR).toEqual({ n: 2, fraction: 2 / 8, suppressed: false });
  });

  it('excludes withdrawn participants', () => {
    const diagnosis = categorical(baselineTable(table(ROWS), plan(1)), 'diagnosis');
    expect(diagnosis.levels.find((l) => l.level === 'bipolar')!.arms).toEqual({
      IPS: { n: 0, fraction: 0, suppressed: false },
      TVR: { n: 0, fraction: 0, suppressed: false },
    });
    expect(diagnosis.levels.find((l) => l.level === 'other')!.arms.TVR!.n).toBe(0);
    expect(continuous(baselineTable(table(ROWS), plan(1)), 'age').arms.IPS!.n).toBe(8); // not the withdrawn 70-year-old
  });

  const NONE = { mean: null, sd: null, median: null, q1: null, q3: null };

  it('hides a continuous summary of fewer than max(threshold, 10) values, which could reveal every value', () => {
    // Three to five values: the five statistics would pin them all down.
    for (const k of [3, 4, 5, 9]) {
      const age = continuous(baselineTable(ageTable(AGE_IPS.slice(0, k), AGE_TVR), plan(3)), 'age');
      expect(age.arms.IPS, `n = ${k}`).toEqual({ n: k, missing: 0, ...NONE, suppressed: true, missing_suppressed: false });
      expect(age.arms.TVR, `n = ${k}`).toMatchObject({ n: 10, suppressed: false, mean: 35.299999999999997 });
      expect(age, `n = ${k}`).toMatchObject({ smd: null, smd_note: 'suppressed', imbalanced: null });
    }
    // Ten values are enough at threshold 3; at threshold 12 the threshold is the minimum.
    expect(continuous(baselineTable(ageTable(AGE_IPS.slice(0, 10), AGE_TVR), plan(3)), 'age').arms.IPS).toMatchObject({ n: 10, suppressed: false });
    const strict = continuous(baselineTable(ageTable(AGE_IPS, AGE_TVR), plan(12)), 'age');
    expect(strict.arms.IPS).toMatchObject({ n: 12, suppressed: false, mean: 38 });
    expect(strict.arms.TVR).toEqual({ n: null, missing: null, ...NONE, suppressed: true, missing_suppressed: true });
  });

  it('hides n and missing together when either is small, since they add up to the arm size', () => {
    const summary = (ips: (number | null)[]) => continuous(baselineTable(ageTable(ips, AGE_TVR), plan(3)), 'age');
    // 2 missing of 14: both hidden, the summary of 12 values shown, and the SMD with it.
    const twoMissing = summary([...AGE_IPS, ...nulls(2)]);
    expect(twoMissing.arms.IPS).toMatchObject({ n: null, missing: null, suppressed: false, missing_suppressed: true, mean: 38 });
    expect(twoMissing.smd).toBeCloseTo(0.28917591936678239, 14);
    // 2 values of 22: n is small, and missing = 20 would give it away.
    expect(summary([23, 35, ...nulls(20)]).arms.IPS).toEqual({ n: null, missing: null, ...NONE, suppressed: true, missing_suppressed: true });
    // So would missing = 0.
    expect(summary([23, 35]).arms.IPS).toEqual({ n: null, missing: null, ...NONE, suppressed: true, missing_suppressed: true });
    // 7 values and 5 missing: neither is small; the summary of 7 is still hidden.
    expect(summary([...AGE_IPS.slice(0, 7), ...nulls(5)]).arms.IPS).toEqual({ n: 7, missing: 5, ...NONE, suppressed: true, missing_suppressed: false });
  });

  it('publishes no count from 1 to below the threshold anywhere in the table (results.json prints it whole)', () => {
    const tables = [
      t,
      baselineTable(table(ROWS), plan(5)),
      baselineTable(ageTable([...AGE_IPS, ...nulls(2)], [23, 35, ...nulls(20)]), plan(3)),
      baselineTable(ageTable([23, ...nulls(1)], [...AGE_TVR, null]), plan(3)),
    ];
    for (const table of tables) expect(smallCounts(table)).toEqual([]);
  });

  it('flags arms that share no level: null SMD, no_overlap, imbalanced', () => {
    const rows: Row[] = [
      ['IPS', 30, 'F', 'depression', 'higher', 1],
      ['IPS', 40, 'F', 'anxiety', 'higher', 0],
      ['TVR', 35, 'M', 'depression', 'higher', 1],
      ['TVR', 45, 'M', 'anxiety', 'higher', 0],
    ];
    const sex = categorical(baselineTable(table(rows), plan(1)), 'sex');
    expect(sex).toMatchObject({ smd: null, smd_note: 'no_overlap', imbalanced: true });
    const education = categorical(baselineTable(table(rows), plan(1)), 'education');
    expect(education).toMatchObject({ smd: 0, smd_note: null, imbalanced: false });
  });

  it('gives no_data when every value is missing in one arm', () => {
    const rows: Row[] = [
      ['IPS', 30, 'F', 'depression', null, 1],
      ['IPS', 40, 'M', 'anxiety', null, 0],
      ['TVR', null, 'M', 'depression', 'higher', 1],
      ['TVR', null, 'F', 'anxiety', 'primary', 0],
    ];
    const t2 = baselineTable(table(rows), plan(1));
    expect(categorical(t2, 'education')).toMatchObject({ smd: null, smd_note: 'no_data', imbalanced: false });
    expect(column(categorical(t2, 'education'), 'IPS')).toEqual([0, 0, 0, 2]);
    const age = continuous(baselineTable(ageTable(AGE_IPS, nulls(3)), plan(3)), 'age');
    expect(age).toMatchObject({ smd: null, smd_note: 'no_data', imbalanced: false });
    expect(age.arms.TVR).toEqual({ n: 0, missing: 3, ...NONE, suppressed: false, missing_suppressed: false });
  });

  it('rejects a participant whose arm or level is not in the plan', () => {
    expect(() => baselineTable(table([['XYZ', 30, 'F', 'depression', 'higher', 1]]), plan(1))).toThrow(RangeError);
    expect(() => baselineTable(table([['IPS', 30, 'F', 'flu', 'higher', 1]]), plan(1))).toThrow(RangeError);
  });
});

describe('suppressSmallCells', () => {
  it('hides small non-zero cells, and a partner cell when only one is hidden', () => {
    expect(suppressSmallCells([40, 3, 0, 25], 5)).toEqual([false, true, false, true]);
    expect(suppressSmallCells([40, 3, 2, 25], 5)).toEqual([false, true, true, false]);
    expect(suppressSmallCells([40, 0, 25], 5)).toEqual([false, false, false]);
    expect(suppressSmallCells([3, 0, 0], 5)).toEqual([true, false, false]); // no partner left
    expect(suppressSmallCells([9, 3, 9], 5)).toEqual([true, true, false]); // ties: the first
    expect(suppressSmallCells([9, 3, 9], 1)).toEqual([false, false, false]);
  });

  it('hides more until the hidden cells add up to at least the threshold', () => {
    // Two 1s alone: their total 2 (the arm total minus the shown 20) would pin both.
    expect(suppressSmallCells([20, 1, 1, 0], 3)).toEqual([true, true, true, false]);
    expect(suppressSmallCells([20, 1, 1, 5], 3)).toEqual([false, true, true, true]); // the smallest shown
    expect(suppressSmallCells([20, 1, 1, 1], 3)).toEqual([false, true, true, true]); // 3 is enough
    expect(suppressSmallCells([20, 2, 1], 3)).toEqual([false, true, true]);
    expect(suppressSmallCells([20, 1, 2, 0], 5)).toEqual([true, true, true, false]);
    expect(suppressSmallCells([20, 1, 2, 2], 5)).toEqual([false, true, true, true]); // 1 + 2 + 2 = 5 is enough
    expect(suppressSmallCells([1, 1, 0], 3)).toEqual([true, true, false]); // nothing left to hide
  });
});
