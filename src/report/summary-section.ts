/**
 * The summary that opens the report: a few plain-language points, each a template from the
 * texts table filled from the same results the sections below show. Employment at the
 * primary timepoint (rates per arm, the difference in percentage points with its interval
 * and whether the interval excludes 0); the questionnaire measures that were better or worse
 * with the intervention at the last follow-up after the multiplicity correction, with the
 * share who did not answer; the break-even wage; and the caveats that matter (an allocation
 * that could not be verified, missing outcome data, a small trial).
 *
 * It replaces the separate "main result" box, so the page says the primary result once at
 * the top. Nothing is computed here beyond choosing words and rounding.
 */
import type { CostBenefitResult } from '../cost-benefit/cost-benefit-results.ts';
import type { VerifyResult } from '../design/verify.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import type { TimepointEmployment } from '../outcomes/employment-results.ts';
import type { OutcomesResult } from '../outcomes/outcomes.ts';
import type { QualityOfLifeResult, QualityOfLifeWave } from '../quality-of-life/quality-of-life-results.ts';
import type { TrialFidelity } from '../fidelity/site-employment.ts';
import type { TrialInContext } from '../meta-analysis/trial-in-context.ts';
import { evidenceSentences } from './evidence-section.ts';
import { fidelitySentences } from './fidelity-section.ts';
import { timepointDisclosure } from './disclosure.ts';
import { notEstimableReason } from './effect-text.ts';
import { html, type SafeHtml } from './escape.ts';
import { armRoles, labelInText, measureLabel } from './labels.ts';
import { formatDecimal, formatInteger, formatMoney, formatMoneyAbout, formatPercent, joinList, text, type Lang, type TextKey } from './texts.ts';

/**
 * Below this many analysed participants in an arm at the primary timepoint the summary warns
 * that the trial is small: with 50 per arm and employment around 30 %, the 95 % interval of
 * the difference is about ±18 percentage points, too wide to tell a moderate effect from none.
 */
export const SMALL_TRIAL_PER_ARM = 50;

/** What the summary is built from: the same results the sections use. */
export interface SummaryInput {
  plan: AnalysisPlan;
  verify: VerifyResult;
  outcomes: OutcomesResult;
  qualityOfLife: QualityOfLifeResult;
  costBenefit: CostBenefitResult;
  /** This trial beside earlier studies; null or absent: no point on it. */
  metaAnalysis?: TrialInContext | null;
  /** The sites' fidelity; null or absent: no point on it. */
  fidelity?: TrialFidelity | null;
  lang: Lang;
}

/** One point of the summary: a short bold label and its sentences. */
export interface SummaryPoint {
  label: string;
  sentences: string[];
}

/** The summary section: a heading, the points as a list, and a line on where the details are. */
export function summarySection(input: SummaryInput): SafeHtml {
  const t = (key: TextKey) => text(input.lang, key);
  return html`<section class="key-result" aria-labelledby="summary">
<h2 id="summary">${t('summary_heading')}</h2>
<ul class="summary-points">
${summaryPoints(input).map((p) => html`<li><strong>${p.label}</strong> ${p.sentences.join(' ')}</li>\n`)}</ul>
<p>${t('key_result_ci_explained')} ${t('summary_more')}</p>
</section>
`;
}

/**
 * The summary's points in page order: employment, quality of life, costs, the evidence in
 * context, fidelity, caveats (each when it has something to say).
 */
export function summaryPoints(input: SummaryInput): SummaryPoint[] {
  const t = (key: TextKey) => text(input.lang, key);
  const qol = qualityOfLifeSentences(input);
  const caveats = caveatSentences(input);
  const evidence = evidenceSummary(input);
  const fidelity = fidelitySummary(input);
  return [
    { label: t('summary_employment_label'), sentences: employmentSentences(input) },
    ...(qol.length > 0 ? [{ label: t('summary_qol_label'), sentences: qol }] : []),
    { label: t('summary_cb_label'), sentences: costBenefitSentences(input) },
    ...(evidence.length > 0 ? [{ label: t('summary_ev_label'), sentences: evidence }] : []),
    ...(fidelity.length > 0 ? [{ label: t('summary_fid_label'), sentences: fidelity }] : []),
    ...(caveats.length > 0 ? [{ label: t('summary_caveats_label'), sentences: caveats }] : []),
  ];
}

// ---------------------------------------------------------------------------------------
// Evidence in context and fidelity

/**
 * Where this trial sits relative to the pooled earlier studies (the evidence section's
 * reading, without the pooled result with this trial), and a warning when the evidence
 * file has synthetic rows.
 */
function evidenceSummary({ plan, metaAnalysis, lang }: SummaryInput): string[] {
  if (!metaAnalysis) return [];
  const { arm_t, arm_c } = armRoles(plan);
  const sentences = evidenceSentences(metaAnalysis, arm_t, arm_c, lang, { withPooledAll: false });
  const { synthetic, rows } = metaAnalysis.evidence;
  if (synthetic > 0) sentences.push(text(lang, 'summary_ev_synthetic', { n: formatInteger(synthetic, lang), total: formatInteger(rows, lang) }));
  return sentences;
}

/** The sites' fidelity totals and bands, and that so few sites cannot show a relation to employment. */
function fidelitySummary({ fidelity, lang }: SummaryInput): string[] {
  if (!fidelity) return [];
  const sentences = fidelitySentences(fidelity, lang);
  const n = fidelity.correlation.n;
  if (fidelity.correlation.note === 'few_sites' && n > 0) sentences.push(text(lang, 'summary_fid_relation', { n: formatInteger(n, lang) }));
  return sentences;
}

// ---------------------------------------------------------------------------------------
// Employment

/** "95 %" / "95%": the plan's confidence level as the texts write it. */
const levelText = (plan: AnalysisPlan, lang: Lang) => formatPercent(plan.confidence_level, lang, 1, 0);

/**
 * A percentage-point number for running text: whole points, as people say them, but with as
 * many decimals as it takes not to round a non-zero bound to 0 (which would contradict the
 * sentence on whether the interval contains 0). As the employment section's main result.
 */
function plainPoints(difference: number, lang: Lang): string {
  const points = Math.abs(difference * 100);
  const digits = points >= 0.5 || points === 0 ? 0 : points >= 0.05 ? 1 : 2;
  return formatDecimal(difference * 100, lang, digits);
}

const primaryTimepoint = (outcomes: OutcomesResult): TimepointEmployment | undefined => outcomes.employment.find((tp) => tp.primary);

/** The share employed per arm, the difference with its interval, and what the interval says. */
function employmentSentences({ plan, outcomes, lang }: SummaryInput): string[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const { arm_t, arm_c } = armRoles(plan);
  const primary = primaryTimepoint(outcomes);
  const month = String(primary?.month ?? plan.primary_timepoint);
  const rt = primary?.arms[arm_t]?.rate ?? null;
  const rc = primary?.arms[arm_c]?.rate ?? null;
  if (!primary || rt === null || rc === null) return [t('key_result_no_data', { month })];
  // The small-numbers rule: a hidden employed count hides its share and the crude difference.
  if (timepointDisclosure(primary.arms, plan).crude) return [t('key_result_hidden', { month })];
  const inMonth = primary.definition === 'employed_in_month';
  const rates = t(inMonth ? 'key_result_rates_in_month' : 'key_result_rates_to_month', {
    month,
    arm_t,
    arm_c,
    rate_t: formatPercent(rt, lang, 0),
    rate_c: formatPercent(rc, lang, 0),
  });
  const rd = primary.risk_difference;
  if (rd.estimate === null || rd.ci === null) {
    const reason = notEstimableReason(rd.note, lang);
    return [reason === null ? t('key_result_not_estimable_plain', { rates }) : t('key_result_not_estimable', { rates, reason })];
  }
  const ci = t('key_result_ci', { level: levelText(plan, lang), low: plainPoints(rd.ci[0], lang), high: plainPoints(rd.ci[1], lang) });
  const pp = plainPoints(Math.abs(rd.estimate), lang);
  const difference =
    rd.estimate === 0
      ? t('key_result_same', { rates, ci })
      : rd.estimate > 0
        ? t('key_result_more', { rates, pp, ci })
        : t('key_result_fewer', { rates, pp, difference: plainPoints(rd.estimate, lang), ci });
  const [low, high] = rd.ci;
  return [difference, t(low > 0 ? 'key_result_ci_above' : high < 0 ? 'key_result_ci_below' : 'key_result_ci_spans', { arm_t, arm_c })];
}

// ---------------------------------------------------------------------------------------
// Quality of life

/** 1 − confidence level, rounded so 1 − 0.95 is 0.05: below it an adjusted p-value is "clear". */
const alphaOf = (plan: AnalysisPlan) => Math.round((1 - plan.confidence_level) * 1e9) / 1e9;

/** How a measure came out at a wave, after the multiplicity correction. */
type Verdict = 'better' | 'worse' | 'no_clear_difference' | 'not_estimable';

/**
 * Better or worse with the intervention only when the reading says so (the interval excludes
 * 0, direction from the measure) and the corrected p-value is below α too; a comparison
 * outside the correction's family keeps its reading (it has nothing to be corrected against).
 */
function verdict(w: QualityOfLifeWave, alpha: number): Verdict {
  const d = w.difference;
  if (d === null || d.reading === null) return 'not_estimable';
  if (d.reading === 'no_clear_difference') return 'no_clear_difference';
  return d.p_adjusted === null || d.p_adjusted < alpha ? d.reading : 'no_clear_difference';
}

/**
 * The measures better and worse with the intervention at the last follow-up wave with a
 * comparison, those with no clear difference, and the share who did not answer.
 */
function qualityOfLifeSentences({ plan, qualityOfLife, lang }: SummaryInput): string[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const rows = qualityOfLife.quality_of_life;
  if (rows.length === 0) return [];
  const followUps = rows.filter((w) => !w.baseline && w.difference !== null);
  if (followUps.length === 0) return [t('summary_qol_no_comparison')];
  const last = Math.max(...followUps.map((w) => w.month));
  const atLast = followUps.filter((w) => w.month === last);
  const { arm_t, arm_c } = armRoles(plan);
  const alpha = alphaOf(plan);
  const names = (verdictWanted: Verdict) =>
    joinList(
      atLast.filter((w) => verdict(w, alpha) === verdictWanted).map((w) => labelInText(measureLabel(w.measure, plan, lang, w.label), lang)),
      lang,
      'and',
    );
  const [better, worse, unclear, missing] = (['better', 'worse', 'no_clear_difference', 'not_estimable'] as const).map(names);
  const month = String(last);
  const sentences: string[] = [];
  if (better) sentences.push(t('summary_qol_better', { month, arm_t, arm_c, measures: better }));
  if (worse) sentences.push(t('summary_qol_worse', { month, arm_t, arm_c, measures: worse }));
  if (better || worse) {
    sentences.push(t('summary_qol_clear_means'));
    if (unclear) sentences.push(t('summary_qol_no_clear', { measures: unclear }));
  } else if (unclear) {
    sentences.push(t('summary_qol_none_clear', { month, measures: unclear }));
  }
  if (missing) sentences.push(t('summary_qol_not_estimable', { measures: missing }));
  // Everyone at the last follow-up who has not answered: the caveat that matters most here.
  const share_t = missingShare(rows.filter((w) => w.month === last), arm_t, lang);
  const share_c = missingShare(rows.filter((w) => w.month === last), arm_c, lang);
  if (share_t !== null && share_c !== null) sentences.push(t('summary_qol_missing', { share_t, share_c, arm_t, arm_c }));
  return sentences;
}

/**
 * The share of an arm without an answer at a wave, in whole percent: one number when every
 * measure lost the same share, else the range over the measures; null when none is known
 * (the counts are withheld by the small-cell rule).
 */
function missingShare(waves: QualityOfLifeWave[], arm: string, lang: Lang): string | null {
  const shares = waves.map((w) => w.arms[arm]?.share_missing).filter((s): s is number => typeof s === 'number');
  if (shares.length === 0) return null;
  const [low, high] = [formatPercent(Math.min(...shares), lang, 0), formatPercent(Math.max(...shares), lang, 0)];
  return low === high ? low : text(lang, 'qol_missing_range', { low, high });
}

// ---------------------------------------------------------------------------------------
// Costs and benefits

/**
 * Society's break-even wage over the trial's window, with its interval and how it compares
 * with the reference wage; in words when no wage breaks even; one sentence when the plan has
 * no cost section.
 */
function costBenefitSentences({ plan, costBenefit, lang }: SummaryInput): string[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const cb = costBenefit.cost_benefit;
  if (cb === null) return [t('summary_cb_none')];
  const { arm_t, arm_c } = armRoles(plan);
  const be = cb.break_even_wage;
  if (be.monthly_nok === null) {
    switch (be.reason) {
      case 'no_employment_effect':
        return [t('cb_lead_no_employment_effect', { arm_t, arm_c, cost: formatMoney(cb.cost_difference, lang) })];
      case 'no_extra_cost':
        return [t('cb_lead_no_extra_cost', { arm_t, arm_c })];
      case 'covered_without_wage':
        return [t('cb_lead_covered_without_wage', { arm_t })];
      default:
        return [t('cb_lead_not_estimable')];
    }
  }
  // An estimate: rounded for a lay reader, as the cost–benefit section writes it.
  const wage = (x: number) => formatMoneyAbout(x, lang);
  const sentences = [
    t('cb_lead', { arm_t, months: formatInteger(cb.inputs.window_months, lang), wage: wage(be.monthly_nok), annual: wage(be.annual_nok ?? 12 * be.monthly_nok) }),
  ];
  if (be.ci !== null) {
    const [low, high] = be.ci;
    sentences.push(high === null ? t('cb_lead_interval_open', { low: wage(low) }) : t('cb_lead_interval', { low: wage(low), high: wage(high) }));
  }
  const reference = cb.inputs.reference_wage.monthly_nok;
  const ratio = be.monthly_nok / reference;
  // An input: exact kroner.
  const ref = formatMoney(reference, lang);
  sentences.push(
    ratio >= 1.05
      ? t('cb_lead_times', { times: formatDecimal(ratio, lang, 1), reference: ref })
      : ratio > 0.95
        ? t('cb_lead_same', { reference: ref })
        : t('cb_lead_share', { share: formatPercent(ratio, lang, 0), reference: ref }),
  );
  return sentences;
}

// ---------------------------------------------------------------------------------------
// Caveats

/** An allocation that could not be verified, missing primary outcomes (and whether they could change the conclusion), a small trial. */
function caveatSentences({ plan, verify, outcomes, lang }: SummaryInput): string[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const int = (n: number) => formatInteger(n, lang);
  const { arm_t, arm_c } = armRoles(plan);
  const sentences: string[] = [];
  const status = verify.randomization.verification.status;
  if (status === 'failed') sentences.push(t('summary_caveat_failed'));
  else if (status === 'no_list') sentences.push(t('summary_caveat_no_list'));

  const primary = primaryTimepoint(outcomes);
  const at = primary?.arms[arm_t];
  const ac = primary?.arms[arm_c];
  if (primary && at && ac) {
    if (at.missing + ac.missing > 0) {
      sentences.push(t('summary_caveat_missing', { month: String(primary.month), n_t: int(at.missing), n_c: int(ac.missing), arm_t, arm_c }));
      // The worst and best cases are hidden with the crude difference under the small-numbers rule.
      const robust = timepointDisclosure(primary.arms, plan).crude ? null : survivesMissing(primary);
      if (robust !== null) sentences.push(t(robust ? 'summary_caveat_missing_robust' : 'summary_caveat_missing_fragile'));
    }
    if (Math.min(at.n, ac.n) < SMALL_TRIAL_PER_ARM) sentences.push(t('summary_caveat_small', { n: int(at.n + ac.n) }));
  }
  return sentences;
}

/**
 * Whether the primary conclusion holds when every missing outcome goes against it: for a
 * difference clearly above 0, the worst case for the intervention must stay above 0; for one
 * clearly below, the best case must stay below. Null when the interval includes 0 (there is
 * no conclusion to overturn) or the bounds are not known.
 */
function survivesMissing(primary: TimepointEmployment): boolean | null {
  const ci = primary.risk_difference.ci;
  const bounds = primary.missing_bounds;
  if (ci === null || bounds === null) return null;
  if (ci[0] > 0) return bounds.worst_case.ci === null ? null : bounds.worst_case.ci[0] > 0;
  if (ci[1] < 0) return bounds.best_case.ci === null ? null : bounds.best_case.ci[1] < 0;
  return null;
}
