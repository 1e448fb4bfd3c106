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
    expect(t.variables.map((v) => [v.variable, v.kind])).toEqual([
      ['age', 'continuous'],
      ['sex', 'categorical'],
      ['diagnosis', 'categorical'],
      ['education', 'categorical'],
      ['worked_last_5y', 'categorical'],
    ]);
  });

  it('summarizes age as R does (mean, sd, type-7 quartiles) and gives its SMD', () => {
    const age = continuous(t, 'age');
    // a <- c(23, 35, 41, 29, 52, 38, 30, 44); mean(a); sd(a); quantile(a, c(.25, .5, .75))
    expect(age.arms.IPS).toEqual({ n: 8, missing: 1, mean: 36.5, sd: 9.2736184954957039, median: 36.5, q1: 29.75, q3: 41.75, suppressed: false });
    // a <- c(27, 33, 48, 36, 25, 40, 31); mean(a); sd(a); quantile(a, c(.25, .5, .75))
    expect(age.arms.TVR).toEqual({ n: 7, missing: 1, mean: 34.285714285714285, sd: 7.91021039994693, median: 33, q1: 29, q3: 38, suppressed: false });
    // (mean(t) - mean(c)) / sqrt((var(t) + var(c)) / 2) with the two vectors above
    expect(age.smd).toBeCloseTo(0.25690999835107103, 14);
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

  it('gives categorical SMDs equal to R (on non-missing values, before suppression)', () => {
    // yd(c(6, 3), c(5, 2))
    expect(categorical(t, 'sex').smd).toBeCloseTo(0.10314212462587934, 14);
    // yd(c(4, 3, 0, 2, 0), c(3, 3, 0, 0, 0)): psychosis empty in TVR only is kept
    expect(categorical(t, 'diagnosis').smd).toBeCloseTo(0.77109960095605967, 14);
    // yd(c(1, 5, 3), c(0, 4, 4))
    expect(categorical(t, 'education').smd).toBeCloseTo(0.56407607481776634, 14);
    // yd(c(4, 5), c(4, 3))
    expect(categorical(t, 'worked_last_5y').smd).toBeCloseTo(0.25607375986579206, 14);
    for (const v of t.variables.slice(1)) expect(v).toMatchObject({ smd_method: 'yang_dalton', smd_note: null, imbalanced: true });
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
    // SMDs do not depend on suppression
    expect(open.variables.map((v) => v.smd)).toEqual(t.variables.map((v) => v.smd));
  });

  it('excludes withdrawn participants', () => {
    const diagnosis = categorical(baselineTable(table(ROWS), plan(1)), 'diagnosis');
    expect(diagnosis.levels.find((l) => l.level === 'bipolar')!.arms).toEqual({
      IPS: { n: 0, fraction: 0, suppressed: false },
      TVR: { n: 0, fraction: 0, suppressed: false },
    });
    expect(diagnosis.levels.find((l) => l.level === 'other')!.arms.TVR!.n).toBe(0);
    expect(continuous(t, 'age').arms.IPS!.n).toBe(8); // not the withdrawn 70-year-old
  });

  it('hides a continuous summary entirely when 0 < n < threshold', () => {
    const age = continuous(baselineTable(table(ROWS), plan(8)), 'age');
    expect(age.arms.IPS).toMatchObject({ n: 8, suppressed: false, mean: 36.5 });
    expect(age.arms.TVR).toEqual({ n: 7, missing: 1, mean: null, sd: null, median: null, q1: null, q3: null, suppressed: true });
    expect(age.smd).toBeCloseTo(0.25690999835107103, 14);
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
    expect(continuous(t2, 'age')).toMatchObject({ smd: null, smd_note: 'no_data', imbalanced: false });
    expect(continuous(t2, 'age').arms.TVR).toEqual({ n: 0, missing: 2, mean: null, sd: null, median: null, q1: null, q3: null, suppressed: false });
    expect(categorical(t2, 'education')).toMatchObject({ smd: null, smd_note: 'no_data', imbalanced: false });
    expect(column(categorical(t2, 'education'), 'IPS')).toEqual([0, 0, 0, 2]);
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
});
