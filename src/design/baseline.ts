/**
 * The baseline table ("Table 1"): per arm, n; mean (SD) and median (IQR) for continuous
 * variables; n (%) per category with missing as its own row; and the standardized mean
 * difference of every variable (Yang & Dalton's multivariate SMD for categorical ones),
 * with |SMD| > 0.1 flagged. No significance tests (CONSORT 2010, item 15).
 *
 * Disclosure. results.json publishes this table unchanged, so everything in it obeys the
 * small-cell rule, not just what the report prints: hidden counts are null, and nothing
 * else published (an SMD, a flag, a missing count, a summary of a few values) may let a
 * reader work a hidden count or a person's value back out.
 */
import { EDUCATION_LEVELS, SEX_LEVELS } from '../io/contract.ts';
import type { ParticipantsTable } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { sampleSd, mean } from '../stats/moments.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { smdCategorical, smdContinuous, type SmdResult } from '../stats/smd.ts';

/** Summary of a continuous variable in one arm. Null statistics: no values, or suppressed. */
export interface ContinuousSummary {
  /**
   * Participants with a value. Null when hidden: n and missing add up to the (published)
   * arm size, so they are hidden together, whenever either is from 1 to below the
   * small-cell threshold. An n at or above the threshold is shown even when the summary
   * itself is suppressed.
   */
  n: number | null;
  /** Participants without a value; null when hidden together with n (see n). */
  missing: number | null;
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator). */
  sd: number | null;
  median: number | null;
  /** Quartiles by R's default (type 7) definition. */
  q1: number | null;
  q3: number | null;
  /**
   * True when the arm has values, but fewer than the table's `min_n_for_summary`: mean, sd,
   * median, q1 and q3 are then null.
   */
  suppressed: boolean;
  /** True when n and missing are hidden (both null) by the small-cell rule. */
  missing_suppressed: boolean;
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

/**
 * Why an SMD is not given as a number: 'no_overlap', 'no_data', or 'suppressed' (withheld
 * because a count or summary of the variable is hidden in an arm; see VariableBase.smd).
 */
export type SmdNote = 'no_overlap' | 'no_data' | 'suppressed' | null;

interface VariableBase {
  /** Contract column name: age, sex, diagnosis, education, worked_last_5y. */
  variable: string;
  /**
   * Treatment minus control, standardized. Null when not finite: 'no_overlap' (the arms
   * share no values, so the imbalance is unbounded) or 'no_data' (an arm has no values);
   * and null with 'suppressed' when any count of the variable (a level, the missing row) is
   * hidden in either arm, or its continuous summary is suppressed in either arm. The SMD
   * is a function of the very counts and values that are hidden (with the arm sizes and the
   * shown cells it pins two hidden cells exactly), so it is withheld whole, and
   * 'suppressed' takes precedence over the other notes, which can leak too ('no_overlap'
   * can say that a hidden cell is the whole arm; 'no_data' that an arm has fewer than 2
   * values).
   */
  smd: number | null;
  smd_note: SmdNote;
  /**
   * |smd| above the threshold, or no overlap at all; null when the SMD is suppressed.
   * Withheld rather than computed from the hidden SMD: one bit is enough to tell apart the
   * few ways hidden cells can split their total (IPS sex F + M = 3 hidden, TVR 35 % F: F = 1
   * gives |SMD| ≈ 0.04, F = 2 gives ≈ 0.67), so it is not published either.
   */
  imbalanced: boolean | null;
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
  /** Counts from 1 to below this are hidden (the plan's small_cell_threshold). */
  small_cell_threshold: number;
  /** A continuous summary needs at least this many values in the arm: max(small_cell_threshold, MIN_N_FOR_SUMMARY). */
  min_n_for_summary: number;
  variables: BaselineVariable[];
}

/** |SMD| above this flags a variable as imbalanced (Austin 2009, Stat Med 28:3083). */
export const IMBALANCE_THRESHOLD = 0.1;

/**
 * The fewest values an arm needs before its continuous summary is shown; the table uses
 * max(small_cell_threshold, MIN_N_FOR_SUMMARY). A summary publishes five statistics (mean,
 * SD, median and two quartiles), five equations in the values, which pin down a sample of
 * up to about five values: for n = 3 the median is the middle value and the two type-7
 * quartiles are midpoints that then give the other two, and for n = 4 or 5 the mean and SD
 * close the remaining gap. With integer data (age) a few more values leave only a handful
 * of candidate samples. Ten, twice the number of statistics, leaves every sample many
 * possible sets of values.
 */
export const MIN_N_FOR_SUMMARY = 10;

/** Levels of worked_last_5y as they appear in the table: yes first. */
const YES_NO_LEVELS = ['1', '0'] as const;

/** What every variable builder needs: the analysed rows of each arm and the plan's rules. */
interface Context {
  /** Plan arm → indices of its randomized, not withdrawn participants. */
  rows: Map<string, number[]>;
  treatment: string;
  control: string;
  smallCell: number;
  /** max(smallCell, MIN_N_FOR_SUMMARY). */
  minSummary: number;
}

/**
 * The baseline table of randomized participants who did not withdraw consent: age
 * (continuous), then sex, diagnosis, education and worked_last_5y (categorical, every
 * allowed level in plan/contract order, then a missing row). SMDs are treatment (the arm
 * that is not `plan.control_arm`) minus control, computed on the non-missing values, and
 * withheld when anything of the variable is hidden. Counts 0 < n < `plan.small_cell_threshold`
 * are suppressed (see suppressSmallCells), and continuous summaries of fewer than
 * `min_n_for_summary` values.
 */
export function baselineTable(participants: ParticipantsTable, plan: AnalysisPlan): BaselineTable {
  const ctx = context(participants, plan);
  const worked = participants.worked_last_5y.map((v) => (v === null ? null : String(v)));
  return {
    population: 'randomized_not_withdrawn',
    arms: Object.fromEntries(plan.arms.map((arm) => [arm, ctx.rows.get(arm)!.length])),
    imbalance_threshold: IMBALANCE_THRESHOLD,
    small_cell_threshold: plan.small_cell_threshold,
    min_n_for_summary: ctx.minSummary,
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
 * Which cells of one arm's column (a variable's levels and its missing row) to hide. The
 * arm total is published, so the hidden cells' total is known by subtraction; to keep any
 * of them from being recovered:
 *
 * 1. hide every count with 0 < n < threshold (primary suppression);
 * 2. then, while anything is hidden and the hidden cells add up to less than the threshold
 *    (a single hidden cell always does), also hide the smallest non-zero cell still shown
 *    (the first of equal ones), until they add up to at least the threshold or no
 *    non-zero cell is left.
 *
 * So a single hidden cell always gets a partner, and two 1s are not left to be pinned by
 * their total of 2. Zeros are shown.
 *
 * `alreadyHidden` marks cells hidden for another reason before the rule runs (for example
 * by the rule applied to a crossing row or column of a two-way table; see
 * src/report/disclosure.ts): they count as hidden in step 2 whatever their size.
 *
 * @example suppressSmallCells([40, 3, 0, 25], 5) // [false, true, false, true]
 * @example suppressSmallCells([20, 1, 1, 0], 3) // [true, true, true, false]
 * @example suppressSmallCells([40, 30, 25], 3, [false, true, false]) // [false, true, true]
 */
export function suppressSmallCells(counts: readonly number[], threshold: number, alreadyHidden: readonly boolean[] = []): boolean[] {
  const hidden = counts.map((n, i) => alreadyHidden[i] === true || (n > 0 && n < threshold));
  const hiddenTotal = () => counts.reduce((sum, n, i) => (hidden[i] ? sum + n : sum), 0);
  const hiddenCount = () => hidden.filter(Boolean).length;
  while (hiddenCount() > 0 && (hiddenCount() === 1 || hiddenTotal() < threshold)) {
    let next = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (next < 0 || n < counts[next]!)) next = i;
    });
    if (next < 0) break;
    hidden[next] = true;
  }
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
  const smallCell = plan.small_cell_threshold;
  return { rows, treatment, control: plan.control_arm, smallCell, minSummary: Math.max(smallCell, MIN_N_FOR_SUMMARY) };
}

function continuousVariable(variable: string, column: readonly (number | null)[], ctx: Context): ContinuousVariable {
  const values = (arm: string) => ctx.rows.get(arm)!.flatMap((i) => (column[i] == null ? [] : [column[i]!]));
  const arms = Object.fromEntries([...ctx.rows.keys()].map((arm) => [arm, continuousSummary(values(arm), ctx.rows.get(arm)!.length, ctx)]));
  const smd = smdContinuous(values(ctx.treatment), values(ctx.control));
  const hidden = Object.values(arms).some((s) => s.suppressed);
  return { variable, kind: 'continuous', smd_method: 'pooled_sd', ...smdFields(smd, hidden), arms };
}

/**
 * n, missing, mean, SD, median and type-7 quartiles of one arm. The statistics are null
 * for 0 < n < `ctx.minSummary`; n and missing are null together when either is from 1 to
 * below the small-cell threshold (they add up to the arm size, so one gives the other away).
 */
function continuousSummary(values: readonly number[], armSize: number, ctx: Context): ContinuousSummary {
  const n = values.length;
  const missing = armSize - n;
  const small = (x: number) => x > 0 && x < ctx.smallCell;
  const missingSuppressed = small(n) || small(missing);
  const counts = missingSuppressed ? { n: null, missing: null, missing_suppressed: true } : { n, missing, missing_suppressed: false };
  const suppressed = n > 0 && n < ctx.minSummary;
  const none = { mean: null, sd: null, median: null, q1: null, q3: null };
  if (n === 0 || suppressed) return { ...counts, ...none, suppressed };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    ...counts,
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
  const hidden = [...cells.values()].some((column) => column.some((c) => c.suppressed));
  return { variable, kind: 'categorical', smd_method: 'yang_dalton', ...smdFields(smd, hidden), levels: rows };
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

/** The SMD fields of a variable; all withheld when `hidden` (something of the variable is suppressed). */
function smdFields(smd: SmdResult, hidden: boolean): Pick<VariableBase, 'smd' | 'smd_note' | 'imbalanced'> {
  if (hidden) return { smd: null, smd_note: 'suppressed', imbalanced: null };
  const imbalanced = smd.note === 'no_overlap' || (smd.value !== null && Math.abs(smd.value) > IMBALANCE_THRESHOLD);
  return { smd: smd.value, smd_note: smd.note, imbalanced };
}
