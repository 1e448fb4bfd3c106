/**
 * The baseline table ("Table 1"): the arms as they were at the start, one row group per
 * characteristic, with the standardized difference and a worded flag for imbalance, and
 * notes that explain every symbol the table uses. Only rounding happens here.
 *
 * What is hidden is the producer's decision (src/design/baseline.ts, the same small-number
 * rule as the rest of the report): hidden numbers are written ":", the report's one symbol
 * for them (src/report/disclosure.ts), and the notes use the report's footnote for it.
 */
import type { BaselineTable, BaselineVariable, CategoricalVariable, ContinuousSummary, ContinuousVariable, LevelCount } from '../design/baseline.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { disclosureFootnote, HIDDEN } from './disclosure.ts';
import { html, type SafeHtml } from './escape.ts';
import { levelLabel, variableLabel } from './labels.ts';
import { formatDecimal, formatInteger, formatPercent, text, type Lang, type TextKey } from './texts.ts';

/** Decimals shown for means, SDs, medians and quartiles, and for standardized differences. */
const SUMMARY_DIGITS = 1;
const SMD_DIGITS = 2;
const DASH = '–';

/** Cell texts of one row: a label and one cell per arm (the SMD goes on the group's first row). */
interface Row {
  label: string;
  cells: string[];
}

/** The baseline section: heading, who is described, the table and its notes. */
export function baselineSection(baseline: BaselineTable, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const total = plan.arms.reduce((sum, arm) => sum + (baseline.arms[arm] ?? 0), 0);
  return html`<section aria-labelledby="baseline">
<h2 id="baseline">${t('baseline_heading')}</h2>
<p>${t('baseline_intro', { n: formatInteger(total, lang) })}</p>
${explanation(baseline, plan, lang)}
<div class="scroll">
<table class="baseline">
<thead><tr><th scope="col">${t('baseline_variable_col')}</th>${plan.arms.map(
    (arm) =>
      html`<th scope="col" class="num">${arm === plan.control_arm ? t('arm_control', { arm }) : arm}<br>${t('n_is', { n: formatInteger(baseline.arms[arm] ?? 0, lang) })}</th>`,
  )}<th scope="col" class="num">${t('baseline_smd_col')}</th></tr></thead>
${baseline.variables.map((v) => variableGroup(v, baseline, plan, lang))}</table>
</div>
${notes(baseline, lang)}
</section>
`;
}

/** One characteristic: a header row with its name and SMD, then its rows. */
function variableGroup(v: BaselineVariable, baseline: BaselineTable, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const rows = v.kind === 'continuous' ? continuousRows(v, baseline, plan, lang) : categoricalRows(v, plan, lang);
  return html`<tbody>
<tr class="variable"><th scope="rowgroup">${variableLabel(v.variable, lang)}</th>${plan.arms.map(() => html`<td></td>`)}<td class="num smd">${smdCell(v, lang)}</td></tr>
${rows.map((r) => html`<tr><th scope="row" class="level">${r.label}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}<td></td></tr>\n`)}</tbody>
`;
}

/**
 * Mean (SD), median [quartiles] and, when any value is missing or the missing count is
 * hidden, a missing row. What to hide is the producer's decision (a summary of fewer than
 * `min_n_for_summary` values; a missing count hidden together with n, since the arm size
 * minus one gives the other away): the report prints what it is given.
 */
function continuousRows(v: ContinuousVariable, baseline: BaselineTable, plan: AnalysisPlan, lang: Lang): Row[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const arms = plan.arms.map((arm) => v.arms[arm]);
  const num = (x: number | null) => (x === null ? DASH : formatDecimal(x, lang, SUMMARY_DIGITS));
  const cell = (s: ContinuousSummary | undefined, show: (s: ContinuousSummary) => string) =>
    !s ? DASH : s.suppressed ? HIDDEN : s.mean === null ? DASH : show(s);
  const missing = (s: ContinuousSummary | undefined) =>
    !s ? DASH : s.missing_suppressed ? HIDDEN : s.missing === null ? DASH : formatInteger(s.missing, lang);
  const rows: Row[] = [
    { label: t('baseline_mean_sd'), cells: arms.map((s) => cell(s, (x) => `${num(x.mean)} (${num(x.sd)})`)) },
    { label: t('baseline_median_iqr'), cells: arms.map((s) => cell(s, (x) => `${num(x.median)} [${num(x.q1)}–${num(x.q3)}]`)) },
  ];
  if (arms.some((s) => s !== undefined && (s.missing_suppressed || (s.missing ?? 0) > 0))) {
    rows.push({ label: t('baseline_missing'), cells: arms.map(missing) });
  }
  return rows;
}

/**
 * "n (%)" per level, then the missing row. A suppressed cell is ":", not "<3": the
 * producer also hides a partner cell, which may be large, so that a small one cannot be
 * recovered by subtraction, and the result does not say which cell is which.
 */
function categoricalRows(v: CategoricalVariable, plan: AnalysisPlan, lang: Lang): Row[] {
  const count = (c: LevelCount | undefined) =>
    !c
      ? DASH
      : c.suppressed
        ? HIDDEN
        : c.n === null
          ? DASH
          : c.fraction === null
            ? formatInteger(c.n, lang)
            : `${formatInteger(c.n, lang)} (${formatPercent(c.fraction, lang)})`;
  return v.levels.map((l) => ({
    label: l.missing ? text(lang, 'baseline_missing') : levelLabel(v.variable, l.level, lang),
    cells: plan.arms.map((arm) => count(l.arms[arm])),
  }));
}

/**
 * The SMD with two decimals, ∞ when the arms do not overlap, ":" when withheld because
 * something of the variable is hidden, a dash without data; and the flag.
 */
function smdCell(v: BaselineVariable, lang: Lang): SafeHtml {
  const value =
    v.smd !== null
      ? formatDecimal(v.smd, lang, SMD_DIGITS)
      : v.smd_note === 'no_overlap'
        ? '∞'
        : v.smd_note === 'suppressed'
          ? HIDDEN
          : DASH;
  return html`${value}${v.imbalanced === true ? html` <strong class="flag">${text(lang, 'smd_flag')}</strong>` : null}`;
}

/** Notes under the table: what SD and the brackets mean, and a line for each symbol the table uses. */
function notes(baseline: BaselineTable, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const threshold = formatDecimal(baseline.imbalance_threshold, lang, 2, 0);
  const vars = baseline.variables;
  const summaries = vars.flatMap((v) => (v.kind === 'continuous' ? Object.values(v.arms) : []));
  const anyCountHidden =
    summaries.some((s) => s.missing_suppressed) ||
    vars.some((v) => v.kind === 'categorical' && v.levels.some((l) => Object.values(l.arms).some((c) => c.suppressed)));
  const lines = [
    t('baseline_sd_note'),
    t('baseline_median_note'),
    anyCountHidden && disclosureFootnote(baseline.small_cell_threshold, lang),
    summaries.some((s) => s.suppressed) && t('baseline_summary_suppressed_note', { t: formatInteger(baseline.min_n_for_summary, lang) }),
    vars.some((v) => v.smd === null && v.smd_note === 'suppressed') && t('smd_suppressed_note'),
    vars.some((v) => v.imbalanced === true) && t('smd_flag_note', { threshold }),
    vars.some((v) => v.smd === null && v.smd_note === 'no_overlap') && t('smd_infinite_note'),
    vars.some((v) => v.smd === null && v.smd_note === 'no_data') && t('smd_no_data_note'),
  ].filter((l): l is string => l !== false);
  return html`<ul class="notes">
${lines.map((l) => html`<li>${l}</li>\n`)}</ul>
`;
}

/** What the standardized difference means, before the table that uses it. */
function explanation(baseline: BaselineTable, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const threshold = formatDecimal(baseline.imbalance_threshold, lang, 2, 0);
  const treatment = plan.arms.find((a) => a !== plan.control_arm) ?? '';
  return html`<p>${text(lang, 'smd_explained', { threshold })} ${text(lang, 'smd_sign_note', { treatment, control: plan.control_arm })}</p>`;
}
