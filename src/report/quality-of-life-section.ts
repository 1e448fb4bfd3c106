/**
 * The questionnaire results (quality of life and health), the trial's secondary outcomes:
 * what was asked and who answered, the adjusted difference per measure and follow-up wave
 * with a reading in words, the means chart, and the sensitivity analyses for missing answers.
 *
 * Every difference is intervention minus control on the measure's own scale. Whether it is
 * better or worse comes from the result's `reading` and the measure's direction, never from
 * the sign alone. Only rounding happens here; every number comes from the quality-of-life
 * stage.
 */
import type { AnalysisPlan } from '../io/plan.ts';
import type { ArmWaveSummary, MeanDifference, QualityOfLifeResult, QualityOfLifeWave } from '../quality-of-life/quality-of-life-results.ts';
import { measureWaves, QUALITY_OF_LIFE_MEANS, qualityOfLifeMeansSpec, scaleDigits, waveName } from './charts/quality-of-life-means.ts';
import { NoteList, notEstimableReason } from './effect-text.ts';
import { disclosureFootnote, disclosureNote, HIDDEN } from './disclosure.ts';
import { html, type SafeHtml } from './escape.ts';
import { chartFigure } from './figure.ts';
import type { RenderedChart } from './html-report.ts';
import { armRoles, labelInText, measureLabel, variableInText } from './labels.ts';
import { renderSvg } from './render-svg.ts';
import { formatDecimal, formatInteger, formatPercent, formatPValue, joinList, text, type Lang, type TextKey } from './texts.ts';

const DASH = '–';

/** A count of answers, or the withheld symbol (":", src/report/disclosure.ts) when the small-cell rule hides it. */
function countText(n: number | null, lang: Lang): string {
  return n === null ? HIDDEN : formatInteger(n, lang);
}
/** Decimals of Hedges' g, and the rule-of-thumb sizes the notes name. */
const G_DIGITS = 2;
const G_SIZES = { small: 0.2, medium: 0.5, large: 0.8 } as const;

/** The questionnaire chart: mean per arm and wave, one panel per measure. */
export async function renderQualityOfLifeCharts(qol: QualityOfLifeResult, plan: AnalysisPlan, lang: Lang): Promise<RenderedChart[]> {
  if (qol.quality_of_life.length === 0) return [];
  const spec = qualityOfLifeMeansSpec(qol, plan, lang);
  return [{ name: QUALITY_OF_LIFE_MEANS, spec, svg: await renderSvg(spec) }];
}

/** What the section writes often: texts, numbers on a measure's scale, the level. */
interface Ctx {
  lang: Lang;
  /** The fewest answers whose mean is shown (the small-cell rule). */
  minSummary: number;
  plan: AnalysisPlan;
  t: (key: TextKey, params?: Record<string, string>) => string;
  arm_t: string;
  arm_c: string;
  /** "95 %" / "95%". */
  level: string;
  /** 1 − confidence level: below it, a p-value is "clear". */
  alpha: number;
}

function context(qol: QualityOfLifeResult, plan: AnalysisPlan, lang: Lang): Ctx {
  return {
    lang,
    minSummary: qol.quality_of_life_methods.min_n_for_summary,
    plan,
    t: (key, params) => text(lang, key, params),
    ...armRoles(plan),
    level: formatPercent(plan.confidence_level, lang, 1, 0),
    // Rounded, so 1 − 0.95 is 0.05 and not 0.050000000000000044.
    alpha: Math.round((1 - plan.confidence_level) * 1e9) / 1e9,
  };
}

/** A number on the measure's scale, with the decimals its range calls for. */
const scaleNumber = (w: QualityOfLifeWave, x: number, lang: Lang) => formatDecimal(x, lang, scaleDigits(w.min, w.max));
/** A scale end (0, 27, 1,5). */
const scaleEnd = (x: number, lang: Lang) => formatDecimal(x, lang, 2, 0);

/** "0,31 (0,07 til 0,55)"; the estimate alone without an interval. */
function estimateText(estimate: number, ci: [number, number] | null, format: (x: number) => string, lang: Lang): string {
  return ci === null ? format(estimate) : text(lang, 'estimate_ci', { estimate: format(estimate), low: format(ci[0]), high: format(ci[1]) });
}

/** Why an estimate is null, as a note ("–: …"). */
function nullNote(d: Pick<MeanDifference, 'note'> | null, lang: Lang): string {
  if (d === null || d.note === null) return text(lang, 'qol_note_not_estimable_plain');
  const reason = reasonText(d.note, lang) ?? notEstimableReason(d.note, lang);
  return reason === null ? text(lang, 'qol_note_not_estimable_unknown', { note: d.note }) : text(lang, 'qol_note_not_estimable', { reason });
}

const QOL_REASON_TEXT: Readonly<Record<string, TextKey>> = {
  no_answers_in_arm: 'reason_no_answers_in_arm',
  no_variance: 'reason_no_variance',
};
function reasonText(note: string, lang: Lang): string | null {
  const key = QOL_REASON_TEXT[note];
  return key ? text(lang, key) : null;
}

/** The measure's direction in words: "høyere er bedre". */
const directionText = (w: QualityOfLifeWave, lang: Lang) => text(lang, w.higher_is_better ? 'qol_higher_better' : 'qol_lower_better');

/** The follow-up waves (with a comparison) of the result, measures in result order. */
function followUps(qol: QualityOfLifeResult): { measure: string; waves: QualityOfLifeWave[] }[] {
  return measureWaves(qol)
    .map(({ measure, waves }) => ({ measure, waves: waves.filter((w) => !w.baseline && w.difference !== null) }))
    .filter((m) => m.waves.length > 0);
}

/** Clear before the multiplicity correction (p < α) but not after (p adjusted ≥ α). */
function clearOnlyBeforeCorrection(w: QualityOfLifeWave, alpha: number): boolean {
  const d = w.difference;
  return d !== null && d.p !== null && d.p_adjusted !== null && d.p < alpha && d.p_adjusted >= alpha;
}

// ---------------------------------------------------------------------------------------
// The section

/** The quality-of-life section: intro, the table with its notes, the chart, the sensitivity analyses. */
export function qualityOfLifeSection(charts: RenderedChart[], qol: QualityOfLifeResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  if (qol.quality_of_life.length === 0) return html``;
  const c = context(qol, plan, lang);
  const chart = charts.find((x) => x.name === QUALITY_OF_LIFE_MEANS);
  return html`<section aria-labelledby="quality-of-life">
<h2 id="quality-of-life">${c.t('qol_heading')}</h2>
${intro(qol, c)}
${differencesTable(qol, c)}
${chart ? meansFigure(chart, qol, c) : null}
${sensitivity(qol, c)}</section>
`;
}

/** What was asked and when, who did not answer, what the comparison adjusts for, and the correction. */
function intro(qol: QualityOfLifeResult, c: Ctx): SafeHtml {
  const { t, lang, arm_t, arm_c } = c;
  const measures = measureWaves(qol);
  const labels = measures.map(({ measure, waves }) => labelInText(measureLabel(measure, c.plan, lang, waves[0]!.label), lang));
  const followMonths = [...new Set(qol.quality_of_life.filter((w) => !w.baseline).map((w) => w.month))].sort((a, b) => a - b);
  const paragraphs: string[] = [];
  if (followMonths.length > 0) {
    paragraphs.push(t('qol_intro', { months: joinList(followMonths.map(String), lang, 'and'), measures: joinList(labels, lang, 'and') }));
    const last = followMonths[followMonths.length - 1]!;
    const atLast = qol.quality_of_life.filter((w) => w.month === last);
    paragraphs.push(t('qol_missing', { month: String(last), arm_t, arm_c, share_t: missingShare(atLast, arm_t, lang), share_c: missingShare(atLast, arm_c, lang) }));
  }
  const methods = qol.quality_of_life_methods;
  const variables = [t('qol_baseline_score'), ...[...new Set(['site', ...methods.covariates])].map((v) => variableInText(v, lang))];
  paragraphs.push(t('qol_adjusted', { arm_t, arm_c, variables: joinList(variables, lang, 'and') }));
  if (methods.family.length > 1) {
    const method = t(methods.multiplicity === 'holm' ? 'qol_method_holm' : 'qol_method_bh');
    paragraphs.push(t('qol_multiplicity', { count: formatInteger(methods.family.length, lang), method }));
  }
  return html`${paragraphs.map((p, i) => html`${i > 0 ? '\n' : ''}<p>${p}</p>`)}`;
}

/**
 * The share of an arm without an answer at a wave, in whole percent: one number when every
 * measure lost the same share, else the range over the measures; ":" when every share is
 * hidden by the small-cell rule, a dash when none is known.
 */
function missingShare(waves: QualityOfLifeWave[], arm: string, lang: Lang): string {
  const shares = waves.map((w) => w.arms[arm]?.share_missing).filter((s): s is number => typeof s === 'number');
  if (shares.length === 0) return waves.some((w) => w.arms[arm]?.counts_suppressed) ? HIDDEN : DASH;
  const [low, high] = [formatPercent(Math.min(...shares), lang, 0), formatPercent(Math.max(...shares), lang, 0)];
  return low === high ? low : text(lang, 'qol_missing_range', { low, high });
}

/** A cell: its text and the superscript numbers of its notes. */
function noteMarks(notes: NoteList, list: readonly string[]): SafeHtml {
  return html`${notes.mark(list).map((n, i) => html`${i > 0 ? ',' : ''}<sup>${String(n)}</sup>`)}`;
}

/** An arm's mean at a wave: the number, or ":" (withheld by the small-cell rule) or a dash (none), and the note that says why. */
function meanCell(w: QualityOfLifeWave, a: ArmWaveSummary | undefined, notes: NoteList, c: Ctx, withCi = false): SafeHtml {
  if (a && !a.suppressed && a.mean !== null) {
    const num = (x: number) => scaleNumber(w, x, c.lang);
    return html`${withCi ? estimateText(a.mean, a.ci, num, c.lang) : num(a.mean)}`;
  }
  if (a?.suppressed) return html`${HIDDEN}${noteMarks(notes, [c.t('qol_note_suppressed', { t: formatInteger(c.minSummary, c.lang) })])}`;
  return html`${DASH}${noteMarks(notes, [c.t('qol_note_no_mean')])}`;
}

/** Whether the small-cell rule hides a count of answers anywhere in the result. */
function countsHidden(qol: QualityOfLifeResult): boolean {
  return qol.quality_of_life.some((w) => Object.values(w.arms).some((a) => a.counts_suppressed));
}

/** The reading in words: from `reading` and the measure's direction, qualified after the correction. */
function readingCell(w: QualityOfLifeWave, notes: NoteList, c: Ctx): SafeHtml {
  const d = w.difference!;
  const correctionNote = clearOnlyBeforeCorrection(w, c.alpha) ? [c.t('qol_note_after_correction', { alpha: formatDecimal(c.alpha, c.lang, 4, 0) })] : [];
  if (d.reading === null) return html`${DASH}${noteMarks(notes, [nullNote(d, c.lang)])}`;
  if (d.reading === 'no_clear_difference') return html`${c.t('qol_reading_none')}${noteMarks(notes, correctionNote)}`;
  // Better for the intervention means higher scores exactly when higher is better.
  const higher = (d.reading === 'better') === w.higher_is_better;
  const base = c.t(higher ? 'qol_reading_higher' : 'qol_reading_lower', {
    reading: c.t(d.reading === 'better' ? 'qol_reading_better' : 'qol_reading_worse', { arm_t: c.arm_t }),
  });
  // Bold only when the difference is clear after the correction too.
  if (correctionNote.length > 0) return html`${c.t('qol_reading_not_after_correction', { reading: base })}${noteMarks(notes, correctionNote)}`;
  return html`<strong>${base}</strong>`;
}

/** The main table: per measure a heading row with its scale and direction, then a row per follow-up wave. */
function differencesTable(qol: QualityOfLifeResult, c: Ctx): SafeHtml {
  const { t, lang, plan } = c;
  const notes = new NoteList();
  const measures = followUps(qol);
  const columns = 1 + plan.arms.length + 4;
  const int = (n: number) => formatInteger(n, lang);
  const row = (w: QualityOfLifeWave) => {
    const d = w.difference!;
    // Cells left to right, so the notes are numbered in reading order.
    const arms = plan.arms.map((arm) => {
      const a = w.arms[arm];
      return html`<td class="num">${meanCell(w, a, notes, c)} (${a ? countText(a.n, lang) : DASH})</td>`;
    });
    const num = (x: number) => scaleNumber(w, x, lang);
    const missing = [nullNote(d, lang)];
    const difference = d.estimate === null ? html`${DASH}${noteMarks(notes, missing)}` : html`${estimateText(d.estimate, d.ci, num, lang)}${noteMarks(notes, d.ci === null ? [t('qol_note_no_interval')] : [])}`;
    const p =
      d.p === null
        ? html`${DASH}${noteMarks(notes, missing)}`
        : d.p_adjusted === null
          ? html`${DASH}${noteMarks(notes, [t('qol_note_outside_family')])}<br><small>${t('qol_p_raw', { p: formatPValue(d.p, lang) })}</small>`
          : html`${formatPValue(d.p_adjusted, lang)}<br><small>${t('qol_p_raw', { p: formatPValue(d.p, lang) })}</small>`;
    const g = w.hedges_g;
    const gNum = (x: number) => formatDecimal(x, lang, G_DIGITS);
    const gCell =
      g !== null && g.estimate !== null
        ? // The interval under the estimate, so the reading column keeps its room.
          html`${gNum(g.estimate)}${g.ci ? html`<br><small>${t('interval', { low: gNum(g.ci[0]), high: gNum(g.ci[1]) })}</small>` : null}`
        : html`${DASH}${noteMarks(notes, d.estimate === null ? missing : [t('qol_note_no_g')])}`;
    return html`<tr><th scope="row" class="level">${waveName(w.month, lang)}</th>${arms}<td class="num">${difference}</td><td class="num">${p}</td><td class="num">${gCell}</td><td class="reading">${readingCell(w, notes, c)}</td></tr>\n`;
  };
  // Build the body first: it numbers the notes.
  const body = measures.map(({ measure, waves }) => {
    const w = waves[0]!;
    const heading = t('qol_measure_heading', {
      measure: measureLabel(measure, plan, lang, w.label),
      min: scaleEnd(w.min, lang),
      max: scaleEnd(w.max, lang),
      direction: directionText(w, lang),
    });
    return html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="${String(columns)}">${heading}</th></tr>
${waves.map(row)}</tbody>
`;
  });
  const head = html`<thead><tr><th scope="col">${t('qol_when_col')}</th>${plan.arms.map(
    (arm) => html`<th scope="col" class="num">${t('qol_mean_n_col', { arm })}</th>`,
  )}<th scope="col" class="num">${t('qol_difference_col', { level: c.level })}</th><th scope="col" class="num">${t('qol_p_col')}</th><th scope="col" class="num">${t('qol_g_col', { level: c.level })}</th><th scope="col">${t('qol_reading_col')}</th></tr></thead>`;
  return html`<h3 id="qol-differences">${t('qol_table_heading')}</h3>
<div class="scroll">
<table class="qol" aria-labelledby="qol-differences">
${head}
${body}</table>
</div>
${lede(qol, c)}
${notes.notes.length > 0 ? html`<ol class="notes">\n${notes.notes.map((n) => html`<li>${n}</li>\n`)}</ol>\n` : null}${tableNotes(c, countsHidden(qol))}`;
}

/** Under the table for a lay reader: what the difference and g mean. */
function lede(qol: QualityOfLifeResult, c: Ctx): SafeHtml {
  const { t, lang, arm_t, arm_c } = c;
  const lower = measureWaves(qol)
    .filter(({ waves }) => !waves[0]!.higher_is_better)
    .map(({ measure, waves }) => labelInText(measureLabel(measure, c.plan, lang, waves[0]!.label), lang));
  const size = (x: number) => formatDecimal(x, lang, 1);
  const difference = [t('qol_lede_difference', { arm_t, arm_c }), lower.length > 0 && t('qol_lede_lower_better', { measures: joinList(lower, lang, 'and') })]
    .filter((s): s is string => typeof s === 'string')
    .join(' ');
  return html`<p class="table-lede">${difference}</p>
<p class="table-lede">${t('qol_lede_g', { small: size(G_SIZES.small), medium: size(G_SIZES.medium), large: size(G_SIZES.large) })}</p>`;
}

/** What the interval, the p-values and the counts mean, and ":" for a hidden count. */
function tableNotes(c: Ctx, hidden: boolean): SafeHtml {
  const lines = [c.t('qol_note_ci', { level: c.level }), c.t('qol_note_p'), c.t('qol_note_n'), ...(hidden ? [disclosureFootnote(c.plan.small_cell_threshold, c.lang)] : [])];
  return html`<ul class="notes">
${lines.map((l) => html`<li>${l}</li>\n`)}</ul>`;
}

/** The means chart, with its numbers per measure, wave and arm (baseline included) in a table. */
function meansFigure(chart: RenderedChart, qol: QualityOfLifeResult, c: Ctx): SafeHtml {
  const { t, lang, plan } = c;
  const notes = new NoteList();
  const body = measureWaves(qol).map(({ measure, waves }) => {
    const label = measureLabel(measure, plan, lang, waves[0]!.label);
    return html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="${String(1 + 2 * plan.arms.length)}">${label}</th></tr>
${waves.map(
  (w) =>
    html`<tr><th scope="row" class="level">${waveName(w.month, lang)}</th>${plan.arms.map((arm) => {
      const a = w.arms[arm];
      return html`<td class="num">${a ? countText(a.n, lang) : DASH}</td><td class="num">${meanCell(w, a, notes, c, true)}</td>`;
    })}</tr>\n`,
)}</tbody>
`;
  });
  const table = html`<thead><tr><th scope="col">${t('qol_when_col')}</th>${plan.arms.map(
    (arm) => html`<th scope="col" class="num">${t('qol_n_col', { arm })}</th><th scope="col" class="num">${t('qol_mean_ci_col', { arm, level: c.level })}</th>`,
  )}</tr></thead>
${body}`;
  const caption = { title: t('chart_qol_title'), description: t('chart_qol_description', { level: c.level }) };
  return html`${chartFigure(chart, caption, table, lang)}${notes.notes.length > 0 ? html`\n<ol class="notes">\n${notes.notes.map((n) => html`<li>${n}</li>\n`)}</ol>` : null}${countsHidden(qol) ? html`\n${disclosureNote(plan, lang)}` : null}`;
}

// ---------------------------------------------------------------------------------------
// Sensitivity analyses

type Agreement = 'agree' | 'direction' | 'less_clear' | 'more_clear' | 'missing';

/** Clear: the interval lies wholly on one side of 0. */
const isClear = (ci: [number, number]) => ci[0] > 0 || ci[1] < 0;

/** Does a sensitivity estimate agree with the main one in direction (sign) and in clarity? */
function agreement(main: MeanDifference, other: MeanDifference | null): Agreement {
  if (main.estimate === null || main.ci === null || other === null || other.estimate === null || other.ci === null) return 'missing';
  if (Math.sign(main.estimate) !== Math.sign(other.estimate)) return 'direction';
  const [a, b] = [isClear(main.ci), isClear(other.ci)];
  return a === b ? 'agree' : a ? 'less_clear' : 'more_clear';
}

const DISAGREE_TEXT: Readonly<Record<Exclude<Agreement, 'agree'>, TextKey>> = {
  direction: 'qol_disagree_direction',
  less_clear: 'qol_disagree_less_clear',
  more_clear: 'qol_disagree_more_clear',
  missing: 'qol_disagree_missing',
};

/** The sensitivity analyses: what they are, whether they agree, and (folded) their table. */
function sensitivity(qol: QualityOfLifeResult, c: Ctx): SafeHtml {
  const { t, lang, plan } = c;
  const methods = qol.quality_of_life_methods;
  const measures = followUps(qol);
  const waves = measures.flatMap((m) => m.waves);
  if (waves.length === 0) return html``;
  const m = waves.find((w) => w.multiple_imputation)?.multiple_imputation?.m ?? methods.imputations;
  const notes = new NoteList();
  // "livskvalitet i måned 6": a list of these stays readable where "…, måned 6, …" would not.
  const outcome = (w: QualityOfLifeWave) => t('qol_outcome_in_text', { measure: labelInText(measureLabel(w.measure, plan, lang, w.label), lang), month: String(w.month) });

  const verdicts = waves.map((w) => ({
    w,
    mixed: agreement(w.difference!, w.mixed_model),
    imputed: agreement(w.difference!, w.multiple_imputation),
  }));
  const differ = verdicts.filter((v) => [v.mixed, v.imputed].some((a) => a !== 'agree' && a !== 'missing')).map((v) => outcome(v.w));
  const missing = verdicts.filter((v) => v.mixed === 'missing' || v.imputed === 'missing').map((v) => outcome(v.w));
  const sentences = [
    differ.length > 0
      ? t('qol_sensitivity_some_differ', { list: joinList(differ, lang, 'and') })
      : missing.length < waves.length && t(missing.length === 0 ? 'qol_sensitivity_all_agree' : 'qol_sensitivity_agree_where_estimable'),
    missing.length > 0 && t('qol_sensitivity_not_comparable', { list: joinList(missing, lang, 'and') }),
  ].filter((s): s is string => typeof s === 'string');

  const converged = (measure: string) => methods.mixed_models.find((x) => x.measure === measure)?.converged ?? true;
  const estimateCell = (w: QualityOfLifeWave, d: MeanDifference | null, extra: SafeHtml | null, extraNotes: string[] = []) => {
    if (d === null || d.estimate === null) return html`${DASH}${noteMarks(notes, [nullNote(d, lang)])}`;
    const num = (x: number) => scaleNumber(w, x, lang);
    return html`${estimateText(d.estimate, d.ci, num, lang)}${noteMarks(notes, extraNotes)}${extra ? html`<br><small>${extra}</small>` : null}`;
  };
  const agreeCell = (v: (typeof verdicts)[number]) => {
    if (v.mixed === 'agree' && v.imputed === 'agree') return text(lang, 'level_yes');
    const parts = (
      [
        ['qol_mixed_name', v.mixed],
        ['qol_mi_name', v.imputed],
      ] as const
    )
      .filter(([, a]) => a !== 'agree')
      .map(([name, a]) => t(DISAGREE_TEXT[a as Exclude<Agreement, 'agree'>], { analysis: t(name) }));
    return `${text(lang, 'level_no')} (${parts.join('; ')})`;
  };
  const row = (v: (typeof verdicts)[number]) => {
    const { w } = v;
    const mm = w.mixed_model;
    const mi = w.multiple_imputation;
    const df = mm?.df != null ? t('qol_df', { df: formatDecimal(mm.df, lang, 1) }) : null;
    const fmi = mi?.fmi != null ? t('qol_fmi', { fmi: formatPercent(mi.fmi, lang, 0) }) : null;
    const mixedNotes = mm !== null && mm.estimate !== null && !converged(w.measure) ? [t('note_not_converged')] : [];
    return html`<tr><th scope="row" class="level">${waveName(w.month, lang)}</th><td class="num">${estimateCell(w, w.difference, null)}</td><td class="num">${estimateCell(w, mm, df ? html`${df}` : null, mixedNotes)}</td><td class="num">${estimateCell(w, mi, fmi ? html`${fmi}` : null)}</td><td>${agreeCell(v)}</td></tr>\n`;
  };
  const body = measures.map(({ measure, waves: ws }) => {
    const label = measureLabel(measure, plan, lang, ws[0]!.label);
    return html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="5">${label}</th></tr>
${verdicts.filter((v) => v.w.measure === measure).map(row)}</tbody>
`;
  });
  const lines = [t('qol_note_mixed'), t('qol_note_mi', { m: formatInteger(m, lang) }), t('qol_note_agree')];
  return html`<h3 id="qol-sensitivity">${t('qol_sensitivity_heading')}</h3>
<p>${t('qol_sensitivity_intro', { m: formatInteger(m, lang) })}</p>
${sentences.length > 0 ? html`<p><strong>${sentences.join(' ')}</strong></p>\n` : null}<details>
<summary>${t('qol_sensitivity_show')}</summary>
<div class="scroll">
<table class="qol-sensitivity">
<thead><tr><th scope="col">${t('qol_when_col')}</th><th scope="col" class="num">${t('qol_ancova_col', { level: c.level })}</th><th scope="col" class="num">${t('qol_mixed_col', { level: c.level })}</th><th scope="col" class="num">${t('qol_mi_col', { level: c.level })}</th><th scope="col">${t('qol_agree_col')}</th></tr></thead>
${body}</table>
</div>
${notes.notes.length > 0 ? html`<ol class="notes">\n${notes.notes.map((n) => html`<li>${n}</li>\n`)}</ol>\n` : null}<ul class="notes">
${lines.map((l) => html`<li>${l}</li>\n`)}</ul>
</details>
`;
}
