/**
 * The cost–benefit results: what the intervention's extra cost means in wages. It leads with
 * one plain sentence (the monthly wage each extra person in work would have to earn for the
 * programme to pay for itself over the trial), then explains the idea and the formulas,
 * shows the persistence scenarios in a table, the probability of a net gain by wage, the
 * one-way sensitivity analysis, and the CHEERS 2022 reporting items with every input.
 *
 * Money is rounded for a lay reader where it is an estimate ("about kr 47 000") and shown
 * exactly where it is an input. No wage is ever written as a negative number, infinity or
 * NaN: a break-even wage that does not exist is said in words, with its reason; a net value
 * is a gain or a loss, never a minus sign before kroner. Only rounding (and the ratio to the
 * reference wage the lead sentence names) happens here; every number comes from the
 * cost–benefit stage.
 */
import type { BootstrapEstimate, BreakEvenWage, CostBenefit, CostBenefitResult } from '../cost-benefit/cost-benefit-results.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import {
  acceptabilityPoints,
  COST_BENEFIT_ACCEPTABILITY,
  costBenefitAcceptabilitySpec,
  PERSPECTIVES,
  perspectiveName,
  scenarioNames,
  type Perspective,
  type ScenarioName,
} from './charts/cost-benefit-acceptability.ts';
import { amountMoreOrLess, COST_BENEFIT_TORNADO, costBenefitTornadoSpec, parameterLabel, parameterValue, tornadoBase, tornadoRows } from './charts/cost-benefit-tornado.ts';
import { NoteList } from './effect-text.ts';
import { html, type SafeHtml } from './escape.ts';
import { chartFigure } from './figure.ts';
import type { RenderedChart } from './html-report.ts';
import { armRoles, labelInText } from './labels.ts';
import { renderSvg } from './render-svg.ts';
import { formatDecimal, formatInteger, formatMoney, formatMoneyAbout, formatPercent, formatPoints, joinList, text, type Lang, type TextKey } from './texts.ts';

const DASH = '–';

/**
 * The cost–benefit charts, in page order: the acceptability curves, and the tornado when the
 * base case has a break-even wage to start its bars from. None when the plan has no costs.
 */
export async function renderCostBenefitCharts(result: CostBenefitResult, plan: AnalysisPlan, lang: Lang): Promise<RenderedChart[]> {
  const cb = result.cost_benefit;
  if (cb === null) return [];
  const specs = [
    ...(acceptabilityPoints(cb, lang).length > 0 ? [{ name: COST_BENEFIT_ACCEPTABILITY, spec: costBenefitAcceptabilitySpec(cb, plan, lang) }] : []),
    ...(hasTornado(cb) ? [{ name: COST_BENEFIT_TORNADO, spec: costBenefitTornadoSpec(cb, plan, lang) }] : []),
  ];
  const charts: RenderedChart[] = [];
  for (const { name, spec } of specs) charts.push({ name, spec, svg: await renderSvg(spec) });
  return charts;
}

/** The tornado needs a base-case break-even wage and at least one varied parameter. */
const hasTornado = (cb: CostBenefit) => tornadoBase(cb) !== null && cb.sensitivity.length > 0;

/** What the section writes often. */
interface Ctx {
  lang: Lang;
  cb: CostBenefit;
  t: (key: TextKey, params?: Record<string, string>) => string;
  arm_t: string;
  arm_c: string;
  /** "95 %" / "95%". */
  level: string;
  /** The scenarios' names, in the result's order. */
  names: ScenarioName[];
  /** The reference wage as an input: exact kroner. */
  reference: string;
}

function context(cb: CostBenefit, plan: AnalysisPlan, lang: Lang): Ctx {
  return {
    lang,
    cb,
    t: (key, params) => text(lang, key, params),
    ...armRoles(plan),
    level: formatPercent(plan.confidence_level, lang, 1, 0),
    names: scenarioNames(
      cb.scenarios.map((s) => s.scenario),
      cb.inputs.window_months,
      lang,
    ),
    reference: formatMoney(cb.inputs.reference_wage.monthly_nok, lang),
  };
}

/**
 * A wage for the page: an estimate, rounded for a lay reader. A negative or non-finite wage
 * breaks the results contract (a wage that does not exist is null), so it stops the report
 * rather than reach a reader.
 */
function wage(x: number, lang: Lang): string {
  if (!(Number.isFinite(x) && x >= 0)) throw new RangeError(`cost–benefit: ${x} is not a wage (the results contract says null, with a reason)`);
  return formatMoneyAbout(x, lang);
}

/** A break-even wage's interval: "kr 27 000 til kr 175 000", "fra kr 27 000 og oppover"; null without one. */
function wageRange(be: BreakEvenWage, lang: Lang): string | null {
  if (be.monthly_nok === null || be.ci === null) return null;
  const [low, high] = be.ci;
  return high === null ? text(lang, 'cb_range_open', { low: wage(low, lang) }) : text(lang, 'interval', { low: wage(low, lang), high: wage(high, lang) });
}

/** A net value in words: "gevinst kr 54 000", "tap kr 37 000", "kr 0". */
function netValue(x: number, lang: Lang): string {
  const amount = formatMoneyAbout(Math.abs(x), lang);
  if (formatMoneyAbout(x, lang) === formatMoney(0, lang)) return amount;
  return text(lang, x > 0 ? 'cb_gain' : 'cb_loss', { amount });
}

/** Upper-case first letter, for a phrase that starts a table cell. */
const capitalize = (s: string, lang: Lang) => s.charAt(0).toLocaleUpperCase(lang === 'nb' ? 'nb-NO' : 'en-GB') + s.slice(1);

/** Extra months in work, one decimal: "1,5". */
const months = (x: number, lang: Lang) => formatDecimal(x, lang, 1);

/** Cell text for a break-even wage that does not exist, by reason. */
const NO_BREAK_EVEN_CELL: Readonly<Record<string, TextKey>> = {
  no_employment_effect: 'cb_none_no_employment_effect',
  no_extra_cost: 'cb_none_no_extra_cost',
  covered_without_wage: 'cb_none_covered_without_wage',
  wage_brings_no_revenue: 'cb_none_wage_brings_no_revenue',
};

/** A cell: its text and the superscript numbers of its notes. */
function noteMarks(notes: NoteList, list: readonly string[]): SafeHtml {
  return html`${notes.mark(list).map((n, i) => html`${i > 0 ? ',' : ''}<sup>${String(n)}</sup>`)}`;
}

/** A numbered note list, or nothing. */
function noteList(notes: NoteList): SafeHtml | null {
  return notes.notes.length > 0 ? html`<ol class="notes">\n${notes.notes.map((n) => html`<li>${n}</li>\n`)}</ol>\n` : null;
}

// ---------------------------------------------------------------------------------------
// The section

/** The cost–benefit section; nothing when the plan has no cost section. */
export function costBenefitSection(charts: RenderedChart[], result: CostBenefitResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const cb = result.cost_benefit;
  if (cb === null) return html``;
  const c = context(cb, plan, lang);
  const chart = (name: string) => charts.find((x) => x.name === name);
  const acceptability = chart(COST_BENEFIT_ACCEPTABILITY);
  const tornado = chart(COST_BENEFIT_TORNADO);
  return html`<section aria-labelledby="cost-benefit">
<h2 id="cost-benefit">${c.t('cb_heading')}</h2>
${lead(c)}
${method(c)}
${scenarioTable(c)}
${acceptability ? acceptabilitySection(acceptability, c) : null}
${sensitivitySection(tornado, c)}
${cheers(c)}</section>
`;
}

/** The lead: the break-even wage in one bold sentence, its uncertainty, the reference wage and the public budget. */
function lead(c: Ctx): SafeHtml {
  const { t, lang, cb, arm_t } = c;
  const be = cb.break_even_wage;
  const notes = new NoteList();
  const window = formatInteger(cb.inputs.window_months, lang);
  const first: SafeHtml[] = [];
  if (be.monthly_nok !== null) {
    const annual = be.annual_nok ?? 12 * be.monthly_nok;
    first.push(html`<strong>${t('cb_lead', { arm_t, months: window, wage: wage(be.monthly_nok, lang), annual: wage(annual, lang) })}</strong>`);
    if (be.ci !== null) {
      const [low, high] = be.ci;
      first.push(html`${high === null ? t('cb_lead_interval_open', { low: wage(low, lang) }) : t('cb_lead_interval', { low: wage(low, lang), high: wage(high, lang) })}`);
    }
    const ratio = be.monthly_nok / cb.inputs.reference_wage.monthly_nok;
    const comparison =
      ratio >= 1.05
        ? t('cb_lead_times', { times: formatDecimal(ratio, lang, 1), reference: c.reference })
        : ratio > 0.95
          ? t('cb_lead_same', { reference: c.reference })
          : t('cb_lead_share', { share: formatPercent(ratio, lang, 0), reference: c.reference });
    // The source belongs to the reference wage: its note mark goes on the sentence that names it.
    first.push(html`${comparison}${noteMarks(notes, [t('cb_note_reference', { source: cb.inputs.reference_wage.source })])}`);
  } else {
    first.push(html`<strong>${noBreakEvenLead(be, c)}</strong>`);
  }
  const second = [be.monthly_nok !== null ? t('cb_lead_definition', { arm_t }) : null, publicLead(c)].filter((s): s is string => s !== null);
  return html`<div class="key-result cb-lead">
<p>${first.map((s, i) => html`${i > 0 ? ' ' : ''}${s}`)}</p>
${second.length > 0 ? html`<p>${second.join(' ')}</p>\n` : null}${noteList(notes)}</div>`;
}

/** The lead sentence when society's break-even wage does not exist, by reason. */
function noBreakEvenLead(be: BreakEvenWage, c: Ctx): string {
  const { t, arm_t, arm_c, cb, lang } = c;
  switch (be.reason) {
    case 'no_employment_effect':
      return t('cb_lead_no_employment_effect', { arm_t, arm_c, cost: formatMoney(cb.cost_difference, lang) });
    case 'no_extra_cost':
      return t('cb_lead_no_extra_cost', { arm_t, arm_c });
    case 'covered_without_wage':
      return t('cb_lead_covered_without_wage', { arm_t });
    default:
      return t('cb_lead_not_estimable');
  }
}

/** The public budget's break-even wage over the window in one sentence; null when society's reason already says it. */
function publicLead(c: Ctx): string | null {
  const { t, lang, cb } = c;
  const be = cb.scenarios.find((s) => s.scenario.kind === 'window')?.public_budget.break_even_wage;
  if (!be) return null;
  if (be.monthly_nok !== null) {
    const range = wageRange(be, lang);
    return range === null ? t('cb_lead_public_no_range', { wage: wage(be.monthly_nok, lang) }) : t('cb_lead_public', { wage: wage(be.monthly_nok, lang), range });
  }
  if (be.reason === 'covered_without_wage') return t('cb_lead_public_covered');
  // No extra work or no extra cost: the lead has said so for both perspectives.
  if (be.reason === cb.break_even_wage.reason && be.reason !== null) return null;
  return t('cb_lead_public_not_estimable');
}

// ---------------------------------------------------------------------------------------
// How it is calculated

/** The idea in words, ΔM and ΔC with their values, the two formulas, and why benefits count only once. */
function method(c: Ctx): SafeHtml {
  const { t, lang, cb, arm_t, arm_c } = c;
  const inputs = cb.inputs;
  const effect = cb.employment_effect.extra_months;
  const rate = formatPercent(inputs.discount_rate, lang, 2, 0);
  const range = effect.ci ? t('cb_range_paren', { level: c.level, low: months(effect.ci[0], lang), high: months(effect.ci[1], lang) }) : '';
  const window = formatInteger(inputs.window_months, lang);
  const monthsSentence = t(effect.estimate >= 0 ? 'cb_months_more' : 'cb_months_fewer', { arm_t, arm_c, months: months(Math.abs(effect.estimate), lang), window, range });
  const discount = t('cb_months_discount', { rate, undiscounted: months(cb.employment_effect.extra_months_undiscounted, lang) });
  const costs = joinList(
    [arm_t, arm_c].map((arm) => t('cb_arm_cost', { arm, cost: formatMoney(inputs.cost_per_participant[arm] ?? 0, lang) })),
    lang,
    'and',
  );
  const dc = cb.cost_difference;
  const year = String(inputs.price_year);
  const costSentence =
    Math.round(dc) === 0
      ? t('cb_cost_same', { arm_t, arm_c, costs, year })
      : t(dc > 0 ? 'cb_cost_more' : 'cb_cost_less', { arm_t, arm_c, cost: formatMoney(Math.abs(dc), lang), costs, year });
  const percent = (x: number) => formatPercent(x, lang, 2, 0);
  const armSub = (arm: string) => html`<var>p</var><sub>${arm}</sub>(<var>m</var>)`;
  const symbols: [SafeHtml, string][] = [
    [html`<var>w</var>*`, t('cb_sym_w')],
    // A negative extra cost in words ("kr 5 000 mindre"): no amount of kroner is written with a minus sign.
    [html`Δ<var>C</var>`, t('cb_sym_dc', { value: dc < 0 ? amountMoreOrLess(dc, lang) : formatMoney(dc, lang) })],
    [html`Δ<var>M</var>`, t('cb_sym_dm', { value: t('cb_n_months', { n: formatDecimal(effect.estimate, lang, 2) }) })],
    [html`<var>e</var>`, t('cb_sym_e', { value: percent(inputs.employer_contribution_rate) })],
    [html`<var>π</var>`, t('cb_sym_pi', { value: percent(inputs.productivity_share) })],
    [html`<var>t</var>`, t('cb_sym_t', { value: percent(inputs.income_tax_rate) })],
    [html`<var>b</var>`, t('cb_sym_b', { value: formatMoney(inputs.benefits_saved_per_month, lang) })],
    [html`<var>p</var>(<var>m</var>)`, t('cb_sym_p')],
    [html`<var>W</var>`, t('cb_sym_window', { value: t('cb_n_months', { n: window }) })],
    [html`<var>r</var>`, t('cb_sym_r', { value: rate })],
  ];
  return html`<h3 id="cb-method">${t('cb_method_heading')}</h3>
<p>${t('cb_method_idea', { arm_t, arm_c })}</p>
<p>${monthsSentence} ${discount}</p>
<p>${costSentence}</p>
<p>${t('cb_society_words')}</p>
<p class="formula"><var>w</var>* = Δ<var>C</var> / (Δ<var>M</var> × (1 + <var>e</var>) × <var>π</var>)</p>
<p>${t('cb_public_words')}</p>
<p class="formula"><var>w</var>* = (Δ<var>C</var> / Δ<var>M</var> − <var>b</var>) / (<var>t</var> + <var>e</var>)</p>
<p>${t('cb_benefits_why')}</p>
<p>${t('cb_months_formula_words')}</p>
<p class="formula">Δ<var>M</var> = Σ<sub><var>m</var> = 1 … <var>W</var></sub> (${armSub(arm_t)} − ${armSub(arm_c)}) × (1 + <var>r</var>)<sup>−<var>m</var>/12</sup></p>
<p class="symbols-heading">${t('cb_symbols')}</p>
<ul class="symbols">
${symbols.map(([symbol, meaning]) => html`<li>${symbol}: ${meaning}</li>\n`)}</ul>`;
}

// ---------------------------------------------------------------------------------------
// The scenarios

/** "1,5" with its interval below it, in a cell. */
function monthsCell(e: BootstrapEstimate, lang: Lang): SafeHtml {
  return html`${months(e.estimate, lang)}${e.ci ? html`<br><small>${text(lang, 'interval', { low: months(e.ci[0], lang), high: months(e.ci[1], lang) })}</small>` : null}`;
}

/** A break-even wage with its interval below it; in words, with a note, when there is none. */
function breakEvenCell(be: BreakEvenWage, notes: NoteList, c: Ctx): SafeHtml {
  const { lang, t } = c;
  if (be.monthly_nok === null) {
    const key = be.reason === null ? undefined : NO_BREAK_EVEN_CELL[be.reason];
    if (key) return html`${t(key)}`;
    const note = be.reason === null ? t('qol_note_not_estimable_plain') : t('qol_note_not_estimable_unknown', { note: be.reason });
    return html`${DASH}${noteMarks(notes, [note])}`;
  }
  const open = be.ci !== null && be.ci[1] === null;
  const range = wageRange(be, lang);
  return html`${wage(be.monthly_nok, lang)}${range ? html`<br><small>${range}${noteMarks(notes, open ? [t('cb_note_open_interval', { arm_t: c.arm_t, arm_c: c.arm_c })] : [])}</small>` : null}`;
}

/** A net value with its interval below it. */
function netCell(e: BootstrapEstimate, lang: Lang): SafeHtml {
  const net = netValue(e.estimate, lang);
  // "Tap kr 37 000", but "kr 0" stays as the currency is written.
  const value = net === formatMoney(0, lang) ? net : capitalize(net, lang);
  return html`${value}${e.ci ? html`<br><small>${text(lang, 'interval', { low: netValue(e.ci[0], lang), high: netValue(e.ci[1], lang) })}</small>` : null}`;
}

/** One row per scenario: extra months, then break-even wage and net value for each perspective. */
function scenarioTable(c: Ctx): SafeHtml {
  const { t, lang, cb } = c;
  const notes = new NoteList();
  // Cells left to right, so the notes are numbered in reading order.
  const rows = cb.scenarios.map((s, i) => {
    const name = c.names[i]!;
    const cells = PERSPECTIVES.map((p) => html`<td class="num">${breakEvenCell(s[p].break_even_wage, notes, c)}</td><td class="num">${netCell(s[p].npv_at_reference_wage, lang)}</td>`);
    return html`<tr><th scope="row">${name.long}</th><td class="num">${monthsCell(s.extra_months, lang)}</td>${cells}</tr>\n`;
  });
  const lastEffect = cb.employment_effect.last_effect.estimate;
  const intro = t('cb_scenarios_intro', {
    window: formatInteger(cb.inputs.window_months, lang),
    arm_t: c.arm_t,
    points: formatPoints(lastEffect, lang),
    last_months: formatInteger(cb.inputs.last_effect_months, lang),
  });
  const findings = PERSPECTIVES.map((p) => gainSentence(p, c));
  const anyUncertain = cb.scenarios.some((s) => PERSPECTIVES.some((p) => spansZero(s[p].npv_at_reference_wage)));
  return html`<h3 id="cb-scenarios">${t('cb_scenarios_heading')}</h3>
<p>${intro}</p>
<div class="scroll">
<table class="cost-benefit" aria-labelledby="cb-scenarios">
<thead>
<tr><th scope="col" rowspan="2">${t('cb_col_scenario')}</th><th scope="col" rowspan="2" class="num">${t('cb_col_months')}</th>${PERSPECTIVES.map(
    (p) => html`<th scope="colgroup" colspan="2" class="perspective">${perspectiveName(p, lang)}</th>`,
  )}</tr>
<tr>${PERSPECTIVES.map(() => html`<th scope="col" class="num">${t('cb_col_break_even')}</th><th scope="col" class="num">${t('cb_col_npv')}</th>`)}</tr>
</thead>
<tbody>
${rows}</tbody>
</table>
</div>
<p class="table-lede">${t('cb_table_lede', { arm_t: c.arm_t, reference: c.reference, level: c.level })}</p>
${noteList(notes)}<ul class="findings">
${findings.map((f) => html`<li>${f}</li>\n`)}${anyUncertain ? html`<li>${t('cb_uncertain_note', { arm_t: c.arm_t })}</li>\n` : null}</ul>`;
}

/** The interval runs from a loss to a gain. */
const spansZero = (e: BootstrapEstimate) => e.ci !== null && e.ci[0] < 0 && e.ci[1] > 0;

/** Which scenarios make the intervention a net gain at the reference wage, for one perspective. */
function gainSentence(p: Perspective, c: Ctx): string {
  const { t, lang, cb } = c;
  const perspective = t(p === 'society' ? 'cb_perspective_society' : 'cb_perspective_public');
  const gains = cb.scenarios.map((s, i) => ({ s, name: c.names[i]! })).filter(({ s }) => s[p].npv_at_reference_wage.estimate > 0);
  if (gains.length === cb.scenarios.length) return t('cb_gain_all', { arm_t: c.arm_t, perspective });
  if (gains.length === 0) return t('cb_gain_none', { arm_t: c.arm_t, perspective });
  const list = joinList(
    gains.map(({ name }) => t('cb_quoted', { label: name.short })),
    lang,
    'and',
  );
  return t('cb_gain_some', { arm_t: c.arm_t, perspective, list });
}

// ---------------------------------------------------------------------------------------
// Uncertainty and sensitivity

/** The acceptability curves, with every point in a folded table: wages as rows, scenarios as columns, a group per perspective. */
function acceptabilitySection(chart: RenderedChart, c: Ctx): SafeHtml {
  const { t, lang, cb } = c;
  const points = acceptabilityPoints(cb, lang);
  const names = c.names.filter((n) => points.some((p) => p.id === n.id));
  const wages = cb.acceptability.monthly_wage;
  const share = (p: Perspective, id: string, i: number) => {
    const x = cb.acceptability[p][id]?.[i];
    return typeof x === 'number' && Number.isFinite(x) ? formatPercent(x, lang, 1, 0) : DASH;
  };
  const table = html`<thead><tr><th scope="col">${t('cb_wage_col')}</th>${names.map((n) => html`<th scope="col" class="num">${n.short}</th>`)}</tr></thead>
${PERSPECTIVES.map(
  (p) => html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="${String(1 + names.length)}">${perspectiveName(p, lang)}</th></tr>
${wages.map((w, i) =>
  Number.isFinite(w) ? html`<tr><th scope="row" class="level">${formatMoney(w, lang)}</th>${names.map((n) => html`<td class="num">${share(p, n.id, i)}</td>`)}</tr>\n` : null,
)}</tbody>
`,
)}`;
  const caption = {
    title: t('chart_cb_acceptability_title', { arm_t: c.arm_t }),
    description: t('chart_cb_acceptability_description', { arm_t: c.arm_t, reference: c.reference }),
  };
  return html`<h3 id="cb-uncertainty">${t('cb_uncertainty_heading', { arm_t: c.arm_t })}</h3>
<p>${t('cb_uncertainty_intro', { arm_t: c.arm_t, resamples: formatInteger(cb.resamples, lang) })}</p>
${chartFigure(chart, caption, table, lang)}`;
}

/** The tornado with its numbers, or why it is not shown. */
function sensitivitySection(chart: RenderedChart | undefined, c: Ctx): SafeHtml {
  const { t, lang, cb } = c;
  if (cb.sensitivity.length === 0) return html``;
  const heading = html`<h3 id="cb-sensitivity">${t('cb_sensitivity_heading')}</h3>
<p>${t('cb_sensitivity_intro')}</p>`;
  const base = tornadoBase(cb);
  if (!chart || base === null) return html`${heading}\n<p>${t('cb_sensitivity_none')}</p>\n`;
  const rows = tornadoRows(cb, lang);
  const end = (wageAt: number | null, open: 'left' | 'right' | null) => (wageAt !== null ? wage(wageAt, lang) : t(open === 'left' ? 'cb_any_wage' : 'cb_no_break_even'));
  const table = html`<thead><tr><th scope="col">${t('cb_param_col')}</th><th scope="col" class="num">${t('cb_low')}</th><th scope="col" class="num">${t('cb_at_low_col')}</th><th scope="col" class="num">${t('cb_high')}</th><th scope="col" class="num">${t('cb_at_high_col')}</th></tr></thead>
<tbody>
${rows.map(
  (r) =>
    html`<tr><th scope="row">${r.label}</th><td class="num">${r.low_value}</td><td class="num">${end(r.at_low, r.low_open)}</td><td class="num">${r.high_value}</td><td class="num">${end(r.at_high, r.high_open)}</td></tr>\n`,
)}</tbody>`;
  const caption = { title: t('chart_cb_tornado_title'), description: t('chart_cb_tornado_description', { base: wage(base, lang) }) };
  return html`${heading}
${chartFigure(chart, caption, table, lang)}
`;
}

// ---------------------------------------------------------------------------------------
// CHEERS 2022

/** "1, 3, 5 eller 10 år": the scenarios' extra years, each once, in increasing order. */
function extraYears(c: Ctx): string | null {
  const years = [...new Set(c.cb.scenarios.flatMap((s) => (s.scenario.kind === 'window' ? [] : [s.scenario.years])))].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const last = years[years.length - 1]!;
  const unit = years.length === 1 && last === 1 ? c.t('cb_year_one') : c.t('cb_years', { n: formatInteger(last, c.lang) });
  return joinList([...years.slice(0, -1).map((y) => formatInteger(y, c.lang)), unit], c.lang, 'or');
}

/** The reporting items of CHEERS 2022 that apply, in plain words, and every input in a folded table. */
function cheers(c: Ctx): SafeHtml {
  const { t, lang, cb, arm_t, arm_c } = c;
  const inputs = cb.inputs;
  const window = formatInteger(inputs.window_months, lang);
  const years = extraYears(c);
  const costs = joinList(
    [arm_t, arm_c].map((arm) => t('cb_arm_cost', { arm, cost: formatMoney(inputs.cost_per_participant[arm] ?? 0, lang) })),
    lang,
    'and',
  );
  const parameters = joinList(
    cb.sensitivity.map((s) => labelInText(parameterLabel(s.parameter, lang), lang)),
    lang,
    'and',
  );
  const items: [string, string][] = [
    [t('cb_cheers_perspective'), t('cb_cheers_perspective_text')],
    [t('cb_cheers_horizon'), years === null ? t('cb_cheers_horizon_window_only', { window }) : t('cb_cheers_horizon_text', { window, years })],
    [t('cb_cheers_discount'), t('cb_cheers_discount_text', { rate: formatPercent(inputs.discount_rate, lang, 2, 0) })],
    [t('cb_cheers_price'), t('cb_cheers_price_text', { year: String(inputs.price_year) })],
    [t('cb_cheers_costs'), t('cb_cheers_costs_text', { costs })],
    [t('cb_cheers_outcome'), t('cb_cheers_outcome_text', { reference: c.reference })],
    [
      t('cb_cheers_uncertainty'),
      t('cb_cheers_uncertainty_text', { resamples: formatInteger(cb.resamples, lang), level: c.level, parameters: parameters || DASH }),
    ],
  ];
  return html`<aside class="cheers" aria-labelledby="cb-cheers">
<h3 id="cb-cheers">${t('cb_cheers_heading')}</h3>
<p>${t('cb_cheers_intro')}</p>
<dl>
${items.map(([term, description]) => html`<dt>${term}</dt><dd>${description}</dd>\n`)}</dl>
${inputsTable(c)}
</aside>
`;
}

/** Every field of the cost inputs, with its unit, exactly as the analysis used it. */
function inputsTable(c: Ctx): SafeHtml {
  const { t, lang, cb } = c;
  const p = cb.inputs;
  const percent = (x: number) => formatPercent(x, lang, 2, 0);
  const row = (name: SafeHtml | string, value: SafeHtml | string) => html`<tr><th scope="row">${name}</th><td>${value}</td></tr>\n`;
  const arms = [c.arm_t, c.arm_c, ...Object.keys(p.cost_per_participant).filter((a) => a !== c.arm_t && a !== c.arm_c)];
  const rows = [
    row(t('cb_p_currency'), p.currency),
    row(t('cb_p_price_year'), String(p.price_year)),
    ...arms.filter((arm) => p.cost_per_participant[arm] !== undefined).map((arm) => row(t('cb_p_cost', { arm }), formatMoney(p.cost_per_participant[arm]!, lang))),
    row(t('cb_p_window'), t('cb_n_months', { n: formatInteger(p.window_months, lang) })),
    row(t('cb_param_discount_rate'), t('cb_per_year', { value: percent(p.discount_rate) })),
    row(t('cb_param_employer_contribution_rate'), t('cb_of_gross', { value: percent(p.employer_contribution_rate) })),
    row(t('cb_param_productivity_share'), t('cb_of_labour_cost', { value: percent(p.productivity_share) })),
    row(t('cb_p_tax'), t('cb_of_gross', { value: percent(p.income_tax_rate) })),
    row(t('cb_p_benefits'), formatMoney(p.benefits_saved_per_month, lang)),
    row(t('cb_p_reference'), html`${t('cb_per_month', { amount: c.reference })}<br><small>${p.reference_wage.source}</small>`),
    row(t('cb_p_last_effect'), t('cb_last_months', { n: formatInteger(p.last_effect_months, lang) })),
    ...p.persistence.map((s) => {
      const name = c.names.find((n) => n.id === s.id)?.long ?? scenarioNames([s], p.window_months, lang)[0]!.long;
      return row(html`${t('cb_p_scenario')} <code>${s.id}</code>`, name);
    }),
    ...Object.entries(p.sensitivity).map(([parameter, range]) =>
      row(
        t('cb_p_sensitivity', { parameter: labelInText(parameterLabel(parameter, lang), lang) }),
        t('interval', { low: parameterValue(parameter, range[0], lang, true), high: parameterValue(parameter, range[1], lang, true) }),
      ),
    ),
    row(t('cb_p_resamples'), formatInteger(cb.resamples, lang)),
  ];
  return html`<details>
<summary>${t('cb_params_show')}</summary>
<table class="cb-inputs">
<thead><tr><th scope="col">${t('cb_params_name_col')}</th><th scope="col">${t('cb_params_value_col')}</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</details>`;
}
