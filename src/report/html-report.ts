/**
 * The HTML report: one self-contained page (inline styles and SVG, no scripts, no network),
 * byte-identical for identical input. It only presents numbers from the artifacts; nothing
 * is computed here beyond sums of counts for table totals and rounding for display.
 *
 * Page order: the warning when the allocation is unverified, the summary (the key results
 * in plain words), the contents, the trial and its methods, participant flow (CONSORT),
 * baseline table, employment, quality of life and health, costs and benefits, the evidence
 * in context (the trial beside earlier studies) and the sites' fidelity to the IPS model,
 * data quality and checks (what was delivered, the allocation check, the small-numbers
 * rule), and the provenance. The results come first; what a reader needs to trust them, last.
 *
 * The page is byte-identical for identical input, except for the day of the run in the
 * provenance section (fixed by SOURCE_DATE_EPOCH; see provenance.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CostBenefitResult } from '../cost-benefit/cost-benefit-results.ts';
import type { VerifyResult } from '../design/verify.ts';
import type { IngestSummary } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import type { OutcomesResult } from '../outcomes/outcomes.ts';
import type { QualityOfLifeResult } from '../quality-of-life/quality-of-life-results.ts';
import type { TrialFidelity } from '../fidelity/site-employment.ts';
import type { TrialInContext } from '../meta-analysis/trial-in-context.ts';
import { participantsBySiteSpec, PARTICIPANTS_BY_SITE } from './charts/participants-by-site.ts';
import { CHART_FONT, OKABE_ITO } from './charts/style.ts';
import { baselineSection } from './baseline-section.ts';
import { consortSection, renderConsortChart } from './consort-section.ts';
import { costBenefitSection, renderCostBenefitCharts } from './cost-benefit-section.ts';
import { dataQualitySection } from './data-quality-section.ts';
import { employmentSection, renderEmploymentCharts } from './employment-section.ts';
import { evidenceSection, renderEvidenceCharts } from './evidence-section.ts';
import { fidelitySection, renderFidelityCharts } from './fidelity-section.ts';
import { html, raw, type SafeHtml } from './escape.ts';
import { methodsSection } from './methods-section.ts';
import type { ReportProvenance } from './provenance.ts';
import { provenanceSection } from './provenance-section.ts';
import { qualityOfLifeSection, renderQualityOfLifeCharts } from './quality-of-life-section.ts';
import { unverifiedAlert } from './randomization-section.ts';
import { renderSvg } from './render-svg.ts';
import { PRINT_STYLE } from './print-style.ts';
import { summarySection } from './summary-section.ts';
import { text, type Lang, type TextKey } from './texts.ts';

/** What the report is built from: artifacts only, plus the tool version for the footer. */
export interface ReportInput {
  summary: IngestSummary;
  plan: AnalysisPlan;
  /** The verify stage's result: randomization check, CONSORT flow, baseline table. */
  verify: VerifyResult;
  /** The outcomes stage's result: employment at each timepoint, month by month, time to first job, subgroups. */
  outcomes: OutcomesResult;
  /** The quality-of-life stage's result: questionnaire means, adjusted differences and sensitivity analyses. */
  qualityOfLife: QualityOfLifeResult;
  /** The cost–benefit stage's result: break-even wages, scenarios, uncertainty and sensitivity (its `cost_benefit` is null when the plan has no costs). */
  costBenefit: CostBenefitResult;
  /**
   * The meta-analysis stage's result: this trial beside earlier studies; null when no
   * evidence file was delivered (the section says so). Without it the page has no such section.
   */
  metaAnalysis?: TrialInContext | null;
  /**
   * The fidelity stage's result: the sites' IPS-25 ratings; null when no fidelity file was
   * delivered (the section says so). Without it the page has no such section.
   */
  fidelity?: TrialFidelity | null;
  lang: Lang;
  version: string;
  /**
   * File fingerprints, versions and the day of the run, for the provenance section (built by
   * `reportProvenance`); without it the page has no provenance section.
   */
  provenance?: ReportProvenance;
}

/** A rendered chart: its file stem, the Vega-Lite spec and the SVG embedded in the page. */
export interface RenderedChart {
  name: string;
  spec: TopLevelSpec;
  svg: string;
}

/** The page and the charts in it, for the report stage to write side by side. */
export interface RenderedReport {
  html: string;
  charts: RenderedChart[];
}

/**
 * Policy for the page: styles inline, images only as data: URIs, nothing else. The page
 * works offline and cannot leak that it was opened.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Renders the report page in `lang`, with its charts. */
export async function renderReport(input: ReportInput): Promise<RenderedReport> {
  const { summary, plan, verify, outcomes, qualityOfLife, costBenefit, metaAnalysis, fidelity, lang, version, provenance } = input;
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const spec = participantsBySiteSpec(summary, plan, lang);
  const chart: RenderedChart = { name: PARTICIPANTS_BY_SITE, spec, svg: await renderSvg(spec) };
  const flow = await renderConsortChart(verify.consort, plan, lang);
  const employmentCharts = await renderEmploymentCharts(outcomes, plan, lang);
  const qualityOfLifeCharts = await renderQualityOfLifeCharts(qualityOfLife, plan, lang);
  const costBenefitCharts = await renderCostBenefitCharts(costBenefit, plan, lang);
  const evidenceCharts = metaAnalysis === undefined ? [] : await renderEvidenceCharts(metaAnalysis, plan, lang);
  const fidelityCharts = fidelity === undefined ? [] : await renderFidelityCharts(fidelity, plan, lang);

  const title = t('report_title', { trial: plan.trial.name });
  // The sections after the summary, for the contents: [heading id, heading].
  const sections: [string, string][] = [
    ['methods', t('methods_heading')],
    ['participant-flow', t('consort_heading')],
    ['baseline', t('baseline_heading')],
    ['employment', t('employment_heading')],
    ...(qualityOfLife.quality_of_life.length > 0 ? [['quality-of-life', t('qol_heading')] as [string, string]] : []),
    ...(costBenefit.cost_benefit !== null ? [['cost-benefit', t('cb_heading')] as [string, string]] : []),
    ...(metaAnalysis !== undefined ? [['evidence', t('ev_heading')] as [string, string]] : []),
    ...(fidelity !== undefined ? [['fidelity', t('fid_heading')] as [string, string]] : []),
    ['data-quality', t('data_quality_heading')],
    ...(provenance ? [['provenance', t('provenance_heading')] as [string, string]] : []),
  ];
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${`ips-rct ${version}`}">
<title>${title}</title>
<style>${raw(STYLE + PRINT_STYLE)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
${plan.trial.registration ? html`<p class="registration">${t('registration', { registration: plan.trial.registration })}</p>` : null}
<p class="lede">${t('report_intro')}</p>
</header>
<main>
${unverifiedAlert(verify.randomization, lang)}${summarySection({ plan, verify, outcomes, qualityOfLife, costBenefit, metaAnalysis, fidelity, lang })}${tableOfContents(sections, lang)}
${methodsSection(plan, verify, qualityOfLife, lang)}${consortSection(flow, verify.consort, plan, lang)}${baselineSection(verify.baseline, plan, lang)}${employmentSection(employmentCharts, outcomes, plan, lang)}${qualityOfLifeSection(qualityOfLifeCharts, qualityOfLife, plan, lang)}${costBenefitSection(costBenefitCharts, costBenefit, plan, lang)}${metaAnalysis !== undefined ? evidenceSection(evidenceCharts, metaAnalysis, plan, lang) : null}${fidelity !== undefined ? fidelitySection(fidelityCharts, fidelity, plan, lang) : null}${dataQualitySection(chart, summary, verify, plan, lang)}${provenance ? provenanceSection(provenance, plan, verify, version, lang) : null}</main>
<footer>
<p>${t('footer', { version })}</p>
</footer>
</body>
</html>
`;
  return { html: page.toString(), charts: [chart, flow, ...employmentCharts, ...qualityOfLifeCharts, ...costBenefitCharts, ...evidenceCharts, ...fidelityCharts] };
}

/**
 * The contents: a link to each section that follows the summary, by its heading's id. A
 * plain list of in-page links, so it works without scripts and in the PDF.
 */
function tableOfContents(sections: readonly [string, string][], lang: Lang): SafeHtml {
  return html`<nav class="toc" aria-labelledby="toc">
<h2 id="toc">${text(lang, 'toc_label')}</h2>
<ol>
${sections.map(([id, heading]) => html`<li><a href="#${id}">${heading}</a></li>\n`)}</ol>
</nav>`;
}

// Readable on screen and on paper; system fonts only, so nothing is fetched.
const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #ccc; --band: #f4f4f4; }
html { font-family: ${CHART_FONT}; font-size: 100%; line-height: 1.5; color: var(--ink); background: #fff; }
body { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.lede, .registration { color: var(--muted); margin: .25rem 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .3rem .75rem .3rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--ink); border-bottom: none; }
tbody th { font-weight: normal; }
.num { text-align: right; }
.scroll { overflow-x: auto; }
.scroll td { white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .95em; }
figure { margin: 1.5rem 0; }
.chart svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); margin: .25rem 0 .5rem; }
details { margin: .5rem 0; }
summary { cursor: pointer; }
ul.warnings, ul.problems, ul.notes { padding-left: 1.25rem; }
.alert { border: 3px solid ${OKABE_ITO.vermillion}; border-left-width: .75rem; background: #fff6f0; padding: .5rem 1rem; margin: 1.5rem 0; }
.alert p:first-child { margin-top: .25rem; }
.alert strong:first-child { font-size: 1.1em; }
.alert, code.hash { overflow-wrap: anywhere; }
table.baseline tr.variable th, tr.group th { font-weight: 600; padding-top: .6rem; }
table.baseline th.level, th.level, th.sub { padding-left: 1.25rem; }
table.results th.level { min-width: 12rem; }
table.baseline td:first-of-type { border-left: none; }
.flag { white-space: nowrap; }
ul.notes, ol.notes { font-size: .95rem; color: var(--muted); }
ol.notes, ul.findings { padding-left: 1.25rem; }
sup { line-height: 0; }
.key-result { border-left: .5rem solid ${OKABE_ITO.blue}; background: #f0f6fa; padding: .25rem 1rem .5rem; margin: 1.5rem 0; }
.key-result h2 { border-bottom: none; margin: .75rem 0 .25rem; font-size: 1.3rem; }
.key-result p { margin: .5rem 0; }
table.qol td small, table.qol-sensitivity td small { color: var(--muted); font-size: .85em; }
table.qol th.level { white-space: nowrap; }
.scroll table.qol td.reading { white-space: normal; min-width: 9rem; }
p.table-lede { font-size: .95rem; margin: .25rem 0 .5rem; }
.cb-lead p:first-child strong { font-size: 1.1em; }
.cb-lead ol.notes { margin: .25rem 0; }
p.formula { font-family: "Cambria Math", "STIX Two Math", "Latin Modern Math", "Times New Roman", serif; font-size: 1.1rem; margin: .25rem 0 .75rem 1.25rem; overflow-wrap: anywhere; }
p.formula sub, p.formula sup { font-size: .7em; }
p.symbols-heading { margin-bottom: .25rem; }
ul.symbols { padding-left: 1.25rem; margin-top: 0; font-size: .95rem; }
ul.symbols var, p.formula var { font-family: "Cambria Math", "STIX Two Math", "Latin Modern Math", "Times New Roman", serif; font-style: italic; }
table.cost-benefit td small { color: var(--muted); font-size: .85em; }
table.cost-benefit th.perspective { text-align: center; border-bottom: 1px solid var(--rule); }
table.cost-benefit thead tr:first-child th { border-bottom-width: 1px; }
table.cost-benefit thead tr:last-child th { border-bottom: 2px solid var(--ink); }
table.cost-benefit thead th[rowspan] { vertical-align: bottom; border-bottom: 2px solid var(--ink); }
.scroll table.cost-benefit tbody th { min-width: 11rem; }
.scroll table.cost-benefit td { white-space: normal; }
aside.cheers { border: 1px solid var(--rule); background: var(--band); padding: .25rem 1rem .75rem; margin: 2rem 0 1rem; }
aside.cheers h3 { margin-top: .75rem; }
aside.cheers dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: .5rem 0; }
aside.cheers dt { font-weight: 600; }
aside.cheers dd { margin: 0; }
aside.cheers table { background: #fff; }
@media (max-width: 40rem) { aside.cheers dl { grid-template-columns: 1fr; } aside.cheers dd { margin-bottom: .35rem; } }
table.evidence tr.this-trial th, table tr.this-trial th, table tr.this-trial td { color: ${OKABE_ITO.blue}; font-weight: 600; }
table.evidence td small, table tfoot td small { color: var(--muted); font-size: .85em; font-weight: normal; }
.ev-lead p:first-child strong { font-size: 1.05em; }
p.caution { border-left: .35rem solid ${OKABE_ITO.orange}; padding: .25rem .75rem; background: #fffaf0; }
nav.toc { margin: 1.5rem 0 2rem; }
nav.toc h2 { font-size: 1.15rem; border-bottom: none; margin: 0 0 .25rem; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.5rem; columns: 2 16rem; column-gap: 2rem; }
nav.toc li { margin: .15rem 0; break-inside: avoid; }
ul.summary-points { padding-left: 1.25rem; margin: .5rem 0; }
ul.summary-points li { margin: .5rem 0; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .4rem 1rem; margin: .75rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; gap: 0; } dl.facts dd { margin-bottom: .5rem; } }
table.provenance code.hash { word-break: break-all; }
table.provenance th small { color: var(--muted); font-size: .85em; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .5rem; color: var(--muted); font-size: .9rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  figure, table { break-inside: avoid; }
  details > summary { display: none; }
  details::details-content { content-visibility: visible; display: block; }
}
`;
