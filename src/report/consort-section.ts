/**
 * The participant-flow section: the CONSORT diagram as an accessible SVG and, folded away
 * under it, the same numbers as a table (for screen readers, and for copying).
 */
import type { ArmCounts, ConsortFlow } from '../design/consort.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { CONSORT_FLOW, consortFlowSpec } from './charts/consort-flow.ts';
import { html, raw, type SafeHtml } from './escape.ts';
import { chartFigure } from './figure.ts';
import type { RenderedChart } from './html-report.ts';
import { outcomeLabel } from './labels.ts';
import { renderSvg } from './render-svg.ts';
import { formatInteger, text, type Lang, type TextKey } from './texts.ts';

/** One row of the flow table: per-arm counts (null for the screening steps) and the total. */
export interface FlowTableRow {
  label: string;
  arms: ArmCounts | null;
  total: number;
  /** A reason for exclusion, shown indented under its step. */
  sub?: boolean;
}

/** The rendered flow diagram, named for its files in the run folder. */
export async function renderConsortChart(consort: ConsortFlow, plan: AnalysisPlan, lang: Lang): Promise<RenderedChart> {
  const spec = consortFlowSpec(consort, plan, lang);
  return { name: CONSORT_FLOW, spec, svg: await renderSvg(spec) };
}

/**
 * The diagram's numbers as table rows, top to bottom as in the diagram. Totals are sums
 * over the plan's arms; screening steps have a total only.
 */
export function flowTableRows(consort: ConsortFlow, plan: AnalysisPlan, lang: Lang): FlowTableRow[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const sum = (arms: ArmCounts) => plan.arms.reduce((s, arm) => s + (arms[arm] ?? 0), 0);
  const armRow = (label: string, arms: ArmCounts): FlowTableRow => ({ label, arms, total: sum(arms) });
  const screening = consort.screening;
  return [
    ...(screening
      ? [
          { label: t('consort_assessed'), arms: null, total: screening.assessed },
          ...(screening.excluded.length > 0
            ? [
                { label: t('consort_excluded'), arms: null, total: screening.excluded.reduce((s, e) => s + e.n, 0) },
                ...screening.excluded.map((e) => ({ label: e.reason[lang], arms: null, total: e.n, sub: true })),
              ]
            : []),
        ]
      : []),
    armRow(t('consort_randomized'), consort.randomized),
    armRow(t('consort_withdrawn'), consort.withdrawn),
    ...consort.registry.map((r) => armRow(t('consort_row_registry', { month: String(r.month) }), r.arms)),
    ...consort.questionnaires.map((q) =>
      armRow(q.wave === 0 ? t('consort_row_questionnaire_baseline') : t('consort_row_questionnaire', { month: String(q.wave) }), q.arms),
    ),
    ...[...consort.analysed.filter((a) => a.primary), ...consort.analysed.filter((a) => !a.primary)].map((a) =>
      armRow(t(a.primary ? 'consort_row_analysed_primary' : 'consort_row_analysed', { outcome: outcomeLabel(a.outcome, a.month, plan, lang) }), a.arms),
    ),
  ];
}

/** The flow's numbers as table rows under an arm header. */
function flowTable(consort: ConsortFlow, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey) => text(lang, key);
  const int = (n: number) => formatInteger(n, lang);
  return html`<thead><tr><th scope="col">${t('consort_step_col')}</th>${plan.arms.map((arm) => html`<th scope="col" class="num">${arm}</th>`)}<th scope="col" class="num">${t('total_label')}</th></tr></thead>
<tbody>
${flowTableRows(consort, plan, lang).map(
    (r) =>
      html`<tr><th scope="row"${r.sub ? raw(' class="sub"') : null}>${r.label}</th>${plan.arms.map((arm) => html`<td class="num">${r.arms ? int(r.arms[arm] ?? 0) : ''}</td>`)}<td class="num">${int(r.total)}</td></tr>\n`,
  )}</tbody>`;
}

/** The section: heading, a sentence on how to read the figure, the figure and its table. */
export function consortSection(chart: RenderedChart, consort: ConsortFlow, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey) => text(lang, key);
  return html`<section aria-labelledby="participant-flow">
<h2 id="participant-flow">${t('consort_heading')}</h2>
<p>${t('consort_intro')}</p>
${chartFigure(chart, { title: t('chart_consort_title'), description: t('chart_consort_description') }, flowTable(consort, plan, lang), lang)}
</section>
`;
}
