/**
 * Evidence in context: does this trial agree with the rest of the evidence? The trial's
 * employment risk ratio at the primary timepoint beside earlier studies from evidence.csv.
 *
 * It leads with plain sentences: which rows are synthetic (first, when any are: then the
 * pooled numbers only show how the report works), this trial's risk ratio, the earlier
 * studies' pooled risk ratio, and where this trial lies against the range a new study can be
 * expected in (the prediction interval). Then the forest plot with its table, the studies not
 * pooled and why, the pooled results with and without this trial, the meta-regression,
 * leave-one-out and cumulative analyses (folded), the sources, and the method in words.
 *
 * Every number comes from the meta-analysis stage; only rounding and choosing words happen
 * here. Study names, countries and citations come from the evidence file and are escaped
 * like every other input.
 */
import type { AnalysisPlan } from '../io/plan.ts';
import type { ContextExcluded, TrialInContext } from '../meta-analysis/trial-in-context.ts';
import { EVIDENCE_FOREST, evidenceForestRows, evidenceForestSpec, originLabel, ratioWithInterval, studyLabel } from './charts/evidence-forest.ts';
import { html, type SafeHtml } from './escape.ts';
import { chartFigure } from './figure.ts';
import type { RenderedChart } from './html-report.ts';
import { armRoles } from './labels.ts';
import { renderSvg } from './render-svg.ts';
import { formatDecimal, formatInteger, formatPercent, formatPStatement, formatRatio, joinList, text, type Lang, type TextKey } from './texts.ts';

const DASH = '–';

/** The forest plot, when any study is pooled; none without an evidence file. */
export async function renderEvidenceCharts(meta: TrialInContext | null, plan: AnalysisPlan, lang: Lang): Promise<RenderedChart[]> {
  if (meta === null || meta.studies.length === 0) return [];
  const spec = evidenceForestSpec(meta, plan, lang);
  return [{ name: EVIDENCE_FOREST, spec, svg: await renderSvg(spec) }];
}

/** What the section writes often. */
interface Ctx {
  lang: Lang;
  meta: TrialInContext;
  t: (key: TextKey, params?: Record<string, string>) => string;
  arm_t: string;
  arm_c: string;
  /** "95 %" / "95%". */
  level: string;
}

/** "95 % KI 1,03 til 1,85". */
function ci(c: Ctx, interval: readonly [number, number]): string {
  return c.t('key_result_ci', { level: c.level, low: formatRatio(interval[0], c.lang), high: formatRatio(interval[1], c.lang) });
}

const EXCLUSION_TEXT: Readonly<Record<ContextExcluded['reason'], TextKey>> = {
  odds_ratio_only: 'ev_excluded_odds_ratio_only',
  risk_difference_only: 'ev_excluded_risk_difference_only',
  no_events_either_arm: 'ev_excluded_no_events_either_arm',
  all_events_both_arms: 'ev_excluded_all_events_both_arms',
  no_effect_data: 'ev_excluded_no_effect_data',
};

const MEASURE_TEXT: Readonly<Record<'RR' | 'OR' | 'RD', TextKey>> = { RR: 'ev_measure_rr', OR: 'ev_measure_or', RD: 'ev_measure_rd' };

// ---------------------------------------------------------------------------------------
// The section

/** The evidence section: the reading, or that no evidence file was delivered. */
export function evidenceSection(charts: RenderedChart[], meta: TrialInContext | null, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const heading = html`<h2 id="evidence">${t('ev_heading')}</h2>`;
  if (meta === null) {
    return html`<section aria-labelledby="evidence">
${heading}
<p>${t('ev_no_file')}</p>
</section>
`;
  }
  const c: Ctx = { lang, meta, t, ...armRoles(plan), level: formatPercent(meta.level, lang, 1, 0) };
  const forest = charts.find((x) => x.name === EVIDENCE_FOREST);
  return html`<section aria-labelledby="evidence">
${heading}
<p>${t('ev_intro', { arm_t: c.arm_t, arm_c: c.arm_c })}</p>
${lead(c)}
${forest ? forestFigure(forest, c) : null}
${excludedList(c)}
${pooledTable(c)}
${regression(c)}
${sensitivity(c)}
${sources(c)}
${method(c)}</section>
`;
}

/** The plain reading, in a box: synthetic rows, this trial, the earlier studies, where this trial lies. */
function lead(c: Ctx): SafeHtml {
  const first = evidenceSentences(c.meta, c.arm_t, c.arm_c, c.lang);
  const synthetic = syntheticSentence(c);
  return html`<div class="key-result ev-lead">
${synthetic ? html`<p><strong>${synthetic}</strong></p>\n` : null}<p>${first.join(' ')}</p>
</div>`;
}

/** "12 of the 14 studies in the evidence file are synthetic …", or null when none is. */
function syntheticSentence(c: Ctx): string | null {
  const { rows, synthetic } = c.meta.evidence;
  if (synthetic === 0) return null;
  return c.t(synthetic === rows ? 'ev_synthetic_all' : 'ev_synthetic_some', { n: formatInteger(synthetic, c.lang), total: formatInteger(rows, c.lang) });
}

/**
 * The reading in sentences: this trial's risk ratio, the earlier studies' pooled one, where
 * this trial lies against their prediction interval, and (unless `withPooledAll` is false,
 * as in the summary) the pooled result with this trial; when there is nothing to compare,
 * why. Shared with the summary.
 */
export function evidenceSentences(meta: TrialInContext, arm_t: string, arm_c: string, lang: Lang, options: { withPooledAll?: boolean } = {}): string[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const level = formatPercent(meta.level, lang, 1, 0);
  const interval = (x: readonly [number, number]) => t('key_result_ci', { level, low: formatRatio(x[0], lang), high: formatRatio(x[1], lang) });
  const month = String(meta.this_trial.month);
  const out: string[] = [];
  const trial = meta.studies.find((s) => s.origin === 'this_trial');
  if (trial) out.push(t('ev_lead_trial', { month, rr: formatRatio(trial.estimate, lang), arm_t, arm_c, ci: interval(trial.ci) }));
  else out.push(t(meta.this_trial.reason === 'small_numbers' ? 'ev_lead_trial_small_numbers' : 'ev_lead_trial_not_estimable', { month }));

  const earlier = meta.without_this_trial ?? (trial ? null : meta.random_effects ? { k: meta.k, random_effects: meta.random_effects } : null);
  if (earlier === null) {
    out.push(t(trial ? 'ev_lead_no_others' : 'ev_lead_nothing_pooled'));
    return out;
  }
  const re = earlier.random_effects;
  out.push(t(earlier.k === 1 ? 'ev_lead_others_one' : 'ev_lead_others', { k: formatInteger(earlier.k, lang), rr: formatRatio(re.estimate, lang), ci: interval(re.ci) }));
  const cmp = meta.comparison;
  if (cmp) {
    const pi = t('interval', { low: formatRatio(cmp.prediction_interval[0], lang), high: formatRatio(cmp.prediction_interval[1], lang) });
    const direction = formatRatio(cmp.trial.estimate, lang) === formatRatio(cmp.pooled.estimate, lang) ? 'same' : cmp.trial.estimate < cmp.pooled.estimate ? 'lower' : 'higher';
    const key: TextKey =
      cmp.position === 'below_prediction_interval'
        ? 'ev_position_below'
        : cmp.position === 'above_prediction_interval'
          ? 'ev_position_above'
          : direction === 'lower'
            ? 'ev_position_within_lower'
            : direction === 'higher'
              ? 'ev_position_within_higher'
              : 'ev_position_within_same';
    out.push(t(key, { pi, arm_t }));
    if (earlier.k < 3) out.push(t('ev_position_few', { k: formatInteger(earlier.k, lang) }));
  }
  if (options.withPooledAll !== false && trial && meta.random_effects) out.push(t('ev_lead_all', { k: formatInteger(meta.k, lang), rr: formatRatio(meta.random_effects.estimate, lang), ci: interval(meta.random_effects.ci) }));
  return out;
}

// ---------------------------------------------------------------------------------------
// The forest plot

/** A study's employed of total in one arm, "44 av 76"; a dash when the study gave no counts. */
function countsCell(events: number | undefined, total: number | undefined, lang: Lang): string {
  return events === undefined || total === undefined ? DASH : text(lang, 'ev_n_of', { k: formatInteger(events, lang), n: formatInteger(total, lang) });
}

function forestFigure(chart: RenderedChart, c: Ctx): SafeHtml {
  const { t, lang, meta } = c;
  const rows = evidenceForestRows(meta, lang);
  const studyRows = meta.studies.map(
    (s) => html`<tr${s.origin === 'this_trial' ? html` class="this-trial"` : null}><th scope="row">${studyLabel(s, lang)}</th><td>${originLabel(s.origin, lang)}</td><td class="num">${countsCell(s.counts?.events_intervention, s.counts?.n_intervention, lang)}</td><td class="num">${countsCell(s.counts?.events_control, s.counts?.n_control, lang)}</td><td class="num">${ratioWithInterval(s.estimate, s.ci, lang)}</td><td class="num">${formatPercent(s.weight_random, lang, 1)}</td><td class="num">${formatPercent(s.weight_fixed, lang, 1)}</td></tr>\n`,
  );
  const pooledRows = rows
    .filter((r) => r.pi_low !== null)
    .map(
      (r) =>
        html`<tr><th scope="row">${r.label}</th><td></td><td></td><td></td><td class="num">${r.summary}<br><small>${t('ev_pi_short', { pi: t('interval', { low: formatRatio(r.pi_low!, lang), high: formatRatio(r.pi_high!, lang) }) })}</small></td><td></td><td></td></tr>\n`,
    );
  const table = html`<thead><tr><th scope="col">${t('ev_study_col')}</th><th scope="col">${t('ev_source_col')}</th><th scope="col" class="num">${t('ev_employed_ips_col')}</th><th scope="col" class="num">${t('ev_employed_control_col')}</th><th scope="col" class="num">${t('ev_ratio_col', { level: c.level })}</th><th scope="col" class="num">${t('ev_weight_random_col')}</th><th scope="col" class="num">${t('ev_weight_fixed_col')}</th></tr></thead>
<tbody>
${studyRows}</tbody>
<tfoot>
${pooledRows}</tfoot>`;
  const caption = {
    title: t('chart_ev_forest_title', { month: String(meta.this_trial.month) }),
    description: t('chart_ev_forest_description', { level: c.level }),
  };
  const corrected = meta.studies.filter((s) => s.correction !== null).map((s) => studyLabel(s, lang));
  return html`<h3 id="ev-forest">${t('ev_forest_heading')}</h3>
${chartFigure(chart, caption, table, lang)}${corrected.length > 0 ? html`
<p class="table-lede">${t('ev_zero_cell_note', { studies: joinList(corrected, lang, 'and') })}</p>` : null}`;
}

// ---------------------------------------------------------------------------------------
// Studies not pooled

/** A study's reported estimate in words, on its own scale: "OR 10,39 (2,79 til 38,68)", an RD in percentage points. */
function reportedText(e: ContextExcluded, lang: Lang): string | null {
  const r = e.reported;
  if (!r) return null;
  const value = (x: number) => (r.measure === 'RD' ? formatDecimal(x * 100, lang, 1, 0) : formatRatio(x, lang));
  return text(lang, 'ev_reported', {
    measure: text(lang, MEASURE_TEXT[r.measure]),
    estimate: value(r.estimate),
    low: value(r.ci[0]),
    high: value(r.ci[1]),
    level: formatPercent(r.ci_level, lang, 1, 0),
  });
}

function excludedList(c: Ctx): SafeHtml | null {
  const { t, lang, meta } = c;
  if (meta.excluded.length === 0) return null;
  const items = meta.excluded.map((e) => {
    const reported = reportedText(e, lang);
    return html`<li>${studyLabel(e, lang)}, ${originLabel(e.origin, lang)}${reported ? html`: ${reported}` : null}. ${t(EXCLUSION_TEXT[e.reason])}</li>\n`;
  });
  return html`<h3 id="ev-excluded">${t('ev_excluded_heading')}</h3>
<p>${t('ev_excluded_intro', { n: formatInteger(meta.excluded.length, lang) })}</p>
<ul class="notes">
${items}</ul>`;
}

// ---------------------------------------------------------------------------------------
// Pooled results

/** The pooled results side by side: the earlier studies, and all with this trial. */
function pooledTable(c: Ctx): SafeHtml | null {
  const { t, lang, meta } = c;
  const columns: { heading: string; k: number; fixed: NonNullable<TrialInContext['fixed']>; re: NonNullable<TrialInContext['random_effects']>; other: TrialInContext['random_effects_other_method'] }[] = [];
  if (meta.without_this_trial) {
    columns.push({ heading: t('ev_col_earlier'), k: meta.without_this_trial.k, fixed: meta.without_this_trial.fixed, re: meta.without_this_trial.random_effects, other: null });
  }
  if (meta.fixed && meta.random_effects) {
    columns.push({ heading: t(meta.this_trial.included ? 'ev_col_all' : 'ev_col_studies'), k: meta.k, fixed: meta.fixed, re: meta.random_effects, other: meta.random_effects_other_method });
  }
  if (columns.length === 0) return null;
  const interval = (x: readonly [number, number]) => t('interval', { low: formatRatio(x[0], lang), high: formatRatio(x[1], lang) });
  const share = (x: number) => formatPercent(x, lang, 0);
  const tau2 = (x: number) => formatDecimal(x, lang, 3);
  const testName = (test: 'z' | 'knha') => t(test === 'knha' ? 'ev_test_knha' : 'ev_test_z');
  const row = (label: string, cells: (SafeHtml | string)[]) => html`<tr><th scope="row">${label}</th>${cells.map((x) => html`<td class="num">${x}</td>`)}</tr>\n`;
  const rows = [
    row(t('ev_row_k'), columns.map((col) => formatInteger(col.k, lang))),
    row(
      t('ev_row_random'),
      columns.map((col) => html`${ratioWithInterval(col.re.estimate, col.re.ci, lang)}<br><small>${t('ev_random_how', { method: col.re.method, test: testName(col.re.test) })}</small>`),
    ),
    row(t('ev_row_pi'), columns.map((col) => interval(col.re.prediction_interval))),
    row(t('ev_row_p'), columns.map((col) => formatPStatement(col.re.p, lang))),
    row(
      t('ev_row_tau2'),
      columns.map((col) => html`${tau2(col.re.tau2)}${col.re.tau2_ci ? html`<br><small>${t('interval', { low: tau2(col.re.tau2_ci[0]), high: tau2(col.re.tau2_ci[1]) })}</small>` : null}`),
    ),
    row(
      t('ev_row_i2'),
      columns.map((col) => html`${share(col.re.i2)}${col.re.i2_ci ? html`<br><small>${t('interval', { low: share(col.re.i2_ci[0]), high: share(col.re.i2_ci[1]) })}</small>` : null}`),
    ),
    row(
      t('ev_row_q'),
      columns.map((col) => t('ev_q', { q: formatDecimal(col.re.q, lang, 2), df: formatInteger(col.re.q_df, lang), p: formatPStatement(col.re.q_p, lang) })),
    ),
    row(t('ev_row_fixed'), columns.map((col) => ratioWithInterval(col.fixed.estimate, col.fixed.ci, lang))),
  ];
  const others = columns.map((col) => col.other);
  if (others.some((o) => o !== null)) {
    const method = others.find((o) => o !== null)!.method;
    rows.push(row(t('ev_row_other', { method }), others.map((o) => (o ? ratioWithInterval(o.estimate, o.ci, lang) : DASH))));
  }
  return html`<h3 id="ev-pooled">${t('ev_pooled_heading')}</h3>
<p>${t('ev_pooled_intro')}</p>
<div class="scroll">
<table class="evidence" aria-labelledby="ev-pooled">
<thead><tr><th scope="col"></th>${columns.map((col) => html`<th scope="col" class="num">${col.heading}</th>`)}</tr></thead>
<tbody>
${rows}</tbody>
</table>
</div>
<p class="table-lede">${t('ev_pooled_reading')}</p>`;
}

// ---------------------------------------------------------------------------------------
// Meta-regression

function regression(c: Ctx): SafeHtml | null {
  const { t, lang, meta } = c;
  if (meta.settings.moderators.length === 0) return null;
  const heading = html`<h3 id="ev-regression">${t('ev_regression_heading')}</h3>`;
  const moderators = joinList(meta.settings.moderators, lang, 'and');
  const reg = meta.meta_regression;
  if (reg === null) {
    return html`${heading}
<p>${t('ev_regression_none', { moderators, reason: meta.meta_regression_note ?? DASH })}</p>
`;
  }
  const trialMissing = reg.missing_moderator.includes(meta.this_trial.study) && meta.this_trial.included;
  const missing = reg.missing_moderator.filter((s) => !(trialMissing && s === meta.this_trial.study));
  const rows = reg.coefficients.map(
    (k) =>
      html`<tr><th scope="row">${k.term === '(Intercept)' ? t('ev_intercept') : k.term}</th><td class="num">${formatDecimal(k.estimate, lang, 3)}</td><td class="num">${ratioWithInterval(k.ratio.estimate, k.ratio.ci, lang)}</td><td class="num">${formatPStatement(k.p_value, lang)}</td></tr>\n`,
  );
  const slopes = reg.coefficients.filter((k) => k.term !== '(Intercept)');
  const readings = slopes.map((k) =>
    t(k.ci[0] > 0 || k.ci[1] < 0 ? 'ev_regression_reading_clear' : 'ev_regression_reading_unclear', {
      term: k.term,
      ratio: formatRatio(k.ratio.estimate, lang),
      ci: ci(c, k.ratio.ci),
      p: formatPStatement(k.p_value, lang),
    }),
  );
  const facts = [
    t('ev_regression_fit', {
      k: formatInteger(reg.k, lang),
      moderators,
      test: t(reg.test === 'knha' ? 'ev_test_knha' : 'ev_test_z'),
      residual: formatPercent(reg.i2, lang, 0),
      explained: formatPercent(reg.r2, lang, 0),
    }),
    ...(missing.length > 0 ? [t('ev_regression_missing', { studies: joinList(missing, lang, 'and') })] : []),
    ...(trialMissing ? [t('ev_regression_trial_missing')] : []),
    ...(reg.aliased.length > 0 ? [t('ev_regression_aliased', { terms: joinList(reg.aliased, lang, 'and') })] : []),
  ];
  return html`${heading}
<p>${t('ev_regression_intro')}</p>
<div class="scroll">
<table class="evidence" aria-labelledby="ev-regression">
<thead><tr><th scope="col">${t('ev_term_col')}</th><th scope="col" class="num">${t('ev_coefficient_col')}</th><th scope="col" class="num">${t('ev_ratio_of_ratios_col', { level: c.level })}</th><th scope="col" class="num">${t('ev_p_col')}</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</div>
<ul class="findings">
${[...readings, ...facts].map((s) => html`<li>${s}</li>\n`)}<li>${t('ev_regression_caution')}</li>
</ul>`;
}

// ---------------------------------------------------------------------------------------
// Leave-one-out and cumulative

function sensitivity(c: Ctx): SafeHtml | null {
  const { t, lang, meta } = c;
  if (meta.leave_one_out.length === 0 && meta.cumulative.length <= 1) return null;
  const label = (study: string, year: number | null) => {
    const s = meta.studies.find((x) => x.study === study);
    return s ? studyLabel(s, lang) : year === null ? study : `${study} (${year})`;
  };
  const table = (caption: string, first: string, list: TrialInContext['leave_one_out']) => html`<table class="evidence">
<caption>${caption}</caption>
<thead><tr><th scope="col">${first}</th><th scope="col" class="num">${t('ev_row_k')}</th><th scope="col" class="num">${t('ev_ratio_col', { level: c.level })}</th><th scope="col" class="num">I²</th></tr></thead>
<tbody>
${list.map((s) => html`<tr><th scope="row">${label(s.study, s.year)}</th><td class="num">${formatInteger(s.k, lang)}</td><td class="num">${ratioWithInterval(s.estimate, s.ci, lang)}</td><td class="num">${formatPercent(s.i2, lang, 0)}</td></tr>\n`)}</tbody>
</table>`;
  const range = meta.leave_one_out.length > 0 ? leaveOneOutRange(c) : null;
  return html`<h3 id="ev-sensitivity">${t('ev_sensitivity_heading')}</h3>
<p>${t('ev_sensitivity_intro')}${range ? html` ${range}` : null}</p>
<details>
<summary>${t('ev_sensitivity_show')}</summary>
${meta.leave_one_out.length > 0 ? table(t('ev_leave_one_out_caption'), t('ev_left_out_col'), meta.leave_one_out) : null}
${meta.cumulative.length > 1 ? table(t('ev_cumulative_caption'), t('ev_added_col'), meta.cumulative) : null}
</details>`;
}

/** "Leaving out one study at a time, the pooled risk ratio stays between 1,98 and 2,12." */
function leaveOneOutRange(c: Ctx): string {
  const estimates = c.meta.leave_one_out.map((s) => s.estimate);
  return c.t('ev_leave_one_out_range', { low: formatRatio(Math.min(...estimates), c.lang), high: formatRatio(Math.max(...estimates), c.lang) });
}

// ---------------------------------------------------------------------------------------
// Sources and method

function sources(c: Ctx): SafeHtml {
  const { t, lang, meta } = c;
  const all = [...meta.studies.filter((s) => s.origin !== 'this_trial'), ...meta.excluded];
  const published = all.filter((s) => s.origin === 'published').sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const synthetic = all.filter((s) => s.origin === 'synthetic').sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return html`<h3 id="ev-sources">${t('ev_sources_heading')}</h3>
<p>${t('ev_sources_intro', { rows: formatInteger(meta.evidence.rows, lang), published: formatInteger(meta.evidence.published, lang), synthetic: formatInteger(meta.evidence.synthetic, lang) })}</p>
${published.length > 0 ? html`<ul class="notes">\n${published.map((s) => html`<li>${studyLabel(s, lang)}: ${s.citation ?? DASH}</li>\n`)}</ul>\n` : null}${synthetic.length > 0 ? html`<p>${t('ev_sources_synthetic', { studies: joinList(synthetic.map((s) => s.study), lang, 'and') })}</p>\n` : null}<p>${t('ev_this_trial_source', { month: String(meta.this_trial.month), arm_t: c.arm_t, arm_c: c.arm_c })}</p>`;
}

function method(c: Ctx): SafeHtml {
  const { t, meta } = c;
  const s = meta.settings;
  const other = s.method === 'REML' ? 'DL' : 'REML';
  const interval = s.interval === 'auto' ? t('ev_method_interval_auto') : s.interval === 'knha' ? t('ev_method_interval_knha') : t('ev_method_interval_z');
  return html`<h3 id="ev-method">${t('ev_method_heading')}</h3>
<p>${t('ev_method_effects')}</p>
<p>${t('ev_method_pooling', { method: t(s.method === 'REML' ? 'ev_method_reml' : 'ev_method_dl'), other: t(other === 'REML' ? 'ev_method_reml' : 'ev_method_dl'), interval })}</p>
<p>${t('ev_method_terms')}</p>
<p>${t('ev_method_this_trial')}</p>
`;
}
