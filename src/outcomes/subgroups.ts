/**
 * Pre-declared subgroups at the primary timepoint: the risk difference (intervention minus
 * control, Newcombe interval) within each level of each subgroup variable, and whether the
 * effect differs between levels: the likelihood-ratio test of arm × subgroup in a logistic
 * model of employment on arm, subgroup and their interaction. Subgroup findings are
 * exploratory; the interaction test, not the per-level intervals, is the evidence of a
 * difference (Wang et al. 2007, NEJM 357:2189).
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { designMatrix } from '../stats/design-matrix.ts';
import { fitLogisticPatterns } from '../stats/logistic-patterns.ts';
import { lrTest } from '../stats/logistic-regression.ts';
import { rowPatterns } from '../stats/row-patterns.ts';
import { newcombeDifference } from '../stats/newcombe.ts';
import { employmentStatus } from './employment-status.ts';
import { interventionArm } from './employment-over-time.ts';
import type { Effect, SubgroupResult } from './employment-results.ts';
import { armTerm, subgroupColumn } from './model-columns.ts';

/** Subgroup results for every variable the plan declares, at the primary timepoint. */
export function employmentSubgroups(dataset: Dataset, plan: AnalysisPlan): SubgroupResult[] {
  const month = plan.primary_timepoint;
  const status = employmentStatus(dataset, plan, month);
  return plan.subgroups.map((variable) => {
    const { values, levels } = subgroupColumn(dataset, plan, variable);
    const rows = levels.map((level) => levelResult(dataset, plan, status, values, level));
    const { interaction, note } = interactionTest(dataset, plan, status, values, levels);
    return { variable, month, levels: rows, interaction, note };
  });
}

function levelResult(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, values: (string | null)[], level: string): SubgroupResult['levels'][number] {
  const arms: Record<string, { n: number; employed: number }> = Object.fromEntries(plan.arms.map((a) => [a, { n: 0, employed: 0 }]));
  const p = dataset.participants;
  for (let i = 0; i < status.length; i++) {
    if (values[i] !== level || status[i] === -1) continue;
    const a = arms[p.arm[i]!]!;
    a.n++;
    a.employed += status[i]!;
  }
  const t = arms[interventionArm(plan)]!;
  const c = arms[plan.control_arm]!;
  let risk_difference: Effect = { estimate: null, ci: null, p: null, method: 'newcombe_hybrid_score', correction: null, note: 'empty_arm' };
  if (t.n > 0 && c.n > 0) {
    const d = newcombeDifference(t.employed, t.n, c.employed, c.n, plan.confidence_level);
    risk_difference = { ...risk_difference, estimate: d.estimate, ci: d.ci, note: null };
  }
  const t0 = plan.small_cell_threshold;
  const small = (k: number) => k > 0 && k < t0;
  if (Object.values(arms).some((a) => small(a.n) || small(a.employed) || small(a.n - a.employed))) {
    const hidden = Object.fromEntries(plan.arms.map((a) => [a, { n: null, employed: null }]));
    return { level, arms: hidden, risk_difference: { ...risk_difference, estimate: null, ci: null, note: 'suppressed' }, suppressed: true };
  }
  return { level, arms, risk_difference, suppressed: false };
}

/**
 * LR test of arm × subgroup: employment ~ arm + subgroup + arm:subgroup against arm + subgroup.
 * The participants are collapsed into arm × level patterns with their counts, the same
 * likelihood as their rows (src/stats/logistic-patterns.ts).
 */
function interactionTest(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, values: (string | null)[], levels: string[]): Pick<SubgroupResult, 'interaction' | 'note'> {
  const arm = dataset.participants.arm;
  const known: number[] = [];
  for (let i = 0; i < status.length; i++) if (status[i] !== -1) known.push(i);
  const groups = rowPatterns([arm, values], Int32Array.from(known));
  const trials = new Array<number>(groups.count).fill(0);
  const successes = new Array<number>(groups.count).fill(0);
  for (const i of known) {
    trials[groups.patternOf[i]!]! += 1;
    successes[groups.patternOf[i]!]! += status[i]!;
  }
  const columns = { arm: Array.from(groups.first, (i) => arm[i]!), subgroup: Array.from(groups.first, (i) => values[i] ?? null) };
  const terms = [armTerm(plan), { name: 'subgroup', type: 'categorical' as const, levels }];
  const reducedDm = designMatrix(columns, { terms, weights: trials });
  if (reducedDm.levels.subgroup!.length < 2) return { interaction: null, note: 'one_level' };
  const fullDm = designMatrix(columns, { terms, weights: trials, interaction: { a: 'arm', b: 'subgroup' } });
  const m = fullDm.rows.map((q) => trials[q]!);
  const s = fullDm.rows.map((q) => successes[q]!);
  const events = s.reduce((t, v) => t + v, 0);
  if (events === 0 || events === m.reduce((t, v) => t + v, 0)) return { interaction: null, note: 'all_outcomes_equal' };
  // A level with one arm only leaves every interaction column aliased: nothing to test.
  if (fullDm.columnNames.length <= reducedDm.columnNames.length) return { interaction: null, note: 'not_estimable' };
  const full = fitLogisticPatterns(fullDm.X, s, m);
  const reduced = fitLogisticPatterns(reducedDm.X, reducedDm.rows.map((q) => successes[q]!), reducedDm.rows.map((q) => trials[q]!));
  const lr = lrTest(full, reduced);
  return { interaction: { statistic: lr.statistic, df: lr.df, p: lr.p }, note: full.separation || reduced.separation ? 'separation' : null };
}
