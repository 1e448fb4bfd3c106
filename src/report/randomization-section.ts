/**
 * The randomization part of the report: the warning shown at the top of the page when the
 * allocation could not be verified, and the section that explains the design, the check
 * against the allocation list, the arm sizes per site and the test of the overall ratio,
 * in words for readers without statistics training.
 */
import type { AllocationProblem, AllocationVerification } from '../design/allocation-check.ts';
import type { AllocationRatioTest, RandomizationResult } from '../design/verify.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { html, type SafeHtml } from './escape.ts';
import { variableLabel } from './labels.ts';
import { formatInteger, formatPercent, formatPStatement, joinList, text, type Lang, type TextKey } from './texts.ts';

/** How many problems the warning at the top of the page lists. */
export const ALERT_PROBLEMS_SHOWN = 10;

type ProblemParams = { [K in AllocationProblem['kind']]: (p: Extract<AllocationProblem, { kind: K }>, lang: Lang) => Record<string, string> };

// Placeholder values per problem kind; the sentence is the text `problem_<kind>`.
const PROBLEM_PARAMS: ProblemParams = {
  arm_mismatch: (p, lang) => ({ site: p.site, no: formatInteger(p.allocation_no, lang), recorded: p.recorded, listed: p.listed }),
  reused: (p, lang) => ({ site: p.site, no: formatInteger(p.allocation_no, lang), times: formatInteger(p.times, lang) }),
  gap: (p, lang) => ({ site: p.site, no: formatInteger(p.allocation_no, lang) }),
  not_in_list: (p, lang) => ({ site: p.site, no: formatInteger(p.allocation_no, lang) }),
  no_allocation_no: (p, lang) => ({ site: p.site, count: formatInteger(p.count, lang) }),
  commitment_mismatch: (p) => ({ expected: p.expected, actual: p.actual }),
  list_missing: () => ({}),
  bad_block: (p, lang) => ({ site: p.site, block: formatInteger(p.block_no, lang), reason: text(lang, `block_reason_${p.reason}`) }),
  differs_from_seed: (p, lang) => ({
    site: p.site,
    no: formatInteger(p.allocation_no, lang),
    listed: p.listed ?? text(lang, 'problem_no_slot'),
    regenerated: p.regenerated ?? text(lang, 'problem_no_slot'),
  }),
};

/**
 * One verification problem as a sentence, located by site and allocation number.
 * @example problemText({ kind: 'gap', site: 'Oslo', allocation_no: 17 }, 'en') // 'Oslo, allocation no. 17: skipped (not used, although later numbers are).'
 */
export function problemText(problem: AllocationProblem, lang: Lang): string {
  const params = (PROBLEM_PARAMS[problem.kind] as (p: AllocationProblem, l: Lang) => Record<string, string>)(problem, lang);
  return text(lang, `problem_${problem.kind}` as TextKey, params);
}

/**
 * The warning box for the top of the page, or null when the allocation was verified (or
 * the run did not go on past a failed verification). A word and a symbol say what it is,
 * not only its colour.
 */
export function unverifiedAlert(randomization: RandomizationResult, lang: Lang): SafeHtml | null {
  if (!randomization.allowed_unverified) return null;
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const v = randomization.verification;
  const shown = v.problems.slice(0, ALERT_PROBLEMS_SHOWN);
  const message =
    v.status === 'no_list' ? t('unverified_alert_no_list') : t('unverified_alert_failed', { count: formatInteger(v.problems_total, lang) });
  return html`<div class="alert" role="alert">
<p><strong>⚠ ${t('unverified_alert_label')}:</strong> ${message}</p>
${shown.length > 0
    ? html`<p>${shown.length < v.problems_total ? t('unverified_alert_first', { shown: formatInteger(shown.length, lang) }) : t('unverified_alert_all')}</p>
${problemList(shown, lang)}
${v.problems_total > shown.length ? html`<p>${t('unverified_alert_more')}</p>\n` : null}`
    : null}</div>
`;
}

/** The randomization section: design, verification, arm counts per site, ratio test. */
export function randomizationSection(randomization: RandomizationResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  return html`<section aria-labelledby="randomization">
<h2 id="randomization">${t('randomization_heading')}</h2>
<p>${t('randomization_intro')}</p>
<p>${designSentences(randomization.design, plan, lang).join(' ')}</p>
${allocationCheck(randomization, plan, lang)}
</section>
`;
}

/**
 * The check of the allocation under its own h3 heading: the list checked and what was
 * found, the arms per site, and the test of the overall ratio. The randomization section
 * ends with it; the report's data-quality section shows it on its own.
 */
export function allocationCheck(randomization: RandomizationResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  return html`<h3 id="verification">${text(lang, 'verification_heading')}</h3>
${verificationBlock(randomization.verification, lang)}
${armCountsTable(randomization, plan, lang)}
<p class="ratio-test">${ratioTestSentences(randomization.ratio_test, randomization.design.ratio, plan, lang).join(' ')}</p>`;
}

/** The design in plain sentences: stratification, blocks or simple draws, the planned ratio. */
export function designSentences(design: RandomizationResult['design'], plan: AnalysisPlan, lang: Lang): string[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const sizes = joinList(design.block_sizes.map((b) => formatInteger(b, lang)), lang, 'or');
  return [
    design.stratification === 'site'
      ? t('design_stratified_site')
      : t('design_stratified_other', { variable: variableLabel(design.stratification, lang) }),
    design.method === 'permuted_blocks' ? t('design_blocks', { sizes }) : t('design_simple'),
    t('design_ratio', { arms: joinList(plan.arms, lang, 'and'), ratio: ratioText(design.ratio, plan) }),
  ];
}

/** "1:1", in plan order of arms. */
function ratioText(ratio: Record<string, number>, plan: AnalysisPlan): string {
  return plan.arms.map((arm) => String(ratio[arm] ?? '?')).join(':');
}

/** What was checked against what, and how it came out; the list's hash in full. */
function verificationBlock(v: AllocationVerification, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  if (v.status === 'no_list') return html`<p>${t('verification_no_list')}</p>`;
  const count = formatInteger(v.problems_total, lang);
  const list = v.list;
  const summary = list
    ? t(v.status === 'verified' ? 'verification_verified' : 'verification_failed', { file: list.file, slots: formatInteger(list.slots, lang), count })
    : t('verification_failed_unlisted', { count });
  const commitment = v.commitment === null ? 'commitment_none' : v.commitment.matches ? 'commitment_matches' : 'commitment_differs';
  const seed =
    list?.source === 'seed' ? 'seed_source' : v.regenerated_from_seed === null ? 'seed_none' : v.regenerated_from_seed.matches ? 'seed_matches' : 'seed_differs';
  return html`<p>${summary}</p>
${list ? html`<p>${t('list_hash_label')} <code class="hash">${list.sha256}</code></p>\n` : null}<p>${t(commitment)}${
    v.commitment && !v.commitment.matches ? html` ${t('published_hash_label')} <code class="hash">${v.commitment.expected}</code>` : null
  }</p>
<p>${t(seed)}</p>
${v.problems.length > 0
    ? html`<details>
<summary>${t('problems_summary', { shown: formatInteger(v.problems.length, lang), total: count })}</summary>
${problemList(v.problems, lang)}
</details>
`
    : null}`;
}

/** A list of problems as sentences. */
function problemList(problems: readonly AllocationProblem[], lang: Lang): SafeHtml {
  return html`<ul class="problems">
${problems.map((p) => html`<li>${problemText(p, lang)}</li>\n`)}</ul>`;
}

/** Arms per site, in plan order of arms, with site totals and the overall row. */
function armCountsTable(randomization: RandomizationResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const int = (n: number) => formatInteger(n, lang);
  const cells = (arms: Record<string, number>) => [
    ...plan.arms.map((arm) => html`<td class="num">${int(arms[arm] ?? 0)}</td>`),
    html`<td class="num">${int(plan.arms.reduce((sum, arm) => sum + (arms[arm] ?? 0), 0))}</td>`,
  ];
  const { by_site, overall } = randomization.arm_counts;
  return html`<table class="arm-counts">
<caption>${t('arm_counts_caption')}</caption>
<thead><tr><th scope="col">${t('site_label')}</th>${plan.arms.map((arm) => html`<th scope="col" class="num">${arm}</th>`)}<th scope="col" class="num">${t('total_label')}</th></tr></thead>
<tbody>
${by_site.map((s) => html`<tr><th scope="row">${s.site}</th>${cells(s.arms)}</tr>\n`)}</tbody>
<tfoot><tr><th scope="row">${t('total_label')}</th>${cells(overall)}</tr></tfoot>
</table>`;
}

/**
 * The ratio test for a non-statistician: how many got the first arm, what the plan
 * expects, and how often chance alone gives a split at least this uneven.
 */
export function ratioTestSentences(test: AllocationRatioTest, ratio: Record<string, number>, plan: AnalysisPlan, lang: Lang): string[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const testName = t('ratio_test_name', { p: formatPStatement(test.p, lang) });
  return [
    t('ratio_test', {
      count: formatInteger(test.count, lang),
      n: formatInteger(test.n, lang),
      observed: formatPercent(test.observed_fraction, lang),
      arm: test.arm,
      ratio: ratioText(ratio, plan),
      expected: formatPercent(test.expected_fraction, lang, 1, 0),
    }),
    chanceSentence(test.p, testName, lang),
  ];
}

/** "In about k of 100 trials", in the coarsest unit that still shows a number above zero. */
function chanceSentence(p: number, test: string, lang: Lang): string {
  const thousand = formatInteger(1000, lang);
  if (p < 0.001) return text(lang, 'ratio_chance_below', { total: thousand, test });
  if (p < 0.01) return text(lang, 'ratio_chance_about', { k: formatInteger(Math.round(p * 1000), lang), total: thousand, test });
  const k = Math.round(p * 100);
  if (k >= 100) return text(lang, 'ratio_chance_always', { test });
  return text(lang, 'ratio_chance_about', { k: formatInteger(k, lang), total: '100', test });
}
