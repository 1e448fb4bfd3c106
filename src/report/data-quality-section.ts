/**
 * "Data quality and checks", near the end of the page: what was delivered (participants
 * per arm and per site, the files and how they were written, the ingest's warnings), the
 * check of the allocation against the list, and the rule for small numbers. The reader who
 * wants the results finds them first; the one who wants to know whether to trust the data
 * finds it all here.
 */
import type { VerifyResult } from '../design/verify.ts';
import type { FileSummary, IngestSummary, IngestWarning } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { disclosureStatement, participantsBySiteTable } from './disclosure.ts';
import { html, type SafeHtml } from './escape.ts';
import { chartFigure } from './figure.ts';
import type { RenderedChart } from './html-report.ts';
import { allocationCheck } from './randomization-section.ts';
import { dialectText, formatInteger, text, type Lang, type TextKey } from './texts.ts';

/** The section: what came in, the allocation check, and the small-numbers rule. */
export function dataQualitySection(chart: RenderedChart, summary: IngestSummary, verify: VerifyResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  return html`<section aria-labelledby="data-quality">
<h2 id="data-quality">${t('data_quality_heading')}</h2>
<p>${t('data_quality_intro')}</p>
${armsTable(summary, plan, lang)}
${participantsBySiteFigure(chart, summary, plan, lang)}
${filesTable(summary.files, lang)}
<h3 id="warnings">${t('warnings_heading')}</h3>
${summary.warnings.length > 0
    ? html`<ul class="warnings">
${summary.warnings.map((w) => html`<li>${warningText(w, lang)}</li>\n`)}</ul>`
    : html`<p>${t('no_warnings')}</p>`}
${allocationCheck(verify.randomization, plan, lang)}
<h3 id="small-numbers">${t('disclosure_heading')}</h3>
${disclosureStatement(plan, lang)}</section>
`;
}

/** An ingest warning in the report's language. */
export function warningText(w: IngestWarning, lang: Lang): string {
  if (w.code === 'ignored_column') return text(lang, 'warn_ignored_column', { file: w.file, column: w.column });
  const key = ({ no_registry: 'warn_no_registry', registry_gaps: 'warn_registry_gaps', withdrawn_with_data: 'warn_withdrawn_with_data' } as const)[w.code];
  return text(lang, key, { count: formatInteger(w.count, lang) });
}

/** Randomized and withdrawn per arm, in plan order, with a total row. */
function armsTable(summary: IngestSummary, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const int = (n: number) => formatInteger(n, lang);
  const byArm = new Map(summary.participants.by_arm.map((a) => [a.arm, a]));
  const armName = (arm: string) => (arm === plan.control_arm ? t('arm_control', { arm }) : arm);
  return html`<h3 id="arms">${t('arms_heading')}</h3>
<p>${t('counts_note')}</p>
<div class="scroll">
<table aria-labelledby="arms">
<thead><tr><th scope="col">${t('arm_label')}</th><th scope="col" class="num">${t('randomized_label')}</th><th scope="col" class="num">${t('withdrawn_label')}</th></tr></thead>
<tbody>
${plan.arms.map((arm) => {
    const a = byArm.get(arm);
    return html`<tr><th scope="row">${armName(arm)}</th><td class="num">${int(a?.randomized ?? 0)}</td><td class="num">${int(a?.withdrawn ?? 0)}</td></tr>\n`;
  })}</tbody>
<tfoot><tr><th scope="row">${t('total_label')}</th><td class="num">${int(summary.participants.total)}</td><td class="num">${int(summary.participants.withdrawn)}</td></tr></tfoot>
</table>
</div>`;
}

/**
 * The participants-by-site chart with its numbers per site and arm, under the small-numbers
 * rule (src/report/disclosure.ts), and the footnote when it hides anything.
 */
function participantsBySiteFigure(chart: RenderedChart, summary: IngestSummary, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const { table, note } = participantsBySiteTable(summary, plan, lang);
  const caption = { title: text(lang, 'chart_participants_by_site_title'), description: text(lang, 'chart_participants_by_site_description') };
  return html`${chartFigure(chart, caption, table, lang)}${note ? html`\n${note}` : null}`;
}

/** Per input file: rows read and how it was written, in words of the report language. */
function filesTable(files: FileSummary[], lang: Lang): SafeHtml {
  const t = (key: TextKey) => text(lang, key);
  const cols: TextKey[] = ['file_col', 'rows_col', 'encoding_col', 'delimiter_col', 'decimal_col', 'line_endings_col', 'bom_col'];
  return html`<h3 id="files">${t('files_heading')}</h3>
<div class="scroll">
<table aria-labelledby="files">
<thead><tr>${cols.map((c) => (c === 'rows_col' ? html`<th scope="col" class="num">${t(c)}</th>` : html`<th scope="col">${t(c)}</th>`))}</tr></thead>
<tbody>
${files.map(
    (f) => html`<tr><th scope="row"><code>${f.file}</code></th><td class="num">${formatInteger(f.rows, lang)}</td><td>${t(dialectText.encoding[f.dialect.encoding])}</td><td>${t(dialectText.delimiter[f.dialect.delimiter])}</td><td>${t(dialectText.decimal[f.dialect.decimal])}</td><td>${t(dialectText.line_ending[f.dialect.line_ending])}</td><td>${t(dialectText.bom[f.dialect.bom ? 'true' : 'false'])}</td></tr>\n`,
  )}</tbody>
</table>
</div>`;
}
