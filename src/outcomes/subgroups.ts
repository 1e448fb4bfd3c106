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
import { fitLogistic, lrTest } from '../stats/logistic-regression.ts';
import { newcombeDifference } from '../stats/newcombe.ts';
import { employmentStatus } from './employment-status.ts';
import { interventionArm } from './employment-over-time.ts';
import type { Effect, SubgroupResult } from './employment-results.ts';
import { armTerm, modelColumns, subgroupColumn } from './model-columns.ts';

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

/** LR test of arm × subgroup: employment ~ arm + subgroup + arm:subgroup against arm + subgroup. */
function interactionTest(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, values: (string | null)[], levels: string[]): Pick<SubgroupResult, 'interaction' | 'note'> {
  const columns = { ...modelColumns(dataset, status), subgroup: values };
  const terms = [armTerm(plan), { name: 'subgroup', type: 'categorical' as const, levels }];
  const reducedDm = designMatrix(columns, { terms, response: 'y' });
  if (reducedDm.levels.subgroup!.length < 2) return { interaction: null, note: 'one_level' };
  const fullDm = designMatrix(columns, { terms, response: 'y', interaction: { a: 'arm', b: 'subgroup' } });
  const y = fullDm.y!;
  if (y.every((v) => v === y[0])) return { interaction: null, note: 'all_outcomes_equal' };
  // A level with one arm only leaves every interaction column aliased: nothing to test.
  if (fullDm.columnNames.length <= reducedDm.columnNames.length) return { interaction: null, note: 'not_estimable' };
  const full = fitLogistic(fullDm.X, y);
  const reduced = fitLogistic(reducedDm.X, reducedDm.y!);
  const lr = lrTest(full, reduced);
  return { interaction: { statistic: lr.statistic, df: lr.df, p: lr.p }, note: full.separation || reduced.separation ? 'separation' : null };
}
