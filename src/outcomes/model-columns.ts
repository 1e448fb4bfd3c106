/**
 * The participants' columns as model terms: arm (control first, so odds ratios are
 * intervention over control), site, the plan's covariates, and subgroup levels. One
 * place decides how each variable enters a model, for the adjusted analysis and the
 * subgroup interaction tests alike.
 */
import { EDUCATION_LEVELS, SEX_LEVELS } from '../io/contract.ts';
import { siteCollator, type Dataset } from '../io/dataset.ts';
import type { AnalysisPlan, Subgroup } from '../io/plan.ts';
import type { TermSpec } from '../stats/design-matrix.ts';
import { interventionArm } from './employment-over-time.ts';

/** How a covariate enters the model: age and recent work as numbers, the rest as categories. */
export function covariateTerm(name: string, plan: AnalysisPlan): TermSpec {
  switch (name) {
    case 'age':
    case 'worked_last_5y':
      return { name, type: 'numeric' };
    case 'sex':
      return { name, type: 'categorical', levels: [...SEX_LEVELS] };
    case 'education':
      return { name, type: 'categorical', levels: [...EDUCATION_LEVELS] };
    case 'diagnosis':
      return { name, type: 'categorical', levels: plan.diagnosis_levels };
    default:
      throw new RangeError(`no model term for covariate ${name}`);
  }
}

/** The arm term, control first (the reference). */
export function armTerm(plan: AnalysisPlan): TermSpec {
  return { name: 'arm', type: 'categorical', levels: [plan.control_arm, interventionArm(plan)] };
}

/** Sites in Norwegian collation: the first is the reference level. */
export function siteLevels(dataset: Dataset): string[] {
  return [...new Set(dataset.participants.site)].sort((a, b) => siteCollator.compare(a, b) || (a < b ? -1 : 1));
}

/** Labels of the age groups for boundaries [30] → ['<30', '≥30']; [30, 45] → ['<30', '30–44', '≥45']. */
export function ageGroupLabels(bounds: readonly number[]): string[] {
  return [`<${bounds[0]}`, ...bounds.slice(1).map((b, k) => `${bounds[k]}–${b - 1}`), `≥${bounds[bounds.length - 1]}`];
}

/** Each participant's level of a subgroup variable (null when missing), and the levels in display order. */
export function subgroupColumn(dataset: Dataset, plan: AnalysisPlan, variable: Subgroup): { values: (string | null)[]; levels: string[] } {
  const p = dataset.participants;
  switch (variable) {
    case 'sex':
      return { values: p.sex, levels: [...SEX_LEVELS] };
    case 'diagnosis':
      return { values: p.diagnosis, levels: plan.diagnosis_levels };
    case 'education':
      return { values: p.education, levels: [...EDUCATION_LEVELS] };
    case 'worked_last_5y':
      return { values: p.worked_last_5y.map((w) => (w === null ? null : String(w))), levels: ['1', '0'] };
    case 'site':
      return { values: p.site, levels: siteLevels(dataset) };
    case 'age_group': {
      const labels = ageGroupLabels(plan.age_groups);
      const group = (age: number | null) => (age === null ? null : labels[plan.age_groups.filter((b) => age >= b).length]!);
      return { values: p.age.map(group), levels: labels };
    }
  }
}
