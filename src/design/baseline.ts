/**
 * The baseline table ("Table 1"): per arm, n; mean (SD) and median (IQR) for continuous
 * variables; n (%) per category with missing as its own row; and the standardized mean
 * difference of every variable (Yang & Dalton's multivariate SMD for categorical ones),
 * with |SMD| > 0.1 flagged. No significance tests (CONSORT 2010, item 15).
 */
import { EDUCATION_LEVELS, SEX_LEVELS } from '../io/contract.ts';
import type { ParticipantsTable } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { sampleSd, mean } from '../stats/moments.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { smdCategorical, smdContinuous, type SmdResult } from '../stats/smd.ts';

/** Summary of a continuous variable in one arm. Null statistics: no values, or suppressed. */
export interface ContinuousSummary {
  /** Participants with a value. */
  n: number;
  missing: number;
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator). */
  sd: number | null;
  median: number | null;
  /** Quartiles by R's default (type 7) definition. */
  q1: number | null;
  q3: number | null;
  /** True when n is below the plan's small-cell threshold (and above 0), so nothing is shown. */
  suppressed: boolean;
}

/** A count in one arm: n and its fraction of the arm's participants (missing included). */
export interface LevelCount {
  /** Null when suppressed by the small-cell rule. */
  n: number | null;
  fraction: number | null;
  suppressed: boolean;
}

/** One row of a categorical variable: a level, or the missing row. */
export interface BaselineLevel {
  /** The level as it appears in the data ('1'/'0' for yes/no variables); '' for the missing row. */
  level: string;
  missing: boolean;
  arms: Record<string, LevelCount>;
}

/** Why an SMD could not be given as a number. */
export type SmdNote = 'no_overlap' | 'no_data' | null;

interface VariableBase {
  /** Contract column name: age, sex, diagnosis, education, worked_last_5y. */
  variable: string;
  /**
   * Treatment minus control, standardized. Null when not finite: 'no_overlap' (the arms
   * share no values, so the imbalance is unbounded) or 'no_data' (an arm has no values).
   */
  smd: number | null;
  smd_note: SmdNote;
  /** |smd| above the threshold, or no overlap at all. */
  imbalanced: boolean;
}

export interface ContinuousVariable extends VariableBase {
  kind: 'continuous';
  smd_method: 'pooled_sd';
  arms: Record<string, ContinuousSummary>;
}

export interface CategoricalVariable extends VariableBase {
  kind: 'categorical';
  smd_method: 'yang_dalton';
  /** Every level the plan or contract allows, in that order (empty ones kept), then missing. */
  levels: BaselineLevel[];
}

export type BaselineVariable = ContinuousVariable | CategoricalVariable;

export interface BaselineTable {
  /** Who is described: randomized participants who did not withdraw consent. */
  population: 'randomized_not_withdrawn';
  /** Participants per arm in the table. */
  arms: Record<string, number>;
  /** |SMD| above this is flagged (0.1, Austin 2009). */
  imbalance_threshold: number;
  small_cell_threshold: number;
  variables: BaselineVariable[];
}

/** |SMD| above this flags a variable as imbalanced (Austin 2009, Stat Med 28:3083). */
export const IMBALANCE_THRESHOLD = 0.1;

/** Levels of worked_last_5y as they appear in the table: yes first. */
const YES_NO_LEVELS = ['1', '0'] as const;

/** What every variable builder needs: the analysed rows of each arm and the plan's rules. */
interface Context {
  /** Plan arm → indices of its randomized, not withdrawn participants. */
  rows: Map<string, number[]>;
  treatment: string;
  control: string;
  smallCell: number;
}

/**
 * The baseline table of randomized participants who did not withdraw consent: age
 * (continuous), then sex, diagnosis, education and worked_last_5y (categorical, every
 * allowed level in plan/contract order, then a missing row). SMDs are treatment (the arm
 * that is not `plan.control_arm`) minus control, computed on the non-missing, unsuppressed
 * values; counts 0 < n < `plan.small_cell_threshold` are suppressed (see suppressSmallCells).
 */
export function baselineTable(participants: ParticipantsTable, plan: AnalysisPlan): BaselineTable {
  const ctx = context(participants, plan);
  const worked = participants.worked_last_5y.map((v) => (v === null ? null : String(v)));
  return {
    population: 'randomized_not_withdrawn',
    arms: Object.fromEntries(plan.arms.map((arm) => [arm, ctx.rows.get(arm)!.length])),
    imbalance_threshold: IMBALANCE_THRESHOLD,
    small_cell_threshold: plan.small_cell_threshold,
    variables: [
      continuousVariable('age', participants.age, ctx),
      categoricalVariable('sex', participants.sex, SEX_LEVELS, ctx),
      categoricalVariable('diagnosis', participants.diagnosis, plan.diagnosis_levels, ctx),
      categoricalVariable('education', participants.education, EDUCATION_LEVELS, ctx),
      categoricalVariable('worked_last_5y', worked, YES_NO_LEVELS, ctx),
    ],
  };
}

/**
 * Which cells of one arm's column (a variable's levels and its missing row) to hide: every
 * count with 0 < n < threshold, and, when that hides exactly one cell, also the smallest
 * other non-zero cell (the first of equal ones), so the hidden count cannot be recovered by
 * subtracting the others from the arm total. Zeros are shown.
 *
 * @example suppressSmallCells([40, 3, 0, 25], 5) // [false, true, false, true]
 */
export function suppressSmallCells(counts: readonly number[], threshold: number): boolean[] {
  const hidden = counts.map((n) => n > 0 && n < threshold);
  if (hidden.filter(Boolean).length !== 1) return hidden;
  let partner = -1;
  counts.forEach((n, i) => {
    if (!hidden[i] && n > 0 && (partner < 0 || n < counts[partner]!)) partner = i;
  });
  if (partner >= 0) hidden[partner] = true;
  return hidden;
}

function context(participants: ParticipantsTable, plan: AnalysisPlan): Context {
  const rows = new Map(plan.arms.map((arm): [string, number[]] => [arm, []]));
  participants.arm.forEach((arm, i) => {
    if (participants.withdrawn[i] === 1) return;
    const list = rows.get(arm);
    if (!list) throw new RangeError(`baselineTable: participant row ${i + 1} has an arm that is not in the plan`);
    list.push(i);
  });
  const treatment = plan.arms.find((arm) => arm !== plan.control_arm)!;
  return { rows, treatment, control: plan.control_arm, smallCell: plan.small_cell_threshold };
}

function continuousVariable(variable: string, column: readonly (number | null)[], ctx: Context): ContinuousVariable {
  const values = (arm: string) => ctx.rows.get(arm)!.flatMap((i) => (column[i] == null ? [] : [column[i]!]));
  const arms = Object.fromEntries(
    [...ctx.rows.keys()].map((arm) => [arm, continuousSummary(values(arm), ctx.rows.get(arm)!.length, ctx.smallCell)]),
  );
  const smd = smdContinuous(values(ctx.treatment), values(ctx.control));
  return { variable, kind: 'continuous', smd_method: 'pooled_sd', ...smdFields(smd), arms };
}

/** n, missing, mean, SD, median and type-7 quartiles of one arm; statistics hidden for 0 < n < threshold. */
function continuousSummary(values: readonly number[], armSize: number, threshold: number): ContinuousSummary {
  const n = values.length;
  const suppressed = n > 0 && n < threshold;
  const none = { mean: null, sd: null, median: null, q1: null, q3: null };
  if (n === 0 || suppressed) return { n, missing: armSize - n, ...none, suppressed };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n,
    missing: armSize - n,
    mean: mean(values),
    sd: n > 1 ? sampleSd(values) : null,
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    suppressed: false,
  };
}

function categoricalVariable(variable: string, column: readonly (string | null)[], levels: readonly string[], ctx: Context): CategoricalVariable {
  // counts.get(arm) = [n per level in `levels` order..., n missing]
  const counts = new Map([...ctx.rows].map(([arm, rows]) => [arm, levelCounts(variable, column, rows, levels)]));
  const cells = new Map([...counts].map(([arm, n]) => [arm, countCells(n, ctx.rows.get(arm)!.length, ctx.smallCell)]));
  const rowLabels = [...levels.map((level) => ({ level, missing: false })), { level: '', missing: true }];
  const rows: BaselineLevel[] = rowLabels.map((label, r) => ({
    ...label,
    arms: Object.fromEntries([...cells].map(([arm, c]) => [arm, c[r]!])),
  }));
  const observed = (arm: string) => counts.get(arm)!.slice(0, levels.length);
  const smd = smdCategorical(observed(ctx.treatment), observed(ctx.control));
  return { variable, kind: 'categorical', smd_method: 'yang_dalton', ...smdFields(smd), levels: rows };
}

/** Counts per allowed level, then the missing count, for the given participant rows. */
function levelCounts(variable: string, column: readonly (string | null)[], rows: readonly number[], levels: readonly string[]): number[] {
  const counts = new Array<number>(levels.length + 1).fill(0);
  for (const i of rows) {
    const value = column[i];
    const at = value == null ? levels.length : levels.indexOf(value);
    if (at < 0) throw new RangeError(`baselineTable: ${variable} of participant row ${i + 1} is not an allowed level`);
    counts[at]!++;
  }
  return counts;
}

/** One arm's column of a categorical variable, with the small-cell rule applied. */
function countCells(counts: readonly number[], armSize: number, threshold: number): LevelCount[] {
  const hidden = suppressSmallCells(counts, threshold);
  return counts.map((n, r) =>
    hidden[r] ? { n: null, fraction: null, suppressed: true } : { n, fraction: armSize > 0 ? n / armSize : null, suppressed: false },
  );
}

function smdFields(smd: SmdResult): Pick<VariableBase, 'smd' | 'smd_note' | 'imbalanced'> {
  const imbalanced = smd.note === 'no_overlap' || (smd.value !== null && Math.abs(smd.value) > IMBALANCE_THRESHOLD);
  return { smd: smd.value, smd_note: smd.note, imbalanced };
}
