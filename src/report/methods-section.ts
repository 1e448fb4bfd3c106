/**
 * "The trial and its methods": a short plain description of the design from the plan and
 * the results, as term and description: the arms, the sites, how participants were
 * randomized, follow-up and the timepoints, the primary outcome and its definition, the
 * questionnaires and their waves, what the analyses adjust for, and in one line each what an
 * interval, a p-value and the multiplicity correction mean. The numbers themselves come in
 * the sections that follow.
 */
import type { VerifyResult } from '../design/verify.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import type { QualityOfLifeResult } from '../quality-of-life/quality-of-life-results.ts';
import { html, type SafeHtml } from './escape.ts';
import { armRoles, labelInText, variablesInText } from './labels.ts';
import { designSentences } from './randomization-section.ts';
import { formatInteger, formatPercent, joinList, text, type Lang, type TextKey } from './texts.ts';

/** The methods section's items, term and description, in page order. */
export function methodsItems(plan: AnalysisPlan, verify: VerifyResult, qualityOfLife: QualityOfLifeResult, lang: Lang): [string, string][] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const int = (n: number) => formatInteger(n, lang);
  const { arm_t, arm_c } = armRoles(plan);
  const randomized = verify.consort.randomized;
  const total = plan.arms.reduce((sum, arm) => sum + (randomized[arm] ?? 0), 0);
  const counts = joinList(
    plan.arms.map((arm) => t('methods_arm_count', { n: int(randomized[arm] ?? 0), arm })),
    lang,
    'and',
  );
  const sites = verify.randomization.arm_counts.by_site.map((s) => s.site);
  const months = (list: readonly number[]) => joinList(list.map(String), lang, 'and');
  const followUpWaves = plan.questionnaire_waves.filter((w) => w !== 0);
  const measures = joinList(
    plan.measures.map((m) => labelInText(m.label[lang], lang)),
    lang,
    'and',
  );
  const family = qualityOfLife.quality_of_life_methods.family.length;

  const items: ([string, string] | null)[] = [
    [t('methods_arms_term'), t('methods_arms', { arm_t, arm_c, n: int(total), counts })],
    sites.length === 0
      ? null
      : [t('methods_sites_term'), sites.length === 1 ? t('methods_sites_one', { sites: sites[0]! }) : t('methods_sites', { n: int(sites.length), sites: joinList(sites, lang, 'and') })],
    [t('methods_randomization_term'), [t('randomization_intro'), ...designSentences(verify.randomization.design, plan, lang)].join(' ')],
    [
      t('methods_followup_term'),
      t('methods_followup', { first: String(plan.registry_months.first), last: String(plan.registry_months.last), timepoints: months(plan.timepoints) }),
    ],
    [
      t('methods_primary_term'),
      t(plan.employment_definition === 'employed_in_month' ? 'methods_primary_in_month' : 'methods_primary_to_month', { month: String(plan.primary_timepoint) }),
    ],
    plan.measures.length === 0
      ? null
      : [
          t('methods_questionnaires_term'),
          followUpWaves.length === 0
            ? t('methods_questionnaires_baseline', { measures })
            : t('methods_questionnaires', { months: months(followUpWaves), measures }),
        ],
    [
      t('methods_adjustment_term'),
      [t('methods_adjustment', { variables: variablesInText(['site', ...plan.covariates], lang) }), plan.measures.length > 0 ? t('methods_adjustment_qol') : null]
        .filter((s): s is string => s !== null)
        .join(' '),
    ],
    [t('methods_interval_term'), t('methods_interval', { level: formatPercent(plan.confidence_level, lang, 1, 0) })],
    [t('methods_p_term'), t('methods_p')],
    family > 1
      ? [t('methods_multiplicity_term'), t('methods_multiplicity', { count: int(family), method: t(qualityOfLife.quality_of_life_methods.multiplicity === 'holm' ? 'methods_holm' : 'methods_bh') })]
      : null,
  ];
  return items.filter((i): i is [string, string] => i !== null);
}

/** The section: heading, a line on the analysis plan, and the items as a description list. */
export function methodsSection(plan: AnalysisPlan, verify: VerifyResult, qualityOfLife: QualityOfLifeResult, lang: Lang): SafeHtml {
  return html`<section aria-labelledby="methods">
<h2 id="methods">${text(lang, 'methods_heading')}</h2>
<p>${text(lang, 'methods_intro')}</p>
<dl class="facts">
${methodsItems(plan, verify, qualityOfLife, lang).map(([term, description]) => html`<dt>${term}</dt><dd>${description}</dd>\n`)}</dl>
</section>
`;
}
