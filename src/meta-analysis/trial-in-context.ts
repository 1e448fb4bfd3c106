/**
 * This trial set beside the earlier studies of evidence.csv: the meta-analysis of the
 * employment risk ratio as results.json carries it under `meta_analysis`.
 *
 * Two pooled results are made, because they answer different questions:
 *
 * - **The pooled estimate with this trial** (`fixed`, `random_effects`, `studies`, …): the
 *   evidence as it stands once this trial is added, as an updated review would report it.
 *   This trial is one row among the studies, with its weight.
 * - **The pooled estimate of the earlier studies** (`without_this_trial`): what this trial is
 *   compared with. Comparing a trial with a pooled estimate that contains it would partly
 *   compare it with itself, so "does this trial agree with the rest of the evidence" is
 *   answered against the others alone: their pooled risk ratio and, above all, their
 *   prediction interval, the range in which a new study's true risk ratio is expected
 *   (`comparison`).
 *
 * Studies enter in order of publication year (file order within a year); this trial has no
 * publication year and comes last, so the cumulative analysis ends with it.
 */
import type { MetaAnalysisPlan } from '../io/plan.ts';
import type { EffectMeasure, EvidenceStudy, ExclusionReason } from './effect-size.ts';
import type { EvidenceOrigin, EvidenceRow, ModeratorColumn } from './evidence-csv.ts';
import { moderatorSpecs } from './evidence-csv.ts';
import { metaAnalysis, type MetaAnalysisResult, type OtherMethodResult, type PooledRatio, type RandomEffectsResult, type StudyResult, type SubsetResult } from './meta-analysis.ts';
import type { MetaRegression } from './meta-regression.ts';

/** Where a pooled row comes from. */
export type StudyOrigin = EvidenceOrigin | 'this_trial';

/** The four counts of a 2 × 2 table (intervention = IPS). */
export interface StudyCounts {
  events_intervention: number;
  n_intervention: number;
  events_control: number;
  n_control: number;
}

/** An estimate as a study reported it, on its own scale (RD as a fraction). */
export interface ReportedEstimate {
  measure: EffectMeasure;
  estimate: number;
  ci: [number, number];
  ci_level: number;
}

/** What is known of a study besides its effect: for the forest plot's labels and the report's list of sources. */
export interface StudyFacts {
  origin: StudyOrigin;
  country: string | null;
  citation: string | null;
  /** Row of evidence.csv (header = 1); null for this trial. */
  row: number | null;
  counts: StudyCounts | null;
  reported: ReportedEstimate | null;
}

/** A pooled study: its risk ratio and weights, and where it comes from. */
export type ContextStudy = StudyResult & StudyFacts;

/** A study of the evidence file that is not pooled, with its reason and what it reported. */
export type ContextExcluded = { study: string; year: number | null; reason: ExclusionReason } & StudyFacts;

/** Why this trial's own risk ratio is not among the studies. */
export type ThisTrialReason =
  /** No analysable participant in an arm at the primary timepoint. */
  | 'not_estimable'
  /** The primary timepoint's employed counts are hidden by the small-numbers rule, and its risk ratio with them. */
  | 'small_numbers';

/** This trial's row: its counts at the primary timepoint, or why it is not there. */
export interface ThisTrial {
  /** The plan's trial name: the row's label. */
  study: string;
  /** The primary timepoint. */
  month: number;
  counts: StudyCounts | null;
  included: boolean;
  reason: ThisTrialReason | null;
}

/** Where this trial's risk ratio lies relative to the earlier studies' prediction interval. */
export type TrialPosition = 'below_prediction_interval' | 'within_prediction_interval' | 'above_prediction_interval';

/** This trial against the earlier studies. */
export interface TrialComparison {
  /** This trial's risk ratio and Wald interval (as in `studies`). */
  trial: { estimate: number; ci: [number, number] };
  /** The earlier studies' random-effects pooled risk ratio. */
  pooled: { estimate: number; ci: [number, number] };
  prediction_interval: [number, number];
  position: TrialPosition;
  /** Whether this trial's interval and the pooled interval overlap. */
  intervals_overlap: boolean;
}

/** Everything under `meta_analysis` in results.json (pooled parts null when no study gives a risk ratio). */
export interface TrialInContext {
  measure: 'RR';
  level: number;
  /** The plan's settings, and the rules that are fixed. */
  settings: {
    method: MetaAnalysisPlan['method'];
    interval: MetaAnalysisPlan['interval'];
    moderators: string[];
    trial_moderators: Record<string, number | string>;
    /** 0.5 added to each cell of a study with a zero cell, that study only. */
    zero_cell_correction: 'haldane_anscombe_0.5';
  };
  /** The evidence file: rows, how many are published and synthetic, and its moderator columns. */
  evidence: { rows: number; published: number; synthetic: number; moderators: ModeratorColumn[] };
  this_trial: ThisTrial;
  /** Studies pooled (this trial included). */
  k: number;
  fixed: PooledRatio | null;
  random_effects: RandomEffectsResult | null;
  random_effects_other_method: OtherMethodResult | null;
  studies: ContextStudy[];
  excluded: ContextExcluded[];
  leave_one_out: SubsetResult[];
  cumulative: SubsetResult[];
  meta_regression: MetaRegression | null;
  meta_regression_note: string | null;
  /** The earlier studies alone (null when this trial is not pooled, or no other study is). */
  without_this_trial: { k: number; fixed: PooledRatio; random_effects: RandomEffectsResult } | null;
  comparison: TrialComparison | null;
}

export interface TrialInContextInput {
  /** Checked rows of evidence.csv, in file order. */
  rows: readonly EvidenceRow[];
  moderators: readonly ModeratorColumn[];
  /** The plan's trial name, this trial's label. */
  trialName: string;
  month: number;
  /** This trial's counts at the primary timepoint, or why there are none. */
  thisTrial: { counts: StudyCounts } | { reason: ThisTrialReason };
  plan: MetaAnalysisPlan;
  /** The plan's confidence level. */
  level: number;
}

/**
 * The meta-analysis with this trial, the earlier studies' pooled estimate and prediction
 * interval, and where this trial lies against them (see the module comment for why both).
 * Random effects by the plan's τ² method and interval rule; the plan's moderators in a
 * meta-regression, this trial with its `trial_moderators` (left out of the regression
 * without them).
 *
 * @example trialInContext({ rows, moderators, trialName: 'IPS', month: 18, thisTrial: { counts }, plan: plan.meta_analysis, level: 0.95 }).comparison?.position
 */
export function trialInContext(input: TrialInContextInput): TrialInContext {
  const { plan, level } = input;
  // Chronological, as forest plots are read; Array.prototype.sort is stable, so file order within a year.
  const rows = [...input.rows].sort((a, b) => a.year - b.year);
  const facts: StudyFacts[] = rows.map((r) => ({
    origin: r.source,
    country: r.country,
    citation: r.citation,
    row: r.row,
    counts: countsOf(r),
    reported:
      r.measure !== null && r.estimate !== null && r.ci_low !== null && r.ci_high !== null
        ? { measure: r.measure, estimate: r.estimate, ci: [r.ci_low, r.ci_high], ci_level: r.ci_level ?? 0.95 }
        : null,
  }));
  const studies: EvidenceStudy[] = rows.map((r) => ({ ...r, moderators: { ...r.moderators } }));
  const counts = 'counts' in input.thisTrial ? input.thisTrial.counts : null;
  const thisTrial: ThisTrial = {
    study: input.trialName,
    month: input.month,
    counts,
    included: counts !== null,
    reason: 'reason' in input.thisTrial ? input.thisTrial.reason : null,
  };
  if (counts !== null) {
    const moderators = Object.fromEntries(plan.moderators.map((name) => [name, plan.trial_moderators[name] ?? null]));
    studies.push({ study: input.trialName, year: null, ...counts, moderators });
    facts.push({ origin: 'this_trial', country: null, citation: null, row: null, counts, reported: null });
  }

  const options = {
    method: plan.method,
    test: plan.interval,
    level,
    moderators: moderatorSpecs(plan.moderators, input.moderators),
  } as const;
  const pooled = poolOrNull(studies, options);
  const placed = pooled ? place(pooled, facts, studies.map((x) => x.year ?? null)) : { included: [], excluded: allExcluded(rows, facts) };
  const others = counts !== null ? poolOrNull(studies.slice(0, -1), { ...options, moderators: [] }) : null;
  const trialStudy = placed.included.find((s) => s.origin === 'this_trial');

  return {
    measure: 'RR',
    level,
    settings: {
      method: plan.method,
      interval: plan.interval,
      moderators: [...plan.moderators],
      trial_moderators: { ...plan.trial_moderators },
      zero_cell_correction: 'haldane_anscombe_0.5',
    },
    evidence: {
      rows: input.rows.length,
      published: input.rows.filter((r) => r.source === 'published').length,
      synthetic: input.rows.filter((r) => r.source === 'synthetic').length,
      moderators: input.moderators.map((c) => ({ ...c })),
    },
    this_trial: thisTrial,
    k: pooled?.k ?? 0,
    fixed: pooled?.fixed ?? null,
    random_effects: pooled?.random_effects ?? null,
    random_effects_other_method: pooled?.random_effects_other_method ?? null,
    studies: placed.included,
    excluded: placed.excluded,
    leave_one_out: pooled?.leave_one_out ?? [],
    cumulative: pooled?.cumulative ?? [],
    meta_regression: pooled?.meta_regression ?? null,
    meta_regression_note: pooled?.meta_regression_note ?? (plan.moderators.length > 0 && !pooled ? 'no study gives a risk ratio' : null),
    without_this_trial: others ? { k: others.k, fixed: others.fixed, random_effects: others.random_effects } : null,
    comparison: others && trialStudy ? compare(trialStudy, others.random_effects) : null,
  };
}

function countsOf(r: EvidenceRow): StudyCounts | null {
  const { events_intervention, n_intervention, events_control, n_control } = r;
  if (events_intervention === null || n_intervention === null || events_control === null || n_control === null) return null;
  return { events_intervention, n_intervention, events_control, n_control };
}

/** metaAnalysis, or null when no study gives a risk ratio (every row reports only an OR or RD). */
function poolOrNull(studies: EvidenceStudy[], options: Parameters<typeof metaAnalysis>[1]): MetaAnalysisResult | null {
  if (studies.length === 0) return null;
  try {
    return metaAnalysis(studies, options);
  } catch (err) {
    if (err instanceof RangeError && /no study gives a risk ratio/.test(err.message)) return null;
    throw err;
  }
}

/** The pooled and excluded studies with their facts: included ones are the inputs not excluded, in input order. */
function place(result: MetaAnalysisResult, facts: readonly StudyFacts[], years: readonly (number | null)[]): { included: ContextStudy[]; excluded: ContextExcluded[] } {
  const out = new Set(result.excluded.map((e) => e.index));
  const inputIndex = facts.map((_, i) => i).filter((i) => !out.has(i));
  return {
    included: result.studies.map((s, j) => ({ ...s, ...facts[inputIndex[j]!]! })),
    excluded: result.excluded.map((e) => ({ study: e.study, year: years[e.index] ?? null, reason: e.reason, ...facts[e.index]! })),
  };
}

function allExcluded(rows: readonly EvidenceRow[], facts: readonly StudyFacts[]): ContextExcluded[] {
  return rows.map((r, i) => ({
    study: r.study,
    year: r.year,
    reason: r.measure === 'OR' ? 'odds_ratio_only' : r.measure === 'RD' ? 'risk_difference_only' : 'no_effect_data',
    ...facts[i]!,
  }));
}

function compare(trial: ContextStudy, pooled: RandomEffectsResult): TrialComparison {
  const [low, high] = pooled.prediction_interval;
  return {
    trial: { estimate: trial.estimate, ci: trial.ci },
    pooled: { estimate: pooled.estimate, ci: pooled.ci },
    prediction_interval: pooled.prediction_interval,
    position: trial.estimate < low ? 'below_prediction_interval' : trial.estimate > high ? 'above_prediction_interval' : 'within_prediction_interval',
    intervals_overlap: trial.ci[0] <= pooled.ci[1] && pooled.ci[0] <= trial.ci[1],
  };
}
